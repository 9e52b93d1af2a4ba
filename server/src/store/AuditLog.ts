import type { AuditEntry, AuditRecord } from './auditChain.js';
import type { AuditCheck } from './auditCheckpoint.js';

/**
 * Where audit entries are kept (memory or Redis). It chains but never signs: `append` reads
 * the newest entry and writes what `next` makes of it, atomically, so the chain holds with
 * several writers. The key that signs entries stays with the server (KeyedAuditLog).
 */
export interface AuditStore {
  append(next: (last: AuditEntry | undefined) => AuditEntry): Promise<AuditEntry>;
  /** Every entry as stored, oldest first, unchecked: what verification walks. */
  all(): Promise<unknown[]>;
  /** The newest `limit` entries, newest first: what the audit page shows. */
  recent(limit: number): Promise<AuditEntry[]>;
}

/** The clinic's audit log as the server uses it: append-only, chained, signed, checkpointed. */
export interface AuditLog {
  append(record: AuditRecord): Promise<AuditEntry>;
  all(): Promise<AuditEntry[]>;
  recent(limit: number): Promise<AuditEntry[]>;
  /** The chain, its signatures and the checkpoints this node can read. */
  verify(): Promise<AuditCheck>;
}

export class MemoryAuditStore implements AuditStore {
  readonly #entries: AuditEntry[] = [];

  async append(next: (last: AuditEntry | undefined) => AuditEntry): Promise<AuditEntry> {
    const entry = next(this.#entries.at(-1));
    this.#entries.push(entry);
    return { ...entry };
  }

  async all(): Promise<AuditEntry[]> {
    return this.#entries.map((e) => ({ ...e }));
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    return this.#entries
      .slice(-limit)
      .reverse()
      .map((e) => ({ ...e }));
  }
}
