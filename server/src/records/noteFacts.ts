import type { NoteFacts, SessionState, TurnRecord } from '@hearth/shared';
import type { AttendanceRow } from './attendanceReport.js';

/*
 * What a group note is pre-filled with: facts Hearth recorded about one participant at one
 * session, counted from the attendance row (attendanceReport.ts), the session's stored state
 * (turn records, pulse checks, talk time) and the audit log (help requests, which the state
 * keeps only while one is open). Counts and minutes only: no words anyone said or wrote.
 */

/**
 * A turn the speaker had the floor for: not passed, not lapsed while they were away. A
 * skipped turn counts: "skip" is how a facilitator moves the round on once someone has
 * spoken (the model has no separate "done"); a turn skipped before a word was said cannot
 * be told apart from it, and the clinician's note can say so.
 */
const HELD: ReadonlySet<TurnRecord['outcome']> = new Set(['finished', 'skipped', 'timed-out', 'round-ended']);

export type FactSources = {
  /** The member's attendance row at the session (present or not). */
  row: Pick<AttendanceRow, 'minutes' | 'treatmentMinutes' | 'audioOnlyMinutes' | 'modifier'>;
  /** The session's stored state; undefined once it is gone (never held, or not kept). */
  state: SessionState | undefined;
  /** How many times the member pressed "I need help" (audit entries `help-requested`). */
  helpRequests: number;
};

export function noteFacts(memberId: string, { row, state, helpRequests }: FactSources): NoteFacts {
  const turns = state?.turnRecords ?? [];
  const count = (keep: (t: TurnRecord) => boolean) => turns.filter(keep).length;
  const pulses = state ? [...state.pulseHistory, ...(state.pulse ? [state.pulse] : [])] : [];
  const member = state?.members[memberId];
  const videoMinutes = row.treatmentMinutes - row.audioOnlyMinutes;
  return {
    attendedMinutes: row.minutes,
    treatmentMinutes: row.treatmentMinutes,
    modality: row.modifier === null ? [] : [...(videoMinutes > 0 || row.audioOnlyMinutes === 0 ? (['video'] as const) : []), ...(row.audioOnlyMinutes > 0 ? (['audio-only'] as const) : [])],
    modifier: row.modifier,
    // The consent gate does not ask where the participant is yet (POS 10 or 02): left for the clinician.
    placeOfService: null,
    turnsTaken: count((t) => t.kind === 'share' && t.speakerId === memberId && HELD.has(t.outcome)),
    turnsPassed: count((t) => t.kind === 'share' && t.speakerId === memberId && t.outcome === 'passed'),
    feedbackGiven: count((t) => t.kind === 'feedback' && t.speakerId === memberId && HELD.has(t.outcome)),
    feedbackReceived: count((t) => t.kind === 'feedback' && t.receiverId === memberId && HELD.has(t.outcome)),
    pulseAnswers: pulses.flatMap((p) => (p.answers[memberId] === undefined ? [] : [{ question: p.question, answer: p.answers[memberId] }])),
    talkMinutes: member ? Math.round(member.talkTimeMs / 6_000) / 10 : null,
    helpRequests,
  };
}
