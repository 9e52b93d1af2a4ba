import { describe, expect, it } from 'vitest';
import { applyViewPatch, viewFor, viewsAt, type SessionState } from '@hearth/shared';
import { as, given, groupInSession } from '@hearth/shared/testing';
import { viewJsonWriter, viewPatch } from './viewJson.js';

// Every kind of view (waiting, outside, participant, facilitator) and the optional parts a
// state can hold (a round, a breakout, a pulse, notes, a hand queue, side rooms).
const states: [string, SessionState][] = [
  ['a plain evening', given(groupInSession(), [[{ type: 'raiseHand' }, as('P3')], [{ type: 'addNote', memberId: 'P3', text: 'low tonight' }, as('F')], [{ type: 'deny', memberId: 'W' }, as('F')]])],
  ['a round', given(groupInSession(), [[{ type: 'startRound', prompt: 'check-in', order: 'custom', customOrder: ['P1', 'P2'], turnSeconds: 60, feedbackSeconds: null, speakerOnly: true }, as('F')]])],
  ['a breakout', given(groupInSession(), [[{ type: 'startBreakout', prompt: 'one hope', durationSeconds: 600, groups: [['P1', 'P2'], ['P3', 'G']] }, as('F')]])],
  ['a pulse', given(groupInSession(), [[{ type: 'startPulse', question: 'How are you?' }, as('F')], [{ type: 'answerPulse', value: 3 }, as('P1')]])],
];

describe('viewJsonWriter', () => {
  it.each(states)('writes each member’s view exactly as JSON.stringify does, and as viewFor makes it (%s)', (_, state) => {
    const views = viewsAt(state, 5_000);
    const writer = viewJsonWriter();
    for (const id of Object.keys(state.members)) {
      const view = views(id)!;
      expect(view).toEqual(viewFor(state, id, 5_000));
      expect(writer.json(writer.partsOf(view))).toBe(JSON.stringify(view));
    }
  });

  it.each(states)('a patch from the group’s first view to this state’s gives each member exactly their new view (%s)', (_, state) => {
    const before = viewsAt(groupInSession(), 1_000);
    const after = viewsAt(state, 5_000);
    const [was, now] = [viewJsonWriter(), viewJsonWriter()];
    for (const id of Object.keys(state.members)) {
      const [old, next] = [before(id)!, after(id)!];
      const patch = viewPatch(was.partsOf(old), now.partsOf(next), next);
      // As sent on the wire and as given to in-process links: the same patch.
      expect(JSON.parse(patch.json)).toEqual(patch.payload);
      const outcome = applyViewPatch(JSON.parse(JSON.stringify(old)), JSON.parse(patch.json));
      expect(outcome).toEqual({ view: JSON.parse(JSON.stringify(next)) });
    }
  });

  it('a patch carries only what changed: locking the room is the version and the lock', () => {
    const state = states[0]![1];
    const locked = given(state, [[{ type: 'lockRoom', locked: true }, as('F')]]);
    const writer = viewJsonWriter();
    const patch = viewPatch(writer.partsOf(viewFor(state, 'P1', 1_000)!), viewJsonWriter().partsOf(viewFor(locked, 'P1', 1_000)!), viewFor(locked, 'P1', 1_000)!);
    expect(patch.payload).toEqual({ from: state.version, version: state.version + 1, set: { version: state.version + 1, locked: true }, unset: [] });
  });

  it('shares the roster between participants’ views, so it is written once', () => {
    const views = viewsAt(groupInSession(), 5_000);
    const [p1, p2] = [views('P1'), views('P2')];
    if (p1?.kind !== 'participant' || p2?.kind !== 'participant') throw new Error('not participants');
    expect(p1.members).toBe(p2.members);
  });
});
