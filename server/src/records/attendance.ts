import type { SessionState } from '@hearth/shared';
import { isCamera, isPresence, type AttendanceEvent, type BreakEvent, type CameraEvent, type Modality, type PlaceOfService, type PresenceEvent } from '../store/SessionLog.js';
import { subtract, union } from './intervalSets.js';

export type Interval = { from: number; to: number };
export type ModalityInterval = Interval & { mode: Modality };

const modeOf = (state: SessionState, memberId: string): Modality => (state.members[memberId]?.audioOnly ? 'audio-only' : 'video');

/** The place of service from their answer at the consent gate; undefined when they gave none. */
const placeOf = (state: SessionState, memberId: string): PlaceOfService | undefined => {
  const atHome = state.members[memberId]?.consent?.atHome;
  return atHome === undefined ? undefined : atHome ? '10' : '02';
};
/** An 'in' event's fields: how they attend and, when answered, where they are. */
const entering = (state: SessionState, memberId: string, at: number): PresenceEvent => {
  const place = placeOf(state, memberId);
  return { memberId, kind: 'in', at, mode: modeOf(state, memberId), ...(place ? { place } : {}) };
};

/**
 * Attendance counts participants admitted to the room; the waiting room does not count. A
 * dropped connection inside its grace period keeps the seat (reconnects merge into one
 * interval); when the grace runs out the time since the drop is not counted.
 */
function present(state: SessionState, memberId: string): boolean {
  const m = state.members[memberId];
  return state.status !== 'ended' && m?.role === 'participant' && m.status === 'admitted';
}

/**
 * What changed in who is present between two states of a session: a pure diff, so every
 * path into or out of the room (admit, send back, remove, leave, end) is counted the same
 * way. Time in a pair or a side room is still in the room.
 */
export function presenceChanges(before: SessionState | undefined, after: SessionState, at: number): PresenceEvent[] {
  const ids = new Set([...Object.keys(before?.members ?? {}), ...Object.keys(after.members)]);
  const events: PresenceEvent[] = [];
  for (const memberId of ids) {
    const was = before !== undefined && present(before, memberId);
    const is = present(after, memberId);
    // LNK3: a change of modality while present splits the interval for billing.
    if (was && is && modeOf(before, memberId) !== modeOf(after, memberId)) events.push({ memberId, kind: 'mode', at, mode: modeOf(after, memberId) });
    // REC4: consent given again while in the room, with another answer: the place changes from now.
    const place = placeOf(after, memberId);
    if (was && is && place && place !== placeOf(before, memberId)) events.push({ memberId, kind: 'place', at, place });
    if (was === is) continue;
    // Someone who left while their connection was down left when it went down.
    const previous = before?.members[memberId];
    const droppedAt = previous && !previous.connected ? previous.disconnectedAt : null;
    if (is) events.push(entering(after, memberId, at));
    else events.push({ memberId, kind: 'out', at: droppedAt !== null ? droppedAt : at });
  }
  return events;
}

/** What the attendance log is told after a command: who came and went, and the group's breaks. */
export function attendanceChanges(before: SessionState | undefined, after: SessionState, at: number): AttendanceEvent[] {
  return [...presenceChanges(before, after, at), ...cameraChanges(before, after, at), ...breakChanges(before, after, at)];
}

/** CAM1: in the room and sending no camera (the state's camera clock is running). */
function cameraOff(state: SessionState | undefined, memberId: string): boolean {
  return state !== undefined && present(state, memberId) && (state.members[memberId]?.cameraOffSince ?? null) !== null;
}

/**
 * CAM1: camera-off stretches of people in the room, after their presence changes (so an "in"
 * comes before the 'camera-off' it opens). Leaving the room while off needs no event: the
 * "out" ends the stretch.
 */
