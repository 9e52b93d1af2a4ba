import { csvUrls } from '../../api/clinicApi';
import { errorMessage } from '../../api/errorMessage';
import { intervalsText, minutesText } from './attendanceView';
import { LoadFailed } from './LoadFailed';
import { useStaff } from './staffContext';
import { useLoad } from './useLoad';

/**
 * Who was in the room and for how long (the waiting room does not count), every member of
 * the cohort listed so an absence shows. Times are on the cohort's clock, as in the CSV.
 */
export function SessionAttendanceSection({ sessionId }: { sessionId: string }) {
  const { api } = useStaff();
  const loaded = useLoad(() => api.sessionAttendance(sessionId));
  const state = loaded.state;

  return (
    <section aria-labelledby="attendance" className="staff-section">
      <h2 id="attendance">Attendance</h2>
      {state.status === 'loading' && <p className="staff-muted">Loading attendance…</p>}
      {state.status === 'failed' && <LoadFailed message={errorMessage(state.error)} onRetry={loaded.reload} />}
      {state.status === 'ready' && (
        <>
          {state.data.rows.length === 0 ? (
            <p className="staff-muted">This cohort has no members.</p>
          ) : (
            <div className="staff-table-wrap">
              <table className="staff-table" aria-label="Attendance by member">
                <thead>
                  <tr>
                    <th scope="col">Member</th>
                    <th scope="col">Minutes</th>
                    <th scope="col">In the room ({state.data.timeZone})</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.rows.map((r) => (
                    <tr key={r.memberId} className={r.intervals.length === 0 ? 'staff-absent' : undefined}>
                      <th scope="row">{r.pseudonym}</th>
                      <td>{minutesText(r.minutes)}</td>
                      <td>{r.intervals.length === 0 ? 'absent' : intervalsText(r.intervals, state.data.timeZone)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="staff-row-actions">
            <a href={csvUrls.session(sessionId)} download>
              Download CSV
            </a>
            <button type="button" className="quiet small" onClick={loaded.reload}>
              Refresh
            </button>
          </div>
        </>
      )}
    </section>
  );
}
