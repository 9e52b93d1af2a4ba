import type { CohortSchedule } from '../../api/types';

/** Weekday numbers as the API has them (0 = Sunday), in the order a clinic's week reads: Monday first. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export const WEEKDAY_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** In week order, each once. */
export function weekOrder(weekdays: readonly number[]): number[] {
  return WEEK_ORDER.filter((d) => weekdays.includes(d));
}

/** "Mon, Wed, Thu at 18:00 for 180 min, America/Chicago time": the times are the cohort's, whoever reads them. */
export function describeSchedule(schedule: CohortSchedule, timeZone: string): string {
  const days = weekOrder(schedule.weekdays)
    .map((d) => WEEKDAY_SHORT[d])
    .join(', ');
  return `${days} at ${schedule.startTime} for ${schedule.durationMinutes} min, ${timeZone} time`;
}
