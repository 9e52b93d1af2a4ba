import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { DateRange } from '@hearth/shared';
import { useForm } from 'react-hook-form';
import { csvUrls } from '../../api/clinicApi';
import type { Cohort, DateRangeInput } from '../../api/types';
import { lastDays, minutesText, reportProblem } from './attendanceView';
import { DisclosureDownload } from './DisclosureDownload';
import { Field } from './Field';
import { useStaff } from './staffContext';
import { useLoad } from './useLoad';

/**
 * The cohort's attendance over a range of days on its own clock, as a clinic bills it: one
 * row per member per session. Opens on the last 30 days.
 */
export function CohortAttendanceSection({ cohort }: { cohort: Cohort }) {
  const { api } = useStaff();
  const [shown, setShown] = useState<DateRangeInput>(() => lastDays(Date.now(), cohort.timeZone));
  const report = useLoad(() => api.cohortAttendance(cohort.id, shown.from, shown.to));
  const form = useForm({ resolver: zodResolver(DateRange), defaultValues: shown });
  const { errors } = form.formState;
  const state = report.state;

  // The report itself reloads with the new range; its answer (or refusal) shows below.
  const show = form.handleSubmit((range) => {
    setShown(range);
    report.reload();
  });

  return (
    <section aria-labelledby="cohort-attendance" className="staff-section">
      <h2 id="cohort-attendance" className="visually-hidden">
        Attendance
      </h2>
      <form className="card staff-range" noValidate onSubmit={(e) => void show(e)} aria-label="Attendance dates">
        <Field label="From" type="date" error={errors.from?.message} {...form.register('from')} />
        <Field label="To" type="date" error={errors.to?.message} {...form.register('to')} />
        <button type="submit" className="btn btn-primary">
          Show
        </button>
        <p className="field-hint staff-range-hint">Days on the cohort’s clock ({cohort.timeZone}), both included.</p>
      </form>
      {state.status === 'loading' && <p className="muted">Loading attendance…</p>}
      {state.status === 'failed' && (
        <p role="alert" className="notice notice-error">
          {reportProblem(state.error)}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          {state.data.rows.length === 0 ? (
            <p className="staff-empty">
              No sessions were held from {state.data.from} to {state.data.to}.
            </p>
          ) : (
            <table className="staff-table" aria-label={`Attendance from ${state.data.from} to ${state.data.to}`}>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Session</th>
                  <th scope="col">Member</th>
                  <th scope="col">Minutes</th>
                </tr>
              </thead>
              <tbody>
                {state.data.rows.map((r) => (
                  <tr key={`${r.sessionId} ${r.memberId}`} className={r.intervals.length === 0 ? 'staff-absent' : undefined}>
                    <td data-label="Date">{r.date}</td>
                    <td data-label="Session">{r.sessionTitle}</td>
                    <td data-label="Member">{r.pseudonym}</td>
                    <td data-label="Minutes">{r.intervals.length === 0 ? `${minutesText(0)} (absent)` : minutesText(r.minutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            <DisclosureDownload urlFor={(to) => csvUrls.cohort(cohort.id, state.data.from, state.data.to, to)} />
          </p>
        </>
      )}
    </section>
  );
}
