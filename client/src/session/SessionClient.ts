import type { Device, types } from 'mediasoup-client';
import { io } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type ConsumerOptions,
  type IceServer,
  type MediaSource,
  type PeerInfo,
  type TransportOptions,
} from '@hearth/shared';
import { getCameraTrack, simulcastEncodings, type CaptureProfile } from './localMedia';
import { request, RequestError, type HearthSocket } from './request';

export type RemoteTrack = {
  consumerId: string;
  track: MediaStreamTrack;
  /** The sender paused it (muted mic, camera off). */
  paused: boolean;
  /** Simulcast layers the sender offers (1 when it sends a single stream). */
  spatialLayers: number;
  /** The layer the SFU currently forwards, once it has said. */
  spatialLayer: number | null;
};

export type RemotePeer = PeerInfo & { audio?: RemoteTrack; video?: RemoteTrack };

export type SessionStatus = 'idle' | 'joining' | 'joined' | 'left' | 'failed';

export type SessionState = {
  status: SessionStatus;
  error: string | undefined;
  selfId: string | undefined;
  displayName: string;
  peers: RemotePeer[];
  activeSpeakerId: string | null;
  localStream: MediaStream | undefined;
  micOn: boolean;
  cameraOn: boolean;
};

const initialState: SessionState = {
  status: 'idle',
  error: undefined,
  selfId: undefined,
  displayName: '',
  peers: [],
  activeSpeakerId: null,
  localStream: undefined,
  micOn: false,
  cameraOn: false,
};

/**
 * The framework-free session layer: one socket, one mediasoup Device, a send and a
 * receive transport. React reads its immutable state through subscribe/getState.
 */
export class SessionClient {
  #state: SessionState = initialState;
  readonly #listeners = new Set<() => void>();
  #socket: HearthSocket | undefined;
  #prepared: Promise<{ socket: HearthSocket; device: Device }> | undefined;
  #sendTransport: types.Transport | undefined;
  #recvTransport: types.Transport | undefined;
  readonly #producers = new Map<MediaSource, types.Producer>();
  readonly #consumers = new Map<string, { consumer: types.Consumer; peerId: string }>();
  /** The camera picked before joining; turning the camera on during the call opens this one. */
  #cameraDeviceId: string | undefined;
  /** The room joined last, to join again when the server loses its media. */
  #roomId: string | undefined;
  /** Peers whose camera the page is not showing (another page of tiles): not received. */
  #hiddenVideo = new Set<string>();

  constructor(
    private serverUrl: string | undefined,
    private readonly capture: CaptureProfile,
    /** The credential a moderated session's connection presents: an invite, or (staff) the session id. */
    private readonly auth: Record<string, string> = {},
  ) {}

