import { beforeAll, describe, expect, it } from 'vitest';
import { consent, FACILITATOR_COMMAND_EXAMPLES } from '@hearth/shared/testing';
import { apiRoutes } from '../src/http/api.routes.js';
import type { RunningServer } from '../src/startServer.js';
import { ADMIN, api, FACILITATOR, sessionCookieOf, staff } from './clinicApi.js';
import { call, connectClient, send, serverForFile, type TestSocket } from './harness.js';
import { apiRouteList } from './routeList.js';

/**
 * Staff reach only their cohorts (issue 12, item 3). Every clinic API route, found in the
 * Express router itself, and the socket's way into a session, tried as an admin, the
 * cohort's facilitator, another cohort's facilitator and another cohort's participant. A
 * refusal must say so (status, code) and change nothing in the store.
 */
let server: RunningServer;
const track = serverForFile((started) => (server = started));

type Caller = 'admin' | 'assigned' | 'unassigned' | 'participant';
const CALLERS: Caller[] = ['participant', 'unassigned', 'assigned', 'admin'];
const UMA = { email: 'uma@clinic.example', password: 'another facilitator 1', displayName: 'Uma' };

/**
 * Cohort A is led by Fran (the "assigned" facilitator), cohort B by Uma ("unassigned" for A);
 * the admin created both. Zed is a participant of B. Every request below aims at cohort A.
 */
type Fixture = {
  cookies: Record<Exclude<Caller, 'participant'>, string>;
  passwords: Record<Exclude<Caller, 'participant'>, { email: string; password: string }>;
  fran: string;
  uma: string;
  /** A facilitator account the admin's staff calls act on (disable, enable, a new password). */
  spare: string;
  a: { cohortId: string; sessionId: string; alex: string; blake: string; blakeJti: string };
  b: { cohortId: string; sessionId: string; zed: string };
};
let f: Fixture;

const signIn = async (who: { email: string; password: string }) =>
  sessionCookieOf(await api(server, 'POST', '/api/auth/login', { body: { email: who.email, password: who.password } }));

async function ok<T>(res: Promise<{ status: number; body: unknown }>, status = 200): Promise<T> {
  const answer = await res;
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body as T;
}

beforeAll(async () => {
  const { admin, facilitator } = await staff(server);
  await ok(api(server, 'POST', '/api/facilitators', { body: UMA, cookie: admin }), 201);
  const spareAccount = { email: 'sam@clinic.example', password: 'a spare facilitator 1', displayName: 'Sam' };
  const spare = (await ok<{ account: { id: string } }>(api(server, 'POST', '/api/facilitators', { body: spareAccount, cookie: admin }), 201)).account.id;
  const uma = await signIn(UMA);
  const idOf = async (cookie: string) => (await ok<{ account: { id: string } }>(api(server, 'GET', '/api/auth/me', { cookie }))).account.id;
  const as = (method: string, path: string, body?: unknown, status = 200) => ok<Record<string, unknown>>(api(server, method, path, { body, cookie: admin }), status);

  const cohort = async (name: string, lead: string, members: string[]) => {
    const { cohort: made } = (await as('POST', '/api/cohorts', { name, timeZone: 'America/Chicago' }, 201)) as { cohort: { id: string } };
    await as('PUT', `/api/cohorts/${made.id}/facilitators`, { facilitatorIds: [lead] });
    const ids = [];
    for (const pseudonym of members) ids.push(((await as('POST', `/api/cohorts/${made.id}/members`, { pseudonym, contact: '555-0100' }, 201)) as { member: { id: string } }).member.id);
    const { session } = (await as('POST', `/api/cohorts/${made.id}/sessions`, { title: 'Evening group' }, 201)) as { session: { id: string } };
    const invites = (await ok<{ jti: string; memberId: string }[]>(api(server, 'POST', `/api/sessions/${session.id}/invites`, { cookie: admin }), 201));
    return { cohortId: made.id, sessionId: session.id, ids, invites };
  };
  const fran = await idOf(facilitator);
  const umaId = await idOf(uma);
  const a = await cohort('Evening IOP', fran, ['Alex', 'Blake']);
  const b = await cohort('Morning DBT', umaId, ['Zed']);
  await as('PUT', `/api/cohorts/${a.cohortId}/schedule`, { schedule: { weekdays: [1, 3], startTime: '18:00', durationMinutes: 180 } });
  f = {
    cookies: { admin, assigned: facilitator, unassigned: uma },
    passwords: { admin: ADMIN, assigned: FACILITATOR, unassigned: UMA },
    fran,
    uma: umaId,
    spare,
    a: { cohortId: a.cohortId, sessionId: a.sessionId, alex: a.ids[0]!, blake: a.ids[1]!, blakeJti: a.invites.find((i) => i.memberId === a.ids[1])!.jti },
    b: { cohortId: b.cohortId, sessionId: b.sessionId, zed: b.ids[0]! },
  };
});

