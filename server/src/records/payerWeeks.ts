import { startOfLocalDay, type BillingProfile } from '@hearth/shared';
import type { ParticipantSession } from './payerRules.js';

/*
 * Attendance as a payer reads it, per participant per day and per week, from the session rows
 * of payerRules.ts. A session counts on its date of service (its day on the cohort's clock),
 * whole, even if it runs past midnight: a claim line has one date. Weeks are runs of those
 * dates from the profile's first weekday, so a DST change moves no session into another week.
 */

export type ParticipantDay = {
  memberId: string;
  /** YYYY-MM-DD on the cohort's clock. */
  date: string;
  /** Across the day's sessions: admitted minus breaks. */
  treatmentMs: number;
  breakMs: number;
  sessionsAttended: number;
  /** Whether treatment time reached the profile's daily minimum; null when it has none. */
  meetsDailyMinimum: boolean | null;
  /**
   * S9480: 1 for a day attended that meets the daily minimum (any day attended, with none); a
   * shorter day is billed as separate services. 90853: 1 per session attended.
   */
  units: { S9480: 0 | 1; '90853': number };
};

export type ParticipantWeek = {
  memberId: string;
  /** The week's first day, YYYY-MM-DD on the cohort's clock. */
  weekStart: string;
  /** The week as instants [from, to): 167 or 169 hours when it holds a DST change. */
  from: number;
  to: number;
  treatmentMs: number;
  daysAttended: number;
  /** Null when the profile has no daily minimum. */
  daysMeetingDailyMinimum: number | null;
  /** Both weekly rules that are set are met; null when the profile sets neither. */
  meetsWeeklyMinimum: boolean | null;
};

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The one rounding rule: time reaches a minimum when its exact ms reach minutes × 60 000.
 * 180 minutes meets 180; 179 min 59.999 s does not. Minutes are never rounded first, since
 * rounding would bill a day a payer's auditor, adding the intervals up, finds short.
 */
export function reachesMinutes(ms: number, minutes: number): boolean {
  return ms >= minutes * MINUTE;
}

/** Each participant's days, from their session rows (sorted by member, then date). */
export function participantDays(sessions: readonly ParticipantSession[], profile: BillingProfile): ParticipantDay[] {
  const groups = groupBy(sessions, (s) => `${s.memberId}\u0000${s.date}`);
  return [...groups.values()].sort(byMemberThen((s) => s[0]!.date)).map((rows) => {
    const treatmentMs = sum(rows.map((r) => r.treatmentMs));
    const sessionsAttended = rows.filter((r) => r.attended).length;
    const minimum = profile.dailyMinimumMinutes;
    const meetsDailyMinimum = minimum === null ? null : reachesMinutes(treatmentMs, minimum);
    return {
      memberId: rows[0]!.memberId,
      date: rows[0]!.date,
      treatmentMs,
      breakMs: sum(rows.map((r) => r.breakMs)),
      sessionsAttended,
      meetsDailyMinimum,
      units: { S9480: sessionsAttended > 0 && meetsDailyMinimum !== false ? 1 : 0, '90853': sessionsAttended },
    };
  });
}

/** Each participant's weeks, from their days (sorted by member, then week). */
export function participantWeeks(days: readonly ParticipantDay[], profile: BillingProfile, timeZone: string): ParticipantWeek[] {
  const groups = groupBy(days, (d) => `${d.memberId}\u0000${weekStartOf(d.date, profile.weekStartsOn)}`);
  return [...groups.values()].sort(byMemberThen((d) => d[0]!.date)).map((rows) => {
    const weekStart = weekStartOf(rows[0]!.date, profile.weekStartsOn);
    const [y, m, d] = weekStart.split('-').map(Number) as [number, number, number];
    const treatmentMs = sum(rows.map((r) => r.treatmentMs));
    const daysMeetingDailyMinimum = profile.dailyMinimumMinutes === null ? null : rows.filter((r) => r.meetsDailyMinimum).length;
    const { weeklyMinimumDays, weeklyMinimumMinutes } = profile;
    const meetsWeeklyMinimum =
      weeklyMinimumDays === null && weeklyMinimumMinutes === null
        ? null
        : (weeklyMinimumDays === null || (daysMeetingDailyMinimum ?? 0) >= weeklyMinimumDays) &&
          (weeklyMinimumMinutes === null || reachesMinutes(treatmentMs, weeklyMinimumMinutes));
    return {
      memberId: rows[0]!.memberId,
      weekStart,
      from: startOfLocalDay(y, m, d, timeZone),
      to: startOfLocalDay(y, m, d + 7, timeZone),
      treatmentMs,
      daysAttended: rows.filter((r) => r.sessionsAttended > 0).length,
      daysMeetingDailyMinimum,
      meetsWeeklyMinimum,
    };
  });
}

/** The first day of the week holding `date` (both YYYY-MM-DD): calendar arithmetic, no zone. */
export function weekStartOf(date: string, weekStartsOn: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const noonUtc = Date.UTC(y, m - 1, d, 12);
  const back = (new Date(noonUtc).getUTCDay() - weekStartsOn + 7) % 7;
  return new Date(noonUtc - back * DAY).toISOString().slice(0, 10);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function byMemberThen<T extends { memberId: string }>(second: (rows: T[]) => string) {
  return (a: T[], b: T[]) => a[0]!.memberId.localeCompare(b[0]!.memberId) || second(a).localeCompare(second(b));
}
