import { CalendarClock, ChevronRight, Globe, UsersRound } from 'lucide-react';
import { Link, useLocation } from 'wouter';
import { errorMessage } from '../../api/errorMessage';
import type { Cohort } from '../../api/types';
import { AddFacilitatorForm } from './AddFacilitatorForm';
import { LoadFailed } from './LoadFailed';
import { NewCohortForm } from './NewCohortForm';
import { paths } from './routes';
import { describeSchedule } from './schedule';
import { useStaff } from './staffContext';
import { useLoad } from './useLoad';
import { usePageHeading } from './usePageHeading';

/** /clinic: the clinic's cohorts, a new one, and (for admins) new facilitator accounts. */
export function CohortsPage() {
  const { api, account } = useStaff();
  const [, navigate] = useLocation();
  const heading = usePageHeading('Cohorts');
  const cohorts = useLoad(() => api.cohorts());
  const state = cohorts.state;

  return (
    <main className="staff-page">
      <header className="staff-page-head">
        <h1 ref={heading} tabIndex={-1}>
          Cohorts
        </h1>
        <p className="staff-lead">A cohort is a standing group. Open one to see its members, schedule sessions and send invite links.</p>
      </header>

      <div className="staff-split">
        <section aria-labelledby="cohort-list" className="staff-section">
          <h2 id="cohort-list">Your cohorts{state.status === 'ready' && state.data.length > 0 ? ` (${state.data.length})` : ''}</h2>
          {state.status === 'loading' && <p className="muted">Loading cohorts…</p>}
          {state.status === 'failed' && <LoadFailed message={errorMessage(state.error)} onRetry={cohorts.reload} />}
          {state.status === 'ready' &&
            (state.data.length === 0 ? (
              <div className="staff-empty">
                <UsersRound aria-hidden="true" />
                <p>
                  <strong>No cohorts yet.</strong> Create the first one under “New cohort”: a name, and the time zone the group meets in.
                  {account.role === 'facilitator' && ' You see the cohorts you lead; a clinic admin can add you to others.'}
                </p>
              </div>
            ) : (
              <ul className="staff-cards" aria-label="Cohorts">
                {state.data.map((c) => (
                  <li key={c.id}>
                    <CohortCard cohort={c} />
                  </li>
                ))}
              </ul>
            ))}
        </section>

        <div className="staff-side">
          <section aria-labelledby="new-cohort" className="card staff-section">
            <h2 id="new-cohort">New cohort</h2>
            <NewCohortForm onCreated={(cohort) => navigate(paths.cohort(cohort.id, 'members'))} />
          </section>

          {account.role === 'admin' && (
            <section aria-labelledby="add-facilitator" className="card staff-section">
              <h2 id="add-facilitator">Add facilitator</h2>
              <AddFacilitatorForm />
            </section>
          )}
        </div>
      </div>
    </main>
  );
}

function CohortCard({ cohort }: { cohort: Cohort }) {
  return (
    <Link to={paths.cohort(cohort.id)} className="staff-card-link">
      <span className="staff-card-title">{cohort.name}</span>
      <span className="staff-card-meta">
        <CalendarClock aria-hidden="true" />
        {cohort.schedule ? describeSchedule(cohort.schedule, cohort.timeZone) : 'No weekly schedule yet'}
      </span>
      <span className="staff-card-meta">
        <Globe aria-hidden="true" />
        {cohort.timeZone}
      </span>
      <ChevronRight aria-hidden="true" className="staff-card-chevron" />
    </Link>
  );
}
