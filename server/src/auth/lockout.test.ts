import { describe, expect, it } from 'vitest';
import type { LoginFailureRecord } from '../store/ClinicStore.js';
import { DEFAULT_LOCKOUT, isLockedOut, withFailure } from './lockout.js';

const MIN = 60_000;
const t0 = Date.parse('2025-03-03T18:00:00Z');

function failures(times: number[]): LoginFailureRecord | undefined {
  return times.reduce<LoginFailureRecord | undefined>((record, at) => withFailure(record, at), undefined);
}

describe('lock-out', () => {
  it('locks after the fifth failure within 15 minutes, for 15 minutes', () => {
    const four = failures([0, 1, 2, 3].map((i) => t0 + i * MIN));
    expect(isLockedOut(four, t0 + 4 * MIN)).toBe(false);
    const five = withFailure(four, t0 + 14 * MIN);
    expect(isLockedOut(five, t0 + 14 * MIN)).toBe(true);
    expect(isLockedOut(five, t0 + 29 * MIN - 1)).toBe(true);
    expect(isLockedOut(five, t0 + 29 * MIN)).toBe(false);
  });

  it('does not lock when the failures are spread over more than the window', () => {
    const spread = failures([0, 4, 8, 12, 16].map((i) => t0 + i * MIN));
    expect(isLockedOut(spread, t0 + 16 * MIN)).toBe(false);
    expect(spread?.count).toBe(1);
  });

  it('does not extend the lock with failures during it', () => {
    const locked = failures([0, 1, 2, 3, 4].map((i) => t0 + i * MIN));
    const lockedUntil = locked?.lockedUntil;
    const again = withFailure(locked, t0 + 10 * MIN);
    expect(again.lockedUntil).toBe(lockedUntil);
    expect(again.count).toBe(DEFAULT_LOCKOUT.maxFailures);
  });

  it('starts a fresh count once the lock lifts', () => {
    const locked = failures([0, 1, 2, 3, 4].map((i) => t0 + i * MIN));
    const after = withFailure(locked, t0 + 20 * MIN);
    expect(after).toEqual({ count: 1, windowStart: t0 + 20 * MIN, expiresAt: t0 + 35 * MIN });
    expect(isLockedOut(after, t0 + 20 * MIN)).toBe(false);
  });

  it('keeps a record only as long as it matters', () => {
    const locked = failures([0, 1, 2, 3, 4].map((i) => t0 + i * MIN));
    expect(locked?.expiresAt).toBe(locked?.lockedUntil);
    expect(failures([t0])?.expiresAt).toBe(t0 + 15 * MIN);
  });

  it('honours another policy', () => {
    const policy = { maxFailures: 2, windowMs: MIN, lockMs: 2 * MIN };
    const locked = withFailure(withFailure(undefined, t0, policy), t0 + 1000, policy);
    expect(locked.lockedUntil).toBe(t0 + 1000 + 2 * MIN);
  });
});
