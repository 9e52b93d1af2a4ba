import { nextEntry, type AuditEntry, type AuditRecord } from './auditChain.js';

/**
 * The clinic's audit log: append-only and hash-chained (auditChain.ts). Appends are
 * serialised by the backend, so the chain holds with several writers.
 */
export interface AuditLog {
  append(record: AuditRecord): Promise<AuditEntry>;
  /** Every entry, oldest first: what verification walks. */
  all(): Promise<AuditEntry[]>;
  /** The newest `limit` entries, newest first: what the audit page shows. */
  recent(limit: number): Promise<AuditEntry[]>;
}

export class MemoryAuditLog implements AuditLog {
  readonly #entries: AuditEntry[] = [];

  async append(record: AuditRecord): Promise<AuditEntry> {
    const entry = nextEntry(this.#entries.at(-1), record);
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
