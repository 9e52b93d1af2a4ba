/**
 * Time-zone arithmetic with Intl alone, shared by the server (invite expiry) and the
 * client (a session's start typed on the cohort's clock). A cohort meets in its own zone,
 * so "the session's day" is a calendar day there, not in UTC or in the browser's zone.
 */

/** An IANA zone name (`Europe/Berlin`, `UTC`); offsets such as `+01:00` are refused. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of instant t in a zone (month 1–12). */
export function localParts(t: number, timeZone: string): LocalParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const { type, value } of format.formatToParts(t)) {
    if (type in parts) parts[type as keyof LocalParts] = Number(value);
  }
  return parts;
}

/** Local time minus UTC at instant t, in milliseconds. */
export function offsetAt(t: number, timeZone: string): number {
  const p = localParts(t, timeZone);
  const wholeSecond = Math.floor(t / 1000) * 1000;
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - wholeSecond;
}

/** The instant local midnight begins on that date (month 1–12; a day past month end rolls over). */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): number {
  const asIfUtc = Date.UTC(year, month - 1, day);
  // The offset at the guess may differ from the offset at midnight itself across a DST
  // change; one more step settles it.
  const first = asIfUtc - offsetAt(asIfUtc, timeZone);
  return asIfUtc - offsetAt(first, timeZone);
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * The instant a wall-clock time occurs on a date in a zone (month 1–12): "Mondays at 18:00
 * in Chicago" is 00:00 UTC in winter and 23:00 UTC in summer. A time skipped by a DST
 * change moves forward by the gap, as clocks do; a time that happens twice (clocks going
 * back) is its first occurrence.
 */
export function instantOfLocalTime(year: number, month: number, day: number, hour: number, minute: number, timeZone: string, second = 0): number {
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Near a DST change a wall time maps to the offset before or after it: try the offsets a
  // day either side and keep those that read back as the same wall time.
  const candidates = [-DAY_MS, 0, DAY_MS].map((d) => asIfUtc - offsetAt(asIfUtc + d, timeZone));
  const exact = candidates.filter((t) => t + offsetAt(t, timeZone) === asIfUtc);
  return exact.length > 0 ? Math.min(...exact) : Math.max(...candidates);
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * `2025-03-03T18:00` (a `datetime-local` value) on the clock in `timeZone` → the ISO
 * instant (UTC, `Z`): a clinician in Denver may schedule a Chicago group. A time that does
 * not exist there (the skipped hour of a DST change) moves forward by the gap, as clocks
 * do. Undefined for anything that is not such a value, or not a zone.
 */
export function localInputToIso(value: string, timeZone: string): string | undefined {
  const m = LOCAL_INPUT.exec(value);
  if (!m || !isTimeZone(timeZone)) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map((s) => Number(s ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  return new Date(instantOfLocalTime(year, month, day, hour, minute, timeZone, second)).toISOString();
}
