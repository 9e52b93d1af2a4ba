import { Router } from 'express';
import { clearedSessionCookie, parseCookies, SESSION_COOKIE, sessionCookie } from '../auth/cookies.js';
import { requireRole, signedIn } from './guards.js';
import { LoginBody, NewAccountBody } from '../auth/schemas.js';
import type { Clinic } from '../clinic/createClinic.js';
import { NoFields, parseBody } from './parseBody.js';
import { requireHttpsForSecureCookie } from './secureTransport.js';

export type AuthRouteDeps = { clinic: Clinic; cookieSecure: boolean };

/** First-admin setup, staff sign-in and sign-out, and facilitator accounts. */
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
    const { account, token } = await accounts.login(email, password);
    await clinic.audited('signed-in', account.id, account.id);
    res.setHeader('Set-Cookie', sessionCookie(token, cookieSecure));
    res.json({ account });
  });

  router.post('/auth/logout', async (req, res) => {
    parseBody(NoFields, req.body);
    await accounts.logout(parseCookies(req.headers.cookie).get(SESSION_COOKIE));
    res.setHeader('Set-Cookie', clearedSessionCookie(cookieSecure));
    res.status(204).end();
  });

  router.get('/auth/me', requireRole(clinic, 'admin', 'facilitator'), (_req, res) => {
    res.json({ account: signedIn(res) });
  });

  router.post('/facilitators', requireRole(clinic, 'admin'), async (req, res) => {
    const body = parseBody(NewAccountBody, req.body);
    const account = await accounts.create({ ...body, role: 'facilitator' });
    await clinic.audited('facilitator-created', signedIn(res).id, account.id);
    res.status(201).json({ account });
  });

  return router;
}
