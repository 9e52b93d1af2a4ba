import type { SessionState } from '@hearth/shared';
import { nextEntry, type AuditEntry, type AuditRecord } from '../auditChain.js';
import type { AttendanceEvent, AttendanceLog } from '../AttendanceLog.js';
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

/** Each session's attendance events, one list per session: only ever pushed to. */
export class RedisAttendanceLog implements AttendanceLog {
  constructor(private readonly records: RedisRecords) {}

  async append(sessionId: string, events: readonly AttendanceEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.records.redis.rpush(`attendance:${sessionId}`, ...events.map((e) => JSON.stringify(e)));
  }

  async events(sessionId: string): Promise<AttendanceEvent[]> {
    return (await this.records.redis.lrange(`attendance:${sessionId}`, 0, -1)).map((e) => JSON.parse(e) as AttendanceEvent);
  }
}
