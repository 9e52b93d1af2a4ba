import type { HearthSocket } from '../request';

/*
 * A Socket.IO connection without a network: the client end behaves as far as the client's
 * session layer uses a socket (on/off, emitWithAck, connect/disconnect, the manager's
 * reconnect_attempt), and the server end is whatever answers its requests. A test drives the
 * network by hand: drop(), retry(), refuse().
 */

type Listener = (...args: never[]) => void;
export type Ack = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

class Emitter {
  readonly #listeners = new Map<string, Set<Listener>>();
  on(event: string, listener: Listener): this {
    if (!this.#listeners.has(event)) this.#listeners.set(event, new Set());
    this.#listeners.get(event)!.add(listener);
    return this;
  }
  off(event: string, listener: Listener): this {
    this.#listeners.get(event)?.delete(listener);
    return this;
  }
  fire(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) (listener as (...a: unknown[]) => void)(...args);
  }
  /** How many listeners this end holds (for one event, or all). */
  listenerCount(event?: string): number {
    if (event !== undefined) return this.#listeners.get(event)?.size ?? 0;
    return [...this.#listeners.values()].reduce((n, set) => n + set.size, 0);
  }
}

/** What answers a fake socket: a node of the fake server. */
export type FakeServerEnd = {
  /** The handshake: undefined to accept, or the code of a refusal (an expired link…). */
  handshake(socket: FakeClientSocket): string | undefined;
  request(socket: FakeClientSocket, event: string, payload: unknown): Promise<Ack>;
  /** The connection is gone from the server's side of things. */
  disconnected(socket: FakeClientSocket): void;
};

export class FakeClientSocket extends Emitter {
  connected = false;
  /** The manager's events (reconnect_attempt); Socket.IO keeps them apart from the socket's. */
  readonly io = Object.assign(new Emitter(), { engine: { close: () => this.drop() } });
  #attempts = 0;
  /** Closed by the client: Socket.IO stops trying. */
  #closed = false;
  #waitingToSend: (() => void)[] = [];

  constructor(
    readonly url: string | undefined,
    private readonly server: () => FakeServerEnd | undefined,
  ) {
    super();
    // io() connects at once, after the caller has had the chance to add listeners.
    queueMicrotask(() => this.#tryConnect());
  }

  get asHearthSocket(): HearthSocket {
    return this as unknown as HearthSocket;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** socket.timeout(ms).emitWithAck(): sent when connected (Socket.IO buffers until then). */
  timeout(_ms: number) {
    return {
      emitWithAck: async (event: string, payload: unknown): Promise<Ack> => {
        if (!this.connected) await new Promise<void>((resolve) => this.#waitingToSend.push(resolve));
        const end = this.server();
        if (!end) return new Promise<Ack>(() => {});
        return end.request(this, event, payload);
      },
    };
  }

  connect(): this {
    this.#closed = false;
    this.#tryConnect();
    return this;
  }

  disconnect(): this {
    const was = this.connected;
    this.#closed = true;
    this.connected = false;
    if (was) {
      this.server()?.disconnected(this);
      this.fire('disconnect', 'io client disconnect');
    }
    return this;
  }

  /** The network drops the connection; Socket.IO will try again (retry()). */
  drop(): void {
    if (!this.connected) return;
    this.connected = false;
    this.server()?.disconnected(this);
    this.fire('disconnect', 'transport close');
  }

  /** The server closes the connection on purpose: Socket.IO does not try again. */
  closeFromServer(): void {
    if (!this.connected) return;
    this.connected = false;
    this.#closed = true;
    this.fire('disconnect', 'io server disconnect');
  }

  /** Socket.IO's next reconnection attempt: connects if the node answers now. */
  retry(): void {
    if (this.#closed || this.connected) return;
    this.io.fire('reconnect_attempt', ++this.#attempts);
    if (this.#closed) return;
    this.#tryConnect();
  }

  /** The server end sends a fact to this client. */
  deliver(event: string, payload: unknown): void {
    if (this.connected) this.fire(event, payload);
  }

  #tryConnect(): void {
    if (this.#closed || this.connected) return;
    const end = this.server();
    if (!end) return;
    const refusal = end.handshake(this);
    if (refusal !== undefined) {
      this.#closed = true;
      this.fire('connect_error', Object.assign(new Error(refusal), { data: { code: refusal } }));
      return;
    }
    this.connected = true;
    const reconnected = this.#attempts > 0;
    this.#attempts = 0;
    this.fire('connect');
    if (reconnected) this.io.fire('reconnect');
    for (const send of this.#waitingToSend.splice(0)) send();
  }
}
