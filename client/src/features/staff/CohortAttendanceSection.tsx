import { useState, type FormEvent } from 'react';
import { csvUrls } from '../../api/clinicApi';
import type { Cohort } from '../../api/types';
import { lastDays, minutesText, reportProblem } from './attendanceView';
import { Field } from './Field';
import { useStaff } from './staffContext';
import { useLoad } from './useLoad';
import { useStaffForm } from './useStaffForm';
import { checkDateRange, type DateRangeFields } from './validation';

/**
 * The cohort's attendance over a range of days on its own clock, as a clinic bills it: one
 * row per member per session. Opens on the last 30 days.
 */
export function CohortAttendanceSection({ cohort }: { cohort: Cohort }) {
  const { api } = useStaff();
  const [shown, setShown] = useState<DateRangeFields>(() => lastDays(Date.now(), cohort.timeZone));
  const report = useLoad(() => api.cohortAttendance(cohort.id, shown.from, shown.to));
  const { form, fields, set, errors, submit } = useStaffForm<DateRangeFields>(shown);
  const state = report.state;

  const show = async (e: FormEvent) => {
    e.preventDefault();
    // The report itself reloads with the new range; its answer (or refusal) shows below.
    await submit(
      checkDateRange(fields),
      async () => {
        setShown(fields);
        report.reload();
      },
      () => undefined,
    );
  };

  return (
    <section aria-labelledby="cohort-attendance" className="staff-section">
      <h2 id="cohort-attendance">Attendance</h2>
      <form ref={form} className="staff-form staff-range" noValidate onSubmit={(e) => void show(e)} aria-label="Attendance dates">
        <Field label="From" name="from" type="date" value={fields.from} error={errors.from} onChange={set('from')} />
        <Field label="To" name="to" type="date" value={fields.to} error={errors.to} onChange={set('to')} />
        <button type="submit">Show</button>
      </form>
      <p className="staff-hint">Days on the cohort’s clock ({cohort.timeZone}), both included.</p>
      {state.status === 'loading' && <p className="staff-muted">Loading attendance…</p>}
      {state.status === 'failed' && (
        <p role="alert" className="staff-error">
          {reportProblem(state.error)}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          {state.data.rows.length === 0 ? (
            <p className="staff-muted">
              No sessions from {state.data.from} to {state.data.to}.
            </p>
          ) : (
            <div className="staff-table-wrap">
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
                      <td>{r.date}</td>
                      <td>{r.sessionTitle}</td>
                      <td>{r.pseudonym}</td>
                      <td>{r.intervals.length === 0 ? `${minutesText(0)} (absent)` : minutesText(r.minutes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <a href={csvUrls.cohort(cohort.id, state.data.from, state.data.to)} download>
            Download CSV
          </a>
        </>
      )}
    </section>
  );
}
