import { ChangePasswordForm } from './ChangePasswordForm';
import { useStaff } from './staffContext';
import { usePageHeading } from './usePageHeading';

/** /clinic/account: anyone signed in sees who they are signed in as and changes their password. */
export function AccountPage() {
  const { account } = useStaff();
  const heading = usePageHeading('Your account');
  return (
    <main className="staff-page">
      <header className="staff-page-head">
        <h1 ref={heading} tabIndex={-1}>
          Your account
        </h1>
        <p className="staff-lead">
          Signed in as {account.displayName} ({account.email}).
        </p>
      </header>
      <section aria-labelledby="change-password" className="card staff-section staff-account-section">
        <h2 id="change-password">Change password</h2>
        <ChangePasswordForm />
      </section>
    </main>
  );
}
