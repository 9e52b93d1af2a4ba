import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.js';
import { MemoryRecords } from '../store/MemoryRecords.js';
import { storesOver } from '../store/Stores.js';
import { runCreateAdmin, type CliIo } from './createAdminCommand.js';

/** The memory backend posing as a persistent one, to test what the command does with a real backend. */
class PretendPersistentRecords extends MemoryRecords {
  override readonly persistent = true;
}

const persistentStore = () => storesOver(new PretendPersistentRecords(() => 0)).clinic;

function io(overrides: Partial<CliIo>) {
  const out: string[] = [];
  const err: string[] = [];
  const base: CliIo = {
    argv: ['--email', 'Boss@Clinic.org', '--display-name', 'Boss'],
    env: {},
    readStdin: async () => 'a long enough password\n',
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  return { io: { ...base, ...overrides }, out, err };
}

describe('create-admin', () => {
  it('refuses with the in-memory store and says what to do instead', async () => {
    const { io: cli, err } = io({});
    expect(await runCreateAdmin(cli)).toBe(1);
    expect(err.join('')).toMatch(/persistent store.*setup page/s);
  });

  it('creates an admin in a persistent store, password from stdin', async () => {
    const store = persistentStore();
    const { io: cli, out } = io({ openStore: () => store });
    expect(await runCreateAdmin(cli)).toBe(0);
    const account = await store.accounts.findByEmail('boss@clinic.org');
    expect(account?.role).toBe('admin');
    expect(await verifyPassword('a long enough password', account?.passwordHash ?? '')).toBe(true);
    expect(out.join('')).toContain('boss@clinic.org');
  });

  it('prefers HEARTH_ADMIN_PASSWORD, and refuses a short one', async () => {
    const store = persistentStore();
    const short = io({ env: { HEARTH_ADMIN_PASSWORD: 'short' }, openStore: () => store });
    expect(await runCreateAdmin(short.io)).toBe(2);
    expect(short.err.join('')).toMatch(/12 characters/);
    expect(await store.accounts.count()).toBe(0);
  });

  it('needs its flags, and a password from somewhere', async () => {
    expect(await runCreateAdmin(io({ argv: ['--email', 'a@b.org'] }).io)).toBe(2);
    expect(await runCreateAdmin(io({ argv: ['--bogus'] }).io)).toBe(2);
    const store = persistentStore();
    expect(await runCreateAdmin(io({ readStdin: async () => undefined, openStore: () => store }).io)).toBe(2);
  });

  it('refuses an email that already has an account', async () => {
    const store = persistentStore();
    expect(await runCreateAdmin(io({ openStore: () => store }).io)).toBe(0);
    const again = io({ openStore: () => store });
    expect(await runCreateAdmin(again.io)).toBe(1);
    expect(again.err.join('')).toMatch(/exists/);
  });
});
