import { errorMessage } from '../../api/errorMessage';
import type { StaffMember } from '../../api/types';
import { AddFacilitatorForm } from './AddFacilitatorForm';
import { LoadFailed } from './LoadFailed';
import { StaffRow } from './StaffRow';
import { useStaff } from './staffContext';
import { useLoad } from './useLoad';
import { usePageHeading } from './usePageHeading';

/** /clinic/staff (admins): every staff account; disable, enable, a new password; a new facilitator. */
export function StaffPage() {
  const { api, account } = useStaff();
  const heading = usePageHeading('Staff');
  const admin = account.role === 'admin';
  // Facilitators are not shown the way in; the server refuses them too.
  const staff = useLoad(() => (admin ? api.staff() : Promise.resolve<StaffMember[]>([])));
  const state = staff.state;
  const replace = (changed: StaffMember) => staff.set((list) => list.map((m) => (m.id === changed.id ? changed : m)));

  return (
    <main className="staff-page">
      <header className="staff-page-head">
        <h1 ref={heading} tabIndex={-1}>
          Staff
        </h1>
        <p className="staff-lead">
          Who can sign in to Hearth. Turning an account off signs that person out everywhere at once, including a session they are leading.
        </p>
      </header>
      {!admin && <p className="notice notice-info">Only clinic admins can manage staff accounts.</p>}
      {/* One above the other: the table needs the page's width for its five columns. */}
      {admin && (
        <>
          <section aria-labelledby="staff-list" className="staff-section">
            <h2 id="staff-list">Accounts{state.status === 'ready' ? ` (${state.data.length})` : ''}</h2>
            {state.status === 'loading' && <p className="muted">Loading staff…</p>}
            {state.status === 'failed' && <LoadFailed message={errorMessage(state.error)} onRetry={staff.reload} />}
            {state.status === 'ready' && (
              <table className="staff-table" aria-label="Staff accounts">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.map((m) => (
                    <StaffRow key={m.id} member={m} self={m.id === account.id} onChanged={replace} />
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="add-facilitator" className="card staff-section staff-account-section">
            <h2 id="add-facilitator">Add facilitator</h2>
            <AddFacilitatorForm onAdded={staff.reload} />
          </section>
        </>
      )}
    </main>
  );
}
