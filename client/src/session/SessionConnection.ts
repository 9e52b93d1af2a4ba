import type { Device, types } from 'mediasoup-client';
import type { ServerToClientEvents } from '@hearth/shared';
import { MediaClient, type MediaLink } from './MediaClient';
import type { CaptureProfile } from './localMedia';
import { mark } from './mediaTransport';
import { request, type HearthSocket } from './request';

/** Where this page's one connection stands. Changed only by SessionConnection#setStatus. */
export type ConnectionStatus =
  /** Opening the connection: the first time, or again after it was closed. */
  | 'connecting'
  | 'connected'
  /** The connection dropped and Socket.IO is trying again; a moderated session holds the member's place. */
  | 'reconnecting'
  /** Going to another node: the one that runs the session, or back through the page's own server when that one died. */
  | 'moving'
  /** No connection: left, closed by the server, refused, or lost for good. open() starts again from the page's own server. */
  | 'closed';

/** The I/O a connection needs, given to it so a test can hand it a fake socket pair and a fake device. */
export type ConnectionDeps = {
  /** A Socket.IO connection to a node (undefined: the page's own server), connecting at once. */
  openSocket: (serverUrl: string | undefined) => HearthSocket;
  /** A WebRTC device (mediasoup-client's Device.factory in a browser). */
  createDevice: () => Promise<Device>;
  /** Calls back whenever the network comes back (the browser's online event); returns how to stop. */
  whenOnline?: (callback: () => void) => () => void;
  /**
   * A moderated session resumes a dropped connection in place (the session holds the member's
   * place); an open room has nothing to resume, so a drop closes the connection and the call.
   */
  resumable: boolean;
};

/** Server facts, and the handshake's refusal, that a part of the client may listen to. */
export type ConnectionEvents = ServerToClientEvents & {
  connect_error: (err: Error & { data?: { code?: unknown } }) => void;
};

type Route = { event: string; listener: (...args: never[]) => void };

/** How many failed reconnects to the session's node before going back through the page's own server. */
const NODE_LOST_AFTER_ATTEMPTS = 4;

/**
 * The one owner of the page's connection: it opens, moves and closes the socket and is the only
 * one to say what state the connection is in. Other parts listen through on(), which keeps their
 * listeners across a move to another node and removes only theirs; the media client is its child.
 */
export class SessionConnection {
  readonly media: MediaClient;
  #status: ConnectionStatus = 'closed';
  readonly #statusListeners = new Set<() => void>();
  #socket: HearthSocket | undefined;
  /** Removes what the owner itself added to the current socket. */
  #detachOwn: (() => void) | undefined;
  #serverUrl: string | undefined;
  #device: Promise<Device> | undefined;
  readonly #routes = new Set<Route>();
  readonly #resumers = new Set<() => Promise<void>>();
  readonly #nodeLostHandlers = new Set<() => void>();

