import { Router } from 'express';
import { ClinicInfo, RetentionSettings } from '@hearth/shared';
import { signedIn } from './guards.js';
import type { Clinic } from '../clinic/createClinic.js';
import { parseBody } from './parseBody.js';

/**
 * The clinic's name and crisis resources. api.routes.ts guards the staff routes (read: any
 * staff member; change: admins); the public read is what participants' pages show, before
 * and without any sign-in, and holds nothing private.
 */
export function settingsRoutes({ clinic }: { clinic: Clinic }): Router {
  const router = Router();

  router.get('/clinic/info', async (_req, res) => {
    res.json(await clinic.info());
  });

  router.get('/clinic/settings', async (_req, res) => {
    res.json(await clinic.info());
  });

  router.put('/clinic/settings', async (req, res) => {
    const info = parseBody(ClinicInfo, req.body);
    await clinic.store.settings.set(info);
    // Who changed them and when; what they now say is on the settings page for anyone to read.
    await clinic.audited('clinic-settings-changed', signedIn(res).id, null);
    res.json(await clinic.info());
  });

  // The retention period (admins only): records of sessions that ended longer ago may be purged (retention.routes.ts).
  router.get('/clinic/retention', async (_req, res) => {
    res.json(await clinic.retention.get());
  });

  router.put('/clinic/retention', async (req, res) => {
    const settings = parseBody(RetentionSettings, req.body);
    await clinic.retention.set(settings);
    await clinic.audited(`retention-changed:${settings.months ?? 'none'}`, signedIn(res).id, null);
    res.json(await clinic.retention.get());
  });

  return router;
}
