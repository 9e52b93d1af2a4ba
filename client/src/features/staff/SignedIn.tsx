import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ClinicInfo } from '@hearth/shared';
import type { ClinicApi } from '../../api/clinicApi';
import { errorMessage } from '../../api/errorMessage';
import { isApiError } from '../../api/ApiError';
import type { Account } from '../../api/types';
import { LoadFailed } from './LoadFailed';
import { StaffContext, type Staff } from './staffContext';
import { StaffLayout } from './StaffLayout';

type Props = {
  api: ClinicApi;
  account: Account | undefined;
  onAccount: (account: Account) => void;
  onSignOut: () => Promise<string | undefined>;
  children: ReactNode;
};

/** The clinic pages' gate: asks who is signed in (once), and sends others to sign in. */
export function SignedIn({ api, account, onAccount, onSignOut, children }: Props) {
  const [failed, setFailed] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const [clinic, setClinic] = useState<ClinicInfo>();

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

  useEffect(() => {
    if (!account) return;
    let current = true;
    // Only the top bar's name depends on it: without it the bar says "Hearth".
    api.clinicSettings().then(
      (info) => current && setClinic(info),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [api, account]);

  const staff = useMemo<Staff | undefined>(() => account && { api, account, clinic, onClinicSaved: setClinic }, [api, account, clinic]);

  if (!staff) {
    return (
      <main className="staff-narrow" aria-busy={!failed}>
        <h1 className="visually-hidden">Hearth for clinics</h1>
        {failed ? (
          <LoadFailed
            message={errorMessage(failed)}
            onRetry={() => {
              setFailed(undefined);
              setAttempt((n) => n + 1);
            }}
          />
        ) : (
          <p className="muted">Loading…</p>
        )}
      </main>
    );
  }
  return (
    <StaffContext.Provider value={staff}>
      <StaffLayout account={staff.account} clinicName={clinic?.name} onSignOut={onSignOut}>
        {children}
      </StaffLayout>
    </StaffContext.Provider>
  );
}
