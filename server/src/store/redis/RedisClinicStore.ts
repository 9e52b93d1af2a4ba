import type { ClinicInfo } from '@hearth/shared';
import type { Clock } from '../../lib/clock.js';
import type {
  AccountRecord,
  ClinicStore,
  CohortRecord,
  CohortSchedule,
  GroupSessionRecord,
  GroupSessionStatus,
  InviteRecord,
  LoginSessionRecord,
  MemberRecord,
} from '../ClinicStore.js';
import { withSchedule } from '../ClinicStore.js';
import { RedisCohortStaff } from './RedisCohortStaff.js';
import type { RedisRecords } from './RedisRecords.js';

/** Where each record lives. Lists hold ids in insertion order: the stores' "oldest first". */
const key = {
  settings: 'clinic-settings',
  account: (id: string) => `account:${id}`,
  accountIds: 'accounts',
  accountByEmail: (email: string) => `account-email:${email}`,
  loginSession: (id: string) => `login-session:${id}`,
  cohort: (id: string) => `cohort:${id}`,
  cohortIds: 'cohorts',
  member: (id: string) => `member:${id}`,
  cohortMembers: (cohortId: string) => `cohort:${cohortId}:members`,
  session: (id: string) => `session:${id}`,
  cohortSessions: (cohortId: string) => `cohort:${cohortId}:sessions`,
  invite: (jti: string) => `invite:${jti}`,
  sessionInvites: (sessionId: string) => `session:${sessionId}:invites`,
};

/**
 * Adds an account atomically: the email must be free, and for the first admin there must
 * be no account at all. One script, so two setups racing cannot both win.
 */
const INSERT_ACCOUNT = `
if ARGV[3] == '1' and redis.call('SCARD', KEYS[1]) > 0 then return 0 end
if redis.call('SETNX', KEYS[2], ARGV[1]) == 0 then return 0 end
redis.call('SET', KEYS[3], ARGV[2])
redis.call('SADD', KEYS[1], ARGV[1])
return 1`;

/** Keep expiring records a little past their time; reads check the time themselves. */
const EXPIRY_MARGIN_MS = 60_000;

/** The clinic's records in Redis: shared by every node, kept across restarts (AOF). */
export class RedisClinicStore implements ClinicStore {
  readonly persistent = true;
  readonly cohortStaff: RedisCohortStaff;

  constructor(
    private readonly records: RedisRecords,
    private readonly clock: Clock,
  ) {
    this.cohortStaff = new RedisCohortStaff(records.redis);
  }

  readonly settings = {
    get: () => this.records.get<ClinicInfo>(key.settings),
    set: (info: ClinicInfo) => this.records.set(key.settings, info),
  };

  readonly accounts = {
    insert: (account: AccountRecord) => this.#insertAccount(account, false),
    insertFirst: (account: AccountRecord) => this.#insertAccount(account, true),
    get: (id: string) => this.records.get<AccountRecord>(key.account(id)),
    findByEmail: async (email: string) => {
      const id = await this.records.redis.get(key.accountByEmail(email));
      return id === null ? undefined : this.records.get<AccountRecord>(key.account(id));
    },
    count: () => this.records.redis.scard(key.accountIds),
    list: async () => {
      const ids = await this.records.redis.smembers(key.accountIds);
      if (ids.length === 0) return [];
      const values = await this.records.redis.mget(ids.map(key.account));
      const accounts = values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as AccountRecord);
      return accounts.sort((a, b) => a.createdAt - b.createdAt);
    },
    update: (id: string, change: (current: AccountRecord) => AccountRecord) =>
      this.records.update<AccountRecord>(key.account(id), (current) => current && { ...change(current), id, email: current.email }),
  };

  readonly loginSessions = {
    insert: async (session: LoginSessionRecord) => {
      await this.records.redis.set(key.loginSession(session.id), JSON.stringify(session), 'PX', this.#ttl(session.expiresAt));
    },
    get: (id: string) => this.records.get<LoginSessionRecord>(key.loginSession(id)),
    delete: async (id: string) => {
      await this.records.redis.del(key.loginSession(id));
    },
  };

  readonly cohorts = {
    insert: (cohort: CohortRecord) => this.records.insertListed(key.cohort(cohort.id), cohort, key.cohortIds, cohort.id),
    get: (id: string) => this.records.get<CohortRecord>(key.cohort(id)),
    list: () => this.records.list<CohortRecord>(key.cohortIds, key.cohort),
    setNeverPairs: async (id: string, pairs: [string, string][]) => {
      const saved = await this.records.update<CohortRecord>(key.cohort(id), (c) => c && { ...c, neverPairs: pairs });
      return saved !== undefined;
    },
    setSchedule: async (id: string, schedule: CohortSchedule | null) => {
      const saved = await this.records.update<CohortRecord>(key.cohort(id), (c) => c && withSchedule(c, schedule));
      return saved !== undefined;
    },
  };

  readonly members = {
    insert: (member: MemberRecord) => this.records.insertListed(key.member(member.id), member, key.cohortMembers(member.cohortId), member.id),
    get: (id: string) => this.records.get<MemberRecord>(key.member(id)),
    listByCohort: (cohortId: string) => this.records.list<MemberRecord>(key.cohortMembers(cohortId), key.member),
  };

  readonly sessions = {
    insert: (session: GroupSessionRecord) => this.records.insertListed(key.session(session.id), session, key.cohortSessions(session.cohortId), session.id),
    get: (id: string) => this.records.get<GroupSessionRecord>(key.session(id)),
    listByCohort: (cohortId: string) => this.records.list<GroupSessionRecord>(key.cohortSessions(cohortId), key.session),
    setStatus: async (id: string, status: GroupSessionStatus) => {
      const saved = await this.records.update<GroupSessionRecord>(key.session(id), (s) => s && { ...s, status });
      return saved !== undefined;
    },
  };

  readonly invites = {
    insert: (invite: InviteRecord) => this.records.insertListed(key.invite(invite.jti), invite, key.sessionInvites(invite.sessionId), invite.jti),
    get: (jti: string) => this.records.get<InviteRecord>(key.invite(jti)),
    listBySession: (sessionId: string) => this.records.list<InviteRecord>(key.sessionInvites(sessionId), key.invite),
    revoke: (jti: string, at: number) => this.records.update<InviteRecord>(key.invite(jti), (i) => i && { ...i, revokedAt: i.revokedAt ?? at }),
  };

  /** Closes the connection, which the other Redis stores share: the stores close together. */
  async close(): Promise<void> {
    await this.records.redis.quit().catch(() => this.records.redis.disconnect());
  }

  async #insertAccount(account: AccountRecord, first: boolean): Promise<boolean> {
    const done = await this.records.redis.eval(
      INSERT_ACCOUNT,
      3,
      key.accountIds,
      key.accountByEmail(account.email),
      key.account(account.id),
      account.id,
      JSON.stringify(account),
      first ? '1' : '0',
    );
    return done === 1;
  }

  #ttl(expiresAt: number): number {
    return Math.max(1, expiresAt - this.clock()) + EXPIRY_MARGIN_MS;
  }
}
