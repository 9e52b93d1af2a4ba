import type { BillingProfile, ClinicInfo } from '@hearth/shared';

/**
 * The clinic's records: its settings, staff accounts, their login sessions, cohorts,
 * members, group sessions, invites and cohort assignments. Every method is async and every
 * record is plain JSON data, so they can be kept in Redis (shared by several nodes) as well
 * as in memory (RecordsClinicStore). Times are epoch milliseconds from the injected clock.
 */

export type Role = 'admin' | 'facilitator';

export type AccountRecord = {
  id: string;
  /** Trimmed and lower-cased before it is stored or looked up. */
  email: string;
  displayName: string;
  role: Role;
  /** `scrypt$N$r$p$salt$hash`, see auth/password.ts. */
  passwordHash: string;
  createdAt: number;
  /** Set by an admin: the account cannot sign in and its sign-ins have ended. */
  disabled?: boolean;
  /**
   * Raised whenever all of the account's sign-ins must end (disabled, password changed or
   * reset); a login session made under a lower number no longer counts. Absent is 0.
   */
  signInEpoch?: number;
};

export type LoginSessionRecord = {
  /** A hash of the cookie's value, so a leaked store holds no usable credential. */
  id: string;
  accountId: string;
  expiresAt: number;
  /** The account's signInEpoch when it was made (absent is 0). */
  epoch?: number;
};

/** When a cohort meets every week, on the clock of its own time zone. */
export type CohortSchedule = {
  /** 0 = Sunday … 6 = Saturday, ascending, no repeats. */
  weekdays: number[];
  /** Local wall-clock start, `HH:MM` (24-hour). */
  startTime: string;
  durationMinutes: number;
};

export type CohortRecord = {
  id: string;
  name: string;
  timeZone: string;
  createdAt: number;
  /** Standing "never pair A with B" rules for breakouts (member ids), kept by the clinic. */
  neverPairs?: [string, string][];
  /** Its weekly meeting times, if the clinic has set them. */
  schedule?: CohortSchedule;
  /** CAM2: the console flags a camera off for longer than this; absent = no flag. */
  cameraOffFlagMinutes?: number;
  /** The payer rules its records are judged by; absent (as in records made before it existed): none, read as custom. */
  billing?: BillingProfile;
};

/** The cohort with the console's camera-off flag set, or without one (null). */
export function withCameraOffFlag(cohort: CohortRecord, minutes: number | null): CohortRecord {
  const { cameraOffFlagMinutes: _previous, ...rest } = cohort;
  return minutes === null ? rest : { ...rest, cameraOffFlagMinutes: minutes };
}

/** The cohort with `billing` in place of its own; null leaves it with none. */
export function withBilling(cohort: CohortRecord, billing: BillingProfile | null): CohortRecord {
  const { billing: _previous, ...rest } = cohort;
  return billing === null ? rest : { ...rest, billing };
}

/** The cohort with `schedule` in place of its own; null leaves it with none, as if never set. */
export function withSchedule(cohort: CohortRecord, schedule: CohortSchedule | null): CohortRecord {
  const { schedule: _previous, ...rest } = cohort;
  return schedule === null ? rest : { ...rest, schedule };
}

export type MemberRecord = {
  id: string;
  cohortId: string;
  /** A first or chosen name: what the group sees. */
  pseudonym: string;
  /** How the clinic reaches this person; staff-only, never sent to participants. */
  contact?: string;
  createdAt: number;
};

export type GroupSessionStatus = 'scheduled' | 'live' | 'ended';

export type GroupSessionRecord = {
  id: string;
  cohortId: string;
  title: string;
  scheduledStart?: number;
  /** Account id of the staff member who created it. */
  createdBy: string;
  createdAt: number;
  status: GroupSessionStatus;
};

export type InviteRecord = {
  jti: string;
  sessionId: string;
  cohortId: string;
  memberId: string;
  issuedAt: number;
  expiresAt: number;
  revokedAt?: number;
};

export interface AccountStore {
  /** Adds the account unless its email is taken; false when taken. */
  insert(account: AccountRecord): Promise<boolean>;
  /** Adds the account only while there is no account at all (first-admin setup), atomically. */
  insertFirst(account: AccountRecord): Promise<boolean>;
  get(id: string): Promise<AccountRecord | undefined>;
  findByEmail(email: string): Promise<AccountRecord | undefined>;
  count(): Promise<number>;
  /** Every account, oldest first. */
  list(): Promise<AccountRecord[]>;
  /**
   * Replaces the account with `change(current)` atomically and returns what was stored;
   * undefined when there is no such account. `change` is pure (it may run more than once)
   * and keeps the email, which the store indexes.
   */
  update(id: string, change: (current: AccountRecord) => AccountRecord): Promise<AccountRecord | undefined>;
}

