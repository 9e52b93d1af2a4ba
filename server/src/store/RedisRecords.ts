import type { ChainableCommander, Redis } from 'ioredis';
import type { Clock } from '../lib/clock.js';
import { SerialQueue } from '../lib/SerialQueue.js';
import { parseRecord, type RecordWrites, type Records } from './Records.js';

/** Keep expiring records a little past their time; reads check the time themselves. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * Records in Redis: shared by every node, kept across restarts (AOF). A transaction is
 * optimistic (WATCH, read, decide, MULTI/EXEC, again if another writer got there first).
 * WATCH belongs to the connection, so this process runs its transactions one at a time;
 * other processes are kept out by the WATCH itself.
 */
export class RedisRecords implements Records {
  readonly persistent = true;
  readonly #transactions = new SerialQueue();

  constructor(
    private readonly redis: Redis,
    private readonly clock: Clock,
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    return parseRecord<T>(await this.redis.get(key));
  }

  async getAll<T>(keys: string[]): Promise<T[]> {
    if (keys.length === 0) return [];
    return (await this.redis.mget(keys)).flatMap((json) => parseRecord<T>(json) ?? []);
  }

  async getText(key: string): Promise<string | undefined> {
    return (await this.redis.get(key)) ?? undefined;
  }

  range(listKey: string, start: number, stop: number): Promise<string[]> {
    return this.redis.lrange(listKey, start, stop);
  }

  members(setKey: string): Promise<string[]> {
    return this.redis.smembers(setKey);
  }

  size(setKey: string): Promise<number> {
    return this.redis.scard(setKey);
  }

  async write(batch: (tx: RecordWrites) => void): Promise<void> {
    const tx = this.redis.multi();
    batch(this.#queueOn(tx));
    await this.#exec(tx);
  }

  atomically<T>(keys: string[], body: (tx: RecordWrites) => Promise<T>): Promise<T> {
    return this.#transactions.run(async () => {
      for (;;) {
        await this.redis.watch(...keys);
        const tx = this.redis.multi();
        let result: T;
        try {
          result = await body(this.#queueOn(tx));
        } catch (err) {
          // A body that refuses (a locked note) writes nothing; the watch must not outlive it.
          await this.redis.unwatch();
          throw err;
        }
        if (await this.#exec(tx)) return result;
      }
    });
  }

  /** Closes the connection, which every store shares: they close together. */
  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** False when a watched key changed. A command's own failure (a key of another type) comes back in the results: thrown here. */
  async #exec(tx: ChainableCommander): Promise<boolean> {
    const results = await tx.exec();
    const failed = results?.find(([err]) => err);
    if (failed) throw failed[0];
    return results !== null;
  }

  #queueOn(tx: ChainableCommander): RecordWrites {
    return {
      set: (key, value, options) => {
        const json = JSON.stringify(value);
        if (options?.expiresAt === undefined) tx.set(key, json);
        else tx.set(key, json, 'PX', Math.max(1, options.expiresAt - this.clock()) + EXPIRY_MARGIN_MS);
      },
      setText: (key, text) => void tx.set(key, text),
      delete: (key) => void tx.del(key),
      push: (listKey, ...items) => void tx.rpush(listKey, ...items),
      add: (setKey, member) => void tx.sadd(setKey, member),
      remove: (setKey, member) => void tx.srem(setKey, member),
    };
  }
}
