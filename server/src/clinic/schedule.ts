import { instantOfLocalTime, localParts } from '@hearth/shared';
import type { CohortSchedule } from '../store/ClinicStore.js';

/** English weekday names by `Date#getDay` number (0 = Sunday), for session titles. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** One meeting of a weekly schedule: when it starts, and on which local weekday. */
export type Meeting = { start: number; weekday: number };

/**
 * The schedule's meetings in the `weeks` weeks from today, today being the calendar day of
 * `now` in the cohort's zone: each start is the schedule's wall-clock time on that day
 * there, so an 18:00 group stays at 18:00 across a DST change. A meeting that has already
 * begun is left out: it is too late to schedule it.
 */
export function upcomingMeetings(schedule: CohortSchedule, timeZone: string, now: number, weeks: number): Meeting[] {
  const today = localParts(now, timeZone);
  const [hour = 0, minute = 0] = schedule.startTime.split(':').map(Number);
  const meetings: Meeting[] = [];
  for (let i = 0; i < weeks * 7; i += 1) {
    // Calendar arithmetic only (Date.UTC rolls days into months and years); no zone here.
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + i));
    const weekday = date.getUTCDay();
    if (!schedule.weekdays.includes(weekday)) continue;
    const start = instantOfLocalTime(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, minute, timeZone);
    if (start > now) meetings.push({ start, weekday });
  }
  return meetings;
}

/** "Monday group": what a scheduled session is called, by its local weekday. */
export const meetingTitle = (weekday: number): string => `${WEEKDAY_NAMES[weekday] ?? 'Weekly'} group`;
