/**
 * The cut-off of a retention period: `months` calendar months before `now`, on UTC's calendar.
 * A day the earlier month lacks is clamped to its last day (31 August less 6 months is
 * 28 or 29 February), so the period is never shortened by a month's length.
 */
export function retentionCutoff(now: number, months: number): number {
  const t = new Date(now);
  const monthIndex = t.getUTCFullYear() * 12 + t.getUTCMonth() - months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(t.getUTCDate(), lastDay), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), t.getUTCMilliseconds());
}
