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
  'LOCKED_OUT',
  'ALREADY_EXISTS',
  'UNSUPPORTED_MEDIA_TYPE',
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
  // Past this connection's or member's fair share of requests (or the session's queue is
  // full): refused and nothing changed; the same request may succeed a moment later.
  'RATE_LIMITED',
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