  constructor(
    private readonly deps: ConnectionDeps,
    capture: CaptureProfile,
  ) {
    this.media = new MediaClient(this.#mediaLink(), capture);
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  /** Calls back on every change of status. */
  subscribe = (listener: () => void): (() => void) => {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  };

  /** The node this connection goes to (undefined: the page's own server). */
  get serverAddress(): string | undefined {
    return this.#serverUrl;
  }

  /** The socket, while there is one. */
  get socket(): HearthSocket | undefined {
    return this.#socket;
  }

  /** Opens the connection if it is not open (or opening, or trying again). */
  open(): HearthSocket {
    if (this.#socket) return this.#socket;
    if (this.#status !== 'moving') this.#setStatus('connecting');
    const socket = this.deps.openSocket(this.#serverUrl);
    this.#socket = socket;
    this.#detachOwn = this.#watch(socket);
    for (const route of this.#routes) socket.on(route.event as never, route.listener as never);
    return socket;
  }

  /**
   * The WebRTC device, loaded with the capabilities of this node's routers (the same for every
   * room: media:capabilities), made while the participant is still on the pre-join screen so
   * pressing Join costs only the join itself. Loading it is a peer connection's work of its own,
   * hundreds of milliseconds on a busy phone. One device per connection to a node; safe to call again.
   */
  device(): Promise<Device> {
    if (!this.#device) {
      const socket = this.open();
      const device = Promise.all([this.deps.createDevice(), request(socket, 'media:capabilities', {})]).then(async ([device, { routerRtpCapabilities }]) => {
        if (!device.loaded) await device.load({ routerRtpCapabilities: routerRtpCapabilities as types.RtpCapabilities });
        mark('device-loaded');
        return device;
      });
      this.#device = device;
      device.catch(() => {
        if (this.#device === device) this.#device = undefined;
      });
    }
    return this.#device;
  }

  /**
   * Listens to a server fact on this connection, now and after any move; the returned function
   * removes this listener alone.
   */
  on<E extends keyof ConnectionEvents>(event: E, listener: ConnectionEvents[E]): () => void {
    const route: Route = { event, listener };
    this.#routes.add(route);
    this.#socket?.on(event as never, listener as never);
    return () => {
      this.#routes.delete(route);
      this.#socket?.off(event as never, listener as never);
    };
  }

  /**
   * Work that must be done before a connection that came back counts as connected again (a
   * moderated session enters again in place). Each handler deals with its own failure.
   */
  onReconnected(handler: () => Promise<void>): () => void {
    this.#resumers.add(handler);
    return () => this.#resumers.delete(handler);
  }

  /** The node running the session stays away: whoever can find where it runs now is told. */
  onNodeLost(handler: () => void): () => void {
    this.#nodeLostHandlers.add(handler);
    return () => this.#nodeLostHandlers.delete(handler);
  }

  /** Leaves this node for another (undefined: the page's own server); open() then connects there. */
  moveTo(serverUrl: string | undefined): void {
    this.#setStatus('moving');
    this.#dispose();
    this.#serverUrl = serverUrl;
  }

  /** Closes the connection; a later open() starts again from the page's own server. Idempotent. */
  close(): void {
    this.#dispose();
    this.#serverUrl = undefined;
    this.#setStatus('closed');
  }

  #dispose(): void {
    const socket = this.#socket;
    if (!socket) return;
    this.#socket = undefined;
    this.#device = undefined;
    this.#detachOwn?.();
    this.#detachOwn = undefined;
    for (const route of this.#routes) socket.off(route.event as never, route.listener as never);
    socket.disconnect();
  }

  /** The owner's own listeners on one socket; the returned function removes them and only them. */
  #watch(socket: HearthSocket): () => void {
    const onConnect = () => {
      if (socket !== this.#socket) return;
      if (this.#status === 'reconnecting') void this.#resume(socket);
      else this.#setStatus('connected');
    };
    const onDisconnect = (reason: string) => {
      // Our own close, or a socket already replaced: nothing to report.
      if (socket !== this.#socket || reason === 'io client disconnect') return;
      // The server closed it on purpose (it said why first): Socket.IO will not try again.
      if (reason === 'io server disconnect' || !this.deps.resumable) this.close();
      else this.#setStatus('reconnecting');
    };
    const onReconnectAttempt = (attempt: number) => {
      if (attempt !== NODE_LOST_AFTER_ATTEMPTS || this.#serverUrl === undefined || this.#status !== 'reconnecting') return;
      for (const handler of this.#nodeLostHandlers) handler();
    };
    // When the network comes back, do not wait for a ping to time out: reconnect now.
    const stopOnline = this.deps.whenOnline?.(() => {
      if (socket !== this.#socket) return;
      if (socket.connected) socket.io.engine?.close();
      else socket.connect();
    });
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.io.on('reconnect_attempt', onReconnectAttempt);
    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.io.off('reconnect_attempt', onReconnectAttempt);
      stopOnline?.();
    };
  }

  /** Back after a drop: connected once every part that resumes in place has done so. */
  async #resume(socket: HearthSocket): Promise<void> {
    for (const resume of this.#resumers) await resume().catch((err: unknown) => console.warn('could not resume', err));
    if (socket === this.#socket && socket.connected && this.#status === 'reconnecting') this.#setStatus('connected');
  }

  #setStatus(next: ConnectionStatus): void {
    if (next === this.#status) return;
    this.#status = next;
    this.media.connectionChanged(next);
    for (const listener of this.#statusListeners) listener();
  }

  /** What the media client may use of this connection: never the socket's other listeners. */
  #mediaLink(): MediaLink {
    return {
      ready: async () => {
        const socket = this.open();
        return { socket, device: await this.device() };
      },
      socket: () => this.#socket,
      on: (event, listener) => this.on(event, listener),
      resumable: this.deps.resumable,
    };
  }
}
