import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BILLING_PRESETS } from '@hearth/shared';
import type { RunningServer } from '../src/startServer.js';
import { api, sessionCookieOf } from './clinicApi.js';
import { call, nextEvent, startTestServer, type TestSocket } from './harness.js';
import { startRedis, type TestRedis } from '../src/testing/redisServer.js';
import { consent, facilitatorSocket, participantSocket, seededSession } from './sessionFixture.js';

// Billing over HTTP, on a real Redis: a cohort's profile, the place of service from the consent gate, the range exports.
let redis: TestRedis;
let server: RunningServer;
let now = Date.parse('2026-03-03T00:00:00Z'); // Monday 2 March, 18:00 in Chicago
const sockets: TestSocket[] = [];

beforeAll(async () => {
  redis = await startRedis();
  server = await startTestServer({ REDIS_URL: redis.url, CLINIC_TIME_ZONE: 'America/Chicago' }, { clock: () => now });
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  await server?.close();
  await redis?.destroy();
});

const DISCLOSURE = 'recipient=Acme%20Health%20Plan&purpose=claims%20for%20March';

/** An evening of exactly 180 minutes: Alex at home, Blake not; Casey and Drew absent. */
async function threeHourEvening() {
  const s = await seededSession(server);
  const f = await facilitatorSocket(server, s);
  sockets.push(f);
  await call(f, 'session:enter', { consent: null });
  const [alex, blake] = s.participants as [(typeof s.participants)[number], (typeof s.participants)[number]];
  for (const [p, atHome] of [[alex, true], [blake, false]] as const) {
    const socket = await participantSocket(server, p.token);
    sockets.push(socket);
    await call(socket, 'session:enter', { consent: { ...consent, atHome } });
  }
  await call(f, 'session:command', { type: 'admitAll' });
  now += 180 * 60_000;
  const ended = nextEvent(f, 'session:closed');
  await call(f, 'session:command', { type: 'end' });
  await ended;
  return s;
}

const OLLY = { email: 'olly@clinic.example', password: 'other facilitator 1', displayName: 'Olly' };
/** A facilitator of no cohort here, signed in. */
async function otherFacilitator(): Promise<string> {
  const who = OLLY;
  if (!(await server.clinic.store.accounts.findByEmail(who.email))) await server.clinic.accounts.create({ ...who, role: 'facilitator' });
  return sessionCookieOf(await api(server, 'POST', '/api/auth/login', { body: { email: who.email, password: who.password } }));
}

const text = async (path: string, cookie: string) => {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
};

