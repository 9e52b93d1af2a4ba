import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { audibleMemberIds, receives, type MemberCommand, type ServerEventPayload, type SessionState } from '@hearth/shared';
import type { RunningServer } from '../src/startServer.js';
import { call, fakeDtls, joinReady, opusParameters, send, simulcastVp8Parameters, startTestServer, type TestSocket } from './harness.js';
import { facilitatorSocket, participantWaiting, seededSession } from './sessionFixture.js';

/*
 * MED2, as a property on a real worker: whatever media requests members have in flight when
 * a command runs (resume or pause what they receive, pause or resume their own microphone or
 * camera, leave the media room and come back), once the command is acknowledged no consumer
 * plays that the state forbids and no producer is live that may not be. Each run is a fresh
 * session; the steps are random but seeded: a failure prints the seed and path that replay it
 * (HEARTH_PROPERTY_SEED=<seed> to run another sequence).
 */

const SEED = Number(process.env['HEARTH_PROPERTY_SEED'] ?? 20261130);
const RUNS = 30;

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

type Member = { id: string; socket: TestSocket; consumers: Map<string, ServerEventPayload<'consumer:created'>>; producers: Map<string, string> };

/** Into the media room as a browser does: both transports with the join (ready at once), a microphone and a camera. */
async function intoMedia(m: Member, sessionId: string): Promise<void> {
  const { transports } = await joinReady(m.socket, sessionId, 'x');
  const sendT = transports.send;
  await call(m.socket, 'transport:connect', { transportId: sendT.id, dtlsParameters: fakeDtls });
  const mic = await call(m.socket, 'producer:create', { transportId: sendT.id, kind: 'audio', source: 'mic', rtpParameters: opusParameters() });
  m.producers.set('mic', mic.producerId);
  const camera = await send(m.socket, 'producer:create', { transportId: sendT.id, kind: 'video', source: 'camera', rtpParameters: simulcastVp8Parameters() });
  if (camera.ok) m.producers.set('camera', (camera.data as { producerId: string }).producerId);
}

/** A facilitator and the four participants, all admitted, sending and receiving. */
async function groupInMedia() {
  const s = await seededSession(server);
  const f = await facilitatorSocket(server, s);
  const facilitatorId = (await call(f, 'session:enter', { consent: null })).view.self.id;
  const members: Member[] = [{ id: facilitatorId, socket: f, consumers: new Map(), producers: new Map() }];
  for (const p of s.participants) {
    const { socket } = await participantWaiting(server, p.token);
    members.push({ id: p.memberId, socket, consumers: new Map(), producers: new Map() });
  }
  for (const m of members) {
    m.socket.on('consumer:created', (c) => void m.consumers.set(c.id, c));
    m.socket.on('consumer:closed', ({ consumerId }) => void m.consumers.delete(consumerId));
  }
  await call(f, 'session:command', { type: 'admitAll' });
  for (const m of members) await intoMedia(m, s.sessionId);
  return { sessionId: s.sessionId, members };
}

/** What a member's client may ask of the media layer, at any moment. */
type Request =
  | { kind: 'resumeConsumer' | 'pauseConsumer'; member: number; pick: number }
  | { kind: 'pauseProducer' | 'resumeProducer'; member: number; source: 'mic' | 'camera' }
  | { kind: 'rejoin'; member: number };

const request: fc.Arbitrary<Request> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('resumeConsumer' as const, 'pauseConsumer' as const), member: fc.nat(4), pick: fc.nat(20) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('pauseProducer' as const, 'resumeProducer' as const), member: fc.nat(4), source: fc.constantFrom('mic' as const, 'camera' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rejoin' as const), member: fc.nat(4) }) },
);

/**
 * A command from someone in the group: index 0 is the facilitator; participants 1–4 mute or
 * unmute themselves. Commands the state refuses are part of it too (they must change nothing).
 * No command starts a short timer (endBreakout's countdown), so the state holds still while it is checked.
 */
function commandFor(ids: string[], pick: { kind: number; target: number; flag: boolean }): { by: number; command: MemberCommand } {
  const target = 1 + (pick.target % 4);
  const targetId = ids[target]!;
  const participants = ids.slice(1);
  const facilitator = (command: MemberCommand) => ({ by: 0, command });
  switch (pick.kind % 13) {
    case 0: return facilitator({ type: 'mute', memberId: targetId });
    case 1: return facilitator({ type: 'muteAll' });
    case 2: return facilitator({ type: 'lockSelfUnmute', locked: pick.flag });
    case 3: return { by: target, command: { type: 'setMicMuted', muted: pick.flag } };
    case 4: return facilitator({ type: 'startRound', prompt: 'check-in', order: 'roster', turnSeconds: 600, feedbackSeconds: null, speakerOnly: true });
    case 5: return facilitator({ type: pick.flag ? 'skipTurn' : 'previousTurn' });
    case 6: return facilitator({ type: 'endRound' });
    case 7: return facilitator({ type: 'startBreakout', prompt: 'one hope', durationSeconds: 600, groups: [participants.slice(0, 2), participants.slice(2)] });
    case 8: return facilitator({ type: 'placeInGroup', memberId: targetId, groupId: pick.flag ? 'g1' : 'g2' });
    case 9: return facilitator({ type: pick.flag ? 'listenIn' : 'joinGroup', groupId: pick.target % 3 === 0 ? null : `g${1 + (pick.target % 2)}` });
    case 10: return facilitator({ type: 'pullAside', memberId: targetId });
    case 11: return facilitator({ type: 'returnFromSide', memberId: targetId });
    default: return facilitator({ type: 'stopCamera', memberId: targetId });
  }
}

