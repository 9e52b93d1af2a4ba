import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { Server } from 'socket.io';
import type { CommandName, ErrorCode, ServerToClientEvents } from '@hearth/shared';
import type { EndedSignIns } from '../auth/Accounts.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { originAllowed } from '../lib/origins.js';
import type { Rooms } from '../rooms/Rooms.js';
import type { Identify, Identity } from '../sessions/identity.js';
import type { LiveSessions } from '../sessions/LiveSessions.js';
import type { Placement } from '../cluster/SessionPlacement.js';
import type { PairingRules } from '../sessions/pairingRules.js';
import { capOutgoing, clientAddress, limitRequests } from './fairShare.js';
import { registerMediaHandlers } from './media.handlers.js';
import { rawJsonParser } from './rawJsonParser.js';
import type { RateLimits } from './RateLimits.js';
import { registerSessionHandlers, type Connection, type SessionDeps } from './session.handlers.js';

/** Inbound events are untrusted: their payloads are `unknown` until a schema has parsed them. */
type InboundEvents = { [K in CommandName]: (...args: unknown[]) => void };
type SocketData = { identity: Identity | undefined };

export type SignallingServer = Server<InboundEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export type SignallingDeps = {
  rooms: Rooms;
  sessions: LiveSessions;
  identify: Identify;
  log: Logger;
  turn: Config['turn'];
  openRooms: boolean;
  /** Benchmarks only: load bots may ask for plain RTP transports (transport:createPlain). */
  plainTransports?: boolean;
  /** Origins besides this node's own whose pages may connect (PUBLIC_URL's, ALLOWED_ORIGINS). */
  trustedOrigins: readonly string[];
  /** Each connection's and member's fair share of requests, and new connections per address. */
  limits: RateLimits;
  /** Bytes waiting to go out to one connection before it is closed. */
  maxOutgoingBytes: number;
  /** Take a client's address from X-Forwarded-For (one proxy in front). */
  trustProxy: boolean;
  pairingRules: (sessionId: string) => Promise<PairingRules>;
  place: (sessionId: string) => Promise<Placement>;
  context: SessionDeps['context'];
  cameraOffFlag?: SessionDeps['cameraOffFlag'];
  /** Socket.IO's Redis adapter when several nodes share one Redis: broadcasts reach every node. */
  adapter?: Parameters<SignallingServer['adapter']>[0];
};

export function createSignalling(httpServer: HttpServer | HttpsServer, deps: SignallingDeps): SignallingServer {
  const io: SignallingServer = new Server(httpServer, {
    // Signalling messages are small; a large one is a mistake or an attack.
    maxHttpBufferSize: 64 * 1024,
    // Writes the snapshots' pre-serialised JSON; the same text on the wire as the stock parser.
    parser: rawJsonParser,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 10_000,
    // A page of another site must not ride a signed-in facilitator's cookie into a session
    // (SameSite alone is not enough: a sibling subdomain is the same site). Refused before
    // any credential is looked at.
    allowRequest: (req, callback) => {
      const allowed = originAllowed(req.headers.origin, req.headers.host, deps.trustedOrigins);
      if (!allowed) deps.log.warn({ origin: req.headers.origin }, 'socket from a page of another origin refused');
      callback(allowed ? null : 'ORIGIN_NOT_ALLOWED', allowed);
    },
  });
  if (deps.adapter) io.adapter(deps.adapter);

  // Too many new connections from one address are refused before any credential is looked at.
  io.use((socket, next) => {
    deps.limits.connection(clientAddress(socket.handshake, deps.trustProxy)).then(
      (wait) => next(wait === undefined ? undefined : refusal('RATE_LIMITED')),
      (err: unknown) => {
        deps.log.warn({ err }, 'connection limit unavailable; connection let through');
        next();
      },
    );
  });

  // Identity is decided once, from the credential the connection presents.
  io.use((socket, next) => {
    deps
      .identify({ auth: socket.handshake.auth, cookieHeader: socket.handshake.headers.cookie })
      .then(async (result) => {
        if (!result.ok) {
          next(refusal(result.code));
          return;
        }
        // Without open rooms there is nothing an anonymous connection could do: refused here,
        // it holds nothing on the server.
        if (!result.identity && !deps.openRooms) {
          next(refusal('UNAUTHENTICATED'));
          return;
        }
        const { identity } = result;
        if (identity && (await deps.limits.isShutOut(memberKey(identity)))) {
          next(refusal('RATE_LIMITED'));
          return;
        }
        socket.data.identity = identity;
        next();
      })
      .catch((err: unknown) => {
        deps.log.error({ err }, 'identifying a connection failed');
        next(new Error('INTERNAL'));
      });
  });

  io.on('connection', (socket) => {
    const log = deps.log.child({ socket: socket.id });
    const connection: Connection = { identity: socket.data.identity, session: undefined };
    const { identity } = connection;
    limitRequests(socket, deps.limits, identity && memberKey(identity), log);
    capOutgoing(socket, deps.maxOutgoingBytes, log);
    // A member's connections, wherever they are, can be reached by the room named after them.
    if (connection.identity) void socket.join(memberRoom(connection.identity.sessionId, connection.identity.memberId));
    const signIn = connection.identity?.signIn;
    if (signIn) {
      // Staff connections close when their sign-in ends (sign-out, account disabled, password
      // changed). A sign-in that ended between the handshake's check and these joins missed the
      // rooms, so the credential is checked once more now that they are joined.
      void socket.join([staffRoom(signIn.accountId), loginRoom(signIn.loginId)]);
      deps
        .identify({ auth: socket.handshake.auth, cookieHeader: socket.handshake.headers.cookie })
        .then((again) => {
          if (!again.ok || again.identity?.signIn?.loginId !== signIn.loginId) socket.disconnect(true);
        })
        .catch(() => socket.disconnect(true));
    }
    registerSessionHandlers(socket, connection, { sessions: deps.sessions, log, pairingRules: deps.pairingRules, place: deps.place, context: deps.context, ...(deps.cameraOffFlag ? { cameraOffFlag: deps.cameraOffFlag } : {}) });
    registerMediaHandlers(socket, connection, { rooms: deps.rooms, log, turn: deps.turn, openRooms: deps.openRooms, plainTransports: deps.plainTransports ?? false });
  });
  return io;
}

/** Whose share a member's requests count against, on every node and in every tab. */
const memberKey = (identity: Identity) => `${identity.sessionId}:${identity.memberId}`;

/** A handshake refused with a code the client can show (its connect_error's `data.code`). */
function refusal(code: ErrorCode): Error & { data: { code: ErrorCode } } {
  return Object.assign(new Error(code), { data: { code } });
}

/** The Socket.IO room of one member's connections (on every node, through the adapter). */
export const memberRoom = (sessionId: string, memberId: string) => `member:${sessionId}:${memberId}`;

/** A staff account's connections, in every session, and those opened with one sign-in. */
const staffRoom = (accountId: string) => `staff:${accountId}`;
const loginRoom = (loginId: string) => `login:${loginId}`;

/**
 * Closes the live connections of sign-ins that have ended, on whichever node they are, saying
 * why first (the console then asks its user to sign in again rather than to check their network).
 */
export function closeEndedSignIns(io: SignallingServer, ended: EndedSignIns): void {
  const account = 'loginId' in ended ? io.in(loginRoom(ended.loginId)) : io.in(staffRoom(ended.accountId));
  const target = 'exceptLoginId' in ended && ended.exceptLoginId ? account.except(loginRoom(ended.exceptLoginId)) : account;
  target.emit('session:closed', { reason: 'signed-out' });
  target.disconnectSockets(true);
}
