import type { SessionState } from '@hearth/shared';
import { nextEntry, type AuditEntry, type AuditRecord } from '../auditChain.js';
import type { SessionLog } from '../SessionLog.js';
import type { AuditLog } from '../AuditLog.js';
import type { SessionStateStore } from '../SessionStateStore.js';
import type { RedisRecords } from './RedisRecords.js';

const AUDIT = 'audit';

/** A live session's state, one JSON value per session. */
export class RedisSessionStateStore implements SessionStateStore {
  constructor(private readonly records: RedisRecords) {}

  load(sessionId: string): Promise<SessionState | undefined> {
    return this.records.get<SessionState>(`session-state:${sessionId}`);
  }

  async save(state: SessionState): Promise<void> {
    await this.records.set(`session-state:${state.id}`, state);
  }
}

/**
 * The audit log as one Redis list, oldest first. An append watches the list, reads the last
 * entry, chains the new one to it and pushes it: two nodes appending at once cannot fork the
 * chain, the loser chains to the winner's entry instead.
 */
export class RedisAuditLog implements AuditLog {
  constructor(private readonly records: RedisRecords) {}

  append(record: AuditRecord): Promise<AuditEntry> {
    return this.records.transaction([AUDIT], async (tx) => {
      const last = await this.records.redis.lindex(AUDIT, -1);
      const entry = nextEntry(last === null ? undefined : (JSON.parse(last) as AuditEntry), record);
      tx.rpush(AUDIT, JSON.stringify(entry));
      return entry;
    });
  }

  async all(): Promise<AuditEntry[]> {
    return (await this.records.redis.lrange(AUDIT, 0, -1)).map((e) => JSON.parse(e) as AuditEntry);
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    return (await this.records.redis.lrange(AUDIT, -limit, -1)).map((e) => JSON.parse(e) as AuditEntry).reverse();
  }
}

/**
 * A per-session log (attendance, pair history) as one Redis list per session, `<name>:<id>`:
 * only ever pushed to.
 */
export class RedisSessionLog<T> implements SessionLog<T> {
  constructor(
    private readonly records: RedisRecords,
    private readonly name: string,
  ) {}

  async append(sessionId: string, events: readonly T[]): Promise<void> {
    if (events.length === 0) return;
    await this.records.redis.rpush(`${this.name}:${sessionId}`, ...events.map((e) => JSON.stringify(e)));
  }

  async events(sessionId: string): Promise<T[]> {
    return (await this.records.redis.lrange(`${this.name}:${sessionId}`, 0, -1)).map((e) => JSON.parse(e) as T);
  }
}
