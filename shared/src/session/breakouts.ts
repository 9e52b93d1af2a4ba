import type { MemberCommand } from './commands.js';
import { audit, member, refuse, self, type Draft } from './draft.js';
import type { Breakout, BreakoutGroup, Member, SessionState } from './state.js';

/** The countdown before everyone is back in the group (BRK8). */
export const RETURN_COUNTDOWN_MS = 10_000;
export const ONE_MINUTE_MS = 60_000;

type StartBreakout = Extract<MemberCommand, { type: 'startBreakout' }>;

/** The group a member is in during breakouts: as a member, or as a facilitator who joined it. */
export function groupOf(breakout: Breakout, memberId: string): BreakoutGroup | undefined {
  const joined = breakout.joined[memberId];
  if (joined) return breakout.groups.find((g) => g.id === joined);
  return breakout.groups.find((g) => g.memberIds.includes(memberId));
}

/**
 * The one subscription policy (BRK5): whether `viewerId` receives `senderId`'s camera and
 * microphone. The main room is everyone; in breakouts a group receives only itself, a
 * listening facilitator receives the group they listen to (not the other way round), and
 * whoever is in no group (facilitators, latecomers) receives the others in no group.
 */
export function receives(state: SessionState, viewerId: string, senderId: string): boolean {
  if (viewerId === senderId) return false;
  const viewer = state.members[viewerId];
  const sender = state.members[senderId];
  if (viewer?.status !== 'admitted' || sender?.status !== 'admitted') return false;
  // BRK16: a side room is its own world, whatever else is going on.
  const viewerSide = sideRoomOf(state, viewerId);
  const senderSide = sideRoomOf(state, senderId);
  if (viewerSide || senderSide) return viewerSide !== undefined && viewerSide === senderSide;
  const breakout = state.breakout;
  if (!breakout) return true;
  const senderGroup = groupOf(breakout, senderId);
  const viewerGroup = groupOf(breakout, viewerId);
  if (viewerGroup) return viewerGroup === senderGroup;
  if (senderGroup) return breakout.listening[viewerId] === senderGroup.id;
  return true;
}

export function sideRoomOf(state: SessionState, memberId: string) {
  return state.sideRooms.find((r) => r.memberId === memberId || r.facilitatorId === memberId);
}

/**
 * BRK16: a crisis pull-aside: a facilitator takes one participant apart, alone together,
 * while the group carries on with the other facilitator. Audited; undone by returning them.
 */
export function pullAside(d: Draft, memberId: string): void {
  const facilitator = self(d);
  const m = member(d, memberId);
  if (m.status !== 'admitted' || m.role !== 'participant') refuse('INVALID_STATE', 'only a participant in the room can be taken aside');
  if (sideRoomOf(d.state, facilitator.id) || sideRoomOf(d.state, m.id)) refuse('INVALID_STATE', 'already in a side room');
  d.state.sideRooms.push({ memberId: m.id, facilitatorId: facilitator.id, startedAt: d.now });
  audit(d, 'pulled-aside', m.id);
}

export function returnFromSide(d: Draft, memberId: string): void {
  if (!d.state.sideRooms.some((r) => r.memberId === memberId)) refuse('INVALID_STATE', 'not in a side room');
  d.state.sideRooms = d.state.sideRooms.filter((r) => r.memberId !== memberId);
  audit(d, 'returned-from-side', memberId);
}

/** BRK4: pairs (or a triad, or a participant with a facilitator) covering everyone in the room. */
export function startBreakout(d: Draft, c: StartBreakout): void {
  if (d.state.breakout) refuse('INVALID_STATE', 'breakouts are already running');
  if (d.state.round) refuse('INVALID_STATE', 'end the round first');
  if (d.state.onBreak) refuse('INVALID_STATE', 'end the break first'); // REST5
  const participants = Object.values(d.state.members).filter((m) => m.status === 'admitted' && m.role === 'participant');
  const seen = new Set<string>();
  for (const group of c.groups) {
    for (const id of group) {
      const m = d.state.members[id];
      if (!m || m.status !== 'admitted') refuse('INVALID_STATE', 'a group names someone not in the room');
      if (seen.has(id)) refuse('INVALID_STATE', 'someone is in two groups');
      seen.add(id);
    }
    if (group.filter((id) => d.state.members[id]?.role === 'participant').length === 0) refuse('INVALID_STATE', 'a group needs a participant');
  }
  if (participants.some((m) => !seen.has(m.id))) refuse('INVALID_STATE', 'everyone in the room needs a group');
  const breakout: Breakout = {
    id: `breakout-${d.state.version + 1}`,
    prompt: c.prompt,
    startedAt: d.now,
    endsAt: d.now + c.durationSeconds * 1000,
    durationMs: c.durationSeconds * 1000,
    groups: [],
    listening: {},
    joined: {},
    halfTimeNudged: false,
    oneMinuteWarned: false,
    returningAt: null,
    announcement: null,
  };
  // A facilitator named in a group (pairing with the odd member) joins it.
  c.groups.forEach((ids, i) => {
    const groupId = `g${i + 1}`;
    const participantsHere = ids.filter((id) => d.state.members[id]?.role === 'participant');
    for (const id of ids) if (d.state.members[id]?.role === 'facilitator') breakout.joined[id] = groupId;
    breakout.groups.push({ id: groupId, memberIds: participantsHere, helpRequestedAt: null });
  });
  d.state.breakout = breakout;
  audit(d, 'breakout-started', null);
}

