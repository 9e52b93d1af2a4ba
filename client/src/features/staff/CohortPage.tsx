import { errorMessage } from '../../api/errorMessage';
import { Breadcrumbs } from './Breadcrumbs';
import { CohortAttendanceSection } from './CohortAttendanceSection';
import { LoadFailed } from './LoadFailed';
import { MembersSection } from './MembersSection';
import { NeverPairsSection } from './NeverPairsSection';
import { paths } from './routes';
import { ScheduleSection } from './ScheduleSection';
import { SessionsSection } from './SessionsSection';
import { useStaff } from './staffContext';
import { useLoad } from './useLoad';
import { usePageHeading } from './usePageHeading';

/** /clinic/cohorts/<id>: one standing group, its members, its sessions and schedule, and its attendance. */
export function CohortPage({ cohortId }: { cohortId: string }) {
  const { api } = useStaff();
  const loaded = useLoad(async () => {
    // The API lists cohorts but has no route for one; the list is small.
    const [cohorts, members, sessions] = await Promise.all([api.cohorts(), api.members(cohortId), api.sessions(cohortId)]);
    return { cohort: cohorts.find((c) => c.id === cohortId), members, sessions };
  });
  const state = loaded.state;
  const cohort = state.status === 'ready' ? state.data.cohort : undefined;
  const heading = usePageHeading(cohort?.name ?? 'Cohort');

  return (
    <main className="staff-page">
      <Breadcrumbs trail={[{ label: 'Cohorts', to: paths.cohorts() }]} current={cohort?.name ?? 'Cohort'} />
      <h1 ref={heading} tabIndex={-1}>
        {cohort?.name ?? (state.status === 'loading' ? 'Loading cohort…' : 'Cohort')}
      </h1>
      {state.status === 'failed' && <LoadFailed message={errorMessage(state.error)} onRetry={loaded.reload} />}
      {state.status === 'ready' && !cohort && (
        <p role="alert" className="staff-error">
          This cohort could not be found. It may have been removed, or the link may be incomplete.
        </p>
      )}
      {cohort && state.status === 'ready' && (
        <>
          <p className="staff-lead">
            Meets in the <strong>{cohort.timeZone}</strong> time zone.
          </p>
          <div className="staff-columns">
            <MembersSection
              cohortId={cohort.id}
              members={state.data.members}
              onAdded={(member) => loaded.set((d) => ({ ...d, members: [...d.members, member] }))}
            />
            <SessionsSection cohort={cohort} sessions={state.data.sessions} />
            <ScheduleSection
              cohort={cohort}
              onSaved={(saved) => loaded.set((d) => ({ ...d, cohort: saved }))}
              onSessionsCreated={(created) => loaded.set((d) => ({ ...d, sessions: [...d.sessions, ...created] }))}
            />
            <NeverPairsSection
              cohort={cohort}
              members={state.data.members}
              onSaved={(saved) => loaded.set((d) => ({ ...d, cohort: saved }))}
            />
          </div>
          <CohortAttendanceSection cohort={cohort} />
        </>
      )}
    </main>
  );
}
