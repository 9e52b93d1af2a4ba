import { z } from 'zod';

/*
 * The query of the attendance reports: a range of days on the cohort's clock, both
 * included. The server parses the query with it; the cohort page's date form too.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const day = (missing: string) =>
  z
    .string()
    // Each check stops the rest: one message per field, and the range is judged only on real days.
    .regex(DAY, { message: missing, abort: true })
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), { message: 'Choose a day that exists on the calendar.', abort: true });

export const DateRange = z
  .object({ from: day('Choose the first day.'), to: day('Choose the last day.') })
  .refine(({ from, to }) => from <= to, { message: 'The last day must not be before the first.', path: ['to'] })
  .refine(({ from, to }) => Date.parse(to) - Date.parse(from) <= 366 * DAY_MS, { message: 'Choose at most a year at a time.', path: ['to'] });
export type DateRangeInput = z.input<typeof DateRange>;