  getState = (): SessionState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /**
   * Opens the connection and readies the WebRTC device while the participant is still on
   * the pre-join screen, so pressing Join costs only the join itself. Safe to call again.
   */
  prepare(): Promise<{ socket: HearthSocket; device: Device }> {
    this.#prepared ??= (async () => {
      const socket = this.connect();
      // The WebRTC library loads while the pre-join screen is already shown: a phone on a
      // weak network sees its first screen without waiting for it (scripts/client-size.mjs).
      const { Device } = await import('mediasoup-client');
      const device = await Device.factory();
      return { socket, device };
    })();
    this.#prepared.catch(() => {
      this.#prepared = undefined;
    });
    return this.#prepared;
  }

  /**
   * Connects to another node instead (the one running this member's session), or back to
   * the page's own server (undefined). Nothing is in the call yet; the caller starts again.
   */
  /** The node this connection goes to (undefined: the page's own server). */
  get serverAddress(): string | undefined {
    return this.serverUrl;
  }

  /**
   * Opens the connection (once) without the WebRTC library: a moderated page first learns
   * whether its link is good (a refusal arrives at once, on a phone not busy compiling the
   * library), then prepares the rest.
   */
  connect(): HearthSocket {
    if (this.#socket) return this.#socket;
    const socket = connectTo(this.serverUrl, this.auth);
    // When the network comes back, do not wait for a ping to time out: reconnect now.
    window.addEventListener('online', () => {
      if (this.#socket !== socket) return;
      if (socket.connected) socket.io.engine?.close();
      else socket.connect();
    });
    this.#socket = socket;
    this.#listen(socket);
    return socket;
  }

  relocate(serverUrl: string | undefined): void {
    this.#teardown();
    this.serverUrl = serverUrl;
  }

  /** The camera to open when the camera is turned on in the call (undefined: the browser's default). */
  setCameraDevice(deviceId: string | undefined): void {
    this.#cameraDeviceId = deviceId;
  }

  /** Joins a room and starts sending whatever tracks `localStream` holds (none is fine: listen only). */
  async join(roomId: string, displayName: string, localStream: MediaStream | undefined): Promise<void> {
    if (this.#state.status === 'joining' || this.#state.status === 'joined') return;
    this.#set({ ...initialState, status: 'joining', displayName, localStream });
    this.#roomId = roomId;
    try {
      mark('connecting');
      const { socket, device } = await this.prepare();
      const joined = await request(socket, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId, displayName });
      // Someone who joined just after us may be announced (peer:joined) before this answer
      // arrives: keep them, the answer's list was taken before they came.
      const announced = this.#state.peers.filter((p) => !joined.peers.some((q) => q.id === p.id));
      this.#set({
        selfId: joined.peerId,
        peers: [...joined.peers.map((p) => ({ ...p })), ...announced],
        activeSpeakerId: joined.activeSpeakerId,
      });
      mark('joined');
      // A member sent back to the waiting room and admitted again joins with the same device.
      if (!device.loaded) await device.load({ routerRtpCapabilities: joined.routerRtpCapabilities as types.RtpCapabilities });
      mark('device-loaded');
      const [send, recv] = await Promise.all([
        request(socket, 'transport:create', { direction: 'send' }),
        request(socket, 'transport:create', { direction: 'recv' }),
      ]);
      this.#sendTransport = this.#createTransport(socket, device, 'send', { ...send, iceServers: joined.iceServers });
      this.#recvTransport = this.#createTransport(socket, device, 'recv', { ...recv, iceServers: joined.iceServers });
      mark('transports-created');
      await request(socket, 'peer:ready', { rtpCapabilities: device.recvRtpCapabilities });
      mark('ready');

      const audio = localStream?.getAudioTracks()[0];
      const video = localStream?.getVideoTracks()[0];
      if (audio && device.canProduce('audio')) await this.#produce('mic', audio);
      if (video && device.canProduce('video')) await this.#produce('camera', video);
      this.#set({ status: 'joined', micOn: Boolean(audio), cameraOn: Boolean(video) });
    } catch (err) {
      if (this.moderated) this.#teardownMedia();
      else this.#teardown();
      this.#set({ status: 'failed', error: describe(err) });
      throw err;
    }
  }

  /** A moderated session's connection outlives its media (waiting room, re-admission). */
  get moderated(): boolean {
    return Object.keys(this.auth).length > 0;
  }

  /** Leaves the media room but keeps the connection: sent back to the waiting room. */
  leaveMedia(): void {
    this.#teardownMedia();
    this.#set({ ...initialState, status: 'idle', displayName: this.#state.displayName });
  }

  /**
   * The server closed this member's camera (a facilitator turned it off): drop the local
   * producer and stop the camera, without asking the server for anything.
   */
  dropCamera(): void {
    const producer = this.#producers.get('camera');
    if (!producer) return;
    producer.track?.stop();
    producer.close();
    this.#producers.delete('camera');
    this.#set({ cameraOn: false });
  }

  async setMicOn(on: boolean): Promise<void> {
    const producer = this.#producers.get('mic');
    if (!producer || !this.#socket) return;
    if (on) {
      producer.resume();
      await request(this.#socket, 'producer:resume', { producerId: producer.id });
    } else {
      producer.pause();
      await request(this.#socket, 'producer:pause', { producerId: producer.id });
    }
    this.#set({ micOn: on });
  }

  /** Turning the camera off stops the track, so the camera light goes out too. */
  async setCameraOn(on: boolean): Promise<void> {
    const producer = this.#producers.get('camera');
    const socket = this.#socket;
    if (!socket) return;
    if (!on) {
      if (!producer) return;
      producer.pause();
      producer.track?.stop();
      await request(socket, 'producer:pause', { producerId: producer.id });
      this.#set({ cameraOn: false });
      return;
    }
    const track = await getCameraTrack(this.capture, this.#cameraDeviceId);
    if (producer) {
      await producer.replaceTrack({ track });
      producer.resume();
      await request(socket, 'producer:resume', { producerId: producer.id });
    } else {
      await this.#produce('camera', track);
    }
    this.#set({ cameraOn: true, localStream: new MediaStream([...(this.#state.localStream?.getAudioTracks() ?? []), track]) });
  }

  /** Asks the SFU to forward a lower (or higher) simulcast layer of a remote camera. */
  async setPreferredLayer(consumerId: string, spatialLayer: number): Promise<void> {
    if (!this.#socket) return;
    await request(this.#socket, 'consumer:setPreferredLayers', { consumerId, spatialLayer });
  }

  /**
   * The peers whose camera the page is not showing now (their tiles are on another page): the
   * SFU stops sending those cameras, and sends them again once they are shown. Audio always plays.
   */
  setHiddenVideo(peerIds: Iterable<string>): void {
    const next = new Set(peerIds);
    const socket = this.#socket;
    for (const [consumerId, { consumer, peerId }] of this.#consumers) {
      if (consumer.kind !== 'video' || next.has(peerId) === this.#hiddenVideo.has(peerId) || !socket) continue;
      // A consumer closing meanwhile is not a problem: there is nothing left to pause.
      request(socket, next.has(peerId) ? 'consumer:pause' : 'consumer:resume', { consumerId }).catch(() => undefined);
    }
    this.#hiddenVideo = next;
  }

  async leave(): Promise<void> {
    const socket = this.#socket;
    if (socket?.connected) await request(socket, 'room:leave', {}, 3_000).catch(() => undefined);
    this.#teardown();
    this.#set({ ...initialState, status: 'left', displayName: this.#state.displayName });
  }

  #createTransport(
    socket: HearthSocket,
    device: Device,
    direction: 'send' | 'recv',
    options: TransportOptions & { iceServers: IceServer[] },
  ): types.Transport {
    const params = options as unknown as types.TransportOptions;
    const transport = direction === 'send' ? device.createSendTransport(params) : device.createRecvTransport(params);
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      request(socket, 'transport:connect', { transportId: transport.id, dtlsParameters })
        .then(() => callback())
        .catch(errback);
    });
    if (direction === 'send') {
      transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
        const source = appData['source'] as MediaSource;
        request(socket, 'producer:create', {
          transportId: transport.id,
          kind,
          source,
          rtpParameters: rtpParameters as never,
        })
          .then(({ producerId }) => callback({ id: producerId }))
          .catch(errback);
      });
    }
    transport.on('connectionstatechange', (state) => {
      // A failed ICE path (network change) gets fresh credentials instead of a dead call.
      if (state === 'failed' && socket.connected) {
        request(socket, 'transport:restartIce', { transportId: transport.id })
          .then(({ iceParameters }) => transport.restartIce({ iceParameters: iceParameters as types.IceParameters }))
          .catch(() => undefined);
      }
    });
    return transport;
  }

  async #produce(source: MediaSource, track: MediaStreamTrack): Promise<void> {
    const transport = this.#sendTransport!;
    const producer = await transport.produce({
      track,
      stopTracks: false,
      appData: { source },
      ...(source === 'camera'
        ? { encodings: simulcastEncodings(track.getSettings()), codecOptions: { videoGoogleStartBitrate: 600 } }
        : { codecOptions: { opusStereo: false, opusDtx: true, opusFec: true } }),
    });
    this.#producers.set(source, producer);
  }

  async #consume(options: ConsumerOptions): Promise<void> {
    const transport = this.#recvTransport;
    const socket = this.#socket;
    if (!transport || !socket) return;
    const consumer = await transport.consume({
      id: options.id,
      producerId: options.producerId,
      kind: options.kind,
      rtpParameters: options.rtpParameters as types.RtpParameters,
    });
    this.#consumers.set(consumer.id, { consumer, peerId: options.peerId });
    if (options.kind === 'video') mark('video-consumer-created', { once: true });
    this.#updatePeer(options.peerId, {
      [options.kind]: {
        consumerId: consumer.id,
        track: consumer.track,
        paused: options.producerPaused,
        spatialLayers: spatialLayerCount(options.rtpParameters.encodings?.[0]?.scalabilityMode),
        spatialLayer: null,
      },
    });
    // A camera whose tile is not shown stays paused on the SFU until it is (setHiddenVideo).
    if (options.kind === 'video' && this.#hiddenVideo.has(options.peerId)) return;
    await request(socket, 'consumer:resume', { consumerId: consumer.id });
  }

  #listen(socket: HearthSocket): void {
    socket.on('peer:joined', (peer) => {
      if (this.#state.peers.some((p) => p.id === peer.id)) return;
      this.#set({ peers: [...this.#state.peers, { ...peer }] });
    });
    socket.on('peer:left', ({ peerId }) => {
      for (const [id, entry] of this.#consumers) if (entry.peerId === peerId) this.#dropConsumer(id);
      this.#set({ peers: this.#state.peers.filter((p) => p.id !== peerId) });
    });
    socket.on('consumer:created', (options) => {
      this.#consume(options).catch((err: unknown) => console.warn('could not consume', err));
    });
    socket.on('consumer:closed', ({ consumerId }) => this.#dropConsumer(consumerId));
    socket.on('consumer:paused', ({ consumerId }) => this.#patchTrack(consumerId, { paused: true }));
    socket.on('consumer:resumed', ({ consumerId }) => this.#patchTrack(consumerId, { paused: false }));
    socket.on('consumer:layersChanged', ({ consumerId, spatialLayer }) => this.#patchTrack(consumerId, { spatialLayer }));
    socket.on('speaker:changed', ({ peerId }) => this.#set({ activeSpeakerId: peerId }));
    socket.on('room:reset', () => {
      this.#rejoin().catch((err: unknown) => this.#set({ status: 'failed', error: describe(err) }));
    });
    socket.on('disconnect', (reason) => {
      if (this.#state.status !== 'joined') return;
      if (this.moderated) {
        // The connection comes back by itself and the session resumes in place; the media
        // is set up again then (ModeratedSession), so nothing stale is left running.
        this.leaveMedia();
        return;
      }
      this.#teardown();
      this.#set({ status: 'failed', error: `Connection to the server was lost (${reason}).`, peers: [] });
    });
  }

  #dropConsumer(consumerId: string): void {
    const entry = this.#consumers.get(consumerId);
    if (!entry) return;
    this.#consumers.delete(consumerId);
    entry.consumer.close();
    const kind = entry.consumer.kind as 'audio' | 'video';
    this.#updatePeer(entry.peerId, { [kind]: undefined });
  }

  #patchTrack(consumerId: string, patch: Partial<RemoteTrack>): void {
    const entry = this.#consumers.get(consumerId);
    if (!entry) return;
    const kind = entry.consumer.kind as 'audio' | 'video';
    const peer = this.#state.peers.find((p) => p.id === entry.peerId);
    const current = peer?.[kind];
    if (!current || current.consumerId !== consumerId) return;
    this.#updatePeer(entry.peerId, { [kind]: { ...current, ...patch } });
  }

  #updatePeer(peerId: string, patch: Partial<RemotePeer>): void {
    this.#set({ peers: this.#state.peers.map((p) => (p.id === peerId ? { ...p, ...patch } : p)) });
  }

  #teardown(): void {
    this.#teardownMedia();
    this.#socket?.removeAllListeners();
    this.#socket?.disconnect();
    this.#socket = undefined;
    this.#prepared = undefined;
  }

  /**
   * The server lost this room's media (its worker died) and is making a new router: set the
   * media up again on the same connection with the same camera and microphone, muted if the
   * member was. Seconds without media, nothing to click.
   */
  async #rejoin(): Promise<void> {
    const { status, displayName, localStream, micOn } = this.#state;
    const roomId = this.#roomId;
    if (status !== 'joined' || roomId === undefined) return;
    this.#teardownMedia({ keepTracks: true });
    this.#set({ status: 'idle' });
    const live = localStream?.getTracks().filter((t) => t.readyState === 'live') ?? [];
    for (const t of live) if (t.kind === 'audio' && !micOn) t.enabled = false;
    await this.join(roomId, displayName, live.length > 0 ? new MediaStream(live) : undefined);
    if (!micOn) await this.setMicOn(false);
  }

  #teardownMedia({ keepTracks = false } = {}): void {
    for (const { consumer } of this.#consumers.values()) consumer.close();
    this.#consumers.clear();
    for (const producer of this.#producers.values()) producer.close();
    this.#producers.clear();
    this.#sendTransport?.close();
    this.#recvTransport?.close();
    this.#sendTransport = this.#recvTransport = undefined;
    if (!keepTracks) this.#state.localStream?.getTracks().forEach((t) => t.stop());
  }

  #set(patch: Partial<SessionState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener();
  }
}

/** Performance marks of the join path; `npm run bench` reads them to show where time goes. */
function mark(name: string, { once = false } = {}): void {
  if (once && performance.getEntriesByName(`hearth:${name}`).length > 0) return;
  performance.mark(`hearth:${name}`);
}

/** 'L2T3' → 2: how many spatial layers a consumer can switch between. */
function spatialLayerCount(scalabilityMode: string | undefined): number {
  const match = /^L(\d)/.exec(scalabilityMode ?? '');
  return match ? Number(match[1]) : 1;
}

function describe(err: unknown): string {
  if (err instanceof RequestError) {
    switch (err.code) {
      case 'TIMEOUT':
        return 'The server did not answer. Check your connection and try again.';
      case 'UNSUPPORTED_PROTOCOL':
        return 'Hearth was updated. Reload the page to continue.';
      default:
        return err.message;
    }
  }
  if (err instanceof Error && err.name === 'UnsupportedError') return 'This browser cannot join video calls. Try a current Chrome, Edge, Firefox or Safari.';
  return 'Could not join the room. Try again.';
}

/**
 * A Socket.IO connection to `serverUrl` (undefined: this page's server). A node's address may
 * carry a path (https://clinic.example/node/a behind a load balancer): Socket.IO lives under it.
 */
function connectTo(serverUrl: string | undefined, auth: Record<string, string>): HearthSocket {
  const options = { transports: ['websocket'], auth };
  if (!serverUrl) return io(options);
  const url = new URL(serverUrl, window.location.href);
  return io(url.origin, { ...options, path: `${url.pathname.replace(/\/$/, '')}/socket.io` });
}
