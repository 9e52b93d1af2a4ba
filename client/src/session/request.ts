import type { Socket } from 'socket.io-client';
import {
  ErrorCode,
  type Ack,
  type ClientToServerEvents,
  type CommandName,
  type CommandRequest,
  type CommandResponse,
  type ServerToClientEvents,
} from '@hearth/shared';

export type HearthSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A command the server refused or could not answer in time. */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode | 'TIMEOUT',
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/**
 * Sends one command and resolves with its Ack's data, or rejects with the error code. A
 * handshake the server refuses with a code (open rooms turned off, too many connections from
 * this address) rejects at once with that code: Socket.IO does not retry it, so waiting for the
 * timeout would only make the person wait for a vaguer message.
 */
export async function request<K extends CommandName>(
  socket: HearthSocket,
  name: K,
  payload: CommandRequest<K>,
  timeoutMs = 10_000,
): Promise<CommandResponse<K>> {
  // emitWithAck's typing cannot follow a generic event name; the Ack type comes from the event map.
  const timed = socket.timeout(timeoutMs) as unknown as {
    emitWithAck(event: string, payload: unknown): Promise<Ack<CommandResponse<K>>>;
  };
  let refused: ((err: Error & { data?: { code?: unknown } }) => void) | undefined;
  const handshakeRefused = new Promise<never>((_, reject) => {
    refused = (err) => {
      const code = ErrorCode.safeParse(err.data?.code);
      if (code.success) reject(new RequestError(code.data, err.message));
    };
    socket.on('connect_error', refused);
  });
  let ack: Ack<CommandResponse<K>>;
  try {
    ack = await Promise.race([
      timed.emitWithAck(name, payload).catch(() => {
        throw new RequestError('TIMEOUT', `${name} got no answer`);
      }),
      handshakeRefused,
    ]);
  } finally {
    socket.off('connect_error', refused);
  }
  if (!ack.ok) throw new RequestError(ack.error.code, ack.error.message);
  return ack.data;
}