export function cameraChanges(before: SessionState | undefined, after: SessionState, at: number): CameraEvent[] {
  const events: CameraEvent[] = [];
  for (const memberId of Object.keys(after.members)) {
    const was = cameraOff(before, memberId);
    const is = cameraOff(after, memberId);
    if (is && !was) events.push({ memberId, kind: 'camera-off', at });
    if (was && !is && present(after, memberId)) events.push({ memberId, kind: 'camera-on', at });
  }
  return events;
}

/** REST4: the group went on a break or came back from one (the session's end ends one too). */
function breakChanges(before: SessionState | undefined, after: SessionState, at: number): BreakEvent[] {
  const was = Boolean(before?.onBreak);
  const is = Boolean(after.onBreak) && after.status !== 'ended';
  if (was === is) return [];
  return [{ kind: is ? 'break-start' : 'break-end', at }];
}

/**
 * REST4: the session's breaks as intervals, from the log: each start to the end after it; one
 * still on ends at `openUntil`. Not treatment time (see payer rules).
 */
export function breakIntervals(events: readonly AttendanceEvent[], openUntil: number): Interval[] {
  const breaks: Interval[] = [];
  let since: number | null = null;
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    if (e.kind === 'break-start' && since === null) since = e.at;
    if (e.kind === 'break-end' && since !== null) {
      breaks.push({ from: since, to: e.at });
      since = null;
    }
  }
  if (since !== null) breaks.push({ from: since, to: Math.max(since, openUntil) });
  return breaks;
}

/**
 * Each participant's time in the room as merged intervals: an "in" opens one, the next "out"
 * closes it, overlaps and touching intervals join. One still open is closed at `openUntil`
 * (now for a live session, its end for an ended one).
 */
export function attendanceIntervals(events: readonly AttendanceEvent[], openUntil: number): Map<string, Interval[]> {
  const raw = new Map<string, Interval[]>();
  const openSince = new Map<string, number>();
  for (const e of events.filter(isPresence).sort((a, b) => a.at - b.at)) {
    if (e.kind === 'mode' || e.kind === 'place') continue;
    if (e.kind === 'in') {
      if (!openSince.has(e.memberId)) openSince.set(e.memberId, e.at);
      continue;
    }
    const from = openSince.get(e.memberId);
    if (from === undefined) continue;
    openSince.delete(e.memberId);
    push(raw, e.memberId, { from, to: e.at });
  }
  for (const [memberId, from] of openSince) push(raw, memberId, { from, to: Math.max(from, openUntil) });
  return new Map([...raw].map(([id, list]) => [id, merge(list)]));
}

/**
 * LNK3: each participant's time in the room split by how they attended, in order: an "in"
 * starts a stretch in its mode (video when the log predates modality), a "mode" event ends it
 * and starts the next, an "out" ends it. Adjacent stretches in the same mode join, as in
 * attendanceIntervals, so reconnects do not split a stretch. One still open ends at `openUntil`.
 */
export function modalityIntervals(events: readonly AttendanceEvent[], openUntil: number): Map<string, ModalityInterval[]> {
  const out = new Map<string, ModalityInterval[]>();
  const open = new Map<string, { from: number; mode: Modality }>();
  const close = (memberId: string, to: number) => {
    const o = open.get(memberId)!;
    open.delete(memberId);
    const list = out.get(memberId) ?? [];
    const last = list.at(-1);
    if (last && last.mode === o.mode && o.from <= last.to) last.to = Math.max(last.to, to);
    else list.push({ from: o.from, to, mode: o.mode });
    out.set(memberId, list);
  };
  for (const e of events.filter(isPresence).sort((a, b) => a.at - b.at)) {
    const o = open.get(e.memberId);
    const mode = e.mode ?? 'video';
    if (e.kind === 'in' && !o) open.set(e.memberId, { from: e.at, mode });
    if (e.kind === 'out' && o) close(e.memberId, e.at);
    if (e.kind === 'mode' && o && o.mode !== mode) {
      close(e.memberId, e.at);
      open.set(e.memberId, { from: e.at, mode });
    }
  }
  for (const [memberId, o] of open) close(memberId, Math.max(o.from, openUntil));
  return out;
}

