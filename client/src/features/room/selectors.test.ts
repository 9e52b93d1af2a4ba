import { describe, expect, it } from 'vitest';
import { viewFor, type SessionState } from '@hearth/shared';
import { as, given, groupInSession } from '@hearth/shared/testing';
import {
  absentOf,
  announcementsBetween,
  asideNoticeOf,
  badgesOf,
  emphasisOf,
  formatElapsed,
  heldForTurn,
  mainPreferenceOf,
  roomOf,
  visibleIn,
  type Room,
} from './selectors';

const NOW = 5_000;
const view = (state: SessionState, memberId: string): Room => roomOf(viewFor(state, memberId, NOW))!;
const round = { type: 'startRound', prompt: 'one word', order: 'roster', turnSeconds: 120, feedbackSeconds: null, speakerOnly: true } as const;

describe('a round at a glance', () => {
  const inRound = given(groupInSession(), [[round, as('F')]]);
  const speaker = inRound.round!.turn.speakerId;
  const listener = ['P1', 'P2', 'P3'].find((id) => id !== speaker)!;

  it("emphasises the round's speaker, whoever the speaker detector picks", () => {
    expect(emphasisOf(view(inRound, listener), 'F')).toBe(speaker);
    expect(mainPreferenceOf(view(inRound, listener), 'F')[0]).toBe(speaker);
    expect(emphasisOf(view(groupInSession(), 'P1'), 'P2')).toBe('P2');
  });

  it('holds a listener’s microphone in a speaker-only turn, never the speaker’s or a facilitator’s', () => {
    expect(heldForTurn(view(inRound, listener))).toBe(true);
    expect(heldForTurn(view(inRound, speaker))).toBe(false);
    expect(heldForTurn(view(inRound, 'F'))).toBe(false);
    expect(heldForTurn(view(groupInSession(), 'P1'))).toBe(false);
    const open = given(groupInSession(), [[{ ...round, speakerOnly: false }, as('F')]]);
    expect(heldForTurn(view(open, listener))).toBe(false);
  });

  it('announces a turn politely to listeners and assertively to the speaker', () => {
    const before = view(groupInSession(), listener);
    expect(announcementsBetween(before, view(inRound, listener))).toEqual([{ text: `Round: one word. ${speaker} is sharing.`, politeness: 'polite' }]);
    expect(announcementsBetween(view(groupInSession(), speaker), view(inRound, speaker))).toEqual([
      { text: 'Round: one word. Your turn to share. Pass when you are done.', politeness: 'assertive' },
    ]);
    // The same turn again (another snapshot) says nothing; the end of the round is said once.
    expect(announcementsBetween(view(inRound, listener), view(inRound, listener))).toEqual([]);
    const ended = given(inRound, [[{ type: 'endRound' }, as('F')]]);
    expect(announcementsBetween(view(inRound, listener), view(ended, listener))).toEqual([{ text: 'The round has ended.', politeness: 'polite' }]);
  });
});

describe('admissions, read out', () => {
  it('tell a participant once that they are in, and everyone who else was let in', () => {
    expect(announcementsBetween(undefined, view(groupInSession(), 'P1'))).toEqual([{ text: 'You are in the group now.', politeness: 'polite' }]);
    expect(announcementsBetween(undefined, view(groupInSession(), 'F'))).toEqual([]);
    const admitted = given(groupInSession(), [[{ type: 'admit', memberId: 'W' }, as('G')]]);
    for (const id of ['P1', 'F']) {
      expect(announcementsBetween(view(groupInSession(), id), view(admitted, id))).toEqual([{ text: 'W joined the group.', politeness: 'polite' }]);
    }
    // The one let in does not hear about themselves as someone else.
    expect(announcementsBetween(view(admitted, 'W'), view(admitted, 'W'))).toEqual([]);
  });
});

describe('tiles', () => {
  it('say hand, facilitator and reconnecting to everyone, and "Needs help" only to facilitators', () => {
    const state = given(groupInSession(), [
      [{ type: 'raiseHand' }, as('P2')],
      [{ type: 'requestHelp' }, as('P1')],
    ]);
    const f = view(state, 'F');
    const p = view(state, 'P3');
    const labels = (room: Room, id: string) => badgesOf(room.members.find((m) => m.id === id), room.kind).map((b) => b.label);
    expect(labels(f, 'P1')).toEqual(['Needs help']);
    expect(labels(p, 'P1')).toEqual([]);
    expect(labels(p, 'P2')).toEqual(['Hand 1']);
    expect(labels(p, 'F')).toEqual(['Facilitator']);
  });

  it('show a dropped member where they would be seen, as reconnecting', () => {
    const state = given(groupInSession(), [[{ type: 'connectionLost', memberId: 'P2' }, { kind: 'system' }]]);
    const room = view(state, 'P1');
    expect(absentOf(room, new Set(['F', 'G', 'P3']))).toEqual([{ id: 'P2', displayName: 'P2', note: 'reconnecting…' }]);
    // Still in the media room (the server has not noticed yet): the tile is the live one.
    expect(absentOf(room, new Set(['P2']))).toEqual([]);
  });
});

describe('pairs and side rooms', () => {
  const paired = given(groupInSession(), [
    [{ type: 'startBreakout', prompt: 'one hope', durationSeconds: 600, groups: [['P1', 'P2'], ['P3', 'G']] }, as('F')],
  ]);

  it('show a pair only itself, and announce the move', () => {
    expect([...visibleIn(view(paired, 'P1'))!].sort()).toEqual(['P1', 'P2']);
    expect(announcementsBetween(view(groupInSession(), 'P1'), view(paired, 'P1'))).toEqual([{ text: 'You are in a pair with P2.', politeness: 'polite' }]);
    const listening = given(paired, [[{ type: 'listenIn', groupId: 'g1' }, as('F')]]);
    expect(announcementsBetween(view(paired, 'P1'), view(listening, 'P1'))).toEqual([{ text: 'A facilitator is listening to your pair.', politeness: 'polite' }]);
  });

  it('tell those left in the group that someone stepped out, without a name', () => {
    const aside = given(groupInSession(), [[{ type: 'pullAside', memberId: 'P1' }, as('F')]]);
    expect(asideNoticeOf(view(aside, 'P2'))).toEqual({ kind: 'others', count: 1 });
    expect(JSON.stringify(asideNoticeOf(view(aside, 'P2')))).not.toContain('P1');
    expect(asideNoticeOf(view(aside, 'P1'))).toEqual({ kind: 'self' });
    expect(asideNoticeOf(view(aside, 'F'))).toEqual({ kind: 'facilitator', memberName: 'P1' });
    expect(asideNoticeOf(view(groupInSession(), 'P2'))).toBeNull();
    expect([...visibleIn(view(aside, 'P2'))!].sort()).toEqual(['G', 'P2', 'P3']);
  });
});

describe('formatElapsed', () => {
  it('reads as minutes, then hours and minutes', () => {
    expect(formatElapsed(59_000)).toBe('0 min');
    expect(formatElapsed(42 * 60_000)).toBe('42 min');
    expect(formatElapsed(65 * 60_000)).toBe('1 h 05 min');
  });
});
