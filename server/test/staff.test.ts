import { io as connect } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/startServer.js';
import { ADMIN, api, FACILITATOR, sessionCookieOf, staff, type ApiResponse } from './clinicApi.js';
import { connectClient, nextEvent, send, startTestServer, type TestSocket } from './harness.js';

/**
 * Staff accounts over the real server: admins list, disable, enable and reset; anyone changes
 * their own password; and whenever a sign-in ends, the live connections opened with it close.
 */
let server: RunningServer;
let cookies: { admin: string; facilitator: string };
const sockets: TestSocket[] = [];

beforeEach(async () => {
  server = await startTestServer();
  cookies = await staff(server);
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server?.close();
});

type StaffMember = { id: string; email: string; displayName: string; role: string; disabled: boolean; createdAt: string };

const get = (path: string, cookie?: string) => api(server, 'GET', path, cookie ? { cookie } : {});
const post = (path: string, body: unknown, cookie?: string) => api(server, 'POST', path, { body, ...(cookie ? { cookie } : {}) });
const login = (email: string, password: string) => post('/api/auth/login', { email, password });
const data = <T>(res: ApiResponse, status = 200): T => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body as T;
};
const staffList = async () => data<{ staff: StaffMember[] }>(await get('/api/staff', cookies.admin)).staff;
const facilitatorId = async () => (await staffList()).find((m) => m.email === FACILITATOR.email)!.id;

/** A session the facilitator made, to hold live connections to. */
async function sessionId(): Promise<string> {
  const { cohort } = data<{ cohort: { id: string } }>(await post('/api/cohorts', { name: 'Evening IOP', timeZone: 'UTC' }, cookies.facilitator), 201);
  const { session } = data<{ session: { id: string } }>(await post(`/api/cohorts/${cohort.id}/sessions`, { title: 'Monday' }, cookies.facilitator), 201);
  return session.id;
}

async function staffSocket(session: string, cookie: string): Promise<TestSocket> {
  const socket = await connectClient(server, { auth: { sessionId: session }, cookie });
  sockets.push(socket);
  return socket;
}

/** Resolves with the reason once the server closes this connection. */
const closed = (socket: TestSocket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));

/** What a fresh connection with this cookie is answered: 'connected' or the refusal's code. */
async function connectsWith(session: string, cookie: string): Promise<string> {
  const socket = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { sessionId: session }, extraHeaders: { cookie } });
  sockets.push(socket as TestSocket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) => resolve(err.data?.code ?? err.message));
  });
}

describe('the staff list', () => {
  it('shows admins every account; refuses facilitators (403) and strangers (401)', async () => {
    const list = await staffList();
    expect(list).toEqual([
      { id: expect.any(String), email: ADMIN.email, displayName: 'Ada', role: 'admin', disabled: false, createdAt: expect.any(String) },
      { id: expect.any(String), email: FACILITATOR.email, displayName: 'Fran', role: 'facilitator', disabled: false, createdAt: expect.any(String) },
    ]);
    expect(JSON.stringify(list)).not.toContain('scrypt');
    expect((await get('/api/staff', cookies.facilitator)).body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await get('/api/staff')).status).toBe(401);
  });
});

describe('disabling an account', () => {
  it('closes their live connection, ends their cookie and refuses their sign-in; enabling lets them sign in afresh', async () => {
    const session = await sessionId();
    const live = await staffSocket(session, cookies.facilitator);
    const told = nextEvent(live, 'session:closed');
    const gone = closed(live);
    const id = await facilitatorId();

    const disabled = data<{ staff: StaffMember }>(await post(`/api/staff/${id}/disable`, {}, cookies.admin));
    expect(disabled.staff).toMatchObject({ id, disabled: true });
    // Told why first, so the console asks them to sign in rather than to check their network.
    expect(await told).toEqual({ reason: 'signed-out' });
    expect(await gone).toBe('io server disconnect');
    expect((await get('/api/auth/me', cookies.facilitator)).status).toBe(401);
    expect(await connectsWith(session, cookies.facilitator)).toBe('UNAUTHENTICATED');
    const refused = await login(FACILITATOR.email, FACILITATOR.password);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(refused.setCookie).toEqual([]);
    // A wrong password is answered as for anyone: the account's state is told only to its owner.
    expect((await login(FACILITATOR.email, 'not the password')).body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });

    expect(data<{ staff: StaffMember }>(await post(`/api/staff/${id}/enable`, {}, cookies.admin)).staff.disabled).toBe(false);
    expect((await get('/api/auth/me', cookies.facilitator)).status).toBe(401);
    const again = sessionCookieOf(await login(FACILITATOR.email, FACILITATOR.password));
    expect(await connectsWith(session, again)).toBe('connected');
    const audit = data<{ entries: { action: string; targetId: string | null }[] }>(await get('/api/audit', cookies.admin)).entries;
    expect(audit.filter((e) => e.targetId === id).map((e) => e.action)).toEqual(expect.arrayContaining(['staff-disabled', 'staff-enabled']));
  });

  it('is refused for oneself (409), an unknown id (404), a malformed id or a body with fields (400), and for facilitators (403); nothing changes', async () => {
    const adminId = (await staffList()).find((m) => m.role === 'admin')!.id;
    const id = await facilitatorId();
    const before = await staffList();
    expect((await post(`/api/staff/${adminId}/disable`, {}, cookies.admin)).body).toMatchObject({ error: { code: 'INVALID_STATE' } });
    expect((await post('/api/staff/nobody/disable', {}, cookies.admin)).status).toBe(404);
    expect((await post(`/api/staff/${'x'.repeat(65)}/disable`, {}, cookies.admin)).status).toBe(400);
    expect((await post(`/api/staff/${id}/disable`, { disabled: true }, cookies.admin)).status).toBe(400);
    expect((await post(`/api/staff/${adminId}/disable`, {}, cookies.facilitator)).status).toBe(403);
    expect((await post(`/api/staff/${id}/disable`, {}, cookies.facilitator)).status).toBe(403);
    expect(await staffList()).toEqual(before);
    expect((await get('/api/auth/me', cookies.admin)).status).toBe(200);
  });
});

