import { z } from 'zod';

/*
 * A cohort's billing profile: the thresholds its payer's rules set, which the attendance
 * records are judged against (server/src/records/payerRules.ts). A preset fills them in
 * from the published rules; the clinic may change any of them (a program's own contract
 * can be stricter), and the preset stays as the code the cohort bills.
 */

export const BILLING_CODES = ['H0015', 'S9480', '90853', 'custom'] as const;
export type BillingCode = (typeof BILLING_CODES)[number];

const MINUTES_A_DAY = 24 * 60;
const MINUTES_A_WEEK = 7 * MINUTES_A_DAY;

/** Whole minutes from `min` to `max`, or null for no such rule. */
const minutesOrNone = (what: string, min: number, max: number) => {
  const rule = `Enter ${what} in whole minutes, from ${min} to ${max}, or leave it empty.`;
  return z.number({ error: rule }).int(rule).min(min, rule).max(max, rule).nullable();
};

export const BillingProfile = z
  .strictObject({
    preset: z.enum(BILLING_CODES, { error: 'Choose H0015, S9480, 90853 or custom.' }),
    /** Treatment minutes a day must reach to count (H0015, S9480: 180); null = no daily minimum. */
    dailyMinimumMinutes: minutesOrNone('the daily minimum', 1, MINUTES_A_DAY),
    /** Treatment minutes a week must reach; null = none. */
    weeklyMinimumMinutes: minutesOrNone('the weekly minimum', 1, MINUTES_A_WEEK),
    /** Days a week that must meet the daily minimum (H0015: 3); null = none. */
    weeklyMinimumDays: z
      .number({ error: 'Enter the number of days, from 1 to 7, or leave it empty.' })
      .int('Enter the number of days, from 1 to 7, or leave it empty.')
      .min(1, 'Enter the number of days, from 1 to 7, or leave it empty.')
      .max(7, 'Enter the number of days, from 1 to 7, or leave it empty.')
      .nullable(),
    /** The largest group the payer pays for (90853: often 12); larger sessions are flagged, not refused. */
    groupSizeCap: z
      .number({ error: 'Enter the largest group size, from 2 to 100, or leave it empty.' })
      .int('Enter the largest group size, from 2 to 100, or leave it empty.')
      .min(2, 'Enter the largest group size, from 2 to 100, or leave it empty.')
      .max(100, 'Enter the largest group size, from 2 to 100, or leave it empty.')
      .nullable(),
    /** The console's quiet flag for a camera off longer than this; null = no flag. */
    cameraOffFlagMinutes: minutesOrNone('how long a camera may be off', 1, 720),
    /** Minutes after the scheduled start before an arrival counts as late. */
    lateGraceMinutes: z
      .number({ error: 'Enter the grace for late arrival in whole minutes, from 0 to 60.' })
      .int('Enter the grace for late arrival in whole minutes, from 0 to 60.')
      .min(0, 'Enter the grace for late arrival in whole minutes, from 0 to 60.')
      .max(60, 'Enter the grace for late arrival in whole minutes, from 0 to 60.')
      .default(5),
    /** The day the payer's week begins: 0 = Sunday … 6 = Saturday. US payers count Sunday–Saturday. */
    weekStartsOn: z
      .number({ error: 'Choose the day the week begins.' })
      .int('Choose the day the week begins.')
      .min(0, 'Choose the day the week begins.')
      .max(6, 'Choose the day the week begins.')
      .default(0),
  })
  // The weekly count is of days that meet the daily minimum, so without one it means nothing.
  .refine((p) => p.weeklyMinimumDays === null || p.dailyMinimumMinutes !== null, {
    message: 'Set a daily minimum too: the weekly days count days that meet it.',
    path: ['weeklyMinimumDays'],
  });
export type BillingProfile = z.output<typeof BillingProfile>;
export type BillingProfileInput = z.input<typeof BillingProfile>;

