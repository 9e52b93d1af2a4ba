import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionView } from '@hearth/shared';
import { consent } from '@hearth/shared/testing';
import { api, sessionCookieOf } from './clinicApi.js';
import { call, memberClient, send } from './harness.js';
import { startRedis, type TestRedis } from '../src/testing/redisServer.js';
import { startServerProcess, type ServerProcess } from './serverProcess.js';

// Two Hearth nodes (two processes) sharing one Redis, as behind a load balancer.
let redis: TestRedis;
let a: ServerProcess;
let b: ServerProcess;
const open: Socket[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const shared = { REDIS_URL: redis.url, HEARTH_SECRET: 'y'.repeat(40) };
  [a, b] = await Promise.all([startServerProcess(shared), startServerProcess(shared)]);
}, 30_000);
afterAll(async () => {
  for (const s of open) s.disconnect();
  await Promise.all([a?.kill(), b?.kill()]);
  await redis?.destroy();
});

const admin = { email: 'ada@clinic.example', password: 'admin password 123', displayName: 'Ada' };

/** A member as a facilitator's snapshot shows them. */
function memberOf(view: SessionView | undefined, name: string) {
  return view?.kind === 'facilitator' ? view.members.find((m) => m.displayName === name) : undefined;
}

function client(node: ServerProcess | string, auth: Record<string, string>, cookie?: string) {
  const c = memberClient(typeof node === 'string' ? node : node.url, { auth, cookie });
  open.push(c.socket);
  return c;
}

describe('two nodes, one Redis', () => {
  it('share the clinic\'s records; a session runs on one node and a member who reaches the other is sent there; a change made on one node reaches clients on the other', async () => {
    // Staff set up on node A; node B knows the account and the session at once.
    expect((await api(a, 'POST', '/api/setup/admin', { body: admin })).status).toBe(201);
    const cookie = sessionCookieOf(await api(b, 'POST', '/api/auth/login', { body: { email: admin.email, password: admin.password } }));
    const post = async <T>(node: ServerProcess, path: string, body?: unknown) => (await api(node, 'POST', path, { body, cookie })).body as T;
    const { cohort } = await post<{ cohort: { id: string } }>(a, '/api/cohorts', { name: 'Evening IOP', timeZone: 'UTC' });
    for (const pseudonym of ['Alex', 'Blake']) await post(b, `/api/cohorts/${cohort.id}/members`, { pseudonym });
    const { session } = await post<{ session: { id: string } }>(b, `/api/cohorts/${cohort.id}/sessions`, { title: 'Monday' });
    const invites = (await post<{ jti: string; pseudonym: string; url: string }[]>(a, `/api/sessions/${session.id}/invites`)).map((i) => ({
      ...i,
      token: i.url.replace(/^\/join\//, ''),
    }));

    // The facilitator reaches node A first: the session runs there.
    const f = client(a, { sessionId: session.id }, cookie);
    expect((await call(f.socket, 'session:identity', {})).node).toBeUndefined();
    await call(f.socket, 'session:enter', { consent: null });

    // Alex reaches node B: told where the session runs, and refused there.
    const onB = client(b, { invite: invites[0]!.token });
    const identity = await call(onB.socket, 'session:identity', {});
    expect(identity.node).toBe(a.url);
    expect(await send(onB.socket, 'session:enter', { consent })).toMatchObject({ ok: false, error: { code: 'WRONG_NODE' } });
    // Following that, Alex enters on A; the facilitator sees Alex waiting and admits; Alex is in.
    const alex = client(identity.node!, { invite: invites[0]!.token });
    await call(alex.socket, 'session:enter', { consent });
    await expect.poll(() => memberOf(f.latest(), 'Alex')?.status).toBe('waiting');
    await call(f.socket, 'session:command', { type: 'admitAll' });
    await expect.poll(() => alex.latest()?.kind).toBe('participant');

    // Staff on node B revoke Alex's link: Alex's connection on node A closes (the adapter
    // carries it) and the facilitator on A sees Alex reconnecting.
    const closed = new Promise<void>((resolve) => alex.socket.once('disconnect', () => resolve()));
    expect((await api(b, 'POST', `/api/invites/${invites[0]!.jti}/revoke`, { body: {}, cookie })).status).toBe(200);
    await closed;
    await expect
      .poll(() => memberOf(f.latest(), 'Alex')?.connected)
      .toBe(false);
    // And the link no longer works on either node.
    for (const node of [a, b]) {
      const again = io(node.url, { transports: ['websocket'], reconnection: false, auth: { invite: invites[0]!.token } });
      open.push(again);
      const refused = await new Promise<unknown>((resolve) => again.once('connect_error', (err: Error & { data?: unknown }) => resolve(err.data)));
      expect(refused).toEqual({ code: 'INVITE_REVOKED' });
    }
  }, 40_000);

  it('share sign-in throttling, and an account disabled on one node loses its connection on the other', async () => {
    // Five wrong guesses on node A; the sixth, on node B, is refused unchecked.
    const guess = (node: ServerProcess) => api(node, 'POST', '/api/auth/login', { body: { email: 'nobody@clinic.example', password: 'a wrong guess' } });
    for (let i = 0; i < 5; i++) expect((await guess(a)).status).toBe(401);
    expect((await guess(b)).body).toMatchObject({ error: { code: 'RATE_LIMITED' } });

    const adminCookie = sessionCookieOf(await api(b, 'POST', '/api/auth/login', { body: { email: admin.email, password: admin.password } }));
    const fran = { email: 'fran@clinic.example', password: 'facilitator pass 1', displayName: 'Fran' };
    const { account } = (await api(b, 'POST', '/api/facilitators', { body: fran, cookie: adminCookie })).body as { account: { id: string } };
    const cookie = sessionCookieOf(await api(a, 'POST', '/api/auth/login', { body: { email: fran.email, password: fran.password } }));
    const post = async <T>(path: string, body: unknown) => (await api(a, 'POST', path, { body, cookie })).body as T;
    const { cohort } = await post<{ cohort: { id: string } }>('/api/cohorts', { name: 'Tuesday IOP', timeZone: 'UTC' });
    const { session } = await post<{ session: { id: string } }>(`/api/cohorts/${cohort.id}/sessions`, { title: 'Tuesday' });
    const f = client(a, { sessionId: session.id }, cookie);
    await call(f.socket, 'session:identity', {});

    const closed = new Promise<string>((resolve) => f.socket.once('disconnect', resolve));
    expect((await api(b, 'POST', `/api/staff/${account.id}/disable`, { body: {}, cookie: adminCookie })).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
    expect((await api(a, 'GET', '/api/auth/me', { cookie })).status).toBe(401);
  }, 40_000);
});
