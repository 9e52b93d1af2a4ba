import type { Clock } from '../lib/clock.js';
import { SerialQueue } from '../lib/SerialQueue.js';
import { parseRecord, type RecordWrites, type Records } from './Records.js';

const SWEEP_EVERY_MS = 60_000;

/**
 * The embedded default: everything lives in this process and is gone when it stops. Records
 * are kept as JSON text, as Redis keeps them, so nothing can depend on object identity and
 * nothing is stored that a shared backend could not hold. Every write goes through one
 * queue, so a transaction's reads and its writes have no other writer between them.
 */
export class MemoryRecords implements Records {
  readonly persistent: boolean = false;
  /** As SET does, writing a text without an expiry clears the one it had. */
  readonly #texts = new Map<string, { text: string; expiresAt?: number }>();
  readonly #lists = new Map<string, string[]>();
  readonly #sets = new Map<string, Set<string>>();
  readonly #writes = new SerialQueue();
  #lastSweep = -Infinity;

  constructor(private readonly clock: Clock) {}

  async get<T>(key: string): Promise<T | undefined> {
    return parseRecord<T>(this.#texts.get(key)?.text);
  }

  async getAll<T>(keys: string[]): Promise<T[]> {
    return keys.flatMap((key) => parseRecord<T>(this.#texts.get(key)?.text) ?? []);
  }

  async getText(key: string): Promise<string | undefined> {
    return this.#texts.get(key)?.text;
  }

  async range(listKey: string, start: number, stop: number): Promise<string[]> {
    // LRANGE's stop is inclusive, slice's end is not; -1 (the last) has no such end.
    return (this.#lists.get(listKey) ?? []).slice(start, stop === -1 ? undefined : stop + 1);
  }

  async members(setKey: string): Promise<string[]> {
    return [...(this.#sets.get(setKey) ?? [])];
  }

  async size(setKey: string): Promise<number> {
    return this.#sets.get(setKey)?.size ?? 0;
  }

  write(batch: (tx: RecordWrites) => void): Promise<void> {
    return this.atomically([], async (tx) => batch(tx));
  }

  atomically<T>(_keys: string[], body: (tx: RecordWrites) => Promise<T>): Promise<T> {
    return this.#writes.run(async () => {
      this.#sweep();
      return body(this.#tx);
    });
  }

  async close(): Promise<void> {}

  readonly #tx: RecordWrites = {
    set: (key, value, options) => this.#texts.set(key, { text: JSON.stringify(value), expiresAt: options?.expiresAt }),
    setText: (key, text) => this.#texts.set(key, { text }),
    delete: (key) => {
      for (const values of [this.#texts, this.#lists, this.#sets]) values.delete(key);
    },
    push: (listKey, ...items) => {
      const list = this.#lists.get(listKey) ?? [];
      list.push(...items);
      this.#lists.set(listKey, list);
    },
    add: (setKey, member) => this.#sets.set(setKey, (this.#sets.get(setKey) ?? new Set()).add(member)),
    remove: (setKey, member) => {
      const set = this.#sets.get(setKey);
      if (set?.delete(member) && set.size === 0) this.#sets.delete(setKey);
    },
  };

  /** Drops expired records now and then, so they cannot pile up (Redis expires them itself). */
  #sweep(): void {
    const now = this.clock();
    if (now - this.#lastSweep < SWEEP_EVERY_MS) return;
    this.#lastSweep = now;
    for (const [key, { expiresAt }] of this.#texts) if (expiresAt !== undefined && expiresAt <= now) this.#texts.delete(key);
  }
}
