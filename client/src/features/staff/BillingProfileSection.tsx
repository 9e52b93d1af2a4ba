import { zodResolver } from '@hookform/resolvers/zod';
import { BILLING_PRESETS, billingForm, billingFormValues, type BillingCode, type BillingFormValues, type BillingProfile } from '@hearth/shared';
import { useForm } from 'react-hook-form';
import type { Cohort } from '../../api/types';
import { Field, SelectField } from './Field';
import { FormMessage } from './FormMessage';
import { useStaff } from './staffContext';
import { useOutcome } from './useOutcome';

const PRESET_LABEL: Record<BillingCode, string> = {
  H0015: 'H0015 — intensive outpatient, substance use',
  S9480: 'S9480 — intensive outpatient, psychiatric (per day)',
  '90853': '90853 only — group psychotherapy (per session)',
  custom: 'Custom — the clinic’s own thresholds',
};

/** What each preset asks, in words, beside the picker. */
export function describeProfile(p: BillingProfile): string {
  const rules = [
    p.dailyMinimumMinutes !== null && `at least ${p.dailyMinimumMinutes} treatment minutes a day`,
    p.weeklyMinimumDays !== null && `${p.weeklyMinimumDays} such days a week`,
    p.weeklyMinimumMinutes !== null && `${p.weeklyMinimumMinutes} minutes a week`,
    p.groupSizeCap !== null && `groups of at most ${p.groupSizeCap}`,
  ].filter(Boolean);
  return rules.length ? `${p.preset}: ${rules.join(', ')}. Breaks never count.` : `${p.preset}: no thresholds; attendance is reported, nothing is judged. Breaks never count.`;
}

/**
 * The cohort's billing profile: a preset from the published rules, whose thresholds the
 * clinic may change (its contract can be stricter). Checked with the schema the server
 * parses it with; the exports judge days and weeks by what is saved here.
 */
export function BillingProfileSection({ cohort, onSaved }: { cohort: Cohort; onSaved: (cohort: Cohort) => void }) {
  const { api } = useStaff();
  const current = cohort.billing ?? BILLING_PRESETS.custom;
  const form = useForm<BillingFormValues, unknown, BillingProfile>({ resolver: zodResolver(billingForm(current)), defaultValues: billingFormValues(current) });
  const { errors, isSubmitting } = form.formState;
  const { outcome, run, clear } = useOutcome();
  const preset = form.watch('preset');

  const save = form.handleSubmit(
    (billing) =>
      run(async () => {
        onSaved(await api.setBilling(cohort.id, billing));
        return `Billing profile saved: ${describeProfile(billing)}`;
      }),
    clear,
  );
  const choose = (code: BillingCode) => form.reset(billingFormValues(BILLING_PRESETS[code]), { keepDefaultValues: true });
  const presetField = form.register('preset');

  return (
    <section aria-labelledby="billing-profile" className="staff-split">
      <div className="staff-section">
        <h2 id="billing-profile" className="visually-hidden">
          Billing
        </h2>
        <div className="card staff-schedule-summary">
          <p data-testid="billing-summary">{cohort.billing ? describeProfile(cohort.billing) : 'No billing profile yet: attendance is reported, nothing is judged.'}</p>
          <p className="muted">
            The billing-days export and its printable view (Attendance tab) judge each participant’s days and weeks by this profile; the session export flags
            a group above its size cap.
          </p>
        </div>
      </div>
      <div className="staff-side">
        <form className="card staff-form" noValidate onSubmit={(e) => void save(e)} aria-labelledby="billing-profile-form">
          <h3 id="billing-profile-form">Billing profile</h3>
          <SelectField
            label="Billing code"
            error={errors.preset?.message}
            {...presetField}
            onChange={(e) => {
              void presetField.onChange(e);
              choose(e.target.value as BillingCode);
            }}
          >
            {(Object.keys(PRESET_LABEL) as BillingCode[]).map((code) => (
              <option key={code} value={code}>
                {PRESET_LABEL[code]}
              </option>
            ))}
          </SelectField>
          <p className="field-hint">Choosing a code fills in its published thresholds; change any of them to your program’s contract. Leave a field empty for no such rule.</p>
          <div className="staff-field-row">
            <Field label="Daily minimum (minutes)" inputMode="numeric" error={errors.dailyMinimumMinutes?.message} {...form.register('dailyMinimumMinutes')} />
            <Field label="Weekly minimum (minutes)" inputMode="numeric" error={errors.weeklyMinimumMinutes?.message} {...form.register('weeklyMinimumMinutes')} />
          </div>
          <div className="staff-field-row">
            <Field
              label="Weekly minimum days"
              inputMode="numeric"
              hint="Days meeting the daily minimum."
              error={errors.weeklyMinimumDays?.message}
              {...form.register('weeklyMinimumDays')}
            />
            <Field label="Group size cap" inputMode="numeric" hint="Larger sessions are flagged." error={errors.groupSizeCap?.message} {...form.register('groupSizeCap')} />
          </div>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : `Save ${preset} profile`}
          </button>
          <FormMessage error={outcome.error} status={outcome.status} />
        </form>
      </div>
    </section>
  );
}
