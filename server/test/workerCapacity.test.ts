import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ServerEventPayload } from '@hearth/shared';
import type { RunningServer } from '../src/startServer.js';
import { call, intoMedia, record, send, startTestServer, type TestSocket } from './harness.js';
import { facilitatorSocket, participantWaiting, seededSession } from './sessionFixture.js';

/*
 * A worker carries a measured number of streams (consumers wanted: every voice, each camera
 * shown in a tile; T5 in `npm run bench` measures where a core saturates). Past it, a new
 * group is refused with SERVER_FULL and the groups already on the worker go on untouched,
 * instead of everyone's call stuttering.
 */

const MAX_STREAMS = 20;
let server: RunningServer;
const sockets: TestSocket[] = [];
const track = (s: TestSocket) => (sockets.push(s), s);

beforeAll(async () => {
  server = await startTestServer({ MEDIA_MAX_STREAMS_PER_WORKER: String(MAX_STREAMS) });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
});

type Member = { socket: TestSocket; id: string; offered: ServerEventPayload<'consumer:created'>[] };

/** A session with its facilitator entered and its four participants admitted (not yet in media). */
async function admittedGroup() {
  const s = await seededSession(server);
  const facilitator = track(await facilitatorSocket(server, s));
  await call(facilitator, 'session:enter', { consent: null });
  const people: Member[] = [];
  for (const p of s.participants) {
    const { socket } = await participantWaiting(server, p.token);
    people.push({ socket: track(socket), id: p.memberId, offered: record(socket, 'consumer:created') });
  }
  await call(facilitator, 'session:command', { type: 'admitAll' });
  return { sessionId: s.sessionId, facilitator, people };
}

describe('a worker at its measured capacity', () => {
  it('refuses a new group with SERVER_FULL and leaves the groups on it untouched; hidden tiles free room for one', async () => {
    const first = await admittedGroup();
    for (const p of first.people) await intoMedia(p.socket, first.sessionId);
    // Everyone plays everyone: 4 people × (3 voices + 3 cameras) = 24 streams, past the 20.
    for (const p of first.people) {
      await expect.poll(() => p.offered.length).toBe(6);
      for (const c of p.offered) await call(p.socket, 'consumer:resume', { consumerId: c.id });
    }
    expect(server.pool.report()[0]).toMatchObject({ routers: 1, streams: 24 });
    const room = (await server.rooms.get(first.sessionId))!;
    const playingOnWorker = async () =>
      (await Promise.all(first.people.map((p) => room.consumerStates(p.id)))).flat().filter((c) => !c.paused).length;
    expect(await playingOnWorker()).toBe(24);

    // A second group's facilitator opens the media room: refused, in words, and nothing is made.
    const second = await admittedGroup();
    const refused = await send(second.facilitator, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId: second.sessionId, displayName: 'f' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SERVER_FULL', message: expect.stringMatching(/groups already running keep their calls/) } });
    expect(server.rooms.get(second.sessionId)).toBeUndefined();
    // The group already on the worker goes on as it was: every stream still plays on the worker.
    expect(server.pool.report()[0]).toMatchObject({ routers: 1, streams: 24 });
    expect(await playingOnWorker()).toBe(24);
    // Its own facilitator still gets in: a group let in may grow to its full size.
    await call(first.facilitator, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId: first.sessionId, displayName: 'f' });

    // Phones showing fewer tiles: each hides two cameras, the worker forwards 16 streams, and the
    // second group is let in.
    for (const p of first.people) {
      const cameras = p.offered.filter((c) => c.kind === 'video').slice(0, 2);
      for (const c of cameras) await call(p.socket, 'consumer:pause', { consumerId: c.id });
    }
    expect(server.pool.report()[0]).toMatchObject({ streams: 16 });
    expect(await playingOnWorker()).toBe(16);
    await call(second.facilitator, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId: second.sessionId, displayName: 'f' });
    expect(server.pool.report()[0]).toMatchObject({ routers: 2 });

    // A group that leaves gives its streams back.
    for (const p of first.people) await call(p.socket, 'room:leave', {});
    expect(server.pool.report()[0]).toMatchObject({ streams: 0 });
  }, 30_000);
});
