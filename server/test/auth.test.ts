import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/startServer.js';
import { ADMIN, api, FACILITATOR, sessionCookieOf, staff } from './clinicApi.js';
import { startTestServer } from './harness.js';

const MIN = 60_000;
let now: number;
let server: RunningServer;

beforeEach(async () => {
  now = Date.parse('2025-03-03T12:00:00Z');
  server = await startTestServer({ HEARTH_SECRET: 'integration-test-secret-0123456789' }, { clock: () => now });
});
afterEach(async () => {
  await server?.close();
});

/** Another loopback address than the tests' usual 127.0.0.1: the server sees another client. */
const STRANGER = '127.0.0.2';
const login = (email: string, password: string, from?: string) =>
  api(server, 'POST', '/api/auth/login', { body: { email, password }, ...(from ? { from } : {}) });

describe('first-admin setup', () => {
  it('creates the first admin once, then answers 409', async () => {
    expect((await api(server, 'GET', '/api/setup')).body).toEqual({ setupNeeded: true });
    const first = await api(server, 'POST', '/api/setup/admin', { body: ADMIN });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ account: { id: expect.any(String), email: ADMIN.email, displayName: 'Ada', role: 'admin' } });
    const second = await api(server, 'POST', '/api/setup/admin', { body: { ...ADMIN, email: 'other@clinic.example' } });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: { code: 'ALREADY_EXISTS' } });
    expect((await api(server, 'GET', '/api/setup')).body).toEqual({ setupNeeded: false });
    expect(await server.clinic.store.accounts.count()).toBe(1);
  });

  it('refuses a password shorter than 12 characters and creates nothing', async () => {
    const res = await api(server, 'POST', '/api/setup/admin', { body: { ...ADMIN, password: 'elevenchars' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
    expect((await api(server, 'GET', '/api/setup')).body).toEqual({ setupNeeded: true });
  });
});

describe('sign-in', () => {
  beforeEach(async () => {
    await api(server, 'POST', '/api/setup/admin', { body: ADMIN });
  });

  it('sets an httpOnly, SameSite=Strict session cookie for 12 hours and returns the account', async () => {
    const res = await login(' Admin@Clinic.Example', ADMIN.password);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ account: { id: expect.any(String), email: ADMIN.email, displayName: 'Ada', role: 'admin' } });
    const [cookie] = res.setCookie;
    const attributes = (cookie ?? '').split('; ');
    expect(attributes[0]).toMatch(/^hearth_session=[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/', 'Max-Age=43200']));
    expect(attributes).not.toContain('Secure');
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrong = await login(ADMIN.email, 'not the password');
    const unknown = await login('nobody@clinic.example', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(wrong.setCookie).toEqual([]);
  });

  it('a stranger\'s 50 wrong guesses from one address do not stop the staff member signing in from another', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 50; i++) codes.push((await login(ADMIN.email, `wrong guess ${i}`, STRANGER)).status);
    // Five are checked and refused as wrong; the rest are refused at once, unchecked.
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(45);
    const refused = await login(ADMIN.email, ADMIN.password, STRANGER);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // Told when to try again: within the 15-minute window.
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(15 * 60);
    expect(refused.setCookie).toEqual([]);
    const fromHome = await login(ADMIN.email, ADMIN.password, '127.0.0.3');
    expect(fromHome.status).toBe(200);
    expect(fromHome.setCookie).toHaveLength(1);
  });

  // 30 real scrypt checks, two at a time: slow on a shared 2-core machine.
  it('refuses an address that tries many emails after 30 unsuccessful attempts, and only that address', { timeout: 60_000 }, async () => {
    const statuses: number[] = [];
    for (let wave = 0; wave < 4; wave++) {
      const tries = Array.from({ length: 10 }, (_, i) => login(`guess${wave}-${i}@clinic.example`, 'wrong password', STRANGER));
      statuses.push(...(await Promise.all(tries)).map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect((await login(ADMIN.email, ADMIN.password, '127.0.0.3')).status).toBe(200);
  });

  it('past the hashing queue, answers SERVER_BUSY at once; a staff member at a known address still gets in', { timeout: 60_000 }, async () => {
    expect((await login(ADMIN.email, ADMIN.password, '127.0.0.3')).status).toBe(200);
    const flood = Array.from({ length: 60 }, (_, i) => login(`guess${i}@clinic.example`, 'wrong password', `127.0.1.${i + 1}`));
    const mine = login(ADMIN.email, ADMIN.password, '127.0.0.3');
    const [answers, own] = await Promise.all([Promise.all(flood), mine]);
    expect(own.status).toBe(200);
    const busy = answers.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]?.body).toMatchObject({ error: { code: 'SERVER_BUSY' } });
    expect(busy[0]?.retryAfter).toBe('1');
    expect(answers.every((r) => r.status === 401 || r.status === 503)).toBe(true);
  });

  it('a success clears the count: four failures, a success, four more are still only wrong', async () => {
    for (let i = 0; i < 4; i++) await login(ADMIN.email, 'wrong guess');
    expect((await login(ADMIN.email, ADMIN.password)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(ADMIN.email, 'wrong guess')).status).toBe(401);
    expect((await login(ADMIN.email, ADMIN.password)).status).toBe(200);
  });

  it('/me answers with the cookie’s account, 401 without, after logout or after 12 hours', async () => {
    expect((await api(server, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await api(server, 'GET', '/api/auth/me', { cookie: 'hearth_session=forged' })).body).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
    const cookie = sessionCookieOf(await login(ADMIN.email, ADMIN.password));
    const me = await api(server, 'GET', '/api/auth/me', { cookie: `theme=dark; ${cookie}` });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ account: { email: ADMIN.email, role: 'admin' } });

    const logout = await api(server, 'POST', '/api/auth/logout', { cookie });
    expect(logout.status).toBe(204);
    expect(logout.setCookie[0]).toMatch(/^hearth_session=;.*Max-Age=0/);
    expect((await api(server, 'GET', '/api/auth/me', { cookie })).status).toBe(401);

    const later = sessionCookieOf(await login(ADMIN.email, ADMIN.password));
    now += 12 * 60 * MIN;
    expect((await api(server, 'GET', '/api/auth/me', { cookie: later })).status).toBe(401);
  });

  it('refuses a body that is not JSON with 415, and a malformed one with 400, counting no attempt', async () => {
    const form = await api(server, 'POST', '/api/auth/login', { raw: `email=${ADMIN.email}&password=x`, contentType: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    expect((await api(server, 'POST', '/api/auth/login', { raw: '{}', contentType: 'text/plain' })).status).toBe(415);
    expect((await api(server, 'POST', '/api/auth/login', { raw: '{}', contentType: null })).status).toBe(415);
    for (const body of [{}, { email: ADMIN.email }, { email: 42, password: 'x' }, [ADMIN.email], 'text', { ...ADMIN }]) {
      const res = await api(server, 'POST', '/api/auth/login', { body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
    }
    expect((await api(server, 'POST', '/api/auth/login', { raw: '{"email":' })).status).toBe(400);
    for (let i = 0; i < 4; i++) expect((await login(ADMIN.email, 'wrong guess')).status).toBe(401);
    expect((await login(ADMIN.email, ADMIN.password)).status).toBe(200);
  });

  it('marks the cookie Secure when COOKIE_SECURE=true', async () => {
    const secure = await startTestServer({ COOKIE_SECURE: 'true' });
    try {
      await api(secure, 'POST', '/api/setup/admin', { body: ADMIN });
      // As it arrives from the TLS proxy in front (https.test.ts: refused over plain http).
      const headers = { 'x-forwarded-proto': 'https' };
      const res = await api(secure, 'POST', '/api/auth/login', { body: { email: ADMIN.email, password: ADMIN.password }, headers });
      expect(res.setCookie[0]?.split('; ')).toContain('Secure');
    } finally {
      await secure.close();
    }
  });
});

describe('facilitator accounts', () => {
  it('an admin creates them; they can sign in', async () => {
    const { facilitator } = await staff(server);
    const me = await api(server, 'GET', '/api/auth/me', { cookie: facilitator });
    expect(me.body).toEqual({ account: { id: expect.any(String), email: FACILITATOR.email, displayName: 'Fran', role: 'facilitator' } });
  });

  it('is admin-only: 403 for a facilitator, 401 anonymous, and nothing is created', async () => {
    const { facilitator } = await staff(server);
    const body = { email: 'new@clinic.example', password: 'a new password 1', displayName: 'Nell' };
    const asFacilitator = await api(server, 'POST', '/api/facilitators', { body, cookie: facilitator });
    expect(asFacilitator.status).toBe(403);
    expect(asFacilitator.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await api(server, 'POST', '/api/facilitators', { body })).status).toBe(401);
    expect(await server.clinic.store.accounts.findByEmail('new@clinic.example')).toBeUndefined();
  });

  it('refuses a duplicate email, a malformed body and a smuggled role', async () => {
    const { admin } = await staff(server);
    const dup = await api(server, 'POST', '/api/facilitators', { body: { ...FACILITATOR, email: 'FAC@clinic.example' }, cookie: admin });
    expect(dup.status).toBe(409);
    for (const body of [{}, { ...FACILITATOR, email: 'not-an-email' }, { ...FACILITATOR, role: 'admin', email: 'x@clinic.example' }, null]) {
      const res = await api(server, 'POST', '/api/facilitators', { body, cookie: admin });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
    }
    expect(await server.clinic.store.accounts.count()).toBe(2);
  });

  it('refuses a cookie-authenticated change sent as a form (CSRF) with 415', async () => {
    const { admin } = await staff(server);
    const res = await api(server, 'POST', '/api/facilitators', {
      raw: 'email=evil%40x.org&password=aaaaaaaaaaaaaa&displayName=Eve',
      contentType: 'application/x-www-form-urlencoded',
      cookie: admin,
    });
    expect(res.status).toBe(415);
    expect(await server.clinic.store.accounts.count()).toBe(2);
  });
});

describe('the API', () => {
  it('answers an unknown path with a JSON 404, not the app shell, and is never cached', async () => {
    const res = await fetch(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'no such route' } });
  });
});
