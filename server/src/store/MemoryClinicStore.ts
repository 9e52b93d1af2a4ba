import type { ClinicInfo } from '@hearth/shared';
import type { Clock } from '../lib/clock.js';
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
} from './ClinicStore.js';
import { withSchedule } from './ClinicStore.js';
import { MemoryCohortStaff } from './CohortStaffStore.js';

/**
 * Records round-trip through JSON, as they would through Redis: a caller can neither keep
 * a live reference into the store nor store something a shared backend could not.
 */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const SWEEP_EVERY_MS = 60_000;

/**
 * The default store: everything lives in this process and is gone when it stops. Each
 * method body runs without awaiting, so each is atomic with respect to the others.
 */
export class MemoryClinicStore implements ClinicStore {
  readonly persistent: boolean = false;
  readonly #accounts = new Map<string, AccountRecord>();
  readonly #loginSessions = new Map<string, LoginSessionRecord>();
  readonly #cohorts = new Map<string, CohortRecord>();
  readonly #members = new Map<string, MemberRecord>();
  readonly #sessions = new Map<string, GroupSessionRecord>();
  readonly #invites = new Map<string, InviteRecord>();
  #settings: ClinicInfo | undefined;
  readonly #clock: Clock;
  #lastSweep = -Infinity;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  readonly settings = {
    get: async () => copyOrUndefined(this.#settings),
    set: async (info: ClinicInfo) => {
      this.#settings = copy(info);
    },
  };

  readonly accounts = {
    insert: async (account: AccountRecord) => {
      if (this.#findAccount(account.email)) return false;
      this.#accounts.set(account.id, copy(account));
      return true;
    },
    insertFirst: async (account: AccountRecord) => {
      if (this.#accounts.size > 0) return false;
      this.#accounts.set(account.id, copy(account));
      return true;
    },
    get: async (id: string) => copyOrUndefined(this.#accounts.get(id)),
    findByEmail: async (email: string) => copyOrUndefined(this.#findAccount(email)),
    count: async () => this.#accounts.size,
    list: async () => [...this.#accounts.values()].sort((a, b) => a.createdAt - b.createdAt).map(copy),
    update: async (id: string, change: (current: AccountRecord) => AccountRecord) => {
      const current = this.#accounts.get(id);
      if (!current) return undefined;
      const stored = { ...copy(change(copy(current))), id, email: current.email };
      this.#accounts.set(id, stored);
      return copy(stored);
    },
  };

  readonly loginSessions = {
    insert: async (session: LoginSessionRecord) => {
      this.#sweep();
      this.#loginSessions.set(session.id, copy(session));
    },
    get: async (id: string) => copyOrUndefined(this.#loginSessions.get(id)),
    delete: async (id: string) => {
      this.#loginSessions.delete(id);
    },
  };

  readonly cohorts = {
    insert: async (cohort: CohortRecord) => {
      this.#cohorts.set(cohort.id, copy(cohort));
    },
    get: async (id: string) => copyOrUndefined(this.#cohorts.get(id)),
    list: async () => [...this.#cohorts.values()].map(copy),
    setNeverPairs: async (id: string, pairs: [string, string][]) => {
      const cohort = this.#cohorts.get(id);
      if (!cohort) return false;
      this.#cohorts.set(id, { ...cohort, neverPairs: copy(pairs) });
      return true;
    },
    setSchedule: async (id: string, schedule: CohortSchedule | null) => {
      const cohort = this.#cohorts.get(id);
      if (!cohort) return false;
      this.#cohorts.set(id, copy(withSchedule(cohort, schedule)));
      return true;
    },
  };

  readonly members = {
    insert: async (member: MemberRecord) => {
      this.#members.set(member.id, copy(member));
    },
    get: async (id: string) => copyOrUndefined(this.#members.get(id)),
    listByCohort: async (cohortId: string) => [...this.#members.values()].filter((m) => m.cohortId === cohortId).map(copy),
  };

  readonly sessions = {
    insert: async (session: GroupSessionRecord) => {
      this.#sessions.set(session.id, copy(session));
    },
    get: async (id: string) => copyOrUndefined(this.#sessions.get(id)),
    listByCohort: async (cohortId: string) => [...this.#sessions.values()].filter((s) => s.cohortId === cohortId).map(copy),
    setStatus: async (id: string, status: GroupSessionStatus) => {
      const session = this.#sessions.get(id);
      if (!session) return false;
      session.status = status;
      return true;
    },
  };

  readonly invites = {
    insert: async (invite: InviteRecord) => {
      this.#invites.set(invite.jti, copy(invite));
    },
    get: async (jti: string) => copyOrUndefined(this.#invites.get(jti)),
    listBySession: async (sessionId: string) => [...this.#invites.values()].filter((i) => i.sessionId === sessionId).map(copy),
    revoke: async (jti: string, at: number) => {
      const invite = this.#invites.get(jti);
      if (!invite) return undefined;
      invite.revokedAt ??= at;
      return copy(invite);
    },
  };

  readonly cohortStaff = new MemoryCohortStaff();

  async close(): Promise<void> {}

  #findAccount(email: string): AccountRecord | undefined {
    for (const account of this.#accounts.values()) if (account.email === email) return account;
    return undefined;
  }

  /** Drops expired login sessions now and then, so they cannot pile up. */
  #sweep(): void {
    const now = this.#clock();
    if (now - this.#lastSweep < SWEEP_EVERY_MS) return;
    this.#lastSweep = now;
    for (const [id, s] of this.#loginSessions) if (s.expiresAt <= now) this.#loginSessions.delete(id);
  }
}

function copyOrUndefined<T>(value: T | undefined): T | undefined {
  return value === undefined ? undefined : copy(value);
}
