import { useEffect, useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { AccountingQuery, type Accounting, type AccountingQueryInput } from '@hearth/shared';
import { Download, Printer } from 'lucide-react';
import { useForm } from 'react-hook-form';
import { csvUrls } from '../../api/clinicApi';
import { errorMessage } from '../../api/errorMessage';
import type { Cohort, Member } from '../../api/types';
import { lastDays } from './attendanceView';
import { auditTime } from './auditView';
import { Field, SelectField } from './Field';
import { useStaff } from './staffContext';
import { usePageHeading } from './usePageHeading';

const ADMINS_ONLY = 'Only clinic admins can read the accounting of disclosures.';

/**
 * /clinic/disclosures: 42 CFR Part 2's accounting of disclosures for one participant over a
 * range of days: every export that held their data, to whom, why, and by whom. Printable,
 * and as a CSV. Admins only (the server enforces it).
 */
export function DisclosuresPage() {
  const { account } = useStaff();
  const heading = usePageHeading('Accounting of disclosures');
  return (
    <main className="staff-page staff-disclosures">
      <header className="staff-page-head">
        <h1 ref={heading} tabIndex={-1}>
          Accounting of disclosures
        </h1>
      </header>
      {account.role === 'admin' ? <AccountingForm /> : <p className="notice notice-info">{ADMINS_ONLY}</p>}
    </main>
  );
}

function AccountingForm() {
  const { api } = useStaff();
  const [cohorts, setCohorts] = useState<Cohort[]>([]);
  const [cohortId, setCohortId] = useState('');
  const [members, setMembers] = useState<Member[]>([]);
  const [shown, setShown] = useState<{ accounting?: Accounting; error?: string }>({});
  const form = useForm<AccountingQueryInput>({ resolver: zodResolver(AccountingQuery), defaultValues: { memberId: '', ...lastDays(Date.now(), 'UTC', 365) } });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    void api.cohorts().then((list) => {
      setCohorts(list);
      setCohortId((current) => current || (list[0]?.id ?? ''));
    }, (err: unknown) => setShown({ error: errorMessage(err) }));
  }, [api]);
  useEffect(() => {
    if (!cohortId) return;
    void api.members(cohortId).then((list) => {
      setMembers(list);
      form.setValue('memberId', list[0]?.id ?? '');
    }, (err: unknown) => setShown({ error: errorMessage(err) }));
  }, [api, cohortId, form]);

  const show = form.handleSubmit(async (query) => {
    try {
      setShown({ accounting: await api.accounting(query.memberId, query.from, query.to) });
    } catch (err) {
      setShown({ error: errorMessage(err) });
    }
  });

  return (
    <>
      <p className="staff-lead">
        Every export of a participant’s records (attendance, notes) names who received it and why. This is the list a participant may ask for;
        it is kept six years from each disclosure and never purged.
      </p>
      <form className="card staff-range staff-no-print" noValidate onSubmit={(e) => void show(e)} aria-label="Whose disclosures">
        <SelectField label="Cohort" value={cohortId} onChange={(e) => setCohortId(e.target.value)}>
          {cohorts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Participant" error={errors.memberId?.message} {...form.register('memberId')}>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.pseudonym}
            </option>
          ))}
        </SelectField>
        <Field label="From" type="date" error={errors.from?.message} {...form.register('from')} />
        <Field label="To" type="date" error={errors.to?.message} {...form.register('to')} />
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          Show
        </button>
      </form>
      {shown.error && (
        <p role="alert" className="notice notice-error">
          {shown.error}
        </p>
      )}
      {shown.accounting && <AccountingTable accounting={shown.accounting} />}
    </>
  );
}

function AccountingTable({ accounting: a }: { accounting: Accounting }) {
  const caption = `Disclosures of ${a.pseudonym}’s records, ${a.from} to ${a.to}`;
  return (
    <section aria-labelledby="accounting" className="staff-section">
      <h2 id="accounting">{caption}</h2>
      {a.disclosures.length === 0 ? (
        <p className="staff-empty">No exports of {a.pseudonym}’s records in these days.</p>
      ) : (
        <table className="staff-table" aria-label={caption}>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Recipient</th>
              <th scope="col">Purpose</th>
              <th scope="col">What</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {a.disclosures.map((d) => (
              <tr key={d.id}>
                <td data-label="Date" className="staff-nowrap">
                  <time dateTime={d.at}>{auditTime(d.at, undefined, a.timeZone)}</time>
                </td>
                <td data-label="Recipient">{d.recipient}</td>
                <td data-label="Purpose">{d.purpose}</td>
                <td data-label="What">{d.description}</td>
                <td data-label="By">{d.by ?? d.byId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="staff-actions staff-no-print">
        <button type="button" className="btn" onClick={() => window.print()}>
          <Printer aria-hidden="true" />
          Print
        </button>
        <a className="btn" href={csvUrls.accounting(a.memberId, a.from, a.to)} download>
          <Download aria-hidden="true" />
          Download CSV
        </a>
      </div>
    </section>
  );
}
