import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '@hearth/shared';
import type { RunningServer } from '../src/startServer.js';
import { api } from './clinicApi.js';
import { call, nextEvent, startTestServer, type TestSocket } from './harness.js';
import { startRedis, type TestRedis } from '../src/testing/redisServer.js';
import { facilitatorSocket, participantWaiting, seededSession } from './sessionFixture.js';

// The clinic's records, kept in a real Redis: attendance from a real session, CSV exports, the audit chain.
let redis: TestRedis;
let server: RunningServer;
let now = Date.parse('2026-03-02T23:55:00Z');
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

type Row = { pseudonym: string; minutes: number; intervals: { from: string; to: string }[] };

/** A session where Alex stays 50 minutes with a 2-minute drop, Blake is sent back after 20, Casey never comes. */
async function eveningWithAttendance() {
  const s = await seededSession(server);
  const f = await facilitatorSocket(server, s);
  sockets.push(f);
  await call(f, 'session:enter', { consent: null });
  const [alex, blake] = s.participants as [(typeof s.participants)[number], (typeof s.participants)[number]];
  for (const p of [alex, blake]) sockets.push((await participantWaiting(server, p.token)).socket);
  now += 5 * 60_000; // five minutes in the waiting room do not count
  await call(f, 'session:command', { type: 'admitAll' });
  const session = await server.sessions.get(s.sessionId);
  now += 20 * 60_000;
  await call(f, 'session:command', { type: 'sendToWaiting', memberId: blake.memberId });
  now += 10 * 60_000;
  // Alex's connection drops and comes back within the grace period: one interval.
  await session.run({ type: 'connectionLost', memberId: alex.memberId }, SYSTEM);
  now += 2 * 60_000;
  await session.run({ type: 'connectionResumed', memberId: alex.memberId }, SYSTEM);
  now += 18 * 60_000;
  const ended = nextEvent(f, 'session:closed');
  await call(f, 'session:command', { type: 'end' });
  await ended;
  return s;
}

