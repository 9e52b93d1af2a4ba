import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_FACILITATOR_EMAIL } from '../src/clinic/demo.js';
import type { RunningServer } from '../src/startServer.js';
import { api, sessionCookieOf, staff, type ApiResponse } from './clinicApi.js';
import { startTestServer } from './harness.js';

const DAY = 24 * 60 * 60_000;
let now: number;
let server: RunningServer;
let cookies: { admin: string; facilitator: string };

beforeEach(async () => {
  now = Date.parse('2025-03-03T12:00:00Z');
  server = await startTestServer({}, { clock: () => now });
  cookies = await staff(server);
});
afterEach(async () => {
  await server?.close();
});

type Invite = { jti: string; memberId: string; pseudonym: string; url: string; expiresAt: string };

const as = (who: 'admin' | 'facilitator') => ({
  get: (path: string) => api(server, 'GET', path, { cookie: cookies[who] }),
  post: (path: string, body?: unknown) => api(server, 'POST', path, { body, cookie: cookies[who] }),
  put: (path: string, body?: unknown) => api(server, 'PUT', path, { body, cookie: cookies[who] }),
});
const data = <T>(res: ApiResponse, status = 200): T => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body as T;
};
const tokenOf = (invite: Invite) => invite.url.replace(/^\/join\//, '');

/** A cohort of three with one session, made by the facilitator. */
async function cohortWithSession(scheduledStart?: string) {
  const fac = as('facilitator');
  const { cohort } = data<{ cohort: { id: string } }>(await fac.post('/api/cohorts', { name: 'Evening IOP', timeZone: 'America/Chicago' }), 201);
  const members: { id: string; pseudonym: string }[] = [];
  for (const pseudonym of ['Alex', 'Blake', 'Casey']) {
    members.push(data<{ member: { id: string; pseudonym: string } }>(await fac.post(`/api/cohorts/${cohort.id}/members`, { pseudonym }), 201).member);
  }
  const body = scheduledStart ? { title: 'Monday group', scheduledStart } : { title: 'Monday group' };
  const { session } = data<{ session: { id: string } }>(await fac.post(`/api/cohorts/${cohort.id}/sessions`, body), 201);
  return { cohortId: cohort.id, members, sessionId: session.id };
}

describe('cohorts, members and sessions', () => {
  it('a facilitator creates a cohort, its members and a session; staff read them back', async () => {
    const fac = as('facilitator');
    const created = data<{ cohort: unknown }>(await fac.post('/api/cohorts', { name: ' Evening IOP ', timeZone: 'America/Chicago' }), 201);
    expect(created.cohort).toEqual({ id: expect.any(String), name: 'Evening IOP', timeZone: 'America/Chicago', createdAt: '2025-03-03T12:00:00.000Z', neverPairs: [], schedule: null, cameraOffFlagMinutes: null, billing: null });
    const { cohort } = created as { cohort: { id: string } };
    expect(data<{ cohorts: unknown[] }>(await as('admin').get('/api/cohorts')).cohorts).toEqual([created.cohort]);

    const alex = data<{ member: unknown }>(await fac.post(`/api/cohorts/${cohort.id}/members`, { pseudonym: 'Alex', contact: '555-0100' }), 201);
    expect(alex.member).toEqual({ id: expect.any(String), cohortId: cohort.id, pseudonym: 'Alex', contact: '555-0100', createdAt: expect.any(String) });
    await fac.post(`/api/cohorts/${cohort.id}/members`, { pseudonym: 'Blake' });
    const { members } = data<{ members: { pseudonym: string; contact?: string }[] }>(await fac.get(`/api/cohorts/${cohort.id}/members`));
    expect(members.map((m) => [m.pseudonym, m.contact])).toEqual([['Alex', '555-0100'], ['Blake', undefined]]);

    const res = await fac.post(`/api/cohorts/${cohort.id}/sessions`, { title: 'Monday group', scheduledStart: '2025-03-03T18:00:00-06:00' });
    const { session } = data<{ session: { id: string } }>(res, 201);
    expect(session).toEqual({
      id: expect.any(String),
      cohortId: cohort.id,
      title: 'Monday group',
      scheduledStart: '2025-03-04T00:00:00.000Z',
      status: 'scheduled',
      createdBy: expect.any(String),
      createdAt: '2025-03-03T12:00:00.000Z',
    });
    expect(data<{ session: unknown }>(await as('admin').get(`/api/sessions/${session.id}`)).session).toEqual(session);
    expect(data<{ sessions: unknown[] }>(await fac.get(`/api/cohorts/${cohort.id}/sessions`)).sessions).toEqual([session]);
  });

  it('keeps standing "never pair" rules between two members of the cohort, and refuses anything else', async () => {
    const { cohortId, members } = await cohortWithSession();
    const [alex, blake, casey] = members.map((m) => m.id) as [string, string, string];
    const put = (body: unknown) => api(server, 'PUT', `/api/cohorts/${cohortId}/never-pairs`, { body, cookie: cookies.facilitator });
    // The same pair named twice, in either order, is one rule.
    const saved = data<{ cohort: { neverPairs: string[][] } }>(await put({ pairs: [[alex, blake], [blake, alex], [alex, casey]] }));
    expect(saved.cohort.neverPairs).toEqual([[alex, blake], [alex, casey]]);
    const listed = data<{ cohorts: { id: string; neverPairs: string[][] }[] }>(await as('admin').get('/api/cohorts'));
    expect(listed.cohorts.find((c) => c.id === cohortId)?.neverPairs).toEqual([[alex, blake], [alex, casey]]);

    const other = data<{ cohort: { id: string } }>(await as('facilitator').post('/api/cohorts', { name: 'Other', timeZone: 'UTC' }), 201).cohort;
    const outsider = data<{ member: { id: string } }>(await as('facilitator').post(`/api/cohorts/${other.id}/members`, { pseudonym: 'Out' }), 201).member;
    for (const body of [{ pairs: [[alex, alex]] }, { pairs: [[alex]] }, { pairs: 'all' }, {}, { pairs: [], extra: 1 }]) {
      expect((await put(body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(data<unknown>(await put({ pairs: [[alex, outsider.id]] }), 404)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await api(server, 'PUT', `/api/cohorts/${cohortId}/never-pairs`, { body: { pairs: [] } })).status).toBe(401);
    // Nothing refused changed what was saved.
    expect((await server.clinic.store.cohorts.get(cohortId))?.neverPairs).toEqual([[alex, blake], [alex, casey]]);
    // Clearing them is allowed.
    expect(data<{ cohort: { neverPairs: string[][] } }>(await put({ pairs: [] })).cohort.neverPairs).toEqual([]);
  });

  it('refuses a time zone that is not IANA, and an unknown cohort or session with 404', async () => {
    const fac = as('facilitator');
    for (const timeZone of ['Mars/Olympus', '+01:00', 'CET; x']) {
      expect(data<unknown>(await fac.post('/api/cohorts', { name: 'X', timeZone }), 400)).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
    }
    expect((await fac.post('/api/cohorts/nope/members', { pseudonym: 'Alex' })).status).toBe(404);
    expect((await fac.get('/api/cohorts/nope/members')).status).toBe(404);
    expect((await fac.post('/api/cohorts/nope/sessions', { title: 'X' })).status).toBe(404);
    expect((await fac.get('/api/sessions/nope')).status).toBe(404);
    expect((await fac.post('/api/sessions/nope/invites')).status).toBe(404);
    expect((await fac.post('/api/invites/nope/revoke')).status).toBe(404);
    expect(data<{ cohorts: unknown[] }>(await fac.get('/api/cohorts')).cohorts).toEqual([]);
  });

  it('is for signed-in staff only', async () => {
    const { cohortId, sessionId, members } = await cohortWithSession();
    const routes: [string, string][] = [
      ['GET', '/api/cohorts'],
      ['POST', '/api/cohorts'],
      ['GET', `/api/cohorts/${cohortId}/members`],
      ['POST', `/api/cohorts/${cohortId}/members`],
      ['GET', `/api/cohorts/${cohortId}/sessions`],
      ['POST', `/api/cohorts/${cohortId}/sessions`],
      ['GET', `/api/sessions/${sessionId}`],
      ['POST', `/api/sessions/${sessionId}/invites`],
      ['GET', `/api/sessions/${sessionId}/invites`],
      ['POST', `/api/sessions/${sessionId}/members/${members[0]?.id}/invite`],
      ['POST', '/api/invites/some-jti/revoke'],
      ['PUT', `/api/cohorts/${cohortId}/schedule`],
      ['POST', `/api/cohorts/${cohortId}/sessions/scheduled`],
    ];
    for (const [method, path] of routes) {
      const res = await api(server, method, path, { body: method === 'GET' ? undefined : {} });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    expect(await server.clinic.store.invites.listBySession(sessionId)).toEqual([]);
  });
});

describe('invites', () => {
  it('issues one personal link per member, each admitting that member to that session', async () => {
    const { sessionId, members, cohortId } = await cohortWithSession();
    const invites = data<Invite[]>(await as('facilitator').post(`/api/sessions/${sessionId}/invites`), 201);
    expect(invites.map((i) => [i.memberId, i.pseudonym])).toEqual(members.map((m) => [m.id, m.pseudonym]));
    expect(invites[0]?.expiresAt).toBe(new Date(now + 7 * DAY).toISOString());
    for (const [i, invite] of invites.entries()) {
      expect(invite.url).toMatch(/^\/join\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
      const check = await server.clinic.verifyInvite(tokenOf(invite), now);
      expect(check).toEqual({ ok: true, invite: { jti: invite.jti, sessionId, cohortId, memberId: members[i]?.id, pseudonym: members[i]?.pseudonym, expiresAt: now + 7 * DAY } });
    }
    // Asking again hands out the same links: those already sent keep working.
    expect(data<Invite[]>(await as('admin').post(`/api/sessions/${sessionId}/invites`, {}), 201)).toEqual(invites);
    expect(data<Invite[]>(await as('admin').get(`/api/sessions/${sessionId}/invites`))).toEqual(invites);
  });

  it('a scheduled session’s links last until the end of the following day in the cohort’s zone', async () => {
    const { sessionId } = await cohortWithSession('2025-03-03T18:00:00-06:00');
    const [invite] = data<Invite[]>(await as('facilitator').post(`/api/sessions/${sessionId}/invites`), 201);
    expect(invite?.expiresAt).toBe('2025-03-05T06:00:00.000Z');
    now = Date.parse('2025-03-05T06:00:00Z');
    expect(await server.clinic.verifyInvite(tokenOf(invite as Invite), now)).toEqual({ ok: false, code: 'INVITE_EXPIRED' });
  });

  it('a revoked link fails with INVITE_REVOKED and leaves the list', async () => {
    const { sessionId } = await cohortWithSession();
    const [alex, blake, casey] = data<Invite[]>(await as('facilitator').post(`/api/sessions/${sessionId}/invites`), 201);
    const res = data<{ invite: unknown }>(await as('facilitator').post(`/api/invites/${alex?.jti}/revoke`), 200);
    expect(res.invite).toEqual({ jti: alex?.jti, sessionId, memberId: alex?.memberId, revokedAt: new Date(now).toISOString() });
    expect(await server.clinic.verifyInvite(tokenOf(alex as Invite))).toEqual({ ok: false, code: 'INVITE_REVOKED' });
    expect((await server.clinic.verifyInvite(tokenOf(blake as Invite))).ok).toBe(true);
    expect(data<Invite[]>(await as('admin').get(`/api/sessions/${sessionId}/invites`))).toEqual([blake, casey]);
  });

  it('re-issuing for one member revokes their previous link and gives a working new one', async () => {
    const { sessionId, members } = await cohortWithSession();
    const [alex, blake] = data<Invite[]>(await as('facilitator').post(`/api/sessions/${sessionId}/invites`), 201);
    const fresh = data<Invite>(await as('facilitator').post(`/api/sessions/${sessionId}/members/${members[0]?.id}/invite`), 201);
    expect(fresh).toMatchObject({ memberId: members[0]?.id, pseudonym: 'Alex' });
    expect(fresh.url).not.toBe(alex?.url);
    expect(await server.clinic.verifyInvite(tokenOf(alex as Invite))).toEqual({ ok: false, code: 'INVITE_REVOKED' });
    expect((await server.clinic.verifyInvite(tokenOf(fresh))).ok).toBe(true);
    expect((await server.clinic.verifyInvite(tokenOf(blake as Invite))).ok).toBe(true);
    const live = data<Invite[]>(await as('admin').get(`/api/sessions/${sessionId}/invites`));
    expect(live.filter((i) => i.memberId === members[0]?.id)).toEqual([fresh]);
    expect((await as('facilitator').post(`/api/sessions/${sessionId}/members/someone-else/invite`)).status).toBe(404);
  });

  it('a tampered link is INVITE_INVALID; an ended session’s link stops working and gets no new ones', async () => {
    const { sessionId } = await cohortWithSession();
    const [alex] = data<Invite[]>(await as('facilitator').post(`/api/sessions/${sessionId}/invites`), 201);
    const token = tokenOf(alex as Invite);
    const forged = token.replace(/.(\.)/, (m, dot: string) => (m[0] === 'A' ? 'B' : 'A') + dot);
    expect(await server.clinic.verifyInvite(forged)).toEqual({ ok: false, code: 'INVITE_INVALID' });
    await server.clinic.store.sessions.setStatus(sessionId, 'ended');
    expect(await server.clinic.verifyInvite(token)).toEqual({ ok: false, code: 'SESSION_ENDED' });
    expect(data<unknown>(await as('facilitator').post(`/api/sessions/${sessionId}/invites`), 409)).toMatchObject({ error: { code: 'INVALID_STATE' } });
  });
});

describe('weekly schedule', () => {
  type Schedule = { weekdays: number[]; startTime: string; durationMinutes: number };
  type Session = { id: string; title: string; scheduledStart?: string; status: string };
  const EVENINGS: Schedule = { weekdays: [1, 3, 4], startTime: '18:00', durationMinutes: 180 };
  const setSchedule = (cohortId: string, schedule: unknown) => as('facilitator').put(`/api/cohorts/${cohortId}/schedule`, { schedule });
  const createScheduled = (cohortId: string, weeks: number) => as('facilitator').post(`/api/cohorts/${cohortId}/sessions/scheduled`, { weeks });
  const starts = (sessions: Session[]) => sessions.map((s) => [s.title, s.scheduledStart]);

  it('a facilitator sets a cohort’s weekly schedule, audited; the cohort shows it; null clears it', async () => {
    const { cohortId } = await cohortWithSession();
    // Weekdays come back once each, in week order.
    const saved = data<{ cohort: { schedule: Schedule } }>(await setSchedule(cohortId, { ...EVENINGS, weekdays: [4, 1, 3, 1] }));
    expect(saved.cohort.schedule).toEqual(EVENINGS);
    const listed = data<{ cohorts: { id: string; schedule: Schedule | null }[] }>(await as('admin').get('/api/cohorts'));
    expect(listed.cohorts.find((c) => c.id === cohortId)?.schedule).toEqual(EVENINGS);
    expect((await server.clinic.audit.recent(1))[0]).toMatchObject({ action: 'schedule-changed', targetId: cohortId });

    expect(data<{ cohort: { schedule: null } }>(await setSchedule(cohortId, null)).cohort.schedule).toBeNull();
    expect((await server.clinic.store.cohorts.get(cohortId))?.schedule).toBeUndefined();
  });

  it('refuses a schedule that is not one, an unknown cohort and a signed-out caller, and keeps what was saved', async () => {
    const { cohortId } = await cohortWithSession();
    data(await setSchedule(cohortId, EVENINGS));
    const auditBefore = (await server.clinic.audit.all()).length;
    const bad: unknown[] = [
      {},
      { schedule: { ...EVENINGS, weekdays: [] } },
      { schedule: { ...EVENINGS, weekdays: [7] } },
      { schedule: { ...EVENINGS, weekdays: [-1] } },
      { schedule: { ...EVENINGS, weekdays: ['Monday'] } },
      { schedule: { ...EVENINGS, startTime: '24:00' } },
      { schedule: { ...EVENINGS, startTime: '6pm' } },
      { schedule: { ...EVENINGS, startTime: '6:00' } },
      { schedule: { ...EVENINGS, durationMinutes: 0 } },
      { schedule: { ...EVENINGS, durationMinutes: 90.5 } },
      { schedule: { ...EVENINGS, durationMinutes: 24 * 60 } },
      { schedule: { ...EVENINGS, room: 'B' } },
      { schedule: EVENINGS, extra: true },
      [EVENINGS],
    ];
    for (const body of bad) {
      const res = await as('facilitator').put(`/api/cohorts/${cohortId}/schedule`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
    }
    expect(data<unknown>(await setSchedule('nope', EVENINGS), 404)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await api(server, 'PUT', `/api/cohorts/${cohortId}/schedule`, { body: { schedule: null } })).status).toBe(401);
    expect((await server.clinic.store.cohorts.get(cohortId))?.schedule).toEqual(EVENINGS);
    expect(await server.clinic.audit.all()).toHaveLength(auditBefore);
  });

  it('creates the next weeks’ sessions at the schedule’s local time in the cohort’s zone, across a DST change', async () => {
    // Monday 2025-03-03, 06:00 in Chicago; daylight time begins there on Sunday 2025-03-09,
    // so 18:00 is 00:00 UTC the first week and 23:00 UTC the second.
    const { cohortId } = await cohortWithSession();
    data(await setSchedule(cohortId, EVENINGS));
    const { sessions } = data<{ sessions: Session[] }>(await createScheduled(cohortId, 2), 201);
    expect(starts(sessions)).toEqual([
      ['Monday group', '2025-03-04T00:00:00.000Z'],
      ['Wednesday group', '2025-03-06T00:00:00.000Z'],
      ['Thursday group', '2025-03-07T00:00:00.000Z'],
      ['Monday group', '2025-03-10T23:00:00.000Z'],
      ['Wednesday group', '2025-03-12T23:00:00.000Z'],
      ['Thursday group', '2025-03-13T23:00:00.000Z'],
    ]);
    expect(sessions.every((s) => s.status === 'scheduled')).toBe(true);
    // Each is a session like any other: listed, and audited as scheduled by the facilitator.
    const listed = data<{ sessions: Session[] }>(await as('admin').get(`/api/cohorts/${cohortId}/sessions`)).sessions;
    expect(listed).toEqual(expect.arrayContaining(sessions));
    const audited = (await server.clinic.audit.all()).filter((e) => e.action === 'session-scheduled').map((e) => e.targetId);
    expect(audited).toEqual(expect.arrayContaining(sessions.map((s) => s.id)));
  });

  it('is idempotent: asking again, even twice at once, adds only evenings that have no session yet', async () => {
    const { cohortId } = await cohortWithSession();
    data(await setSchedule(cohortId, EVENINGS));
    const first = data<{ sessions: Session[] }>(await createScheduled(cohortId, 1), 201).sessions;
    expect(first).toHaveLength(3);
    expect(data<{ sessions: Session[] }>(await createScheduled(cohortId, 1), 201).sessions).toEqual([]);

    // A session scheduled by hand for Monday 2025-03-10 at 18:00 Chicago time counts as that evening's.
    data(await as('facilitator').post(`/api/cohorts/${cohortId}/sessions`, { title: 'Special group', scheduledStart: '2025-03-10T18:00:00-05:00' }), 201);
    const [a, b] = await Promise.all([createScheduled(cohortId, 3), createScheduled(cohortId, 3)]);
    const added = [...data<{ sessions: Session[] }>(a, 201).sessions, ...data<{ sessions: Session[] }>(b, 201).sessions];
    expect(starts(added).map(([, start]) => start)).toEqual([
      '2025-03-12T23:00:00.000Z',
      '2025-03-13T23:00:00.000Z',
      '2025-03-17T23:00:00.000Z',
      '2025-03-19T23:00:00.000Z',
      '2025-03-20T23:00:00.000Z',
    ]);
    const all = (await server.clinic.store.sessions.listByCohort(cohortId)).map((s) => s.scheduledStart).filter((t) => t !== undefined);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(3 + 1 + 5);
  });

  it('refuses a cohort without a schedule (409) and an unknown one (404), creating nothing', async () => {
    const { cohortId } = await cohortWithSession();
    const before = await server.clinic.store.sessions.listByCohort(cohortId);
    expect(data<unknown>(await createScheduled(cohortId, 2), 409)).toMatchObject({ error: { code: 'INVALID_STATE' } });
    expect(data<unknown>(await createScheduled('nope', 2), 404)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await server.clinic.store.sessions.listByCohort(cohortId)).toEqual(before);
  });
});

describe('malformed requests change nothing', () => {
  it('every route answers a malformed body with 400 INVALID_PAYLOAD', async () => {
    const { cohortId, sessionId, members } = await cohortWithSession();
    const issued = data<Invite[]>(await as('facilitator').post(`/api/sessions/${sessionId}/invites`), 201);
    const snapshot = async () => ({
      cohorts: await server.clinic.store.cohorts.list(),
      members: await server.clinic.store.members.listByCohort(cohortId),
      sessions: await server.clinic.store.sessions.listByCohort(cohortId),
      invites: await server.clinic.store.invites.listBySession(sessionId),
      accounts: await server.clinic.store.accounts.count(),
    });
    const before = await snapshot();
    const junk: unknown[] = [[], 'text', 42, null, { unexpected: true }];
    const cases: [string, unknown[]][] = [
      ['/api/cohorts', [...junk, {}, { name: '', timeZone: 'UTC' }, { name: 'X' }, { name: 'X', timeZone: 'UTC', id: 'mine' }]],
      [`/api/cohorts/${cohortId}/members`, [...junk, {}, { pseudonym: '' }, { pseudonym: 'x'.repeat(41) }, { pseudonym: 'Dee', contact: 5 }]],
      [`/api/cohorts/${cohortId}/sessions`, [...junk, {}, { title: 'X', scheduledStart: 'tomorrow' }, { title: 'X', status: 'live' }]],
      [`/api/cohorts/${cohortId}/sessions/scheduled`, [...junk, {}, { weeks: 0 }, { weeks: 9 }, { weeks: 1.5 }, { weeks: '2' }, { weeks: 2, from: 'x' }]],
      [`/api/sessions/${sessionId}/invites`, junk],
      [`/api/sessions/${sessionId}/members/${members[0]?.id}/invite`, junk],
      [`/api/invites/${issued[0]?.jti}/revoke`, junk],
      ['/api/facilitators', [...junk, {}]],
      ['/api/auth/logout', junk],
    ];
    for (const [path, bodies] of cases) {
      for (const body of bodies) {
        const res = await api(server, 'POST', path, { body, cookie: cookies.admin });
        expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
        expect(res.body).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
      }
      const broken = await api(server, 'POST', path, { raw: '{"name":', cookie: cookies.admin });
      expect(broken.status, `${path} broken JSON`).toBe(400);
    }
    expect(await snapshot()).toEqual(before);
    // The admin is still signed in: the malformed logout did nothing either.
    expect((await as('admin').get('/api/auth/me')).status).toBe(200);
  });

  it('every state-changing route answers a non-JSON content type with 415', async () => {
    const { cohortId, sessionId, members } = await cohortWithSession();
    const before = await server.clinic.store.cohorts.list();
    const paths = [
      '/api/cohorts',
      `/api/cohorts/${cohortId}/members`,
      `/api/cohorts/${cohortId}/sessions`,
      `/api/cohorts/${cohortId}/sessions/scheduled`,
      `/api/sessions/${sessionId}/invites`,
      `/api/sessions/${sessionId}/members/${members[0]?.id}/invite`,
      '/api/invites/x/revoke',
      '/api/auth/logout',
      '/api/setup/admin',
    ];
    for (const path of paths) {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', null]) {
        const res = await api(server, 'POST', path, { raw: '{"name":"X","timeZone":"UTC"}', contentType, cookie: cookies.admin });
        expect(res.status, `${path} ${contentType}`).toBe(415);
        expect(res.body).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
      }
    }
    expect(await server.clinic.store.cohorts.list()).toEqual(before);
    expect(await server.clinic.store.invites.listBySession(sessionId)).toEqual([]);
    expect((await as('admin').get('/api/auth/me')).status).toBe(200);
  });
});

describe('demo mode', () => {
  it('seeds a cohort, a facilitator and four participants, and prints how to get in once', async () => {
    const printed: string[] = [];
    const demo = await startTestServer({ DEMO: 'true', CLINIC_TIME_ZONE: 'America/Chicago' }, { announce: (text) => printed.push(text) });
    try {
      expect(printed).toHaveLength(1);
      const text = printed[0] ?? '';
      expect(text).toContain(`${demo.url}/login`);
      const password = /password: (\S+)/.exec(text)?.[1] ?? '';
      expect(password.length).toBeGreaterThanOrEqual(12);
      const login = await api(demo, 'POST', '/api/auth/login', { body: { email: DEMO_FACILITATOR_EMAIL, password } });
      const cookie = sessionCookieOf(login);
      expect(login.body).toMatchObject({ account: { role: 'facilitator' } });

      const { cohorts } = (await api(demo, 'GET', '/api/cohorts', { cookie })).body as { cohorts: { id: string; name: string; timeZone: string }[] };
      expect(cohorts).toEqual([expect.objectContaining({ name: 'Evening IOP — demo', timeZone: 'America/Chicago' })]);
      const { members } = (await api(demo, 'GET', `/api/cohorts/${cohorts[0]?.id}/members`, { cookie })).body as { members: { pseudonym: string }[] };
      expect(members.map((m) => m.pseudonym)).toEqual(['Alex', 'Blake', 'Casey', 'Drew']);

      const urls = [...text.matchAll(new RegExp(`${demo.url}/join/(\\S+)`, 'g'))].map((m) => m[1] ?? '');
      expect(urls).toHaveLength(4);
      const admitted = await Promise.all(urls.map((token) => demo.clinic.verifyInvite(token)));
      expect(admitted.map((c) => (c.ok ? c.invite.pseudonym : c.code))).toEqual(['Alex', 'Blake', 'Casey', 'Drew']);
    } finally {
      await demo.close();
    }
  });
});
