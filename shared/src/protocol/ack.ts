import { z } from 'zod';
import { SESSION_ERROR_CODES } from '../session/errors.js';

/** Every command is answered with an Ack; errors carry a stable code a client can switch on. */
export const ERROR_CODES = [
  'INVALID_PAYLOAD',
  'UNSUPPORTED_PROTOCOL',
  'NOT_JOINED',
  'ALREADY_JOINED',
  'MEDIA_ERROR',
  'INTERNAL',
  // This session runs on another node: connect there (several nodes share one Redis).
  'WRONG_NODE',
  // Staff sign-in and the clinic's HTTP API.
  'UNAUTHENTICATED',
  'ALREADY_EXISTS',
  'UNSUPPORTED_MEDIA_TYPE',
  // Sign-in reached over plain http while the cookie is Secure: the browser would drop it.
  'HTTPS_REQUIRED',
  // A participant's invite link, checked when they connect.
  'INVITE_INVALID',
  'INVITE_EXPIRED',
  'INVITE_REVOKED',
  // The session model refusing a command (shared/src/session/SPEC.md): FORBIDDEN, NOT_FOUND, ….
  ...SESSION_ERROR_CODES,
  // The session does not let this member receive that sender now (another pair, a side room):
  // the client's wish to play it is kept, and the server plays it once the session allows.
  'HELD_BY_SESSION',
  // The media workers of this node cannot take another room or person (a configured limit).
  'SERVER_FULL',
  // Past a fair share: this connection's or member's requests, the session's queue, or sign-in
  // attempts from this address or for this account. Refused and nothing changed; retry later.
  'RATE_LIMITED',
  // The server is too busy with this kind of work (password checks) to take more now: retry shortly.
  'SERVER_BUSY',
  // An export of participants' data without a recipient and a purpose (42 CFR Part 2): nothing was exported.
  'DISCLOSURE_REQUIRED',
  // GNOTE1: a signed group note is locked; a later change is a dated addendum, never an edit.
  'NOTE_LOCKED',
] as const;

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AckError = z.object({ code: ErrorCode, message: z.string() });
export type AckError = z.infer<typeof AckError>;

export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

export function ackSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: AckError }),
  ]);
}

export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string): Ack<never> => ({
  ok: false,
  error: { code, message },
});
