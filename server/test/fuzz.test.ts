import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, type CommandName } from '@hearth/shared';
import type { RunningServer } from '../src/startServer.js';
import { UNLIMITED_REQUESTS, call, fakeDtls, joinReady, opusParameters, send, startTestServer, type TestSocket } from './harness.js';
import { facilitatorSocket, participantWaiting, seededSession } from './sessionFixture.js';

const RUNS = 1_000;

let server: RunningServer;
let sessionId: string;
let participant: TestSocket;
let facilitator: TestSocket;

/** What must not move: the session's state and the media room's objects. */
async function fingerprint() {
  const session = await server.sessions.get(sessionId);
  const room = await server.rooms.get(sessionId);
  const dump = await room!.dump();
  return {
    version: session.snapshot.version,
    transports: dump.transportIds.length,
    producers: dump.mapProducerIdConsumerIds.length,
    consumers: dump.mapConsumerIdProducerId.length,
  };
}

beforeAll(async () => {
  // Thousands of payloads from one participant: far past their fair share, which would refuse
  // them before validation does (limits.test.ts shows that).
  server = await startTestServer({}, { limits: UNLIMITED_REQUESTS });
  const s = await seededSession(server);
  sessionId = s.sessionId;
  facilitator = await facilitatorSocket(server, s);
  await call(facilitator, 'session:enter', { consent: null });
  const p = await participantWaiting(server, s.participants[0]!.token);
  participant = p.socket;
  await call(facilitator, 'session:command', { type: 'admit', memberId: s.participants[0]!.memberId });
  // A participant with everything a real one has: joined with both transports (ready), a microphone.
  const { transports } = await joinReady(participant, sessionId, 'x');
  await call(participant, 'transport:connect', { transportId: transports.send.id, dtlsParameters: fakeDtls });
  await call(participant, 'producer:create', { transportId: transports.send.id, kind: 'audio', source: 'mic', rtpParameters: opusParameters() });
}, 60_000);

afterAll(async () => {
  participant?.disconnect();
  facilitator?.disconnect();
  await server?.close();
});

/** Random values of every JSON shape, and objects that look nearly right. */
function malformed(name: CommandName) {
  const schema = commands[name].request;
  const nearMiss = fc.dictionary(
    fc.constantFrom('type', 'memberId', 'roomId', 'displayName', 'protocolVersion', 'direction', 'transportId', 'producerId', 'consumerId', 'consent', 'kind', 'source', 'rtpParameters', 'dtlsParameters', 'spatialLayer', 'muted', 'locked', 'reason', '__proto__', 'constructor'),
    fc.anything({ maxDepth: 2 }),
    { maxKeys: 5 },
  );
  // Judged as the server receives it: Socket.IO sends JSON, which drops undefined fields and
  // turns NaN into null, so a payload invalid here could arrive valid there.
  return fc.oneof(fc.anything({ maxDepth: 3 }), nearMiss).filter((payload) => !schema.safeParse(onTheWire(payload)).success);
}

function onTheWire(payload: unknown): unknown {
  return (JSON.parse(JSON.stringify([payload])) as unknown[])[0];
}

describe('fuzzing every client → server event', () => {
  for (const name of Object.keys(commands) as CommandName[]) {
    it(`${name}: ${RUNS} malformed payloads are each refused with an error ack and change nothing`, async () => {
      const before = await fingerprint();
      const samples = fc.sample(malformed(name), { numRuns: RUNS, seed: 4242 });
      expect(samples.length).toBe(RUNS);
      // From the admitted participant: the most capable ordinary client.
      const acks = await Promise.all(samples.map((payload) => send(participant, name, payload)));
      for (const ack of acks) expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
      expect(await fingerprint()).toEqual(before);
    });
  }

  it('the server and the session still work afterwards', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    await expect(call(participant, 'session:command', { type: 'raiseHand' })).resolves.toMatchObject({ version: expect.any(Number) });
  });
});
