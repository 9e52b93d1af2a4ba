import { describe, expect, it } from 'vitest';
import { nextBreakTick } from './breaks.js';
import { reduce } from './reduce.js';
import { SYSTEM } from './commands.js';
import { FACILITATOR_COMMAND_EXAMPLES, as, given, groupInSession } from './testing.js';
import { viewFor } from './views.js';

const F = as('F');
const MIN = 60_000;
/** The group at 19:30 (as ms from the test's epoch), on a ten-minute break. */
const T0 = 1_000_000;
const onBreak = () => given(groupInSession(), [[{ type: 'startBreak', minutes: 10 }, F]], T0);

describe('breaks', () => {
  it('[REST1] a facilitator starts a break with a length: everyone is told when the group is back, with the time left', () => {
    const s = onBreak();
    expect(s.onBreak).toEqual({ startedAt: T0, endsAt: T0 + 10 * MIN });
    const p1 = viewFor(s, 'P1', T0 + 4 * MIN);
    if (p1?.kind !== 'participant') throw new Error('expected a participant view');
    expect(p1.groupBreak).toEqual({ startedAt: T0, endsAt: T0 + 10 * MIN, remainingMs: 6 * MIN });
    expect(viewFor(s, 'F', T0)).toMatchObject({ groupBreak: { endsAt: T0 + 10 * MIN } });
    // Participants cannot call a break; nor can a facilitator call a second one.
    expect(reduce(groupInSession(), { type: 'startBreak', minutes: 10 }, as('P1'), T0)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(reduce(s, { type: 'startBreak', minutes: 5 }, F, T0)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('[REST2] microphones and cameras go off at the start, and their owners may turn them on again: the room stays open', () => {
    const before = given(groupInSession(), [[{ type: 'setMicMuted', muted: false }, as('P1')]]);
    const result = reduce(before, { type: 'startBreak', minutes: 10 }, F, T0);
    if (!result.ok) throw new Error(result.error.message);
    for (const id of ['F', 'G', 'P1', 'P2', 'P3']) expect(result.state.members[id]).toMatchObject({ micMuted: true, cameraOff: true, mutedByFacilitator: false });
    expect(result.effects.filter((e) => e.type === 'media.stopCamera').map((e) => ('memberId' in e ? e.memberId : null)).sort()).toEqual(['F', 'G', 'P1', 'P2', 'P3']);
    // W in the waiting room is not in the room: untouched, and may still be admitted.
    expect(result.state.members['W']).toMatchObject({ micMuted: false, cameraOff: false });
    const later = given(result.state, [
      [{ type: 'setMicMuted', muted: false }, as('P1')],
      [{ type: 'setCameraOff', off: false }, as('P1')],
      [{ type: 'admit', memberId: 'W' }, F],
    ]);
    expect(later.members['P1']).toMatchObject({ micMuted: false, cameraOff: false });
    expect(later.members['W']?.status).toBe('admitted');
    expect(later.onBreak).not.toBeNull();
  });

  it('[REST3] extended by a facilitator, it ends at the new time by the server’s timer, not before', () => {
    const s = given(onBreak(), [[{ type: 'extendBreak', minutes: 5 }, F]], T0 + MIN);
    expect(s.onBreak?.endsAt).toBe(T0 + 15 * MIN);
    expect(nextBreakTick(s)).toBe(T0 + 15 * MIN);
    const early = reduce(s, { type: 'breakTick' }, SYSTEM, T0 + 15 * MIN - 1);
    expect(early.ok && early.state.onBreak).toEqual({ startedAt: T0, endsAt: T0 + 15 * MIN });
    const due = given(s, [[{ type: 'breakTick' }, SYSTEM]], T0 + 15 * MIN);
    expect(due.onBreak).toBeNull();
    expect(due.breaks).toEqual([{ startedAt: T0, endedAt: T0 + 15 * MIN }]);
    expect(nextBreakTick(due)).toBeUndefined();
    // The tick is the server's alone.
    expect(reduce(s, { type: 'breakTick' }, F, T0 + 20 * MIN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('[REST3] a facilitator ends it early; nothing to end or extend without a break', () => {
    const s = given(onBreak(), [[FACILITATOR_COMMAND_EXAMPLES.endBreak, F]], T0 + 3 * MIN);
    expect(s.onBreak).toBeNull();
    expect(s.breaks).toEqual([{ startedAt: T0, endedAt: T0 + 3 * MIN }]);
    expect(reduce(s, { type: 'endBreak' }, F, T0)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(reduce(s, { type: 'extendBreak', minutes: 5 }, F, T0)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('[REST4] each break is kept in order, and the session’s end closes one still on', () => {
    const s = given(
      onBreak(),
      [
        [{ type: 'endBreak' }, F],
        [{ type: 'startBreak', minutes: 5 }, F],
      ],
      T0 + 2 * MIN,
    );
    const ended = given(s, [[{ type: 'end' }, F]], T0 + 4 * MIN);
    expect(ended.breaks).toEqual([
      { startedAt: T0, endedAt: T0 + 2 * MIN },
      { startedAt: T0 + 2 * MIN, endedAt: T0 + 4 * MIN },
    ]);
    expect(ended.onBreak).toBeNull();
  });

  it('[REST5] no round or pairs start during a break, and no break during either', () => {
    const s = onBreak();
    expect(reduce(s, FACILITATOR_COMMAND_EXAMPLES.startRound, F, T0)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: 'end the break first' } });
    expect(reduce(s, FACILITATOR_COMMAND_EXAMPLES.startBreakout, F, T0)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: 'end the break first' } });
    const inRound = given(groupInSession(), [[FACILITATOR_COMMAND_EXAMPLES.startRound, F]]);
    expect(reduce(inRound, { type: 'startBreak', minutes: 10 }, F, T0)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const inPairs = given(groupInSession(), [[FACILITATOR_COMMAND_EXAMPLES.startBreakout, F]]);
    expect(reduce(inPairs, { type: 'startBreak', minutes: 10 }, F, T0)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('a state stored before breaks existed reads as no break on, and takes one', () => {
    const old = groupInSession();
    delete old.onBreak;
    delete old.breaks;
    expect(viewFor(old, 'P1', T0)).toMatchObject({ groupBreak: null });
    const s = given(old, [
      [{ type: 'startBreak', minutes: 1 }, F],
      [{ type: 'endBreak' }, F],
    ]);
    expect(s.breaks).toHaveLength(1);
  });
});