const NO_RULES = {
  dailyMinimumMinutes: null,
  weeklyMinimumMinutes: null,
  weeklyMinimumDays: null,
  groupSizeCap: null,
  cameraOffFlagMinutes: null,
  lateGraceMinutes: 5,
  weekStartsOn: 0,
} as const satisfies Omit<BillingProfile, 'preset'>;

/**
 * The published rules each code starts from. Breaks never count as treatment time under any
 * of them; that is not a setting.
 * - H0015 (substance-use IOP): at least 3 hours a day, at least 3 days a week meeting it.
 * - S9480 (psychiatric IOP, per diem): a day of at least 3 hours is one unit; a shorter day is
 *   billed as separate services. Programs that also want 9 hours a week set
 *   weeklyMinimumMinutes to 540.
 * - 90853 (group psychotherapy): per session per patient, no daily minimum; a group above 12 is
 *   flagged.
 */
export const BILLING_PRESETS: Readonly<Record<BillingCode, BillingProfile>> = {
  H0015: { ...NO_RULES, preset: 'H0015', dailyMinimumMinutes: 180, weeklyMinimumDays: 3 },
  S9480: { ...NO_RULES, preset: 'S9480', dailyMinimumMinutes: 180 },
  '90853': { ...NO_RULES, preset: '90853', groupSizeCap: 12 },
  custom: { ...NO_RULES, preset: 'custom' },
};

/** Sets the cohort's billing profile; null clears it (reports then judge by no rules: custom). */
export const BillingBody = z.strictObject({ billing: BillingProfile.nullable() });
export type BillingBodyInput = z.input<typeof BillingBody>;

/** The thresholds the cohort page's form edits, as its text fields hold them. */
export const BILLING_FORM_FIELDS = ['dailyMinimumMinutes', 'weeklyMinimumMinutes', 'weeklyMinimumDays', 'groupSizeCap'] as const;
export type BillingFormField = (typeof BILLING_FORM_FIELDS)[number];
export type BillingFormValues = { preset: BillingCode } & Record<BillingFormField, string>;

/** A profile's thresholds as the form shows them: empty for no such rule. */
export function billingFormValues(profile: BillingProfile): BillingFormValues {
  const text = (n: number | null) => (n === null ? '' : String(n));
  return {
    preset: profile.preset,
    dailyMinimumMinutes: text(profile.dailyMinimumMinutes),
    weeklyMinimumMinutes: text(profile.weeklyMinimumMinutes),
    weeklyMinimumDays: text(profile.weeklyMinimumDays),
    groupSizeCap: text(profile.groupSizeCap),
  };
}

/**
 * The billing form: text fields read as whole numbers (empty = no rule), then judged by
 * BillingProfile itself, so the form and the server refuse the same things with the same
 * words. Settings the form does not show (late grace, week start, camera flag) are kept
 * from `base`, the cohort's current profile or the preset's.
 */
export const billingForm = (base: BillingProfile) => {
  const text = z.string().trim();
  // Whole numbers stay numbers for BillingProfile to judge; anything else becomes NaN, which it refuses in its own words.
  const number = (value: string) => (!value ? null : /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN);
  return z
    .object({
      preset: z.enum(BILLING_CODES, { error: 'Choose H0015, S9480, 90853 or custom.' }),
      dailyMinimumMinutes: text,
      weeklyMinimumMinutes: text,
      weeklyMinimumDays: text,
      groupSizeCap: text,
    })
    .transform(
      (v): BillingProfileInput => ({
        ...base,
        preset: v.preset,
        dailyMinimumMinutes: number(v.dailyMinimumMinutes),
        weeklyMinimumMinutes: number(v.weeklyMinimumMinutes),
        weeklyMinimumDays: number(v.weeklyMinimumDays),
        groupSizeCap: number(v.groupSizeCap),
      }),
    )
    .pipe(BillingProfile);
};

/** The profile a cohort's records are judged by: its own, or no rules (custom) when it has none or holds one no longer valid. */
export function profileOrCustom(stored: unknown): BillingProfile {
  const parsed = BillingProfile.safeParse(stored);
  return parsed.success ? parsed.data : BILLING_PRESETS.custom;
}
