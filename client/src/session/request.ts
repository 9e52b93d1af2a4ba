import type { Socket } from 'socket.io-client';
import type {
  Ack,
  ClientToServerEvents,
  CommandName,
  CommandRequest,
  CommandResponse,
  ErrorCode,
  ServerToClientEvents,
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

/** Sends one command and resolves with its Ack's data, or rejects with the error code. */
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
  let ack: Ack<CommandResponse<K>>;
  try {
    ack = await timed.emitWithAck(name, payload);
  } catch {
    throw new RequestError('TIMEOUT', `${name} got no answer`);
  }
  if (!ack.ok) throw new RequestError(ack.error.code, ack.error.message);
  return ack.data;
}
