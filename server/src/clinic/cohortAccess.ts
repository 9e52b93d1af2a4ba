import type { Account } from '../auth/Accounts.js';
import type { ClinicStore, CohortRecord } from '../store/ClinicStore.js';

type Staff = Pick<Account, 'id' | 'role'>;

/**
 * Staff reach only their cohorts: an admin reaches every cohort; a facilitator those an
 * admin assigned them to (and those they created). The one rule the clinic API, the invite
 * and attendance routes and the live console's handshake all ask.
 */
export async function mayReachCohort(store: ClinicStore, staff: Staff, cohortId: string): Promise<boolean> {
  switch (staff.role) {
    case 'admin':
      return true;
    case 'facilitator':
      return store.cohortStaff.isAssigned(cohortId, staff.id);
    default: {
      const unreachable: never = staff.role;
      return unreachable;
    }
  }
}

/** The cohorts a staff member may see listed, oldest first. */
export async function reachableCohorts(store: ClinicStore, staff: Staff): Promise<CohortRecord[]> {
  const all = await store.cohorts.list();
  if (staff.role === 'admin') return all;
  const mine = new Set(await store.cohortStaff.cohortsOf(staff.id));
  return all.filter((c) => mine.has(c.id));
}
