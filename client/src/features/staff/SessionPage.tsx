import { errorMessage } from '../../api/errorMessage';
import { Breadcrumbs } from './Breadcrumbs';
import { InviteList } from './InviteList';
import { LoadFailed } from './LoadFailed';
import { paths } from './routes';
import { SessionAttendanceSection } from './SessionAttendanceSection';
import { SessionStatusBadge } from './SessionStatusBadge';
import { useStaff } from './staffContext';
import { useLoad } from './useLoad';
import { usePageHeading } from './usePageHeading';
import { formatInZone } from './zonedTime';

/** /clinic/sessions/<id>: one session, the way into its console, its members' invite links and its attendance. */
export function SessionPage({ sessionId }: { sessionId: string }) {
  const { api } = useStaff();
  const loaded = useLoad(async () => {
    const session = await api.session(sessionId);
    const [cohorts, members, links] = await Promise.all([api.cohorts(), api.members(session.cohortId), api.invites(sessionId)]);
    return { session, cohort: cohorts.find((c) => c.id === session.cohortId), members, links };
  });
  const state = loaded.state;
  const data = state.status === 'ready' ? state.data : undefined;
  const heading = usePageHeading(data?.session.title ?? 'Session');
  const timeZone = data?.cohort?.timeZone ?? 'UTC';

  return (
    <main className="staff-page">
      <Breadcrumbs
        trail={[
          { label: 'Cohorts', to: paths.cohorts() },
          ...(data?.cohort ? [{ label: data.cohort.name, to: paths.cohort(data.cohort.id) }] : []),
        ]}
        current={data?.session.title ?? 'Session'}
      />
      <h1 ref={heading} tabIndex={-1}>
        {data?.session.title ?? (state.status === 'loading' ? 'Loading session…' : 'Session')}
      </h1>
      {state.status === 'failed' && <LoadFailed message={errorMessage(state.error)} onRetry={loaded.reload} />}
      {data && (
        <>
          <div className="staff-session-head">
            <p className="staff-lead">
              {data.session.scheduledStart ? formatInZone(data.session.scheduledStart, timeZone) : 'Not scheduled'}{' '}
              <SessionStatusBadge status={data.session.status} />
            </p>
            {data.session.status !== 'ended' && (
              <a className="staff-primary-link" href={paths.console(data.session.id)}>
                Open session console
              </a>
            )}
          </div>
          <InviteList session={data.session} timeZone={timeZone} members={data.members} initialLinks={data.links} />
          <SessionAttendanceSection sessionId={data.session.id} />
        </>
      )}
    </main>
  );
}
