import { z } from 'zod';
import { DateRange } from './records.js';

/*
 * 42 CFR Part 2's accounting of disclosures, and the clinic's retention period. Every export
 * of a participant's data names who receives it and why; the server parses that (from the
 * export's query) before it builds anything, and keeps it in the disclosure log.
 */

/** Asked before any export of participants' data: who it goes to, and why. */
export const DisclosureRequest = z.object({
  recipient: z.string({ error: 'Say who receives it (a name or an organisation).' }).trim().min(1, 'Say who receives it (a name or an organisation).').max(200, 'At most 200 characters.'),
  purpose: z.string({ error: 'Say why it is disclosed.' }).trim().min(1, 'Say why it is disclosed.').max(500, 'At most 500 characters.'),
});
export type DisclosureRequest = z.output<typeof DisclosureRequest>;
export type DisclosureRequestInput = z.input<typeof DisclosureRequest>;

/** The range exports' query (billing days): the days and the disclosure, all required, judged together. */
export const RangeExportQuery = z.intersection(DateRange, DisclosureRequest);
export type RangeExportQueryInput = z.input<typeof RangeExportQuery>;

/** What was exported. Exports added later add their kind here. */
export const DISCLOSURE_KINDS = ['attendance-csv', 'billing-days', 'billing-days-csv', 'note-pdf', 'note-json'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

/** Whose accounting an admin reads: one member, over days on their cohort's clock (both included). */
export const AccountingQuery = z.object({ memberId: z.string().trim().min(1, 'Choose a participant.').max(100) }).and(DateRange);
export type AccountingQueryInput = z.input<typeof AccountingQuery>;

/** What one disclosure was of: a session, or a cohort over a range of days. */
export type DisclosedWhat = { kind: DisclosureKind; sessionId?: string; cohortId?: string; from?: string; to?: string };

/** One row of a participant's accounting, as the admin page and its CSV show it. */
export type DisclosureRow = {
  id: string;
  /** ISO 8601. */
  at: string;
  recipient: string;
  purpose: string;
  what: DisclosedWhat;
  /** A readable line for `what`: "Attendance CSV, Evening group (2026-03-02)". */
  description: string;
  byId: string;
  by: string | null;
};

export type Accounting = { memberId: string; pseudonym: string; timeZone: string; from: string; to: string; disclosures: DisclosureRow[] };

/**
 * The clinic's retention period in whole months; null keeps records for ever (the default).
 * HIPAA keeps documentation six years, so nothing shorter is taken.
 */
export const RETENTION_MIN_MONTHS = 72;
export const RetentionSettings = z.strictObject({
  months: z
    .number({ error: 'Give the period in whole months.' })
    .int('Give the period in whole months.')
    .min(RETENTION_MIN_MONTHS, 'Keep records at least 6 years (72 months).')
    .max(1200, 'At most 100 years.')
    .nullable(),
});
export type RetentionSettings = z.output<typeof RetentionSettings>;

/** How many records of each kind a purge removes (or removed): counts, never content. */
export type PurgeCounts = Record<string, number>;
export type PurgePreview = { months: number | null; cutoff: string | null; counts: PurgeCounts };

/** Purges what the preview showed: records whose session ended before `before` (never after the current cut-off). */
export const PurgeRequest = z.strictObject({ before: z.iso.datetime({ error: 'Preview the purge first.' }) });
export type PurgeRequest = z.output<typeof PurgeRequest>;