/**
 * Who may call a route. `cohort`: its cohort's facilitators and the admins; `cohort-admin`:
 * admins only, of a cohort's own things; `admin`: admins only; `staff`: any signed-in staff
 * member (nothing of one cohort in it); `public`: anyone. `expect` pins statuses outright,
 * for routes whose answer does not depend on who asks.
 */
type Row = {
  scope?: 'cohort' | 'cohort-admin' | 'admin' | 'staff' | 'public';
  /** The status of an allowed call (200 unless said). */
  status?: number;
  expect?: Record<Caller, number>;
  body?: () => unknown;
  query?: string;
  /** The call signs itself out: it gets a sign-in of its own. */
  freshSignIn?: boolean;
};

let unique = 0;
const everyone = (status: number): Record<Caller, number> => ({ admin: status, assigned: status, unassigned: status, participant: status });

/** Every API route, by `METHOD /api/path` as Express has it. A route missing here fails the test. */
const ROWS: Record<string, Row> = {
  'GET /api/setup': { scope: 'public' },
  'POST /api/setup/admin': { expect: everyone(409), body: () => ({ email: 'second@clinic.example', password: 'a second admin 123', displayName: 'Second' }) },
  // An unknown email: a wrong password for a real one would count towards locking it out.
  'POST /api/auth/login': { expect: everyone(401), body: () => ({ email: 'nobody@clinic.example', password: 'not the password' }) },
  'POST /api/auth/logout': { expect: everyone(204), freshSignIn: true },
  'GET /api/auth/me': { scope: 'staff' },
  'POST /api/facilitators': { scope: 'admin', status: 201, body: () => ({ email: `new${++unique}@clinic.example`, password: 'a new facilitator 1', displayName: 'New' }) },
  'GET /api/clinic/info': { scope: 'public' },
  'GET /api/clinic/settings': { scope: 'staff' },
  'PUT /api/clinic/settings': { scope: 'admin', body: () => ({ name: 'Lakeside', country: 'US', crisisResources: [{ label: '988', kind: 'call', value: '988' }] }) },
  'POST /api/cohorts': { scope: 'staff', status: 201, body: () => ({ name: `Their own ${++unique}`, timeZone: 'UTC' }) },
  'GET /api/cohorts': { scope: 'staff' },
  'POST /api/cohorts/:cohortId/members': { scope: 'cohort', status: 201, body: () => ({ pseudonym: 'Casey', contact: 'casey@home.example' }) },
  'GET /api/cohorts/:cohortId/members': { scope: 'cohort' },
  'PUT /api/cohorts/:cohortId/never-pairs': { scope: 'cohort', body: () => ({ pairs: [[f.a.alex, f.a.blake]] }) },
  'PUT /api/cohorts/:cohortId/billing': { scope: 'cohort', body: () => ({ billing: { preset: 'H0015', dailyMinimumMinutes: 180, weeklyMinimumMinutes: null, weeklyMinimumDays: 3, groupSizeCap: null, cameraOffFlagMinutes: null } }) },
  'PUT /api/cohorts/:cohortId/schedule': { scope: 'cohort', body: () => ({ schedule: { weekdays: [1, 3, 4], startTime: '18:00', durationMinutes: 180 } }) },
  'PUT /api/cohorts/:cohortId/camera-off-flag': { scope: 'cohort', body: () => ({ cameraOffFlagMinutes: 5 }) },
  'POST /api/cohorts/:cohortId/sessions/scheduled': { scope: 'cohort', status: 201, body: () => ({ weeks: 1 }) },
  'POST /api/cohorts/:cohortId/sessions': { scope: 'cohort', status: 201, body: () => ({ title: 'Extra group' }) },
  'GET /api/cohorts/:cohortId/sessions': { scope: 'cohort' },
  'GET /api/cohorts/:cohortId/facilitators': { scope: 'cohort-admin' },
  'PUT /api/cohorts/:cohortId/facilitators': { scope: 'cohort-admin', body: () => ({ facilitatorIds: [f.fran] }) },
  'GET /api/cohorts/:cohortId/attendance': { scope: 'cohort', query: '?from=2020-01-01&to=2020-12-31' },
  'GET /api/cohorts/:cohortId/attendance.csv': { scope: 'cohort', query: '?from=2020-01-01&to=2020-12-31&recipient=Acme&purpose=Review' },
  'GET /api/cohorts/:cohortId/billing-days': { scope: 'cohort', query: '?from=2020-01-01&to=2020-12-31&recipient=Acme%20Health&purpose=claims' },
  'GET /api/cohorts/:cohortId/billing-days.csv': { scope: 'cohort', query: '?from=2020-01-01&to=2020-12-31&recipient=Acme%20Health&purpose=claims' },
  'GET /api/cohorts/:cohortId/members/:memberId/billing-days': { scope: 'cohort', query: '?from=2020-01-01&to=2020-12-31&recipient=Acme%20Health&purpose=claims' },
  'GET /api/cohorts/:cohortId/members/:memberId/billing-days.csv': { scope: 'cohort', query: '?from=2020-01-01&to=2020-12-31&recipient=Acme%20Health&purpose=claims' },
  'GET /api/sessions/:sessionId': { scope: 'cohort' },
  'POST /api/sessions/:sessionId/invites': { scope: 'cohort', status: 201 },
  'GET /api/sessions/:sessionId/invites': { scope: 'cohort' },
  'POST /api/sessions/:sessionId/members/:memberId/invite': { scope: 'cohort', status: 201 },
  'GET /api/sessions/:sessionId/attendance': { scope: 'cohort' },
  'GET /api/sessions/:sessionId/attendance.csv': { scope: 'cohort', query: '?recipient=Acme&purpose=Review' },
  'POST /api/invites/:jti/revoke': { scope: 'cohort' },
  // Group notes (GNOTE3). Signing, co-signing and addenda are not repeatable, so the matrix sends
  // them empty: whoever reaches the route gets past the scope to the body's check (400).
  'GET /api/cohorts/:cohortId/notes-settings': { scope: 'cohort' },
  'PUT /api/cohorts/:cohortId/notes-settings': { scope: 'cohort-admin', body: () => ({ template: 'DAP', coSign: false }) },
  'GET /api/sessions/:sessionId/notes': { scope: 'cohort' },
  'PUT /api/sessions/:sessionId/notes/group': { scope: 'cohort', body: () => ({ topic: 'Check-in' }) },
  'GET /api/sessions/:sessionId/notes/:memberId': { scope: 'cohort' },
  'PUT /api/sessions/:sessionId/notes/:memberId': { scope: 'cohort', body: () => ({ individual: { template: 'DAP', data: 'Engaged.' } }) },
  'POST /api/sessions/:sessionId/notes/:memberId/sign': { expect: { admin: 400, assigned: 400, unassigned: 403, participant: 401 }, body: () => ({}) },
  'POST /api/sessions/:sessionId/notes/:memberId/addenda': { expect: { admin: 400, assigned: 400, unassigned: 403, participant: 401 }, body: () => ({}) },
  'POST /api/sessions/:sessionId/notes/:memberId/co-sign': { expect: { admin: 400, assigned: 400, unassigned: 403, participant: 401 }, body: () => ({}) },
  'GET /api/sessions/:sessionId/notes.pdf': { scope: 'cohort', query: '?recipient=Payer&purpose=billing' },
  'GET /api/sessions/:sessionId/notes.json': { scope: 'cohort', query: '?recipient=Payer&purpose=billing' },
  'GET /api/sessions/:sessionId/notes/:memberId/note.pdf': { scope: 'cohort', query: '?recipient=Payer&purpose=billing' },
  'GET /api/sessions/:sessionId/notes/:memberId/note.json': { scope: 'cohort', query: '?recipient=Payer&purpose=billing' },
  'GET /api/audit': { scope: 'admin' },
  'GET /api/staff': { scope: 'admin' },
  'POST /api/staff/:staffId/disable': { scope: 'admin' },
  'POST /api/staff/:staffId/enable': { scope: 'admin' },
  'POST /api/staff/:staffId/password': { scope: 'admin', body: () => ({ password: 'a reset password 12' }) },
  // Any staff member reaches it; the wrong current password is refused (its success: staff.test.ts).
  'POST /api/auth/password': {
    expect: { participant: 401, unassigned: 403, assigned: 403, admin: 403 },
    body: () => ({ currentPassword: 'not the current one', newPassword: 'a brand new password 1' }),
  },
  'GET /api/audit/verify': { scope: 'admin' },
  'GET /api/disclosures/accounting': { scope: 'admin', query: '?memberId=:memberId&from=2020-01-01&to=2020-12-31' },
  'GET /api/disclosures/accounting.csv': { scope: 'admin', query: '?memberId=:memberId&from=2020-01-01&to=2020-12-31' },
  'GET /api/clinic/retention': { scope: 'admin' },
  'PUT /api/clinic/retention': { scope: 'admin', body: () => ({ months: null }) },
  'GET /api/clinic/retention/preview': { scope: 'admin' },
  // With no retention period set, an admin's purge is refused as well (its success: retention.test.ts).
  'POST /api/clinic/retention/purge': { expect: { admin: 409, assigned: 403, unassigned: 403, participant: 401 }, body: () => ({ before: '2020-01-01T00:00:00Z' }) },
};

