import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type CommandName,
  type CommandResponse,
  type ServerEventName,
  type ServerEventPayload,
  type ServerToClientEvents,
  type SessionView,
} from '@hearth/shared';
import { loadConfig, type Limits } from '../src/config.js';
import { createLogger, type Logger } from '../src/logger.js';
import type { Room } from '../src/rooms/Room.js';
import { startServer, type RunningServer, type ServerOptions } from '../src/startServer.js';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real server on a free port with one real mediasoup worker, media on loopback; `log` to read what it logs. */
export function startTestServer(
  env: Record<string, string> = {},
  options: ServerOptions = {},
  log: Logger = createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent'),
): Promise<RunningServer> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    MEDIASOUP_WORKERS: '1',
    MEDIA_LISTEN_IP: '127.0.0.1',
    LOG_LEVEL: 'silent',
    OPEN_ROOMS: 'true',
    // Every test client comes from 127.0.0.1, as a whole clinic behind one NAT would: the
    // per-address limit has its own tests (limits.test.ts).
    MAX_CONNECTIONS_PER_ADDRESS: '100000',
    ...env,
  });
  return startServer(config, log, options);
}

/**
 * Request limits out of the way, for tests that are about something else and send far more
 * than a person could (thousands of fuzzed payloads). Every other test runs with the real
 * limits, which shows a real client's traffic stays within them.
 */
export const UNLIMITED_REQUESTS: Partial<Limits> = Object.fromEntries(
  (['perConnection', 'session', 'join', 'chat', 'media'] as const).map((k) => [k, { points: 1_000_000_000, seconds: 1 }]),
);

/**
 * A real server for the tests of one file: started before them and closed after them. Sockets
 * a test hands to the returned `track` are disconnected when that test ends.
 */
export function serverForFile(started: (server: RunningServer) => void) {
  const sockets: TestSocket[] = [];
  let server: RunningServer | undefined;
  beforeAll(async () => started((server = await startTestServer())));
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => {
    await server?.close();
  });
  return <T extends { socket: TestSocket } | TestSocket>(x: T): T => {
    sockets.push('socket' in x ? x.socket : x);
    return x;
  };
}

