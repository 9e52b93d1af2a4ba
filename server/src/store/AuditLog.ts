import type { AuditEntry, AuditRecord } from './auditChain.js';
import type { AuditCheck } from './auditCheckpoint.js';
import type { Records } from './Records.js';

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

const AUDIT = 'audit';

/**
 * The audit log as one list, oldest first. An append reads the last entry, chains the new
 * one to it and pushes it, atomically: two nodes appending at once cannot fork the chain,
 * the loser chains to the winner's entry instead.
 */
export class RecordsAuditStore implements AuditStore {
  constructor(private readonly records: Records) {}

  append(next: (last: AuditEntry | undefined) => AuditEntry): Promise<AuditEntry> {
    return this.records.atomically([AUDIT], async (tx) => {
      const [last] = await this.records.range(AUDIT, -1, -1);
      const entry = next(last === undefined ? undefined : (JSON.parse(last) as AuditEntry));
      tx.push(AUDIT, JSON.stringify(entry));
      return entry;
    });
  }

  /** Unchecked: an entry someone wrote into Redis by hand that is not even JSON is kept as a string, for verification to refuse. */
  async all(): Promise<unknown[]> {
    return (await this.records.range(AUDIT, 0, -1)).map(parseOrKeep);
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    return (await this.records.range(AUDIT, -limit, -1)).map((e) => JSON.parse(e) as AuditEntry).reverse();
  }
}

function parseOrKeep(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}
