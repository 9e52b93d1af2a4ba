import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ackSchema,
  commands,
  DisplayName,
  fail,
  ok,
  PROTOCOL_VERSION,
  RoomId,
  serverEvents,
  type ClientToServerEvents,
  type ErrorCode,
  type RtpCapabilities,
  type ServerToClientEvents,
} from '../index.js';
import { z } from 'zod';

describe('RoomId', () => {
  it.each(['abc', 'group-monday', 'a1b2c3d4', 'Xk3_-9aZqLm0'])('accepts %s', (id) => {
    expect(RoomId.safeParse(id).success).toBe(true);
  });
  it.each(['', 'ab', 'x'.repeat(65), 'a/b', 'a b', '../etc', 'a.b', 'ü-room'])('refuses %j', (id) => {
    expect(RoomId.safeParse(id).success).toBe(false);
  });
});

describe('DisplayName', () => {
  it('trims surrounding spaces', () => {
    expect(DisplayName.parse('  Sam ')).toBe('Sam');
  });
  it('accepts names in any script', () => {
    expect(DisplayName.parse('Zoë 明')).toBe('Zoë 明');
  });
  it.each(['', '   ', 'x'.repeat(41), 'bad\u0000name', 'new\nline'])('refuses %j', (name) => {
    expect(DisplayName.safeParse(name).success).toBe(false);
  });
});

describe('room:join request', () => {
  const schema = commands['room:join'].request;
  it('accepts a well-formed join', () => {
    expect(schema.parse({ protocolVersion: PROTOCOL_VERSION, roomId: 'evening-group', displayName: 'Ana' })).toEqual({
      protocolVersion: PROTOCOL_VERSION,
      roomId: 'evening-group',
      displayName: 'Ana',
    });
  });
  it('refuses fields a client may not send, such as a role or a peer id', () => {
    expect(schema.safeParse({ protocolVersion: 1, roomId: 'abc', displayName: 'Ana', role: 'facilitator' }).success).toBe(false);
    expect(schema.safeParse({ protocolVersion: 1, roomId: 'abc', displayName: 'Ana', peerId: 'x' }).success).toBe(false);
  });
  it.each([null, undefined, 42, 'join', [], {}])('refuses %j', (payload) => {
    expect(schema.safeParse(payload).success).toBe(false);
  });
  it("takes a browser's Device capabilities, so the server can make its transports and consumers with the join", () => {
    const rtpCapabilities = {
      codecs: [{ kind: 'video', mimeType: 'video/VP8', preferredPayloadType: 101, clockRate: 90000, rtcpFeedback: [{ type: 'nack', parameter: 'pli' }] }],
      headerExtensions: [{ kind: 'video', uri: 'urn:ietf:params:rtp-hdrext:sdes:mid', preferredId: 1 }],
    };
    const join = { protocolVersion: PROTOCOL_VERSION, roomId: 'evening-group', displayName: 'Ana', rtpCapabilities };
    expect(schema.parse(join)).toEqual(join);
  });
  it.each([
    ['codecs that are not a list', { codecs: 'VP8' }],
    ['a codec of no known kind', { codecs: [{ kind: 'screen', mimeType: 'video/VP8', clockRate: 90000 }] }],
    ['a header extension id out of range', { headerExtensions: [{ kind: 'audio', uri: 'x', preferredId: 0 }] }],
    ['too many codecs', { codecs: Array.from({ length: 65 }, () => ({ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000 })) }],
  ])('refuses capabilities with %s', (_, rtpCapabilities) => {
    expect(schema.safeParse({ protocolVersion: PROTOCOL_VERSION, roomId: 'abc', displayName: 'Ana', rtpCapabilities }).success).toBe(false);
  });
});

describe('room:join response', () => {
  const schema = commands['room:join'].response;
  const transport = (id: string) => ({
    id,
    iceParameters: { usernameFragment: 'u', password: 'p', iceLite: true },
    iceCandidates: [{ foundation: 'udpcandidate', priority: 1076302079, address: '127.0.0.1', protocol: 'udp', port: 40000, type: 'host' }],
    dtlsParameters: { role: 'auto', fingerprints: [{ algorithm: 'sha-256', value: 'AB:CD' }] },
  });
  const answer = { peerId: 'p1', peers: [{ id: 'p2', displayName: 'Ben' }], activeSpeakerId: null, iceServers: [] };
  it('carries both transports when the join brought capabilities, and none otherwise', () => {
    expect(schema.safeParse({ ...answer, transports: { send: transport('t1'), recv: transport('t2') } }).success).toBe(true);
    expect(schema.safeParse(answer).success).toBe(true);
  });
  it('refuses a transports field without both directions', () => {
    expect(schema.safeParse({ ...answer, transports: { send: transport('t1') } }).success).toBe(false);
  });
});

describe('media:capabilities request', () => {
  const schema = commands['media:capabilities'].request;
  it('is empty', () => {
    expect(schema.safeParse({}).success).toBe(true);
    expect(schema.safeParse({ roomId: 'abc' }).success).toBe(false);
  });
});

