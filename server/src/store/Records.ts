/**
 * What every store is written over: keys holding JSON records, lists and sets of strings,
 * as Redis holds them. Two backends, MemoryRecords (the embedded default) and RedisRecords
 * (shared by nodes, kept across restarts); each store is written once, over this, so the
 * two cannot drift apart.
 */
export interface Records {
  /** Whether the records outlive the process (false in memory). */
  readonly persistent: boolean;
  /** Parsed afresh on every read: a caller never holds a live reference into the store. */
  get<T>(key: string): Promise<T | undefined>;
  /** The records at `keys`, in their order, those missing left out. */
  getAll<T>(keys: string[]): Promise<T[]>;
  /** A bare string rather than JSON (the email index holds an account id as it is). */
  getText(key: string): Promise<string | undefined>;
  /** The items from `start` to `stop` inclusive, negative counting from the end (-1 the last), as LRANGE. */
  range(listKey: string, start: number, stop: number): Promise<string[]>;
  /** In no particular order. */
  members(setKey: string): Promise<string[]>;
  size(setKey: string): Promise<number>;
  /** Writes that need nothing read first, applied together. */
  write(batch: (tx: RecordWrites) => void): Promise<void>;
  /**
   * Runs `body`, which reads through this backend and then writes through `tx`, with no
   * other writer changing `keys` in between. Read before writing: Redis holds the writes
   * back until the body ends, memory applies them at once. `body` must be pure apart from
   * that: on Redis it runs again when another writer got there first.
   */
  atomically<T>(keys: string[], body: (tx: RecordWrites) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface RecordWrites {
  /** With `expiresAt` the record may be dropped some time after then: whoever reads it checks the time. */
  set(key: string, value: unknown, options?: { expiresAt?: number }): void;
  setText(key: string, text: string): void;
  delete(key: string): void;
  /** At least one item: Redis refuses an empty push. */
  push(listKey: string, ...items: string[]): void;
  add(setKey: string, member: string): void;
  remove(setKey: string, member: string): void;
}

export function parseRecord<T>(json: string | null | undefined): T | undefined {
  return json === null || json === undefined ? undefined : (JSON.parse(json) as T);
}
