import { localParts } from '@hearth/shared';

const DAY_MS = 24 * 60 * 60_000;

/** Days from `now` to `at` as calendars in the zone count them (0 today, 1 tomorrow, -1 yesterday). */
function calendarDaysBetween(now: number, at: number, timeZone: string): number {
  const day = (t: number) => {
    const p = localParts(t, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;
  };
  return day(at) - day(now);
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([timeZone, options]);
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    formats.set(key, f);
  }
  return f;
}

/** "Chicago time" for America/Chicago: the zone a reader in another one is told about. */
function zoneName(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  return `${(timeZone.split('/').at(-1) ?? timeZone).replaceAll('_', ' ')} time`;
}

/**
 * When a session starts, in words, on the group's clock: "today at 18:00", "tomorrow at
 * 18:00", "Thursday 6 March at 18:00". A reader whose own clock is in another zone is told
 * which one it is ("… at 18:00, Chicago time"), so nobody turns up an hour late.
 */
export function describeStart(at: number, timeZone: string, now: number, readerZone?: string): string {
  const time = formatter(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const days = calendarDaysBetween(now, at, timeZone);
  const day =
    days === 0
      ? 'today'
      : days === 1
        ? 'tomorrow'
        : days === -1
          ? 'yesterday'
          : days > 1 && days < 7
            ? formatter(timeZone, { weekday: 'long' }).format(at)
            : formatter(timeZone, { weekday: 'long', day: 'numeric', month: 'long' }).format(at).replace(',', '');
  const elsewhere = readerZone !== undefined && readerZone !== timeZone && offsetsDiffer(at, timeZone, readerZone);
  return `${day} at ${time}${elsewhere ? `, ${zoneName(timeZone)}` : ''}`;
}

function offsetsDiffer(at: number, a: string, b: string): boolean {
  const pa = localParts(at, a);
  const pb = localParts(at, b);
  return pa.hour !== pb.hour || pa.minute !== pb.minute || pa.day !== pb.day;
}

/** The browser's own zone, when it says. */
export function readerTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
