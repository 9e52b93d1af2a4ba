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
