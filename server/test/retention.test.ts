import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyIndividual, type PurgePreview } from '@hearth/shared';
import { api } from './clinicApi.js';
import { BACKENDS, cohortWithSession, recordsServer, signInAgain } from './recordsFixture.js';

const YEAR_MS = 365.25 * 86_400_000;

// A retention period per clinic and the admin's purge, over HTTP on both backends.
describe.each(BACKENDS)('retention (%s)', (backend) => {
  let now = Date.parse('2026-03-02T18:00:00Z');
  let env: Awaited<ReturnType<typeof recordsServer>>;
  beforeAll(async () => {
    env = await recordsServer(backend, () => now);
  });
  afterAll(async () => {
    await env?.close();
  });

  /** A session held at `now`, with attendance and a breakout pair in its logs, and an exported CSV (a disclosure). */
  async function heldSession(name: string) {
    const { clinic } = env.server;
    // A sign-in of its own: the clock has moved past earlier ones' expiry.
    const cookie = await signInAgain(env.server, 'facilitator');
    const made = await cohortWithSession(env.server, cookie, [name, `${name}2`], { title: `${name}'s evening` });
    const [a, b] = Object.values(made.members) as [string, string];
    const invites = await api(env.server, 'POST', `/api/sessions/${made.sessionId}/invites`, { cookie });
    const jtis = (invites.body as { jti: string }[]).map((i) => i.jti);
    expect(jtis).toHaveLength(2);
    await clinic.attendance.append(made.sessionId, [
      { memberId: a, kind: 'in', at: now },
      { memberId: a, kind: 'out', at: now + 3_600_000 },
    ]);
    await clinic.pairs.append(made.sessionId, [{ breakoutId: 'b1', startedAt: now, endedAt: now + 600_000, groups: [[a, b]] }]);
    await clinic.store.sessions.setStatus(made.sessionId, 'ended');
    const csv = await fetch(`${env.server.url}/api/sessions/${made.sessionId}/attendance.csv?recipient=Acme&purpose=Claims`, { headers: { cookie } });
    expect(csv.status).toBe(200);
    return { ...made, a, jtis };
  }

  it('is off by default, at least six years, and the admins\' alone to set', async () => {
    expect((await api(env.server, 'GET', '/api/clinic/retention', { cookie: env.admin })).body).toEqual({ months: null });
    expect((await api(env.server, 'GET', '/api/clinic/retention/preview', { cookie: env.admin })).body).toEqual({ months: null, cutoff: null, counts: {} });
    const short = await api(env.server, 'PUT', '/api/clinic/retention', { body: { months: 12 }, cookie: env.admin });
    expect(short.status).toBe(400);
    expect((await api(env.server, 'PUT', '/api/clinic/retention', { body: { months: 84 }, cookie: env.facilitator })).status).toBe(403);
    expect((await api(env.server, 'GET', '/api/clinic/retention', { cookie: env.admin })).body).toEqual({ months: null });
  });

  it('purges the records of sessions that ended before now less the period, keeps newer ones, the audit and the disclosure logs', async () => {
    const old = await heldSession('Old');
    now += 2 * YEAR_MS;
    const recent = await heldSession('Recent');
    // A group note of each (a draft of the old one's, the recent one's too): notes go with their session.
    await env.server.clinic.notes.saveDraft(old.sessionId, old.a, emptyIndividual('DAP'), 'someone', now);
    await env.server.clinic.notes.saveDraft(recent.sessionId, recent.a, emptyIndividual('DAP'), 'someone', now);
    now += 5 * YEAR_MS; // old ended 7 years ago, recent 5
    const admin = await signInAgain(env.server, 'admin');
    const facilitator = await signInAgain(env.server, 'facilitator');
    const { clinic } = env.server;

    // With no period set, nothing can be purged.
    expect((await api(env.server, 'POST', '/api/clinic/retention/purge', { body: { before: new Date(now).toISOString() }, cookie: admin })).status).toBe(409);
    expect((await api(env.server, 'PUT', '/api/clinic/retention', { body: { months: 72 }, cookie: admin })).body).toEqual({ months: 72 });

    const preview = (await api(env.server, 'GET', '/api/clinic/retention/preview', { cookie: admin })).body as PurgePreview;
    expect(preview.counts).toEqual({ 'group-notes': 1, 'attendance-logs': 1, 'session-logs': 1, sessions: 1 });
    expect(Date.parse(preview.cutoff!)).toBeLessThan(now - 6 * 365 * 86_400_000 + 2 * 86_400_000);

    // A facilitator may neither preview nor purge; a malformed purge changes nothing.
    expect((await api(env.server, 'GET', '/api/clinic/retention/preview', { cookie: facilitator })).status).toBe(403);
    expect((await api(env.server, 'POST', '/api/clinic/retention/purge', { body: { before: preview.cutoff }, cookie: facilitator })).status).toBe(403);
    expect((await api(env.server, 'POST', '/api/clinic/retention/purge', { body: { before: 'yesterday' }, cookie: admin })).status).toBe(400);
    expect(await clinic.store.sessions.get(old.sessionId)).toBeDefined();

    const auditBefore = await clinic.audit.all();
    const disclosuresOfOld = await clinic.disclosures.ofMember(old.a);
    const purged = await api(env.server, 'POST', '/api/clinic/retention/purge', { body: { before: preview.cutoff }, cookie: admin });
    expect(purged.body).toEqual({ counts: { 'group-notes': 1, 'attendance-logs': 1, 'session-logs': 1, sessions: 1 } });

    // The old session's records are gone, over HTTP and in the store…
    expect((await api(env.server, 'GET', `/api/sessions/${old.sessionId}`, { cookie: admin })).status).toBe(404);
    expect(((await api(env.server, 'GET', `/api/cohorts/${old.cohortId}/sessions`, { cookie: admin })).body as { sessions: unknown[] }).sessions).toEqual([]);
    expect(await clinic.attendance.events(old.sessionId)).toEqual([]);
    expect(await clinic.pairs.events(old.sessionId)).toEqual([]);
    expect(await clinic.notes.listBySession(old.sessionId)).toEqual([]);
    expect(await clinic.store.invites.listBySession(old.sessionId)).toEqual([]);
    for (const jti of old.jtis) expect(await clinic.store.invites.get(jti)).toBeUndefined();
    // …the newer one is kept…
    expect((await api(env.server, 'GET', `/api/sessions/${recent.sessionId}/attendance`, { cookie: admin })).status).toBe(200);
    expect(await clinic.attendance.events(recent.sessionId)).toHaveLength(2);
    expect(await clinic.notes.listBySession(recent.sessionId)).toHaveLength(1);
    expect(await clinic.store.invites.listBySession(recent.sessionId)).toHaveLength(2);
    // …the disclosure log is kept, the audit log untouched but for one entry of counts, and its chain verifies.
    expect(await clinic.disclosures.ofMember(old.a)).toEqual(disclosuresOfOld);
    const auditAfter = await clinic.audit.all();
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter.slice(auditBefore.length).map((e) => e.action)).toEqual([`records-purged:before=${preview.cutoff},group-notes=1,attendance-logs=1,session-logs=1,sessions=1`]);
    expect((await api(env.server, 'GET', '/api/audit/verify', { cookie: admin })).body).toMatchObject({ ok: true, count: auditAfter.length });

    // Nothing is left to purge.
    expect(((await api(env.server, 'GET', '/api/clinic/retention/preview', { cookie: admin })).body as PurgePreview).counts).toEqual({ 'group-notes': 0, 'attendance-logs': 0, 'session-logs': 0, sessions: 0 });
  });
});
