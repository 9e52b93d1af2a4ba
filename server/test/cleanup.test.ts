import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@hearth/shared';
import type { RunningServer } from '../src/startServer.js';
import { call, joinWithMedia, nextEvent, record, startTestServer } from './harness.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function dumpOf(roomId: string) {
  const room = await server.rooms.get(roomId);
  if (!room) throw new Error(`room ${roomId} is not open`);
  return room.dump();
}

describe('a peer that goes away leaves nothing behind', () => {
  it('on disconnect: its transports, producers and the consumers of its producers are closed, and the others are told', async () => {
    const room = 'cleanup-disconnect';
    const ana = await joinWithMedia(server, room, 'Ana', true);
    const ben = await joinWithMedia(server, room, 'Ben', true);
    const cy = await joinWithMedia(server, room, 'Cy', true);

    const before = await dumpOf(room);
    expect(before.transportIds).toHaveLength(6);
    // Each of the three produces two tracks that the two others consume.
    expect(Object.keys(Object.fromEntries(before.mapProducerIdConsumerIds.map((e) => [e.key, e.values])))).toHaveLength(6);
    expect(before.mapProducerIdConsumerIds.every((e) => e.values.length === 2)).toBe(true);

    const closedAtBen = record(ben.socket, 'consumer:closed');
    const benSawLeave = nextEvent(ben.socket, 'peer:left');
    const cySawLeave = nextEvent(cy.socket, 'peer:left');
    ana.socket.disconnect();
    expect(await benSawLeave).toEqual({ peerId: ana.peerId });
    expect(await cySawLeave).toEqual({ peerId: ana.peerId });
    await expect.poll(() => closedAtBen.length).toBe(2);

    const after = await dumpOf(room);
    expect(after.transportIds).toHaveLength(4);
    expect(after.transportIds).not.toContain(ana.sendTransportId);
    expect(after.transportIds).not.toContain(ana.recvTransportId);
    const producers = after.mapProducerIdConsumerIds.map((e) => e.key);
    expect(producers).toHaveLength(4);
    for (const p of ana.producers) expect(producers).not.toContain(p);
    // Ben and Cy now consume only each other.
    expect(after.mapProducerIdConsumerIds.every((e) => e.values.length === 1)).toBe(true);
    expect(after.mapConsumerIdProducerId).toHaveLength(4);

    ben.socket.disconnect();
    cy.socket.disconnect();
    await expect.poll(() => server.rooms.get(room)).toBeUndefined();
  });

  it('on room:leave the same happens, and the socket may join again', async () => {
    const room = 'cleanup-leave';
    const ana = await joinWithMedia(server, room, 'Ana', true);
    const ben = await joinWithMedia(server, room, 'Ben', false);
    await call(ana.socket, 'room:leave', {});
    const after = await dumpOf(room);
    expect(after.transportIds.sort()).toEqual([ben.sendTransportId, ben.recvTransportId].sort());
    expect(after.mapProducerIdConsumerIds).toEqual([]);
    expect(after.mapConsumerIdProducerId).toEqual([]);
    await expect(call(ana.socket, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId: room, displayName: 'Ana' })).resolves.toMatchObject({
      peers: [{ id: ben.peerId, displayName: 'Ben' }],
    });
    ana.socket.disconnect();
    ben.socket.disconnect();
  });

  it('the last peer out closes the room and frees its router on the worker', async () => {
    const room = 'cleanup-last';
    const ana = await joinWithMedia(server, room, 'Ana', true);
    const routersWhileOpen = server.pool.report()[0]!.routers;
    expect(routersWhileOpen).toBeGreaterThanOrEqual(1);
    ana.socket.disconnect();
    await expect.poll(() => server.rooms.get(room)).toBeUndefined();
    expect(server.pool.report()[0]!.routers).toBe(routersWhileOpen - 1);
  });
});
