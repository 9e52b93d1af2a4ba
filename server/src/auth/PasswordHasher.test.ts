import { describe, expect, it } from 'vitest';
import { PasswordHasher } from './PasswordHasher.js';

const outcome = (p: Promise<boolean>) => p.then(String, (e: { code: string }) => e.code);

describe('PasswordHasher', { timeout: 30_000 }, () => {
  it('runs a bounded number of checks and refuses the rest at once with SERVER_BUSY', async () => {
    const hasher = new PasswordHasher({ concurrency: 1, maxWaiting: 2, reserved: 0 });
    const stored = await hasher.hash('correct horse battery');
    const checks = Array.from({ length: 5 }, () => outcome(hasher.verify('correct horse battery', stored, 'anyone')));
    expect(hasher.inFlight).toBe(3);
    expect(await Promise.all(checks)).toEqual(['true', 'true', 'true', 'SERVER_BUSY', 'SERVER_BUSY']);
    expect(hasher.inFlight).toBe(0);
    await expect(hasher.verify('wrong', stored, 'anyone')).resolves.toBe(false);
  });

  it('keeps places for staff work and runs it ahead of strangers\' checks', async () => {
    const hasher = new PasswordHasher({ concurrency: 1, maxWaiting: 2, reserved: 1 });
    const stored = await hasher.hash('correct horse battery');
    const finished: string[] = [];
    const noting = (who: string) => (ok: boolean) => (finished.push(who), ok);
    const strangers = Array.from({ length: 4 }, (_, i) => outcome(hasher.verify('guess', stored, 'anyone').then(noting(`stranger ${i}`))));
    const staff = outcome(hasher.verify('correct horse battery', stored, 'staff').then(noting('staff')));
    expect(await staff).toBe('true');
    expect(await Promise.all(strangers)).toEqual(['false', 'false', 'false', 'SERVER_BUSY']);
    // At most the first stranger's check, already started, went before the staff member's.
    expect(finished.slice(0, 2)).toContain('staff');
    expect(finished.slice(2)).toEqual(['stranger 1', 'stranger 2']);
  });
});