export function breakoutCommand(d: Draft, c: Exclude<Extract<MemberCommand, { type: 'extendBreakout' | 'endBreakout' | 'listenIn' | 'joinGroup' | 'placeInGroup' | 'askPairHelp' | 'acknowledgePairHelp' | 'broadcastToGroups' }>, never>): void {
  const breakout = d.state.breakout ?? refuse('INVALID_STATE', 'no breakouts are running');
  switch (c.type) {
    case 'extendBreakout':
      // BRK7: more time, and a return already counting down is called off.
      breakout.endsAt = Math.max(breakout.endsAt, d.now) + c.seconds * 1000;
      breakout.returningAt = null;
      breakout.oneMinuteWarned = breakout.endsAt - d.now <= ONE_MINUTE_MS;
      return;
    case 'endBreakout':
      // BRK8: ending early starts the same short countdown as time running out.
      if (breakout.returningAt !== null) refuse('INVALID_STATE', 'everyone is already returning');
      breakout.returningAt = d.now + RETURN_COUNTDOWN_MS;
      return;
    case 'listenIn':
    case 'joinGroup': {
      // BRK9: a facilitator listens to, or joins, one group at a time (or returns to the main room).
      const facilitator = self(d);
      delete breakout.listening[facilitator.id];
      delete breakout.joined[facilitator.id];
      if (c.groupId !== null) {
        const group = breakout.groups.find((g) => g.id === c.groupId) ?? refuse('NOT_FOUND', 'no such group');
        (c.type === 'listenIn' ? breakout.listening : breakout.joined)[facilitator.id] = c.groupId;
        // BRK18: a facilitator going to a pair that asked for one answers the request.
        group.helpRequestedAt = null;
      }
      return;
    }
    case 'placeInGroup': {
      // BRK13: someone admitted during breakouts is placed by a facilitator.
      const m = member(d, c.memberId);
      if (m.status !== 'admitted' || m.role !== 'participant') refuse('INVALID_STATE', 'only a participant in the room can be placed');
      const group = breakout.groups.find((g) => g.id === c.groupId) ?? refuse('NOT_FOUND', 'no such group');
      for (const g of breakout.groups) g.memberIds = g.memberIds.filter((id) => id !== m.id);
      group.memberIds.push(m.id);
      return;
    }
    case 'askPairHelp': {
      // BRK10: a member asks the facilitators to come to their group.
      const asker = self(d);
      const group = groupOf(breakout, asker.id);
      if (!group || asker.role !== 'participant') refuse('INVALID_STATE', 'you are not in a group');
      group!.helpRequestedAt ??= d.now;
      d.effects.push({ type: 'notifyFacilitators', event: 'pair-help', memberId: asker.id });
      return;
    }
    case 'acknowledgePairHelp': {
      // BRK18: a facilitator takes the request on without going there (yet).
      const group = breakout.groups.find((g) => g.id === c.groupId) ?? refuse('NOT_FOUND', 'no such group');
      if (group.helpRequestedAt === null) refuse('INVALID_STATE', 'no open help request');
      group.helpRequestedAt = null;
      return;
    }
    case 'broadcastToGroups':
      // BRK17: one line to every group at once; the newest replaces the one before.
      breakout.announcement = { text: c.text, at: d.now };
      return;
    default: {
      const unknown: never = c;
      refuse('INVALID_STATE', `unknown breakout command ${String((unknown as { type?: unknown }).type)}`);
    }
  }
}

/** BRK6: the server's timer: half-time nudge, one-minute warning, time up, and the return. */
export function breakoutTick(d: Draft): void {
  const b = d.state.breakout;
  if (!b) return;
  if (b.returningAt !== null) {
    if (d.now >= b.returningAt) endBreakoutNow(d);
    return;
  }
  if (d.now >= b.endsAt) {
    b.returningAt = d.now + RETURN_COUNTDOWN_MS;
    return;
  }
  if (!b.halfTimeNudged && d.now >= b.startedAt + b.durationMs / 2) b.halfTimeNudged = true;
  if (!b.oneMinuteWarned && b.endsAt - d.now <= ONE_MINUTE_MS) b.oneMinuteWarned = true;
}

/** When the server's timer should next look: the next nudge, warning, end or return. */
export function nextBreakoutTick(b: Breakout): number {
  if (b.returningAt !== null) return b.returningAt;
  const moments = [b.endsAt];
  if (!b.halfTimeNudged) moments.push(b.startedAt + b.durationMs / 2);
  if (!b.oneMinuteWarned) moments.push(b.endsAt - ONE_MINUTE_MS);
  return Math.min(...moments);
}

/** Everyone back in the group; who met whom is kept for the cohort's rotation (BRK11). */
export function endBreakoutNow(d: Draft): void {
  const b = d.state.breakout;
  if (!b) return;
  d.state.pairRecords.push({ breakoutId: b.id, startedAt: b.startedAt, endedAt: d.now, groups: b.groups.map((g) => [...g.memberIds]) });
  d.state.breakout = null;
  audit(d, 'breakout-ended', null);
}

/** BRK12: someone leaving the room leaves their group; a dropped connection keeps it. */
export function memberLeftBreakout(d: Draft, m: Member): void {
  if (d.state.sideRooms.some((r) => r.memberId === m.id || r.facilitatorId === m.id)) {
    d.state.sideRooms = d.state.sideRooms.filter((r) => r.memberId !== m.id && r.facilitatorId !== m.id);
  }
  const b = d.state.breakout;
  if (!b) return;
  for (const g of b.groups) g.memberIds = g.memberIds.filter((id) => id !== m.id);
  delete b.listening[m.id];
  delete b.joined[m.id];
}
