import { z } from 'zod';

/*
 * Who leads a cohort: an admin picks its facilitators (staff reach only their cohorts;
 * admins reach every cohort without being picked). The server parses the body with this
 * schema; the cohort page sends what its checkboxes say.
 */

const AccountId = z.string().min(1).max(64);

/** A clinic has a handful of facilitators; a long list is a mistake or an attack. */
export const MAX_COHORT_FACILITATORS = 50;

/** Replaces the cohort's facilitators as a whole; each id once, however often it was sent. */
export const CohortFacilitators = z.strictObject({
  facilitatorIds: z
    .array(AccountId)
    .max(MAX_COHORT_FACILITATORS, `Choose at most ${MAX_COHORT_FACILITATORS} facilitators.`)
    .transform((ids) => [...new Set(ids)]),
});
export type CohortFacilitatorsInput = z.input<typeof CohortFacilitators>;

/** A facilitator account as the cohort page's picker lists it, and whether it leads this cohort. */
export type CohortFacilitator = { id: string; displayName: string; email: string; assigned: boolean };
