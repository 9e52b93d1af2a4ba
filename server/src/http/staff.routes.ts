import { Router } from 'express';
import type { StaffMember } from '@hearth/shared';
import type { StaffAccount } from '../auth/Accounts.js';
import { ResetPasswordBody, StaffId } from '../auth/schemas.js';
import type { Clinic } from '../clinic/createClinic.js';
import { signedIn } from './guards.js';
import { NoFields, parseBody } from './parseBody.js';

const staffView = (a: StaffAccount): StaffMember => ({
  id: a.id,
  email: a.email,
  displayName: a.displayName,
  role: a.role,
  disabled: a.disabled,
  createdAt: new Date(a.createdAt).toISOString(),
});

/**
 * Admins manage staff accounts (api.routes.ts admits admins only): list them, disable and
 * enable them, give one a new password. Disabling and a new password end that person's
 * sign-ins and close their live connections at once.
 */
export function staffRoutes({ clinic }: { clinic: Clinic }): Router {
  const router = Router();
  const { accounts } = clinic;

  router.get('/staff', async (_req, res) => {
    res.json({ staff: (await accounts.list()).map(staffView) });
  });

  for (const [verb, disabled] of [['disable', true], ['enable', false]] as const) {
    router.post(`/staff/:staffId/${verb}`, async (req, res) => {
      const id = parseBody(StaffId, req.params['staffId']);
      parseBody(NoFields, req.body);
      const actor = signedIn(res).id;
      const account = await accounts.setDisabled(actor, id, disabled);
      await clinic.audited(disabled ? 'staff-disabled' : 'staff-enabled', actor, account.id);
      res.json({ staff: staffView(account) });
    });
  }

  router.post('/staff/:staffId/password', async (req, res) => {
    const id = parseBody(StaffId, req.params['staffId']);
    const { password } = parseBody(ResetPasswordBody, req.body);
    const actor = signedIn(res).id;
    const account = await accounts.resetPassword(actor, id, password);
    await clinic.audited('password-reset', actor, account.id);
    res.json({ staff: staffView(account) });
  });

  return router;
}
