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

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'INVALID_PAYLOAD':
    case 'UNSUPPORTED_PROTOCOL':
      return 400;
    case 'NOT_JOINED':
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'ALREADY_JOINED':
    case 'INVALID_STATE':
      return 409;
    case 'MEDIA_ERROR':
    case 'INTERNAL':
      return 500;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
