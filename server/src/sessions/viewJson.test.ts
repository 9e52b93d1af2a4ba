import { describe, expect, it } from 'vitest';
import { viewFor, viewsAt, type SessionState } from '@hearth/shared';
import { as, given, groupInSession } from '@hearth/shared/testing';
import { viewJsonWriter } from './viewJson.js';

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
    const write = viewJsonWriter();
    for (const id of Object.keys(state.members)) {
      const view = views(id)!;
      expect(view).toEqual(viewFor(state, id, 5_000));
      expect(write(view)).toBe(JSON.stringify(view));
    }
  });

  it('shares the roster between participants’ views, so it is written once', () => {
    const views = viewsAt(groupInSession(), 5_000);
    const [p1, p2] = [views('P1'), views('P2')];
    if (p1?.kind !== 'participant' || p2?.kind !== 'participant') throw new Error('not participants');
    expect(p1.members).toBe(p2.members);
  });
});