const step = fc.record({
  command: fc.record({ kind: fc.nat(12), target: fc.nat(3), flag: fc.boolean() }),
  requests: fc.array(request, { minLength: 1, maxLength: 5 }),
  commandAt: fc.nat(5),
});

function perform(m: Member, r: Request, sessionId: string): Promise<unknown> {
  switch (r.kind) {
    case 'resumeConsumer':
    case 'pauseConsumer': {
      const ids = [...m.consumers.keys()];
      const consumerId = ids[r.pick % Math.max(1, ids.length)];
      return consumerId ? send(m.socket, r.kind === 'resumeConsumer' ? 'consumer:resume' : 'consumer:pause', { consumerId }) : Promise.resolve();
    }
    case 'pauseProducer':
    case 'resumeProducer': {
      const producerId = m.producers.get(r.source);
      return producerId ? send(m.socket, r.kind === 'pauseProducer' ? 'producer:pause' : 'producer:resume', { producerId }) : Promise.resolve();
    }
    case 'rejoin':
      return send(m.socket, 'room:leave', {}).then(() => {
        m.producers.clear();
        return intoMedia(m, sessionId).catch(() => undefined);
      });
    default: {
      const unknown: never = r;
      throw new Error(`unknown request ${JSON.stringify(unknown)}`);
    }
  }
}

/** How much played at the checks: a property that only ever saw paused media would prove nothing. */
const seenPlaying = { consumers: 0, producers: 0 };

/** Every playing consumer and unpaused producer, as the worker holds them, that the state forbids. */
async function forbiddenOnWorker(sessionId: string, members: Member[], state: SessionState): Promise<string[]> {
  const room = await server.rooms.get(sessionId);
  if (!room) return [];
  const audible = new Set(audibleMemberIds(state));
  const problems: string[] = [];
  for (const m of members) {
    for (const c of await room.consumerStates(m.id)) {
      if (!c.paused) seenPlaying.consumers++;
      if (!c.paused && !receives(state, m.id, c.senderId)) problems.push(`${m.id} receives ${c.senderId}'s ${c.kind}`);
    }
    for (const p of await room.producerStates(m.id)) {
      const allowed = p.source === 'mic' ? audible.has(m.id) : state.members[m.id]?.status === 'admitted' && !state.members[m.id]?.cameraOff;
      if (!p.paused) seenPlaying.producers++;
      if (!p.paused && !allowed) problems.push(`${m.id}'s ${p.source} is live`);
    }
  }
  return problems;
}

describe('media follows the state, whatever is in flight (MED2)', () => {
  it('[MED2] after every acknowledged command, no consumer plays and no producer is live that the state forbids', async () => {
    let interleavings = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 20, maxLength: 35 }), async (steps) => {
        const { sessionId, members } = await groupInMedia();
        const ids = members.map((m) => m.id);
        const session = await server.sessions.get(sessionId);
        try {
          for (const [index, s] of steps.entries()) {
            const { by, command } = commandFor(ids, s.command);
            const inFlight: Promise<unknown>[] = [];
            let acknowledged: Promise<unknown> = Promise.resolve();
            // The requests and the command leave in the order drawn, without waiting for each other.
            s.requests.forEach((r, i) => {
              if (i === s.commandAt % (s.requests.length + 1)) acknowledged = send(members[by]!.socket, 'session:command', command);
              inFlight.push(perform(members[r.member]!, r, sessionId));
            });
            if (s.commandAt % (s.requests.length + 1) === s.requests.length) acknowledged = send(members[by]!.socket, 'session:command', command);
            await acknowledged;
            const afterAck = await forbiddenOnWorker(sessionId, members, session.snapshot);
            expect(afterAck, `step ${index}, right after ${command.type}`).toEqual([]);
            // The requests still in flight are judged by the same state when they land.
            await Promise.allSettled(inFlight);
            const settled = await forbiddenOnWorker(sessionId, members, session.snapshot);
            expect(settled, `step ${index}, once the requests landed after ${command.type}`).toEqual([]);
            interleavings++;
          }
        } finally {
          for (const m of members) m.socket.disconnect();
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(interleavings).toBeGreaterThanOrEqual(RUNS * 20);
    expect(seenPlaying.consumers).toBeGreaterThan(interleavings);
    expect(seenPlaying.producers).toBeGreaterThan(interleavings);
  }, 240_000);
});
