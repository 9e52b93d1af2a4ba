import { describe, expect, it } from 'vitest';
import { reduce, SYSTEM, RECONNECT_GRACE_MS, type Actor, type Command, type SessionState } from '@hearth/shared';
import { as, given, groupInSession } from '@hearth/shared/testing';
import { isCamera, isPresence, type AttendanceEvent } from '../store/SessionLog.js';
import { attendanceChanges, attendanceIntervals, attendedMs, breakIntervals, modalityIntervals, presenceChanges, reconcileAttendance } from './attendance.js';

const F = as('F');

/** Runs commands at given times, recording attendance the way the live session does. */
function run(start: SessionState, steps: [number, Command, Actor][]) {
  let state = start;
  const events: AttendanceEvent[] = [];
  for (const [at, command, actor] of steps) {
    const r = reduce(state, command, actor, at);
    if (!r.ok) throw new Error(`${command.type}: ${r.error.message}`);
    events.push(...attendanceChanges(state, r.state, at));
    state = r.state;
  }
  return { state, events };
}

describe('attendance', () => {
  it('counts admitted time only: the waiting room is not attendance; facilitators are not counted', () => {
    const { events } = run(groupInSession(), [[5_000, { type: 'admit', memberId: 'W' }, F]]);
    expect(events.filter(isPresence)).toEqual([{ memberId: 'W', kind: 'in', at: 5_000, mode: 'video' }]);
    // Starting from nothing, everyone already admitted comes in; F, G and waiting W do not.
    expect(presenceChanges(undefined, groupInSession(), 1_000).map((e) => e.memberId).sort()).toEqual(['P1', 'P2', 'P3']);
  });

  it('carries the place of service from the consent answer, never the location; a new answer in the room changes it from then', () => {
    const W = { id: 'W', displayName: 'W', role: 'participant' as const };
    const atHome = { agreed: true as const, location: 'Home, Springfield', callbackNumber: '+1 555 0100', atHome: true };
    const { events } = run(groupInSession(), [
      [1_000, { type: 'enter', member: W, consent: atHome }, SYSTEM],
      [5_000, { type: 'admit', memberId: 'W' }, F],
      // REC4: the same person back from another tab, answering "not at home" this time.
      [9_000, { type: 'enter', member: W, consent: { ...atHome, atHome: false } }, SYSTEM],
    ]);
    // (W sends no camera here: the camera-off stretch is CAM1's, left out.)
    expect(events.filter((e) => !isCamera(e))).toEqual([
      { memberId: 'W', kind: 'in', at: 5_000, mode: 'video', place: '10' },
      { memberId: 'W', kind: 'place', at: 9_000, place: '02' },
    ]);
    expect(JSON.stringify(events)).not.toContain('Springfield');
    // The place events are not presence: one interval still.
    expect(attendanceIntervals(events, 20_000).get('W')).toEqual([{ from: 5_000, to: 20_000 }]);
  });

  it('a reconnect inside the grace period is one interval; a drop that never comes back ends when it dropped', () => {
    const { events } = run(groupInSession(), [
      [10_000, { type: 'connectionLost', memberId: 'P1' }, SYSTEM],
      [15_000, { type: 'connectionResumed', memberId: 'P1' }, SYSTEM],
      [20_000, { type: 'connectionLost', memberId: 'P2' }, SYSTEM],
      [20_000 + RECONNECT_GRACE_MS, { type: 'expireGrace' }, SYSTEM],
    ]);
    expect(events).toEqual([{ memberId: 'P2', kind: 'out', at: 20_000 }]);
    const intervals = attendanceIntervals([...presenceChanges(undefined, groupInSession(), 1_000), ...events], 100_000);
    expect(intervals.get('P1')).toEqual([{ from: 1_000, to: 100_000 }]);
    expect(intervals.get('P2')).toEqual([{ from: 1_000, to: 20_000 }]);
  });

  it('sent back and admitted again: two intervals; the session ending closes everyone', () => {
    const { events } = run(groupInSession(), [
      [30_000, { type: 'sendToWaiting', memberId: 'P3' }, F],
      [40_000, { type: 'admit', memberId: 'P3' }, F],
      [90_000, { type: 'end' }, F],
    ]);
    const all = [...presenceChanges(undefined, groupInSession(), 1_000), ...events];
    const intervals = attendanceIntervals(all, 1_000_000);
    expect(intervals.get('P3')).toEqual([{ from: 1_000, to: 30_000 }, { from: 40_000, to: 90_000 }]);
    expect(attendedMs(intervals.get('P3')!)).toBe(79_000);
    expect(intervals.get('P1')).toEqual([{ from: 1_000, to: 90_000 }]);
  });

  it('time in a pair or taken aside is still attendance', () => {
    const { events } = run(groupInSession(), [
      [2_000, { type: 'startBreakout', prompt: 'p', durationSeconds: 600, groups: [['P1', 'P2'], ['P3', 'G']] }, as('G')],
      [3_000, { type: 'pullAside', memberId: 'P2' }, F],
    ]);
    expect(events).toEqual([]);
  });

  it('merges overlapping or repeated records and closes an open one at the given time', () => {
    const events: AttendanceEvent[] = [
      { memberId: 'A', kind: 'in', at: 100 },
      { memberId: 'A', kind: 'in', at: 150 },
      { memberId: 'A', kind: 'out', at: 200 },
      { memberId: 'A', kind: 'in', at: 200 },
      { memberId: 'A', kind: 'out', at: 300 },
      { memberId: 'A', kind: 'out', at: 310 },
      { memberId: 'B', kind: 'in', at: 500 },
    ];
    const intervals = attendanceIntervals(events, 800);
    expect(intervals.get('A')).toEqual([{ from: 100, to: 300 }]);
    expect(intervals.get('B')).toEqual([{ from: 500, to: 800 }]);
  });

  it('[LNK3] each interval says whether it was video or audio only; switching back and forth splits it', () => {
    const P1 = as('P1');
    const { events } = run(groupInSession(), [
      [10_000, { type: 'setAudioOnly', on: true }, P1],
      [20_000, { type: 'setAudioOnly', on: false }, P1],
      [25_000, { type: 'connectionLost', memberId: 'P1' }, SYSTEM],
      [26_000, { type: 'connectionResumed', memberId: 'P1' }, SYSTEM],
    ]);
    expect(events.filter(isPresence)).toEqual([
      { memberId: 'P1', kind: 'mode', at: 10_000, mode: 'audio-only' },
      { memberId: 'P1', kind: 'mode', at: 20_000, mode: 'video' },
    ]);
    const all = [...attendanceChanges(undefined, groupInSession(), 1_000), ...events];
    expect(modalityIntervals(all, 40_000).get('P1')).toEqual([
      { from: 1_000, to: 10_000, mode: 'video' },
      { from: 10_000, to: 20_000, mode: 'audio-only' },
      { from: 20_000, to: 40_000, mode: 'video' },
    ]);
    // Mode changes do not change the time attended.
    expect(attendanceIntervals(all, 40_000).get('P1')).toEqual([{ from: 1_000, to: 40_000 }]);
    expect(reconcileAttendance(all, groupInSession(), 40_000)).toEqual([]);
  });

  it('[LNK3] a log written before modality was kept reads as video', () => {
    const old: AttendanceEvent[] = [
      { memberId: 'P1', kind: 'in', at: 1_000 },
      { memberId: 'P1', kind: 'out', at: 5_000 },
      { memberId: 'P1', kind: 'in', at: 5_000 },
      { memberId: 'P1', kind: 'out', at: 9_000 },
    ];
    expect(modalityIntervals(old, 10_000).get('P1')).toEqual([{ from: 1_000, to: 9_000, mode: 'video' }]);
  });

  it('[REST4] a break is logged for the group, read back as an interval, and does not end anyone’s time in the room', () => {
    const { events } = run(groupInSession(), [
      [10_000, { type: 'startBreak', minutes: 10 }, F],
      [20_000, { type: 'extendBreak', minutes: 5 }, F],
      [30_000, { type: 'endBreak' }, F],
      [40_000, { type: 'startBreak', minutes: 1 }, F],
      [50_000, { type: 'end' }, F],
    ]);
    expect(events.filter((e) => e.kind.startsWith('break'))).toEqual([
      { kind: 'break-start', at: 10_000 },
      { kind: 'break-end', at: 30_000 },
      { kind: 'break-start', at: 40_000 },
      { kind: 'break-end', at: 50_000 },
    ]);
    expect(breakIntervals(events, 99_000)).toEqual([
      { from: 10_000, to: 30_000 },
      { from: 40_000, to: 50_000 },
    ]);
    // Presence is its own: P1 was in from the start until the end, breaks included.
    const all = [...presenceChanges(undefined, groupInSession(), 1_000), ...events];
    expect(attendanceIntervals(all, 99_000).get('P1')).toEqual([{ from: 1_000, to: 50_000 }]);
    expect(modalityIntervals(all, 99_000).get('P1')).toEqual([{ from: 1_000, to: 50_000, mode: 'video' }]);
  });

  it('[REST4] a break still on is counted up to now; a restart squares the log with the state both ways', () => {
    const { state, events } = run(groupInSession(), [[10_000, { type: 'startBreak', minutes: 10 }, F]]);
    expect(breakIntervals(events, 70_000)).toEqual([{ from: 10_000, to: 70_000 }]);
    const present = attendanceChanges(undefined, groupInSession(), 1_000);
    // The old process saved the break but stopped before logging it: the log gets it now.
    expect(reconcileAttendance(present, state, 15_000)).toEqual([{ kind: 'break-start', at: 15_000 }]);
    // It logged the break, and the state it saved had already ended it: the log ends it.
    const ended = given(state, [[{ type: 'endBreak' }, F]], 20_000);
    expect(reconcileAttendance([...present, ...events], ended, 25_000)).toEqual([{ kind: 'break-end', at: 25_000 }]);
    expect(reconcileAttendance([...present, ...events], state, 25_000)).toEqual([]);
  });
});
