import { describe, expect, it } from 'vitest';
import { reduce, SYSTEM, RECONNECT_GRACE_MS, type Actor, type Command, type SessionState } from '@hearth/shared';
import { as, groupInSession } from '@hearth/shared/testing';
import type { AttendanceEvent } from '../store/SessionLog.js';
import { attendanceChanges, cameraOffIntervals, modalityIntervals, reconcileAttendance, recordsCamera } from './attendance.js';

const F = as('F');
const MIN = 60_000;
const sent = (memberId: string, on: boolean): Command => ({ type: 'videoSent', memberId, sent: on });

/** Runs commands at given times from a group just admitted at 1_000, logging attendance as the live session does. */
function run(steps: [number, Command, Actor][]) {
  let state: SessionState = groupInSession();
  const events: AttendanceEvent[] = attendanceChanges(undefined, state, 1_000);
  for (const [at, command, actor] of steps) {
    const r = reduce(state, command, actor, at);
    if (!r.ok) throw new Error(`${command.type}: ${r.error.message}`);
    events.push(...attendanceChanges(state, r.state, at));
    state = r.state;
  }
  return { state, events };
}

describe('camera-on time', () => {
  it('[CAM1] a stretch opens when the SFU stops receiving the camera and closes when it comes back', () => {
    const { events } = run([
      [2_000, sent('P1', true), SYSTEM],
      [10 * MIN, sent('P1', false), SYSTEM],
      [17 * MIN, sent('P1', true), SYSTEM],
    ]);
    expect(events.filter((e) => e.kind.startsWith('camera') && 'memberId' in e && e.memberId === 'P1')).toEqual([
      { memberId: 'P1', kind: 'camera-off', at: 1_000 },
      { memberId: 'P1', kind: 'camera-on', at: 2_000 },
      { memberId: 'P1', kind: 'camera-off', at: 10 * MIN },
      { memberId: 'P1', kind: 'camera-on', at: 17 * MIN },
    ]);
    const off = cameraOffIntervals(events, 60 * MIN);
    expect(off.get('P1')).toEqual([
      { from: 1_000, to: 2_000 },
      { from: 10 * MIN, to: 17 * MIN },
    ]);
    // Never sent one: off the whole time, up to now.
    expect(off.get('P2')).toEqual([{ from: 1_000, to: 60 * MIN }]);
    // Facilitators are not counted.
    expect(off.has('F')).toBe(false);
  });

  it('[CAM1] off across a reconnect is one stretch; the time out of the room after the grace ran out is not counted', () => {
    const { events } = run([
      [2_000, sent('P1', true), SYSTEM],
      [2_000, sent('P2', true), SYSTEM],
      [10 * MIN, sent('P1', false), SYSTEM],
      [12 * MIN, { type: 'connectionLost', memberId: 'P1' }, SYSTEM],
      [12 * MIN + 30_000, { type: 'connectionResumed', memberId: 'P1' }, SYSTEM],
      [15 * MIN, sent('P1', true), SYSTEM],
      // P2 drops with the camera on and does not come back in time: off from the drop, out at the drop.
      [20 * MIN, { type: 'connectionLost', memberId: 'P2' }, SYSTEM],
      [20 * MIN + RECONNECT_GRACE_MS, { type: 'expireGrace' }, SYSTEM],
    ]);
    const off = cameraOffIntervals(events, 30 * MIN);
    expect(off.get('P1')).toEqual([
      { from: 1_000, to: 2_000 },
      { from: 10 * MIN, to: 15 * MIN },
    ]);
    expect(off.get('P2')).toEqual([{ from: 1_000, to: 2_000 }]);
  });

  it('[CAM1] camera-off time during a break is not counted', () => {
    const { events } = run([
      [2_000, sent('P1', true), SYSTEM],
      [10 * MIN, { type: 'startBreak', minutes: 10 }, F],
      [10 * MIN, sent('P1', false), SYSTEM], // REST2 turned the camera off
      [20 * MIN, { type: 'endBreak' }, F],
      [25 * MIN, sent('P1', true), SYSTEM],
    ]);
    expect(cameraOffIntervals(events, 30 * MIN).get('P1')).toEqual([
      { from: 1_000, to: 2_000 },
      { from: 20 * MIN, to: 25 * MIN },
    ]);
  });

  it('[CAM1] audio-only time is camera-off time; the modality is recorded beside it', () => {
    const P1 = as('P1');
    const { events } = run([
      [2_000, sent('P1', true), SYSTEM],
      [10 * MIN, { type: 'setAudioOnly', on: true }, P1],
      [10 * MIN, sent('P1', false), SYSTEM],
      [20 * MIN, { type: 'setAudioOnly', on: false }, P1],
    ]);
    expect(cameraOffIntervals(events, 30 * MIN).get('P1')).toEqual([
      { from: 1_000, to: 2_000 },
      { from: 10 * MIN, to: 30 * MIN },
    ]);
    expect(modalityIntervals(events, 30 * MIN).get('P1')).toEqual([
      { from: 1_000, to: 10 * MIN, mode: 'video' },
      { from: 10 * MIN, to: 20 * MIN, mode: 'audio-only' },
      { from: 20 * MIN, to: 30 * MIN, mode: 'video' },
    ]);
  });

  it('[CAM1] a restart squares camera stretches with the state both ways; a log from before CAM1 records none', () => {
    const { state, events } = run([
      [2_000, sent('P1', true), SYSTEM],
      [10 * MIN, sent('P1', false), SYSTEM],
    ]);
    expect(reconcileAttendance(events, state, 11 * MIN)).toEqual([]);
    // The old process saved the camera going off but stopped before logging it.
    const logged = events.filter((e) => e.at < 10 * MIN);
    expect(reconcileAttendance(logged, state, 11 * MIN)).toEqual([{ memberId: 'P1', kind: 'camera-off', at: 11 * MIN }]);
    // It logged a stretch the state it saved had already closed.
    const { state: back } = run([[2_000, sent('P1', true), SYSTEM]]);
    expect(reconcileAttendance(events, back, 11 * MIN)).toEqual([{ memberId: 'P1', kind: 'camera-on', at: 11 * MIN }]);
    expect(recordsCamera(events)).toBe(true);
    expect(recordsCamera(events.filter((e) => !e.kind.startsWith('camera')))).toBe(false);
  });
});
