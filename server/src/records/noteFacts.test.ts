import { describe, expect, it } from 'vitest';
import { groupInSession } from '@hearth/shared/testing';
import type { TurnRecord } from '@hearth/shared';
import { noteFacts } from './noteFacts.js';

const row = { minutes: 170, treatmentMinutes: 150, audioOnlyMinutes: 0, modifier: '95' as const };
const turn = (kind: TurnRecord['kind'], speakerId: string, outcome: TurnRecord['outcome'], receiverId: string | null = null): TurnRecord => ({
  roundId: 'r1',
  kind,
  speakerId,
  receiverId,
  startedAt: 1,
  endedAt: 2,
  outcome,
});

function heldSession() {
  const state = groupInSession();
  state.turnRecords = [
    turn('share', 'P1', 'finished'),
    turn('feedback', 'P2', 'finished', 'P1'),
    turn('feedback', 'P3', 'passed', 'P1'),
    turn('share', 'P2', 'passed'),
    turn('share', 'P3', 'timed-out'),
    turn('feedback', 'P1', 'timed-out', 'P3'),
    turn('share', 'P1', 'skipped'),
    turn('share', 'P1', 'absent'),
  ];
  state.pulseHistory = [{ id: 'q1', question: 'How are you, 1–10?', openedAt: 1, closedAt: 2, answers: { P1: 7, P2: 4 } }];
  state.pulse = { id: 'q2', question: 'Energy now?', openedAt: 3, closedAt: null, answers: { P1: 5 } };
  state.members['P1']!.talkTimeMs = 5 * 60_000 + 30_000;
  return state;
}

describe('noteFacts', () => {
  it('counts turns taken (a skip moves on from a speaker: taken) and passed, feedback given and received, never lapsed turns', () => {
    const state = heldSession();
    expect(noteFacts('P1', { row, state, helpRequests: 0 })).toMatchObject({ turnsTaken: 2, turnsPassed: 0, feedbackGiven: 1, feedbackReceived: 1 });
    expect(noteFacts('P2', { row, state, helpRequests: 0 })).toMatchObject({ turnsTaken: 0, turnsPassed: 1, feedbackGiven: 1, feedbackReceived: 0 });
    expect(noteFacts('P3', { row, state, helpRequests: 0 })).toMatchObject({ turnsTaken: 1, turnsPassed: 0, feedbackGiven: 0, feedbackReceived: 1 });
  });

  it("lists the member's own pulse answers, closed and open, with their questions and no one else's", () => {
    const state = heldSession();
    expect(noteFacts('P1', { row, state, helpRequests: 0 }).pulseAnswers).toEqual([
      { question: 'How are you, 1–10?', answer: 7 },
      { question: 'Energy now?', answer: 5 },
    ]);
    expect(noteFacts('P3', { row, state, helpRequests: 0 }).pulseAnswers).toEqual([]);
  });

  it('carries minutes, modality and modifier from the attendance row, talk time from the state, help requests as counted', () => {
    const facts = noteFacts('P1', { row: { minutes: 170, treatmentMinutes: 150, audioOnlyMinutes: 30, modifier: '95' }, state: heldSession(), helpRequests: 2 });
    expect(facts).toMatchObject({ attendedMinutes: 170, treatmentMinutes: 150, modality: ['video', 'audio-only'], modifier: '95', talkMinutes: 5.5, helpRequests: 2, placeOfService: null });
    expect(noteFacts('P2', { row: { minutes: 60, treatmentMinutes: 60, audioOnlyMinutes: 60, modifier: '93' }, state: undefined, helpRequests: 0 }).modality).toEqual(['audio-only']);
  });

  it('reads an absence and a session whose state is gone as nothing, not as guesses', () => {
    const facts = noteFacts('P9', { row: { minutes: 0, treatmentMinutes: 0, audioOnlyMinutes: 0, modifier: null }, state: undefined, helpRequests: 0 });
    expect(facts).toEqual({
      attendedMinutes: 0,
      treatmentMinutes: 0,
      modality: [],
      modifier: null,
      placeOfService: null,
      turnsTaken: 0,
      turnsPassed: 0,
      feedbackGiven: 0,
      feedbackReceived: 0,
      pulseAnswers: [],
      talkMinutes: null,
      helpRequests: 0,
    });
  });
});
