import type { SessionState } from '@hearth/shared';
import type { AuditEntry } from '../auditChain.js';
import type { SessionLog } from '../SessionLog.js';
import type { AuditStore } from '../AuditLog.js';
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
export class RedisAuditStore implements AuditStore {
  constructor(private readonly records: RedisRecords) {}

  append(next: (last: AuditEntry | undefined) => AuditEntry): Promise<AuditEntry> {
    return this.records.transaction([AUDIT], async (tx) => {
      const last = await this.records.redis.lindex(AUDIT, -1);
      const entry = next(last === null ? undefined : (JSON.parse(last) as AuditEntry));
      tx.rpush(AUDIT, JSON.stringify(entry));
      return entry;
    });
  }

  /** Unchecked: an entry someone wrote into Redis by hand that is not even JSON is kept as a string, for verification to refuse. */
  async all(): Promise<unknown[]> {
    return (await this.records.redis.lrange(AUDIT, 0, -1)).map(parseOrKeep);
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    return (await this.records.redis.lrange(AUDIT, -limit, -1)).map((e) => JSON.parse(e) as AuditEntry).reverse();
  }
}

function parseOrKeep(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return json;
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
