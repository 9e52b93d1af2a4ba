import { PROTOCOL_VERSION, type RtpCapabilities, type ServerToClientEvents } from '@hearth/shared';
import type { Socket } from 'socket.io';
import type { types } from 'mediasoup';
import { AppError, NotJoinedError } from '../errors.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { routerClientCapabilities } from '../media/routerOptions.js';
import { turnIceServers } from '../media/turnCredentials.js';
import { RoomClosedError, type Room } from '../rooms/Room.js';
import type { Rooms } from '../rooms/Rooms.js';
import type { SendToPeer } from '../rooms/Peer.js';
import { handle } from './handle.js';
import type { Connection } from './session.handlers.js';

type Membership = { room: Room; peerId: string };

/** The connection's member in its session's current state, if it is a session member. */
function sessionMember(connection: Connection) {
  const { session, identity } = connection;
  return session && identity ? session.snapshot.members[identity.memberId] : undefined;
}

/**
 * For a session member: checks they may enter this media room (their session's, and
 * admitted) and returns who they are there. Anonymous connections get open rooms.
 */
function admittedMember(connection: Connection, roomId: string) {
  if (!connection.identity) return undefined;
  if (roomId !== connection.identity.sessionId) throw new AppError('FORBIDDEN', 'that is not your session');
  const m = sessionMember(connection);
  if (!m || m.status !== 'admitted') throw new AppError('NOT_ADMITTED', 'wait to be admitted');
  return m;
}

export type MediaDeps = { rooms: Rooms; log: Logger; turn: Config['turn']; openRooms: boolean; plainTransports?: boolean };

/**
 * Join, transports, producers and consumers for one socket. The socket is in at most one
 * room; leaving or disconnecting closes everything its peer owned. In a moderated session
 * the media room is the session's and only admitted members get in; the room's policy (the
 * session's state) decides what may play.
 */
export function registerMediaHandlers(socket: Socket, connection: Connection, { rooms, log, turn, openRooms, plainTransports = false }: MediaDeps): void {
  let membership: Membership | undefined;
  let joining = false;

  const member = (): Membership => {
    if (!membership) throw new NotJoinedError();
    return membership;
  };
  const send: SendToPeer = (event, payload) => {
    (socket.emit as (e: keyof ServerToClientEvents, p: unknown) => boolean)(event, payload);
  };

  handle(socket, 'room:join', log, async (req) => {
    if (req.protocolVersion !== PROTOCOL_VERSION) {
      throw new AppError('UNSUPPORTED_PROTOCOL', `this server speaks protocol ${PROTOCOL_VERSION}; reload the page`);
    }
    // Sent back to the waiting room (or the room closed) since: that membership is over.
    if (membership && !membership.room.hasPeer(membership.peerId)) membership = undefined;
    if (membership || joining) throw new AppError('ALREADY_JOINED', 'already in a room');
    if (!connection.identity && !openRooms) {
      throw new AppError('UNAUTHENTICATED', 'open rooms are turned off here: join with your invite link');
    }
    const admitted = admittedMember(connection, req.roomId);
    joining = true;
    try {
      const rtpCapabilities = req.rtpCapabilities as types.RtpCapabilities | undefined;
      const { room, peer, response } = await rooms.join(req.roomId, admitted?.displayName ?? req.displayName, send, admitted?.id, rtpCapabilities);
      if (socket.disconnected) {
        await room.leave(peer.id);
        throw new NotJoinedError();
      }
      membership = { room, peerId: peer.id };
      return { ...response, iceServers: turnIceServers(turn, peer.id) };
    } finally {
      joining = false;
    }
  });

  // The same for every room here (one codec list): asked before joining, to load the Device off the join path.
  handle(socket, 'media:capabilities', log, async () => ({ routerRtpCapabilities: routerClientCapabilities() as RtpCapabilities }));

  handle(socket, 'room:leave', log, async () => {
    const { room, peerId } = member();
    membership = undefined;
    await room.leave(peerId);
    return {};
  });

  handle(socket, 'transport:create', log, async ({ direction }) => {
    const { room, peerId } = member();
    return room.createTransport(peerId, direction);
  });

  handle(socket, 'transport:createPlain', log, async (req) => {
    if (!plainTransports) throw new AppError('FORBIDDEN', 'plain RTP transports are for benchmarks only');
    const { room, peerId } = member();
    return room.createPlainTransport(peerId, req);
  });

  handle(socket, 'transport:connect', log, async (req) => {
    const { room, peerId } = member();
    await room.connectTransport(peerId, req);
    return {};
  });

  handle(socket, 'transport:restartIce', log, async ({ transportId }) => {
    const { room, peerId } = member();
    return room.restartIce(peerId, transportId);
  });

  handle(socket, 'peer:ready', log, async ({ rtpCapabilities }) => {
    const { room, peerId } = member();
    await room.ready(peerId, rtpCapabilities as types.RtpCapabilities);
    return {};
  });

  // What may be sent or received is the room's to decide (its policy is the session's state).
  handle(socket, 'producer:create', log, async (req) => {
    const { room, peerId } = member();
    return { producerId: await room.produce(peerId, req) };
  });

  handle(socket, 'producer:pause', log, async ({ producerId }) => {
    const { room, peerId } = member();
    await room.setProducerPaused(peerId, producerId, true);
    return {};
  });

  handle(socket, 'producer:resume', log, async ({ producerId }) => {
    const { room, peerId } = member();
    await room.setProducerPaused(peerId, producerId, false);
    return {};
  });

  handle(socket, 'producer:close', log, async ({ producerId }) => {
    const { room, peerId } = member();
    await room.closeProducer(peerId, producerId);
    return {};
  });

  handle(socket, 'consumer:resume', log, async ({ consumerId }) => {
    const { room, peerId } = member();
    await room.resumeConsumer(peerId, consumerId);
    return {};
  });

  handle(socket, 'consumer:pause', log, async ({ consumerId }) => {
    const { room, peerId } = member();
    await room.pauseConsumer(peerId, consumerId);
    return {};
  });

  handle(socket, 'consumer:setPreferredLayers', log, async (req) => {
    const { room, peerId } = member();
    await room.setPreferredLayers(peerId, req);
    return {};
  });

  socket.on('disconnect', () => {
    if (!membership) return;
    const { room, peerId } = membership;
    membership = undefined;
    room.leave(peerId).catch((err: unknown) => {
      // A room that already closed (the session ended, its worker died) has nothing left to leave.
      if (!(err instanceof RoomClosedError)) log.warn({ err }, 'leave on disconnect failed');
    });
  });
}
