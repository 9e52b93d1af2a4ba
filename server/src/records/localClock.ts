import { localParts } from '@hearth/shared';

const pad = (n: number) => String(n).padStart(2, '0');

/** The day of `t` on a zone's clock, YYYY-MM-DD: a session's date of service. */
export function localDate(t: number, timeZone: string): string {
  const p = localParts(t, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The time of `t` on a zone's clock, HH:MM. */
export function localTime(t: number, timeZone: string): string {
  const p = localParts(t, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}
