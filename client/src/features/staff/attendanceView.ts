import { localParts } from '@hearth/shared';
import { isApiError } from '../../api/ApiError';
import { errorMessage } from '../../api/errorMessage';

/**
 * Attendance as a clinic reads it: days and clock times on the cohort's clock (as in the
 * CSV), minutes to one decimal place.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The default report: the last `days` days up to today in the cohort's zone, both included. */
export function lastDays(now: number, timeZone: string, days = 30): { from: string; to: string } {
  const today = localParts(now, timeZone);
  // Calendar arithmetic only: Date.UTC rolls a day before the 1st back into the month before.
  const first = new Date(Date.UTC(today.year, today.month - 1, today.day - (days - 1)));
  return {
    from: `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-${pad(first.getUTCDate())}`,
    to: `${today.year}-${pad(today.month)}-${pad(today.day)}`,
  };
}

/** `18:02` on the cohort's clock. */
export function clockTime(iso: string, timeZone: string): string {
  const p = localParts(Date.parse(iso), timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** `18:02–18:45, 18:50–19:30`; empty for someone who was not there. */
export function intervalsText(intervals: readonly { from: string; to: string }[], timeZone: string): string {
  return intervals.map((i) => `${clockTime(i.from, timeZone)}–${clockTime(i.to, timeZone)}`).join(', ');
}

export const minutesText = (minutes: number): string => `${minutes.toFixed(1)} min`;

/** "2 of 3 members attended, 95.0 min in all": the session's record at a glance. */
export function attendanceSummary(rows: readonly { intervals: readonly unknown[]; minutes: number }[]): string {
  const present = rows.filter((r) => r.intervals.length > 0);
  const total = present.reduce((sum, r) => sum + r.minutes, 0);
  const members = rows.length === 1 ? 'member' : 'members';
  if (present.length === 0) return `None of the ${rows.length} ${members} attended.`;
  return `${present.length} of ${rows.length} ${members} attended, ${minutesText(total)} in all.`;
}

/**
 * Why a report could not be made. A refused date range is explained in the server's own
 * words (zod's `✖ problem` lines, written for people in shared/src/api/records.ts, each
 * naming the day it is about); anything else gets the usual words.
 */
export function reportProblem(err: unknown): string {
  if (!isApiError(err) || err.code !== 'INVALID_PAYLOAD') return errorMessage(err);
  const problems = err.serverMessage
    .split('\n')
    .map((line) => /^\s*✖\s*(.+)$/.exec(line)?.[1]?.trim())
    .filter((problem): problem is string => Boolean(problem));
  if (problems.length === 0) return errorMessage(err);
  return problems.map((p) => `${p.charAt(0).toUpperCase()}${p.slice(1)}${/[.!?]$/.test(p) ? '' : '.'}`).join(' ');
}
