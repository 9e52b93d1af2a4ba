import { CalendarClock, NotebookPen, Video } from 'lucide-react';
import { Link } from 'wouter';
import { errorMessage } from '../../api/errorMessage';
import { Breadcrumbs } from './Breadcrumbs';
import { InviteList } from './InviteList';
import { LoadFailed } from './LoadFailed';
import { paths } from './routes';
import { SessionAttendanceSection } from './SessionAttendanceSection';
import { sessionWhen } from './sessionStatus';
import { SessionStatusBadge } from './SessionStatusBadge';
import { useStaff } from './staffContext';
import { useLoad } from './useLoad';
import { usePageHeading } from './usePageHeading';

/**
 * /clinic/sessions/<id>: one session. Where a facilitator lands after ending it, so its
 * title, status and attendance come first; before it starts, the way into its console and
 * its members' invite links.
 */
export function SessionPage({ sessionId }: { sessionId: string }) {
  const { api } = useStaff();
  const loaded = useLoad(async () => {
    const session = await api.session(sessionId);
    const [cohorts, members, links] = await Promise.all([api.cohorts(), api.members(session.cohortId), api.invites(sessionId)]);
    return { session, cohort: cohorts.find((c) => c.id === session.cohortId), members, links };
  });
  const attendance = useLoad(() => api.sessionAttendance(sessionId));
  const state = loaded.state;
  const data = state.status === 'ready' ? state.data : undefined;
  const heading = usePageHeading(data?.session.title ?? 'Session');
  const timeZone = data?.cohort?.timeZone ?? 'UTC';
  const status = data?.session.status;

  const attendanceSection = data && status !== 'scheduled' && (
    <SessionAttendanceSection sessionId={data.session.id} report={attendance.state} live={status === 'live'} onRefresh={attendance.reload} />
  );

  return (
    <main className="staff-page">
      <Breadcrumbs
        trail={[
          { label: 'Cohorts', to: paths.cohorts() },
          ...(data?.cohort ? [{ label: data.cohort.name, to: paths.cohort(data.cohort.id) }] : []),
        ]}
        current={data?.session.title ?? 'Session'}
      />
      <header className="staff-page-head staff-session-head">
        <div className="staff-stack">
          <h1 ref={heading} tabIndex={-1}>
            {data?.session.title ?? (state.status === 'loading' ? 'Loading session…' : 'Session')}
          </h1>
          {data && (
            <p className="staff-meta">
              <span>
                <CalendarClock aria-hidden="true" />
                <span>{sessionWhen(data.session, timeZone)}</span>
              </span>
              <SessionStatusBadge status={data.session.status} />
            </p>
          )}
        </div>
        {data && status !== 'ended' && (
          <a className="btn btn-primary" href={paths.console(data.session.id)}>
            <Video aria-hidden="true" />
            Open session console
          </a>
        )}
      </header>
      {state.status === 'failed' && <LoadFailed message={errorMessage(state.error)} onRetry={loaded.reload} />}
      {data && status === 'ended' && (
        <p className="notice notice-info">This session has ended. Its attendance is final, and its invite links no longer work.</p>
      )}
      {data && status === 'live' && (
        <p className="notice notice-success">This session is live. Attendance grows as members are admitted; refresh it to see the latest.</p>
      )}
      {attendanceSection}
      {data && status !== 'scheduled' && (
        <section aria-labelledby="notes" className="card staff-section">
          <h2 id="notes">Group notes</h2>
          <p className="muted">A shared group section and each member's note, signed and locked by the clinician.</p>
          <div className="staff-actions">
            <Link className="btn" href={paths.sessionNotes(data.session.id)}>
              <NotebookPen aria-hidden="true" />
              Write group notes
            </Link>
          </div>
        </section>
      )}
      {data && status !== 'ended' && <InviteList session={data.session} timeZone={timeZone} members={data.members} initialLinks={data.links} />}
      {data && status === 'scheduled' && (
        <section aria-labelledby="attendance" className="card staff-section">
          <h2 id="attendance">Attendance</h2>
          <p className="muted">Attendance is recorded from the moment each member is admitted. It appears here once the session has started.</p>
        </section>
      )}
    </main>
  );
}
