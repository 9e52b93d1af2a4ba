import type { ErrorCode } from '@hearth/shared';
import { RequestError, type HearthSocket } from './request';

type Emitter = Pick<HearthSocket, 'on' | 'off'>;

/**
 * The server refusing a connection's credential: its auth middleware answers the handshake
 * with a connect_error carrying `data.code` (INVITE_EXPIRED, SESSION_ENDED…), and Socket.IO
 * does not try again. `refused` rejects with that code as a RequestError the moment it
 * arrives; a connect_error without a code (the network) is left to Socket.IO's retries.
 */
export function refusalOf(socket: Emitter): { refused: Promise<never>; stop: () => void } {
  let stop = () => {};
  const refused = new Promise<never>((_resolve, reject) => {
    const onError = (err: Error & { data?: { code?: unknown } }) => {
      const code = err.data?.code;
      // The code is the server's; the page words the ones it knows and treats others as unknown.
      if (typeof code === 'string') reject(new RequestError(code as ErrorCode, err.message));
    };
    socket.on('connect_error', onError);
    stop = () => void socket.off('connect_error', onError);
  });
  // Nobody may be waiting any more when it comes (the identity already arrived).
  refused.catch(() => undefined);
  return { refused, stop };
}

/**
 * Why the page cannot go on, as a code the page puts in words (features/moderated/problems.ts):
 * the link or sign-in, or a refusal to enter; UNREACHABLE when the server never answered.
 */
export type ProblemCode =
  | 'INVITE_INVALID'
  | 'INVITE_EXPIRED'
  | 'INVITE_REVOKED'
  | 'SESSION_ENDED'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'ROOM_LOCKED'
  | 'SERVER_FULL'
  | 'UNREACHABLE';

/** FORBIDDEN: a signed-in facilitator opening a session, or a participant's link, of a cohort not theirs. */
const CREDENTIAL_PROBLEMS: readonly ProblemCode[] = ['INVITE_INVALID', 'INVITE_EXPIRED', 'INVITE_REVOKED', 'SESSION_ENDED', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN'];

/** Why connecting failed: the server's refusal of the credential, or no answer at all. */
export function credentialProblem(err: unknown): ProblemCode {
  const code = err instanceof RequestError ? err.code : undefined;
  return CREDENTIAL_PROBLEMS.find((c) => c === code) ?? 'UNREACHABLE';
}
