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

/** The in-memory backend: two indexes kept in step, each method atomic (no await inside). */
export class MemoryCohortStaff implements CohortStaffStore {
  readonly #byCohort = new Map<string, Set<string>>();
  readonly #byAccount = new Map<string, Set<string>>();

  async assign(cohortId: string, accountId: string): Promise<void> {
    add(this.#byCohort, cohortId, accountId);
    add(this.#byAccount, accountId, cohortId);
  }

  async unassign(cohortId: string, accountId: string): Promise<void> {
    remove(this.#byCohort, cohortId, accountId);
    remove(this.#byAccount, accountId, cohortId);
  }

  async isAssigned(cohortId: string, accountId: string): Promise<boolean> {
    return this.#byCohort.get(cohortId)?.has(accountId) ?? false;
  }

  async staffOf(cohortId: string): Promise<string[]> {
    return [...(this.#byCohort.get(cohortId) ?? [])].sort();
  }

  async cohortsOf(accountId: string): Promise<string[]> {
    return [...(this.#byAccount.get(accountId) ?? [])].sort();
  }
}

function add(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key) ?? new Set();
  set.add(value);
  index.set(key, set);
}

function remove(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key);
  set?.delete(value);
  if (set?.size === 0) index.delete(key);
}
