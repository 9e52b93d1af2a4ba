import { withBilling, withCameraOffFlag, withSchedule, type AccountRecord, type ClinicStore, type CohortRecord, type GroupSessionRecord } from './ClinicStore.js';
import type { Records } from './Records.js';

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
  cohortStaff: (cohortId: string) => `cohort:${cohortId}:staff`,
  accountCohorts: (accountId: string) => `account:${accountId}:cohorts`,
};

/** The clinic's records, over either backend (memory or Redis). */
export class RecordsClinicStore implements ClinicStore {
  constructor(private readonly records: Records) {}

  get persistent(): boolean {
    return this.records.persistent;
  }

  readonly settings: ClinicStore['settings'] = {
    get: () => this.records.get(key.settings),
    set: (info) => this.records.write((tx) => tx.set(key.settings, info)),
  };

  readonly accounts: ClinicStore['accounts'] = {
    insert: (account) => this.#insertAccount(account, false),
    insertFirst: (account) => this.#insertAccount(account, true),
    get: (id) => this.records.get(key.account(id)),
    findByEmail: async (email) => {
      const id = await this.records.getText(key.accountByEmail(email));
      return id === undefined ? undefined : this.records.get(key.account(id));
    },
    count: () => this.records.size(key.accountIds),
    list: async () => {
      const accounts = await this.records.getAll<AccountRecord>((await this.records.members(key.accountIds)).map(key.account));
      return accounts.sort((a, b) => a.createdAt - b.createdAt);
    },
    update: (id, change) => this.#update(key.account(id), (current) => ({ ...change(current), id, email: current.email })),
  };

  readonly loginSessions: ClinicStore['loginSessions'] = {
    insert: (session) => this.records.write((tx) => tx.set(key.loginSession(session.id), session, { expiresAt: session.expiresAt })),
    get: (id) => this.records.get(key.loginSession(id)),
    delete: (id) => this.records.write((tx) => tx.delete(key.loginSession(id))),
  };