function expected(row: Row): Record<Caller, number> {
  if (row.expect) return row.expect;
  const allowed = row.status ?? 200;
  switch (row.scope) {
    case 'cohort':
      return { admin: allowed, assigned: allowed, unassigned: 403, participant: 401 };
    case 'cohort-admin':
    case 'admin':
      return { admin: allowed, assigned: 403, unassigned: 403, participant: 401 };
    case 'staff':
      return { admin: allowed, assigned: allowed, unassigned: allowed, participant: 401 };
    case 'public':
      return everyone(allowed);
    case undefined:
      throw new Error('a row needs a scope or expect');
  }
}

/** Cohort A's ids in place of the route's parameters. */
const fill = (path: string) =>
  path.replace(':cohortId', f.a.cohortId).replace(':sessionId', f.a.sessionId).replace(':memberId', f.a.alex).replace(':jti', f.a.blakeJti).replace(':staffId', f.spare);

/** Like the staff pages' fetch, but keeps a CSV answer as text. */
async function request(method: string, path: string, cookie: string | undefined, body: unknown) {
  const headers: Record<string, string> = {};
  if (cookie) headers['cookie'] = cookie;
  if (method !== 'GET') headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, { method, headers, body: method === 'GET' ? undefined : JSON.stringify(body ?? {}) });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('application/json') && text ? (JSON.parse(text) as unknown) : undefined;
  return { status: res.status, json, text };
}

