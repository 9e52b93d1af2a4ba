import { errorMessage } from '../../api/errorMessage';
import { AddFacilitatorForm } from './AddFacilitatorForm';
import { Link } from './Link';
import { LoadFailed } from './LoadFailed';
import { NewCohortForm } from './NewCohortForm';
import { navigate } from './navigation';
import { paths } from './routes';
import { useStaff } from './staffContext';
import { useLoad } from './useLoad';
import { usePageHeading } from './usePageHeading';

/** /clinic: the clinic's cohorts, a new one, and (for admins) new facilitator accounts. */
export function CohortsPage() {
  const { api, account } = useStaff();
  const heading = usePageHeading('Cohorts');
  const cohorts = useLoad(() => api.cohorts());

  return (
    <main className="staff-page">
      <h1 ref={heading} tabIndex={-1}>
        Cohorts
      </h1>
      <p className="staff-lead">A cohort is a standing group. Open one to see its members, schedule sessions and send invite links.</p>

      <section aria-labelledby="cohort-list" className="staff-section">
        <h2 id="cohort-list">Your cohorts</h2>
        {cohorts.state.status === 'loading' && <p className="staff-muted">Loading cohorts…</p>}
        {cohorts.state.status === 'failed' && <LoadFailed message={errorMessage(cohorts.state.error)} onRetry={cohorts.reload} />}
        {cohorts.state.status === 'ready' &&
          (cohorts.state.data.length === 0 ? (
            <p className="staff-muted">No cohorts yet. Create the first one below.</p>
          ) : (
            <ul className="staff-list" aria-label="Cohorts">
              {cohorts.state.data.map((c) => (
                <li key={c.id}>
                  <Link to={paths.cohort(c.id)} className="staff-row-link">
                    <span className="staff-row-title">{c.name}</span>
                    <span className="staff-muted">{c.timeZone}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ))}
      </section>

      <section aria-labelledby="new-cohort" className="staff-section staff-card">
        <h2 id="new-cohort">New cohort</h2>
        <NewCohortForm onCreated={(cohort) => navigate(paths.cohort(cohort.id))} />
      </section>

      {account.role === 'admin' && (
        <section aria-labelledby="add-facilitator" className="staff-section staff-card">
          <h2 id="add-facilitator">Add facilitator</h2>
          <AddFacilitatorForm />
        </section>
      )}
    </main>
  );
}
