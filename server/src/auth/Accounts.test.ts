import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.js';
import type { ClinicStore } from '../store/ClinicStore.js';
import { memoryStores } from '../store/Stores.js';
import { Accounts, type EndedSignIns } from './Accounts.js';
import { verifyPassword } from './password.js';

// The real scrypt, watched: an unknown email must cost a hash like a wrong password does.
vi.mock('./password.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('./password.js')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

const MIN = 60_000;
const PASSWORD = 'a long enough password';
const ANN_AT_HOME = '198.51.100.7';
const STRANGER = '203.0.113.66';
let now: number;
let store: ClinicStore;
let accounts: Accounts;

beforeEach(async () => {
  now = Date.parse('2025-03-03T12:00:00Z');
  const clock = () => now;
  store = memoryStores(clock).clinic;
  accounts = new Accounts({ store, clock, log: createLogger('silent') });
  await accounts.create({ email: 'Ann@Clinic.org', password: PASSWORD, displayName: 'Ann', role: 'facilitator' });
});

/** What the accounts report as ended from here on. */
function endedSignIns(): EndedSignIns[] {
  const ended: EndedSignIns[] = [];
  accounts.onSignInsEnded((e) => ended.push(e));
  return ended;
}

// Real scrypt: on a loaded 2-core machine ten hashes can outlast the default 5 s, and a timed-out
// test would keep failing logins against the next test's accounts.
describe('Accounts', { timeout: 30_000 }, () => {
  it('stores the email normalised and signs in case-insensitively', async () => {
    expect((await store.accounts.findByEmail('ann@clinic.org'))?.passwordHash).toMatch(/^scrypt\$/);
    const { account, token, loginId } = await accounts.login(' ANN@clinic.org ', PASSWORD, ANN_AT_HOME);
    expect(account).toEqual({ id: expect.any(String), email: 'ann@clinic.org', displayName: 'Ann', role: 'facilitator' });
    expect(await accounts.fromToken(token)).toEqual({ account, loginId });
  });

  it('files login sessions under a hash, not the cookie value', async () => {
    const { token } = await accounts.login('ann@clinic.org', PASSWORD, ANN_AT_HOME);
    expect(await store.loginSessions.get(token)).toBeUndefined();
  });

  it('ends a login session after 12 hours and at logout', async () => {
    const first = await accounts.login('ann@clinic.org', PASSWORD, ANN_AT_HOME);
    now += 12 * 60 * MIN - 1;
    expect(await accounts.fromToken(first.token)).toBeDefined();
    now += 1;
    expect(await accounts.fromToken(first.token)).toBeUndefined();
    const second = await accounts.login('ann@clinic.org', PASSWORD, ANN_AT_HOME);
    await accounts.logout(second.token);
    expect(await accounts.fromToken(second.token)).toBeUndefined();
  });

  it('checks a password hash for an unknown email too, so timing does not tell which emails exist', async () => {
    vi.mocked(verifyPassword).mockClear();
    await expect(accounts.login('nobody@clinic.org', PASSWORD, STRANGER)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(verifyPassword).toHaveBeenCalledTimes(1);
    const [, dummy] = vi.mocked(verifyPassword).mock.calls[0] ?? [];
    expect(dummy).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('throttles guesses per email and address, without stopping the right password from elsewhere', async () => {
    for (let i = 0; i < 5; i++) await expect(accounts.login('ann@clinic.org', `wrong ${i}`, STRANGER)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    vi.mocked(verifyPassword).mockClear();
    await expect(accounts.login('ann@clinic.org', PASSWORD, STRANGER)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(verifyPassword).not.toHaveBeenCalled();
    await expect(accounts.login('ann@clinic.org', PASSWORD, ANN_AT_HOME)).resolves.toMatchObject({ account: { email: 'ann@clinic.org' } });
  });

  it('lets no parallel guess past the per-address count', async () => {
    const guesses = Array.from({ length: 9 }, (_, i) => accounts.login('ann@clinic.org', `wrong guess ${i}`, STRANGER).catch((e: { code: string }) => e.code));
    const codes = await Promise.all(guesses);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(4);
  });

  it('a success clears the count: four failures, a success, four more are still only refused as wrong', async () => {
    for (let i = 0; i < 4; i++) await accounts.login('ann@clinic.org', 'wrong guess', ANN_AT_HOME).catch(() => undefined);
    await accounts.login('ann@clinic.org', PASSWORD, ANN_AT_HOME);
    for (let i = 0; i < 4; i++) await expect(accounts.login('ann@clinic.org', 'wrong guess', ANN_AT_HOME)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(accounts.login('ann@clinic.org', PASSWORD, ANN_AT_HOME)).resolves.toBeDefined();
  });

  it('a disabled account cannot sign in, its sign-ins end, and enabling it does not bring them back', async () => {
    const admin = await accounts.create({ email: 'boss@clinic.org', password: PASSWORD, displayName: 'Boss', role: 'admin' });
    const ann = await accounts.login('ann@clinic.org', PASSWORD, ANN_AT_HOME);
    const ended = endedSignIns();
    await accounts.setDisabled(admin.id, ann.account.id, true);
    expect(ended).toEqual([{ accountId: ann.account.id }]);
    expect(await accounts.fromToken(ann.token)).toBeUndefined();
    await expect(accounts.login('ann@clinic.org', PASSWORD, ANN_AT_HOME)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(accounts.login('ann@clinic.org', 'wrong password!', ANN_AT_HOME)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await accounts.setDisabled(admin.id, ann.account.id, false);
    expect(await accounts.fromToken(ann.token)).toBeUndefined();
    await expect(accounts.login('ann@clinic.org', PASSWORD, ANN_AT_HOME)).resolves.toBeDefined();
    await expect(accounts.setDisabled(admin.id, admin.id, true)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('a password reset ends every sign-in; the new password works, the old does not', async () => {
    const admin = await accounts.create({ email: 'boss@clinic.org', password: PASSWORD, displayName: 'Boss', role: 'admin' });
    const ann = await accounts.login('ann@clinic.org', PASSWORD, ANN_AT_HOME);
    const ended = endedSignIns();
    await accounts.resetPassword(admin.id, ann.account.id, 'a brand new password');
    expect(ended).toEqual([{ accountId: ann.account.id }]);
    expect(await accounts.fromToken(ann.token)).toBeUndefined();
    await expect(accounts.login('ann@clinic.org', PASSWORD, ANN_AT_HOME)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(accounts.login('ann@clinic.org', 'a brand new password', ANN_AT_HOME)).resolves.toBeDefined();
  });

  it('changing one\'s own password needs the current one; other sign-ins end, this one carries on under a new cookie', async () => {
    const here = await accounts.login('ann@clinic.org', PASSWORD, ANN_AT_HOME);
    const elsewhere = await accounts.login('ann@clinic.org', PASSWORD, ANN_AT_HOME);
    await expect(accounts.changePassword(here.token, 'not my password', 'a brand new password', ANN_AT_HOME)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await accounts.fromToken(here.token)).toBeDefined();
    const ended = endedSignIns();
    const changed = await accounts.changePassword(here.token, PASSWORD, 'a brand new password', ANN_AT_HOME);
    expect(ended).toEqual([{ accountId: here.account.id, exceptLoginId: here.loginId }]);
    expect(await accounts.fromToken(changed.token)).toMatchObject({ account: { id: here.account.id } });
    expect(await accounts.fromToken(here.token)).toBeUndefined();
    expect(await accounts.fromToken(elsewhere.token)).toBeUndefined();
    await expect(accounts.changePassword(undefined, PASSWORD, 'another new password', ANN_AT_HOME)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('signing out ends that browser\'s sign-in only', async () => {
    const here = await accounts.login('ann@clinic.org', PASSWORD, ANN_AT_HOME);
    const elsewhere = await accounts.login('ann@clinic.org', PASSWORD, ANN_AT_HOME);
    const ended = endedSignIns();
    expect(await accounts.logout(here.token)).toMatchObject({ account: { email: 'ann@clinic.org' }, loginId: here.loginId });
    expect(ended).toEqual([{ loginId: here.loginId }]);
    expect(await accounts.fromToken(elsewhere.token)).toBeDefined();
  });

  it('creates the first admin only while there is no account', async () => {
    await expect(accounts.setupFirstAdmin({ email: 'boss@clinic.org', password: PASSWORD, displayName: 'Boss' })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    const fresh = new Accounts({ store: memoryStores(() => now).clinic, clock: () => now, log: createLogger('silent') });
    const results = await Promise.allSettled([
      fresh.setupFirstAdmin({ email: 'boss@clinic.org', password: PASSWORD, displayName: 'Boss' }),
      fresh.setupFirstAdmin({ email: 'rival@clinic.org', password: PASSWORD, displayName: 'Rival' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    await expect(accounts.create({ email: 'ANN@clinic.org', password: PASSWORD, displayName: 'Ann 2', role: 'admin' })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
  });
});
