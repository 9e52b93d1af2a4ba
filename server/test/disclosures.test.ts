import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Accounting } from '@hearth/shared';
import { api } from './clinicApi.js';
import { BACKENDS, cohortWithSession, recordsServer } from './recordsFixture.js';

// The accounting of disclosures (42 CFR Part 2) over HTTP, on both backends.
describe.each(BACKENDS)('accounting of disclosures (%s)', (backend) => {
  let now = Date.parse('2026-03-02T18:00:00Z');
  let env: Awaited<ReturnType<typeof recordsServer>>;
  beforeAll(async () => {
    env = await recordsServer(backend, () => now);
  });
  afterAll(async () => {
    await env?.close();
  });

  const csvOf = (sessionId: string, query: Record<string, string>, cookie: string) =>
    fetch(`${env.server.url}/api/sessions/${sessionId}/attendance.csv?${new URLSearchParams(query).toString()}`, { headers: { cookie } });
  const accountingOf = async (memberId: string, from: string, to: string, cookie = env.admin) =>
    api(env.server, 'GET', `/api/disclosures/accounting?${new URLSearchParams({ memberId, from, to }).toString()}`, { cookie });
  const disclosureCount = async () => (await env.server.clinic.audit.all()).filter((e) => e.action.startsWith('disclosure-recorded')).length;

  it('an attendance CSV without a recipient or a purpose is refused: no file, nothing recorded', async () => {
    const { sessionId, members } = await cohortWithSession(env.server, env.facilitator, ['Alex', 'Blake']);
    const before = await disclosureCount();
    const queries: Record<string, string>[] = [{}, { recipient: 'Acme Health Plan' }, { purpose: 'claim review' }, { recipient: ' ', purpose: 'claim review' }];
    for (const query of queries) {
      const res = await csvOf(sessionId, query, env.facilitator);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DISCLOSURE_REQUIRED');
    }
    expect(await disclosureCount()).toBe(before);
    expect(((await accountingOf(members['Alex']!, '2026-03-01', '2026-03-31')).body as Accounting).disclosures).toEqual([]);
  });

  it('with them, the export is recorded for every participant of the session and listed in each one\'s accounting over the range', async () => {
    const { sessionId, members } = await cohortWithSession(env.server, env.facilitator, ['Casey', 'Drew']);
    const res = await csvOf(sessionId, { recipient: 'Acme Health Plan', purpose: 'Claim review for March' }, env.facilitator);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(',Casey,');

    for (const memberId of Object.values(members)) {
      const accounting = (await accountingOf(memberId, '2026-03-01', '2026-03-31')).body as Accounting;
      expect(accounting.disclosures).toHaveLength(1);
      expect(accounting.disclosures[0]).toMatchObject({
        at: '2026-03-02T18:00:00.000Z',
        recipient: 'Acme Health Plan',
        purpose: 'Claim review for March',
        what: { kind: 'attendance-csv', sessionId },
        description: 'Attendance CSV: Evening group, 2026-03-02',
        by: 'Fran',
      });
    }
    // Outside the range: not listed.
    expect(((await accountingOf(members['Casey']!, '2026-03-03', '2026-03-31')).body as Accounting).disclosures).toEqual([]);

    // The audit log names the disclosure, never its recipient or purpose.
    const audit = JSON.stringify(await env.server.clinic.audit.all());
    expect(audit).toContain('disclosure-recorded');
    expect(audit).not.toContain('Acme');
    expect(audit).not.toContain('Claim review');

    // The admin's CSV of the accounting.
    const csv = await fetch(`${env.server.url}/api/disclosures/accounting.csv?${new URLSearchParams({ memberId: members['Drew']!, from: '2026-03-01', to: '2026-03-31' }).toString()}`, {
      headers: { cookie: env.admin },
    });
    expect(csv.status).toBe(200);
    expect((await csv.text()).trim().split('\r\n')).toEqual(['date,time,recipient,purpose,what,by', '2026-03-02,18:00,Acme Health Plan,Claim review for March,"Attendance CSV: Evening group, 2026-03-02",Fran']);
  });

  it('a cohort\'s CSV over a range of days also asks, and discloses everyone listed in it', async () => {
    const { cohortId, members } = await cohortWithSession(env.server, env.facilitator, ['Emery'], { title: 'Held', scheduledStart: '2026-03-02T17:00:00Z' });
    const range = { from: '2026-03-01', to: '2026-03-31' };
    const url = (q: Record<string, string>) => `${env.server.url}/api/cohorts/${cohortId}/attendance.csv?${new URLSearchParams(q).toString()}`;
    // A scheduled session never held is not in the CSV, so nobody is disclosed by it.
    now += 60_000;
    await env.server.clinic.attendance.append((await env.server.clinic.store.sessions.listByCohort(cohortId))[0]!.id, [{ memberId: members['Emery']!, kind: 'in', at: Date.parse('2026-03-02T17:01:00Z') }]);
    expect((await fetch(url(range), { headers: { cookie: env.facilitator } })).status).toBe(400);
    const ok = await fetch(url({ ...range, recipient: 'County court', purpose: 'Court order 12-345' }), { headers: { cookie: env.facilitator } });
    expect(ok.status).toBe(200);
    const accounting = (await accountingOf(members['Emery']!, '2026-03-01', '2026-03-31')).body as Accounting;
    expect(accounting.disclosures.map((d) => [d.recipient, d.what])).toEqual([['County court', { kind: 'attendance-csv', cohortId, from: '2026-03-01', to: '2026-03-31' }]]);
  });

  it('the accounting is the admins\': a facilitator is refused, signed-out is refused, a bad query is refused', async () => {
    const { members } = await cohortWithSession(env.server, env.facilitator, ['Finley']);
    const memberId = members['Finley']!;
    expect((await accountingOf(memberId, '2026-03-01', '2026-03-31', env.facilitator)).status).toBe(403);
    expect((await api(env.server, 'GET', `/api/disclosures/accounting?memberId=${memberId}&from=2026-03-01&to=2026-03-31`)).status).toBe(401);
    expect((await fetch(`${env.server.url}/api/disclosures/accounting.csv?memberId=${memberId}&from=2026-03-01&to=2026-03-31`, { headers: { cookie: env.facilitator } })).status).toBe(403);
    expect((await accountingOf(memberId, '2026-03-31', '2026-03-01')).status).toBe(400);
    expect((await accountingOf('no-such-member', '2026-03-01', '2026-03-31')).status).toBe(404);
  });
});
