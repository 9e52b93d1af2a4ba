import type { BillingProfile } from '@hearth/shared';
import type { Modality, PlaceOfService } from '../store/SessionLog.js';
import type { Interval, ModalityInterval } from './attendance.js';
import { localDate } from './localClock.js';
import { coveredMs, intersect, subtract, union } from './intervalSets.js';

/*
 * Attendance as a payer reads it, for one session: pure, times in epoch ms, nothing rounded.
 * Days and weeks are in payerWeeks.ts. Treatment time is admitted time minus breaks, under
 * every billing profile; the other per-session facts (modality, place, camera) are shares of
 * that treatment time, so they add up to it.
 */

export type { PlaceOfService };
export type PlaceInterval = Interval & { place: PlaceOfService };
/** Telehealth modifier: 95 = live audio and video, 93 = audio only. */
export type TelehealthModifier = '95' | '93';
export const MODIFIER_OF: Readonly<Record<Modality, TelehealthModifier>> = { video: '95', 'audio-only': '93' };

/** One participant's recorded time at one session. Intervals may overlap or touch; each moment counts once. */
export type ParticipantTimes = {
  memberId: string;
  /** Admitted time (attendanceIntervals): the waiting room is not in it. */
  admitted: readonly Interval[];
  /** How they attended (modalityIntervals). Admitted time not shown as audio-only is video, as for a log that predates modality. */
  modality: readonly ModalityInterval[];
  /** Where they said they were; treatment time with no place is counted as unknown. */
  places: readonly PlaceInterval[];
  /** When their camera was off; left out when not recorded. */
  cameraOff?: readonly Interval[];
};

export type SessionTimes = {
  sessionId: string;
  /** When it happened (attendanceReport's sessionTime); its day on the cohort's clock is the date of service. */
  heldAt: number;
  /** The scheduled start and the schedule's length; null for an unscheduled session (no late, no early). */
  scheduled: { start: number; durationMinutes: number } | null;
  /** When it ended (now, for a live session); someone there until then did not leave early. Null: judge by the schedule alone. */
  endedAt: number | null;
  /** The facilitator's breaks: not treatment time for anyone. */
  breaks: readonly Interval[];
  /** Everyone the records are for, present or not: an absence is a row with no time. */
  participants: readonly ParticipantTimes[];
};

export type ParticipantSession = {
  sessionId: string;
  /** YYYY-MM-DD on the cohort's clock. */
  date: string;
  memberId: string;
  /** Admitted minus breaks. */
  treatmentMs: number;
  /** Break time they were admitted for. */
  breakMs: number;
  /** Some treatment time at all: what "a session attended" means for days and 90853 units. */
  attended: boolean;
  /** Treatment time by how they attended; the two add up to treatmentMs. */
  modalityMs: Record<Modality, number>;
  /** The modifier of the larger share (a tie goes to 93: never claim video the record does not show); null if not attended. */
  modifier: TelehealthModifier | null;
  /** Treatment time by place; the three add up to treatmentMs. */
  placeMs: Record<PlaceOfService | 'unknown', number>;
  /** The place with the larger known share (a tie goes to 02); null when no place is known. */
  placeOfService: PlaceOfService | null;
  /** Treatment time with the camera on; null when camera-off time was not recorded. */
  cameraOnMs: number | null;
  /** First arrival after the scheduled start plus the grace: how long after the start; 0 on time; null unscheduled or absent. */
  lateByMs: number | null;
  /** Last leaving before the session's end: how long before it; 0 if they stayed; null unscheduled or absent. */
  leftEarlyByMs: number | null;
};

export type SessionAttendance = {
  sessionId: string;
  date: string;
  /** Participants admitted at any time, each once. */
  groupSize: number;
  /** Above the profile's cap (at the cap is within it); false when the profile has none. */
  overGroupSizeCap: boolean;
  participants: ParticipantSession[];
};

const MINUTE = 60_000;

