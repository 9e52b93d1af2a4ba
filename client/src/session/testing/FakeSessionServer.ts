import {
  SYSTEM,
  newSession,
  reduce,
  viewFor,
  type Actor,
  type Command,
  type ConsentInput,
  type ConsumerOptions,
  type ServerEventName,
  type ServerEventPayload,
  type SessionState,
  type SessionView,
} from '@hearth/shared';
import { generateRouterRtpCapabilities, generateTransportRemoteParameters } from 'mediasoup-client/fakeParameters';
import { FakeClientSocket, type Ack, type FakeServerEnd } from './fakeSocketPair';

/** Who a connection's credential says it is (the server's auth middleware, in the real thing). */
export type FakeMember = { id: string; displayName: string; role: 'facilitator' | 'participant' };

const ok = (data: unknown): Ack => ({ ok: true, data });
const fail = (code: string, message = code.toLowerCase()): Ack => ({ ok: false, error: { code, message } });

/**
 * The server side of a fake socket pair, for one session over one or more nodes: it keeps the
 * session state and answers as session.handlers.ts and LiveSession do, with the shared model
 * (reduce, viewFor): every accepted change is sent to each linked member as `session:updated`,
 * a `disconnect` effect as `session:closed` before the connection closes. Media commands are
 * answered with mediasoup-client's fake parameters, enough for a Device with its FakeHandler.
 */
export class FakeSessionServer {
  state: SessionState;
  /** The node running the session (undefined: the page's own server). */
  runsOn: string | undefined;
  /** Every request a client sent, in order: what the server was asked. */
  readonly requests: { node: string | undefined; event: string; payload: unknown }[] = [];
  /** How a consumer:resume is answered (HELD_BY_SESSION: the session does not allow it now). */
  consumerResume: 'ok' | 'HELD_BY_SESSION' = 'ok';
  /** Peers the media room already holds when someone joins it. */
  mediaPeers: { id: string; displayName: string }[] = [];
  /** The consumers a browser's join is answered with (what the room already sends). */
  joinConsumers: ConsumerOptions[] = [];
  /** Called as a join is answered: what it sends reaches the client before the answer does. */
  onJoin: ((memberId: string) => void) | undefined;
  /** producer:create is never answered (a slow network on the way out). */
  holdProducers = false;
  readonly sockets: FakeClientSocket[] = [];
  readonly #down = new Set<string | undefined>();
  readonly #links = new Map<string, FakeClientSocket>();
  readonly #memberOf = new Map<FakeClientSocket, FakeMember>();
  #now = 1_000;
  #nextId = 1;

  constructor(sessionId = 's1', runsOn?: string) {
    this.state = newSession(sessionId);
    this.runsOn = runsOn;
  }

