import type { Router } from 'express';
import type { Clinic } from '../clinic/createClinic.js';
import { mayReachCohort } from '../clinic/cohortAccess.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { signedIn } from './guards.js';

/**
 * Staff reach only their cohorts, checked once for every route of `router` that names a
 * cohort, a session or an invite (`:cohortId`, `:sessionId`, `:jti`): before the route runs,
 * the record is looked up (unknown: 404) and the signed-in staff member must reach its cohort
 * (otherwise 403, and the route never runs). A route that named one under another parameter
 * would slip past; server/test/authorisation.test.ts runs every API route as an unassigned
 * facilitator, so such a route fails it.
 */
export function scopeToTheirCohorts(router: Router, { store }: Clinic): void {
  const guard =
    (what: string, cohortOf: (id: string) => Promise<string | undefined>) =>
    (_req: unknown, res: Parameters<typeof signedIn>[0], next: (err?: unknown) => void, id: string) => {
      const check = async () => {
        const cohortId = await cohortOf(id);
        if (cohortId === undefined) throw new NotFoundError(what);
        if (!(await mayReachCohort(store, signedIn(res), cohortId))) {
          throw new ForbiddenError('this cohort is not one of yours; a clinic admin can assign you to it');
        }
      };
      check().then(() => next(), next);
    };
  router.param('cohortId', guard('cohort', async (id) => (await store.cohorts.get(id))?.id));
  router.param('sessionId', guard('session', async (id) => (await store.sessions.get(id))?.cohortId));
  router.param('jti', guard('invite', async (id) => (await store.invites.get(id))?.cohortId));
}