/** The payer's view of one session, per participant and for the group. */
export function sessionAttendance(session: SessionTimes, profile: BillingProfile, timeZone: string): SessionAttendance {
  const date = localDate(session.heldAt, timeZone);
  const participants = session.participants.map((p) => participantSession(session, p, profile, date));
  const groupSize = session.participants.filter((p) => coveredMs(p.admitted) > 0).length;
  const overGroupSizeCap = profile.groupSizeCap !== null && groupSize > profile.groupSizeCap;
  return { sessionId: session.sessionId, date, groupSize, overGroupSizeCap, participants };
}

function participantSession(session: SessionTimes, p: ParticipantTimes, profile: BillingProfile, date: string): ParticipantSession {
  const admitted = union(p.admitted);
  const treatment = subtract(admitted, session.breaks);
  const treatmentMs = coveredMs(treatment);
  const audioOnlyMs = coveredMs(intersect(treatment, p.modality.filter((i) => i.mode === 'audio-only')));
  const modalityMs = { video: treatmentMs - audioOnlyMs, 'audio-only': audioOnlyMs };
  const elsewhereTime = p.places.filter((i) => i.place === '02');
  // Time tagged both ways (a changed answer) counts as 02, as a tie does, so the shares still add up.
  const elsewhere = coveredMs(intersect(treatment, elsewhereTime));
  const home = coveredMs(intersect(subtract(treatment, elsewhereTime), p.places.filter((i) => i.place === '10')));
  const placeMs = { '10': home, '02': elsewhere, unknown: treatmentMs - home - elsewhere };
  const attended = treatmentMs > 0;
  return {
    sessionId: session.sessionId,
    date,
    memberId: p.memberId,
    treatmentMs,
    breakMs: coveredMs(intersect(admitted, session.breaks)),
    attended,
    modalityMs,
    modifier: attended ? (modalityMs.video > modalityMs['audio-only'] ? '95' : '93') : null,
    placeMs,
    placeOfService: home + elsewhere === 0 ? null : home > elsewhere ? '10' : '02',
    cameraOnMs: p.cameraOff ? coveredMs(subtract(treatment, p.cameraOff)) : null,
    ...punctuality(session, admitted, profile),
  };
}

/**
 * Late against the scheduled start (an arrival exactly at the end of the grace is on time;
 * how late is counted from the start, as a clinician would say it); early against the
 * scheduled end, or the session's own end when it ended sooner.
 */
function punctuality(session: SessionTimes, admitted: readonly Interval[], profile: BillingProfile): Pick<ParticipantSession, 'lateByMs' | 'leftEarlyByMs'> {
  const first = admitted[0];
  const last = admitted.at(-1);
  if (!session.scheduled || !first || !last) return { lateByMs: null, leftEarlyByMs: null };
  const { start, durationMinutes } = session.scheduled;
  const end = Math.min(start + durationMinutes * MINUTE, session.endedAt ?? Infinity);
  return {
    lateByMs: first.from > start + profile.lateGraceMinutes * MINUTE ? first.from - start : 0,
    leftEarlyByMs: last.to < end ? end - last.to : 0,
  };
}

/**
 * The console's quiet flag: whether the camera-off stretch going on at `now` has lasted longer
 * than the profile allows (exactly the limit is not longer). Touching stretches are one; one
 * still open may end at `now` or later. Never flagged when the profile sets no limit.
 */
export function cameraOffTooLong(cameraOff: readonly Interval[], now: number, profile: Pick<BillingProfile, 'cameraOffFlagMinutes'>): { flagged: boolean; offForMs: number } {
  const current = union(cameraOff).find((i) => i.from <= now && now <= i.to);
  const offForMs = current ? now - current.from : 0;
  const limit = profile.cameraOffFlagMinutes;
  return { flagged: limit !== null && offForMs > limit * MINUTE, offForMs };
}

/**
 * Minutes for people to read (a CSV, a printable view), to a tenth, rounded down: a day shown
 * as 180.0 has really reached 180 minutes. Rules are never judged on this, only on ms.
 */
export function displayMinutes(ms: number): number {
  return Math.floor(ms / 6_000) / 10;
}
