import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BILLING_PRESETS, newSession } from '@hearth/shared';
import { createLogger } from '../src/logger.js';
import { nextEntry, verifyChain, type AuditRecord } from '../src/store/auditChain.js';
import type { ClinicStore } from '../src/store/ClinicStore.js';
import { memoryStores, redisStores, type Stores } from '../src/store/Stores.js';
import { startRedis, type TestRedis } from '../src/testing/redisServer.js';

/**
 * One contract for every backend: the in-memory default and Redis (a real redis-server)
 * must pass the same tests. Each factory gets a clock the test controls.
 */
let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.destroy();
});

const backends: [string, (clock: () => number) => Promise<Stores>][] = [
  ['memory', async (clock) => memoryStores(clock)],
  [
    'redis',
    async (clock) => {
      // Every test starts from an empty Redis.
      const raw = new Redis(redis.url);
      await raw.flushall();
      raw.disconnect();
      return redisStores(redis.url, clock, createLogger('silent'));
    },
  ],
];

// The store chains; the key that signs stays with the server (KeyedAuditLog).
const auditKey = Buffer.alloc(32, 4);
const signed = (record: AuditRecord) => (last: Parameters<typeof nextEntry>[0]) => nextEntry(last, record, auditKey);

const admin = (id: string, email: string) => ({ id, email, displayName: 'X', role: 'admin' as const, passwordHash: 'scrypt$h', createdAt: 1 });

