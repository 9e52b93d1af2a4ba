import { RefreshCw } from 'lucide-react';
import { csvUrls } from '../../api/clinicApi';
import { errorMessage } from '../../api/errorMessage';
import type { SessionAttendance } from '../../api/types';
import { attendanceSummary, intervalsText, minutesText } from './attendanceView';
import { DisclosureDownload } from './DisclosureDownload';
import { LoadFailed } from './LoadFailed';
import type { Loaded } from './useLoad';

type Props = { sessionId: string; report: Loaded<SessionAttendance>; live: boolean; onRefresh: () => void };

/**
 * Who was in the room and for how long (the waiting room does not count), every member of
 * the cohort listed so an absence shows; treatment time is that less the breaks (REST4).
 * Times are on the cohort's clock, as in the CSV.
 */
export function SessionAttendanceSection({ sessionId, report, live, onRefresh }: Props) {
  return (
    <section aria-labelledby="attendance" className="card staff-section">
      <div className="staff-section-head">
        <h2 id="attendance">Attendance</h2>
        {report.status === 'ready' && report.data.rows.length > 0 && <p className="staff-summary">{attendanceSummary(report.data.rows)}</p>}
      </div>
      {report.status === 'loading' && <p className="muted">Loading attendance…</p>}
      {report.status === 'failed' && <LoadFailed message={errorMessage(report.error)} onRetry={onRefresh} />}
      {report.status === 'ready' && (
        <>
          {report.data.rows.length === 0 ? (
            <p className="muted">This cohort has no members.</p>
          ) : (
            <table className="staff-table" aria-label="Attendance by member">
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Minutes</th>
                  <th scope="col">Treatment</th>
                  <th scope="col">Audio only</th>
                  <th scope="col">In the room ({report.data.timeZone})</th>
                </tr>
              </thead>
              <tbody>
                {report.data.rows.map((r) => (
                  <tr key={r.memberId} className={r.intervals.length === 0 ? 'staff-absent' : undefined}>
                    <th scope="row">{r.pseudonym}</th>
                    <td data-label="Minutes">{minutesText(r.minutes)}</td>
                    <td data-label="Treatment" title={r.breakMinutes > 0 ? `${minutesText(r.breakMinutes)} of breaks not counted` : undefined}>
                      {minutesText(r.treatmentMinutes)}
                    </td>
                    <td data-label="Audio only">{r.audioOnlyMinutes > 0 ? minutesText(r.audioOnlyMinutes) : '—'}</td>
                    <td data-label="In the room">{r.intervals.length === 0 ? 'absent' : intervalsText(r.intervals, report.data.timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="staff-actions">
            <DisclosureDownload urlFor={(to) => csvUrls.session(sessionId, to)} />
            {live && (
              <button type="button" className="btn btn-quiet" onClick={onRefresh}>
                <RefreshCw aria-hidden="true" />
                Refresh
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
