import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * A participant's invite link carries `<payload>.<signature>`, both base64url: the payload
 * is JSON, the signature its HMAC-SHA256 under the invite key. Compact, URL-safe and
 * checkable without a lookup; revocation still needs the store (see Invites.verify).
 */
export const InvitePayload = z.strictObject({
  v: z.literal(1),
  jti: z.string().min(1).max(64),
  sessionId: z.string().min(1).max(64),
  cohortId: z.string().min(1).max(64),
  memberId: z.string().min(1).max(64),
  /** Epoch milliseconds. */
  exp: z.number().int().nonnegative(),
});
export type InvitePayload = z.infer<typeof InvitePayload>;

/** Anything longer is not one of ours; refusing early bounds the work a junk token causes. */
const MAX_TOKEN_LENGTH = 1024;

export function signInviteToken(payload: InvitePayload, key: Buffer): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(body, key).toString('base64url')}`;
}

/** The payload when the signature is ours and the payload well-formed; expiry is not checked here. */
export function readInviteToken(token: string, key: Buffer): InvitePayload | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const parts = token.split('.');
  if (parts.length !== 2) return undefined;
  const [body = '', signature = ''] = parts;
  // Compared as text, not decoded bytes: Node's base64 decoder is lenient, and one token
  // must have exactly one spelling.
  const given = Buffer.from(signature);
  const expected = Buffer.from(mac(body, key).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const parsed = InvitePayload.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function mac(body: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(body).digest();
}
