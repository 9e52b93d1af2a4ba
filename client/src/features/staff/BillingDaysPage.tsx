import { Printer } from 'lucide-react';
import { useSearch } from 'wouter';
import { errorMessage } from '../../api/errorMessage';
import { describeProfile } from './BillingProfileSection';
import { Breadcrumbs } from './Breadcrumbs';
import { LoadFailed } from './LoadFailed';
import { paths } from './routes';
import { useStaff } from './staffContext';
import { useLoad } from './useLoad';
import { usePageHeading } from './usePageHeading';

const yesNo = (b: boolean | null) => (b === null ? '—' : b ? 'Yes' : 'No');
const minutes = (m: number) => m.toFixed(1);

/**
 * /clinic/cohorts/<id>/billing-days?from&to&recipient&purpose[&member]: the billing-days
 * export as a page to print (print CSS leaves the staff frame and the buttons off the paper).
 * Opening it is a disclosure like the CSV: the server refuses it without recipient and purpose.
 */
export function BillingDaysPage({ cohortId }: { cohortId: string }) {
  const { api } = useStaff();
  const params = new URLSearchParams(useSearch());
  const query = { from: params.get('from') ?? '', to: params.get('to') ?? '', recipient: params.get('recipient') ?? '', purpose: params.get('purpose') ?? '' };
  const memberId = params.get('member');
  const loaded = useLoad(() => api.billingDays(cohortId, memberId, query));
  const state = loaded.state;
  const report = state.status === 'ready' ? state.data : undefined;
  const title = report ? `Billing days — ${report.cohortName}` : 'Billing days';
  const heading = usePageHeading(title);

  return (
    <main className="staff-page billing-print">
      <Breadcrumbs trail={[{ label: 'Cohorts', to: paths.cohorts() }, { label: report?.cohortName ?? 'Cohort', to: paths.cohort(cohortId, 'attendance') }]} current="Billing days" />
      <header className="staff-page-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {report && (
          <dl className="billing-print-meta">
            <dt>Days</dt>
            <dd>
              {report.from} to {report.to}, on the cohort’s clock ({report.timeZone})
            </dd>
            <dt>Billing profile</dt>
            <dd>{describeProfile(report.billing)}</dd>
            <dt>Disclosed to</dt>
            <dd>
              {query.recipient} — {query.purpose}
            </dd>
          </dl>
        )}
        {report && (
          <button type="button" className="btn btn-primary billing-print-button" onClick={() => window.print()}>
            <Printer aria-hidden="true" />
            Print
          </button>
        )}
      </header>
      {state.status === 'loading' && <p className="muted">Loading billing days…</p>}
      {state.status === 'failed' && <LoadFailed message={errorMessage(state.error)} onRetry={loaded.reload} />}
      {report && report.days.length === 0 && (
        <p className="staff-empty">
          No sessions were held from {report.from} to {report.to}.
        </p>
      )}
      {report && report.days.length > 0 && (
        <table className="staff-table billing-days" aria-label={`Billing days from ${report.from} to ${report.to}`}>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Participant</th>
              <th scope="col">Sessions</th>
              <th scope="col">Treatment min</th>
              <th scope="col">Break min</th>
              <th scope="col">Modifier</th>
              <th scope="col">Place of service</th>
              <th scope="col">Daily minimum met</th>
              <th scope="col">Week of</th>
              <th scope="col">Week min</th>
              <th scope="col">Week days</th>
              <th scope="col">Weekly minimum met</th>
            </tr>
          </thead>
          <tbody>
            {report.days.map((d) => (
              <tr key={`${d.memberId} ${d.date}`} className={d.sessionsAttended === 0 ? 'staff-absent' : undefined}>
                <td data-label="Date">{d.date}</td>
                <td data-label="Participant">{d.pseudonym}</td>
                <td data-label="Sessions">
                  {d.sessionsAttended} of {d.sessionsHeld}
                </td>
                <td data-label="Treatment min">{minutes(d.treatmentMinutes)}</td>
                <td data-label="Break min">{minutes(d.breakMinutes)}</td>
                <td data-label="Modifier">{d.modifier ?? '—'}</td>
                <td data-label="Place of service">{d.placeOfService ?? 'Unknown'}</td>
                <td data-label="Daily minimum met">{yesNo(d.meetsDailyMinimum)}</td>
                <td data-label="Week of">{d.weekStart}</td>
                <td data-label="Week min">{minutes(d.weekTreatmentMinutes)}</td>
                <td data-label="Week days">{d.weekDaysMeetingDailyMinimum === null ? d.weekDaysAttended : `${d.weekDaysMeetingDailyMinimum} of ${d.weekDaysAttended}`}</td>
                <td data-label="Weekly minimum met">{yesNo(d.meetsWeeklyMinimum)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report && <p className="muted billing-print-note">Minutes are rounded down to a tenth; rules are judged on exact times. Columns: docs/attendance-csv.md.</p>}
    </main>
  );
}
