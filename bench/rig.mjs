// Moderated sessions for benchmarks: a real server, the demo facilitator signed in, N invited
// participants entered and admitted, each (optionally) producing a microphone and consuming
// everyone else's. Real credentials, real Socket.IO clients, a real mediasoup worker.
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../shared/dist/index.js';
import { loadConfig } from '../server/dist/config.js';
import { createLogger } from '../server/dist/logger.js';
import { startServer } from '../server/dist/startServer.js';
import { newId } from '../server/dist/lib/ids.js';
import { seedDemo } from '../server/dist/clinic/demo.js';
import { applyViewPatch } from '../shared/dist/index.js';

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
 * Follows the views the given sockets hold, as the client does: full snapshots (newest
 * wins) and patches (applied to the version they start from; one that does not fit asks for
 * the whole view). `allAt(version)` resolves once every one of them holds a view of at least
 * that version (the whole group has the state).
 */
export function snapshotsOf(sockets) {
  const views = sockets.map(() => undefined);
  const resyncing = sockets.map(() => false);
  const waiters = new Set();
  const hold = (i, view) => {
    if (views[i] && view.version < views[i].version) return;
    views[i] = view;
    for (const w of [...waiters]) w();
  };
  // Patches that arrive while a resync is out: its answer is handled a tick after the patch
  // that followed it on the wire, so they are tried again on top of the answer.
  const arrivedMeanwhile = sockets.map(() => []);
  const patched = (i, patch) => {
    if (resyncing[i]) return void arrivedMeanwhile[i].push(patch);
    const outcome = applyViewPatch(views[i], patch);
    if (outcome === 'resync') resync(i);
    else if (outcome !== 'stale') hold(i, outcome.view);
  };
  const resync = (i) => {
    resyncing[i] = true;
    call(sockets[i], 'session:resync', {})
      .then(({ view }) => hold(i, view))
      .catch(() => undefined)
      .finally(() => {
        resyncing[i] = false;
        for (const patch of arrivedMeanwhile[i].splice(0)) patched(i, patch);
      });
  };
  sockets.forEach((socket, i) => {
    socket.on('session:updated', ({ view }) => hold(i, view));
    socket.on('session:patched', (patch) => patched(i, patch));
    // What each holds now, as its client took it on entering: patches go on from it.
    resync(i);
  });
  const allAt = (version) =>
    new Promise((resolve) => {
      const check = () => {
        if (views.every((v) => v && v.version >= version)) {
          waiters.delete(check);
          resolve();
        }
      };
      waiters.add(check);
      check();
    });
  return { allAt, views };
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
    const facilitatorId = (await server.clinic.store.accounts.findByEmail(seed.facilitator.email)).id;
    return { server, seed, cookie, facilitatorId, sockets, time, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * A new group's records on the bench server: a cohort of its own led by the demo facilitator,
 * N members, a session and their invite links. Server side only: `joinGroup` connects them.
 */
export async function prepareGroup(bench, participants) {
  const { clinic } = bench.server;
  const now = clinic.clock();
  const cohort = { id: newId(), name: 'bench', timeZone: clinic.timeZone, createdAt: now };
  await clinic.store.cohorts.insert(cohort);
  await clinic.store.cohortStaff.assign(cohort.id, bench.facilitatorId);
  for (let i = 0; i < participants; i++) {
    await clinic.store.members.insert({ id: newId(), cohortId: cohort.id, pseudonym: `Member${i}`, createdAt: now });
  }
  const session = { id: newId(), cohortId: cohort.id, title: 'bench', createdBy: 'bench', createdAt: now, status: 'scheduled' };
  await clinic.store.sessions.insert(session);
  const invites = await clinic.invites.issueForSession(session.id);
  return { sessionId: session.id, invites: invites.map((i) => ({ memberId: i.memberId, token: i.url.replace('/join/', '') })) };
}

/**
 * A prepared group's people connected to `url` over real Socket.IO: its facilitator (signed
 * in with `cookie`) and every member entered and admitted; each member (optionally) producing
 * a microphone (and a camera) and consuming everyone else's. `sockets` collects every socket.
 */
export async function joinGroup({ url, cookie, sockets }, { sessionId, invites }, { produce = false, camera = false, consume = false } = {}) {
  const facilitator = await connect(url, { sessionId }, cookie);
  sockets.push(facilitator);
  await call(facilitator, 'session:enter', { consent: null, patches: true });
  const members = [];
  for (const { memberId, token } of invites) {
    const socket = await connect(url, { invite: token });
    sockets.push(socket);
    await call(socket, 'session:enter', { consent, patches: true });
    members.push({ socket, id: memberId, token });
  }
  await call(facilitator, 'session:command', { type: 'admitAll' });
  for (const m of members) {
    if (!produce && !consume) break;
    // Resume every consumer offered, as a client does once its track is attached.
    const resume = ({ id }) => void call(m.socket, 'consumer:resume', { consumerId: id }).catch(() => undefined);
    if (consume) m.socket.on('consumer:created', resume);
    // A receiving member joins as a browser does: with its capabilities, answered with both
    // transports and a consumer of everything already produced. One that only sends makes its own.
    const { routerRtpCapabilities } = consume ? await call(m.socket, 'media:capabilities', {}) : {};
    const joined = await call(m.socket, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId: sessionId, displayName: 'x', ...(consume ? { rtpCapabilities: routerRtpCapabilities } : {}) });
    for (const consumer of joined.consumers ?? []) resume(consumer);
    if (produce) {
      const t = joined.transports?.send ?? (await call(m.socket, 'transport:create', { direction: 'send' }));
      await call(m.socket, 'transport:connect', { transportId: t.id, dtlsParameters: fakeDtls });
      await call(m.socket, 'producer:create', { transportId: t.id, kind: 'audio', source: 'mic', rtpParameters: opus() });
      if (camera) await call(m.socket, 'producer:create', { transportId: t.id, kind: 'video', source: 'camera', rtpParameters: simulcastVp8() });
    }
  }
  return { sessionId, facilitator, members };
}

let ssrc = 1000;
const opus = () => ({ mid: '0', codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: ssrc++ }], rtcp: { cname: 'b' } });
/** Three simulcast layers, as a browser's camera sends them. */
const simulcastVp8 = () => ({
  mid: '1',
  codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }] }],
  encodings: [{ ssrc: ssrc++ }, { ssrc: ssrc++ }, { ssrc: ssrc++ }],
  rtcp: { cname: 'b' },
});

