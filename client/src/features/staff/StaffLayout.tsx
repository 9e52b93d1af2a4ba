import { useState, type ReactNode } from 'react';
import type { Account } from '../../api/types';
import { Link } from './Link';
import { paths } from './routes';

type Props = {
  account: Account;
  onSignOut: () => Promise<string | undefined>;
  children: ReactNode;
};

const ROLE_NAMES: Record<Account['role'], string> = { admin: 'Clinic admin', facilitator: 'Facilitator' };

/** The frame of every signed-in clinic page: who is signed in, and a way out. */
export function StaffLayout({ account, onSignOut, children }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const signOut = async () => {
    setBusy(true);
    setError(undefined);
    const failed = await onSignOut();
    if (failed) {
      setError(failed);
      setBusy(false);
    }
  };
  return (
    <div className="staff">
      <header className="staff-bar">
        <Link to={paths.cohorts()} className="staff-brand">
          Hearth <span>Clinic</span>
        </Link>
        {/* Only admins may read the log (the server enforces it); facilitators are not shown the way in. */}
        {account.role === 'admin' && (
          <nav aria-label="Clinic" className="staff-nav">
            <Link to={paths.audit()}>Audit log</Link>
          </nav>
        )}
        <div className="staff-who">
          <span className="staff-who-name">
            {account.displayName} <span className="staff-muted">· {ROLE_NAMES[account.role]}</span>
          </span>
          <button type="button" className="quiet" disabled={busy} onClick={() => void signOut()}>
            {busy ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
        {error && (
          <p role="alert" className="staff-error staff-bar-error">
            {error}
          </p>
        )}
      </header>
      {children}
    </div>
  );
}
