import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/** Where a session runs: here, or on the node at `url` (a client reaching this node goes there). */
export type Placement = { here: true } | { here: false; url: string };

/**
 * Which node runs each live session. A session's state machine, timers and media live on
 * one node; the others send its members there.
 */
export interface SessionPlacement {
  /** Claims the session for this node if no live node holds it. */
  place(sessionId: string): Promise<Placement>;
  /** Gives the session up (it ended here): no lease is renewed for it or left pointing here. */
  release(sessionId: string): Promise<void>;
  close(): void;
}

/** One node: every session is here. */
export const singleNode: SessionPlacement = {
  place: async () => ({ here: true }),
  release: async () => {},
  close: () => {},
};

const LEASE_MS = 15_000;
const RENEW_EVERY_MS = 5_000;

/** Extends the lease only while it is still this node's (a lapsed lease another node took stays theirs). */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
/** Deletes the lease only while it is still this node's. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Leases in Redis: `session-node:<id>` holds the URL of the node running the session,
 * renewed every few seconds while that node lives. When a node dies its leases lapse within
 * LEASE_MS and the next node a member reaches picks the session up from Redis.
 */
export class RedisSessionPlacement implements SessionPlacement {
  readonly #mine = new Set<string>();
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly redis: Redis,
    /** This node's address as clients reach it (PUBLIC_URL). */
    private readonly selfUrl: string,
    private readonly log: Logger,
  ) {
    this.#timer = setInterval(() => void this.#renew(), RENEW_EVERY_MS).unref();
  }

  async place(sessionId: string): Promise<Placement> {
    const key = `session-node:${sessionId}`;
    const claimed = await this.redis.set(key, this.selfUrl, 'PX', LEASE_MS, 'NX');
    const holder = claimed === 'OK' ? this.selfUrl : await this.redis.get(key);
    if (holder === null) return this.place(sessionId);
    if (holder !== this.selfUrl) return { here: false, url: holder };
    this.#mine.add(sessionId);
    await this.redis.pexpire(key, LEASE_MS);
    return { here: true };
  }

  async release(sessionId: string): Promise<void> {
    this.#mine.delete(sessionId);
    await this.redis.eval(RELEASE, 1, `session-node:${sessionId}`, this.selfUrl);
  }

  close(): void {
    clearInterval(this.#timer);
  }

  async #renew(): Promise<void> {
    for (const sessionId of this.#mine) {
      try {
        const renewed = await this.redis.eval(RENEW, 1, `session-node:${sessionId}`, this.selfUrl, String(LEASE_MS));
        if (renewed !== 1) {
          this.#mine.delete(sessionId);
          this.log.warn({ session: sessionId }, 'lost the lease on a session to another node');
        }
      } catch (err) {
        this.log.warn({ err }, 'could not renew session leases');
        return;
      }
    }
  }
}
