import { groupOf, receives } from './breakouts.js';
import { nextSpeakerId, sendRefusal } from './rounds.js';
import type { Breakout, Consent, LinkQuality, Member, MemberStatus, Note, Pulse, Role, Round, SessionState, TurnKind, TurnRecord } from './state.js';

/** What anyone in the room may know about a member. */
export type MemberView = {
  id: string;
  displayName: string;
  role: Role;
  status: MemberStatus;
  connected: boolean;
  micMuted: boolean;
  mutedByFacilitator: boolean;
  cameraOff: boolean;
  /** LNK3: listening and speaking without video. */
  audioOnly: boolean;
  /** LNK1: the member's network link as they report it; null before their first report. */
  link: LinkQuality | null;
  /** 1-based place in the raised-hand queue, or null. */
  handPosition: number | null;
};

/** What only facilitators see: private cards, talk-time, help requests. */
export type FacilitatorMemberView = MemberView & {
  consent: Consent | null;
  notes: Note[];
  talkTimeMs: number;
  helpRequestedAt: number | null;
  /** Since when they wait to be admitted (WAI5); null when not waiting. */
  waitingSince: number | null;
  removalReason: string | null;
  admittedAt: number | null;
  /**
   * CAM2: since when this participant has sent no camera, counted from the end of the last
   * break (break time is not treatment time); null while they send one, during a break, and
   * for facilitators. The console counts the minutes from it on its own clock.
   */
  cameraOffSince: number | null;
};

type Common = { sessionId: string; version: number; ended: boolean };

/** What everyone in the room sees of a round (RND14). */
export type RoundView = {
  prompt: string;
  kind: TurnKind;
  speakerId: string;
  receiverId: string | null;
  nextSpeakerId: string | null;
  startedAt: number;
  deadline: number;
  /** Time left when this snapshot was made: clients count down from when they received it. */
  remainingMs: number;
  paused: boolean;
  pausedRemainingMs: number | null;
  speakerAbsent: boolean;
  speakerOnly: boolean;
  feedback: boolean;
  order: string[];
  sharerIndex: number;
};

/** A pulse as a member sees it (PUL3): their own answer and the group's, never anyone else's. */
export type PulseView = {
  id: string;
  question: string;
  myAnswer: number | null;
  count: number;
  mean: number | null;
  /** How many answered 1, 2, … 10. */
  distribution: number[];
};

/** And as facilitators see it: every answer, and the closed ones. */
export type FacilitatorPulseView = PulseView & { answers: Record<string, number> };

/** What a member sees of breakouts: the prompt, the time, and their own group only. */
export type BreakoutView = {
  prompt: string;
  remainingMs: number;
  /** Counting down to the return, or null. */
  returningInMs: number | null;
  halfTimeNudged: boolean;
  oneMinuteWarned: boolean;
  myGroup: { id: string; memberIds: string[]; listenedBy: string[]; joinedBy: string[] } | null;
  /** The facilitators' latest message to every group (BRK17). */
  announcement: { text: string; at: number } | null;
  /** Facilitators only: every group, who listens, who joined, who asked for help. */
  groups?: { id: string; memberIds: string[]; listenedBy: string[]; joinedBy: string[]; helpRequestedAt: number | null }[];
};

/** What the media room lets this member do now (MED1): the client shows it, never works it out again. */
export type MediaView = {
  /** Whom they see and hear now (BRK5, BRK16): their pair in breakouts, the two in a side room. */
  receiving: string[];
  /** Why their microphone is not heard now (someone else's turn, muted), or null when it is heard. */
  micRefusal: ReturnType<typeof sendRefusal>;
};

/** REST1: the group's break, for everyone's countdown to when the group is back. */
export type BreakView = { startedAt: number; endsAt: number; remainingMs: number };

type RoomSettings = {
  media: MediaView;
  groupBreak: BreakView | null;
  round: RoundView | null;
  /** Who is apart in a side room with a facilitator (members see only that someone is away). */
  sideRooms: { memberId: string; facilitatorId: string }[];
  breakout: BreakoutView | null;
  pulse: PulseView | null;
  locked: boolean;
  selfUnmuteLocked: boolean;
  chatEnabled: boolean;
  spotlightId: string | null;
  handQueue: string[];
};

