// T2: a facilitator's command until every client of a 16-member group (1 facilitator,
// 15 participants, all admitted) has received the snapshot carrying it. Real server, real
// Socket.IO clients over loopback, real credentials (the demo seed and its invite links).
import { io } from 'socket.io-client';
import { loadConfig } from '../server/dist/config.js';
import { createLogger } from '../server/dist/logger.js';
import { startServer } from '../server/dist/startServer.js';
import { newId } from '../server/dist/clinic/ids.js';
import { seedDemo } from '../server/dist/clinic/demo.js';
import { ms, percentile } from './stats.mjs';

const consent = { agreed: true, location: 'Home', callbackNumber: '+1 555 0100' };

function connect(url, auth, cookie) {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth, extraHeaders: cookie ? { cookie } : {} });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function call(socket, event, payload) {
  const ack = await socket.timeout(5_000).emitWithAck(event, payload);
  if (!ack.ok) throw new Error(`${event}: ${ack.error.code}`);
  return ack.data;
}

export async function runT2({ participants = 15, rounds = 300, warmup = 20, log = console.log } = {}) {
  const server = await startServer(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', MEDIASOUP_WORKERS: '1', MEDIA_LISTEN_IP: '127.0.0.1', LOG_LEVEL: 'warn' }),
    createLogger('warn'),
  );
  const sockets = [];
  try {
    const seed = await seedDemo(server.clinic);
    const { clinic } = server;
    for (let i = 0; i < participants; i++) {
      await clinic.store.members.insert({ id: newId(), cohortId: seed.cohortId, pseudonym: `Member${i}`, createdAt: clinic.clock() });
    }
    const session = { id: newId(), cohortId: seed.cohortId, title: 'bench', createdBy: 'bench', createdAt: clinic.clock(), status: 'scheduled' };
    await clinic.store.sessions.insert(session);
    const invites = (await clinic.invites.issueForSession(session.id)).slice(0, participants);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(seed.facilitator),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];

    const facilitator = await connect(server.url, { sessionId: session.id }, cookie);
    sockets.push(facilitator);
    await call(facilitator, 'session:enter', { consent: null });
    for (const invite of invites) {
      const socket = await connect(server.url, { invite: invite.url.replace('/join/', '') });
      sockets.push(socket);
      await call(socket, 'session:enter', { consent });
    }
    await call(facilitator, 'session:command', { type: 'admitAll' });

    // Every client resolves the round once it holds a snapshot of at least that version.
    const seen = sockets.map(() => 0);
    const waiters = [];
    sockets.forEach((socket, i) =>
      socket.on('session:updated', ({ view }) => {
        seen[i] = Math.max(seen[i], view.version);
        for (const w of [...waiters]) w();
      }),
    );
    const allAt = (version) =>
      new Promise((resolve) => {
        const check = () => {
          if (seen.every((v) => v >= version)) {
            waiters.splice(waiters.indexOf(check), 1);
            resolve();
          }
        };
        waiters.push(check);
        check();
      });

    const samples = [];
    for (let i = 0; i < warmup + rounds; i++) {
      const started = performance.now();
      // Lock and unlock the room: each is a real moderation command that changes the state.
      const { version } = await call(facilitator, 'session:command', { type: 'lockRoom', locked: i % 2 === 0 });
      await allAt(version);
      if (i >= warmup) samples.push(performance.now() - started);
    }
    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    log(
      `T2 facilitator command → all ${sockets.length} clients have the new state (${samples.length} commands): p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${ms(Math.max(...samples))}  [target p99 ≤ 30 ms: ${p99 <= 30 ? 'met' : 'NOT met'}]`,
    );
    return { p50, p99 };
  } finally {
    for (const s of sockets) s.disconnect();
    await server.close();
  }
}
