import { Router } from 'express';
import { CohortFacilitators, type CohortFacilitator } from '@hearth/shared';
import { signedIn } from './guards.js';
import type { Clinic } from '../clinic/createClinic.js';
import { NotFoundError } from '../errors.js';
import { scopeToTheirCohorts } from './cohortScope.js';
import { parseBody } from './parseBody.js';

/**
 * Who leads a cohort: admins pick its facilitators (api.routes.ts lets only admins reach
 * these routes). A facilitator taken off a cohort loses it at once: its pages answer 403
 * and their live console in its sessions is closed.
 */
export function cohortStaffRoutes({ clinic }: { clinic: Clinic }): Router {
  const router = Router();
  const { store } = clinic;
  scopeToTheirCohorts(router, clinic);

  /** Every facilitator account, by name, each marked whether it leads this cohort. */
  const picker = async (cohortId: string): Promise<CohortFacilitator[]> => {
    const assigned = new Set(await store.cohortStaff.staffOf(cohortId));
    return (await store.accounts.list())
      .filter((a) => a.role === 'facilitator')
      .map(({ id, displayName, email }) => ({ id, displayName, email, assigned: assigned.has(id) }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.email.localeCompare(b.email));
  };

  router.get('/cohorts/:cohortId/facilitators', async (req, res) => {
    res.json({ facilitators: await picker(req.params.cohortId) });
  });

  /** Replaces the cohort's facilitators with those named; every id must be a facilitator account. */
  router.put('/cohorts/:cohortId/facilitators', async (req, res) => {
    const cohortId = req.params.cohortId;
    const { facilitatorIds } = parseBody(CohortFacilitators, req.body);
    const accounts = await Promise.all(facilitatorIds.map((id) => store.accounts.get(id)));
    // Checked before anything is written: a refused list changes nothing.
    if (accounts.some((a) => a?.role !== 'facilitator')) throw new NotFoundError('facilitator account');
    const wanted = new Set(facilitatorIds);
    const current = new Set(await store.cohortStaff.staffOf(cohortId));
    const actorId = signedIn(res).id;
    for (const id of wanted) {
      if (current.has(id)) continue;
      await store.cohortStaff.assign(cohortId, id);
      await clinic.audited('cohort-facilitator-assigned', actorId, id);
    }
    for (const id of current) {
      if (wanted.has(id)) continue;
      await store.cohortStaff.unassign(cohortId, id);
      await clinic.audited('cohort-facilitator-unassigned', actorId, id);
      clinic.cohortStaffRemoved(cohortId, id);
    }
    res.json({ facilitators: await picker(cohortId) });
  });

  return router;
}