/** A new group on the bench server: its facilitator in, N participants entered and admitted. */
export async function openSession(bench, { participants, ...media }) {
  return joinGroup({ url: bench.server.url, cookie: bench.cookie, sockets: bench.sockets }, await prepareGroup(bench, participants), media);
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

/**
 * A group going about its evening: its facilitator locks and unlocks the room every
 * `facilitatorEveryMs`, each participant raises or lowers a hand every `memberEveryMs`
 * (staggered), and each command is timed until every member of the group holds a snapshot
 * of at least its version (T9, T2b). `phase` (0 to 1) shifts this group's start within the
 * pace, so that groups given different phases do not click in the same millisecond.
 */
export function groupTraffic(group, { facilitatorEveryMs, memberEveryMs, phase = 0 }) {
  const sockets = [group.facilitator, ...group.members.map((m) => m.socket)];
  const { allAt } = snapshotsOf(sockets);

  const samples = [];
  let failures = 0;
  let running = true;
  const loop = async (socket, i) => {
    const everyMs = i === 0 ? facilitatorEveryMs : memberEveryMs;
    // The facilitator starts at the group's phase; the participants spread over their pace after it.
    const startMs = i === 0 ? everyMs * phase : (everyMs * (i - 1 + phase)) / (sockets.length - 1);
    await new Promise((r) => setTimeout(r, startMs));
    for (let n = 0; running; n++) {
      const command = i === 0 ? { type: 'lockRoom', locked: n % 2 === 0 } : { type: n % 2 === 0 ? 'raiseHand' : 'lowerHand' };
      const started = performance.now();
      try {
        const { version } = await call(socket, 'session:command', command);
        await allAt(version);
        samples.push(performance.now() - started);
      } catch {
        // Refused or unanswered (its connection dropped): counted, and the evening goes on.
        failures++;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (performance.now() - started))));
    }
  };
  const loops = sockets.map(loop);
  return {
    take: () => samples.splice(0),
    failures: () => failures,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
