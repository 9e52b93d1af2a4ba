import type { FacilitatorMemberView } from '@hearth/shared';
import { joinNames, type FacilitatorView } from './alerts';

export type StatusKind = 'facilitator' | 'spotlight' | 'muted' | 'muted-by-facilitator' | 'camera-off' | 'hand' | 'reconnecting' | 'poor-link' | 'audio-only' | 'pair' | 'aside';
export type Status = { kind: StatusKind; label: string; short?: string };

export type PersonRow = {
  member: FacilitatorMemberView;
  statuses: Status[];
  /** Share of the most talkative member's time, 0–1. */
  talkShare: number;
  talkTime: string;
  aside: boolean;
  spotlit: boolean;
};

export const minutes = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;

/**
 * The People tab: everyone in the room but oneself (those waiting are in the alert area), in
 * the order they came in, each with what a facilitator scans for at a glance. Only reshapes
 * the server's view; no rule of the session is decided here.
 */
export function peopleRows(view: FacilitatorView): PersonRow[] {
  const names = new Map(view.members.map((m) => [m.id, m.displayName]));
  const inRoom = view.members.filter((m) => m.status === 'admitted' && m.id !== view.self.id);
  const most = Math.max(0, ...inRoom.map((m) => m.talkTimeMs));
  return inRoom.map((m) => {
    const statuses: Status[] = [];
    const aside = view.sideRooms.some((r) => r.memberId === m.id);
    const spotlit = view.spotlightId === m.id;
    if (m.role === 'facilitator') statuses.push({ kind: 'facilitator', label: 'facilitator' });
    if (spotlit) statuses.push({ kind: 'spotlight', label: 'in the spotlight' });
    if (!m.connected) statuses.push({ kind: 'reconnecting', label: 'reconnecting' });
    // LNK1: a weak link explains broken-up speech; a facilitator can suggest audio only or wait.
    else if (m.link === 'poor') statuses.push({ kind: 'poor-link', label: 'on a weak connection' });
    if (m.handPosition !== null) statuses.push({ kind: 'hand', label: `hand raised, number ${m.handPosition} in line`, short: String(m.handPosition) });
    if (m.micMuted) statuses.push(m.mutedByFacilitator ? { kind: 'muted-by-facilitator', label: 'muted by a facilitator' } : { kind: 'muted', label: 'muted' });
    if (m.audioOnly) statuses.push({ kind: 'audio-only', label: 'audio only' });
    else if (m.cameraOff) statuses.push({ kind: 'camera-off', label: 'camera off' });
    if (aside) {
      const with_ = view.sideRooms.find((r) => r.memberId === m.id)!.facilitatorId;
      statuses.push({ kind: 'aside', label: `aside with ${with_ === view.self.id ? 'you' : (names.get(with_) ?? 'a facilitator')}` });
    }
    const group = view.breakout?.groups?.find((g) => g.memberIds.includes(m.id));
    if (group) {
      const partners = group.memberIds.filter((id) => id !== m.id).map((id) => names.get(id) ?? 'someone');
      statuses.push({ kind: 'pair', label: partners.length ? `in a pair with ${joinNames(partners)}` : 'in a pair, partner away' });
    }
    return { member: m, statuses, talkShare: most > 0 ? m.talkTimeMs / most : 0, talkTime: minutes(m.talkTimeMs), aside, spotlit };
  });
}
