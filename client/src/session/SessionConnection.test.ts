import { describe, expect, it } from 'vitest';
import { isReconnecting } from './ModeratedSession';
import { SYSTEM } from '@hearth/shared';
import { FakeSessionServer } from './testing/FakeSessionServer';
import { byFacilitator, consent, FACILITATOR, participantInRoom, participantPage, PARTICIPANT } from './testing/inRoom';

/*
 * The client tier: the connection owner, its media client and the moderated session on top,
 * against a fake socket pair whose server keeps the session with the shared model. Each test
 * asserts what the member would notice: the page, the room they are in, their media.
 */

const NODE_B = 'https://b.example/node';
const NODE_C = 'https://c.example/node';

describe('SessionConnection: one owner of the connection', () => {
  it('[REC2] a drop and the way back in place: "Reconnecting…", then the same room, the same place, media joined again', async () => {
    const { server, session, media, connection } = await participantInRoom();
    server.run({ type: 'spotlight', memberId: PARTICIPANT.id }, byFacilitator);
    const before = session.getState().view!;

    server.linkOf(PARTICIPANT.id)!.drop();
    expect(connection.status).toBe('reconnecting');
    expect(isReconnecting(session.getState())).toBe(true);
    expect(media.getState().status).toBe('idle');

    server.sockets.at(-1)!.retry();
    await expect.poll(() => connection.status).toBe('connected');
    const after = session.getState();
    expect(isReconnecting(after)).toBe(false);
    expect(after).toMatchObject({ phase: 'in-room', view: { kind: 'participant', spotlightId: PARTICIPANT.id, self: { status: 'admitted', connected: true } } });
    expect(after.view!.version).toBeGreaterThan(before.version);
    await expect.poll(() => media.getState().status).toBe('joined');
    // The same connection came back (Socket.IO's own retry), entered again with the consent given.
    expect(server.sockets).toHaveLength(1);
    expect(server.asked('session:enter')).toEqual([{ consent, patches: true }, { consent, patches: true }]);
  });

  it('[VER1] a snapshot older than the one held is dropped: the page keeps the newer state', async () => {
    const { server, session } = await participantInRoom();
    const stale = server.viewOf(PARTICIPANT.id);
    server.run({ type: 'spotlight', memberId: PARTICIPANT.id }, byFacilitator);
    expect(session.getState().view).toMatchObject({ version: stale.version + 1, spotlightId: PARTICIPANT.id });

    server.send(PARTICIPANT.id, 'session:updated', { view: stale });
    expect(session.getState().view).toMatchObject({ version: stale.version + 1, spotlightId: PARTICIPANT.id });
  });

  it('a session that runs on another node: the page moves there and enters there, and the first connection keeps no listener', async () => {
    const server = new FakeSessionServer('s1', NODE_B);
    server.run({ type: 'enter', member: FACILITATOR, consent: null }, SYSTEM);
    const { session, connection, statuses } = participantPage(server);
    await session.start();
    expect(session.getState()).toMatchObject({ phase: 'prejoin', identity: { displayName: PARTICIPANT.displayName } });
    expect(connection.serverAddress).toBe(NODE_B);
    await expect.poll(() => connection.status).toBe('connected');
    expect(statuses).toEqual(['connecting', 'connected', 'moving', 'connected']);
    const [home, nodeB] = server.sockets;
    expect(home!.closed).toBe(true);
    expect(home!.listenerCount() + home!.io.listenerCount()).toBe(0);

    await session.choseMedia(undefined);
    await session.enter(consent);
    expect(session.getState().phase).toBe('waiting');
    expect(server.requests.filter((r) => r.event === 'session:enter').map((r) => r.node)).toEqual([NODE_B]);
    expect(server.linkOf(PARTICIPANT.id)).toBe(nodeB);
  });

  it('the node running the session dies: after a few tries the page asks its own server where the session is now, moves there and is back in the room in place', async () => {
    const { server, session, media, connection } = await participantInRoom(new FakeSessionServer('s1', NODE_B));
    server.runsOn = NODE_C;
    server.down(NODE_B);
    expect(isReconnecting(session.getState())).toBe(true);

    const onB = server.sockets.at(-1)!;
    for (let attempt = 0; attempt < 4; attempt++) onB.retry();
    await expect.poll(() => server.linkOf(PARTICIPANT.id)?.url).toBe(NODE_C);
    expect(connection.serverAddress).toBe(NODE_C);
    expect(connection.status).toBe('connected');
    expect(session.getState()).toMatchObject({ phase: 'in-room', view: { kind: 'participant', self: { status: 'admitted' } } });
    expect(isReconnecting(session.getState())).toBe(false);
    await expect.poll(() => media.getState().status).toBe('joined');
    expect(server.requests.filter((r) => r.event === 'room:join').map((r) => r.node)).toEqual([NODE_B, NODE_C]);
  });

  it('[END1] the facilitator ends the session: the closed page says it ended, the media and the connection are closed', async () => {
    const { server, session, media, connection } = await participantInRoom();
    server.run({ type: 'end' }, byFacilitator);
    expect(session.getState()).toMatchObject({ phase: 'closed', closedReason: 'ended', connection: 'closed' });
    expect(media.getState().status).not.toBe('joined');
    expect(connection.socket).toBeUndefined();
  });

  it('the media client and the session each remove only their own listeners', async () => {
    const { server, session, media } = await participantInRoom();
    const socket = server.sockets.at(-1)!;
    media.close();
    expect(socket.listenerCount('consumer:created')).toBe(0);
    expect(socket.listenerCount('session:updated')).toBe(1);
    server.run({ type: 'spotlight', memberId: PARTICIPANT.id }, byFacilitator);
    expect(session.getState().view).toMatchObject({ spotlightId: PARTICIPANT.id });
  });
});
