import { randomUUID } from 'node:crypto';
import type { types } from 'mediasoup';
import type { CommandRequest, CommandResponse, ConsumerOptions, ErrorCode, PeerInfo, RtpParameters, TransportOptions } from '@hearth/shared';
import { AppError, InvalidStateError, NotFoundError, ServerFullError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { PooledWorker } from '../media/WorkerPool.js';
import { mediaCodecs } from '../media/routerOptions.js';
import { Peer, type PeerTransport, type ProducerAppData, type SendToPeer, type TransportAppData } from './Peer.js';
import { SerialQueue } from '../lib/SerialQueue.js';
import { openPolicy, type MediaPolicy } from './MediaPolicy.js';
import { KeyFrameRequester, onVideoReturn } from './keyFramesOnReturn.js';

/** Told, every interval, who was heard in a room (for talk-time). */
export type TalkListener = (roomId: string, peerIds: string[], intervalMs: number) => void;

/** CAM1: told when the SFU starts or stops receiving a peer's camera (made, paused or resumed by its client, closed). */
export type VideoListener = (roomId: string, peerId: string, sent: boolean) => void;

/** Speech is well above this (dBov); room noise and a muted line are below it. */
const TALK_THRESHOLD_DBOV = -50;
const TALK_INTERVAL_MS = 1000;
/** Socket buffers of a load bot's plain transport (benchmarks only); the kernel caps them at net.core.rmem_max/wmem_max. */
export const BOT_SOCKET_BUFFER_BYTES = 4 * 2 ** 20;

export class RoomClosedError extends AppError {
  constructor() {
    super('INVALID_STATE', 'the room has closed');
  }
}

/**
 * A live session's media: one router on one worker, the peers in it, and an active-speaker
 * observer. Every command runs through the room's queue, one at a time. The room closes
 * itself when its last peer leaves and reports that upward through onClose.
 */
export class Room {
  readonly #peers = new Map<string, Peer>();
  readonly #queue = new SerialQueue();
  /** One queue per consumer and per producer: its play/pause decisions, one at a time (see #settle). */
  readonly #mediaQueues = new WeakMap<object, SerialQueue>();
  /** Producers their own client paused (producer:pause), until it resumes them. */
  readonly #heldByClient = new WeakSet<types.Producer>();
  #activeSpeakerId: string | null = null;
  /** The speaker each peer was last told of: only one it may hear (see #tellSpeaker). */
  readonly #speakerTold = new Map<string, string | null>();
  /** The cap each receive transport holds on the worker (0: none), so a pass changes only what changed. */
  readonly #downlinkCaps = new WeakMap<PeerTransport, number>();
  readonly #keyFrames = new KeyFrameRequester();
  /** CAM1: peers last reported as sending a camera. */
  readonly #videoSent = new Set<string>();
  #closed = false;

  private constructor(
    readonly id: string,
    private readonly host: PooledWorker,
    private readonly router: types.Router,
    private readonly speakerObserver: types.ActiveSpeakerObserver,
    private readonly levelObserver: types.AudioLevelObserver,
    private readonly log: Logger,
    private readonly onClose: (room: Room) => void,
    /** Asked at every decision, from the first producer and consumer on: a room made again mid-breakout is isolated at once. */
    private readonly policy: MediaPolicy,
    private readonly onVideo: VideoListener,
  ) {}

  static async create(
    id: string,
    host: PooledWorker,
    log: Logger,
    onClose: (room: Room) => void,
    onTalk: TalkListener = () => {},
    policy: MediaPolicy = openPolicy,
    onVideo: VideoListener = () => {},
  ): Promise<Room> {
    const router = await host.worker.createRouter({ mediaCodecs });
    const speakerObserver = await router.createActiveSpeakerObserver({ interval: 300 });
    const levelObserver = await router.createAudioLevelObserver({ maxEntries: 16, threshold: TALK_THRESHOLD_DBOV, interval: TALK_INTERVAL_MS });
    host.routers++;
    const room = new Room(id, host, router, speakerObserver, levelObserver, log.child({ room: id }), onClose, policy, onVideo);
    speakerObserver.on('dominantspeaker', ({ producer }) => room.speakerChanged((producer.appData as ProducerAppData).peerId));
    // Talk-time: everyone heard above the threshold in an interval spoke for that interval.
    levelObserver.on('volumes', (volumes) => {
      const peers = volumes.map((v) => (v.producer.appData as ProducerAppData).peerId);
      try {
        onTalk(id, peers, TALK_INTERVAL_MS);
      } catch (err) {
        room.log.warn({ err }, 'talk-time listener failed');
      }
    });
    // A dead worker takes the router with it: everyone is told to join again, which makes a
    // new router on a live worker (seconds of media lost, not the session).
    router.once('workerclose', () => {
      room.log.warn({ peers: room.#peers.size }, 'the worker hosting this room died; peers rejoin');
      for (const peer of room.#peers.values()) peer.send('room:reset', {});
    });
    router.observer.once('close', () => room.close());
    return room;
  }

  get closed(): boolean {
    return this.#closed;
  }

  get peerCount(): number {
    return this.#peers.size;
  }

  /** What the room holds now, for /metrics. */
  mediaCounts(): { peers: number; producers: number; consumers: number } {
    const total = { peers: this.#peers.size, producers: 0, consumers: 0 };
    for (const peer of this.#peers.values()) {
      const { producers, consumers } = peer.counts;
      total.producers += producers;
      total.consumers += consumers;
    }
    return total;
  }

  hasPeer(peerId: string): boolean {
    return !this.#closed && this.#peers.has(peerId);
  }

  /** For tests and diagnostics: each consumer of a peer as the worker itself holds it (paused or playing). */
  consumerStates(peerId: string): Promise<{ consumerId: string; senderId: string; kind: string; paused: boolean }[]> {
    const consumers = this.#peers.get(peerId)?.consumers ?? [];
    return onWorker(consumers, (c, paused) => ({ consumerId: c.id, senderId: c.appData.peerId, kind: c.kind, paused }));
  }

  /** For tests and diagnostics: each producer of a peer as the worker itself holds it. */
  producerStates(peerId: string): Promise<{ producerId: string; source: string; paused: boolean }[]> {
    const producers = this.#peers.get(peerId)?.producers ?? [];
    return onWorker(producers, (p, paused) => ({ producerId: p.id, source: p.appData.source, paused }));
  }

  /** For tests and /healthz: what the room holds, without reaching into mediasoup. */
  async dump(): Promise<types.RouterDump> {
    return this.router.dump();
  }

  run<T>(task: () => Promise<T> | T): Promise<T> {
    return this.#queue.run(() => {
      if (this.#closed) throw new RoomClosedError();
      return task();
    });
  }

  /**
   * Adds a peer. A member of a moderated session keeps their member id as peer id; if a
   * stale peer with that id is still here (a dropped connection), it is replaced.
   *
   * With `rtpCapabilities` (a browser's loaded Device), the peer comes in ready to receive: both
   * of its WebRTC transports and a paused consumer of everything already produced (cameras
   * first) are made now and carried by the answer, so the browser can set all of it up at once.
   * What is produced later is offered as consumer:created. Without them, the peer makes its own
   * transports and says `ready` later.
   */
  join(
    displayName: string,
    send: SendToPeer,
    peerId: string = randomUUID(),
    rtpCapabilities?: types.RtpCapabilities,
  ): Promise<{ peer: Peer; response: Omit<CommandResponse<'room:join'>, 'iceServers'> }> {
    return this.run(async () => {
      if (this.#peers.has(peerId)) this.#remove(peerId, { keepOpen: true });
      // The worker is carrying all it may: refuse this one rather than degrade everyone's call.
      if (this.host.peers >= this.host.maxPeers) throw new ServerFullError();
      // What the peer wants played is what its worker forwards once the group is together.
      const peer = new Peer(peerId, displayName, send, (delta) => void (this.host.streams += delta));
      // Made before the peer is in the room, so a failure leaves nothing and tells no one.
      const media = rtpCapabilities ? await this.#readyAtJoin(peer, rtpCapabilities) : {};
      const others: PeerInfo[] = [...this.#peers.values()].map((p) => ({ id: p.id, displayName: p.displayName }));
      this.#peers.set(peer.id, peer);
      this.host.peers++;
      this.#broadcast(peer, (p) => p.send('peer:joined', { id: peer.id, displayName }));
      this.log.info({ peer: peer.id, peers: this.#peers.size }, 'peer joined');
      return {
        peer,
        response: { peerId: peer.id, peers: others, activeSpeakerId: this.#tellSpeaker(peer, false), ...media },
      };
    });
  }

  /** A joining browser's transports and the consumers of what the room already produces, for the answer; on failure, none of it. */
  async #readyAtJoin(peer: Peer, rtpCapabilities: types.RtpCapabilities) {
    try {
      const [sendTransport, recvTransport] = await Promise.all([this.#webRtcTransport(peer, 'send'), this.#webRtcTransport(peer, 'recv')]);
      peer.rtpCapabilities = rtpCapabilities;
      const consumers = await Promise.all(this.#producersFor(peer).map((producer) => this.#consume(peer, producer, { announce: false })));
      return { transports: { send: sendTransport, recv: recvTransport }, consumers: consumers.filter((c) => c !== undefined) };
    } catch (err) {
      peer.close();
      throw err;
    }
  }

  leave(peerId: string): Promise<void> {
    return this.run(() => this.#remove(peerId));
  }

  createTransport(peerId: string, direction: CommandRequest<'transport:create'>['direction']): Promise<TransportOptions> {
    return this.run(() => this.#webRtcTransport(this.#peer(peerId), direction));
  }

  async #webRtcTransport(peer: Peer, direction: CommandRequest<'transport:create'>['direction']): Promise<TransportOptions> {
    if (peer.transportFor(direction)) throw new InvalidStateError(`a ${direction} transport already exists`);
    const transport = await this.router.createWebRtcTransport<TransportAppData>({
      webRtcServer: this.host.webRtcServer,
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: 600_000,
      appData: { direction },
    });
    peer.addTransport(transport);
    if (direction === 'recv') await this.#settleDownlink(peer);
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
    } as TransportOptions;
  }

  /**
   * Benchmarks only (see `transport:createPlain`): a plain RTP transport for a load bot,
   * connected to the bot's loopback address at once. Everything after it (producing,
   * consuming, pausing, the policy) is the same path a browser's transport takes.
   */
  createPlainTransport(peerId: string, req: CommandRequest<'transport:createPlain'>): Promise<CommandResponse<'transport:createPlain'>> {
    return this.run(async () => {
      const peer = this.#peer(peerId);
      if (peer.transportFor(req.direction)) throw new InvalidStateError(`a ${req.direction} transport already exists`);
      const transport = await this.router.createPlainTransport<TransportAppData>({
        // A bot's socket rides out the pauses of a shared benchmark machine (the bare router's
        // get the same, bench/media/bareGroup.mjs), so T5 measures the worker, not the scheduler.
        listenInfo: { protocol: 'udp', ip: '127.0.0.1', recvBufferSize: BOT_SOCKET_BUFFER_BYTES, sendBufferSize: BOT_SOCKET_BUFFER_BYTES },
        rtcpMux: true,
        comedia: false,
        ...(req.srtp ? { enableSrtp: true, srtpCryptoSuite: req.srtp.cryptoSuite } : {}),
        appData: { direction: req.direction },
      });
      try {
        await transport.connect({ ip: req.ip, port: req.port, ...(req.srtp ? { srtpParameters: req.srtp } : {}) });
        peer.addTransport(transport);
      } catch (err) {
        transport.close();
        throw err;
      }
      return { id: transport.id, ip: transport.tuple.localAddress ?? transport.tuple.localIp, port: transport.tuple.localPort };
    });
  }

  /*
   * Operations on one peer's own transports, producers and consumers change nothing the
   * rest of the room depends on, so they skip the queue: a newcomer's DTLS connect or
   * consumer resume must not wait behind other peers' consumer creation.
   */

  async connectTransport(peerId: string, req: CommandRequest<'transport:connect'>): Promise<void> {
    const transport = this.#livePeer(peerId).transport(req.transportId);
    if (transport.type !== 'webrtc') throw new InvalidStateError('a plain transport is connected when it is made');
    await transport.connect({ dtlsParameters: req.dtlsParameters as types.DtlsParameters });
  }

  async restartIce(peerId: string, transportId: string): Promise<CommandResponse<'transport:restartIce'>> {
    const transport = this.#livePeer(peerId).transport(transportId);
    if (transport.type !== 'webrtc') throw new InvalidStateError('a plain transport has no ICE');
    const iceParameters = await transport.restartIce();
    return { iceParameters };
  }

  /** The peer can now decode media (peer:ready): offer it everything already being produced. */
  ready(peerId: string, rtpCapabilities: types.RtpCapabilities): Promise<void> {
    return this.run(async () => {
      const peer = this.#peer(peerId);
      if (peer.rtpCapabilities) throw new InvalidStateError('already ready');
      if (!peer.transportFor('recv')) throw new InvalidStateError('create a recv transport first');
      peer.rtpCapabilities = rtpCapabilities;
      await Promise.all(this.#producersFor(peer).map((producer) => this.#consume(peer, producer)));
    });
  }

  /** What everyone else produces, cameras first: a face on screen matters more than which voice arrives first. */
  #producersFor(peer: Peer): types.Producer<ProducerAppData>[] {
    const producers = [...this.#peers.values()].filter((p) => p !== peer).flatMap((p) => [...p.producers]);
    return producers.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'video' ? -1 : 1));
  }

  produce(peerId: string, req: CommandRequest<'producer:create'>): Promise<string> {
    return this.run(async () => {
      const peer = this.#peer(peerId);
      const transport = peer.transport(req.transportId);
      if (transport.appData.direction !== 'send') throw new InvalidStateError('not a send transport');
      for (const p of peer.producers) {
        if (p.appData.source === req.source) throw new InvalidStateError(`already producing ${req.source}`);
      }
      if ((req.source === 'mic') !== (req.kind === 'audio')) throw new InvalidStateError('source does not match kind');
      // A camera the session turned off is refused; a microphone that may not be heard now
      // starts paused, not live for even a moment (and waits for its turn or its unmute).
      const refusal = this.policy.sendRefusal(peerId, req.source);
      if (refusal && req.source !== 'mic') throw refused(refusal);
      const producer = await transport.produce<ProducerAppData>({
        kind: req.kind,
        rtpParameters: req.rtpParameters as types.RtpParameters,
        paused: refusal !== null,
        appData: { peerId, source: req.source },
      });
      peer.addProducer(producer);
      if (req.source === 'camera') {
        producer.observer.once('close', () => this.#tellVideo(peerId));
        this.#tellVideo(peerId);
      }
      // The peer's network is back after a drop: what it receives needs keyframes to be seen again.
      onVideoReturn(producer, () => this.#keyFrames.request(peer.consumers));
      // The session may have changed while the worker made it.
      await this.#settleProducer(producer);
      if (producer.kind === 'audio') {
        for (const observer of [this.speakerObserver, this.levelObserver]) {
          await observer.addProducer({ producerId: producer.id }).catch((err: unknown) => {
            this.log.warn({ err }, 'could not observe audio producer');
          });
        }
      }
      const others = [...this.#peers.values()].filter((p) => p !== peer);
      await Promise.all(others.map((other) => this.#consume(other, producer)));
      return producer.id;
    });
  }

  /**
   * The client's own wish for its producer: it may always pause. A resume the policy forbids
   * now (muted, someone else's turn, a camera turned off) is refused with the policy's code
   * and changes nothing; an allowed one still plays only as long as the policy allows.
   */
  async setProducerPaused(peerId: string, producerId: string, paused: boolean): Promise<void> {
    const producer = this.#livePeer(peerId).producer(producerId);
    if (paused) {
      this.#heldByClient.add(producer);
    } else {
      const refusal = this.policy.sendRefusal(peerId, producer.appData.source);
      if (refusal) throw refused(refusal);
      this.#heldByClient.delete(producer);
    }
    if (producer.appData.source === 'camera') this.#tellVideo(peerId);
    await this.#settleProducer(producer);
  }

  /**
   * CAM1: whether the peer's client sends a camera now (made, not closed, not paused by the
   * client; a pause the session's policy holds is the session's doing, not a camera off),
   * reported upward when it changes.
   */
  #tellVideo(peerId: string): void {
    const peer = this.#peers.get(peerId);
    const sent = peer !== undefined && [...peer.producers].some((p) => p.appData.source === 'camera' && !p.closed && !this.#heldByClient.has(p));
    if (sent === this.#videoSent.has(peerId)) return;
    if (sent) this.#videoSent.add(peerId);
    else this.#videoSent.delete(peerId);
    try {
      this.onVideo(this.id, peerId, sent);
    } catch (err) {
      this.log.warn({ err }, 'camera listener failed');
    }
  }

  closeSource(peerId: string, source: ProducerAppData['source']): Promise<void> {
    return this.run(() => {
      const peer = this.#peers.get(peerId);
      if (!peer) return;
      for (const p of [...peer.producers]) if (p.appData.source === source) p.close();
    });
  }

  closeProducer(peerId: string, producerId: string): Promise<void> {
    return this.run(() => this.#peer(peerId).producer(producerId).close());
  }

  /**
   * The client has attached the track and wants it. It plays unless the policy says this
   * peer may not receive that sender now (another pair during breakouts): then the request
   * is refused (HELD_BY_SESSION), the wish is kept, and it plays once the policy allows.
   */
  async resumeConsumer(peerId: string, consumerId: string): Promise<void> {
    const peer = this.#livePeer(peerId);
    const consumer = peer.consumer(consumerId);
    peer.markReady(consumerId);
    const playing = await this.#settleConsumer(peer, consumer);
    if (!playing && !consumer.closed) throw refused('HELD_BY_SESSION');
  }

  /**
   * The client is not showing this camera (a tile on another page): it stops here and stays
   * stopped through every reconcile until the client shows it again
   * (resumeConsumer). Audio is always received, so only video can be hidden.
   */
  async pauseConsumer(peerId: string, consumerId: string): Promise<void> {
    const peer = this.#livePeer(peerId);
    const consumer = peer.consumer(consumerId);
    if (consumer.kind !== 'video') throw new InvalidStateError('audio is always received');
    peer.markHidden(consumerId);
    await this.#settleConsumer(peer, consumer);
  }

  /**
   * Brings every producer and consumer in the room in line with the policy as it is now: the
   * session calls this after every command it accepts, before answering it. It runs in the
   * room's queue, so whatever is being made (a producer, a newcomer's consumers) is made first
   * and then judged; each decision itself is taken in the target's own turn (see #settle).
   * A turn change in a round or pairs starting is this one pass (T3, T4 measure it).
   */
  reconcile(): Promise<void> {
    return this.run(async () => {
      const peers = [...this.#peers.values()];
      // Whose voice is loudest is told only to those who may hear it: a pair does not learn who talks in another.
      for (const peer of peers) this.#tellSpeaker(peer);
      const producers = peers.flatMap((peer) => [...peer.producers].map((producer) => this.#settleProducer(producer)));
      const consumers = peers.flatMap((peer) => [...peer.consumers].map((consumer) => this.#settleConsumer(peer, consumer)));
      const downlinks = peers.map((peer) => this.#settleDownlink(peer));
      // A producer or consumer closing meanwhile is no reason to stop the others.
      await Promise.allSettled([...producers, ...consumers, ...downlinks]);
    });
  }

  /**
   * Brings one producer to what it should be now: paused if its client paused it or (a
   * microphone) the session does not let its peer be heard; playing otherwise. Like
   * #settleConsumer, decided in turn from the state as it is then, so an unmute in flight when
   * a speaker-only turn began cannot leave the member heard during someone else's turn.
   */
  #settleProducer(producer: types.Producer<ProducerAppData>): Promise<boolean> {
    return this.#settle(producer, () => {
      const { peerId, source } = producer.appData;
      return !this.#heldByClient.has(producer) && this.policy.sendRefusal(peerId, source) === null;
    });
  }

  /**
   * Decides, in the target's own queue (one decision at a time per producer or consumer),
   * whether it should play now, and makes the worker match. Answers with the decision.
   */
  #settle(target: types.Producer | types.Consumer, shouldPlay: () => boolean): Promise<boolean> {
    let queue = this.#mediaQueues.get(target);
    if (!queue) this.#mediaQueues.set(target, (queue = new SerialQueue()));
    return queue.run(async () => {
      if (target.closed) return false;
      const play = shouldPlay();
      if (play && target.paused) await target.resume();
      else if (!play && !target.paused) await target.pause();
      return play;
    });
  }

  /**
   * Brings one consumer to what it should be now: playing if its client shows it and the
   * policy lets its peer receive the sender, paused otherwise. Decided when its turn comes in
   * the consumer's own queue, from the policy as it is then: mediasoup's `paused` changes only
   * when the worker answers, so a resume still in flight when the policy changed would
   * otherwise read as paused, be skipped, and then play (a pair hearing another pair).
   */
  #settleConsumer(peer: Peer, consumer: types.Consumer<ProducerAppData>): Promise<boolean> {
    return this.#settle(consumer, () => peer.isReady(consumer.id) && this.policy.receives(peer.id, consumer.appData.peerId));
  }

  /**
   * Holds the SFU's sending to this peer to what the policy allows now (LNK1: a poor link gets
   * little video; mediasoup then lowers or stops the video layers it forwards, never the voices).
   */
  async #settleDownlink(peer: Peer): Promise<void> {
    const transport = peer.transportFor('recv');
    if (!transport || transport.closed) return;
    const cap = this.policy.downlinkBps(peer.id) ?? 0;
    if ((this.#downlinkCaps.get(transport) ?? 0) === cap) return;
    this.#downlinkCaps.set(transport, cap);
    await transport.setMaxOutgoingBitrate(cap);
  }

  /** The cap on what the SFU sends this peer, as its worker holds it (undefined: none). */
  async downlinkCap(peerId: string): Promise<number | undefined> {
    const transport = this.#peer(peerId).transportFor('recv');
    const [stats] = transport ? await transport.getStats() : [];
    return stats?.maxOutgoingBitrate;
  }

  async setPreferredLayers(peerId: string, req: CommandRequest<'consumer:setPreferredLayers'>): Promise<void> {
    const consumer = this.#livePeer(peerId).consumer(req.consumerId);
    if (consumer.type !== 'simulcast' && consumer.type !== 'svc') {
      throw new InvalidStateError('this consumer has no layers');
    }
    await consumer.setPreferredLayers({ spatialLayer: req.spatialLayer, temporalLayer: req.temporalLayer });
  }

  /** Idempotent: closes every peer's media, then the router, then reports upward. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const peer of this.#peers.values()) peer.close();
    this.host.peers -= this.#peers.size;
    this.#peers.clear();
    this.router.close();
    this.host.routers--;
    this.log.info('room closed');
    this.onClose(this);
  }

  #peer(peerId: string): Peer {
    const peer = this.#peers.get(peerId);
    if (!peer) throw new NotFoundError('peer');
    return peer;
  }

  /** For the operations outside the queue: the room may have closed meanwhile. */
  #livePeer(peerId: string): Peer {
    if (this.#closed) throw new RoomClosedError();
    return this.#peer(peerId);
  }

  #remove(peerId: string, { keepOpen = false } = {}): void {
    const peer = this.#peers.get(peerId);
    if (!peer) return;
    this.#peers.delete(peerId);
    this.#speakerTold.delete(peerId);
    this.host.peers--;
    peer.close();
    this.#broadcast(peer, (p) => p.send('peer:left', { peerId }));
    this.log.info({ peer: peerId, peers: this.#peers.size }, 'peer left');
    if (this.#peers.size === 0 && !keepOpen) this.close();
    else if (this.#activeSpeakerId === peerId) this.speakerChanged(null);
  }

  /**
   * Creates a paused consumer of `producer` for `peer`; the client resumes it once its
   * track is attached, so no keyframe is spent before anyone can show it. Announced to the
   * peer as consumer:created, or (`announce: false`) only returned, for a join's answer.
   */
  async #consume(peer: Peer, producer: types.Producer<ProducerAppData>, { announce = true } = {}): Promise<ConsumerOptions | undefined> {
    const transport = peer.transportFor('recv');
    if (!peer.rtpCapabilities || !transport) return undefined;
    if (!this.router.canConsume({ producerId: producer.id, rtpCapabilities: peer.rtpCapabilities })) {
      this.log.warn({ peer: peer.id, producer: producer.id }, 'peer cannot consume producer');
      return undefined;
    }
    const consumer = await transport.consume<ProducerAppData>({
      producerId: producer.id,
      rtpCapabilities: peer.rtpCapabilities,
      paused: true,
      appData: producer.appData,
    });
    peer.addConsumer(consumer);
    const consumerId = consumer.id;
    consumer.on('producerclose', () => peer.send('consumer:closed', { consumerId }));
    consumer.on('producerpause', () => peer.send('consumer:paused', { consumerId }));
    consumer.on('producerresume', () => peer.send('consumer:resumed', { consumerId }));
    consumer.on('layerschange', (layers) =>
      peer.send('consumer:layersChanged', {
        consumerId,
        spatialLayer: layers?.spatialLayer ?? null,
        temporalLayer: layers?.temporalLayer ?? null,
      }),
    );
    const options: ConsumerOptions = {
      id: consumer.id,
      producerId: producer.id,
      peerId: producer.appData.peerId,
      kind: consumer.kind,
      source: producer.appData.source,
      rtpParameters: consumer.rtpParameters as RtpParameters,
      producerPaused: consumer.producerPaused,
    };
    if (announce) peer.send('consumer:created', options);
    return options;
  }

  /** The loudest voice changed (the active-speaker observer); each peer is told only of one it may hear. */
  speakerChanged(peerId: string | null): void {
    if (this.#activeSpeakerId === peerId) return;
    this.#activeSpeakerId = peerId;
    for (const peer of this.#peers.values()) this.#tellSpeaker(peer);
  }

  /** Sends `peer` the speaker it may know of, when that changed; answers with it. */
  #tellSpeaker(peer: Peer, send = true): string | null {
    const speaker = this.#activeSpeakerId;
    const heard = speaker !== null && (speaker === peer.id || this.policy.receives(peer.id, speaker)) ? speaker : null;
    if (this.#speakerTold.get(peer.id) === heard) return heard;
    this.#speakerTold.set(peer.id, heard);
    if (send) {
      try {
        peer.send('speaker:changed', { peerId: heard });
      } catch (err) {
        this.log.warn({ err, peer: peer.id }, 'could not notify peer');
      }
    }
    return heard;
  }

  /** Sends to every peer but `except`; one peer's failing socket cannot stop the others. */
  #broadcast(except: Peer | undefined, send: (peer: Peer) => void): void {
    for (const peer of this.#peers.values()) {
      if (peer === except) continue;
      try {
        send(peer);
      } catch (err) {
        this.log.warn({ err, peer: peer.id }, 'could not notify peer');
      }
    }
  }
}

/** Asks the worker whether each is paused; one closed meanwhile is no longer held and left out. */
async function onWorker<T extends types.Producer | types.Consumer, R>(items: Iterable<T>, describe: (item: T, paused: boolean) => R): Promise<R[]> {
  const list = [...items];
  const paused = await Promise.all(list.map(async (item) => (await item.dump().catch(() => undefined))?.paused));
  return list.flatMap((item, i) => (paused[i] === undefined ? [] : [describe(item, paused[i])]));
}

const REFUSALS: Partial<Record<ErrorCode, string>> = {
  UNMUTE_LOCKED: 'unmute through the session first',
  NOT_YOUR_TURN: 'only the speaker is heard during this turn',
  HELD_BY_SESSION: 'the session does not let you receive this now; it plays once it does',
};

/** A request the policy refuses, answered with the policy's own code. */
function refused(code: ErrorCode): AppError {
  return new AppError(code, REFUSALS[code] ?? 'the session does not allow this now');
}
