/**
 * A cohort meets in its own time zone, which need not be the browser's: a clinician in
 * Denver may schedule a Chicago group. Times are shown on the cohort's clock; a start typed
 * on it is read by shared's localInputToIso (the new-session form's schema).
 */

import { isTimeZone } from '@hearth/shared';

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