export type SessionView =
  /**
   * VIEW2: the waiting room shows nobody else and nothing of the room, only whether a
   * facilitator is there to let them in (VIEW5).
   */
  | (Common & { kind: 'waiting'; self: MemberView; facilitatorPresent: boolean })
  /** VIEW3: removed, denied or gone: only why. */
  | (Common & { kind: 'outside'; self: MemberView; reason: 'removed' | 'denied' | 'left' })
  /** VIEW1: admitted participants see admitted members, no private data. */
  | (Common & RoomSettings & { kind: 'participant'; self: MemberView; members: MemberView[] })
  /** VIEW4: facilitators see everyone, waiting room included, with private cards. */
  | (Common &
      RoomSettings & {
        kind: 'facilitator';
        self: FacilitatorMemberView;
        members: FacilitatorMemberView[];
        pulse: FacilitatorPulseView | null;
        pulseHistory: Pulse[];
        turnRecords: TurnRecord[];
      });

export function publicMember(state: SessionState, m: Member): MemberView {
  const index = state.handQueue.indexOf(m.id);
  return {
    id: m.id,
    displayName: m.displayName,
    role: m.role,
    status: m.status,
    connected: m.connected,
    micMuted: m.micMuted,
    mutedByFacilitator: m.mutedByFacilitator,
    cameraOff: m.cameraOff,
    // A state stored before LNK1 has neither field.
    audioOnly: m.audioOnly ?? false,
    link: m.link ?? null,
    handPosition: index === -1 ? null : index + 1,
  };
}

/** VIEW5: a facilitator is in the room and connected now, so someone waiting will be seen. */
export function facilitatorPresent(state: SessionState): boolean {
  return Object.values(state.members).some((x) => x.role === 'facilitator' && x.status === 'admitted' && x.connected);
}

function privateMember(state: SessionState, m: Member): FacilitatorMemberView {
  return {
    ...publicMember(state, m),
    consent: m.consent,
    notes: m.notes.map((n) => ({ ...n })),
    talkTimeMs: m.talkTimeMs,
    helpRequestedAt: m.helpRequestedAt,
    // A state stored before WAI5 has no such field.
    waitingSince: m.waitingSince ?? null,
    removalReason: m.removalReason,
    admittedAt: m.admittedAt,
    cameraOffSince: cameraOffSince(state, m),
  };
}

function cameraOffSince(state: SessionState, m: Member): number | null {
  const since = m.cameraOffSince ?? null;
  if (since === null || state.onBreak) return null;
  const lastBreakEnd = state.breaks?.at(-1)?.endedAt ?? 0;
  return Math.max(since, lastBreakEnd);
}

/** The snapshot one member is sent: never more than their role and status allow. */
/** `now` is the server's time, for the countdown of a turn (time is passed in, never read here). */
export function viewFor(state: SessionState, memberId: string, now: number): SessionView | undefined {
  return viewsAt(state, now)(memberId);
}

/**
 * Every member's snapshot of one state at one moment. The parts that are the same for
 * everyone (the roster, the round, the queue) are made once and shared by reference between
 * the views it returns, so sending a group of N its N views costs N small parts and one
 * roster rather than N rosters (T2b), and a serialiser can write each shared part once.
 * The views are read-only: a shared part changed in one would change it in all.
 */
