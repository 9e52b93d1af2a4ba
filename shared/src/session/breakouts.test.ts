import { describe, expect, it } from 'vitest';
import { SYSTEM } from './commands.js';
import { RETURN_COUNTDOWN_MS, nextBreakoutTick, receives } from './breakouts.js';
import { reduce, type ReduceResult } from './reduce.js';
import { viewFor } from './views.js';
import type { SessionState } from './state.js';
import { FACILITATOR_COMMAND_EXAMPLES, as, consent, given, groupInSession } from './testing.js';

const T0 = 100_000;
const F = as('F');

function ok(result: ReduceResult): SessionState {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.state;
}

/** P1+P2 in g1; P3 with facilitator F in g2; ten minutes. */
const inPairs = () => given(groupInSession(), [[FACILITATOR_COMMAND_EXAMPLES.startBreakout, F]], T0);

describe('breakouts', () => {
  it('[BRK4] groups must cover everyone in the room exactly once, with a participant in each', () => {
    const s = inPairs();
    expect(s.breakout!.groups.map((g) => g.memberIds)).toEqual([['P1', 'P2'], ['P3']]);
    expect(s.breakout!.joined).toEqual({ F: 'g2' });
    const start = (groups: string[][]) => reduce(groupInSession(), { ...FACILITATOR_COMMAND_EXAMPLES.startBreakout, groups } as never, F, T0);
    expect(start([['P1', 'P2']])).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(start([['P1', 'P2'], ['P2', 'P3']])).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(start([['P1', 'P2'], ['P3', 'W']])).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(start([['P1', 'P2', 'P3'], ['F', 'G']])).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('[BRK5] each member receives only their group; a facilitator in no group receives the others in none', () => {
    const s = inPairs();
    expect(receives(s, 'P1', 'P2')).toBe(true);
    expect(receives(s, 'P1', 'P3')).toBe(false);
    expect(receives(s, 'P3', 'F')).toBe(true);
    expect(receives(s, 'G', 'P1')).toBe(false);
    expect(receives(s, 'G', 'F')).toBe(false);
    expect(receives(groupInSession(), 'P1', 'P3')).toBe(true);
  });

  it('[BRK9] a listening facilitator receives the group, which does not receive them; joining is both ways', () => {
    const listening = ok(reduce(inPairs(), { type: 'listenIn', groupId: 'g1' }, as('G'), T0));
    expect(receives(listening, 'G', 'P1')).toBe(true);
    expect(receives(listening, 'P1', 'G')).toBe(false);
    const joined = ok(reduce(listening, { type: 'joinGroup', groupId: 'g1' }, as('G'), T0));
    expect(receives(joined, 'P1', 'G')).toBe(true);
    expect(joined.breakout!.listening).toEqual({});
    const back = ok(reduce(joined, { type: 'joinGroup', groupId: null }, as('G'), T0));
    expect(receives(back, 'P1', 'G')).toBe(false);
  });

  it('[BRK6] the timer nudges at half-time, warns a minute before, and at time up starts the return', () => {
    let s = inPairs();
    expect(nextBreakoutTick(s.breakout!)).toBe(T0 + 300_000);
    s = ok(reduce(s, { type: 'breakoutTick' }, SYSTEM, T0 + 300_000));
    expect(s.breakout).toMatchObject({ halfTimeNudged: true, oneMinuteWarned: false });
    s = ok(reduce(s, { type: 'breakoutTick' }, SYSTEM, T0 + 540_000));
    expect(s.breakout!.oneMinuteWarned).toBe(true);
    s = ok(reduce(s, { type: 'breakoutTick' }, SYSTEM, T0 + 600_000));
    expect(s.breakout!.returningAt).toBe(T0 + 600_000 + RETURN_COUNTDOWN_MS);
    const back = reduce(s, { type: 'breakoutTick' }, SYSTEM, T0 + 600_000 + RETURN_COUNTDOWN_MS);
    expect(back.ok && back.state.breakout).toBeNull();
    expect(back.ok && receives(back.state, 'P1', 'P3') && receives(back.state, 'P3', 'P1')).toBe(true);
  });

  it('[BRK7][BRK8] ending early counts down the same way; extending calls the return off', () => {
    const ending = ok(reduce(inPairs(), { type: 'endBreakout' }, F, T0 + 1_000));
    expect(ending.breakout!.returningAt).toBe(T0 + 1_000 + RETURN_COUNTDOWN_MS);
    const extended = ok(reduce(ending, { type: 'extendBreakout', seconds: 120 }, F, T0 + 2_000));
    expect(extended.breakout).toMatchObject({ returningAt: null, endsAt: T0 + 720_000 });
  });

  it('[BRK17] a facilitator\'s line reaches every group; the newest replaces the last; a participant cannot send one', () => {
    const s = given(inPairs(), [
      [{ type: 'broadcastToGroups', text: 'Halfway: swap roles' }, F],
      [{ type: 'broadcastToGroups', text: 'Two minutes left' }, F],
    ], T0 + 7);
    for (const id of ['P1', 'P3']) {
      const view = viewFor(s, id, T0 + 8);
      expect(view?.kind === 'participant' && view.breakout!.announcement).toEqual({ text: 'Two minutes left', at: T0 + 7 });
    }
    const refused = reduce(s, { type: 'broadcastToGroups', text: 'hi' }, as('P1'), T0 + 9);
    expect(refused.ok).toBe(false);
    const returning = given(s, [[{ type: 'endBreakout' }, F]], T0 + 10);
    const back = given(returning, [[{ type: 'breakoutTick' }, SYSTEM]], T0 + 10 + RETURN_COUNTDOWN_MS);
    expect(viewFor(back, 'P1', T0 + 20 + RETURN_COUNTDOWN_MS)).toMatchObject({ breakout: null });
  });

  it('[BRK10] a member asks for help from their pair: the facilitators are told', () => {
    const r = reduce(inPairs(), { type: 'askPairHelp' }, as('P2'), T0 + 5);
    expect(r.ok && r.state.breakout!.groups[0]!.helpRequestedAt).toBe(T0 + 5);
    expect(r.ok && r.effects).toContainEqual({ type: 'notifyFacilitators', event: 'pair-help', memberId: 'P2' });
  });

  it('[BRK18] a pair\'s request stays open until a facilitator acknowledges it, listens in or joins; co-facilitators see the same', () => {
    const asked = given(inPairs(), [[{ type: 'askPairHelp' }, as('P2')]], T0 + 5);
    const openIn = (s: SessionState, viewer: string) => {
      const view = viewFor(s, viewer, T0 + 6);
      return view?.kind === 'facilitator' ? view.breakout!.groups!.find((g) => g.id === 'g1')!.helpRequestedAt : undefined;
    };
    expect(openIn(asked, 'F')).toBe(T0 + 5);
    expect(openIn(asked, 'G')).toBe(T0 + 5);
    // Another command in between does not close it; asking again keeps the first time.
    const later = given(asked, [[{ type: 'broadcastToGroups', text: 'Halfway' }, F], [{ type: 'askPairHelp' }, as('P1')]], T0 + 9);
    expect(openIn(later, 'G')).toBe(T0 + 5);

    const acknowledged = given(asked, [[{ type: 'acknowledgePairHelp', groupId: 'g1' }, as('G')]], T0 + 10);
    expect(openIn(acknowledged, 'F')).toBeNull();
    expect(reduce(acknowledged, { type: 'acknowledgePairHelp', groupId: 'g1' }, F, T0 + 11)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(reduce(asked, { type: 'acknowledgePairHelp', groupId: 'nope' }, F, T0 + 11)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(reduce(asked, { type: 'acknowledgePairHelp', groupId: 'g1' }, as('P1'), T0 + 11)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    for (const go of ['listenIn', 'joinGroup'] as const) {
      const answered = given(asked, [[{ type: go, groupId: 'g1' }, as('G')]], T0 + 12);
      expect(openIn(answered, 'F')).toBeNull();
    }
    // Going to another pair leaves this one's request open.
    const elsewhere = given(asked, [[{ type: 'listenIn', groupId: 'g2' }, as('G')]], T0 + 12);
    expect(openIn(elsewhere, 'F')).toBe(T0 + 5);
  });

  it('[BRK11] who met whom is kept when everyone returns, for the cohort’s rotation', () => {
    const ending = given(inPairs(), [[{ type: 'endBreakout' }, F]], T0 + 1_000);
    const s = given(ending, [[{ type: 'breakoutTick' }, SYSTEM]], T0 + 1_000 + RETURN_COUNTDOWN_MS);
    expect(s.breakout).toBeNull();
    expect(s.pairRecords).toEqual([{ breakoutId: expect.any(String), startedAt: T0, endedAt: T0 + 1_000 + RETURN_COUNTDOWN_MS, groups: [['P1', 'P2'], ['P3']] }]);
  });

  it('[BRK12] a dropped member keeps their pair; someone leaving the room leaves it', () => {
    const dropped = given(inPairs(), [[{ type: 'connectionLost', memberId: 'P1' }, SYSTEM]], T0);
    expect(dropped.breakout!.groups[0]!.memberIds).toEqual(['P1', 'P2']);
    const gone = given(inPairs(), [[{ type: 'sendToWaiting', memberId: 'P1' }, F]], T0);
    expect(gone.breakout!.groups[0]!.memberIds).toEqual(['P2']);
  });

  it('[BRK13] someone admitted during breakouts waits with the facilitators until placed', () => {
    const s = given(inPairs(), [
      [{ type: 'enter', member: { id: 'N', displayName: 'New', role: 'participant' }, consent }, SYSTEM],
      [{ type: 'admit', memberId: 'N' }, F],
    ], T0);
    expect(receives(s, 'N', 'G')).toBe(true);
    expect(receives(s, 'N', 'P1')).toBe(false);
    const placed = ok(reduce(s, { type: 'placeInGroup', memberId: 'N', groupId: 'g1' }, F, T0));
    expect(placed.breakout!.groups[0]!.memberIds).toEqual(['P1', 'P2', 'N']);
    expect(receives(placed, 'N', 'P1')).toBe(true);
  });

  it('[BRK15] a member sees only their own group (with who listens); facilitators see every group', () => {
    const s = given(inPairs(), [[{ type: 'listenIn', groupId: 'g1' }, as('G')]], T0);
    const p1 = viewFor(s, 'P1', T0 + 60_000);
    if (p1?.kind !== 'participant') throw new Error('expected a participant view');
    expect(p1.breakout).toEqual({
      prompt: 'Share one hope for this week',
      remainingMs: 540_000,
      returningInMs: null,
      halfTimeNudged: false,
      oneMinuteWarned: false,
      myGroup: { id: 'g1', memberIds: ['P1', 'P2'], listenedBy: ['G'], joinedBy: [] },
      announcement: null,
    });
    const g = viewFor(s, 'G', T0);
    expect(g?.kind === 'facilitator' && g.breakout?.groups?.map((x) => x.memberIds)).toEqual([['P1', 'P2'], ['P3', 'F']]);
  });

  it('[BRK16] a pull-aside: the facilitator and the member only hear each other; the group carries on; audited; returned', () => {
    const r = reduce(groupInSession(), { type: 'pullAside', memberId: 'P2' }, F, T0);
    const s = ok(r);
    expect(receives(s, 'P2', 'F')).toBe(true);
    expect(receives(s, 'F', 'P2')).toBe(true);
    expect(receives(s, 'P2', 'P1')).toBe(false);
    expect(receives(s, 'P1', 'F')).toBe(false);
    expect(receives(s, 'P1', 'G')).toBe(true);
    expect(r.ok && r.effects).toContainEqual({ type: 'audit', action: 'pulled-aside', actorId: 'F', targetId: 'P2' });
    // Even during breakouts.
    const inBreakouts = ok(reduce(inPairs(), { type: 'pullAside', memberId: 'P1' }, as('G'), T0));
    expect(receives(inBreakouts, 'P2', 'P1')).toBe(false);
    expect(receives(inBreakouts, 'P1', 'G')).toBe(true);
    const back = ok(reduce(s, { type: 'returnFromSide', memberId: 'P2' }, as('G'), T0));
    expect(receives(back, 'P2', 'P1')).toBe(true);
    expect(reduce(s, { type: 'pullAside', memberId: 'P3' }, F, T0)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('[BRK14] rounds and breakouts do not overlap', () => {
    expect(reduce(inPairs(), FACILITATOR_COMMAND_EXAMPLES.startRound, F, T0)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const round = given(groupInSession(), [[FACILITATOR_COMMAND_EXAMPLES.startRound, F]], T0);
    expect(reduce(round, FACILITATOR_COMMAND_EXAMPLES.startBreakout, F, T0)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });
});
