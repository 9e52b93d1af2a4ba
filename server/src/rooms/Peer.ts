import type { types } from 'mediasoup';
import type { Direction, MediaSource, ServerEventName, ServerEventPayload } from '@hearth/shared';
import { InvalidStateError, NotFoundError } from '../errors.js';

/** How a peer is told things; the room gives each peer the function bound to its socket. */
export type SendToPeer = <K extends ServerEventName>(event: K, payload: ServerEventPayload<K>) => void;

export type TransportAppData = { direction: Direction };
/** A browser's (WebRTC) or, in benchmarks only, a load bot's plain RTP transport. */
export type PeerTransport = types.WebRtcTransport<TransportAppData> | types.PlainTransport<TransportAppData>;
/** Told when the number of consumers this peer wants played changes (the worker's load). */
export type WantedListener = (delta: number) => void;
export type ProducerAppData = { peerId: string; source: MediaSource };

/**
 * One participant's media in a room. It owns its transports; closing a transport closes
 * the producers and consumers on it, and the maps drop them through their close observers,
 * so nothing the peer owned outlives it.
 */
export class Peer {
  readonly #transports = new Map<string, PeerTransport>();
  readonly #producers = new Map<string, types.Producer<ProducerAppData>>();
  readonly #consumers = new Map<string, types.Consumer<ProducerAppData>>();
  /**
   * Consumers the client wants playing: it attached the track and asked to resume it, and has
   * not hidden it since (a tile it is not showing).
   */
  readonly #ready = new Set<string>();
  rtpCapabilities: types.RtpCapabilities | undefined;
  #closed = false;

  constructor(
    readonly id: string,
    readonly displayName: string,
    readonly send: SendToPeer,
    private readonly onWanted: WantedListener = () => {},
  ) {}

  get closed(): boolean {
    return this.#closed;
  }

  get producers(): Iterable<types.Producer<ProducerAppData>> {
    return this.#producers.values();
  }

  get counts(): { transports: number; producers: number; consumers: number } {
    return { transports: this.#transports.size, producers: this.#producers.size, consumers: this.#consumers.size };
  }

  addTransport(transport: PeerTransport): void {
    // Made for a peer that closed meanwhile (the other of its two transports failed at join).
    if (this.#closed) {
      transport.close();
      throw new InvalidStateError('the peer has left');
    }
    if (this.transportFor(transport.appData.direction)) {
      transport.close();
      throw new InvalidStateError(`a ${transport.appData.direction} transport already exists`);
    }
    this.#transports.set(transport.id, transport);
    // Both kinds' observers emit 'close'; the union of their typed emitters is not callable as one.
    (transport.observer as types.TransportObserver).once('close', () => this.#transports.delete(transport.id));
  }

  transport(id: string): PeerTransport {
    const t = this.#transports.get(id);
    if (!t) throw new NotFoundError('transport');
    return t;
  }

  transportFor(direction: Direction): PeerTransport | undefined {
    for (const t of this.#transports.values()) if (t.appData.direction === direction) return t;
    return undefined;
  }

  addProducer(producer: types.Producer<ProducerAppData>): void {
    this.#producers.set(producer.id, producer);
    producer.observer.once('close', () => this.#producers.delete(producer.id));
  }

  producer(id: string): types.Producer<ProducerAppData> {
    const p = this.#producers.get(id);
    if (!p) throw new NotFoundError('producer');
    return p;
  }

  get consumers(): Iterable<types.Consumer<ProducerAppData>> {
    return this.#consumers.values();
  }

  markReady(consumerId: string): void {
    if (this.#closed || this.#ready.has(consumerId) || !this.#consumers.has(consumerId)) return;
    this.#ready.add(consumerId);
    this.onWanted(1);
  }

  /** The client stopped showing this consumer: no policy change plays it until it is resumed. */
  markHidden(consumerId: string): void {
    if (this.#ready.delete(consumerId)) this.onWanted(-1);
  }

  isReady(consumerId: string): boolean {
    return this.#ready.has(consumerId);
  }

  addConsumer(consumer: types.Consumer<ProducerAppData>): void {
    this.#consumers.set(consumer.id, consumer);
    consumer.observer.once('close', () => {
      this.#consumers.delete(consumer.id);
      this.markHidden(consumer.id);
    });
  }

  consumer(id: string): types.Consumer<ProducerAppData> {
    const c = this.#consumers.get(id);
    if (!c) throw new NotFoundError('consumer');
    return c;
  }

  /** Idempotent: transports close their producers and consumers with them. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#ready.size > 0) this.onWanted(-this.#ready.size);
    this.#ready.clear();
    for (const t of [...this.#transports.values()]) t.close();
  }
}
