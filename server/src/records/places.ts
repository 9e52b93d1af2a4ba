import { isPresence, type AttendanceEvent } from '../store/SessionLog.js';
import type { PlaceInterval } from './payerRules.js';

/**
 * Where each participant said they were, as intervals of their time in the room: an 'in'
 * with a place starts a stretch there, a 'place' event (consent given again in the room)
 * ends it and starts the next, an 'out' ends it. Time entered without an answer has no
 * interval: the payer rules count it as unknown. One still open ends at `openUntil`.
 */
export function placeIntervals(events: readonly AttendanceEvent[], openUntil: number): Map<string, PlaceInterval[]> {
  const out = new Map<string, PlaceInterval[]>();
  const open = new Map<string, Omit<PlaceInterval, 'to'> | null>();
  const close = (memberId: string, to: number) => {
    const o = open.get(memberId);
    open.delete(memberId);
    if (!o || to <= o.from) return;
    out.set(memberId, [...(out.get(memberId) ?? []), { ...o, to }]);
  };
  for (const e of events.filter(isPresence).sort((a, b) => a.at - b.at)) {
    const inside = open.has(e.memberId);
    if (e.kind === 'in' && !inside) open.set(e.memberId, e.place ? { from: e.at, place: e.place } : null);
    if (e.kind === 'out' && inside) close(e.memberId, e.at);
    if (e.kind === 'place' && inside && e.place) {
      close(e.memberId, e.at);
      open.set(e.memberId, { from: e.at, place: e.place });
    }
  }
  for (const [memberId, o] of open) close(memberId, Math.max(o?.from ?? openUntil, openUntil));
  return out;
}
