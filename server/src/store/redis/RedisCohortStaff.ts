import type { Redis } from 'ioredis';
import type { CohortStaffStore } from '../CohortStaffStore.js';

const key = {
  cohortStaff: (cohortId: string) => `cohort:${cohortId}:staff`,
  accountCohorts: (accountId: string) => `account:${accountId}:cohorts`,
};

/** Cohort assignments in Redis: a set per cohort and one per account, written together in one MULTI. */
export class RedisCohortStaff implements CohortStaffStore {
  constructor(private readonly redis: Redis) {}

  async assign(cohortId: string, accountId: string): Promise<void> {
    await this.redis.multi().sadd(key.cohortStaff(cohortId), accountId).sadd(key.accountCohorts(accountId), cohortId).exec();
  }

  async unassign(cohortId: string, accountId: string): Promise<void> {
    await this.redis.multi().srem(key.cohortStaff(cohortId), accountId).srem(key.accountCohorts(accountId), cohortId).exec();
  }

  async isAssigned(cohortId: string, accountId: string): Promise<boolean> {
    return (await this.redis.sismember(key.cohortStaff(cohortId), accountId)) === 1;
  }

  async staffOf(cohortId: string): Promise<string[]> {
    return (await this.redis.smembers(key.cohortStaff(cohortId))).sort();
  }

  async cohortsOf(accountId: string): Promise<string[]> {
    return (await this.redis.smembers(key.accountCohorts(accountId))).sort();
  }
}
