/** Why the model refused a command. The server maps each to an Ack error code. */
export const SESSION_ERROR_CODES = [
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_STATE',
  'NOT_ADMITTED',
  'ROOM_LOCKED',
  'REMOVED',
  'SESSION_ENDED',
  'UNMUTE_LOCKED',
  'CONSENT_REQUIRED',
  'NOT_YOUR_TURN',
] as const;
export type SessionErrorCode = (typeof SESSION_ERROR_CODES)[number];

export type SessionError = { code: SessionErrorCode; message: string };
