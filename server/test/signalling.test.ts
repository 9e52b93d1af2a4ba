import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@hearth/shared';
import type { RunningServer } from '../src/startServer.js';
import { call, capabilities, connectClient, join, joinReady, joinWithMedia, nextEvent, record, send, serverForFile, startTestServer, type TestSocket } from './harness.js';

let server: RunningServer;
const track = serverForFile((started) => (server = started));
let roomCounter = 0;
const freshRoom = () => `room-${++roomCounter}`;

async function client(): Promise<TestSocket> {
  const socket = await connectClient(server);
  track(socket);
  return socket;
}


describe('healthz', () => {
  it('says ok while the workers run, and nothing more (details are on /metrics)', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('media:capabilities', () => {
  it("answers any connection, before joining, with the router's codecs: opus and VP8", async () => {
    const caps = await capabilities(await client());
    expect(caps.codecs?.map((c) => c.mimeType)).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8']));
  });

  it('does not offer abs-capture-time, which stalls simulcast layer switching with Chrome', async () => {
    const uris = (await capabilities(await client())).headerExtensions?.map((e) => e.uri) ?? [];
    expect(uris.length).toBeGreaterThan(0);
    expect(uris.some((u) => u.includes('abs-capture-time'))).toBe(false);
  });
});

describe('room:join', () => {
  it('acks with the peers already there, and tells them', async () => {
    const room = freshRoom();
    const ana = await client();
    const first = await join(ana, room, 'Ana');
    expect(first.peers).toEqual([]);
    expect(first.transports).toBeUndefined();

    const joinedSeenByAna = nextEvent(ana, 'peer:joined');
    const ben = await client();
    const second = await join(ben, room, 'Ben');
    expect(second.peers).toEqual([{ id: first.peerId, displayName: 'Ana' }]);
    expect(await joinedSeenByAna).toEqual({ id: second.peerId, displayName: 'Ben' });
  });

  it("with the browser's capabilities: both transports and a paused consumer of everything produced, cameras first, in the answer", async () => {
    const room = freshRoom();
    const ana = await joinWithMedia(server, room, 'Ana', true);
    track(ana.socket);
    const ben = await client();
    const rtpCapabilities = await capabilities(ben);
    const offered = record(ben, 'consumer:created');
    const joined = await call(ben, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId: room, displayName: 'Ben', rtpCapabilities });
    const { send: sendTransport, recv } = joined.transports!;
    expect(sendTransport.id).not.toBe(recv.id);
    for (const t of [sendTransport, recv]) {
      expect(t.iceCandidates.length).toBeGreaterThan(0);
      expect(t.iceCandidates.every((c) => c.address === '127.0.0.1')).toBe(true);
    }
    expect(joined.consumers!.map((c) => [c.peerId, c.kind, c.source, c.producerPaused])).toEqual([
      [ana.peerId, 'video', 'camera', false],
      [ana.peerId, 'audio', 'mic', false],
    ]);
    const room$ = (await server.rooms.get(room))!;
    expect((await room$.dump()).transportIds).toHaveLength(4);
    expect((await room$.consumerStates(joined.peerId)).map((c) => c.paused)).toEqual([true, true]);
    // Ready already: the round trips a browser used to make are refused, and nothing is offered twice.
    expect(await send(ben, 'peer:ready', { rtpCapabilities })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await send(ben, 'transport:create', { direction: 'recv' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(offered).toEqual([]);
    // What is produced from now on is offered as it comes.
    const cy = await joinWithMedia(server, room, 'Cy', true);
    track(cy.socket);
    await expect.poll(() => offered.map((c) => [c.peerId, c.kind])).toEqual([
      [cy.peerId, 'audio'],
      [cy.peerId, 'video'],
    ]);
  });

  it.each([
    ['codecs that are not a list', { codecs: 'VP8' }],
    ['a header extension id out of range', { headerExtensions: [{ kind: 'audio', uri: 'x', preferredId: 0 }] }],
  ])('refuses capabilities with %s, and makes nothing', async (_label, rtpCapabilities) => {
    const room = freshRoom();
    const ack = await send(await client(), 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId: room, displayName: 'Ana', rtpCapabilities });
    expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(server.rooms.get(room)).toBeUndefined();
  });

  it('hands out no relay when no TURN server is configured', async () => {
    expect((await join(await client(), freshRoom(), 'Ana')).iceServers).toEqual([]);
  });

  it('hands each peer its own short-lived TURN credential when TURN is configured', async () => {
    const withTurn = await startTestServer({ TURN_URLS: 'turn:turn.example.org:3478', TURN_SECRET: 'a-long-shared-secret' });
    try {
      const socket = await connectClient(withTurn);
      track(socket);
      const joined = await join(socket, freshRoom(), 'Ana');
      expect(joined.iceServers).toEqual([
        { urls: ['turn:turn.example.org:3478'], username: expect.stringMatching(new RegExp(`^\\d+:${joined.peerId}$`)), credential: expect.any(String) },
      ]);
    } finally {
      await withTurn.close();
    }
  });

  it('keeps rooms apart', async () => {
    const ana = await client();
    await join(ana, freshRoom(), 'Ana');
    const ben = await client();
    const other = await join(ben, freshRoom(), 'Ben');
    expect(other.peers).toEqual([]);
  });

  it('refuses a second join on the same connection', async () => {
    const ana = await client();
    await join(ana, freshRoom(), 'Ana');
    const again = await send(ana, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId: freshRoom(), displayName: 'Ana' });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_JOINED' } });
  });

  it('refuses another protocol version with a code the client can act on', async () => {
    const ack = await send(await client(), 'room:join', { protocolVersion: PROTOCOL_VERSION + 1, roomId: freshRoom(), displayName: 'Ana' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_PROTOCOL' } });
  });

  it.each([
    ['no payload', []],
    ['a string', ['hello']],
    ['a bad room id', [{ protocolVersion: PROTOCOL_VERSION, roomId: '../x', displayName: 'Ana' }]],
    ['an empty name', [{ protocolVersion: PROTOCOL_VERSION, roomId: 'abc', displayName: '  ' }]],
    ['a client-chosen role', [{ protocolVersion: PROTOCOL_VERSION, roomId: 'abc', displayName: 'Ana', role: 'facilitator' }]],
    ['two payloads', [{ protocolVersion: PROTOCOL_VERSION, roomId: 'abc', displayName: 'Ana' }, {}]],
  ])('answers %s with INVALID_PAYLOAD and joins nothing', async (_label, args) => {
    const socket = await client();
    const ack = await send(socket, 'room:join', ...args);
    expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(server.rooms.get('abc')).toBeUndefined();
  });
});

describe('commands before joining', () => {
  it.each(['transport:create', 'peer:ready', 'producer:create', 'consumer:resume', 'room:leave'] as const)(
    '%s is refused with NOT_JOINED or INVALID_PAYLOAD',
    async (name) => {
      const payloads = {
        'transport:create': { direction: 'send' },
        'peer:ready': { rtpCapabilities: {} },
        'producer:create': { transportId: 't', kind: 'audio', source: 'mic', rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000 }] } },
        'consumer:resume': { consumerId: 'c' },
        'room:leave': {},
      } as const;
      const ack = await send(await client(), name, payloads[name]);
      expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
    },
  );
});

describe('media signalling', () => {
  it('offers a ready peer paused consumers of everything produced, and relays producer pauses', async () => {
    const room = freshRoom();
    const ana = await joinWithMedia(server, room, 'Ana', true);
    track(ana.socket);
    // Ben joins as a signalling client does: his own receive transport, then peer:ready.
    const benSocket = await client();
    const created = record(benSocket, 'consumer:created');
    await join(benSocket, room, 'Ben');
    const recv = await call(benSocket, 'transport:create', { direction: 'recv' });
    expect(recv.iceCandidates.length).toBeGreaterThan(0);
    expect(recv.iceCandidates.every((c) => c.address === '127.0.0.1')).toBe(true);
    await call(benSocket, 'peer:ready', { rtpCapabilities: await capabilities(benSocket) });

    expect(created.map((c) => [c.peerId, c.kind, c.source]).sort()).toEqual([
      [ana.peerId, 'audio', 'mic'],
      [ana.peerId, 'video', 'camera'],
    ]);
    const dump = await (await server.rooms.get(room))!.dump();
    expect(dump.transportIds).toHaveLength(3);

    const audio = created.find((c) => c.kind === 'audio')!;
    await call(benSocket, 'consumer:resume', { consumerId: audio.id });
    const paused = nextEvent(benSocket, 'consumer:paused');
    await call(ana.socket, 'producer:pause', { producerId: ana.producers[0] });
    expect(await paused).toEqual({ consumerId: audio.id });
    const resumed = nextEvent(benSocket, 'consumer:resumed');
    await call(ana.socket, 'producer:resume', { producerId: ana.producers[0] });
    expect(await resumed).toEqual({ consumerId: audio.id });
  });

  it('offers new producers to peers already in the room', async () => {
    const room = freshRoom();
    const ben = await joinWithMedia(server, room, 'Ben', false);
    track(ben.socket);
    const created = record(ben.socket, 'consumer:created');
    const ana = await joinWithMedia(server, room, 'Ana', true);
    track(ana.socket);
    await expect.poll(() => created.length).toBe(2);
    expect(created.every((c) => c.peerId === ana.peerId && c.producerPaused === false)).toBe(true);
  });

  it('switches a simulcast consumer to a preferred layer and refuses layers on audio', async () => {
    const room = freshRoom();
    const ana = await joinWithMedia(server, room, 'Ana', true);
    track(ana.socket);
    const benSocket = await client();
    const created = record(benSocket, 'consumer:created');
    await joinReady(benSocket, room, 'Ben');
    expect(created).toHaveLength(2);
    const video = created.find((c) => c.kind === 'video')!;
    const audio = created.find((c) => c.kind === 'audio')!;
    expect(video.rtpParameters.encodings?.[0]?.scalabilityMode).toMatch(/^L3/);
    await expect(call(benSocket, 'consumer:setPreferredLayers', { consumerId: video.id, spatialLayer: 0 })).resolves.toEqual({});
    expect(await send(benSocket, 'consumer:setPreferredLayers', { consumerId: audio.id, spatialLayer: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });

  it("refuses to act on another peer's objects", async () => {
    const room = freshRoom();
    const ana = await joinWithMedia(server, room, 'Ana', true);
    const ben = await joinWithMedia(server, room, 'Ben', false);
    track(ana.socket);
    track(ben.socket);
    expect(await send(ben.socket, 'producer:pause', { producerId: ana.producers[0] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await send(ben.socket, 'transport:connect', { transportId: ana.sendTransportId, dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'AA' }] } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('refuses a second producer of the same source and a kind that does not match the source', async () => {
    const room = freshRoom();
    const ana = await joinWithMedia(server, room, 'Ana', true);
    track(ana.socket);
    const again = await send(ana.socket, 'producer:create', { transportId: ana.sendTransportId, kind: 'audio', source: 'mic', rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: 5 }] } });
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('answers nonsense RTP parameters with MEDIA_ERROR and keeps the peer working', async () => {
    const room = freshRoom();
    const ana = await joinWithMedia(server, room, 'Ana', false);
    track(ana.socket);
    const bad = await send(ana.socket, 'producer:create', {
      transportId: ana.sendTransportId,
      kind: 'audio',
      source: 'mic',
      rtpParameters: { codecs: [{ mimeType: 'audio/nonsense', payloadType: 100, clockRate: 48000 }], encodings: [{ ssrc: 9 }] },
    });
    // The client's mistake, not the server's: no INTERNAL.
    expect(bad).toMatchObject({ ok: false, error: { code: 'MEDIA_ERROR' } });
    const good = await send(ana.socket, 'producer:create', {
      transportId: ana.sendTransportId,
      kind: 'audio',
      source: 'mic',
      rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: 9 }] },
    });
    expect(good.ok).toBe(true);
  });

  it("one client's garbage does not disturb another's session", async () => {
    const room = freshRoom();
    const ana = await joinWithMedia(server, room, 'Ana', true);
    const ben = await joinWithMedia(server, room, 'Ben', false);
    track(ana.socket);
    track(ben.socket);
    for (const payload of [null, 1, 'x', [], { transportId: 5 }, { direction: 'sideways' }]) {
      for (const name of ['transport:create', 'transport:connect', 'producer:create', 'consumer:resume', 'peer:ready']) {
        expect((await send(ana.socket, name, payload)).ok).toBe(false);
      }
    }
    const left = nextEvent(ben.socket, 'peer:left');
    await call(ana.socket, 'room:leave', {});
    expect(await left).toEqual({ peerId: ana.peerId });
  });
});
