import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('stores scrypt with its cost, a 16-byte salt and the hash, all self-described', async () => {
    const stored = await hashPassword('correct horse battery');
    const [scheme, N, r, p, salt, hash] = stored.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(hash ?? '', 'base64')).toHaveLength(32);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('refuses a tampered or malformed hash instead of throwing', async () => {
    const stored = await hashPassword('correct horse battery');
    const parts = stored.split('$');
    const hash = Buffer.from(parts[5] ?? '', 'base64');
    hash[0] = (hash[0] ?? 0) ^ 1;
    const tamperedHash = [...parts.slice(0, 5), hash.toString('base64')].join('$');
    const otherSalt = [...parts.slice(0, 4), Buffer.alloc(16, 7).toString('base64'), parts[5]].join('$');
    const cheaper = ['scrypt', '16384', ...parts.slice(2)].join('$');
    for (const bad of [tamperedHash, otherSalt, cheaper, 'scrypt$1$8$1$x$y', 'scrypt$33$8$1$' + parts.slice(4).join('$'), '', 'plain']) {
      expect(await verifyPassword('correct horse battery', bad)).toBe(false);
    }
  });

  it('refuses a hash asking for absurd work (a corrupt store must not stall the server)', async () => {
    const stored = await hashPassword('correct horse battery');
    const huge = ['scrypt', String(2 ** 24), ...stored.split('$').slice(2)].join('$');
    expect(await verifyPassword('correct horse battery', huge)).toBe(false);
  });
});
