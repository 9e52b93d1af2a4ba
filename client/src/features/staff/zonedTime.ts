/**
 * A cohort meets in its own time zone, which need not be the browser's: a clinician in
 * Denver may schedule a Chicago group. These convert between a `datetime-local` value read
 * in the cohort's zone and an instant, with Intl alone.
 */

import { instantOfLocalTime, isTimeZone } from '@hearth/shared';

export { isTimeZone };

/** The browser's IANA zone, the default for a new cohort. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** IANA zone names the browser knows, for suggestions; empty where the browser cannot list them. */
export function knownTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * `2025-03-03T18:00` on the clock in `timeZone` → the ISO instant (UTC, `Z`). A time that
 * does not exist there (the skipped hour of a DST change) moves forward by the gap, as
 * clocks do. Undefined for anything that is not a datetime-local value.
 */
export function zonedInputToIso(value: string, timeZone: string): string | undefined {
  const m = LOCAL_INPUT.exec(value);
  if (!m || !isTimeZone(timeZone)) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map((s) => Number(s ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  return new Date(instantOfLocalTime(year, month, day, hour, minute, timeZone, second)).toISOString();
}

/** A time as people in `timeZone` read it, with the zone's short name: `Mon, Mar 3, 6:00 PM CST`. */
export function formatInZone(iso: string, timeZone: string, locale?: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(t);
}
