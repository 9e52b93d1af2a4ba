import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger.js';
import { MemoryClinicStore } from '../store/MemoryClinicStore.js';
import { Accounts } from './Accounts.js';
import { verifyPassword } from './password.js';

// The real scrypt, watched: an unknown email must cost a hash like a wrong password does.
vi.mock('./password.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('./password.js')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

const MIN = 60_000;
const PASSWORD = 'a long enough password';
let now: number;
let store: MemoryClinicStore;
let accounts: Accounts;

beforeEach(async () => {
  now = Date.parse('2025-03-03T12:00:00Z');
  const clock = () => now;
  store = new MemoryClinicStore(clock);
  accounts = new Accounts({ store, clock, log: createLogger('silent') });
  await accounts.create({ email: 'Ann@Clinic.org', password: PASSWORD, displayName: 'Ann', role: 'facilitator' });
});

// Real scrypt: on a loaded 2-core machine ten hashes can outlast the default 5 s, and a timed-out
// test would keep failing logins against the next test's accounts.
describe('Accounts', { timeout: 30_000 }, () => {
  it('stores the email normalised and signs in case-insensitively', async () => {
    expect((await store.accounts.findByEmail('ann@clinic.org'))?.passwordHash).toMatch(/^scrypt\$/);
    const { account, token } = await accounts.login(' ANN@clinic.org ', PASSWORD);
    expect(account).toEqual({ id: expect.any(String), email: 'ann@clinic.org', displayName: 'Ann', role: 'facilitator' });
    expect(await accounts.fromToken(token)).toEqual(account);
  });

  it('files login sessions under a hash, not the cookie value', async () => {
    const { token } = await accounts.login('ann@clinic.org', PASSWORD);
    expect(await store.loginSessions.get(token)).toBeUndefined();
  });

  it('ends a login session after 12 hours and at logout', async () => {
    const first = await accounts.login('ann@clinic.org', PASSWORD);
    now += 12 * 60 * MIN - 1;
    expect(await accounts.fromToken(first.token)).toBeDefined();
    now += 1;
    expect(await accounts.fromToken(first.token)).toBeUndefined();
    const second = await accounts.login('ann@clinic.org', PASSWORD);
    await accounts.logout(second.token);
    expect(await accounts.fromToken(second.token)).toBeUndefined();
  });

  it('checks a password hash for an unknown email too, so timing does not tell which emails exist', async () => {
    vi.mocked(verifyPassword).mockClear();
    await expect(accounts.login('nobody@clinic.org', PASSWORD)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(verifyPassword).toHaveBeenCalledTimes(1);
    const [, dummy] = vi.mocked(verifyPassword).mock.calls[0] ?? [];
    expect(dummy).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('locks an unknown email like a known one', async () => {
    for (let i = 0; i < 5; i++) await expect(accounts.login('nobody@clinic.org', 'wrong password!')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(accounts.login('nobody@clinic.org', 'wrong password!')).rejects.toMatchObject({ code: 'LOCKED_OUT' });
  });

  it('lets no parallel guess past the lock-out, not even the right password', async () => {
    const guesses = Array.from({ length: 9 }, (_, i) => accounts.login('ann@clinic.org', `wrong guess ${i}`).catch((e: { code: string }) => e.code));
    const codes = await Promise.all(guesses);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'LOCKED_OUT')).toHaveLength(4);
    await expect(accounts.login('ann@clinic.org', PASSWORD)).rejects.toMatchObject({ code: 'LOCKED_OUT' });
  });

  it('refuses the right password when the lock engaged while it was being checked', async () => {
    // Hold the right-password attempt just after its lock-out pre-check, lock the email, then let it go on.
    let release!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = new Promise<void>((resolve) => (reached = resolve));
    const findByEmail = store.accounts.findByEmail;
    let calls = 0;
    store.accounts.findByEmail = async (email) => {
      if (calls++ === 0) {
        reached();
        await gate;
      }
      return findByEmail(email);
    };
    const right = accounts.login('ann@clinic.org', PASSWORD).catch((e: { code: string }) => e.code);
    await held;
    for (let i = 0; i < 5; i++) await accounts.login('ann@clinic.org', 'wrong guess').catch(() => undefined);
    release();
    expect(await right).toBe('LOCKED_OUT');
  });

  it('a success resets the failure count', async () => {
    for (let i = 0; i < 4; i++) await accounts.login('ann@clinic.org', 'wrong guess').catch(() => undefined);
    await accounts.login('ann@clinic.org', PASSWORD);
    for (let i = 0; i < 4; i++) await expect(accounts.login('ann@clinic.org', 'wrong guess')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(accounts.login('ann@clinic.org', PASSWORD)).resolves.toBeDefined();
  });

  it('creates the first admin only while there is no account', async () => {
    await expect(accounts.setupFirstAdmin({ email: 'boss@clinic.org', password: PASSWORD, displayName: 'Boss' })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    const fresh = new Accounts({ store: new MemoryClinicStore(() => now), clock: () => now, log: createLogger('silent') });
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
