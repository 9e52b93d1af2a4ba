import { SYSTEM, pairKey, proposePairs, type ServerToClientEvents } from '@hearth/shared';
import type { Socket } from 'socket.io';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Identity } from '../sessions/identity.js';
import type { LiveSession, MemberLink } from '../sessions/LiveSession.js';
import type { LiveSessions } from '../sessions/LiveSessions.js';
import type { Placement } from '../cluster/SessionPlacement.js';
import type { PairingRules } from '../sessions/pairingRules.js';
import type { SessionContext } from '../sessions/sessionContext.js';
import { handle } from './handle.js';

/** What one connection knows about itself; shared by its session and media handlers. */
export type Connection = {
  identity: Identity | undefined;
  session: LiveSession | undefined;
};

export type SessionDeps = {
  sessions: LiveSessions;
  log: Logger;
  /** How often each pair met in breakouts of this session's cohort so far (pairKey → count). */
  pairingRules: (sessionId: string) => Promise<PairingRules>;
  /** Which node runs a session; members who reach another node are sent there. */
  place: (sessionId: string) => Promise<Placement>;
  /** The group, title and times a member's screens show (undefined for an unknown session). */
  context: (sessionId: string) => Promise<SessionContext | undefined>;
  /** CAM2: the cohort's camera-off flag in minutes (undefined: none); told to facilitators only. */
  cameraOffFlag?: (sessionId: string) => Promise<number | undefined>;
};

/**
 * Entering a moderated session and sending it commands. Identity comes from the
 * credential checked at connection; a dropped connection is reported to the session, which
 * keeps the member in place for the grace period.
 */
export function registerSessionHandlers(socket: Socket, connection: Connection, { sessions, log, pairingRules, place, context, cameraOffFlag }: SessionDeps): void {
  const emit = socket.emit.bind(socket) as (event: keyof ServerToClientEvents, payload: unknown) => boolean;
  const link: MemberLink = {
    send: (event, payload) => emit(event, payload),
    close: (reason) => {
      emit('session:closed', { reason });
      socket.disconnect(true);
    },
  };

  handle(socket, 'session:identity', log, async () => {
    const identity = connection.identity;
    if (!identity) throw new AppError('UNAUTHENTICATED', 'open your invite link, or sign in');
    const [placement, about] = await Promise.all([place(identity.sessionId), context(identity.sessionId)]);
    const flag = identity.role === 'facilitator' ? await cameraOffFlag?.(identity.sessionId) : undefined;
    return {
      ...(flag === undefined ? {} : { cameraOffFlagMinutes: flag }),
      displayName: identity.displayName,
      role: identity.role,
      sessionId: identity.sessionId,
      ...(placement.here ? {} : { node: placement.url }),
      ...(about ? { context: about } : {}),
    };
  });

  handle(socket, 'session:leave', log, async () => {
    const { session, identity } = connection;
    if (!session || !identity) throw new AppError('NOT_JOINED', 'enter the session first');
    connection.session = undefined;
    // Another tab of the same member took over this link: that one stays, nothing to leave.
    if (!session.unlink(identity.memberId, link)) return {};
    const outcome = await session.run({ type: 'leave', memberId: identity.memberId }, SYSTEM);
    if (!outcome.ok) throw new AppError(outcome.error.code, outcome.error.message);
    return {};
  });

  handle(socket, 'session:resync', log, async () => {
    const { session, identity } = connection;
    if (!session || !identity) throw new AppError('NOT_JOINED', 'enter the session first');
    const view = session.resync(identity.memberId, link);
    if (!view) throw new AppError('NOT_JOINED', 'not in this session');
    return { view };
  });

  handle(socket, 'session:enter', log, async ({ consent, patches }) => {
    const identity = connection.identity;
    if (!identity) throw new AppError('UNAUTHENTICATED', 'open your invite link, or sign in, to enter a session');
    if (connection.session) throw new AppError('ALREADY_JOINED', 'already in the session');
    // One node runs each session (its timers, its media): anywhere else, say where it is.
    const placement = await place(identity.sessionId);
    if (!placement.here) throw new AppError('WRONG_NODE', `this session runs on ${placement.url}`);
    const session = await sessions.get(identity.sessionId);
    const member = { id: identity.memberId, displayName: identity.displayName, role: identity.role };
    const outcome = await session.run({ type: 'enter', member, consent: identity.role === 'participant' ? consent : null }, SYSTEM);
    if (!outcome.ok) throw new AppError(outcome.error.code, outcome.error.message);
    link.patches = patches === true;
    session.link(identity.memberId, link);
    connection.session = session;
    const view = session.view(identity.memberId);
    if (!view) throw new AppError('INTERNAL', 'entered but not found');
    return { view };
  });

  handle(socket, 'session:command', log, async (command) => {
    const { session, identity } = connection;
    if (!session || !identity) throw new AppError('NOT_JOINED', 'enter the session first');
    const outcome = await session.run(command, { kind: 'member', memberId: identity.memberId });
    if (!outcome.ok) throw new AppError(outcome.error.code, outcome.error.message);
    return { version: outcome.version };
  });

  handle(socket, 'breakout:propose', log, async ({ never, odd }) => {
    const { session, identity } = connection;
    if (!session || !identity) throw new AppError('NOT_JOINED', 'enter the session first');
    const state = session.snapshot;
    const me = state.members[identity.memberId];
    if (me?.role !== 'facilitator' || me.status !== 'admitted') throw new AppError('FORBIDDEN', 'only a facilitator may do that');
    const members = Object.values(state.members)
      .filter((m) => m.status === 'admitted' && m.role === 'participant')
      .map((m) => m.id);
    // The clinic's standing rules for the cohort, and any the facilitator adds for tonight.
    const rules = await pairingRules(session.id);
    const result = proposePairs({
      members,
      history: rules.history,
      never: [...rules.never, ...never.map(([a, b]) => pairKey(a, b))],
      seed: state.version,
      odd: odd === 'triad' ? 'triad' : { facilitatorId: identity.memberId },
    });
    if (!result.ok) throw new AppError('INVALID_STATE', result.reason);
    return { groups: result.groups, repeats: result.repeats };
  });

  handle(socket, 'chat:send', log, async ({ to, text }) => {
    const { session, identity } = connection;
    if (!session || !identity) throw new AppError('NOT_JOINED', 'enter the session first');
    if (!session.chat(identity.memberId, to, text)) throw new AppError('FORBIDDEN', 'chat is off, or you are not in the room');
    return {};
  });

  socket.on('disconnect', () => {
    const { session, identity } = connection;
    if (!session || !identity || !session.unlink(identity.memberId, link)) return;
    // The session's own timer ends the grace period for whoever has not come back.
    session.run({ type: 'connectionLost', memberId: identity.memberId }, SYSTEM).catch((err: unknown) => log.warn({ err }, 'could not record a lost connection'));
  });
}