describe('billing', () => {
  it('a cohort keeps its billing profile; invalid thresholds are refused with nothing changed; other cohorts\' staff are refused', async () => {
    const s = await seededSession(server);
    const cohortOf = async () => ((await api(server, 'GET', '/api/cohorts', { cookie: s.cookie })).body as { cohorts: { id: string; billing: unknown }[] }).cohorts.find((c) => c.id === s.cohortId);
    // A cohort made before profiles existed reads with none.
    expect((await cohortOf())?.billing).toBeNull();
    const put = (billing: unknown, cookie = s.cookie) => api(server, 'PUT', `/api/cohorts/${s.cohortId}/billing`, { cookie, body: { billing } });
    const saved = await put({ ...BILLING_PRESETS.H0015, dailyMinimumMinutes: 200 });
    expect(saved.status).toBe(200);
    expect((saved.body as { cohort: { billing: unknown } }).cohort.billing).toEqual({ ...BILLING_PRESETS.H0015, dailyMinimumMinutes: 200 });
    const olly = await otherFacilitator();
    const audited = (await server.clinic.audit.all()).length;
    for (const bad of [{ ...BILLING_PRESETS.H0015, dailyMinimumMinutes: 179.5 }, { ...BILLING_PRESETS.H0015, dailyMinimumMinutes: null }, { ...BILLING_PRESETS.S9480, preset: 'H9999' }, { ...BILLING_PRESETS.custom, extra: 1 }]) {
      const refused = await put(bad);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
    }
    expect((await put(BILLING_PRESETS.S9480, olly)).status).toBe(403);
    expect((await cohortOf())?.billing).toEqual({ ...BILLING_PRESETS.H0015, dailyMinimumMinutes: 200 });
    expect((await server.clinic.audit.all()).length).toBe(audited);
    // Cleared, the records are judged by no rules.
    expect((await put(null)).status).toBe(200);
    expect((await cohortOf())?.billing).toBeNull();
  });

  it('exports the cohort\'s days over a range as CSV under its profile, with the place of service from the consent gate', async () => {
    const s = await threeHourEvening();
    expect((await api(server, 'PUT', `/api/cohorts/${s.cohortId}/billing`, { cookie: s.cookie, body: { billing: { ...BILLING_PRESETS['90853'], groupSizeCap: 2 } } })).status).toBe(200);
    expect((await api(server, 'PUT', `/api/cohorts/${s.cohortId}/billing`, { cookie: s.cookie, body: { billing: BILLING_PRESETS.H0015 } })).status).toBe(200);

    // The session's own export carries the place and the group's size.
    const session = (await text(`/api/sessions/${s.sessionId}/attendance.csv?${DISCLOSURE}`, s.cookie)).body.split('\r\n');
    expect(session[0]).toMatch(/,place_of_service,group_size,over_group_size_cap$/);
    expect(session.find((l) => l.includes(',Alex,'))).toMatch(/,180\.0,0\.0,95,,,[\d.]*,10,2,no$/);
    expect(session.find((l) => l.includes(',Blake,'))).toMatch(/,02,2,no$/);

    const csv = await text(`/api/cohorts/${s.cohortId}/billing-days.csv?from=2026-03-02&to=2026-03-02&${DISCLOSURE}`, s.cookie);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('date,member,member_id,billing_code,sessions_held,sessions_attended,treatment_minutes,break_minutes,modifier,place_of_service,meets_daily_minimum,week_start,week_treatment_minutes,week_days_attended,week_days_meeting_daily_minimum,meets_weekly_minimum');
    const alex = s.participants[0]!.memberId;
    // (An id may begin with '-': the CSV defuses it with a leading ', as any such cell.)
    expect(lines.find((l) => l.startsWith('2026-03-02,Alex,'))).toMatch(new RegExp(`^2026-03-02,Alex,'?${alex.replace(/[-]/g, '\\-')},H0015,1,1,180\\.0,0\\.0,95,10,yes,2026-03-01,180\\.0,1,1,no$`));
    expect(lines.find((l) => l.includes(',Blake,'))).toMatch(/,H0015,1,1,180\.0,0\.0,95,02,yes,/);
    // Casey was absent: a day with no time, judged short.
    expect(lines.find((l) => l.includes(',Casey,'))).toMatch(/,H0015,1,0,0\.0,0\.0,,,no,/);
    expect(csv.body).not.toContain('Springfield');
    expect(csv.body).not.toContain('555');

    // One participant's own days.
    const own = await api(server, 'GET', `/api/cohorts/${s.cohortId}/members/${alex}/billing-days?from=2026-03-01&to=2026-03-07&${DISCLOSURE}`, { cookie: s.cookie });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ memberId: alex, billing: { preset: 'H0015' }, days: [{ pseudonym: 'Alex', treatmentMinutes: 180, placeOfService: '10', meetsDailyMinimum: true }] });
    expect((own.body as { days: unknown[] }).days).toHaveLength(1);
    expect((await server.clinic.audit.all()).filter((e) => e.action === 'attendance-exported' && e.targetId === alex)).toHaveLength(1);
  });

  it('refuses other cohorts\' staff, an invalid range and a missing recipient or purpose, recording nothing', async () => {
    const s = await seededSession(server);
    const other = await otherFacilitator();
    const audited = (await server.clinic.audit.all()).length;
    const base = `/api/cohorts/${s.cohortId}/billing-days.csv`;
    for (const query of [`?from=2026-03-05&to=2026-03-01&${DISCLOSURE}`, `?from=yesterday&to=2026-03-01&${DISCLOSURE}`, `?from=2020-01-01&to=2026-03-01&${DISCLOSURE}`, '?from=2026-03-01&to=2026-03-02', '?from=2026-03-01&to=2026-03-02&recipient=Acme', `?from=2026-03-01&to=2026-03-02&recipient=Acme&purpose=%20`]) {
      const bad = await text(`${base}${query}`, s.cookie);
      expect(bad.status, query).toBe(400);
      // The disclosure is asked first (DISCLOSURE_REQUIRED); with it, a bad range is a bad payload.
      expect(JSON.parse(bad.body), query).toMatchObject({ error: { code: query.includes('purpose=claims') ? 'INVALID_PAYLOAD' : 'DISCLOSURE_REQUIRED' } });
    }
    expect((await text(`${base}?from=2026-03-01&to=2026-03-02&${DISCLOSURE}`, other)).status).toBe(403);
    expect((await text(`/api/cohorts/${s.cohortId}/members/${s.participants[0]!.memberId}/billing-days?from=2026-03-01&to=2026-03-02&${DISCLOSURE}`, other)).status).toBe(403);
    // A member of no such cohort is not found.
    expect((await text(`/api/cohorts/${s.cohortId}/members/nobody/billing-days?from=2026-03-01&to=2026-03-02&${DISCLOSURE}`, s.cookie)).status).toBe(404);
    expect((await server.clinic.audit.all()).length).toBe(audited);
  });
});
