import type { BillingDay, BillingProfile } from '@hearth/shared';
import { displayMinutes, type ParticipantSession, type PlaceOfService, type TelehealthModifier } from './payerRules.js';
import { participantDays, participantWeeks, weekStartOf } from './payerWeeks.js';
import { csvCell } from './attendanceReport.js';

/*
 * The range exports (docs/attendance-csv.md): one row per participant per day of service,
 * with the payer week that day falls in beside it. A week is judged whole, even where the
 * range cuts it: a range ending on a Tuesday still shows whether that week met its minimum,
 * so the caller hands in the sessions of every week the range touches (weeksAround).
 */

const DAY = 86_400_000;

/** The first day of the first week and the last day of the last week the range touches (YYYY-MM-DD). */
export function weeksAround(from: string, to: string, profile: BillingProfile): { from: string; to: string } {
  const lastWeek = Date.parse(`${weekStartOf(to, profile.weekStartsOn)}T12:00:00Z`);
  return { from: weekStartOf(from, profile.weekStartsOn), to: new Date(lastWeek + 6 * DAY).toISOString().slice(0, 10) };
}

/** The larger share wins; a tie goes to the cautious code (93, 02), as a session's does in payerRules.ts. */
const modifierOf = (rows: readonly ParticipantSession[]): TelehealthModifier | null => {
  const video = sum(rows.map((r) => r.modalityMs.video));
  const audio = sum(rows.map((r) => r.modalityMs['audio-only']));
  return video + audio === 0 ? null : video > audio ? '95' : '93';
};
const placeOf = (rows: readonly ParticipantSession[]): PlaceOfService | null => {
  const home = sum(rows.map((r) => r.placeMs['10']));
  const elsewhere = sum(rows.map((r) => r.placeMs['02']));
  return home + elsewhere === 0 ? null : home > elsewhere ? '10' : '02';
};

/**
 * Each participant's days from `from` to `to` (both included), sorted by pseudonym then date.
 * `sessions` are the rows of every session held in the weeks around the range (absences
 * included, so a day a participant missed shows with no time); `pseudonyms` names them.
 */
export function billingDays(
  sessions: readonly ParticipantSession[],
  pseudonyms: ReadonlyMap<string, string>,
  profile: BillingProfile,
  timeZone: string,
  range: { from: string; to: string },
): BillingDay[] {
  const days = participantDays(sessions, profile);
  const weeks = new Map(participantWeeks(days, profile, timeZone).map((w) => [`${w.memberId}\u0000${w.weekStart}`, w]));
  const byDay = new Map<string, ParticipantSession[]>();
  for (const s of sessions) byDay.set(`${s.memberId}\u0000${s.date}`, [...(byDay.get(`${s.memberId}\u0000${s.date}`) ?? []), s]);
  return days
    .filter((d) => d.date >= range.from && d.date <= range.to)
    .map((d) => {
      const rows = byDay.get(`${d.memberId}\u0000${d.date}`) ?? [];
      const weekStart = weekStartOf(d.date, profile.weekStartsOn);
      const week = weeks.get(`${d.memberId}\u0000${weekStart}`)!;
      return {
        date: d.date,
        memberId: d.memberId,
        pseudonym: pseudonyms.get(d.memberId) ?? '',
        sessionsHeld: rows.length,
        sessionsAttended: d.sessionsAttended,
        treatmentMinutes: displayMinutes(d.treatmentMs),
        breakMinutes: displayMinutes(d.breakMs),
        modifier: modifierOf(rows),
        placeOfService: placeOf(rows),
        meetsDailyMinimum: d.meetsDailyMinimum,
        weekStart,
        weekTreatmentMinutes: displayMinutes(week.treatmentMs),
        weekDaysAttended: week.daysAttended,
        weekDaysMeetingDailyMinimum: week.daysMeetingDailyMinimum,
        meetsWeeklyMinimum: week.meetsWeeklyMinimum,
      };
    })
    // As people read it: by name (ids break a tie between two of the same name), then day.
    .sort((a, b) => a.pseudonym.localeCompare(b.pseudonym) || a.memberId.localeCompare(b.memberId) || a.date.localeCompare(b.date));
}

const yesNo = (b: boolean | null) => (b === null ? '' : b ? 'yes' : 'no');

/** The columns docs/attendance-csv.md lists, in its order. */
export const BILLING_DAYS_COLUMNS = [
  'date',
  'member',
  'member_id',
  'billing_code',
  'sessions_held',
  'sessions_attended',
  'treatment_minutes',
  'break_minutes',
  'modifier',
  'place_of_service',
  'meets_daily_minimum',
  'week_start',
  'week_treatment_minutes',
  'week_days_attended',
  'week_days_meeting_daily_minimum',
  'meets_weekly_minimum',
] as const;

/** The cells of one day, in BILLING_DAYS_COLUMNS's order. */
export function billingDayCells(d: BillingDay, profile: BillingProfile): string[] {
  return [
    d.date,
    d.pseudonym,
    d.memberId,
    profile.preset,
    String(d.sessionsHeld),
    String(d.sessionsAttended),
    d.treatmentMinutes.toFixed(1),
    d.breakMinutes.toFixed(1),
    d.modifier ?? '',
    d.placeOfService ?? '',
    yesNo(d.meetsDailyMinimum),
    d.weekStart,
    d.weekTreatmentMinutes.toFixed(1),
    String(d.weekDaysAttended),
    d.weekDaysMeetingDailyMinimum === null ? '' : String(d.weekDaysMeetingDailyMinimum),
    yesNo(d.meetsWeeklyMinimum),
  ];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** CSV of the days, with the header docs/attendance-csv.md explains. */
export function billingDaysCsv(days: readonly BillingDay[], profile: BillingProfile): string {
  return [[...BILLING_DAYS_COLUMNS], ...days.map((d) => billingDayCells(d, profile))].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
