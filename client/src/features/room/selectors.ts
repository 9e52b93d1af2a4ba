import type { FacilitatorMemberView, MemberView, SessionView } from '@hearth/shared';

/*
 * What the call shows of a moderated session, reshaped from the server's view (never a
 * server rule re-implemented): who is on the stage, who is emphasised, what each tile says,
 * whether the microphone is held for someone else's turn, what is announced.
 */

export type Room = Extract<SessionView, { kind: 'participant' | 'facilitator' }>;
type AnyMember = MemberView | FacilitatorMemberView;

export function roomOf(view: SessionView | undefined): Room | undefined {
  return view && (view.kind === 'participant' || view.kind === 'facilitator') ? view : undefined;
}

export function namesOf(room: Room): Map<string, string> {
  return new Map(room.members.map((m) => [m.id, m.displayName]));
}

/** Whose tiles this member sees: themselves and whom the server says they receive now (MED1). */
export function visibleIn(room: Room): Set<string> {
  return new Set([room.self.id, ...room.media.receiving]);
}

/** The emphasised tile: during a turn the round's speaker, whoever the speaker detector picks; else the active speaker. */
export function emphasisOf(room: Room | undefined, activeSpeakerId: string | null): string | null {
  return room?.round ? room.round.speakerId : activeSpeakerId;
}

/** Who the speaker view shows large, in order: the turn's speaker, the spotlight, the active speaker. */
export function mainPreferenceOf(room: Room | undefined, activeSpeakerId: string | null): (string | null)[] {
  return [room?.round?.speakerId ?? null, room?.spotlightId ?? null, activeSpeakerId];
}

/** The member's microphone is held for someone else's turn (a speaker-only round), as the server says. */
export function heldForTurn(room: Room | undefined): boolean {
  return room?.media.micRefusal === 'NOT_YOUR_TURN';
}

export type BadgeIcon = 'facilitator' | 'hand' | 'help' | 'reconnecting';
export type BadgeSpec = { key: string; label: string; tone?: 'attention' | 'primary' | 'danger'; icon?: BadgeIcon };

/** What a member's tile says: facilitator, their hand's place, reconnecting; for facilitators, "Needs help". */
export function badgesOf(member: AnyMember | undefined, viewer: Room['kind']): BadgeSpec[] {
  if (!member) return [];
  const badges: BadgeSpec[] = [];
  if (viewer === 'facilitator' && 'helpRequestedAt' in member && member.helpRequestedAt !== null) {
    badges.push({ key: 'help', label: 'Needs help', tone: 'attention', icon: 'help' });
  }
  if (member.handPosition !== null) badges.push({ key: 'hand', label: `Hand ${member.handPosition}`, tone: 'primary', icon: 'hand' });
  if (!member.connected) badges.push({ key: 'reconnecting', label: 'Reconnecting', icon: 'reconnecting' });
  if (member.role === 'facilitator') badges.push({ key: 'facilitator', label: 'Facilitator', icon: 'facilitator' });
  return badges;
}

/** Members in the session but not in the media room (a dropped connection), with what their tile says. */
export function absentOf(room: Room, inMedia: ReadonlySet<string>): { id: string; displayName: string; note: string }[] {
  const visible = visibleIn(room);
  return room.members
    .filter((m) => m.status === 'admitted' && !m.connected && m.id !== room.self.id && !inMedia.has(m.id))
    // Someone dropped shows only where they would be seen: a pair sees its own partner drop.
    .filter((m) => visible.has(m.id))
    .map((m) => ({
      id: m.id,
      displayName: m.displayName,
      note: room.breakout?.myGroup?.memberIds.includes(m.id) ? 'dropped, reconnecting to your pair…' : 'reconnecting…',
    }));
}

/** What this member is told about side rooms: their own, or (neutrally, without names) others'. */
export type AsideNotice = { kind: 'self' } | { kind: 'facilitator'; memberName: string } | { kind: 'others'; count: number } | null;

export function asideNoticeOf(room: Room): AsideNotice {
  const own = room.sideRooms.find((r) => r.memberId === room.self.id || r.facilitatorId === room.self.id);
  if (own) return own.memberId === room.self.id ? { kind: 'self' } : { kind: 'facilitator', memberName: namesOf(room).get(own.memberId) ?? 'a member' };
  return room.sideRooms.length > 0 ? { kind: 'others', count: room.sideRooms.length } : null;
}

