import { createHmac, randomBytes } from 'node:crypto';
import type { Logger } from '../logger.js';

/**
 * The server secret (HEARTH_SECRET) signs invite links. Without one, a random secret is
 * made at start: fine for a try-out, but every invite link stops working when the process
 * stops (and, with the in-memory store, so does every login).
 */
export function resolveSecret(configured: string | undefined, log: Logger): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  log.warn('HEARTH_SECRET is not set: using a random secret, so invite links and logins die with this process');
  return randomBytes(32);
}

/** One key per purpose, so a value signed for one use can never pass as another. */
export function deriveKey(secret: Buffer, purpose: 'invite-token-v1' | 'audit-log-v1'): Buffer {
  return createHmac('sha256', secret).update(`hearth:${purpose}`).digest();
}

/**
 * The key that signs the audit log: AUDIT_KEY when set (it can then outlive a change of
 * HEARTH_SECRET, and be held by whoever verifies), else one derived from the server secret.
 * undefined when neither is configured.
 */
export function auditKeyFrom(auditKey: string | undefined, secret: Buffer): Buffer;
export function auditKeyFrom(auditKey: string | undefined, secret: Buffer | undefined): Buffer | undefined;
export function auditKeyFrom(auditKey: string | undefined, secret: Buffer | undefined): Buffer | undefined {
  if (auditKey) return Buffer.from(auditKey, 'utf8');
  return secret ? deriveKey(secret, 'audit-log-v1') : undefined;
}
