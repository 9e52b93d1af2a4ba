import { describe, expect, it } from 'vitest';
import { reduce } from './reduce.js';
import { FACILITATOR_COMMAND_EXAMPLES, as, given, groupInSession } from './testing.js';
import { viewFor } from './views.js';

const F = as('F');
const withPulse = () =>
  given(groupInSession(), [
    [{ type: 'startPulse', question: 'Craving right now, 1–10?' }, F],
    [{ type: 'answerPulse', value: 3 }, as('P1')],
    [{ type: 'answerPulse', value: 8 }, as('P2')],
    [{ type: 'answerPulse', value: 7 }, as('P2')],
  ]);

describe('pulse checks', () => {
  it('[PUL1] one pulse at a time: a new one closes the one before', () => {
    const s = given(withPulse(), [[{ type: 'startPulse', question: 'Mood?' }, F]]);
    expect(s.pulse).toMatchObject({ question: 'Mood?', answers: {} });
    expect(s.pulseHistory).toHaveLength(1);
  });

  it('[PUL2] one answer per member, changeable while open; none without an open pulse', () => {
    expect(withPulse().pulse!.answers).toEqual({ P1: 3, P2: 7 });
    expect(reduce(groupInSession(), { type: 'answerPulse', value: 5 }, as('P1'), 1)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(reduce(withPulse(), { type: 'answerPulse', value: 5 }, as('W'), 1)).toMatchObject({ ok: false, error: { code: 'NOT_ADMITTED' } });
  });

  it('[PUL3] members see only their own answer and the group’s aggregate; facilitators see each answer', () => {
    const p3 = viewFor(withPulse(), 'P3', 1_000);
    if (p3?.kind !== 'participant') throw new Error('expected a participant view');
    expect(p3.pulse).toEqual({ id: expect.any(String), question: 'Craving right now, 1–10?', myAnswer: null, count: 2, mean: 5, distribution: [0, 0, 1, 0, 0, 0, 1, 0, 0, 0] });
    expect(JSON.stringify(p3)).not.toContain('"answers"');
    expect(viewFor(withPulse(), 'P1', 1_000)?.kind === 'participant' && (viewFor(withPulse(), 'P1', 1_000) as typeof p3).pulse!.myAnswer).toBe(3);
    const f = viewFor(withPulse(), 'F', 1_000);
    if (f?.kind !== 'facilitator') throw new Error('expected a facilitator view');
    expect(f.pulse!.answers).toEqual({ P1: 3, P2: 7 });
  });

  it('[PUL4] a closed pulse is kept with the session, for facilitators', () => {
    const s = given(withPulse(), [[FACILITATOR_COMMAND_EXAMPLES.closePulse, F]], 9_000);
    expect(s.pulse).toBeNull();
    expect(s.pulseHistory).toEqual([expect.objectContaining({ question: 'Craving right now, 1–10?', closedAt: 9_000, answers: { P1: 3, P2: 7 } })]);
    const f = viewFor(s, 'F', 1_000);
    expect(f?.kind === 'facilitator' && f.pulseHistory).toHaveLength(1);
    expect(JSON.stringify(viewFor(s, 'P1', 1_000))).not.toContain('Craving');
  });
});

describe('round views', () => {
  it('[RND14] everyone in the room sees the prompt, the speaker, who is next and the deadline; the waiting room sees nothing', () => {
    const s = given(groupInSession(), [[FACILITATOR_COMMAND_EXAMPLES.startRound, F]], 1_000);
    const v = viewFor(s, 'P3', 1_000);
    if (v?.kind !== 'participant') throw new Error('expected a participant view');
    expect(v.round).toMatchObject({ prompt: 'Check-in: one word for your week', speakerId: 'P1', nextSpeakerId: 'P2', deadline: 121_000, remainingMs: 120_000, speakerOnly: true });
    expect(JSON.stringify(viewFor(s, 'W', 1_000))).not.toContain('Check-in');
  });
});
