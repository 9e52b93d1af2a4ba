import type { AuditVerification } from '../../api/types';

/** The first characters of an id: enough to tell sessions apart on a screen. */
export const shortId = (id: string, length = 8): string => (id.length > length ? `${id.slice(0, length)}…` : id);

/** When an entry was written, on the reader's own clock (the log spans every cohort's zone). */
export function auditTime(iso: string, locale?: string, timeZone?: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(t);
}

/** "Intact: 42 entries" or "Broken at entry 7: entry 7 was altered after it was written". */
export function verificationText(result: AuditVerification): string {
  if (result.ok) return `Intact: ${result.count} ${result.count === 1 ? 'entry' : 'entries'}`;
  return `Broken at entry ${result.brokenAt}: ${result.reason}`;
}
