import { describe, expect, it } from 'vitest';
import { SYSTEM, type MemberCommand } from './commands.js';
import { reduce, type ReduceResult } from './reduce.js';
import { SPEAKER_GRACE_MS, audibleMemberIds, shuffle } from './rounds.js';
import type { SessionState } from './state.js';
import { FACILITATOR_COMMAND_EXAMPLES, as, consent, given, groupInSession } from './testing.js';

const T0 = 10_000;
const F = as('F');

function ok(result: ReduceResult): SessionState {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.state;
}

const start = (over: Partial<Extract<MemberCommand, { type: 'startRound' }>> = {}) =>
  ({ ...FACILITATOR_COMMAND_EXAMPLES.startRound, turnSeconds: 60, ...over }) as MemberCommand;

/** P1, P2, P3 admitted in that order; a round started at T0. */
function running(over: Partial<Extract<MemberCommand, { type: 'startRound' }>> = {}): SessionState {
  return given(groupInSession(), [[start(over), F]], T0);
}

describe('rounds', () => {
  it('[RND1] a round starts with the prompt, the roster order and the first speaker’s turn', () => {
    const s = running();
    expect(s.round).toMatchObject({ prompt: 'Check-in: one word for your week', order: ['P1', 'P2', 'P3'], paused: false });
    expect(s.round!.turn).toMatchObject({ kind: 'share', speakerId: 'P1', startedAt: T0, deadline: T0 + 60_000 });
  });

  it('[RND1] a random order is a seeded shuffle of those in the room; a custom order is taken as given', () => {
    const random = running({ order: 'random' });
    expect([...random.round!.order].sort()).toEqual(['P1', 'P2', 'P3']);
    const custom = running({ order: 'custom', customOrder: ['P3', 'P1'] });
    expect(custom.round!.order).toEqual(['P3', 'P1']);
    const bad = reduce(groupInSession(), start({ order: 'custom', customOrder: ['P1', 'W'] }), F, T0);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(shuffle(['a', 'b', 'c', 'd'], 7)).toEqual(shuffle(['a', 'b', 'c', 'd'], 7));
  });

  it('[RND2] only one round at a time', () => {
    expect(reduce(running(), start(), F, T0)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('[RND4] the speaker may pass; nobody else can pass for them', () => {
    const s = running();
    expect(reduce(s, { type: 'passTurn' }, as('P2'), T0 + 5)).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_TURN' } });
    const passed = ok(reduce(s, { type: 'passTurn' }, as('P1'), T0 + 5));
    expect(passed.round!.turn.speakerId).toBe('P2');
    expect(passed.turnRecords).toEqual([{ roundId: s.round!.id, kind: 'share', speakerId: 'P1', receiverId: null, startedAt: T0, endedAt: T0 + 5, outcome: 'passed' }]);
  });

  it('[RND5] turns go in order and the round ends after the last one, everyone audible again', () => {
    let s = running();
    for (const expected of ['P2', 'P3']) {
      s = ok(reduce(s, { type: 'skipTurn' }, F, T0));
      expect(s.round!.turn.speakerId).toBe(expected);
    }
    const last = reduce(s, { type: 'skipTurn' }, F, T0);
    expect(last.ok && last.state.round).toBeNull();
    expect(audibleMemberIds(ok(last)).sort()).toEqual(['F', 'G', 'P1', 'P2', 'P3']);
  });

  it('[RND6] the timer ends a turn only once its deadline has passed; extend and pause move it', () => {
    const s = running();
    expect(ok(reduce(s, { type: 'advanceDueTurn' }, SYSTEM, T0 + 59_999))).toBe(s);
    const extended = ok(reduce(s, { type: 'extendTurn', seconds: 30 }, F, T0 + 1));
    expect(ok(reduce(extended, { type: 'advanceDueTurn' }, SYSTEM, T0 + 60_000)).round!.turn.speakerId).toBe('P1');
    const moved = ok(reduce(extended, { type: 'advanceDueTurn' }, SYSTEM, T0 + 90_000));
    expect(moved.round!.turn.speakerId).toBe('P2');
    expect(moved.turnRecords.at(-1)!.outcome).toBe('timed-out');

    const paused = ok(reduce(s, { type: 'pauseRound' }, F, T0 + 20_000));
    expect(paused.round!.turn.pausedRemainingMs).toBe(40_000);
    expect(ok(reduce(paused, { type: 'advanceDueTurn' }, SYSTEM, T0 + 600_000))).toBe(paused);
    const resumed = ok(reduce(paused, { type: 'resumeRound' }, F, T0 + 100_000));
    expect(resumed.round!.turn.deadline).toBe(T0 + 140_000);
  });

  it('[RND7] in a speaker-only round only the speaker and the facilitators are heard; a facilitator’s mute still holds', () => {
    const s = given(groupInSession(), [[{ type: 'mute', memberId: 'P2' }, F], [start(), F]], T0);
    expect(audibleMemberIds(s).sort()).toEqual(['F', 'G', 'P1']);
    const p2Turn = ok(reduce(s, { type: 'skipTurn' }, F, T0));
    // P2's turn, but muted by a facilitator: still not heard until they unmute.
    expect(audibleMemberIds(p2Turn).sort()).toEqual(['F', 'G']);
    const open = running({ speakerOnly: false });
    expect(audibleMemberIds(open).sort()).toEqual(['F', 'G', 'P1', 'P2', 'P3']);
  });

  it('[RND8] during someone else’s speaker-only turn, a participant cannot unmute', () => {
    const s = given(groupInSession(), [[{ type: 'setMicMuted', muted: true }, as('P3')], [start(), F]], T0);
    expect(reduce(s, { type: 'setMicMuted', muted: false }, as('P3'), T0)).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_TURN' } });
    const p1 = given(s, [[{ type: 'setMicMuted', muted: true }, as('P1')]], T0);
    expect(reduce(p1, { type: 'setMicMuted', muted: false }, as('P1'), T0).ok).toBe(true);
  });

  it('[RND9] a speaker who drops keeps the turn for a grace period; after it lapses they share next on return', () => {
    const s = given(running(), [[{ type: 'connectionLost', memberId: 'P1' }, SYSTEM]], T0 + 1_000);
    expect(s.round!.turn).toMatchObject({ speakerId: 'P1', speakerAbsent: true, deadline: T0 + 1_000 + SPEAKER_GRACE_MS });
    const lapsed = ok(reduce(s, { type: 'advanceDueTurn' }, SYSTEM, T0 + 1_000 + SPEAKER_GRACE_MS));
    expect(lapsed.round!.turn.speakerId).toBe('P2');
    expect(lapsed.turnRecords.at(-1)!.outcome).toBe('absent');
    const back = ok(reduce(lapsed, { type: 'connectionResumed', memberId: 'P1' }, SYSTEM, T0 + 30_000));
    expect(back.round!.order).toEqual(['P2', 'P1', 'P3']);
    const next = ok(reduce(back, { type: 'skipTurn' }, F, T0 + 31_000));
    expect(next.round!.turn.speakerId).toBe('P1');
  });

  it('[RND9][REC4] a speaker who comes back by entering again (a reload, a new connection) also goes on', () => {
    const s = given(running(), [[{ type: 'connectionLost', memberId: 'P1' }, SYSTEM]], T0 + 1_000);
    const back = ok(reduce(s, { type: 'enter', member: { id: 'P1', displayName: 'P1', role: 'participant' }, consent }, SYSTEM, T0 + 5_000));
    expect(back.round!.turn).toMatchObject({ speakerId: 'P1', speakerAbsent: false });
  });

  it('[RND9] back within the grace period, the speaker simply goes on', () => {
    const s = given(running(), [[{ type: 'connectionLost', memberId: 'P1' }, SYSTEM]], T0 + 1_000);
    const back = ok(reduce(s, { type: 'connectionResumed', memberId: 'P1' }, SYSTEM, T0 + 5_000));
    expect(back.round!.turn).toMatchObject({ speakerId: 'P1', speakerAbsent: false });
  });

  it('[RND10] reorder changes who is still to share, not who already did; back returns to the previous turn', () => {
    const s = ok(reduce(running(), { type: 'skipTurn' }, F, T0));
    expect(ok(reduce(s, { type: 'reorderRound', order: ['P3'] }, F, T0)).round!.order).toEqual(['P1', 'P2', 'P3']);
    expect(reduce(s, { type: 'reorderRound', order: ['P3', 'W'] }, F, T0)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(reduce(s, { type: 'reorderRound', order: ['P2'] }, F, T0)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const back = ok(reduce(s, { type: 'previousTurn' }, F, T0 + 1));
    expect(back.round!.turn.speakerId).toBe('P1');
    expect(reduce(back, { type: 'previousTurn' }, F, T0 + 2)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('[RND11] feedback mode: after a share, each other member gives feedback to the sharer, with its own time', () => {
    let s = running({ feedbackSeconds: 30 });
    s = ok(reduce(s, { type: 'passTurn' }, as('P1'), T0 + 10));
    expect(s.round!.turn).toMatchObject({ kind: 'feedback', speakerId: 'P2', receiverId: 'P1', deadline: T0 + 10 + 30_000 });
    s = ok(reduce(s, { type: 'passTurn' }, as('P2'), T0 + 20));
    expect(s.round!.turn).toMatchObject({ kind: 'feedback', speakerId: 'P3', receiverId: 'P1' });
    s = ok(reduce(s, { type: 'skipTurn' }, F, T0 + 30));
    expect(s.round!.turn).toMatchObject({ kind: 'share', speakerId: 'P2', receiverId: null });
    expect(s.turnRecords.map((r) => [r.kind, r.speakerId, r.receiverId, r.outcome])).toEqual([
      ['share', 'P1', null, 'passed'],
      ['feedback', 'P2', 'P1', 'passed'],
      ['feedback', 'P3', 'P1', 'skipped'],
    ]);
  });

  it('[RND12] someone leaving the room leaves the round; if it was their turn, the next begins', () => {
    const s = running();
    const gone = ok(reduce(s, { type: 'sendToWaiting', memberId: 'P1' }, F, T0 + 3));
    expect(gone.round!.turn.speakerId).toBe('P2');
    expect(gone.round!.order).toEqual(['P2', 'P3']);
    const removed = ok(reduce(s, { type: 'remove', memberId: 'P3', reason: 'r' }, F, T0 + 3));
    expect(removed.round!.order).toEqual(['P1', 'P2']);
  });

  it('[RND13] ending the round (or the session) records the turn in progress and makes everyone audible again', () => {
    const s = running();
    const ended = reduce(s, { type: 'endRound' }, F, T0 + 7);
    expect(ended.ok && ended.state.round).toBeNull();
    expect(ended.ok && ended.state.turnRecords.at(-1)!.outcome).toBe('round-ended');
    expect(ended.ok && audibleMemberIds(ended.state).sort()).toEqual(['F', 'G', 'P1', 'P2', 'P3']);
    const sessionEnded = ok(reduce(s, { type: 'end' }, F, T0 + 8));
    expect(sessionEnded.round).toBeNull();
  });
});