describe('producer:create request', () => {
  const schema = commands['producer:create'].request;
  const valid = {
    transportId: 't1',
    kind: 'audio',
    source: 'mic',
    rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: 1 }] },
  };
  it('accepts opus parameters', () => {
    expect(schema.safeParse(valid).success).toBe(true);
  });
  it('refuses parameters without codecs', () => {
    expect(schema.safeParse({ ...valid, rtpParameters: { codecs: [] } }).success).toBe(false);
  });
  it('refuses an out-of-range payload type', () => {
    const bad = { ...valid, rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 300, clockRate: 48000 }] } };
    expect(schema.safeParse(bad).success).toBe(false);
  });
  it('refuses an unknown source', () => {
    expect(schema.safeParse({ ...valid, source: 'screen' }).success).toBe(false);
  });
});

describe('consumer:setPreferredLayers request', () => {
  const schema = commands['consumer:setPreferredLayers'].request;
  it('accepts a spatial layer with an optional temporal layer', () => {
    expect(schema.safeParse({ consumerId: 'c', spatialLayer: 0 }).success).toBe(true);
    expect(schema.safeParse({ consumerId: 'c', spatialLayer: 2, temporalLayer: 1 }).success).toBe(true);
  });
  it.each([-1, 4, 1.5])('refuses spatial layer %j', (spatialLayer) => {
    expect(schema.safeParse({ consumerId: 'c', spatialLayer }).success).toBe(false);
  });
});

describe('consumer:pause request', () => {
  const schema = commands['consumer:pause'].request;
  it('names one consumer and nothing else', () => {
    expect(schema.safeParse({ consumerId: 'c' }).success).toBe(true);
    expect(schema.safeParse({ consumerId: 'c', peerId: 'p' }).success).toBe(false);
  });
  it.each([null, {}, { consumerId: '' }, { consumerId: 42 }])('refuses %j', (payload) => {
    expect(schema.safeParse(payload).success).toBe(false);
  });
});

describe('Ack', () => {
  const ack = ackSchema(z.object({ peerId: z.string() }));
  it('round-trips ok and fail', () => {
    expect(ack.parse(ok({ peerId: 'p' }))).toEqual({ ok: true, data: { peerId: 'p' } });
    expect(ack.parse(fail('NOT_JOINED', 'join first'))).toEqual({ ok: false, error: { code: 'NOT_JOINED', message: 'join first' } });
  });
  it('refuses an unknown error code', () => {
    expect(ack.safeParse({ ok: false, error: { code: 'OOPS', message: '' } }).success).toBe(false);
  });
});

describe('server events', () => {
  it('speaker:changed allows nobody speaking', () => {
    expect(serverEvents['speaker:changed'].parse({ peerId: null })).toEqual({ peerId: null });
  });
  it('every command answers with an object', () => {
    for (const [name, { response }] of Object.entries(commands)) {
      expect(response.safeParse(undefined).success, name).toBe(false);
    }
  });
});

describe('event maps (types)', () => {
  it('infer the join payload and its ack from the schemas', () => {
    type Join = ClientToServerEvents['room:join'];
    expectTypeOf<Omit<Parameters<Join>[0], 'rtpCapabilities'>>().toEqualTypeOf<{ protocolVersion: number; roomId: string; displayName: string }>();
    expectTypeOf<Parameters<Join>[0]['rtpCapabilities']>().toEqualTypeOf<RtpCapabilities | undefined>();
    type JoinAck = Parameters<Parameters<Join>[1]>[0];
    expectTypeOf<Extract<JoinAck, { ok: true }>['data']['peerId']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<JoinAck, { ok: false }>['error']['code']>().toEqualTypeOf<ErrorCode>();
  });
  it('type server facts from their schemas', () => {
    expectTypeOf<Parameters<ServerToClientEvents['peer:left']>[0]>().toEqualTypeOf<{ peerId: string }>();
    expectTypeOf<Parameters<ServerToClientEvents['speaker:changed']>[0]>().toEqualTypeOf<{ peerId: string | null }>();
  });
});

describe('view patches', () => {
  it('session:enter takes an optional yes/no for patches, nothing else new', () => {
    const schema = commands['session:enter'].request;
    expect(schema.parse({ consent: null, patches: true })).toEqual({ consent: null, patches: true });
    expect(schema.parse({ consent: null })).toEqual({ consent: null });
    expect(schema.safeParse({ consent: null, patches: 'yes' }).success).toBe(false);
    expect(schema.safeParse({ consent: null, patches: true, diff: true }).success).toBe(false);
  });
  it('session:resync takes an empty request', () => {
    const schema = commands['session:resync'].request;
    expect(schema.safeParse({}).success).toBe(true);
    expect(schema.safeParse({ version: 3 }).success).toBe(false);
  });
  it('session:patched says from which version to which, what is set and what is gone', () => {
    const schema = serverEvents['session:patched'];
    const patch = { from: 3, version: 4, set: { version: 4, locked: true }, unset: [] };
    expect(schema.parse(patch)).toEqual(patch);
    expect(schema.safeParse({ ...patch, from: -1 }).success).toBe(false);
    expect(schema.safeParse({ ...patch, version: 1.5 }).success).toBe(false);
    expect(schema.safeParse({ from: 3, version: 4, set: {} }).success).toBe(false);
  });
});
