import type { types } from 'mediasoup';
import type { Direction, MediaSource, ServerEventName, ServerEventPayload } from '@hearth/shared';
import { InvalidStateError, NotFoundError } from '../errors.js';

/** How a peer is told things; the room gives each peer the function bound to its socket. */
export type SendToPeer = <K extends ServerEventName>(event: K, payload: ServerEventPayload<K>) => void;

export type TransportAppData = { direction: Direction };
export type ProducerAppData = { peerId: string; source: MediaSource };

/**
 * One participant's media in a room. It owns its transports; closing a transport closes
 * the producers and consumers on it, and the maps drop them through their close observers,
 * so nothing the peer owned outlives it.
 */
export class Peer {
  readonly #transports = new Map<string, types.WebRtcTransport<TransportAppData>>();
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

  addTransport(transport: types.WebRtcTransport<TransportAppData>): void {
    if (this.transportFor(transport.appData.direction)) {
      transport.close();
      throw new InvalidStateError(`a ${transport.appData.direction} transport already exists`);
    }
    this.#transports.set(transport.id, transport);
    transport.observer.once('close', () => this.#transports.delete(transport.id));
  }

  transport(id: string): types.WebRtcTransport<TransportAppData> {
    const t = this.#transports.get(id);
    if (!t) throw new NotFoundError('transport');
    return t;
  }

  transportFor(direction: Direction): types.WebRtcTransport<TransportAppData> | undefined {
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
    this.#ready.add(consumerId);
  }

  /** The client stopped showing this consumer: no policy change plays it until it is resumed. */
  markHidden(consumerId: string): void {
    this.#ready.delete(consumerId);
  }

  isReady(consumerId: string): boolean {
    return this.#ready.has(consumerId);
  }

  addConsumer(consumer: types.Consumer<ProducerAppData>): void {
    this.#consumers.set(consumer.id, consumer);
    consumer.observer.once('close', () => {
      this.#consumers.delete(consumer.id);
      this.#ready.delete(consumer.id);
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
    for (const t of [...this.#transports.values()]) t.close();
  }
}
