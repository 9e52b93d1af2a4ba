import type { Device, types } from 'mediasoup-client';
import { PROTOCOL_VERSION, type ConsumerOptions, type MediaSource, type RtpCapabilities } from '@hearth/shared';
import { initialMediaState, type MediaState, type RemotePeer, type RemoteTrack } from './mediaState';
import { getCameraTrack, simulcastEncodings, type CaptureProfile } from './localMedia';
import { createTransport, describeJoinError, mark, resumeConsumer, spatialLayerCount } from './mediaTransport';
import { fitCameraToLink } from './cameraForLink';
import { LinkMonitor } from './LinkMonitor';
import { request, type HearthSocket } from './request';
import type { ConnectionEvents, ConnectionStatus } from './SessionConnection';

// The state React reads lives beside the client; imported from here as before.
export * from './mediaState';

/** What the media client may use of the connection it belongs to; given by its owner. */
export type MediaLink = {
  /** The connection's socket (opened if need be) and its WebRTC device. */
  ready(): Promise<{ socket: HearthSocket; device: Device }>;
  /** The socket now, if there is one. */
  socket(): HearthSocket | undefined;
  /** Listens to a server fact; the returned function removes that listener alone. */
  on<E extends keyof ConnectionEvents>(event: E, listener: ConnectionEvents[E]): () => void;
  /** A dropped connection is resumed in place (moderated) rather than ending the call (open room). */
  resumable: boolean;
};

/**
 * The call's media on the connection's socket: one mediasoup Device, a send and a receive
 * transport, the local producers and the remote consumers. It never opens or closes the socket;
 * its owner (SessionConnection) does. React reads its immutable state through subscribe/getState.
 */
export class MediaClient {
  #state: MediaState = initialMediaState;
  readonly #listeners = new Set<() => void>();
  readonly #stopListening: (() => void)[];
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
  /** The camera's own per-layer bitrates, put back when a poor link gets better. */
  #cameraBitrates: (number | undefined)[] | undefined;
  /** Audio only: no camera is received at all, whatever the page shows. */
  #audioOnly = false;
  /** Consumers offered before the join's answer made the receive transport (kept in order). */
  readonly #offered: ConsumerOptions[] = [];
  /** The join's microphone and camera on their way to the server: a switch waits for them. */
  #sending: Promise<void> | undefined;
  /** Counts teardowns: a join that sees it change was overtaken (see join). */
  #generation = 0;
  readonly #linkMonitor = new LinkMonitor(
    () => [this.#sendTransport, this.#recvTransport],
    (link) => {
      this.#set({ link });
      this.#fitCameraToLink();
    },
  );

  constructor(
    private readonly link: MediaLink,
    private readonly capture: CaptureProfile,
  ) {
    this.#stopListening = this.#listen();
  }

  getState = (): MediaState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /**
   * Opens the connection and loads the WebRTC device (with the node's capabilities) while the
   * participant is still on the pre-join screen, so pressing Join costs only the join itself.
   * Safe to call again.
   */
  prepare(): Promise<{ socket: HearthSocket; device: Device }> {
    return this.link.ready();
  }

  /** The camera to open when the camera is turned on in the call (undefined: the browser's default). */
  setCameraDevice(deviceId: string | undefined): void {
    this.#cameraDeviceId = deviceId;
  }

