import { useState, type ReactNode } from 'react';
import { HeartHandshake, KeyRound, LogOut } from 'lucide-react';
import { Link, useLocation } from 'wouter';
import type { Account } from '../../api/types';
import { paths } from './routes';

type Props = {
  account: Account;
  clinicName: string | undefined;
  onSignOut: () => Promise<string | undefined>;
  children: ReactNode;
};

const ROLE_NAMES: Record<Account['role'], string> = { admin: 'Clinic admin', facilitator: 'Facilitator' };

/** The frame of every signed-in clinic page: the clinic, where to go, who is signed in, and a way out. */
export function StaffLayout({ account, clinicName, onSignOut, children }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [path] = useLocation();
  const signOut = async () => {
    setBusy(true);
    setError(undefined);
    const failed = await onSignOut();
    if (failed) {
      setError(failed);
      setBusy(false);
    }
  };
  const admin = account.role === 'admin';
  // A cohort's and a session's pages belong to the cohorts.
  const section = (['audit', 'disclosures', 'settings', 'staff', 'account'] as const).find((s) => path.startsWith(`/clinic/${s}`)) ?? 'cohorts';

  return (
    <div className="staff">
      <a className="staff-skip btn" href="#staff-main">
        Skip to the page
      </a>
      <header className="staff-bar">
        <Link to={paths.cohorts()} className="staff-brand">
          <HeartHandshake aria-hidden="true" />
          <span className="staff-brand-name">{clinicName ?? 'Hearth'}</span>
          {clinicName && clinicName !== 'Hearth' && <span className="staff-brand-app">on Hearth</span>}
        </Link>
        <nav aria-label="Clinic" className="staff-nav">
          <NavLink to={paths.cohorts()} current={section === 'cohorts'} exact={path === paths.cohorts()}>
            Cohorts
          </NavLink>
          {/* Only admins may read the log or change the settings (the server enforces it); facilitators are not shown the way in. */}
          {admin && (
            <NavLink to={paths.audit()} current={section === 'audit'} exact={section === 'audit'}>
              Audit log
            </NavLink>
          )}
          {admin && (
            <NavLink to={paths.disclosures()} current={section === 'disclosures'} exact={section === 'disclosures'}>
              Disclosures
            </NavLink>
          )}
          {admin && (
            <NavLink to={paths.staff()} current={section === 'staff'} exact={section === 'staff'}>
              Staff
            </NavLink>
          )}
          {admin && (
            <NavLink to={paths.settings()} current={section === 'settings'} exact={section === 'settings'}>
              Settings
            </NavLink>
          )}
        </nav>
        <div className="staff-who">
          <p className="staff-who-name">
            <span className="visually-hidden">Signed in as </span>
            <strong>{account.displayName}</strong>
            <span className="staff-who-role">{ROLE_NAMES[account.role]}</span>
          </p>
          {/* On a phone only the key shows (the name keeps the room); its name stays for screen readers. */}
          <Link to={paths.account()} className="btn btn-quiet staff-sign-out" aria-label="Change password" aria-current={section === 'account' ? 'page' : undefined}>
            <KeyRound aria-hidden="true" />
            <span className="staff-bar-label">Change password</span>
          </Link>
          <button type="button" className="btn btn-quiet staff-sign-out" disabled={busy} onClick={() => void signOut()}>
            <LogOut aria-hidden="true" />
            {busy ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
        {error && (
          <p role="alert" className="notice notice-error staff-bar-error">
            {error}
          </p>
        )}
      </header>
      <div id="staff-main" className="staff-body" tabIndex={-1}>
        {children}
      </div>
    </div>
  );
}

/** A top-bar link; `current` marks the section the page is in, `exact` the page itself (aria-current). */
function NavLink({ to, current, exact, children }: { to: string; current: boolean; exact: boolean; children: ReactNode }) {
  return (
    <Link to={to} className={current ? 'staff-nav-link is-current' : 'staff-nav-link'} aria-current={exact ? 'page' : undefined}>
      {children}
    </Link>
  );
}