/** Everything a request could change: every cohort's records, staff, invites, accounts, settings, audit log. */
async function everything() {
  const { store, audit } = server.clinic;
  const cohorts = await Promise.all(
    (await store.cohorts.list()).map(async (cohort) => {
      const sessions = await store.sessions.listByCohort(cohort.id);
      return {
        cohort,
        members: await store.members.listByCohort(cohort.id),
        staff: await store.cohortStaff.staffOf(cohort.id),
        sessions,
        invites: await Promise.all(sessions.map((s) => store.invites.listBySession(s.id))),
      };
    }),
  );
  return { cohorts, accounts: await store.accounts.list(), settings: await store.settings.get(), audit: (await audit.all()).length };
}

describe('every clinic API route, by who calls it', () => {
  it('the matrix names every route the API has, and no route it lacks', () => {
    const routes = apiRouteList(apiRoutes({ clinic: server.clinic, cookieSecure: false }), '/api');
    expect(routes.filter((r) => !(r in ROWS)), 'routes with no row: add one, and give the route the check its row says').toEqual([]);
    expect(Object.keys(ROWS).filter((r) => !routes.includes(r)), 'rows for routes that are gone').toEqual([]);
  });

  for (const [route, row] of Object.entries(ROWS)) {
    it(`${route}: ${JSON.stringify(expected(row))}`, async () => {
      const [method, pattern] = route.split(' ') as [string, string];
      const path = fill(pattern + (row.query ?? ''));
      const wanted = expected(row);
      // The refused first, so nothing an allowed call did can hide what a refused one did.
      for (const caller of CALLERS) {
        const cookie = caller === 'participant' ? undefined : row.freshSignIn ? await signIn(f.passwords[caller]) : f.cookies[caller];
        const before = await everything();
        const res = await request(method, path, cookie, row.body?.());
        expect(res.status, `${caller}: ${res.text.slice(0, 200)}`).toBe(wanted[caller]);
        if (res.status < 300) continue;
        // A refusal says why in a code, carries nothing else, and changes nothing.
        expect(res.json, caller).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
        if (res.status === 401 && route !== 'POST /api/auth/login') expect(res.json).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
        if (res.status === 403) expect(res.json).toMatchObject({ error: { code: 'FORBIDDEN' } });
        expect(await everything(), `${caller} changed something`).toEqual(before);
      }
    });
  }

  it('lists each facilitator only the cohorts they lead; admins see every cohort', async () => {
    const names = async (cookie: string) =>
      (await ok<{ cohorts: { id: string }[] }>(api(server, 'GET', '/api/cohorts', { cookie }))).cohorts.map((c) => c.id);
    expect(await names(f.cookies.admin)).toEqual(expect.arrayContaining([f.a.cohortId, f.b.cohortId]));
    expect(await names(f.cookies.assigned)).toContain(f.a.cohortId);
    expect(await names(f.cookies.assigned)).not.toContain(f.b.cohortId);
    expect(await names(f.cookies.unassigned)).toContain(f.b.cohortId);
    expect(await names(f.cookies.unassigned)).not.toContain(f.a.cohortId);
  });

  it('an admin picks a cohort’s facilitators from the facilitator accounts only', async () => {
    const path = `/api/cohorts/${f.a.cohortId}/facilitators`;
    const { facilitators } = await ok<{ facilitators: { id: string; displayName: string; assigned: boolean }[] }>(api(server, 'GET', path, { cookie: f.cookies.admin }));
    expect(facilitators.filter((x) => x.assigned).map((x) => x.displayName)).toEqual([FACILITATOR.displayName]);
    expect(facilitators.map((x) => x.displayName)).toContain(UMA.displayName);
    expect(facilitators.map((x) => x.displayName)).not.toContain(ADMIN.displayName);
    const adminId = (await ok<{ account: { id: string } }>(api(server, 'GET', '/api/auth/me', { cookie: f.cookies.admin }))).account.id;
    const before = await everything();
    for (const body of [{ facilitatorIds: [f.fran, adminId] }, { facilitatorIds: ['nobody'] }, { facilitatorIds: f.fran }, { facilitatorIds: [], extra: 1 }]) {
      const res = await api(server, 'PUT', path, { body, cookie: f.cookies.admin });
      expect(res.status, JSON.stringify(body)).toBe(Array.isArray(body.facilitatorIds) && !('extra' in body) ? 404 : 400);
    }
    expect(await everything()).toEqual(before);
  });
});

