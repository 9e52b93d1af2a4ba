import { BILLING_PRESETS, startOfLocalDay, type AttendanceRow as AttendanceRowAnswer } from '@hearth/shared';
import type { CohortRecord, GroupSessionRecord, MemberRecord } from '../store/ClinicStore.js';
import type { AttendanceEvent } from '../store/SessionLog.js';
import { attendanceIntervals, attendedMs, breakIntervals, modalityIntervals, type Interval, type ModalityInterval } from './attendance.js';
import { localDate, localTime } from './localClock.js';
import { displayMinutes, sessionAttendance } from './payerRules.js';

/** One member's attendance at one session, as the API answers it but with intervals in epoch ms. */
export type AttendanceRow = Omit<AttendanceRowAnswer, 'intervals' | 'modality'> & { intervals: Interval[]; modality: ModalityInterval[] };

const toMinutes = (ms: number) => Math.round(ms / 6_000) / 10;

/** When a session happened: its scheduled start, else when the first person came in, else when it was made. */
export function sessionTime(session: GroupSessionRecord, events: readonly AttendanceEvent[]): number {
  if (session.scheduledStart !== undefined) return session.scheduledStart;
  const first = events.reduce((min, e) => Math.min(min, e.at), Infinity);
  return Number.isFinite(first) ? first : session.createdAt;
}

/**
 * Every member of the cohort at one session, present or not (an absence is a row with no
 * time). Intervals still open are counted up to `now`.
 */
export function sessionRows(cohort: CohortRecord, members: readonly MemberRecord[], session: GroupSessionRecord, events: readonly AttendanceEvent[], now: number): AttendanceRow[] {
  const intervals = attendanceIntervals(events, now);
  const modes = modalityIntervals(events, now);
  const heldAt = sessionTime(session, events);
  const date = localDate(heldAt, cohort.timeZone);
  // REST4 and the payer's reading: treatment time is time in the room less the breaks.
  const payer = sessionAttendance(
    {
      sessionId: session.id,
      heldAt,
      scheduled: session.scheduledStart !== undefined && cohort.schedule ? { start: session.scheduledStart, durationMinutes: cohort.schedule.durationMinutes } : null,
      endedAt: session.status === 'ended' ? lastEvent(events) : now,
      breaks: breakIntervals(events, now),
      participants: members.map((m) => ({ memberId: m.id, admitted: intervals.get(m.id) ?? [], modality: modes.get(m.id) ?? [], places: [] })),
    },
    BILLING_PRESETS.custom,
    cohort.timeZone,
  );
  const payerRows = new Map(payer.participants.map((p) => [p.memberId, p]));
  return members.map((m) => {
    const own = intervals.get(m.id) ?? [];
    const modality = modes.get(m.id) ?? [];
    const p = payerRows.get(m.id)!;
    return {
      sessionId: session.id,
      sessionTitle: session.title,
      date,
      memberId: m.id,
      pseudonym: m.pseudonym,
      intervals: own,
      minutes: toMinutes(attendedMs(own)),
      modality,
      audioOnlyMinutes: toMinutes(attendedMs(modality.filter((i) => i.mode === 'audio-only'))),
      treatmentMinutes: displayMinutes(p.treatmentMs),
      breakMinutes: displayMinutes(p.breakMs),
      modifier: p.modifier,
      lateMinutes: p.lateByMs === null ? null : displayMinutes(p.lateByMs),
      leftEarlyMinutes: p.leftEarlyByMs === null ? null : displayMinutes(p.leftEarlyByMs),
    };
  });
}

/** When an ended session's log stops: its last event (an open interval ends there). */
const lastEvent = (events: readonly AttendanceEvent[]): number | null => (events.length ? Math.max(...events.map((e) => e.at)) : null);

/** Whether a session's day (in the cohort's zone) falls within `from`–`to` inclusive (YYYY-MM-DD). */
export function withinDays(at: number, timeZone: string, from: string, to: string): boolean {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return at >= startOfLocalDay(fy, fm, fd, timeZone) && at < startOfLocalDay(ty, tm, td + 1, timeZone);
}

/**
 * CSV for a spreadsheet or a billing system: one row per member per session, times on the
 * cohort's clock. No contact details, locations or notes: pseudonyms and minutes only.
 */
export function attendanceCsv(rows: readonly AttendanceRow[], timeZone: string): string {
  const header = [
    'date',
    'session',
    'member',
    'member_id',
    'first_in',
    'last_out',
    'minutes',
    'intervals',
    'audio_only_minutes',
    'modality',
    'treatment_minutes',
    'break_minutes',
    'modifier',
    'late_minutes',
    'left_early_minutes',
  ];
  const lines = rows.map((r) => {
    const first = r.intervals[0];
    const last = r.intervals.at(-1);
    return [
      r.date,
      r.sessionTitle,
      r.pseudonym,
      r.memberId,
      first ? localTime(first.from, timeZone) : '',
      last ? localTime(last.to, timeZone) : '',
      r.minutes.toFixed(1),
      r.intervals.map((i) => `${localTime(i.from, timeZone)}-${localTime(i.to, timeZone)}`).join(' '),
      r.audioOnlyMinutes.toFixed(1),
      r.modality.map((i) => `${localTime(i.from, timeZone)}-${localTime(i.to, timeZone)} ${i.mode}`).join(' '),
      r.treatmentMinutes.toFixed(1),
      r.breakMinutes.toFixed(1),
      r.modifier ?? '',
      r.lateMinutes?.toFixed(1) ?? '',
      r.leftEarlyMinutes?.toFixed(1) ?? '',
    ];
  });
  return [header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