  readonly cohorts: ClinicStore['cohorts'] = {
    insert: (cohort) => this.#insertListed(key.cohort(cohort.id), cohort, key.cohortIds, cohort.id),
    get: (id) => this.records.get(key.cohort(id)),
    list: () => this.#list(key.cohortIds, key.cohort),
    setNeverPairs: async (id, pairs) => (await this.#update(key.cohort(id), (c: CohortRecord) => ({ ...c, neverPairs: pairs }))) !== undefined,
    setSchedule: async (id, schedule) => (await this.#update(key.cohort(id), (c: CohortRecord) => withSchedule(c, schedule))) !== undefined,
    setCameraOffFlag: async (id, minutes) => (await this.#update(key.cohort(id), (c: CohortRecord) => withCameraOffFlag(c, minutes))) !== undefined,
    setBilling: async (id, billing) => (await this.#update(key.cohort(id), (c: CohortRecord) => withBilling(c, billing))) !== undefined,
  };

  readonly members: ClinicStore['members'] = {
    insert: (member) => this.#insertListed(key.member(member.id), member, key.cohortMembers(member.cohortId), member.id),
    get: (id) => this.records.get(key.member(id)),
    listByCohort: (cohortId) => this.#list(key.cohortMembers(cohortId), key.member),
  };

  readonly sessions: ClinicStore['sessions'] = {
    insert: (session) => this.#insertListed(key.session(session.id), session, key.cohortSessions(session.cohortId), session.id),
    get: (id) => this.records.get(key.session(id)),
    listByCohort: (cohortId) => this.#list(key.cohortSessions(cohortId), key.session),
    setStatus: async (id, status) => (await this.#update(key.session(id), (s: GroupSessionRecord) => ({ ...s, status }))) !== undefined,
    delete: (id) => this.#deleteSession(id),
  };

  readonly invites: ClinicStore['invites'] = {
    insert: (invite) => this.#insertListed(key.invite(invite.jti), invite, key.sessionInvites(invite.sessionId), invite.jti),
    get: (jti) => this.records.get(key.invite(jti)),
    listBySession: (sessionId) => this.#list(key.sessionInvites(sessionId), key.invite),
    revoke: (jti, at) => this.#update(key.invite(jti), (i) => ({ ...i, revokedAt: i.revokedAt ?? at })),
  };

  /** Two sets kept in step, written together. */
  readonly cohortStaff: ClinicStore['cohortStaff'] = {
    assign: (cohortId, accountId) =>
      this.records.write((tx) => {
        tx.add(key.cohortStaff(cohortId), accountId);
        tx.add(key.accountCohorts(accountId), cohortId);
      }),
    unassign: (cohortId, accountId) =>
      this.records.write((tx) => {
        tx.remove(key.cohortStaff(cohortId), accountId);
        tx.remove(key.accountCohorts(accountId), cohortId);
      }),
    isAssigned: async (cohortId, accountId) => (await this.cohortStaff.staffOf(cohortId)).includes(accountId),
    staffOf: async (cohortId) => (await this.records.members(key.cohortStaff(cohortId))).sort(),
    cohortsOf: async (accountId) => (await this.records.members(key.accountCohorts(accountId))).sort(),
  };

  /** Closes the backend, which the other stores share: the stores close together. */
  close(): Promise<void> {
    return this.records.close();
  }

  /** The email must be free, and for the first admin there must be no account at all: two setups racing cannot both win. */
  #insertAccount(account: AccountRecord, first: boolean): Promise<boolean> {
    const byEmail = key.accountByEmail(account.email);
    return this.records.atomically([key.accountIds, byEmail], async (tx) => {
      if (first && (await this.records.size(key.accountIds)) > 0) return false;
      if ((await this.records.getText(byEmail)) !== undefined) return false;
      tx.setText(byEmail, account.id);
      tx.set(key.account(account.id), account);
      tx.add(key.accountIds, account.id);
      return true;
    });
  }

  /** The session, its invites and its id in the cohort's list, together (a list cannot drop one item: it is written again). */
  async #deleteSession(id: string): Promise<void> {
    const session = await this.records.get<GroupSessionRecord>(key.session(id));
    if (!session) return;
    const listKey = key.cohortSessions(session.cohortId);
    await this.records.atomically([listKey, key.sessionInvites(id)], async (tx) => {
      const ids = await this.records.range(listKey, 0, -1);
      const jtis = await this.records.range(key.sessionInvites(id), 0, -1);
      for (const jti of jtis) tx.delete(key.invite(jti));
      tx.delete(key.sessionInvites(id));
      tx.delete(key.session(id));
      tx.delete(listKey);
      const kept = ids.filter((other) => other !== id);
      if (kept.length > 0) tx.push(listKey, ...kept);
    });
  }

  /** A record and its place in a list, written together. */
  #insertListed(recordKey: string, value: unknown, listKey: string, id: string): Promise<void> {
    return this.records.write((tx) => {
      tx.set(recordKey, value);
      tx.push(listKey, id);
    });
  }

  /** The records whose ids a list holds, in the list's order (oldest first). */
  async #list<T>(listKey: string, recordKey: (id: string) => string): Promise<T[]> {
    return this.records.getAll<T>((await this.records.range(listKey, 0, -1)).map(recordKey));
  }

  /**
   * Replaces the record at `recordKey` with `change(current)` atomically and returns what was
   * stored; undefined when there is no such record. `change` must be pure: it may run more than once.
   */
  #update<T>(recordKey: string, change: (current: T) => T): Promise<T | undefined> {
    return this.records.atomically([recordKey], async (tx) => {
      const current = await this.records.get<T>(recordKey);
      if (current === undefined) return undefined;
      const next = change(current);
      tx.set(recordKey, next);
      return next;
    });
  }
}
