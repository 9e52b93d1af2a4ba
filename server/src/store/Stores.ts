import { Redis } from 'ioredis';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../logger.js';
import { RecordsAuditStore, type AuditStore } from './AuditLog.js';
import type { ClinicStore } from './ClinicStore.js';
import { DisclosureLog } from './DisclosureLog.js';
import { MemoryRecords } from './MemoryRecords.js';
import { NotesStore } from './NotesStore.js';
import type { Records } from './Records.js';
import { RecordsClinicStore } from './RecordsClinicStore.js';
import { RedisRecords } from './RedisRecords.js';
import { RetentionStore } from './RetentionStore.js';
import { SessionLog, type AttendanceLog, type PairHistory } from './SessionLog.js';
import { SessionStateStore } from './SessionStateStore.js';

/** Everything Hearth keeps: the clinic's records, live session state, attendance, pair history and the audit log. */
export type Stores = {
  clinic: ClinicStore;
  sessionStates: SessionStateStore;
  attendance: AttendanceLog;
  pairs: PairHistory;
  /** The audit log's entries; the server signs and checkpoints them (KeyedAuditLog). */
  audit: AuditStore;
  /** Every export of participants' data (42 CFR Part 2): kept six years, never purged. */
  disclosures: DisclosureLog;
  /** The clinic's retention period. */
  retention: RetentionStore;
  /** Group notes per session and participant, with their lock rule (GNOTE1). */
  notes: NotesStore;
  /** Whether they outlive the process (Redis) or not (the in-memory default). */
  persistent: boolean;
  /** The Redis connection, when there is one: several nodes coordinate through it. */
  redis?: Redis;
  close(): Promise<void>;
};

/** Every store, over one backend. */
export function storesOver(records: Records): Stores {
  return {
    clinic: new RecordsClinicStore(records),
    sessionStates: new SessionStateStore(records),
    attendance: new SessionLog(records, 'attendance'),
    pairs: new SessionLog(records, 'pairs'),
    audit: new RecordsAuditStore(records),
    disclosures: new DisclosureLog(records),
    retention: new RetentionStore(records),
    notes: new NotesStore(records),
    persistent: records.persistent,
    close: () => records.close(),
  };
}

/** The embedded default: nothing to run, nothing kept after the process stops. */
export function memoryStores(clock: Clock): Stores {
  return storesOver(new MemoryRecords(clock));
}

/**
 * Redis (`REDIS_URL`): shared by every node and kept across restarts. While Redis is away
 * (a restart), commands wait in the client's queue and go through once it is back, so a
 * short outage delays records instead of losing them.
 */
export async function redisStores(url: string, clock: Clock, log: Logger): Promise<Stores> {
  const redis = new Redis(url, {
    keyPrefix: 'hearth:',
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    lazyConnect: true,
  });
  let down = false;
  redis.on('error', (err: Error) => {
    if (!down) log.warn({ err: err.message }, 'redis connection lost; retrying');
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info('redis connection back');
    down = false;
  });
  await redis.connect();
  return { ...storesOver(new RedisRecords(redis, clock)), redis };
}

export function createStores(redisUrl: string | undefined, clock: Clock, log: Logger): Promise<Stores> {
  return redisUrl ? redisStores(redisUrl, clock, log) : Promise.resolve(memoryStores(clock));
}
