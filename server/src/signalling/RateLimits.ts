import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { CommandName } from '@hearth/shared';
import type { Limits, Rate } from '../config.js';

/** Which share a request counts against: each kind has its own, so chat cannot use up media's. */
export type RequestKind = 'session' | 'join' | 'chat' | 'media';

/** Every command has a kind: a new command does not compile until it is given one. */
const KIND_OF: Record<CommandName, RequestKind> = {
  'session:identity': 'session',
  'session:enter': 'join',
  'session:leave': 'session',
  'session:resync': 'session',
  'session:command': 'session',
  'breakout:propose': 'session',
  'chat:send': 'chat',
  'media:capabilities': 'media',
  'room:join': 'join',
  'room:leave': 'media',
  'transport:create': 'media',
  'transport:createPlain': 'media',
  'transport:connect': 'media',
  'transport:restartIce': 'media',
  'peer:ready': 'media',
  'producer:create': 'media',
  'producer:pause': 'media',
  'producer:resume': 'media',
  'producer:close': 'media',
  'consumer:resume': 'media',
  'consumer:pause': 'media',
  'consumer:setPreferredLayers': 'media',
};

export const kindOf = (event: string): RequestKind | undefined => (Object.hasOwn(KIND_OF, event) ? KIND_OF[event as CommandName] : undefined);

/** How long a member cut off for flooding stays out. */
export const SHUT_OUT_SECONDS = 60;

/** How long until a refused request could go through (ms); undefined when it may go on now. */
export type Verdict = number | undefined;

/**
 * The fair shares of one node, counted by rate-limiter-flexible (fixed windows). A
 * connection's own cap lives in this process, as the connection does; a member's shares and
 * an address's connections are counted in Redis when there is one, so they hold however many
 * nodes and tabs a member uses. Should Redis be away, each node counts in memory meanwhile
 * (the library's insurance limiter) rather than refusing everyone or letting everything through.
 */
export class RateLimits {
  readonly #perConnection: RateLimiterMemory;
  readonly #byKind: Record<RequestKind, RateLimiterAbstract>;
  readonly #perAddress: RateLimiterAbstract;
  readonly #shutOut: RateLimiterAbstract;
  readonly #redis: Redis | undefined;

  /**
   * With `redis`, counts there on a connection of its own that fails fast while Redis is away
   * (the stores' connection waits for it instead), so a request is never held up by its limit.
   */
  static async open(limits: Limits, redis?: Redis): Promise<RateLimits> {
    const own = redis?.duplicate({ enableOfflineQueue: false, lazyConnect: true });
    // The stores' connection reports Redis being away; here it only means counting in memory meanwhile.
    own?.on('error', () => undefined);
    // Not there yet: the memory counts stand in until it is (the insurance limiter).
    await own?.connect().catch(() => undefined);
    return new RateLimits(limits, own);
  }

  private constructor(limits: Limits, redis: Redis | undefined) {
    this.#redis = redis;
    const shared = (name: string, rate: Rate): RateLimiterAbstract => {
      if (!this.#redis) return memory(name, rate);
      return new RateLimiterRedis({
        storeClient: this.#redis,
        keyPrefix: `limit:${name}`,
        points: rate.points,
        duration: rate.seconds,
        insuranceLimiter: memory(name, rate),
        // Once over, refused from memory for the rest of the window: a flood costs Redis nothing.
        inMemoryBlockOnConsumed: rate.points + 1,
        inMemoryBlockDuration: rate.seconds,
      });
    };
    this.#perConnection = memory('connection', limits.perConnection);
    this.#byKind = {
      session: shared('session', limits.session),
      join: shared('join', limits.join),
      chat: shared('chat', limits.chat),
      media: shared('media', limits.media),
    };
    this.#perAddress = shared('address', limits.connectionsPerAddress);
    this.#shutOut = shared('shut-out', { points: 1, seconds: SHUT_OUT_SECONDS });
  }

  /**
   * One inbound event of a connection: first the connection's cap (every event counts, also
   * names no handler knows), then the share of its kind for the member, or for the connection
   * when it is anonymous.
   */
  async request(connectionId: string, memberKey: string | undefined, event: string): Promise<Verdict> {
    const ownCap = await take(this.#perConnection, connectionId);
    if (ownCap !== undefined) return ownCap;
    const kind = kindOf(event);
    return kind ? take(this.#byKind[kind], memberKey ?? `connection:${connectionId}`) : undefined;
  }

  /** A new connection from this address. */
  connection(address: string): Promise<Verdict> {
    return take(this.#perAddress, address);
  }

  /**
   * A member whose connection was cut for flooding may not connect again for a while: their
   * reconnects would otherwise each bring a fresh connection's share (and an entry, a lost
   * connection and their snapshots to the group). Only them: others at their address go on.
   */
  async shutOut(memberKey: string): Promise<void> {
    await this.#shutOut.block(memberKey, SHUT_OUT_SECONDS);
  }

  async isShutOut(memberKey: string): Promise<boolean> {
    const res = await this.#shutOut.get(memberKey);
    return res !== null && res.consumedPoints > 1;
  }

  /** A closed connection's count is of no more use: let it go now rather than at the window's end. */
  forget(connectionId: string): void {
    void this.#perConnection.delete(connectionId);
  }

  close(): void {
    this.#redis?.disconnect();
  }
}

function memory(name: string, rate: Rate): RateLimiterMemory {
  return new RateLimiterMemory({ keyPrefix: name, points: rate.points, duration: rate.seconds });
}

async function take(limiter: RateLimiterAbstract, key: string): Promise<Verdict> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (refusal) {
    // The library rejects with its result when the points are used up, with an Error otherwise.
    if (refusal instanceof RateLimiterRes) return refusal.msBeforeNext;
    throw refusal;
  }
}
