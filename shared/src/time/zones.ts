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
