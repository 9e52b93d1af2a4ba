import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@hearth/shared';
import { newId } from '../src/lib/ids.js';
import type { RunningServer } from '../src/startServer.js';
import { call, connectClient, join, nextEvent, send, startTestServer, type TestSocket } from './harness.js';
import { consent, facilitatorSocket, participantSocket, participantWaiting, seededSession } from './sessionFixture.js';

// A participant's way in and out, over real sockets: what their screens are told, and why a
// connection is refused.
let server: RunningServer;
const opened: TestSocket[] = [];
const track = <T extends TestSocket>(socket: T) => (opened.push(socket), socket);

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  for (const s of opened.splice(0)) s.disconnect();
});
afterAll(async () => {
  await server?.close();
});

const HOUR = 60 * 60_000;

describe('session:identity context', () => {
  it('says the group, tonight’s title and start, and when the group meets next, on the group’s clock', async () => {
    const s = await seededSession(server);
    const { store } = server.clinic;
    const tonight = Date.parse('2031-03-04T00:00:00Z');
    const session = (await store.sessions.get(s.sessionId))!;
    // Tonight's session gets a time; the cohort has an earlier one, an ended later one and the real next one.
    await store.sessions.insert({ ...session, id: newId(), title: 'Last week', scheduledStart: tonight - 7 * 24 * HOUR });
    await store.sessions.insert({ ...session, id: newId(), title: 'Cancelled', scheduledStart: tonight + 24 * HOUR, status: 'ended' });
    await store.sessions.insert({ ...session, id: newId(), title: 'Thursday', scheduledStart: tonight + 48 * HOUR });
    await store.sessions.insert({ ...session, id: newId(), title: 'Next week', scheduledStart: tonight + 7 * 24 * HOUR });
    await store.sessions.insert({ ...session, id: s.sessionId, scheduledStart: tonight });
    const cohort = (await store.cohorts.get(s.cohortId))!;

    const socket = track(await participantSocket(server, s.participants[0]!.token));
    const identity = await call(socket, 'session:identity', {});
    expect(identity.context).toEqual({
      groupName: cohort.name,
      title: 'Evening group',
      scheduledStart: tonight,
      nextSessionStart: tonight + 48 * HOUR,
      timeZone: cohort.timeZone,
    });
  });

  it('leaves out the times a session without a set time does not have', async () => {
    const s = await seededSession(server);
    const socket = track(await participantSocket(server, s.participants[0]!.token));
    const { context } = await call(socket, 'session:identity', {});
    expect(context).toEqual({ groupName: expect.any(String), title: 'Evening group', timeZone: expect.any(String) });
  });
});

describe('a refused connection says why', () => {
  it('a valid link to an ended session is SESSION_ENDED; a facilitator opening it too; an unknown session is NOT_FOUND', async () => {
    const s = await seededSession(server);
    await server.clinic.store.sessions.setStatus(s.sessionId, 'ended');
    await expect(participantSocket(server, s.participants[0]!.token)).rejects.toMatchObject({ data: { code: 'SESSION_ENDED' } });
    await expect(facilitatorSocket(server, s)).rejects.toMatchObject({ data: { code: 'SESSION_ENDED' } });
    await expect(facilitatorSocket(server, { ...s, sessionId: 'no-such-session' })).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
  });

  it('a revoked link is INVITE_REVOKED and a made-up one INVITE_INVALID', async () => {
    const s = await seededSession(server);
    const [invite] = await server.clinic.invites.list(s.sessionId);
    await server.clinic.invites.revoke(invite!.jti);
    await expect(participantSocket(server, invite!.url.replace('/join/', ''))).rejects.toMatchObject({ data: { code: 'INVITE_REVOKED' } });
    await expect(participantSocket(server, 'x'.repeat(40))).rejects.toMatchObject({ data: { code: 'INVITE_INVALID' } });
  });
});

