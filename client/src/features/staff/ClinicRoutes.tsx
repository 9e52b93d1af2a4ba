import { Link, Route, Switch } from 'wouter';
import { AccountPage } from './AccountPage';
import { AuditPage } from './AuditPage';
import { BillingDaysPage } from './BillingDaysPage';
import { CohortPage } from './CohortPage';
import { CohortsPage } from './CohortsPage';
import { DisclosuresPage } from './DisclosuresPage';
import { paths } from './routes';
import { SessionNotesPage } from './notes/SessionNotesPage';
import { SessionPage } from './SessionPage';
import { SettingsPage } from './SettingsPage';
import { StaffPage } from './StaffPage';
import { usePageHeading } from './usePageHeading';

/** The signed-in pages under /clinic; each record's page is keyed by its id, so moving between two starts afresh. */
export function ClinicRoutes() {
  return (
    <Switch>
      <Route path="/clinic">
        <CohortsPage />
      </Route>
      <Route path="/clinic/cohorts/:cohortId/billing-days">{({ cohortId }) => <BillingDaysPage key={cohortId} cohortId={cohortId} />}</Route>
      <Route path="/clinic/cohorts/:cohortId">{({ cohortId }) => <CohortPage key={cohortId} cohortId={cohortId} />}</Route>
      <Route path="/clinic/sessions/:sessionId/notes">{({ sessionId }) => <SessionNotesPage key={sessionId} sessionId={sessionId} />}</Route>
      <Route path="/clinic/sessions/:sessionId">{({ sessionId }) => <SessionPage key={sessionId} sessionId={sessionId} />}</Route>
      <Route path="/clinic/audit">
        <AuditPage />
      </Route>
      <Route path="/clinic/disclosures">
        <DisclosuresPage />
      </Route>
      <Route path="/clinic/settings">
        <SettingsPage />
      </Route>
      <Route path="/clinic/staff">
        <StaffPage />
      </Route>
      <Route path="/clinic/account">
        <AccountPage />
      </Route>
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}

function NotFoundPage() {
  const heading = usePageHeading('Page not found');
  return (
    <main className="staff-page staff-not-found">
      <h1 ref={heading} tabIndex={-1}>
        Page not found
      </h1>
      <p className="staff-lead">There is no clinic page at this address. The link may be incomplete, or the page may have moved.</p>
      <p>
        <Link to={paths.cohorts()} className="btn btn-primary">
          Go to the cohorts
        </Link>
      </p>
    </main>
  );
}
