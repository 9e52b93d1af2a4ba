import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { CommandName, ServerToClientEvents } from '@hearth/shared';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Rooms } from '../rooms/Rooms.js';
import { registerMediaHandlers } from './media.handlers.js';

/** Inbound events are untrusted: their payloads are `unknown` until a schema has parsed them. */
type InboundEvents = { [K in CommandName]: (...args: unknown[]) => void };

export type SignallingServer = Server<InboundEvents, ServerToClientEvents>;

export function createSignalling(httpServer: HttpServer, deps: { rooms: Rooms; log: Logger; turn: Config['turn'] }): SignallingServer {
  const io: SignallingServer = new Server(httpServer, {
    // Signalling messages are small; a large one is a mistake or an attack.
    maxHttpBufferSize: 64 * 1024,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 10_000,
  });
  io.on('connection', (socket) => {
    registerMediaHandlers(socket, { ...deps, log: deps.log.child({ socket: socket.id }) });
  });
  return io;
}