  /** ConnectionDeps.openSocket for a page whose credential is `member`'s. */
  socketFor(member: FakeMember) {
    return (serverUrl: string | undefined) => {
      const socket = new FakeClientSocket(serverUrl, () => (this.#down.has(serverUrl) ? undefined : this.#end));
      this.#memberOf.set(socket, member);
      this.sockets.push(socket);
      return socket.asHearthSocket;
    };
  }

  /** A command from someone not under test (a facilitator, the session's timers), as the server runs it. */
  run(command: Command, actor: Actor): void {
    const result = reduce(this.state, command, actor, this.#now++);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code}`);
    this.state = result.state;
    for (const effect of result.effects) {
      if (effect.type !== 'disconnect') continue;
      const socket = this.#links.get(effect.memberId);
      this.#links.delete(effect.memberId);
      socket?.deliver('session:closed', { reason: effect.reason });
      socket?.closeFromServer();
    }
    this.#broadcast();
  }

  /** The member's view as the server would build it now. */
  viewOf(memberId: string): SessionView {
    return viewFor(this.state, memberId, this.#now)!;
  }

  /** Sends a fact to a member's connection, as the server would (or, for a test, out of order). */
  send<K extends ServerEventName>(memberId: string, event: K, payload: ServerEventPayload<K>): void {
    this.#links.get(memberId)?.deliver(event, payload);
  }

  /** The member's current connection (the last one linked to the session). */
  linkOf(memberId: string): FakeClientSocket | undefined {
    return this.#links.get(memberId);
  }

  /** A node stops answering: its connections drop, and it refuses new ones until up() again. */
  down(node: string | undefined): void {
    this.#down.add(node);
    for (const socket of this.sockets) if (socket.url === node) socket.drop();
  }

  up(node: string | undefined): void {
    this.#down.delete(node);
  }

  /** The events of the requests sent so far, for asserting what was (not) asked. */
  asked(event: string): unknown[] {
    return this.requests.filter((r) => r.event === event).map((r) => r.payload);
  }

  readonly #end: FakeServerEnd = {
    handshake: () => undefined,
    request: (socket, event, payload) => {
      this.requests.push({ node: socket.url, event, payload });
      if (event === 'producer:create' && this.holdProducers) return new Promise<Ack>(() => {});
      return Promise.resolve(this.#answer(socket, this.#memberOf.get(socket)!, event, payload));
    },
    disconnected: (socket) => {
      const member = this.#memberOf.get(socket)!;
      if (this.#links.get(member.id) !== socket) return;
      this.#links.delete(member.id);
      this.run({ type: 'connectionLost', memberId: member.id }, SYSTEM);
    },
  };

  #answer(socket: FakeClientSocket, member: FakeMember, event: string, payload: unknown): Ack {
    switch (event) {
      case 'session:identity':
        return ok({
          displayName: member.displayName,
          role: member.role,
          sessionId: this.state.id,
          ...(this.runsOn !== socket.url && this.runsOn !== undefined ? { node: this.runsOn } : {}),
          context: { groupName: 'Tuesday', title: 'Check-in', timeZone: 'UTC' },
        });
      case 'session:enter': {
        if (this.runsOn !== socket.url) return fail('WRONG_NODE');
        const { consent } = payload as { consent: ConsentInput | null };
        const result = reduce(this.state, { type: 'enter', member, consent: member.role === 'participant' ? consent : null }, SYSTEM, this.#now++);
        if (!result.ok) return fail(result.error.code, result.error.message);
        this.#links.set(member.id, socket);
        this.state = result.state;
        this.#broadcast();
        return ok({ view: this.viewOf(member.id) });
      }
      case 'session:command': {
        if (this.#links.get(member.id) !== socket) return fail('NOT_JOINED');
        const result = reduce(this.state, payload as Command, { kind: 'member', memberId: member.id }, this.#now++);
        if (!result.ok) return fail(result.error.code, result.error.message);
        this.state = result.state;
        this.#broadcast();
        return ok({ version: this.state.version });
      }
      case 'session:leave':
        this.#links.delete(member.id);
        this.run({ type: 'leave', memberId: member.id }, SYSTEM);
        return ok({});
      case 'media:capabilities':
        return ok({ routerRtpCapabilities: generateRouterRtpCapabilities() });
      case 'room:join': {
        // A browser's join brings its device's capabilities and gets both transports with the answer.
        const ready = (payload as { rtpCapabilities?: unknown }).rtpCapabilities !== undefined;
        const transports = ready ? { transports: { send: generateTransportRemoteParameters(), recv: generateTransportRemoteParameters() }, consumers: this.joinConsumers } : {};
        this.onJoin?.(member.id);
        return ok({ peerId: member.id, peers: this.mediaPeers, activeSpeakerId: null, iceServers: [], ...transports });
      }
      case 'producer:create':
        return ok({ producerId: `producer-${this.#nextId++}` });
      case 'consumer:resume':
        return this.consumerResume === 'ok' ? ok({}) : fail(this.consumerResume, 'the session does not let you receive this now');
      case 'transport:connect':
      case 'producer:pause':
      case 'producer:resume':
      case 'producer:close':
      case 'consumer:pause':
      case 'room:leave':
      case 'chat:send':
        return ok({});
      default:
        return fail('INVALID_PAYLOAD', `the fake server does not know ${event}`);
    }
  }

  #broadcast(): void {
    for (const [memberId, socket] of this.#links) socket.deliver('session:updated', { view: this.viewOf(memberId) });
  }
}