export async function connectClient(
  server: RunningServer,
  credentials: { auth?: Record<string, string>; cookie?: string } = {},
): Promise<TestSocket> {
  const socket: TestSocket = connect(server.url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: credentials.auth ?? {},
    extraHeaders: credentials.cookie ? { cookie: credentials.cookie } : {},
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Whom a peer receives, as the worker forwards it: the sender of each consumer not paused there (one per track). */
export async function receivingOnWorker(room: Room, peerId: string): Promise<string[]> {
  return (await room.consumerStates(peerId)).filter((c) => !c.paused).map((c) => c.senderId);
}

/** Sends anything, well-formed or not, and returns the raw Ack. */
export function send(socket: TestSocket, name: string, ...args: unknown[]): Promise<Ack<unknown>> {
  const raw = socket as unknown as { timeout(ms: number): { emitWithAck(...a: unknown[]): Promise<Ack<unknown>> } };
  return raw.timeout(5_000).emitWithAck(name, ...args);
}

/** Sends a command and returns its data, failing the test with the error code otherwise. */
export async function call<K extends CommandName>(socket: TestSocket, name: K, payload: unknown): Promise<CommandResponse<K>> {
  const ack = await send(socket, name, payload);
  if (!ack.ok) throw new Error(`${name} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.data as CommandResponse<K>;
}

export function nextEvent<K extends ServerEventName>(
  socket: TestSocket,
  event: K,
  match: (payload: ServerEventPayload<K>) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<ServerEventPayload<K>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: ServerEventPayload<K>) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(payload);
    };
    socket.on(event, listener as never);
  });
}

/** Collects every payload of an event from now on. */
export function record<K extends ServerEventName>(socket: TestSocket, event: K): ServerEventPayload<K>[] {
  const seen: ServerEventPayload<K>[] = [];
  socket.on(event, ((payload: ServerEventPayload<K>) => seen.push(payload)) as never);
  return seen;
}

/** Into a room's media for signalling only: no capabilities, so no transports and nothing offered. */
export async function join(socket: TestSocket, roomId: string, displayName: string) {
  return call(socket, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId, displayName });
}

/** The node's router capabilities, as a browser asks for them on the pre-join screen; a test client receives with them. */
export async function capabilities(socket: TestSocket) {
  return (await call(socket, 'media:capabilities', {})).routerRtpCapabilities;
}

/**
 * Joins as a browser does: with its capabilities, answered with both transports and a consumer
 * of everything already produced. The browser sets those up as it does the ones offered later,
 * so this hands them to the socket's own consumer:created listeners too (record(), a test's
 * handler): a test sees every consumer it was given in one place.
 */
export async function joinReady(socket: TestSocket, roomId: string, displayName: string) {
  const joined = await call(socket, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId, displayName, rtpCapabilities: await capabilities(socket) });
  const { transports, consumers } = joined;
  if (!transports || !consumers) throw new Error('a join with capabilities was answered without transports or consumers');
  for (const consumer of consumers) for (const listener of socket.listeners('consumer:created')) listener(consumer);
  return { ...joined, transports, consumers };
}

/** DTLS parameters of the shape a browser sends; the handshake never runs in these tests. */
export const fakeDtls = {
  role: 'client',
  fingerprints: [{ algorithm: 'sha-256', value: Array.from({ length: 32 }, () => 'AB').join(':') }],
};

let nextSsrc = 10_000;

export function opusParameters() {
  return {
    mid: '0',
    codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: { useinbandfec: 1 } }],
    headerExtensions: [{ uri: 'urn:ietf:params:rtp-hdrext:sdes:mid', id: 1 }],
    encodings: [{ ssrc: nextSsrc++ }],
    rtcp: { cname: 'test' },
  };
}

export function simulcastVp8Parameters() {
  return {
    mid: '1',
    codecs: [
      { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }] },
    ],
    headerExtensions: [{ uri: 'urn:ietf:params:rtp-hdrext:sdes:mid', id: 1 }],
    encodings: [{ ssrc: nextSsrc++ }, { ssrc: nextSsrc++ }, { ssrc: nextSsrc++ }],
    rtcp: { cname: 'test' },
  };
}

/** Joins as a browser does (both transports and the room's consumers with the answer), connects both, and optionally produces mic and camera. */
export async function joinWithMedia(
  server: RunningServer,
  roomId: string,
  name: string,
  produce: boolean,
): Promise<{ socket: TestSocket; peerId: string; producers: string[]; recvTransportId: string; sendTransportId: string }> {
  const socket = await connectClient(server);
  const joined = await joinReady(socket, roomId, name);
  const { send: sendTransport, recv: recvTransport } = joined.transports;
  await call(socket, 'transport:connect', { transportId: sendTransport.id, dtlsParameters: fakeDtls });
  await call(socket, 'transport:connect', { transportId: recvTransport.id, dtlsParameters: fakeDtls });
  const producers: string[] = [];
  if (produce) {
    const mic = await call(socket, 'producer:create', { transportId: sendTransport.id, kind: 'audio', source: 'mic', rtpParameters: opusParameters() });
    const cam = await call(socket, 'producer:create', {
      transportId: sendTransport.id,
      kind: 'video',
      source: 'camera',
      rtpParameters: simulcastVp8Parameters(),
    });
    producers.push(mic.producerId, cam.producerId);
  }
  return { socket, peerId: joined.peerId, producers, recvTransportId: recvTransport.id, sendTransportId: sendTransport.id };
}

/** A session member into its media room as a browser does: both transports and the room's consumers with the join, a microphone and a camera. */
export async function intoMedia(socket: TestSocket, sessionId: string): Promise<void> {
  const { transports } = await joinReady(socket, sessionId, 'x');
  await call(socket, 'transport:connect', { transportId: transports.send.id, dtlsParameters: fakeDtls });
  await call(socket, 'producer:create', { transportId: transports.send.id, kind: 'audio', source: 'mic', rtpParameters: opusParameters() });
  await call(socket, 'producer:create', { transportId: transports.send.id, kind: 'video', source: 'camera', rtpParameters: simulcastVp8Parameters() });
}

/**
 * A session member's client on any server address, keeping every snapshot it is sent. With
 * `reconnect` it comes back by itself after a drop, as the browser's does.
 */
export function memberClient(url: string, credentials: { auth: Record<string, string>; cookie?: string | undefined }, { reconnect = false } = {}) {
  const socket: TestSocket = connect(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: reconnect,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    auth: credentials.auth,
    extraHeaders: credentials.cookie ? { cookie: credentials.cookie } : {},
  });
  const views: SessionView[] = [];
  socket.on('session:updated', ({ view }) => views.push(view));
  return { socket, views, latest: () => views.at(-1), forget: () => void views.splice(0) };
}