describe('the live console and the waiting room', () => {
  const consoleOf = (caller: Exclude<Caller, 'participant'>, sessionId = f.a.sessionId) =>
    connectClient(server, { auth: { sessionId }, cookie: f.cookies[caller] });
  const tokenOf = async (sessionId: string, memberId: string) => {
    const link = (await server.clinic.invites.issueForSession(sessionId)).find((l) => l.memberId === memberId)!;
    return link.url.replace(/^\/join\//, '');
  };
  const stateOf = (sessionId: string) => server.sessions.current(sessionId)?.snapshot;

  it('the cohort’s facilitator and an admin open its console; another cohort’s facilitator is refused before any command', async () => {
    for (const caller of ['assigned', 'admin'] as const) {
      const socket = track(await consoleOf(caller));
      const { view } = await call(socket, 'session:enter', { consent: null });
      expect(view).toMatchObject({ kind: 'facilitator', self: { role: 'facilitator' } });
    }
    const seen = JSON.stringify(stateOf(f.a.sessionId));
    await expect(consoleOf('unassigned')).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    // Her own cohort's console opens: the refusal is about the cohort, not the account.
    track(await consoleOf('unassigned', f.b.sessionId));
    expect(JSON.stringify(stateOf(f.a.sessionId))).toBe(seen);
    expect(stateOf(f.a.sessionId)?.members[f.uma]).toBeUndefined();
  });

  it('a signed-in facilitator cannot open another cohort’s participant link as that participant; their own cohort’s they can', async () => {
    const alex = await tokenOf(f.a.sessionId, f.a.alex);
    await expect(connectClient(server, { auth: { invite: alex }, cookie: f.cookies.unassigned })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    const own = track(await connectClient(server, { auth: { invite: alex }, cookie: f.cookies.assigned }));
    expect(await call(own, 'session:identity', {})).toMatchObject({ role: 'participant', sessionId: f.a.sessionId });
  });

  it('a participant’s link opens only their own session’s waiting room, and nothing they send reaches another cohort', async () => {
    const zed = await tokenOf(f.b.sessionId, f.b.zed);
    // A fresh evening of cohort A, so nothing left over from other tests moves its state.
    const { session } = await ok<{ session: { id: string } }>(
      api(server, 'POST', `/api/cohorts/${f.a.cohortId}/sessions`, { body: { title: 'Quiet evening' }, cookie: f.cookies.admin }),
      201,
    );
    // Naming another session beside the link is not a credential the server takes.
    await expect(connectClient(server, { auth: { invite: zed, sessionId: session.id } })).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    const lead = track(await consoleOf('assigned', session.id));
    await call(lead, 'session:enter', { consent: null });
    const alex: TestSocket = track(await connectClient(server, { auth: { invite: await tokenOf(session.id, f.a.alex) } }));
    await call(alex, 'session:enter', { consent });
    const before = JSON.stringify(stateOf(session.id));

    const socket = track(await connectClient(server, { auth: { invite: zed } }));
    expect(await call(socket, 'session:identity', {})).toMatchObject({ role: 'participant', sessionId: f.b.sessionId });
    const { view } = await call(socket, 'session:enter', { consent });
    expect(view).toMatchObject({ kind: 'waiting', self: { id: f.b.zed } });
    // Every facilitator command, aimed at cohort A's waiting member: refused, and A untouched.
    for (const [type, example] of Object.entries(FACILITATOR_COMMAND_EXAMPLES)) {
      const aimedAtAlex = JSON.parse(JSON.stringify(example).replace(/"(W|F|P\d)"/g, `"${f.a.alex}"`)) as unknown;
      expect(await send(socket, 'session:command', aimedAtAlex), type).toMatchObject({ ok: false });
    }
    expect(JSON.stringify(stateOf(session.id))).toBe(before);
    expect(stateOf(session.id)?.members[f.a.alex]?.status).toBe('waiting');
    expect(stateOf(session.id)?.members[f.b.zed]).toBeUndefined();
  });

  it('a facilitator taken off the cohort loses its open console at once, and its pages', async () => {
    const socket = track(await consoleOf('assigned'));
    await call(socket, 'session:enter', { consent: null });
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await ok(api(server, 'PUT', `/api/cohorts/${f.a.cohortId}/facilitators`, { body: { facilitatorIds: [] }, cookie: f.cookies.admin }));
    expect(await closed).toBe('io server disconnect');
    await expect(consoleOf('assigned')).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    expect((await api(server, 'GET', `/api/cohorts/${f.a.cohortId}/members`, { cookie: f.cookies.assigned })).status).toBe(403);
    // Assigned again, the way back in opens.
    await ok(api(server, 'PUT', `/api/cohorts/${f.a.cohortId}/facilitators`, { body: { facilitatorIds: [f.fran] }, cookie: f.cookies.admin }));
    track(await consoleOf('assigned'));
  });
});
