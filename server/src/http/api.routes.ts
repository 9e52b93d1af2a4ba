import { Router } from 'express';
import { requireJsonForChanges, requireRole } from './guards.js';
import type { Clinic } from '../clinic/createClinic.js';
import { authRoutes } from './auth.routes.js';
import { clinicRoutes } from './clinic.routes.js';
import { cohortStaffRoutes } from './cohortStaff.routes.js';
import { disclosuresRoutes } from './disclosures.routes.js';
import { notesRoutes } from './notes.routes.js';
import { recordsRoutes } from './records.routes.js';
import { retentionRoutes } from './retention.routes.js';
import { settingsRoutes } from './settings.routes.js';
import { staffRoutes } from './staff.routes.js';

/** The clinic's JSON API under /api. */
export function apiRoutes(deps: { clinic: Clinic; cookieSecure: boolean }): Router {
  const router = Router();
  router.use((_req, res, next) => {
    // Answers carry accounts and clinic records: no cache may keep them.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use(requireJsonForChanges);
  router.use(authRoutes(deps));
  // Who may reach what, once per request, before any route: the clinic's records are for
  // signed-in staff, the audit log for admins.
  router.use(['/cohorts', '/sessions', '/invites'], requireRole(deps.clinic, 'admin', 'facilitator'));
  router.use(['/audit', '/staff', '/disclosures', '/clinic/retention'], requireRole(deps.clinic, 'admin'));
  // Who leads a cohort is the admins' to say. Which cohorts a facilitator reaches is checked
  // per route by cohortScope.ts, once the record a route names is known.
  router.use('/cohorts/:cohortId/facilitators', requireRole(deps.clinic, 'admin'));
  // The clinic's settings: every staff member reads them, only admins change them. Its public
  // part (/clinic/info) needs no sign-in: participants' pages show it.
  router.get('/clinic/settings', requireRole(deps.clinic, 'admin', 'facilitator'));
  router.put('/clinic/settings', requireRole(deps.clinic, 'admin'));
  router.use(settingsRoutes(deps));
  router.use(clinicRoutes(deps));
  router.use(cohortStaffRoutes(deps));
  router.use(recordsRoutes(deps));
  router.use(notesRoutes(deps));
  router.use(staffRoutes(deps));
  router.use(disclosuresRoutes(deps));
  router.use(retentionRoutes(deps));
  // An unknown API path is a JSON 404, never the client's app shell.
  router.use((_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'no such route' } });
  });
  return router;
}