describe('waiting, leaving and coming back', () => {
  it('[VIEW5] someone waiting learns when a facilitator arrives and when the last one leaves', async () => {
    const s = await seededSession(server);
    const alex = await participantWaiting(server, s.participants[0]!.token);
    track(alex.socket);
    expect(alex.view).toMatchObject({ kind: 'waiting', facilitatorPresent: false });

    const arrived = nextEvent(alex.socket, 'session:updated', ({ view }) => view.kind === 'waiting' && view.facilitatorPresent);
    const f = track(await facilitatorSocket(server, s));
    await call(f, 'session:enter', { consent: null });
    await arrived;

    const gone = nextEvent(alex.socket, 'session:updated', ({ view }) => view.kind === 'waiting' && !view.facilitatorPresent);
    await call(f, 'session:leave', {});
    await gone;
  });

  it('session:leave takes the member out at once; the facilitator sees it; entering again goes through the waiting room', async () => {
    const s = await seededSession(server);
    const f = track(await facilitatorSocket(server, s));
    await call(f, 'session:enter', { consent: null });
    // The facilitator in the media room keeps it open, so what is left of it can be looked at.
    await join(f, s.sessionId, 'F');
    const alexId = s.participants[0]!.memberId;
    const alex = await participantWaiting(server, s.participants[0]!.token);
    track(alex.socket);
    await call(f, 'session:command', { type: 'admit', memberId: alexId });
    await join(alex.socket, s.sessionId, 'x');

    const seen = nextEvent(f, 'session:updated', ({ view }) => view.kind === 'facilitator' && view.members.find((m) => m.id === alexId)?.status === 'left');
    expect(await call(alex.socket, 'session:leave', {})).toEqual({});
    await seen;
    // Out of the media room too, and no longer sent the session's snapshots.
    await expect.poll(async () => (await server.rooms.get(s.sessionId))?.hasPeer(alexId)).toBe(false);
    expect((await server.rooms.get(s.sessionId))?.peerCount).toBe(1);
    expect(await send(alex.socket, 'session:command', { type: 'raiseHand' })).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
    expect(await send(alex.socket, 'session:leave', {})).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });

    // Rejoin: the same connection, the same consent, back in the waiting room for the facilitator to admit.
    const { view } = await call(alex.socket, 'session:enter', { consent });
    expect(view).toMatchObject({ kind: 'waiting', facilitatorPresent: true });
    await call(f, 'session:command', { type: 'admit', memberId: alexId });
    expect(await join(alex.socket, s.sessionId, 'x')).toMatchObject({ peerId: alexId });
  });
});

describe('a full server', () => {
  let small: RunningServer;
  beforeAll(async () => {
    small = await startTestServer({ MEDIA_MAX_PEERS_PER_WORKER: '2' });
  });
  afterAll(async () => {
    await small?.close();
  });

  it('refuses the person over the limit with SERVER_FULL, in a room or a new one, and changes nothing; room opens again when someone leaves', async () => {
    const ana = track(await connectClient(small));
    const ben = track(await connectClient(small));
    const cat = track(await connectClient(small));
    await join(ana, 'full-room', 'Ana');
    await join(ben, 'full-room', 'Ben');

    const refused = await send(cat, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId: 'full-room', displayName: 'Cat' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SERVER_FULL' } });
    const elsewhere = await send(cat, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId: 'another-room', displayName: 'Cat' });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'SERVER_FULL' } });
    // Nothing was made for the refused: the room still holds two, no second room exists.
    expect((await small.rooms.get('full-room'))?.peerCount).toBe(2);
    expect(small.rooms.get('another-room')).toBeUndefined();
    expect(small.pool.report()[0]).toMatchObject({ routers: 1, peers: 2 });

    await call(ben, 'room:leave', {});
    expect(await join(cat, 'full-room', 'Cat')).toMatchObject({ peers: [{ displayName: 'Ana' }] });
    expect(small.pool.report()[0]).toMatchObject({ peers: 2 });
  });
});
