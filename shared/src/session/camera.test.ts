import { describe, expect, it } from 'vitest';
import { SYSTEM, type Command, type Actor } from './commands.js';
import { reduce } from './reduce.js';
import type { SessionState } from './state.js';
import { as, groupInSession } from './testing.js';
import { viewFor } from './views.js';

const MIN = 60_000;

/** Applies one command at a time, each at its own moment. */
function at(state: SessionState, now: number, command: Command, actor: Actor = SYSTEM): SessionState {
  const result = reduce(state, command, actor, now);
  if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code}`);
  return result.state;
}

const sent = (memberId: string, on: boolean): Command => ({ type: 'videoSent', memberId, sent: on });

function facilitatorSees(state: SessionState, memberId: string, now: number): number | null {
  const view = viewFor(state, 'F', now);
  if (view?.kind !== 'facilitator') throw new Error(`got ${view?.kind}`);
  return view.members.find((m) => m.id === memberId)!.cameraOffSince;
}

describe('camera-on time', () => {
  it('[CAM1] the clock runs from admission until the SFU has the camera, and again from when it stops', () => {
    let s = groupInSession(); // P1–P3 admitted at 1_000, sending nothing yet
    expect(s.members.P1!.cameraOffSince).toBe(1_000);
    s = at(s, 5_000, sent('P1', true));
    expect(s.members.P1!.cameraOffSince).toBeNull();
    s = at(s, 10 * MIN, sent('P1', false));
    expect(s.members.P1!.cameraOffSince).toBe(10 * MIN);
    // Still off: the stretch keeps its start whatever else happens.
    s = at(s, 11 * MIN, { type: 'raiseHand' }, as('P1'));
    expect(s.members.P1!.cameraOffSince).toBe(10 * MIN);
    s = at(s, 12 * MIN, sent('P1', true));
    expect(s.members.P1!.cameraOffSince).toBeNull();
  });

  it('[CAM1] a dropped connection sends nothing; leaving the room or the waiting room stops the clock', () => {
    let s = at(groupInSession(), 2_000, sent('P2', true));
    s = at(s, 3 * MIN, { type: 'connectionLost', memberId: 'P2' });
    expect(s.members.P2!.cameraOffSince).toBe(3 * MIN);
    s = at(s, 4 * MIN, { type: 'sendToWaiting', memberId: 'P2' }, as('F'));
    expect(s.members.P2!.cameraOffSince).toBeNull();
    s = at(s, 5 * MIN, { type: 'admit', memberId: 'P2' }, as('F'));
    expect(s.members.P2!.cameraOffSince).toBe(5 * MIN);
  });

  it('[CAM1] facilitators have no camera clock, and the end stops everyone\'s', () => {
    let s = groupInSession();
    expect(s.members.F!.cameraOffSince ?? null).toBeNull();
    s = at(s, 2 * MIN, { type: 'end' }, as('F'));
    expect(Object.values(s.members).map((m) => m.cameraOffSince ?? null)).toEqual(Object.values(s.members).map(() => null));
  });

  it('[CAM1] only the server reports what the SFU receives', () => {
    const result = reduce(groupInSession(), sent('P1', true), as('P1'), 2_000);
    expect(result.ok).toBe(false);
  });

  it('[CAM2] facilitators see since when; participants never do', () => {
    const s = at(groupInSession(), 7 * MIN, sent('P1', false));
    expect(facilitatorSees(s, 'P1', 9 * MIN)).toBe(1_000);
    expect(facilitatorSees(at(s, 8 * MIN, sent('P1', true)), 'P1', 9 * MIN)).toBeNull();
    const facilitator = viewFor(s, 'F', 9 * MIN);
    if (facilitator?.kind !== 'facilitator') throw new Error('no facilitator view');
    expect(facilitator.members.find((m) => m.id === 'G')!.cameraOffSince).toBeNull();
    for (const id of ['P1', 'P2']) expect(JSON.stringify(viewFor(s, id, 9 * MIN))).not.toContain('cameraOffSince');
  });

  it('[CAM2] the stretch is not shown during a break and is counted from its end', () => {
    let s = at(groupInSession(), 2_000, sent('P1', true));
    s = at(s, 10 * MIN, { type: 'startBreak', minutes: 10 }, as('F'));
    s = at(s, 10 * MIN, sent('P1', false)); // the break turned the camera off
    expect(facilitatorSees(s, 'P1', 15 * MIN)).toBeNull();
    s = at(s, 20 * MIN, { type: 'endBreak' }, as('F'));
    expect(s.members.P1!.cameraOffSince).toBe(10 * MIN);
    expect(facilitatorSees(s, 'P1', 25 * MIN)).toBe(20 * MIN);
  });
});
