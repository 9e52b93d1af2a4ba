import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import './staff.css';
import { createClinicApi, type ClinicApi } from '../../api/clinicApi';
import { errorMessage, SIGNED_OUT_MESSAGE } from '../../api/errorMessage';
import { isApiError } from '../../api/ApiError';
import type { Account } from '../../api/types';
import { AuditPage } from './AuditPage';
import { CohortPage } from './CohortPage';
import { CohortsPage } from './CohortsPage';
import { Link } from './Link';
import { LoadFailed } from './LoadFailed';
import { LoginPage } from './LoginPage';
import { navigate } from './navigation';
import { parseStaffRoute, paths, safeNext, type StaffRoute } from './routes';
import { SessionPage } from './SessionPage';
import { SetupPage } from './SetupPage';
import { StaffContext, type Staff } from './staffContext';
import { StaffLayout } from './StaffLayout';
import { useLocation } from './useLocation';
import { usePageHeading } from './usePageHeading';

export { isStaffPath } from './routes';

/** What the sign-in page says when it is reached from elsewhere in the app. */
type LoginNotice = { text: string; email?: string };

/**
 * The clinic's side in the browser: /setup, /login and the signed-in pages under /clinic.
 * Moves between them with real URLs (pushState), so reload and back work.
 */
export function StaffApp() {
  const location = useLocation();
  const route = parseStaffRoute(location.pathname, location.search);
  const [account, setAccount] = useState<Account>();
  const [notice, setNotice] = useState<LoginNotice>();

  // The API reports an ended sign-in from any call; the latest account decides what to say.
  const accountRef = useRef(account);
  useEffect(() => {
    accountRef.current = account;
  }, [account]);
  const api = useMemo(
    () =>
      createClinicApi({
        onSignedOut: () => {
          setNotice(accountRef.current ? { text: SIGNED_OUT_MESSAGE } : undefined);
          setAccount(undefined);
          const here = `${window.location.pathname}`;
          navigate(paths.login(safeNext(here)), { replace: true });
        },
      }),
    [],
  );

  const signOut = useCallback(async (): Promise<string | undefined> => {
    try {
      await api.signOut();
    } catch (err) {
      // Already signed out on the server is as good as signed out.
      if (!(isApiError(err) && err.code === 'UNAUTHENTICATED')) return errorMessage(err);
    }
    setAccount(undefined);
    setNotice({ text: 'You have signed out.' });
    navigate(paths.login());
    return undefined;
  }, [api]);

  const pageKey = `${location.pathname}${location.search}`;
  switch (route.page) {
    case 'setup':
      return (
        <SetupPage
          key={pageKey}
          api={api}
          onCreated={(email) => {
            setNotice({ text: 'Your admin account is ready. Sign in with it.', email });
            navigate(paths.login());
          }}
        />
      );
    case 'login':
      return (
        <LoginPage
          key={pageKey}
          api={api}
          notice={notice?.text}
          initialEmail={notice?.email}
          onSignedIn={(signedIn) => {
            setAccount(signedIn);
            setNotice(undefined);
            navigate(route.next ?? paths.cohorts());
          }}
        />
      );
    default:
      return (
        <SignedIn api={api} account={account} onAccount={setAccount} onSignOut={signOut}>
          <ClinicPage key={pageKey} route={route} />
        </SignedIn>
      );
  }
}

type SignedInProps = {
  api: ClinicApi;
  account: Account | undefined;
  onAccount: (account: Account) => void;
  onSignOut: () => Promise<string | undefined>;
  children: ReactNode;
};

/** The clinic pages' gate: asks who is signed in (once), and sends others to sign in. */
function SignedIn({ api, account, onAccount, onSignOut, children }: SignedInProps) {
  const [failed, setFailed] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (account) return;
    let current = true;
    // A 401 is handled by the API's onSignedOut: it goes to the sign-in page.
    api.me().then(
      (me) => current && onAccount(me),
      (err: unknown) => current && !(isApiError(err) && err.code === 'UNAUTHENTICATED') && setFailed(err),
    );
    return () => {
      current = false;
    };
  }, [api, account, onAccount, attempt]);

  const staff = useMemo<Staff | undefined>(() => account && { api, account }, [api, account]);

  if (!staff) {
    return (
      <main className="staff-narrow" aria-busy={!failed}>
        {failed ? (
          <LoadFailed
            message={errorMessage(failed)}
            onRetry={() => {
              setFailed(undefined);
              setAttempt((n) => n + 1);
            }}
          />
        ) : (
          <p className="staff-muted">Loading…</p>
        )}
      </main>
    );
  }
  return (
    <StaffContext.Provider value={staff}>
      <StaffLayout account={staff.account} onSignOut={onSignOut}>
        {children}
      </StaffLayout>
    </StaffContext.Provider>
  );
}

function ClinicPage({ route }: { route: Exclude<StaffRoute, { page: 'login' | 'setup' }> }) {
  switch (route.page) {
    case 'cohorts':
      return <CohortsPage />;
    case 'cohort':
      return <CohortPage cohortId={route.cohortId} />;
    case 'session':
      return <SessionPage sessionId={route.sessionId} />;
    case 'audit':
      return <AuditPage />;
    case 'notFound':
      return <NotFoundPage />;
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}

function NotFoundPage() {
  const heading = usePageHeading('Page not found');
  return (
    <main className="staff-page">
      <h1 ref={heading} tabIndex={-1}>
        Page not found
      </h1>
      <p>
        There is no clinic page at this address. <Link to={paths.cohorts()}>Go to the cohorts</Link>.
      </p>
    </main>
  );
}
