// T4: a facilitator advances the turn in a speaker-only round, until the previous speaker's
// microphone is paused and the next one's resumed on the SFU. The command's answer is sent
// only after the media layer has applied the change on the mediasoup worker, so the round
// trip of the command is the figure (loopback adds well under a millisecond).
import { io } from 'socket.io-client';
import { loadConfig } from '../server/dist/config.js';
import { createLogger } from '../server/dist/logger.js';
import { startServer } from '../server/dist/startServer.js';
import { newId } from '../server/dist/clinic/ids.js';
import { seedDemo } from '../server/dist/clinic/demo.js';
import { percentile } from './stats.mjs';

const consent = { agreed: true, location: 'Home', callbackNumber: '+1 555 0100' };
const fakeDtls = { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: Array.from({ length: 32 }, () => 'AB').join(':') }] };

function connect(url, auth, cookie) {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth, extraHeaders: cookie ? { cookie } : {} });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function call(socket, event, payload) {
  const ack = await socket.timeout(5_000).emitWithAck(event, payload);
  if (!ack.ok) throw new Error(`${event}: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

export async function runT4({ participants = 8, turns = 300, warmup = 20, log = console.log } = {}) {
  const server = await startServer(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', MEDIASOUP_WORKERS: '1', MEDIA_LISTEN_IP: '127.0.0.1', LOG_LEVEL: 'error' }),
    createLogger('error'),
    { announce: () => {} },
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
    const invites = (await clinic.invites.issueForSession(session.id)).slice(-participants);
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(seed.facilitator) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];

    const facilitator = await connect(server.url, { sessionId: session.id }, cookie);
    sockets.push(facilitator);
    await call(facilitator, 'session:enter', { consent: null });
    const members = [];
    for (const invite of invites) {
      const socket = await connect(server.url, { invite: invite.url.replace('/join/', '') });
      sockets.push(socket);
      await call(socket, 'session:enter', { consent });
      members.push(socket);
    }
    await call(facilitator, 'session:command', { type: 'admitAll' });
    // Every participant in the media room with a microphone on the SFU.
    let ssrc = 1000;
    for (const socket of members) {
      await call(socket, 'room:join', { protocolVersion: 1, roomId: session.id, displayName: 'x' });
      const t = await call(socket, 'transport:create', { direction: 'send' });
      await call(socket, 'transport:connect', { transportId: t.id, dtlsParameters: fakeDtls });
      await call(socket, 'producer:create', {
        transportId: t.id,
        kind: 'audio',
        source: 'mic',
        rtpParameters: { mid: '0', codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: ssrc++ }], rtcp: { cname: 'b' } },
      });
    }

    const startRound = () =>
      call(facilitator, 'session:command', { type: 'startRound', prompt: 'check-in', order: 'roster', turnSeconds: 600, feedbackSeconds: null, speakerOnly: true });
    await startRound();
    const samples = [];
    for (let i = 0; i < warmup + turns; i++) {
      const live = (await server.sessions.get(session.id)).snapshot.round;
      if (!live) await startRound();
      const started = performance.now();
      await call(facilitator, 'session:command', { type: 'skipTurn' });
      if (i >= warmup) samples.push(performance.now() - started);
    }
    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    log(
      `T4 turn advanced → previous speaker paused and next resumed on the SFU (${participants} microphones, ${samples.length} turns): p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms  [target p99 ≤ 50 ms: ${p99 <= 50 ? 'met' : 'NOT met'}]`,
    );
    return { p50, p99 };
  } finally {
    for (const s of sockets) s.disconnect();
    await server.close();
  }
}