describe.each(backends)('stores contract: %s', (name, create) => {
  let now: number;
  let stores: Stores;
  let store: ClinicStore;
  beforeEach(async () => {
    now = 1_000_000;
    stores = await create(() => now);
    store = stores.clinic;
    return () => stores.close();
  });

  it('says whether it outlives the process', () => {
    expect(stores.persistent).toBe(name === 'redis');
    expect(store.persistent).toBe(name === 'redis');
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
    await store.accounts.insert({ ...admin('c', 'c@x.org'), createdAt: 2 });
    expect((await store.accounts.list()).map((a) => a.id)).toEqual(['a', 'c']);
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

  it('lists accounts oldest first and updates one atomically, never its id or email', async () => {
    const account = (id: string, email: string, createdAt: number) => ({ id, email, displayName: id, role: 'facilitator' as const, passwordHash: 'h', createdAt });
    await store.accounts.insert(account('b', 'b@x.org', 2));
    await store.accounts.insert(account('a', 'a@x.org', 1));
    expect((await store.accounts.list()).map((a) => a.id)).toEqual(['a', 'b']);
    const bump = () => store.accounts.update('a', (a) => ({ ...a, signInEpoch: (a.signInEpoch ?? 0) + 1 }));
    await Promise.all(Array.from({ length: 20 }, bump));
    expect((await store.accounts.get('a'))?.signInEpoch).toBe(20);
    const renamed = await store.accounts.update('a', (a) => ({ ...a, id: 'z', email: 'b@x.org', disabled: true }));
    expect(renamed).toMatchObject({ id: 'a', email: 'a@x.org', disabled: true });
    expect((await store.accounts.findByEmail('b@x.org'))?.id).toBe('b');
    expect(await store.accounts.update('nobody', (a) => a)).toBeUndefined();
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

  it('keeps a cohort\'s weekly schedule, replacing it as a whole; null clears it', async () => {
    await store.cohorts.insert({ id: 'c1', name: 'One', timeZone: 'UTC', createdAt: 1, neverPairs: [['m1', 'm2']] });
    const evenings = { weekdays: [1, 3, 4], startTime: '18:00', durationMinutes: 180 };
    expect(await store.cohorts.setSchedule('c1', evenings)).toBe(true);
    expect((await store.cohorts.get('c1'))?.schedule).toEqual(evenings);
    // The caller's object is not kept: changing it afterwards changes nothing stored.
    evenings.weekdays.push(5);
    expect((await store.cohorts.list())[0]?.schedule?.weekdays).toEqual([1, 3, 4]);
    expect(await store.cohorts.setSchedule('c1', { weekdays: [2], startTime: '09:30', durationMinutes: 60 })).toBe(true);
    expect((await store.cohorts.get('c1'))?.schedule).toEqual({ weekdays: [2], startTime: '09:30', durationMinutes: 60 });
    expect(await store.cohorts.setSchedule('c1', null)).toBe(true);
    // Cleared as if never set, and the cohort's other records are untouched.
    expect(await store.cohorts.get('c1')).toEqual({ id: 'c1', name: 'One', timeZone: 'UTC', createdAt: 1, neverPairs: [['m1', 'm2']] });
    expect(await store.cohorts.setSchedule('nope', null)).toBe(false);
    expect(await store.cohorts.get('nope')).toBeUndefined();
  });

  it('keeps a cohort\'s billing profile; null clears it; a cohort stored before profiles existed reads with none', async () => {
    await store.cohorts.insert({ id: 'c1', name: 'One', timeZone: 'UTC', createdAt: 1 });
    expect((await store.cohorts.get('c1'))?.billing).toBeUndefined();
    expect(await store.cohorts.setBilling('c1', BILLING_PRESETS.H0015)).toBe(true);
    expect((await store.cohorts.get('c1'))?.billing).toEqual(BILLING_PRESETS.H0015);
    expect(await store.cohorts.setBilling('c1', null)).toBe(true);
    expect(await store.cohorts.get('c1')).toEqual({ id: 'c1', name: 'One', timeZone: 'UTC', createdAt: 1 });
    expect(await store.cohorts.setBilling('nope', BILLING_PRESETS.S9480)).toBe(false);
  });

  it('keeps the clinic\'s settings, replaced as a whole, a copy each time', async () => {
    expect(await store.settings.get()).toBeUndefined();
    const info = {
      name: 'Lakeside Recovery',
      country: 'CA',
      crisisResources: [
        { label: 'Talk Suicide Canada', kind: 'call' as const, value: '988', detail: 'Call or text, any time' },
        { label: 'Kids Help Phone', kind: 'text' as const, value: '686868' },
      ],
    };
    await store.settings.set(info);
    // The caller's object is not kept: changing it afterwards changes nothing stored.
    info.crisisResources.pop();
    const saved = await store.settings.get();
    expect(saved?.crisisResources.map((r) => r.label)).toEqual(['Talk Suicide Canada', 'Kids Help Phone']);
    saved!.name = 'changed';
    expect((await store.settings.get())?.name).toBe('Lakeside Recovery');
    await store.settings.set({ name: 'Lakeside', country: 'US', crisisResources: [{ label: '988', kind: 'call', value: '988' }] });
    expect(await store.settings.get()).toEqual({ name: 'Lakeside', country: 'US', crisisResources: [{ label: '988', kind: 'call', value: '988' }] });
  });

  it('moves a session through its statuses', async () => {
    await store.sessions.insert({ id: 's1', cohortId: 'c1', title: 'Mon', scheduledStart: 5, createdBy: 'a', createdAt: 1, status: 'scheduled' });
    expect(await store.sessions.setStatus('s1', 'live')).toBe(true);
    expect((await store.sessions.get('s1'))?.status).toBe('live');
    expect(await store.sessions.setStatus('nope', 'ended')).toBe(false);
  });

  it('deletes a session with its invites and its place in its cohort, keeping the others in order', async () => {
    for (const id of ['s1', 's2', 's3']) await store.sessions.insert({ id, cohortId: 'c1', title: id, createdBy: 'a', createdAt: 1, status: 'ended' });
    await store.invites.insert({ jti: 'j1', sessionId: 's2', cohortId: 'c1', memberId: 'm1', issuedAt: 1, expiresAt: 2 });
    await store.invites.insert({ jti: 'j3', sessionId: 's3', cohortId: 'c1', memberId: 'm1', issuedAt: 1, expiresAt: 2 });
    await stores.attendance.append('s2', [{ memberId: 'm1', kind: 'in', at: 1 }]);
    expect(await stores.attendance.has('s2')).toBe(true);
    await store.sessions.delete('s2');
    await stores.attendance.delete('s2');
    expect((await store.sessions.listByCohort('c1')).map((s) => s.id)).toEqual(['s1', 's3']);
    expect(await store.sessions.get('s2')).toBeUndefined();
    expect(await store.invites.get('j1')).toBeUndefined();
    expect(await store.invites.listBySession('s2')).toEqual([]);
    expect((await store.invites.get('j3'))?.sessionId).toBe('s3');
    expect(await stores.attendance.has('s2')).toBe(false);
    await store.sessions.delete('nope');
  });

  it('keeps each disclosure once per member it names, oldest first', async () => {
    const d = (id: string, memberIds: string[]) => ({ id, at: 1, byId: 'a', memberIds, what: { kind: 'attendance-csv' as const, sessionId: 's1' }, description: 'x', recipient: 'R', purpose: 'P' });
    await stores.disclosures.append(d('d1', ['m1', 'm2']));
    await stores.disclosures.append(d('d2', ['m1']));
    expect((await stores.disclosures.ofMember('m1')).map((x) => x.id)).toEqual(['d1', 'd2']);
    expect(await stores.disclosures.ofMember('m2')).toEqual([d('d1', ['m1', 'm2'])]);
    expect(await stores.disclosures.ofMember('m3')).toEqual([]);
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

  it('assigns facilitators to cohorts and finds them both ways; assigning and unassigning are idempotent', async () => {
    const staff = store.cohortStaff;
    await Promise.all([staff.assign('c1', 'f2'), staff.assign('c1', 'f1'), staff.assign('c2', 'f1'), staff.assign('c1', 'f1')]);
    expect(await staff.staffOf('c1')).toEqual(['f1', 'f2']);
    expect(await staff.cohortsOf('f1')).toEqual(['c1', 'c2']);
    expect(await staff.isAssigned('c2', 'f1')).toBe(true);
    expect(await staff.isAssigned('c2', 'f2')).toBe(false);
    await staff.unassign('c1', 'f1');
    await staff.unassign('c1', 'f1');
    await staff.unassign('nope', 'f9');
    expect(await staff.staffOf('c1')).toEqual(['f2']);
    expect(await staff.cohortsOf('f1')).toEqual(['c2']);
    expect(await staff.isAssigned('c1', 'f1')).toBe(false);
    expect(await staff.staffOf('nope')).toEqual([]);
    expect(await staff.cohortsOf('nobody')).toEqual([]);
  });

  it('may drop expired login sessions, never live ones', async () => {
    await store.loginSessions.insert({ id: 'old', accountId: 'a', expiresAt: now + 10 });
    now += 24 * 60 * 60_000;
    await store.loginSessions.insert({ id: 'new', accountId: 'a', expiresAt: now + 10 });
    expect(await store.loginSessions.get('new')).toBeDefined();
    // A backend may keep an expired record a while (callers check expiresAt), but must not lose a live one.
    const old = await store.loginSessions.get('old');
    if (old) expect(old.expiresAt).toBeLessThan(now);
  });

  it('keeps a session\'s state as it was saved, a copy each time', async () => {
    const state = newSession('s1');
    await stores.sessionStates.save({ ...state, version: 3 });
    const loaded = await stores.sessionStates.load('s1');
    expect(loaded).toEqual({ ...state, version: 3 });
    loaded!.version = 99;
    expect((await stores.sessionStates.load('s1'))?.version).toBe(3);
    expect(await stores.sessionStates.load('nope')).toBeUndefined();
  });

  it('appends attendance events per session, in order, and never loses one', async () => {
    await stores.attendance.append('s1', [{ memberId: 'a', kind: 'in', at: 1 }]);
    await stores.attendance.append('s2', [{ memberId: 'b', kind: 'in', at: 2 }]);
    await Promise.all(Array.from({ length: 10 }, (_, i) => stores.attendance.append('s1', [{ memberId: `m${i}`, kind: 'in', at: 10 + i }])));
    await stores.attendance.append('s1', []);
    const s1 = await stores.attendance.events('s1');
    expect(s1).toHaveLength(11);
    expect(s1[0]).toEqual({ memberId: 'a', kind: 'in', at: 1 });
    expect(await stores.attendance.events('s2')).toEqual([{ memberId: 'b', kind: 'in', at: 2 }]);
    expect(await stores.attendance.events('none')).toEqual([]);
  });

  it('appends pair history per session, one record per breakout, groups kept whole', async () => {
    const record = (breakoutId: string, groups: string[][]) => ({ breakoutId, startedAt: 1, endedAt: 2, groups });
    await stores.pairs.append('s1', [record('b1', [['a', 'b'], ['c', 'd', 'e']])]);
    await stores.pairs.append('s2', [record('b9', [['x', 'y']])]);
    await stores.pairs.append('s1', [record('b2', [['a', 'c']])]);
    await stores.pairs.append('s1', []);
    const s1 = await stores.pairs.events('s1');
    expect(s1).toEqual([record('b1', [['a', 'b'], ['c', 'd', 'e']]), record('b2', [['a', 'c']])]);
    s1[0]!.groups[0]!.push('changed');
    expect((await stores.pairs.events('s1'))[0]!.groups[0]).toEqual(['a', 'b']);
    expect(await stores.pairs.events('none')).toEqual([]);
  });

  it('chains audit entries, even appended all at once, and lists the newest first', async () => {
    const record = (i: number) => ({ at: i, action: 'admitted', actorId: 'f', targetId: `m${i}`, sessionId: 's1' });
    await Promise.all(Array.from({ length: 25 }, (_, i) => stores.audit.append(signed(record(i)))));
    const all = await stores.audit.all();
    expect(all.map((e) => (e as { seq: number }).seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(verifyChain(all, auditKey)).toEqual({ ok: true, count: 25 });
    expect((await stores.audit.recent(3)).map((e) => e.seq)).toEqual([25, 24, 23]);
  });

  describe('group notes', () => {
    const dap = (data: string) => ({ template: 'DAP' as const, data, assessment: '', plan: '' });
    const facts = { attendedMinutes: 90, treatmentMinutes: 80, modality: ['video' as const], modifier: '95' as const, placeOfService: null, turnsTaken: 1, turnsPassed: 0, feedbackGiven: 2, feedbackReceived: 1, pulseAnswers: [], talkMinutes: 4, helpRequests: 0 };
    const signer = (accountId: string, at: number) => ({ accountId, name: 'Dana Reyes', credential: 'LCSW', at });

    it('keeps a cohort\'s notes settings, DAP without co-signing until set', async () => {
      expect(await stores.notes.settings('c1')).toEqual({ template: 'DAP', coSign: false });
      await stores.notes.setSettings('c1', { template: 'BIRP', coSign: true });
      expect(await stores.notes.settings('c1')).toEqual({ template: 'BIRP', coSign: true });
      expect(await stores.notes.settings('c2')).toEqual({ template: 'DAP', coSign: false });
    });

    it('[GNOTE1] saves drafts until signed; a signed note refuses every edit with NOTE_LOCKED and keeps what was signed', async () => {
      await stores.notes.setGroup('s1', { topic: 'Coping', interventions: 'CBT' }, 'f1', 1);
      await stores.notes.saveDraft('s1', 'm1', dap('first'), 'f1', 2);
      await stores.notes.saveDraft('s1', 'm1', dap('second'), 'f1', 3);
      await stores.notes.saveDraft('s1', 'm2', dap('other'), 'f1', 4);
      const signed = await stores.notes.sign('s1', 'm1', signer('f1', 5), facts);
      expect(signed.signed).toMatchObject({ group: { topic: 'Coping', interventions: 'CBT' }, facts, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      await expect(stores.notes.saveDraft('s1', 'm1', dap('third'), 'f1', 6)).rejects.toMatchObject({ code: 'NOTE_LOCKED' });
      await expect(stores.notes.sign('s1', 'm1', signer('f1', 6), facts)).rejects.toMatchObject({ code: 'NOTE_LOCKED' });
      // The group section went into a signed note: it is locked with it.
      await expect(stores.notes.setGroup('s1', { topic: 'Changed', interventions: '' }, 'f1', 6)).rejects.toMatchObject({ code: 'NOTE_LOCKED' });
      expect((await stores.notes.group('s1'))?.section.topic).toBe('Coping');
      expect(await stores.notes.get('s1', 'm1')).toEqual(signed);
      // Other participants' drafts stay open.
      expect((await stores.notes.saveDraft('s1', 'm2', dap('other, more'), 'f1', 7)).individual).toEqual(dap('other, more'));
      expect((await stores.notes.listBySession('s1')).map((n) => n.memberId)).toEqual(['m1', 'm2']);
      await expect(stores.notes.sign('s1', 'nobody', signer('f1', 8), facts)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('[GNOTE1] signing at once with an edit: either the edit lands before the signature or is refused, never after it', async () => {
      await stores.notes.saveDraft('s1', 'm1', dap('draft'), 'f1', 1);
      const [edit, sign] = await Promise.allSettled([stores.notes.saveDraft('s1', 'm1', dap('racing edit'), 'f1', 2), stores.notes.sign('s1', 'm1', signer('f1', 2), facts)]);
      expect(sign.status).toBe('fulfilled');
      const stored = await stores.notes.get('s1', 'm1');
      if (edit.status === 'fulfilled') expect(stored?.individual.template === 'DAP' && stored.individual.data).toBe('racing edit');
      else expect(edit.reason).toMatchObject({ code: 'NOTE_LOCKED' });
    });

    it('[GNOTE2] appends dated addenda to a signed note only; co-signs once, by someone else', async () => {
      await stores.notes.saveDraft('s1', 'm1', dap('draft'), 'f1', 1);
      await expect(stores.notes.addAddendum('s1', 'm1', { at: 2, authorId: 'f1', authorName: 'Dana', text: 'x' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      await expect(stores.notes.coSign('s1', 'm1', signer('sup', 2))).rejects.toMatchObject({ code: 'INVALID_STATE' });
      const signed = await stores.notes.sign('s1', 'm1', signer('f1', 3), facts);
      await stores.notes.addAddendum('s1', 'm1', { at: 4, authorId: 'f1', authorName: 'Dana', text: 'called back' });
      await stores.notes.addAddendum('s1', 'm1', { at: 5, authorId: 'f2', authorName: 'Sam', text: 'seen again' });
      await expect(stores.notes.coSign('s1', 'm1', signer('f1', 6))).rejects.toMatchObject({ code: 'INVALID_STATE' });
      await stores.notes.coSign('s1', 'm1', signer('sup', 6));
      await expect(stores.notes.coSign('s1', 'm1', signer('sup2', 7))).rejects.toMatchObject({ code: 'INVALID_STATE' });
      const stored = await stores.notes.get('s1', 'm1');
      expect(stored?.addenda.map((a) => [a.at, a.authorName, a.text])).toEqual([[4, 'Dana', 'called back'], [5, 'Sam', 'seen again']]);
      expect(stored?.coSignature?.accountId).toBe('sup');
      expect(stored?.individual).toEqual(signed.individual);
      expect(stored?.signed).toEqual(signed.signed);
    });
  });
});

describe('Redis stores', () => {
  it('two connections (two nodes) appending to the audit log at once keep one chain', async () => {
    const raw = new Redis(redis.url);
    await raw.flushall();
    raw.disconnect();
    const nodes = await Promise.all([0, 1].map(() => redisStores(redis.url, () => 0, createLogger('silent'))));
    try {
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => nodes[i % 2]!.audit.append(signed({ at: i, action: 'entered', actorId: null, targetId: `m${i}`, sessionId: 's' }))),
      );
      const all = await nodes[0]!.audit.all();
      expect(all).toHaveLength(40);
      expect(verifyChain(all, auditKey)).toEqual({ ok: true, count: 40 });
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
    }
  });

  it('reach a Redis that requires a password through the password in REDIS_URL, and nothing without it', async () => {
    const locked = await startRedis({ password: 'p4ss-from-env' });
    // Whoever reaches the port without the password: connected, but every command refused.
    const stranger = new Redis(locked.url.replace(':p4ss-from-env@', ''), { lazyConnect: true, enableReadyCheck: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    stranger.on('error', () => {});
    const stores = await redisStores(locked.url, () => 0, createLogger('silent'));
    try {
      await stores.clinic.cohorts.insert({ id: 'c', name: 'Kept', timeZone: 'UTC', createdAt: 1 });
      expect((await stores.clinic.cohorts.get('c'))?.name).toBe('Kept');
      await stranger.connect();
      await expect(stranger.get('hearth:cohort:c')).rejects.toThrow(/NOAUTH/);
    } finally {
      stranger.disconnect();
      await stores.close();
      await locked.destroy();
    }
  });

  it('keep what was written across a redis-server restart (append-only file)', async () => {
    const stores = await redisStores(redis.url, () => 0, createLogger('silent'));
    try {
      await stores.clinic.cohorts.insert({ id: 'kept', name: 'Kept', timeZone: 'UTC', createdAt: 1 });
      await stores.attendance.append('s-kept', [{ memberId: 'a', kind: 'in', at: 5 }]);
      await stores.notes.saveDraft('s-kept', 'a', { template: 'SOAP', subjective: 'kept', objective: '', assessment: '', plan: '' }, 'f1', 6);
      await redis.stop();
      // Written while Redis is down: queued by the client, not lost.
      const pending = stores.attendance.append('s-kept', [{ memberId: 'a', kind: 'out', at: 9 }]);
      await redis.start();
      await pending;
      expect((await stores.clinic.cohorts.get('kept'))?.name).toBe('Kept');
      expect(await stores.attendance.events('s-kept')).toEqual([
        { memberId: 'a', kind: 'in', at: 5 },
        { memberId: 'a', kind: 'out', at: 9 },
      ]);
      // A server restarted mid-session (a new connection, nothing in memory) finds the note draft.
      const restarted = await redisStores(redis.url, () => 0, createLogger('silent'));
      expect((await restarted.notes.get('s-kept', 'a'))?.individual).toMatchObject({ template: 'SOAP', subjective: 'kept' });
      await restarted.close();
    } finally {
      await stores.close();
    }
  });
});
