import { describe, expect, it } from 'vitest';
import { BILLING_PRESETS, BillingProfile, billingForm, billingFormValues, profileOrCustom } from './billing.js';

const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } | undefined }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

const custom = { preset: 'custom', dailyMinimumMinutes: null, weeklyMinimumMinutes: null, weeklyMinimumDays: null, groupSizeCap: null, cameraOffFlagMinutes: null };

describe('BILLING_PRESETS', () => {
  it('holds the published rules: H0015 3 h a day on 3 days a week, S9480 3 h a day, 90853 a cap of 12', () => {
    expect(BILLING_PRESETS.H0015).toMatchObject({ preset: 'H0015', dailyMinimumMinutes: 180, weeklyMinimumDays: 3, weeklyMinimumMinutes: null, groupSizeCap: null });
    expect(BILLING_PRESETS.S9480).toMatchObject({ preset: 'S9480', dailyMinimumMinutes: 180, weeklyMinimumDays: null, weeklyMinimumMinutes: null, groupSizeCap: null });
    expect(BILLING_PRESETS['90853']).toMatchObject({ preset: '90853', dailyMinimumMinutes: null, weeklyMinimumDays: null, weeklyMinimumMinutes: null, groupSizeCap: 12 });
    expect(BILLING_PRESETS.custom).toMatchObject({ preset: 'custom', dailyMinimumMinutes: null, weeklyMinimumDays: null, groupSizeCap: null });
  });

  it('count a US payer’s week from Sunday, allow 5 minutes before an arrival is late, and flag no camera by default', () => {
    for (const preset of Object.values(BILLING_PRESETS)) {
      expect(preset).toMatchObject({ weekStartsOn: 0, lateGraceMinutes: 5, cameraOffFlagMinutes: null });
    }
  });

  it('are each a profile the schema takes as it is', () => {
    for (const preset of Object.values(BILLING_PRESETS)) expect(BillingProfile.parse(preset)).toEqual(preset);
  });
});

describe('BillingProfile', () => {
  it('fills in a 5-minute grace and a Sunday week when they are left out', () => {
    expect(BillingProfile.parse(custom)).toEqual({ ...custom, lateGraceMinutes: 5, weekStartsOn: 0 });
    expect(BillingProfile.parse({ ...custom, lateGraceMinutes: 0, weekStartsOn: 1 })).toMatchObject({ lateGraceMinutes: 0, weekStartsOn: 1 });
  });

  it('lets a clinic tighten a preset: S9480 with 9 hours a week, a camera flag after 10 minutes', () => {
    const tuned = { ...BILLING_PRESETS.S9480, weeklyMinimumMinutes: 540, cameraOffFlagMinutes: 10 };
    expect(BillingProfile.parse(tuned)).toEqual(tuned);
  });

  it('refuses a code it does not know and says which it takes', () => {
    expect(messages(BillingProfile.safeParse({ ...custom, preset: 'H2019' }))).toEqual({ preset: 'Choose H0015, S9480, 90853 or custom.' });
  });

  it('takes whole minutes within a day, a week, 1–7 days, a group of 2–100, and says so in words', () => {
    expect(
      messages(
        BillingProfile.safeParse({
          ...custom,
          dailyMinimumMinutes: 1441,
          weeklyMinimumMinutes: 0,
          weeklyMinimumDays: 8,
          groupSizeCap: 1,
          cameraOffFlagMinutes: 2.5,
          lateGraceMinutes: 61,
          weekStartsOn: 7,
        }),
      ),
    ).toEqual({
      dailyMinimumMinutes: 'Enter the daily minimum in whole minutes, from 1 to 1440, or leave it empty.',
      weeklyMinimumMinutes: 'Enter the weekly minimum in whole minutes, from 1 to 10080, or leave it empty.',
      weeklyMinimumDays: 'Enter the number of days, from 1 to 7, or leave it empty.',
      groupSizeCap: 'Enter the largest group size, from 2 to 100, or leave it empty.',
      cameraOffFlagMinutes: 'Enter how long a camera may be off in whole minutes, from 1 to 720, or leave it empty.',
      lateGraceMinutes: 'Enter the grace for late arrival in whole minutes, from 0 to 60.',
      weekStartsOn: 'Choose the day the week begins.',
    });
    expect(BillingProfile.safeParse({ ...custom, dailyMinimumMinutes: 1440, weeklyMinimumMinutes: 10080, weeklyMinimumDays: 7, groupSizeCap: 100 }).success).toBe(true);
    expect(BillingProfile.safeParse({ ...custom, dailyMinimumMinutes: '180' }).success).toBe(false);
  });

  it('refuses a weekly count of days without the daily minimum those days must meet', () => {
    expect(messages(BillingProfile.safeParse({ ...custom, weeklyMinimumDays: 3 }))).toEqual({
      weeklyMinimumDays: 'Set a daily minimum too: the weekly days count days that meet it.',
    });
  });

  it('refuses fields it does not know, so a typo is not silently dropped', () => {
    expect(BillingProfile.safeParse({ ...custom, dailyMinimum: 180 }).success).toBe(false);
  });
});

describe('the cohort page\'s billing form', () => {
  const h0015 = BILLING_PRESETS.H0015;

  it('reads its text fields as whole minutes, empty as no rule, keeping the settings it does not show', () => {
    const base = { ...h0015, lateGraceMinutes: 10, weekStartsOn: 1 };
    const values = { ...billingFormValues(h0015), weeklyMinimumMinutes: ' 540 ', groupSizeCap: '' };
    expect(billingForm(base).parse(values)).toEqual({ ...base, weeklyMinimumMinutes: 540, groupSizeCap: null });
    expect(billingFormValues(BILLING_PRESETS['90853'])).toEqual({ preset: '90853', dailyMinimumMinutes: '', weeklyMinimumMinutes: '', weeklyMinimumDays: '', groupSizeCap: '12' });
  });

  it('refuses what the server refuses, with the same words', () => {
    const result = billingForm(h0015).safeParse({ ...billingFormValues(h0015), dailyMinimumMinutes: '179.5', groupSizeCap: 'twelve' });
    expect(messages(result)).toEqual({
      dailyMinimumMinutes: 'Enter the daily minimum in whole minutes, from 1 to 1440, or leave it empty.',
      groupSizeCap: 'Enter the largest group size, from 2 to 100, or leave it empty.',
    });
    expect(messages(billingForm(h0015).safeParse({ ...billingFormValues(h0015), dailyMinimumMinutes: '' }))).toEqual({
      weeklyMinimumDays: 'Set a daily minimum too: the weekly days count days that meet it.',
    });
  });

  it('judges a cohort with no profile, or one stored before a rule changed, by no rules', () => {
    expect(profileOrCustom(undefined)).toEqual(BILLING_PRESETS.custom);
    expect(profileOrCustom({ preset: 'H0015' })).toEqual(BILLING_PRESETS.custom);
    expect(profileOrCustom(h0015)).toEqual(h0015);
  });
});
