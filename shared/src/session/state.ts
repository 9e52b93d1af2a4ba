/**
 * The state of one group session, owned by the server. Plain, JSON-serialisable data:
 * it is stored between commands (memory now, Redis later) and sent to clients as views.
 */

export type Role = 'facilitator' | 'participant';

/** Where a member stands. 'left' and 'denied' may knock again; 'removed' may not. */
export type MemberStatus = 'waiting' | 'admitted' | 'denied' | 'removed' | 'left';

/** Given at the consent gate every session; facilitators only ever see it. */
export type Consent = {
  agreedAt: number;
  location: string;
  callbackNumber: string;
  /** Whether they said they were at home (place of service 10, else 02); absent when not asked. */
  atHome?: boolean;
};

export type Member = {
  /** Stable for the session: the invite's member id or the facilitator's account id. */
  id: string;
  displayName: string;
  role: Role;
  status: MemberStatus;
  /** False while a dropped connection is within its grace period. */
  connected: boolean;
  disconnectedAt: number | null;
  consent: Consent | null;
  /** The member's own mute, or a facilitator's: either silences them on the SFU. */
  micMuted: boolean;
  mutedByFacilitator: boolean;
  /** A facilitator let this participant unmute although self-unmute is locked. */
  mayUnmuteWhileLocked: boolean;
  cameraOff: boolean;
  /** LNK3: the member chose audio only (no camera sent or received); billed as audio-only (modifier 93). */
  audioOnly?: boolean;
  /** CAM1: the SFU holds a camera of theirs that their client sends (not paused by it): what is sent, not what was asked. */
  videoSent?: boolean;
  /** CAM1: since when a participant in the room has sent no camera; null while they send one or are not in the room. */
  cameraOffSince?: number | null;
  /** LNK1: the member's own word on their network link, or null before the first report. */
  link?: LinkQuality | null;
  removalReason: string | null;
  /** Milliseconds heard as the active speaker this session. */
  talkTimeMs: number;
  /** Open "I need help" request, if any (time raised). */
  helpRequestedAt: number | null;
  /** Since when the member has been in the waiting room (WAI5), or null when not waiting. */
  waitingSince: number | null;
  /** First admission this session; attendance proper comes with records. */
  admittedAt: number | null;
  /** Facilitators' private notes about this member, oldest first. */
  notes: Note[];
};

/** A coarse level read from the member's WebRTC statistics (round trip, loss, available bitrate). */
export type LinkQuality = 'good' | 'fair' | 'poor';

export type Note = { at: number; authorId: string; text: string };

export type SessionStatus = 'open' | 'ended';

export type SessionState = {
  id: string;
  status: SessionStatus;
  /** +1 for every accepted command; clients drop snapshots older than what they hold. */
  version: number;
  /** No new entrants to the waiting room. */
  locked: boolean;
  /** Participants who are muted cannot unmute themselves. */
  selfUnmuteLocked: boolean;
  chatEnabled: boolean;
  spotlightId: string | null;
  /** Raised hands, oldest first. */
  handQueue: string[];
  members: Record<string, Member>;
  /** The round running now, if any (rounds.ts). */
  round: Round | null;
  /** How every finished turn went: who spoke (to whom), for how long, how it ended. Never content. */
  turnRecords: TurnRecord[];
  /** Crisis pull-asides: a facilitator alone with one member, apart from the group. */
  sideRooms: SideRoom[];
  /** Breakout pairs running now, if any (breakouts.ts). */
  breakout: Breakout | null;
  /** Who was paired with whom in finished breakouts: the cohort's rotation history. */
  pairRecords: PairRecord[];
  /** The pulse check open now, if any. */
  pulse: Pulse | null;
  /** Closed pulse checks, kept with the session record (facilitators only). */
  pulseHistory: Pulse[];
  /** REST1: the group's break on now (absent in a state stored before breaks existed). */
  onBreak?: GroupBreak | null;
  /** REST4: the breaks taken, in order: not treatment time. */
  breaks?: BreakRecord[];
};

/** A break on now: everyone is told when the group is back (`endsAt`, extended by a facilitator). */
export type GroupBreak = { startedAt: number; endsAt: number };

export type BreakRecord = { startedAt: number; endedAt: number };

export type BreakoutGroup = {
  id: string;
  memberIds: string[];
  /** A member of the group asked the facilitators for help. */
  helpRequestedAt: number | null;
};

export type Breakout = {
  id: string;
  prompt: string;
  startedAt: number;
  endsAt: number;
  durationMs: number;
  groups: BreakoutGroup[];
  /** Facilitator id → the group they listen to (the group sees a badge; it does not hear them). */
  listening: Record<string, string>;
  /** Facilitator id → the group they joined (heard and seen there). */
  joined: Record<string, string>;
  halfTimeNudged: boolean;
  oneMinuteWarned: boolean;
  /** Time up (or ended early): everyone returns to the group at this time. */
  returningAt: number | null;
  /** The facilitators' latest message to every group, shown as a banner (BRK17). */
  announcement: { text: string; at: number } | null;
};

export type SideRoom = { memberId: string; facilitatorId: string; startedAt: number };

export type PairRecord = { breakoutId: string; startedAt: number; endedAt: number; groups: string[][] };

export type Pulse = {
  id: string;
  question: string;
  openedAt: number;
  closedAt: number | null;
  /** 1–10 per member. */
  answers: Record<string, number>;
};

export type TurnKind = 'share' | 'feedback';

export type Turn = {
  kind: TurnKind;
  speakerId: string;
  /** For feedback: the member receiving it. */
  receiverId: string | null;
  startedAt: number;
  deadline: number;
  /** While the round is paused: the time the turn still had. */
  pausedRemainingMs: number | null;
  /** The speaker's connection dropped; the turn waits for them until the (shortened) deadline. */
  speakerAbsent: boolean;
};

export type Round = {
  id: string;
  prompt: string;
  /** Sharers in speaking order. */
  order: string[];
  /** Index in `order` of the member sharing now (or receiving feedback). */
  sharerIndex: number;
  /** During feedback: index among the givers for the current sharer; -1 during the share. */
  giverIndex: number;
  turnMs: number;
  /** Feedback turns after each share, or null for a plain round. */
  feedbackMs: number | null;
  speakerOnly: boolean;
  paused: boolean;
  turn: Turn;
  /** Members whose turn lapsed while they were away: they speak next when they return. */
  returning: string[];
};

export type TurnRecord = {
  roundId: string;
  kind: TurnKind;
  speakerId: string;
  receiverId: string | null;
  startedAt: number;
  endedAt: number;
  outcome: 'finished' | 'passed' | 'skipped' | 'timed-out' | 'absent' | 'round-ended';
};

export const RECONNECT_GRACE_MS = 60_000;

export function newSession(id: string): SessionState {
  return {
    id,
    status: 'open',
    version: 0,
    locked: false,
    selfUnmuteLocked: false,
    chatEnabled: true,
    spotlightId: null,
    handQueue: [],
    members: {},
    round: null,
    turnRecords: [],
    pulse: null,
    pulseHistory: [],
    breakout: null,
    pairRecords: [],
    sideRooms: [],
    onBreak: null,
    breaks: [],
  };
}