export function viewsAt(state: SessionState, now: number): (memberId: string) => SessionView | undefined {
  const common: Common = { sessionId: state.id, version: state.version, ended: state.status === 'ended' };
  const all = Object.values(state.members);
  const once = <T>(make: () => T): (() => T) => {
    let made: { value: T } | undefined;
    return () => (made ??= { value: make() }).value;
  };
  const publicOf = once(() => new Map(all.map((x) => [x.id, publicMember(state, x)])));
  const privateOf = once(() => new Map(all.map((x) => [x.id, privateMember(state, x)])));
  const shared = once(() => ({
    round: state.round ? roundView(state.round, now) : null,
    groupBreak: state.onBreak ? { ...state.onBreak, remainingMs: Math.max(0, state.onBreak.endsAt - now) } : null,
    sideRooms: state.sideRooms.map(({ memberId: member, facilitatorId }) => ({ memberId: member, facilitatorId })),
    handQueue: [...state.handQueue],
  }));
  const admittedMembers = once(() => all.filter((x) => x.status === 'admitted').map((x) => publicOf().get(x.id)!));
  const everyMember = once(() => [...privateOf().values()]);
  const facilitatorRecords = once(() => ({
    pulseHistory: state.pulseHistory.map((p) => ({ ...p, answers: { ...p.answers } })),
    turnRecords: state.turnRecords.map((r) => ({ ...r })),
  }));

  return (memberId) => {
    const m = state.members[memberId];
    if (!m) return undefined;
    if (m.status === 'waiting') return { ...common, kind: 'waiting', self: publicMember(state, m), facilitatorPresent: facilitatorPresent(state) };
    if (m.status !== 'admitted') return { ...common, kind: 'outside', self: publicMember(state, m), reason: m.status };
    const { round, groupBreak, sideRooms, handQueue } = shared();
    const settings: RoomSettings = {
      media: { receiving: all.filter((x) => receives(state, memberId, x.id)).map((x) => x.id), micRefusal: sendRefusal(state, memberId, 'mic') },
      round,
      groupBreak,
      sideRooms,
      breakout: state.breakout ? breakoutView(state.breakout, memberId, m.role === 'facilitator', now) : null,
      pulse: state.pulse ? pulseView(state.pulse, memberId) : null,
      locked: state.locked,
      selfUnmuteLocked: state.selfUnmuteLocked,
      chatEnabled: state.chatEnabled,
      spotlightId: state.spotlightId,
      handQueue,
    };
    if (m.role === 'facilitator') {
      return {
        ...common,
        ...settings,
        kind: 'facilitator',
        self: privateOf().get(memberId)!,
        members: everyMember(),
        pulse: state.pulse ? { ...pulseView(state.pulse, memberId), answers: { ...state.pulse.answers } } : null,
        ...facilitatorRecords(),
      };
    }
    return {
      ...common,
      ...settings,
      kind: 'participant',
      self: publicOf().get(memberId)!,
      members: admittedMembers(),
    };
  };
}

function roundView(round: Round, now: number): RoundView {
  const t = round.turn;
  return {
    prompt: round.prompt,
    kind: t.kind,
    speakerId: t.speakerId,
    receiverId: t.receiverId,
    nextSpeakerId: nextSpeakerId(round),
    startedAt: t.startedAt,
    deadline: t.deadline,
    remainingMs: Math.max(0, t.pausedRemainingMs ?? t.deadline - now),
    paused: round.paused,
    pausedRemainingMs: t.pausedRemainingMs,
    speakerAbsent: t.speakerAbsent,
    speakerOnly: round.speakerOnly,
    feedback: round.feedbackMs !== null,
    order: [...round.order],
    sharerIndex: round.sharerIndex,
  };
}

function breakoutView(b: Breakout, memberId: string, facilitator: boolean, now: number): BreakoutView {
  const describe = (g: Breakout['groups'][number]) => ({
    id: g.id,
    memberIds: [...g.memberIds, ...Object.keys(b.joined).filter((f) => b.joined[f] === g.id)],
    listenedBy: Object.keys(b.listening).filter((f) => b.listening[f] === g.id),
    joinedBy: Object.keys(b.joined).filter((f) => b.joined[f] === g.id),
  });
  const mine = groupOf(b, memberId);
  return {
    prompt: b.prompt,
    remainingMs: Math.max(0, b.endsAt - now),
    returningInMs: b.returningAt === null ? null : Math.max(0, b.returningAt - now),
    halfTimeNudged: b.halfTimeNudged,
    oneMinuteWarned: b.oneMinuteWarned,
    myGroup: mine ? describe(mine) : null,
    announcement: b.announcement,
    ...(facilitator ? { groups: b.groups.map((g) => ({ ...describe(g), helpRequestedAt: g.helpRequestedAt })) } : {}),
  };
}

function pulseView(pulse: Pulse, memberId: string): PulseView {
  const values = Object.values(pulse.answers);
  const distribution = Array.from({ length: 10 }, (_, i) => values.filter((v) => v === i + 1).length);
  return {
    id: pulse.id,
    question: pulse.question,
    myAnswer: pulse.answers[memberId] ?? null,
    count: values.length,
    mean: values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null,
    distribution,
  };
}

/** CHT2: who may send a chat message where. Chat content is relayed, never stored. */
export function maySendChat(state: SessionState, memberId: string, to: 'everyone' | 'facilitators'): boolean {
  const m = state.members[memberId];
  if (!m || m.status !== 'admitted' || state.status === 'ended') return false;
  if (m.role === 'facilitator') return true;
  // A private line to the facilitators stays open when group chat is off: it is a safety channel.
  return to === 'facilitators' || state.chatEnabled;
}