describe('attendance', () => {
  it('is every admitted interval per participant, merged across reconnects, with minutes; absent members show as absent', async () => {
    const s = await eveningWithAttendance();
    const res = await api(server, 'GET', `/api/sessions/${s.sessionId}/attendance`, { cookie: s.cookie });
    expect(res.status).toBe(200);
    const rows = (res.body as { rows: Row[] }).rows;
    expect(rows.map((r) => [r.pseudonym, r.minutes, r.intervals.length])).toEqual([
      ['Alex', 50, 1],
      ['Blake', 20, 1],
      ['Casey', 0, 0],
      ['Drew', 0, 0],
    ]);

    // The CSV says the same on the cohort's clock (America/Chicago: 18:00 is 00:00 UTC).
    const csv = await fetch(`${server.url}/api/sessions/${s.sessionId}/attendance.csv?recipient=Acme%20Health%20Plan&purpose=Claim%20review`, { headers: { cookie: s.cookie } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="attendance-2026-03-0\d-/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('date,session,member,member_id,first_in,last_out,minutes,intervals,audio_only_minutes,modality,treatment_minutes,break_minutes,modifier,late_minutes,left_early_minutes,camera_off_minutes,place_of_service,group_size,over_group_size_cap');
    // No camera reached the SFU in this evening (no media was sent): all of it is camera-off time (CAM1).
    expect(lines.find((l) => l.includes(',Alex,'))).toMatch(/,50\.0,(10|02)?,\d+,no$/);
    // All of Alex's evening was on video (LNK3): no audio-only minutes, one video interval; no break, so all of it treatment (modifier 95).
    expect(lines.find((l) => l.includes(',Alex,'))).toMatch(/,(\d\d:\d\d),(\d\d:\d\d),50\.0,\1-\2,0\.0,\1-\2 video,50\.0,0\.0,95,/);
    expect(lines.find((l) => l.includes(',Blake,'))).toMatch(/,20\.0,/);
  });

  it('per cohort over a date range, by the session\'s day in the cohort\'s zone', async () => {
    const s = await seededSession(server);
    const day = (await api(server, 'GET', `/api/sessions/${(await eveningWithAttendance()).sessionId}/attendance`, { cookie: s.cookie })).body as { rows: { date: string }[] };
    const date = day.rows[0]!.date;
    const inRange = await api(server, 'GET', `/api/cohorts/${s.cohortId}/attendance?from=${date}&to=${date}`, { cookie: s.cookie });
    expect(inRange.status).toBe(200);
    expect((inRange.body as { rows: Row[] }).rows.filter((r) => r.minutes > 0).map((r) => r.pseudonym)).toEqual(expect.arrayContaining(['Alex', 'Blake']));
    // A session nobody has held yet (s, made above) is not a row of absences.
    expect((inRange.body as { rows: { sessionId: string }[] }).rows.map((r) => r.sessionId)).not.toContain(s.sessionId);
    const before = await api(server, 'GET', `/api/cohorts/${s.cohortId}/attendance?from=2020-01-01&to=2020-12-31`, { cookie: s.cookie });
    expect((before.body as { rows: Row[] }).rows).toEqual([]);
    for (const query of ['', '?from=2026-03-05&to=2026-03-01', '?from=yesterday&to=2026-03-01', '?from=2020-01-01&to=2026-03-01']) {
      const bad = await api(server, 'GET', `/api/cohorts/${s.cohortId}/attendance${query}`, { cookie: s.cookie });
      expect(bad.status, query).toBe(400);
    }
    expect((await api(server, 'GET', `/api/cohorts/${s.cohortId}/attendance?from=${date}&to=${date}`)).status).toBe(401);
  });
});

describe('the audit log', () => {
  it('records the evening (entries, consent, admissions, removals, end) and exports, chained; only admins read it', async () => {
    const s = await eveningWithAttendance();
    await fetch(`${server.url}/api/sessions/${s.sessionId}/attendance.csv?recipient=Acme%20Health%20Plan&purpose=Claim%20review`, { headers: { cookie: s.cookie } });
    const entries = await server.clinic.audit.all();
    const actions = entries.filter((e) => e.sessionId === s.sessionId).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['entered', 'consent-given', 'admitted', 'sent-to-waiting', 'session-ended', 'attendance-exported']));
    // Nothing private in it: no locations, phone numbers or invite tokens.
    const text = JSON.stringify(entries);
    expect(text).not.toContain('Springfield');
    expect(text).not.toContain('+1 555 0100');
    expect(text).not.toContain(s.participants[0]!.token);

    // The demo facilitator is not an admin: the log is not theirs to read.
    expect((await api(server, 'GET', '/api/audit', { cookie: s.cookie })).status).toBe(403);
    expect((await api(server, 'GET', '/api/audit/verify')).status).toBe(401);
  });

  it('verification finds the first altered entry, even when the alteration was made in Redis directly', async () => {
    await eveningWithAttendance();
    const admin = await adminCookie();
    const ok = await api(server, 'GET', '/api/audit/verify', { cookie: admin });
    expect(ok.body).toMatchObject({ ok: true });
    const raw = new Redis(redis.url);
    try {
      const third = JSON.parse((await raw.lindex('hearth:audit', 2))!) as { targetId: string | null };
      await raw.lset('hearth:audit', 2, JSON.stringify({ ...third, targetId: 'someone-else' }));
      const broken = await api(server, 'GET', '/api/audit/verify', { cookie: admin });
      expect(broken.body).toMatchObject({ ok: false, brokenAt: 3 });
      // The page's listing shows names, newest first.
      const listed = await api(server, 'GET', '/api/audit?limit=5', { cookie: admin });
      const list = (listed.body as { entries: { seq: number }[] }).entries;
      expect(list).toHaveLength(5);
      expect(list[0]!.seq).toBeGreaterThan(list[1]!.seq);
      expect((await api(server, 'GET', '/api/audit?limit=0', { cookie: admin })).status).toBe(400);
    } finally {
      await raw.del('hearth:audit');
      raw.disconnect();
    }
  });
});

let admin: string | undefined;
async function adminCookie(): Promise<string> {
  if (admin) return admin;
  // The demo seed made the first account, so the clinic's admin is added beside it.
  const body = { email: 'ada@clinic.example', password: 'admin password 123', displayName: 'Ada' };
  await server.clinic.accounts.create({ ...body, role: 'admin' });
  const login = await api(server, 'POST', '/api/auth/login', { body: { email: body.email, password: body.password } });
  admin = (login.setCookie.find((c) => c.startsWith('hearth_session=')) ?? '').split(';')[0]!;
  return admin;
}