export interface LoginSessionStore {
  insert(session: LoginSessionRecord): Promise<void>;
  get(id: string): Promise<LoginSessionRecord | undefined>;
  delete(id: string): Promise<void>;
}

export interface CohortStore {
  insert(cohort: CohortRecord): Promise<void>;
  get(id: string): Promise<CohortRecord | undefined>;
  /** Oldest first. */
  list(): Promise<CohortRecord[]>;
  /** Replaces the cohort's "never pair" rules; false when the cohort is unknown. */
  setNeverPairs(id: string, pairs: [string, string][]): Promise<boolean>;
  /** Replaces the cohort's weekly schedule (null clears it); false when the cohort is unknown. */
  setSchedule(id: string, schedule: CohortSchedule | null): Promise<boolean>;
  /** Sets the console's camera-off flag (null: none); false when the cohort is unknown. */
  setCameraOffFlag(id: string, minutes: number | null): Promise<boolean>;
  /** Replaces the cohort's billing profile (null clears it); false when the cohort is unknown. */
  setBilling(id: string, billing: BillingProfile | null): Promise<boolean>;
}

export interface MemberStore {
  insert(member: MemberRecord): Promise<void>;
  get(id: string): Promise<MemberRecord | undefined>;
  /** Oldest first: the cohort's roster order. */
  listByCohort(cohortId: string): Promise<MemberRecord[]>;
}

export interface GroupSessionStore {
  insert(session: GroupSessionRecord): Promise<void>;
  get(id: string): Promise<GroupSessionRecord | undefined>;
  /** Oldest first. */
  listByCohort(cohortId: string): Promise<GroupSessionRecord[]>;
  /** The live session (rooms/signalling) moves it to live and ended; false when unknown. */
  setStatus(id: string, status: GroupSessionStatus): Promise<boolean>;
  /** Removes the session, its invites, and its place in its cohort's list: a retention purge only. */
  delete(id: string): Promise<void>;
}

export interface InviteStore {
  insert(invite: InviteRecord): Promise<void>;
  get(jti: string): Promise<InviteRecord | undefined>;
  /** Oldest first. */
  listBySession(sessionId: string): Promise<InviteRecord[]>;
  /** Marks it revoked at `at` unless it already is; returns the record as stored, undefined when unknown. */
  revoke(jti: string, at: number): Promise<InviteRecord | undefined>;
}

/** The clinic's own settings, one record: its name and crisis resources, as its admins last saved them. */
export interface ClinicSettingsStore {
  /** Undefined until an admin first saves them (the server's defaults apply until then). */
  get(): Promise<ClinicInfo | undefined>;
  /** Replaces them as a whole. */
  set(info: ClinicInfo): Promise<void>;
}

/**
 * Which facilitators lead which cohorts: kept apart from the accounts themselves, so a
 * facilitator's reach is one small set per cohort and one per account. Admins are never
 * listed here; they reach every cohort by their role (clinic/cohortAccess.ts).
 */
export interface CohortStaffStore {
  /** Idempotent: assigning twice is assigning once. */
  assign(cohortId: string, accountId: string): Promise<void>;
  /** Idempotent: unassigning someone not assigned changes nothing. */
  unassign(cohortId: string, accountId: string): Promise<void>;
  isAssigned(cohortId: string, accountId: string): Promise<boolean>;
  /** The cohort's facilitators' account ids, sorted. */
  staffOf(cohortId: string): Promise<string[]>;
  /** The cohorts an account is assigned to, sorted. */
  cohortsOf(accountId: string): Promise<string[]>;
}

export interface ClinicStore {
  readonly settings: ClinicSettingsStore;
  readonly accounts: AccountStore;
  readonly loginSessions: LoginSessionStore;
  readonly cohorts: CohortStore;
  readonly members: MemberStore;
  readonly sessions: GroupSessionStore;
  readonly invites: InviteStore;
  /** Which facilitators lead which cohorts. */
  readonly cohortStaff: CohortStaffStore;
  /** Whether the records outlive the process (false for the in-memory store). */
  readonly persistent: boolean;
  close(): Promise<void>;
}