/**
 * CAM1: each participant's camera-off treatment time as merged intervals: a 'camera-off' while
 * in the room opens a stretch, a 'camera-on' or an "out" ends it (the time out of the room is
 * not camera time), one still open ends at `openUntil`; the session's breaks are taken out
 * (REST4). Reconnects inside the grace period leave no gap, so an unbroken stretch stays one.
 */
export function cameraOffIntervals(events: readonly AttendanceEvent[], openUntil: number): Map<string, Interval[]> {
  const raw = new Map<string, Interval[]>();
  const inRoom = new Set<string>();
  const offSince = new Map<string, number>();
  const end = (memberId: string, to: number) => {
    const from = offSince.get(memberId);
    if (from === undefined) return;
    offSince.delete(memberId);
    push(raw, memberId, { from, to });
  };
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    if (isPresence(e)) {
      if (e.kind === 'in') inRoom.add(e.memberId);
      if (e.kind === 'out') {
        inRoom.delete(e.memberId);
        end(e.memberId, e.at);
      }
    } else if (isCamera(e)) {
      if (e.kind === 'camera-off' && inRoom.has(e.memberId) && !offSince.has(e.memberId)) offSince.set(e.memberId, e.at);
      if (e.kind === 'camera-on') end(e.memberId, e.at);
    }
  }
  for (const [memberId, from] of [...offSince]) end(memberId, Math.max(from, openUntil));
  const breaks = breakIntervals(events, openUntil);
  return new Map([...raw].map(([id, list]) => [id, subtract(union(list), breaks)]));
}

/** Whether the log kept camera time at all (a log from before CAM1 did not). */
export const recordsCamera = (events: readonly AttendanceEvent[]): boolean => events.some(isCamera);

export function attendedMs(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, i) => sum + (i.to - i.from), 0);
}

function push(map: Map<string, Interval[]>, id: string, interval: Interval): void {
  const list = map.get(id) ?? [];
  list.push(interval);
  map.set(id, list);
}

function merge(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged.at(-1);
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to);
    else merged.push({ ...i });
  }
  return merged;
}

/**
 * Squares a session's attendance log with its state when the session is picked up again: an
 * interval the log left open for someone no longer present is closed now, and someone present
 * with no open interval gets one from now. Only appends; nothing written is changed.
 */
export function reconcileAttendance(events: readonly AttendanceEvent[], state: SessionState, now: number): AttendanceEvent[] {
  const open = new Set<string>();
  const cameraOpen = new Set<string>();
  let breakOpen = false;
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    if (e.kind === 'in') open.add(e.memberId);
    else if (e.kind === 'out') {
      open.delete(e.memberId);
      cameraOpen.delete(e.memberId);
    } else if (e.kind === 'camera-off') cameraOpen.add(e.memberId);
    else if (e.kind === 'camera-on') cameraOpen.delete(e.memberId);
    else if (e.kind !== 'mode' && e.kind !== 'place') breakOpen = e.kind === 'break-start';
  }
  const fixes: AttendanceEvent[] = [];
  for (const memberId of open) if (!present(state, memberId)) fixes.push({ memberId, kind: 'out', at: now });
  for (const memberId of Object.keys(state.members)) if (present(state, memberId) && !open.has(memberId)) fixes.push(entering(state, memberId, now));
  // CAM1: after the presence fixes, so a stretch opened here follows its "in".
  for (const memberId of Object.keys(state.members)) {
    const off = cameraOff(state, memberId);
    if (off && !cameraOpen.has(memberId)) fixes.push({ memberId, kind: 'camera-off', at: now });
    if (!off && cameraOpen.has(memberId) && present(state, memberId)) fixes.push({ memberId, kind: 'camera-on', at: now });
  }
  const onBreak = Boolean(state.onBreak) && state.status !== 'ended';
  if (breakOpen !== onBreak) fixes.push({ kind: onBreak ? 'break-start' : 'break-end', at: now });
  return fixes;
}
