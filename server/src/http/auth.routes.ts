import { Router } from 'express';
import { clearedSessionCookie, parseCookies, SESSION_COOKIE, sessionCookie } from '../auth/cookies.js';
import { requireRole, signedIn } from './guards.js';
import { ChangePasswordBody, LoginBody, NewAccountBody } from '../auth/schemas.js';
import { clientAddress } from './clientAddress.js';
import type { Clinic } from '../clinic/createClinic.js';
import { NoFields, parseBody } from './parseBody.js';
import { requireHttpsForSecureCookie } from './secureTransport.js';

export type AuthRouteDeps = { clinic: Clinic; cookieSecure: boolean };

/** First-admin setup, staff sign-in and sign-out, changing one's own password, and facilitator accounts. */
export function authRoutes({ clinic, cookieSecure }: AuthRouteDeps): Router {
  const router = Router();
  const { accounts } = clinic;

  /** Lets the setup page know whether it still has a job. */
  router.get('/setup', async (_req, res) => {
    res.json({ setupNeeded: (await clinic.store.accounts.count()) === 0 });
  });

  router.post('/setup/admin', async (req, res) => {
    const body = parseBody(NewAccountBody, req.body);
    const account = await accounts.setupFirstAdmin(body);
    await clinic.audited('admin-created', null, account.id);
    res.status(201).json({ account });
  });

  router.post('/auth/login', requireHttpsForSecureCookie(cookieSecure), async (req, res) => {
    const { email, password } = parseBody(LoginBody, req.body);
    const { account, token } = await accounts.login(email, password, clientAddress(req));
    await clinic.audited('signed-in', account.id, account.id);
    res.setHeader('Set-Cookie', sessionCookie(token, cookieSecure));
    res.json({ account });
  });

  router.post('/auth/logout', async (req, res) => {
    parseBody(NoFields, req.body);
    // Its live connections (a session console) close too, wherever they are.
    const ended = await accounts.logout(parseCookies(req.headers.cookie).get(SESSION_COOKIE));
    if (ended) await clinic.audited('signed-out', ended.account.id, ended.account.id);
    res.setHeader('Set-Cookie', clearedSessionCookie(cookieSecure));
    res.status(204).end();
  });

  router.get('/auth/me', requireRole(clinic, 'admin', 'facilitator'), (_req, res) => {
    res.json({ account: signedIn(res) });
  });

  /** The current password is required; the staff member's other sign-ins end, this browser gets a fresh cookie. */
  router.post('/auth/password', requireRole(clinic, 'admin', 'facilitator'), async (req, res) => {
    const { currentPassword, newPassword } = parseBody(ChangePasswordBody, req.body);
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    const changed = await accounts.changePassword(token, currentPassword, newPassword, clientAddress(req));
    await clinic.audited('password-changed', changed.account.id, changed.account.id);
    res.setHeader('Set-Cookie', sessionCookie(changed.token, cookieSecure));
    res.status(204).end();
  });

  router.post('/facilitators', requireRole(clinic, 'admin'), async (req, res) => {
    const body = parseBody(NewAccountBody, req.body);
    const account = await accounts.create({ ...body, role: 'facilitator' });
    await clinic.audited('facilitator-created', signedIn(res).id, account.id);
    res.status(201).json({ account });
  });

  return router;
}
