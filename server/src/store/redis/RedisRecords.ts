import type { ChainableCommander, Redis } from 'ioredis';
import { SerialQueue } from '../../lib/SerialQueue.js';

/**
 * JSON records in Redis, and the one way to change one safely: an optimistic transaction
 * (WATCH, read, decide, MULTI/EXEC, again if another writer got there first). WATCH belongs
 * to the connection, so this process runs its transactions one at a time; other processes
 * are kept out by the WATCH itself.
 */
export class RedisRecords {
  readonly #transactions = new SerialQueue();

  constructor(readonly redis: Redis) {}

  async get<T>(key: string): Promise<T | undefined> {
    const json = await this.redis.get(key);
    return json === null ? undefined : (JSON.parse(json) as T);
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.redis.set(key, JSON.stringify(value));
  }

  /** The records whose ids a list holds, in the list's order (oldest first). */
  async list<T>(listKey: string, recordKey: (id: string) => string): Promise<T[]> {
    const ids = await this.redis.lrange(listKey, 0, -1);
    if (ids.length === 0) return [];
    const values = await this.redis.mget(ids.map(recordKey));
    return values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as T);
  }

  /** A record and its place in a list, written together. */
  async insertListed(key: string, value: unknown, listKey: string, id: string): Promise<void> {
    await this.redis.multi().set(key, JSON.stringify(value)).rpush(listKey, id).exec();
  }

  /**
   * Watches `keys`, lets `attempt` read and queue its writes on a MULTI, and runs it; when
   * another writer changed a watched key first, the whole attempt runs again.
   */
  transaction<T>(keys: string[], attempt: (tx: ChainableCommander) => Promise<T>): Promise<T> {
    return this.#transactions.run(async () => {
      for (;;) {
        await this.redis.watch(...keys);
        const tx = this.redis.multi();
        const result = await attempt(tx);
        if ((await tx.exec()) !== null) return result;
      }
    });
  }

  /**
   * Replaces the record at `key` with `change(current)` atomically (undefined deletes it)
   * and returns what was written. `change` must be pure: it may run more than once.
   */
  update<T>(key: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined> {
    return this.transaction([key], async (tx) => {
      const next = change(await this.get<T>(key));
      if (next === undefined) tx.del(key);
      else tx.set(key, JSON.stringify(next));
      return next;
    });
  }
}
