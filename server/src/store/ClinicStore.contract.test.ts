import { beforeEach, describe, expect, it } from 'vitest';
import type { ClinicStore } from './ClinicStore.js';
import { MemoryClinicStore } from './MemoryClinicStore.js';

/**
 * One suite for every backend: a new store (Redis) adds itself to this list and must pass
 * the same tests. Each factory gets a clock the test controls.
 */
const backends: [string, (clock: () => number) => ClinicStore][] = [['memory', (clock) => new MemoryClinicStore(clock)]];

const admin = (id: string, email: string) => ({ id, email, displayName: 'X', role: 'admin' as const, passwordHash: 'scrypt$h', createdAt: 1 });

describe.each(backends)('ClinicStore contract: %s', (_name, create) => {
  let now: number;
  let store: ClinicStore;
  beforeEach(() => {
    now = 1_000_000;
    store = create(() => now);
    return () => store.close();
  });

  it('creates the first account only while there is none', async () => {
    const results = await Promise.all([store.accounts.insertFirst(admin('a', 'a@x.org')), store.accounts.insertFirst(admin('b', 'b@x.org'))]);
    expect(results.sort()).toEqual([false, true]);
    expect(await store.accounts.count()).toBe(1);
  });

  it('keeps emails unique and finds accounts by id and email', async () => {
    expect(await store.accounts.insert(admin('a', 'a@x.org'))).toBe(true);
    expect(await store.accounts.insert(admin('b', 'a@x.org'))).toBe(false);
    expect((await store.accounts.findByEmail('a@x.org'))?.id).toBe('a');
    expect(await store.accounts.get('a')).toEqual(admin('a', 'a@x.org'));
    expect(await store.accounts.get('b')).toBeUndefined();
  });

  it('hands out copies: changing a returned record changes nothing stored', async () => {
    await store.accounts.insert(admin('a', 'a@x.org'));
    const got = await store.accounts.get('a');
    if (got) got.role = 'facilitator';
    expect((await store.accounts.get('a'))?.role).toBe('admin');
  });

  it('stores, finds and deletes login sessions', async () => {
    await store.loginSessions.insert({ id: 'k', accountId: 'a', expiresAt: now + 1000 });
    expect(await store.loginSessions.get('k')).toEqual({ id: 'k', accountId: 'a', expiresAt: now + 1000 });
    await store.loginSessions.delete('k');
    expect(await store.loginSessions.get('k')).toBeUndefined();
  });

  it('updates failure counters atomically under parallel updates', async () => {
    const bump = () =>
      store.loginFailures.update('e', (c) => ({ count: (c?.count ?? 0) + 1, windowStart: now, expiresAt: now + 60_000 }));
    await Promise.all(Array.from({ length: 20 }, bump));
    expect((await store.loginFailures.get('e'))?.count).toBe(20);
    expect(await store.loginFailures.update('e', () => undefined)).toBeUndefined();
    expect(await store.loginFailures.get('e')).toBeUndefined();
  });

  it('lists cohorts, members and sessions oldest first, members and sessions by cohort', async () => {
    await store.cohorts.insert({ id: 'c1', name: 'One', timeZone: 'UTC', createdAt: 1 });
    await store.cohorts.insert({ id: 'c2', name: 'Two', timeZone: 'UTC', createdAt: 2 });
    await store.members.insert({ id: 'm1', cohortId: 'c1', pseudonym: 'Alex', contact: '555', createdAt: 1 });
    await store.members.insert({ id: 'm2', cohortId: 'c2', pseudonym: 'Blake', createdAt: 2 });
    await store.members.insert({ id: 'm3', cohortId: 'c1', pseudonym: 'Casey', createdAt: 3 });
    await store.sessions.insert({ id: 's1', cohortId: 'c1', title: 'Mon', createdBy: 'a', createdAt: 1, status: 'scheduled' });
    expect((await store.cohorts.list()).map((c) => c.id)).toEqual(['c1', 'c2']);
    expect((await store.members.listByCohort('c1')).map((m) => m.pseudonym)).toEqual(['Alex', 'Casey']);
    expect((await store.members.get('m1'))?.contact).toBe('555');
    expect((await store.sessions.listByCohort('c1')).map((s) => s.id)).toEqual(['s1']);
    expect(await store.sessions.listByCohort('c2')).toEqual([]);
  });

  it('keeps a cohort\'s "never pair" rules, replacing them as a whole', async () => {
    await store.cohorts.insert({ id: 'c1', name: 'One', timeZone: 'UTC', createdAt: 1 });
    expect(await store.cohorts.setNeverPairs('c1', [['m1', 'm2'], ['m1', 'm3']])).toBe(true);
    expect((await store.cohorts.get('c1'))?.neverPairs).toEqual([['m1', 'm2'], ['m1', 'm3']]);
    expect(await store.cohorts.setNeverPairs('c1', [['m2', 'm3']])).toBe(true);
    expect((await store.cohorts.list())[0]?.neverPairs).toEqual([['m2', 'm3']]);
    expect(await store.cohorts.setNeverPairs('nope', [])).toBe(false);
  });

  it('moves a session through its statuses', async () => {
    await store.sessions.insert({ id: 's1', cohortId: 'c1', title: 'Mon', scheduledStart: 5, createdBy: 'a', createdAt: 1, status: 'scheduled' });
    expect(await store.sessions.setStatus('s1', 'live')).toBe(true);
    expect((await store.sessions.get('s1'))?.status).toBe('live');
    expect(await store.sessions.setStatus('nope', 'ended')).toBe(false);
  });

  it('revokes an invite once: the first revocation time stays', async () => {
    await store.invites.insert({ jti: 'j1', sessionId: 's1', cohortId: 'c1', memberId: 'm1', issuedAt: 1, expiresAt: 9 });
    await store.invites.insert({ jti: 'j2', sessionId: 's2', cohortId: 'c1', memberId: 'm1', issuedAt: 1, expiresAt: 9 });
    expect((await store.invites.revoke('j1', 5))?.revokedAt).toBe(5);
    expect((await store.invites.revoke('j1', 7))?.revokedAt).toBe(5);
    expect(await store.invites.revoke('nope', 7)).toBeUndefined();
    expect((await store.invites.listBySession('s1')).map((i) => [i.jti, i.revokedAt])).toEqual([['j1', 5]]);
    expect((await store.invites.get('j2'))?.revokedAt).toBeUndefined();
  });

  it('may drop expired login sessions and failure counters, never live ones', async () => {
    await store.loginSessions.insert({ id: 'old', accountId: 'a', expiresAt: now + 10 });
    await store.loginFailures.update('old@x.org', () => ({ count: 1, windowStart: now, expiresAt: now + 10 }));
    now += 24 * 60 * 60_000;
    await store.loginSessions.insert({ id: 'new', accountId: 'a', expiresAt: now + 10 });
    expect(await store.loginSessions.get('new')).toBeDefined();
    // A backend may keep an expired record a while (callers check expiresAt), but must not lose a live one.
    const old = await store.loginSessions.get('old');
    if (old) expect(old.expiresAt).toBeLessThan(now);
  });
});

describe('MemoryClinicStore', () => {
  it('sweeps expired login sessions and failure counters', async () => {
    let now = 0;
    const store = new MemoryClinicStore(() => now);
    await store.loginSessions.insert({ id: 'old', accountId: 'a', expiresAt: 10 });
    await store.loginFailures.update('old@x.org', () => ({ count: 1, windowStart: 0, expiresAt: 10 }));
    now = 120_000;
    await store.loginSessions.insert({ id: 'new', accountId: 'a', expiresAt: now + 10 });
    expect(await store.loginSessions.get('old')).toBeUndefined();
    expect(await store.loginFailures.get('old@x.org')).toBeUndefined();
    expect(await store.loginSessions.get('new')).toBeDefined();
  });

  it('is not persistent', () => {
    expect(new MemoryClinicStore(() => 0).persistent).toBe(false);
  });
});