export function othersAsideText(count: number): string {
  return count === 1
    ? 'A facilitator has stepped out with one member for a moment. The group carries on.'
    : `Facilitators have stepped out with ${count} members for a moment. The group carries on.`;
}

/** Minutes since the session went live (the first facilitator's admission), for the facilitator's header. */
export function elapsedSince(room: Room): number | undefined {
  if (room.kind !== 'facilitator') return undefined;
  const starts = room.members.filter((m) => m.role === 'facilitator' && m.admittedAt !== null).map((m) => m.admittedAt!);
  return starts.length ? Math.min(...starts) : undefined;
}

export function formatElapsed(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${String(minutes % 60).padStart(2, '0')} min` : `${minutes} min`;
}

export type Announcement = { text: string; politeness: 'polite' | 'assertive' };

/**
 * What changed between two snapshots that a screen reader should hear: one's own admission and
 * others', turn changes (one's own turn assertively), the end of a round, pair moves and the
 * return to the group.
 */
export function announcementsBetween(previous: Room | undefined, next: Room): Announcement[] {
  const out: Announcement[] = [];
  const names = namesOf(next);
  const admission = admissionsBetween(previous, next);
  if (admission) out.push({ text: admission, politeness: 'polite' });
  const name = (id: string | null) => (id === next.self.id ? 'you' : (names.get(id ?? '') ?? 'someone'));
  const round = next.round;
  const turnKey = (r: Room | undefined) => (r?.round ? `${r.round.startedAt}|${r.round.kind}|${r.round.speakerId}|${r.round.receiverId}` : '');
  if (round && turnKey(previous) !== turnKey(next)) {
    const mine = round.speakerId === next.self.id;
    const started = !previous?.round ? `Round: ${round.prompt}. ` : '';
    const turn =
      round.kind === 'feedback'
        ? mine
          ? `Your turn to give feedback to ${name(round.receiverId)}.`
          : `${name(round.speakerId)} gives feedback to ${name(round.receiverId)}.`
        : mine
          ? 'Your turn to share. Pass when you are done.'
          : `${name(round.speakerId)} is sharing.`;
    out.push({ text: started + turn, politeness: mine ? 'assertive' : 'polite' });
  } else if (!round && previous?.round) {
    out.push({ text: 'The round has ended.', politeness: 'polite' });
  }

  const pairKey = (r: Room | undefined) => (r?.breakout?.myGroup ? [...r.breakout.myGroup.memberIds].sort().join(',') : '');
  const partners = (next.breakout?.myGroup?.memberIds ?? []).filter((id) => id !== next.self.id).map(name);
  if (next.breakout && pairKey(previous) !== pairKey(next) && partners.length > 0) {
    out.push({ text: `You are in a pair with ${partners.join(' and ')}.`, politeness: 'polite' });
  } else if (!next.breakout && previous?.breakout) {
    out.push({ text: 'Breakouts are over: you are back in the group.', politeness: 'polite' });
  }
  const listened = (r: Room | undefined) => (r?.breakout?.myGroup?.listenedBy.length ?? 0) > 0;
  if (listened(next) && !listened(previous)) out.push({ text: 'A facilitator is listening to your pair.', politeness: 'polite' });
  return out;
}

/** "You are in the group now." once, then who else was let in ("Kai joined the group."; a whole waiting room at once in one line). */
function admissionsBetween(previous: Room | undefined, next: Room): string | undefined {
  if (!previous) return next.kind === 'participant' ? 'You are in the group now.' : undefined;
  const before = new Set(previous.members.filter((m) => m.status === 'admitted').map((m) => m.id));
  const joined = next.members.filter((m) => m.status === 'admitted' && m.id !== next.self.id && !before.has(m.id)).map((m) => m.displayName);
  if (joined.length === 0) return undefined;
  if (joined.length === 1) return `${joined[0]} joined the group.`;
  if (joined.length <= 3) return `${joined.slice(0, -1).join(', ')} and ${joined.at(-1)} joined the group.`;
  return `${joined.slice(0, 2).join(', ')} and ${joined.length - 2} others joined the group.`;
}
