import type { CommandResponse, ServerEventPayload, SessionView } from '@hearth/shared';
import type { ProblemCode } from './connectionRefusal';
import type { ConnectionStatus } from './SessionConnection';

export type Phase =
  /** Checking the link or sign-in with the server. */
  | 'connecting'
  /** The link is expired, revoked or wrong, its session ended or unknown, the sign-in missing, or the server out of reach. */
  | 'credential-problem'
  | 'prejoin'
  | 'consent'
  | 'entering'
  /** Entering was refused for now (a locked room, a full server): the page offers to try again. */
  | 'refused'
  | 'waiting'
  | 'in-room'
  /** Removed, denied, ended, or opened elsewhere. */
  | 'closed';

export type ChatMessage = ServerEventPayload<'chat:message'>;

/** The group, tonight's title and times, for the participant's screens. */
export type SessionContext = NonNullable<CommandResponse<'session:identity'>['context']>;

export type { ProblemCode };

/** Why a member is out of the session: the server's word, their own Leave, or a connection that could not resume. */
export type ClosedReason = ServerEventPayload<'session:closed'>['reason'] | 'left' | 'lost';

export type ModeratedState = {
  phase: Phase;
  identity: { displayName: string; role: 'facilitator' | 'participant'; sessionId: string; context?: SessionContext; cameraOffFlagMinutes?: number } | undefined;
  view: SessionView | undefined;
  /** A refusal in words, shown beside the form that caused it (consent, pre-join). */
  problem: string | undefined;
  /** Why the page is a credential problem or a refusal (phases credential-problem and refused). */
  problemCode: ProblemCode | undefined;
  closedReason: ClosedReason | undefined;
  /** The last command refused, in words, for the person who tried it. */
  refusal: string | undefined;
  chat: ChatMessage[];
  /**
   * The connection's status as its owner (SessionConnection) last said, kept here so a page
   * reads one snapshot. 'reconnecting' while in the session: it is holding the member's place.
   */
  connection: ConnectionStatus;
  /** This member pressed "I need help" and the facilitators were told. */
  helpRequested: boolean;
  /** In the room, but the camera and microphone could not connect after every automatic try: the page says so and offers to try again. */
  mediaGaveUp: boolean;
};

export const initialModeratedState: ModeratedState = {
  phase: 'connecting',
  identity: undefined,
  view: undefined,
  problem: undefined,
  problemCode: undefined,
  closedReason: undefined,
  refusal: undefined,
  chat: [],
  connection: 'connecting',
  helpRequested: false,
  mediaGaveUp: false,
};

/**
 * Snapshots can arrive out of order (an ack's and a broadcast's); an older version than the
 * one held is dropped, an equal one (the same state) is harmless to take again.
 */
export function isNewer(current: Pick<SessionView, 'version'> | undefined, incoming: Pick<SessionView, 'version'>): boolean {
  return !current || incoming.version >= current.version;
}

/**
 * "Reconnecting…": the connection dropped (or is moving to the node that runs the session now)
 * while the member was in the waiting room or the call, whose place the session holds.
 */
export function isReconnecting(state: Pick<ModeratedState, 'connection' | 'phase'>): boolean {
  const away = state.connection === 'reconnecting' || state.connection === 'moving';
  return away && (state.phase === 'waiting' || state.phase === 'in-room');
}
