import type { ErrorCode } from '@hearth/shared';

/** Errors that cross a boundary carry a protocol code; the boundary maps them to an Ack or HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotJoinedError extends AppError {
  constructor() {
    super('NOT_JOINED', 'join a room first');
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} not found`);
  }
}

export class InvalidStateError extends AppError {
  constructor(message: string) {
    super('INVALID_STATE', message);
  }
}

export class InvalidPayloadError extends AppError {
  constructor(message: string) {
    super('INVALID_PAYLOAD', message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'sign in first') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/**
 * Past a fair share: a connection's or member's rate, a session's queue of commands, or sign-in
 * attempts. `retryAfterMs`, when known, becomes the HTTP Retry-After header.
 */
export class RateLimitedError extends AppError {
  constructor(
    message = 'too many requests; wait a moment and try again',
    readonly retryAfterMs?: number,
  ) {
    super('RATE_LIMITED', message);
  }
}

/** Refused at once because a bounded queue of costly work is full, rather than made to wait without end. */
export class ServerBusyError extends AppError {
  constructor(message: string) {
    super('SERVER_BUSY', message);
  }
}

export class AlreadyExistsError extends AppError {
  constructor(message: string) {
    super('ALREADY_EXISTS', message);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super('UNSUPPORTED_MEDIA_TYPE', 'send the request body as application/json');
  }
}

/**
 * Sign-in over plain http while the sign-in cookie is Secure (COOKIE_SECURE): the browser
 * would drop the cookie and the next page would ask for the sign-in again, with no word why.
 */
export class HttpsRequiredError extends AppError {
  constructor() {
    super('HTTPS_REQUIRED', 'staff sign in only over https here (COOKIE_SECURE is on): open Hearth at its https address');
  }
}

/** The media workers cannot take another room or person: a limit, not a fault (MEDIA_MAX_PEERS_PER_WORKER, MEDIA_MAX_STREAMS_PER_WORKER). */
export class ServerFullError extends AppError {
  constructor(message = 'this server cannot take more people right now') {
    super('SERVER_FULL', message);
  }
}

/** An export of participants' data asked for without a recipient and a purpose (42 CFR Part 2). */
export class DisclosureRequiredError extends AppError {
  constructor(message: string) {
    super('DISCLOSURE_REQUIRED', `say who receives this export and why (recipient, purpose): ${message}`);
  }
}

/** GNOTE1: a signed note (or the group section once a note that includes it is signed) is not edited; add an addendum. */
export class NoteLockedError extends AppError {
  constructor(message = 'this note is signed and locked; add a dated addendum instead') {
    super('NOTE_LOCKED', message);
  }
}

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'INVALID_PAYLOAD':
    case 'UNSUPPORTED_PROTOCOL':
    case 'DISCLOSURE_REQUIRED':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVITE_INVALID':
    case 'INVITE_EXPIRED':
    case 'INVITE_REVOKED':
      return 401;
    case 'NOT_JOINED':
    case 'FORBIDDEN':
    case 'NOT_ADMITTED':
    case 'REMOVED':
    case 'UNMUTE_LOCKED':
    case 'NOT_YOUR_TURN':
    case 'HELD_BY_SESSION':
    case 'HTTPS_REQUIRED':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'ALREADY_JOINED':
    case 'ALREADY_EXISTS':
    case 'WRONG_NODE':
    case 'INVALID_STATE':
    case 'ROOM_LOCKED':
    case 'SESSION_ENDED':
    case 'CONSENT_REQUIRED':
    case 'NOTE_LOCKED':
      return 409;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'RATE_LIMITED':
      return 429;
    case 'MEDIA_ERROR':
    case 'INTERNAL':
      return 500;
    case 'SERVER_FULL':
    case 'SERVER_BUSY':
      return 503;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