describe('signing out', () => {
  it('closes the connections opened with that sign-in, and not another browser’s', async () => {
    const session = await sessionId();
    const otherBrowser = sessionCookieOf(await login(FACILITATOR.email, FACILITATOR.password));
    const here = await staffSocket(session, cookies.facilitator);
    const there = await staffSocket(session, otherBrowser);
    const gone = closed(here);
    expect((await post('/api/auth/logout', {}, cookies.facilitator)).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    expect(await connectsWith(session, cookies.facilitator)).toBe('UNAUTHENTICATED');
    expect(there.connected).toBe(true);
    expect(await send(there, 'session:identity', {})).toMatchObject({ ok: true });
  });
});

describe('passwords', () => {
  it('an admin sets a new one: every sign-in ends and its connections close; the new password works, the old does not', async () => {
    const session = await sessionId();
    const live = await staffSocket(session, cookies.facilitator);
    const gone = closed(live);
    const id = await facilitatorId();
    expect((await post(`/api/staff/${id}/password`, { password: 'short' }, cookies.admin)).status).toBe(400);
    expect((await post(`/api/staff/${id}/password`, { password: 'a new password 2' }, cookies.facilitator)).status).toBe(403);
    expect(live.connected).toBe(true);
    const adminId = (await staffList()).find((m) => m.role === 'admin')!.id;
    expect((await post(`/api/staff/${adminId}/password`, { password: 'a new password 2' }, cookies.admin)).status).toBe(409);

    expect(data<{ staff: StaffMember }>(await post(`/api/staff/${id}/password`, { password: 'a new password 2' }, cookies.admin)).staff.id).toBe(id);
    expect(await gone).toBe('io server disconnect');
    expect((await get('/api/auth/me', cookies.facilitator)).status).toBe(401);
    expect((await login(FACILITATOR.email, FACILITATOR.password)).status).toBe(401);
    expect((await login(FACILITATOR.email, 'a new password 2')).status).toBe(200);
  });

  it('anyone changes their own with the current one: other browsers are signed out, this one carries on', async () => {
    const session = await sessionId();
    const otherBrowser = sessionCookieOf(await login(FACILITATOR.email, FACILITATOR.password));
    const here = await staffSocket(session, cookies.facilitator);
    const there = await staffSocket(session, otherBrowser);
    const body = { currentPassword: FACILITATOR.password, newPassword: 'a fresh passphrase' };

    const wrong = await post('/api/auth/password', { ...body, currentPassword: 'not my password' }, cookies.facilitator);
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await post('/api/auth/password', { ...body, newPassword: 'short' }, cookies.facilitator)).status).toBe(400);
    expect((await post('/api/auth/password', body)).status).toBe(401);
    expect((await get('/api/auth/me', otherBrowser)).status).toBe(200);

    const gone = closed(there);
    const changed = await post('/api/auth/password', body, cookies.facilitator);
    expect(changed.status).toBe(204);
    const fresh = sessionCookieOf(changed);
    expect(await gone).toBe('io server disconnect');
    expect((await get('/api/auth/me', otherBrowser)).status).toBe(401);
    expect((await get('/api/auth/me', cookies.facilitator)).status).toBe(401);
    expect(data<{ account: { email: string } }>(await get('/api/auth/me', fresh)).account.email).toBe(FACILITATOR.email);
    expect(await send(here, 'session:identity', {})).toMatchObject({ ok: true });
    expect((await login(FACILITATOR.email, FACILITATOR.password)).status).toBe(401);
    expect((await login(FACILITATOR.email, 'a fresh passphrase')).status).toBe(200);
  });
});
