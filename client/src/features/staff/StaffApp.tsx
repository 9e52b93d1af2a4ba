import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Route, Switch, useLocation, useSearch } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import './staff-frame.css';
import './staff.css';
import './staff-records.css';
import './staff-notes.css';
import './staff-settings.css';
import './staff-billing.css';
import { createClinicApi } from '../../api/clinicApi';
import { errorMessage, SIGNED_OUT_MESSAGE } from '../../api/errorMessage';
import { isApiError } from '../../api/ApiError';
import type { Account } from '../../api/types';
import { ClinicRoutes } from './ClinicRoutes';
import { LoginPage } from './LoginPage';
import { paths, safeNext } from './routes';
import { SetupPage } from './SetupPage';
import { SignedIn } from './SignedIn';
import { useInAppNavigation } from './usePageHeading';

/** What the sign-in page says when it is reached from elsewhere in the app. */
type LoginNotice = { text: string; email?: string };

/**
 * The clinic's side in the browser: /setup, /login and the signed-in pages under /clinic,
 * routed by wouter on real URLs (pushState), so reload, back and forward all work.
 */
export function StaffApp() {
  useInAppNavigation();
  const [, go] = useLocation();
  const search = useSearch();
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
          navigate(paths.login(safeNext(window.location.pathname)), { replace: true });
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

  return (
    <Switch>
      <Route path="/setup">
        <SetupPage
          api={api}
          onCreated={(email) => {
            setNotice({ text: 'Your admin account is ready. Sign in with it.', email });
            go(paths.login());
          }}
        />
      </Route>
      <Route path="/login">
        <LoginPage
          // A new visit to the page (after signing out, say) starts with a fresh form.
          key={notice?.text ?? ''}
          api={api}
          notice={notice?.text}
          initialEmail={notice?.email}
          onSignedIn={(signedIn) => {
            setAccount(signedIn);
            setNotice(undefined);
            go(safeNext(new URLSearchParams(search).get('next')) ?? paths.cohorts());
          }}
        />
      </Route>
      <Route>
        <SignedIn api={api} account={account} onAccount={setAccount} onSignOut={signOut}>
          <ClinicRoutes />
        </SignedIn>
      </Route>
    </Switch>
  );
}
