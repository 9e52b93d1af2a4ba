import type { Clock } from '../lib/clock.js';
import type { Logger } from '../logger.js';
import { nextEntry, StoredAuditEntry, type AuditEntry, type AuditRecord } from './auditChain.js';
import { signCheckpoint, verifyAudit, type AuditCheck, type Checkpoint } from './auditCheckpoint.js';
import type { CheckpointSink, CheckpointSource } from './AuditCheckpoints.js';
import type { AuditLog, AuditStore } from './AuditLog.js';

export type KeyedAuditLogDeps = {
  store: AuditStore;
  /** Signs entries and checkpoints; never written to the store (AUDIT_KEY, or derived from HEARTH_SECRET). */
  key: Buffer;
  /** Where checkpoints go: the log stream, and a file when AUDIT_CHECKPOINT_DIR is set. */
  sinks: CheckpointSink[];
  /** Where verification reads checkpoints back from (the file). */
  sources: CheckpointSource[];
  clock: Clock;
  log: Logger;
};

/**
 * The audit log as the server writes it: every entry signed with a key the store does not
 * hold, and after every append a signed checkpoint (count and newest hash) written outside
 * the store before the append resolves. Appends that arrive while a checkpoint is being
 * written are covered together by the next one.
 */
export class KeyedAuditLog implements AuditLog {
  readonly #deps: KeyedAuditLogDeps;
  #newest: AuditEntry | undefined;
  #anchored = 0;
  #writing: Promise<void> | undefined;
  /** The newest checkpoint this process wrote: it catches a cut even with no file configured. */
  #lastWritten: Checkpoint | undefined;

  constructor(deps: KeyedAuditLogDeps) {
    this.#deps = deps;
  }

  async append(record: AuditRecord): Promise<AuditEntry> {
    const entry = await this.#deps.store.append((last) => nextEntry(last, record, this.#deps.key));
    await this.#cover(entry);
    return entry;
  }

  async all(): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for (const raw of await this.#deps.store.all()) {
      const parsed = StoredAuditEntry.safeParse(raw);
      if (parsed.success) entries.push({ ...parsed.data, mac: parsed.data.mac ?? '' });
    }
    return entries;
  }

  recent(limit: number): Promise<AuditEntry[]> {
    return this.#deps.store.recent(limit);
  }

  async verify(): Promise<AuditCheck> {
    const stored = await this.#deps.store.all();
    const found = (await Promise.all(this.#deps.sources.map((s) => s.read()))).flat();
    if (this.#lastWritten) found.push({ checkpoint: this.#lastWritten, source: 'this server’s memory' });
    return verifyAudit(stored, found, this.#deps.key);
  }

  /** Resolves once a checkpoint at or past `entry` has been written. */
  async #cover(entry: AuditEntry): Promise<void> {
    if (!this.#newest || entry.seq > this.#newest.seq) this.#newest = entry;
    while (this.#anchored < entry.seq) {
      this.#writing ??= this.#writeNewest().finally(() => {
        this.#writing = undefined;
      });
      await this.#writing;
    }
  }

  async #writeNewest(): Promise<void> {
    const newest = this.#newest!;
    const checkpoint = signCheckpoint(this.#deps.key, newest.seq, newest.hash, this.#deps.clock());
    await Promise.all(
      this.#deps.sinks.map((sink) =>
        // The entry is already in the store: a sink that fails is reported, not the append.
        sink.write(checkpoint).catch((err: unknown) => this.#deps.log.error({ err }, 'could not write an audit checkpoint')),
      ),
    );
    this.#lastWritten = checkpoint;
    this.#anchored = newest.seq;
  }
}
