import { zodResolver } from '@hookform/resolvers/zod';
import { RangeExportQuery } from '@hearth/shared';
import { Download, Printer } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { useLocation } from 'wouter';
import { z } from 'zod';
import { csvUrls } from '../../api/clinicApi';
import type { Cohort, Member } from '../../api/types';
import { lastDays } from './attendanceView';
import { Field, SelectField } from './Field';
import { paths } from './routes';

/** The export form: the range exports' query, and whose days (empty: the whole cohort). */
const ExportForm = z.intersection(RangeExportQuery, z.object({ member: z.string() }));
type ExportValues = z.input<typeof ExportForm>;

/**
 * Billing days over a range (docs/attendance-csv.md), as CSV or a printable page. Both are
 * disclosures (42 CFR Part 2): who receives them and why are asked before either.
 */
export function BillingDaysExport({ cohort, members }: { cohort: Cohort; members: readonly Member[] }) {
  const [, navigate] = useLocation();
  const form = useForm<ExportValues>({ resolver: zodResolver(ExportForm), defaultValues: { ...lastDays(Date.now(), cohort.timeZone), recipient: '', purpose: '', member: '' } });
  const { errors } = form.formState;

  const download = form.handleSubmit(({ member, ...query }) => {
    // A link the browser follows itself, so the file is saved with the cookie sent along.
    const link = document.createElement('a');
    link.href = csvUrls.billingDays(cohort.id, member || null, query);
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
  });
  const printable = form.handleSubmit(({ member, ...query }) => navigate(paths.billingDays(cohort.id, member || null, query)));

  return (
    <form className="card staff-form billing-export" noValidate aria-labelledby="billing-days-export" onSubmit={(e) => void download(e)}>
      <h3 id="billing-days-export">Billing days</h3>
      <p className="muted">
        Each participant’s days with treatment minutes, modifier, place of service and whether the day and the week meet the cohort’s billing profile.
      </p>
      <SelectField label="Whose days" {...form.register('member')}>
        <option value="">Everyone in the cohort</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.pseudonym}
          </option>
        ))}
      </SelectField>
      <div className="staff-field-row">
        <Field label="First day" type="date" error={errors.from?.message} {...form.register('from')} />
        <Field label="Last day" type="date" error={errors.to?.message} {...form.register('to')} />
      </div>
      <Field label="Recipient" hint="Who will receive it, for the accounting of disclosures." error={errors.recipient?.message} {...form.register('recipient')} />
      <Field label="Purpose" hint="Why it is disclosed, such as claims for March." error={errors.purpose?.message} {...form.register('purpose')} />
      <div className="staff-actions">
        <button type="submit" className="btn btn-primary">
          <Download aria-hidden="true" />
          Download billing CSV
        </button>
        <button type="button" className="btn" onClick={() => void printable()}>
          <Printer aria-hidden="true" />
          Open printable view
        </button>
      </div>
    </form>
  );
}