  /**
   * Joins a room and starts sending whatever tracks `localStream` holds (none is fine: listen
   * only). The device was loaded on the pre-join screen, so this is one round trip: the join
   * carries its capabilities, the answer both transports and the consumers of everything the
   * room already sends. The call shows as soon as the transports exist; the microphone and
   * camera start sending meanwhile, and the returned promise waits for them too.
   */
  async join(roomId: string, displayName: string, localStream: MediaStream | undefined): Promise<void> {
    if (this.#state.status === 'joining' || this.#state.status === 'joined') return;
    this.#set({ ...initialMediaState, status: 'joining', displayName, localStream, audioOnly: this.#audioOnly });
    this.#roomId = roomId;
    // Media torn down while this join was under way (sent back to the waiting room, the
    // connection lost) ends it quietly: that is not a failed join, and the state is the teardown's.
    const generation = this.#generation;
    try {
      mark('connecting');
      const { socket, device } = await this.link.ready();
      const rtpCapabilities = device.recvRtpCapabilities as RtpCapabilities;
      const joined = await request(socket, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId, displayName, rtpCapabilities });
      if (generation !== this.#generation) return;
      if (!joined.transports) throw new Error('the server answered the join without transports');
      // Someone who joined just after us may be announced (peer:joined) before this answer
      // arrives: keep them, the answer's list was taken before they came.
      const announced = this.#state.peers.filter((p) => !joined.peers.some((q) => q.id === p.id));
      this.#set({
        selfId: joined.peerId,
        peers: [...joined.peers.map((p) => ({ ...p })), ...announced],
        activeSpeakerId: joined.activeSpeakerId,
      });
      mark('joined');
      this.#sendTransport = createTransport(socket, device, 'send', { ...joined.transports.send, iceServers: joined.iceServers });
      this.#recvTransport = createTransport(socket, device, 'recv', { ...joined.transports.recv, iceServers: joined.iceServers });
      mark('ready');
      // The room's cameras first, set up here in one batch (one SDP round), then its voices.
      const offered = [...(joined.consumers ?? []), ...this.#offered.splice(0)];
      const cameras = Promise.all(offered.filter((o) => o.kind === 'video').map((o) => this.#consume(o)));
      void cameras.then(() => {
        for (const options of offered) if (options.kind !== 'video') void this.#consume(options);
      });

      const audio = localStream?.getAudioTracks()[0];
      const video = localStream?.getVideoTracks()[0];
      // The call is shown now: the others' cameras play as they are set up, not after ours are sent.
      this.#set({ status: 'joined', micOn: Boolean(audio), cameraOn: Boolean(video) });
      const sending = (async () => {
        // Ours start once the others' cameras are set up here: on a busy phone the two rounds
        // of WebRTC work would slow each other, and seeing the group is what joining is for.
        await cameras;
        if (generation !== this.#generation) return;
        if (audio && device.canProduce('audio')) await this.#produce('mic', audio);
        if (video && device.canProduce('video')) await this.#produce('camera', video);
      })();
      this.#sending = sending.catch(() => undefined);
      await sending;
      this.#linkMonitor.start();
    } catch (err) {
      if (generation !== this.#generation) return;
      // The connection is its owner's and stays: joining again uses it.
      this.#teardownMedia();
      this.#set({ status: 'failed', error: describeJoinError(err) });
      throw err;
    }
  }

  /** Leaves the media room but keeps the connection: sent back to the waiting room. */
  leaveMedia(): void {
    this.#teardownMedia();
    this.#set({ ...initialMediaState, status: 'idle', displayName: this.#state.displayName, audioOnly: this.#audioOnly });
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
    await this.#sending;
    const producer = this.#producers.get('mic');
    const socket = this.link.socket();
    if (!producer || !socket) return;
    if (on) {
      producer.resume();
      await request(socket, 'producer:resume', { producerId: producer.id });
    } else {
      producer.pause();
      await request(socket, 'producer:pause', { producerId: producer.id });
    }
    this.#set({ micOn: on });
  }

  /**
   * The session muted this member: the server already holds the microphone paused, so the
   * change is only shown here (asking the server to pause it too would be an echo). Turning
   * the microphone on later asks for it with producer:resume, as ever.
   */
  mutedBySession(): void {
    this.#producers.get('mic')?.pause();
    this.#set({ micOn: false });
  }

  /** Turning the camera off stops the track, so the camera light goes out too. */
  async setCameraOn(on: boolean): Promise<void> {
    await this.#sending;
    const producer = this.#producers.get('camera');
    const socket = this.link.socket();
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
    const socket = this.link.socket();
    if (!socket) return;
    await request(socket, 'consumer:setPreferredLayers', { consumerId, spatialLayer });
  }

  /**
   * The peers whose camera the page is not showing now (their tiles are on another page): the
   * SFU stops sending those cameras, and sends them again once they are shown. Audio always plays.
   */
  setHiddenVideo(peerIds: Iterable<string>): void {
    this.#receiveVideo(new Set(peerIds), this.#audioOnly);
  }

  /**
   * LNK3: audio only receives no camera at all (the SFU stops sending them) and again the ones
   * the page shows once it is left. The camera sent is the session's to turn off (cameraOff).
   */
  setAudioOnly(on: boolean): void {
    if (on === this.#audioOnly) return;
    this.#receiveVideo(this.#hiddenVideo, on);
    this.#set({ audioOnly: on });
  }

  #videoWanted(peerId: string, hidden = this.#hiddenVideo, audioOnly = this.#audioOnly): boolean {
    return !audioOnly && !hidden.has(peerId);
  }

  #receiveVideo(hidden: Set<string>, audioOnly: boolean): void {
    const socket = this.link.socket();
    for (const [consumerId, { consumer, peerId }] of this.#consumers) {
      const wanted = this.#videoWanted(peerId, hidden, audioOnly);
      if (consumer.kind !== 'video' || wanted === this.#videoWanted(peerId) || !socket) continue;
      // A consumer closing meanwhile is not a problem: there is nothing left to pause.
      const asked = wanted ? resumeConsumer(socket, consumerId) : request(socket, 'consumer:pause', { consumerId });
      asked.catch(() => undefined);
    }
    this.#hiddenVideo = hidden;
    this.#audioOnly = audioOnly;
  }

  /** Leaves the media room on purpose; the connection is its owner's to close. */
  async leave(): Promise<void> {
    const socket = this.link.socket();
    if (socket?.connected && this.#state.status === 'joined') await request(socket, 'room:leave', {}, 3_000).catch(() => undefined);
    this.#teardownMedia();
    this.#set({ ...initialMediaState, status: 'left', displayName: this.#state.displayName });
  }

  /**
   * The owner's word on the connection. A moderated call that loses it leaves its media (the
   * session resumes in place and sets it up again, so nothing stale is left running); an open
   * room's call has failed.
   */
  connectionChanged(status: ConnectionStatus): void {
    if (status === 'connecting' || status === 'connected' || this.#state.status !== 'joined') return;
    if (this.link.resumable) {
      this.leaveMedia();
      return;
    }
    this.#teardownMedia();
    this.#set({ status: 'failed', error: 'Connection to the server was lost.', peers: [] });
  }

  /** Stops listening and releases the media; the owner closes the connection. Idempotent. */
  close(): void {
    for (const stop of this.#stopListening.splice(0)) stop();
    this.#teardownMedia();
  }

  /** The camera follows the link (cameraForLink.ts); its own bitrates are read once per producer. */
  #fitCameraToLink(): void {
    const sender = this.#producers.get('camera')?.rtpSender;
    if (!sender) return;
    this.#cameraBitrates ??= sender.getParameters().encodings.map((e) => e.maxBitrate);
    fitCameraToLink(sender, this.#state.link === 'poor', this.#cameraBitrates);
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
    mark(`${source}-sent`);
    if (source === 'camera') {
      this.#cameraBitrates = undefined;
      this.#fitCameraToLink();
    }
  }

  /** Sets a consumer up in the page (its track) and returns it; undefined once the media is gone. */
  async #receive(options: ConsumerOptions): Promise<types.Consumer | undefined> {
    const transport = this.#recvTransport;
    if (!transport) return undefined;
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
    return consumer;
  }

  /**
   * Sets an offered consumer up here, then asks the SFU to play it (a camera whose tile is not
   * shown, or any camera in audio only, stays paused there until it is wanted). Resolves once it
   * is set up here, or could not be.
   */
  #consume(options: ConsumerOptions): Promise<void> {
    const received = this.#receive(options);
    received
      .then(async (consumer) => {
        const socket = this.link.socket();
        if (!consumer || !socket || (options.kind === 'video' && !this.#videoWanted(options.peerId))) return;
        await resumeConsumer(socket, consumer.id);
      })
      .catch((err: unknown) => console.warn('could not consume', err));
    return received.then(
      () => undefined,
      () => undefined,
    );
  }

  /** This client's listeners on the connection; the returned functions remove them and no others. */
  #listen(): (() => void)[] {
    const on = this.link.on.bind(this.link);
    return [
      on('peer:joined', (peer) => {
        if (this.#state.peers.some((p) => p.id === peer.id)) return;
        this.#set({ peers: [...this.#state.peers, { ...peer }] });
      }),
      on('peer:left', ({ peerId }) => {
        for (const [id, entry] of this.#consumers) if (entry.peerId === peerId) this.#dropConsumer(id);
        this.#set({ peers: this.#state.peers.filter((p) => p.id !== peerId) });
      }),
      on('consumer:created', (options) => {
        // Offered before the join's answer was handled: consumed once the transports exist.
        if (!this.#recvTransport && this.#state.status === 'joining') this.#offered.push(options);
        else void this.#consume(options);
      }),
      on('consumer:closed', ({ consumerId }) => this.#dropConsumer(consumerId)),
      on('consumer:paused', ({ consumerId }) => this.#patchTrack(consumerId, { paused: true })),
      on('consumer:resumed', ({ consumerId }) => this.#patchTrack(consumerId, { paused: false })),
      on('consumer:layersChanged', ({ consumerId, spatialLayer }) => this.#patchTrack(consumerId, { spatialLayer })),
      on('speaker:changed', ({ peerId }) => this.#set({ activeSpeakerId: peerId })),
      on('room:reset', () => {
        this.#rejoin().catch((err: unknown) => this.#set({ status: 'failed', error: describeJoinError(err) }));
      }),
    ];
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
    this.#generation++;
    this.#offered.length = 0;
    this.#sending = undefined;
    this.#linkMonitor.stop();
    for (const { consumer } of this.#consumers.values()) consumer.close();
    this.#consumers.clear();
    for (const producer of this.#producers.values()) producer.close();
    this.#producers.clear();
    this.#sendTransport?.close();
    this.#recvTransport?.close();
    this.#sendTransport = this.#recvTransport = undefined;
    if (!keepTracks) this.#state.localStream?.getTracks().forEach((t) => t.stop());
  }

  #set(patch: Partial<MediaState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener();
  }
}
