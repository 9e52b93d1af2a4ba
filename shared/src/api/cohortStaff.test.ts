import { describe, expect, it } from 'vitest';
import { CohortFacilitators, MAX_COHORT_FACILITATORS } from './cohortStaff.js';

describe('CohortFacilitators', () => {
  it('takes each id once, and an empty list (nobody but the admins)', () => {
    expect(CohortFacilitators.parse({ facilitatorIds: ['a', 'b', 'a'] })).toEqual({ facilitatorIds: ['a', 'b'] });
    expect(CohortFacilitators.parse({ facilitatorIds: [] })).toEqual({ facilitatorIds: [] });
  });

  it('refuses other fields, empty or oversized ids and an oversized list', () => {
    expect(CohortFacilitators.safeParse({ facilitatorIds: ['a'], role: 'admin' }).success).toBe(false);
    expect(CohortFacilitators.safeParse({ facilitatorIds: [''] }).success).toBe(false);
    expect(CohortFacilitators.safeParse({ facilitatorIds: ['x'.repeat(65)] }).success).toBe(false);
    expect(CohortFacilitators.safeParse({ facilitatorIds: 'a' }).success).toBe(false);
    const many = Array.from({ length: MAX_COHORT_FACILITATORS + 1 }, (_, i) => `f${i}`);
    expect(CohortFacilitators.safeParse({ facilitatorIds: many }).error?.issues[0]?.message).toBe(`Choose at most ${MAX_COHORT_FACILITATORS} facilitators.`);
  });
});
