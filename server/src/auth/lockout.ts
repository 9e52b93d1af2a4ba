import type { LoginFailureRecord } from '../store/ClinicStore.js';

/**
 * Lock-out after repeated failed logins, as pure functions of a record and the time so
 * the rules are testable without a clock. Counted per email whether or not an account
 * exists, so the lock-out itself cannot reveal which emails have accounts.
 */
export type LockoutPolicy = { maxFailures: number; windowMs: number; lockMs: number };

/** Five failures within 15 minutes lock the email for 15 minutes. */
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export function isLockedOut(record: LoginFailureRecord | undefined, now: number): boolean {
  return record?.lockedUntil !== undefined && record.lockedUntil > now;
}

/**
 * The record after one more failure. A failure while locked changes nothing: the lock is
 * not extended, so an attacker cannot keep an account locked longer than by failing again
 * after it lifts. A failure after the window (or a lift) starts a new count.
 */
export function withFailure(record: LoginFailureRecord | undefined, now: number, policy: LockoutPolicy = DEFAULT_LOCKOUT): LoginFailureRecord {
  if (record && isLockedOut(record, now)) return record;
  const stale = !record || record.lockedUntil !== undefined || now >= record.windowStart + policy.windowMs;
  if (stale) return { count: 1, windowStart: now, expiresAt: now + policy.windowMs };
  const count = record.count + 1;
  if (count < policy.maxFailures) return { ...record, count };
  const lockedUntil = now + policy.lockMs;
  return { count, windowStart: record.windowStart, lockedUntil, expiresAt: lockedUntil };
}
