// Moderated sessions for benchmarks: a real server, the demo facilitator signed in, N invited
// participants entered and admitted, each (optionally) producing a microphone and consuming
// everyone else's. Real credentials, real Socket.IO clients, a real mediasoup worker.
import { io } from 'socket.io-client';
import { loadConfig } from '../server/dist/config.js';
import { createLogger } from '../server/dist/logger.js';
import { startServer } from '../server/dist/startServer.js';
import { newId } from '../server/dist/lib/ids.js';
import { seedDemo } from '../server/dist/clinic/demo.js';

export const consent = { agreed: true, location: 'Home', callbackNumber: '+1 555 0100' };
const fakeDtls = { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: Array.from({ length: 32 }, () => 'AB').join(':') }] };

export async function call(socket, event, payload) {
  const ack = await socket
    .timeout(10_000)
    .emitWithAck(event, payload)
    .catch((err) => {
      throw new Error(`${event}: ${err.message}`);
    });
  if (!ack.ok) throw new Error(`${event}: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/**
 * The request limits lifted, for benchmarks of latency that send far more commands than a
 * person could (T2's 320 in a row); T9 keeps the real ones, since they are what it measures.
 */
/**
 * Follows the snapshots the given sockets receive; `allAt(version)` resolves once every one of
 * them holds a snapshot of at least that version (the whole group has the state).
 */
export function snapshotsOf(sockets) {
  const seen = sockets.map(() => 0);
  const waiters = new Set();
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
          waiters.delete(check);
          resolve();
        }
      };
      waiters.add(check);
      check();
    });
  return { allAt };
}

export const UNLIMITED_REQUESTS = Object.fromEntries(
  ['perConnection', 'session', 'join', 'chat', 'media'].map((k) => [k, { points: 1_000_000_000, seconds: 1 }]),
);

export function connect(url, auth, cookie) {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth, extraHeaders: cookie ? { cookie } : {} });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** A server with the demo cohort and its facilitator signed in; `openSession` adds groups to it. */
export async function startBenchServer({ limits = UNLIMITED_REQUESTS, env = {}, options = {} } = {}) {
  // The session's clock can be moved on (skipping a countdown) without waiting for it.
  const time = { offset: 0 };
  const server = await startServer(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', MEDIASOUP_WORKERS: '1', MEDIA_LISTEN_IP: '127.0.0.1', LOG_LEVEL: 'error', ...env }),
    createLogger('error'),
    { announce: () => {}, clock: () => Date.now() + time.offset, limits, ...options },
  );
  const sockets = [];
  const close = async () => {
    for (const s of sockets) s.disconnect();
    await server.close();
  };
  try {
    const seed = await seedDemo(server.clinic);
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(seed.facilitator) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    return { server, seed, cookie, sockets, time, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** A new session of the demo cohort with N new members added to it, and their invites. */
export async function newSessionOfMembers(bench, participants) {
  const { clinic } = bench.server;
  const { seed } = bench;
  for (let i = 0; i < participants; i++) {
    await clinic.store.members.insert({ id: newId(), cohortId: seed.cohortId, pseudonym: `Member${i}`, createdAt: clinic.clock() });
  }
  const session = { id: newId(), cohortId: seed.cohortId, title: 'bench', createdBy: 'bench', createdAt: clinic.clock(), status: 'scheduled' };
  await clinic.store.sessions.insert(session);
  const invites = (await clinic.invites.issueForSession(session.id)).slice(-participants);
  return { sessionId: session.id, invites };
}

/** A new group on the bench server: its facilitator in, N participants entered and admitted. */
export async function openSession(bench, { participants, produce = false, consume = false }) {
  const { server, cookie, sockets } = bench;
  const { sessionId, invites } = await newSessionOfMembers(bench, participants);
  const session = { id: sessionId };

  const facilitator = await connect(server.url, { sessionId: session.id }, cookie);
  sockets.push(facilitator);
  await call(facilitator, 'session:enter', { consent: null });
  const members = [];
  for (const invite of invites) {
    const token = invite.url.replace('/join/', '');
    const socket = await connect(server.url, { invite: token });
    sockets.push(socket);
    await call(socket, 'session:enter', { consent });
    members.push({ socket, id: invite.memberId, token });
  }
  await call(facilitator, 'session:command', { type: 'admitAll' });
  let ssrc = 1000;
  for (const m of members) {
    if (!produce && !consume) break;
    const joined = await call(m.socket, 'room:join', { protocolVersion: 1, roomId: session.id, displayName: 'x' });
    if (consume) {
      // Resume every consumer offered, as a client does once its track is attached.
      m.socket.on('consumer:created', ({ id }) => void call(m.socket, 'consumer:resume', { consumerId: id }).catch(() => undefined));
      await call(m.socket, 'transport:create', { direction: 'recv' });
      await call(m.socket, 'peer:ready', { rtpCapabilities: joined.routerRtpCapabilities });
    }
    if (produce) {
      const t = await call(m.socket, 'transport:create', { direction: 'send' });
      await call(m.socket, 'transport:connect', { transportId: t.id, dtlsParameters: fakeDtls });
      await call(m.socket, 'producer:create', {
        transportId: t.id,
        kind: 'audio',
        source: 'mic',
        rtpParameters: { mid: '0', codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: ssrc++ }], rtcp: { cname: 'b' } },
      });
    }
  }
  return { sessionId: session.id, facilitator, members };
}

/** One group on its own server (T2–T4). */
export async function startRig({ participants, produce = false, consume = false, limits }) {
  const bench = await startBenchServer({ limits });
  try {
    const group = await openSession(bench, { participants, produce, consume });
    return { server: bench.server, ...group, close: bench.close, time: bench.time };
  } catch (err) {
    await bench.close();
    throw err;
  }
}
