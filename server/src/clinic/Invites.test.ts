import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import type { ClinicStore } from '../store/ClinicStore.js';
import { memoryStores } from '../store/Stores.js';
import { Invites } from './Invites.js';

const DAY = 24 * 60 * 60_000;
let now: number;
let store: ClinicStore;
let invites: Invites;

async function seed(scheduledStart?: number) {
  await store.cohorts.insert({ id: 'c1', name: 'Evening', timeZone: 'America/Chicago', createdAt: now });
  await store.members.insert({ id: 'm1', cohortId: 'c1', pseudonym: 'Alex', createdAt: now });
  await store.members.insert({ id: 'm2', cohortId: 'c1', pseudonym: 'Blake', contact: '555-0100', createdAt: now });
  await store.sessions.insert({ id: 's1', cohortId: 'c1', title: 'Monday', scheduledStart, createdBy: 'a1', createdAt: now, status: 'scheduled' });
}

const tokenOf = (url: string) => url.replace(/^\/join\//, '');

beforeEach(() => {
  now = Date.parse('2025-03-03T12:00:00Z');
  const clock = () => now;
  store = memoryStores(clock).clinic;
  invites = new Invites({ store, clock, key: randomBytes(32), log: createLogger('silent') });
});

describe('invites', () => {
  it('issues one link per member, and verifying one says who it admits', async () => {
    await seed();
    const links = await invites.issueForSession('s1');
    expect(links.map((l) => l.pseudonym)).toEqual(['Alex', 'Blake']);
    expect(links[0]?.url).toMatch(/^\/join\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const check = await invites.verify(tokenOf(links[1]?.url ?? ''));
    expect(check).toEqual({
      ok: true,
      invite: { jti: links[1]?.jti, sessionId: 's1', cohortId: 'c1', memberId: 'm2', pseudonym: 'Blake', expiresAt: now + 7 * DAY },
    });
  });

  it('keeps members’ live links when issuing again, and gives newcomers one', async () => {
    await seed();
    const first = await invites.issueForSession('s1');
    await store.members.insert({ id: 'm3', cohortId: 'c1', pseudonym: 'Casey', createdAt: now });
    const second = await invites.issueForSession('s1');
    expect(second.slice(0, 2)).toEqual(first);
    expect(second.map((l) => l.pseudonym)).toEqual(['Alex', 'Blake', 'Casey']);
  });

  it('refuses a tampered token as INVITE_INVALID', async () => {
    await seed();
    const [link] = await invites.issueForSession('s1');
    const token = tokenOf(link?.url ?? '');
    const [body = ''] = token.split('.');
    expect(await invites.verify(`${body}.${'A'.repeat(43)}`)).toEqual({ ok: false, code: 'INVITE_INVALID' });
    expect(await invites.verify('junk')).toEqual({ ok: false, code: 'INVITE_INVALID' });
  });

  it('expires by the clock: 7 days without a schedule', async () => {
    await seed();
    const [link] = await invites.issueForSession('s1');
    const token = tokenOf(link?.url ?? '');
    now += 7 * DAY - 1;
    expect((await invites.verify(token)).ok).toBe(true);
    now += 1;
    expect(await invites.verify(token)).toEqual({ ok: false, code: 'INVITE_EXPIRED' });
    expect(await invites.verify(token, now - 1000)).toMatchObject({ ok: true });
  });

  it('expires at the end of the day after a scheduled session, in the cohort’s zone', async () => {
    // Monday 2025-03-03 18:00 in Chicago (CST) = 2025-03-04T00:00Z; ends at Wednesday 00:00 CST.
    await seed(Date.parse('2025-03-04T00:00:00Z'));
    const [link] = await invites.issueForSession('s1');
    expect(new Date(link?.expiresAt ?? 0).toISOString()).toBe('2025-03-05T06:00:00.000Z');
  });

  it('refuses to issue for a session whose day has passed, or one that ended', async () => {
    await seed(Date.parse('2025-02-01T00:00:00Z'));
    await expect(invites.issueForSession('s1')).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await store.sessions.setStatus('s1', 'ended');
    await expect(invites.issueForSession('s1')).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(invites.issueForSession('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers INVITE_REVOKED once revoked, and the list no longer shows it', async () => {
    await seed();
    const [alex, blake] = await invites.issueForSession('s1');
    const revoked = await invites.revoke(alex?.jti ?? '');
    expect(revoked.revokedAt).toBe(now);
    expect(await invites.verify(tokenOf(alex?.url ?? ''))).toEqual({ ok: false, code: 'INVITE_REVOKED' });
    expect(await invites.list('s1')).toEqual([blake]);
    await expect(invites.revoke('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('re-issuing revokes the member’s earlier link and only theirs', async () => {
    await seed();
    const [alex, blake] = await invites.issueForSession('s1');
    const fresh = await invites.reissue('s1', 'm1');
    expect(fresh.jti).not.toBe(alex?.jti);
    expect(await invites.verify(tokenOf(alex?.url ?? ''))).toEqual({ ok: false, code: 'INVITE_REVOKED' });
    expect((await invites.verify(tokenOf(fresh.url))).ok).toBe(true);
    expect((await invites.verify(tokenOf(blake?.url ?? ''))).ok).toBe(true);
    await expect(invites.reissue('s1', 'not-a-member')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('two re-issues at once leave the member exactly one live link', async () => {
    await seed();
    await invites.issueForSession('s1');
    await Promise.all([invites.reissue('s1', 'm1'), invites.reissue('s1', 'm1')]);
    expect((await invites.list('s1')).filter((l) => l.memberId === 'm1')).toHaveLength(1);
  });

  it('stops admitting once the session has ended', async () => {
    await seed();
    const [link] = await invites.issueForSession('s1');
    await store.sessions.setStatus('s1', 'live');
    expect((await invites.verify(tokenOf(link?.url ?? ''))).ok).toBe(true);
    await store.sessions.setStatus('s1', 'ended');
    expect(await invites.verify(tokenOf(link?.url ?? ''))).toEqual({ ok: false, code: 'SESSION_ENDED' });
  });

  it('refuses a token signed with another key (another server’s secret)', async () => {
    await seed();
    const [link] = await invites.issueForSession('s1');
    const clock = () => now;
    const other = new Invites({ store, clock, key: randomBytes(32), log: createLogger('silent') });
    expect(await other.verify(tokenOf(link?.url ?? ''))).toEqual({ ok: false, code: 'INVITE_INVALID' });
  });
});
