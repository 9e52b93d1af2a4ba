import { useRef, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import type { StaffMember } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { FormMessage } from './FormMessage';
import { ResetPasswordForm } from './ResetPasswordForm';
import { useStaff } from './staffContext';
import { useOutcome } from './useOutcome';

const ROLE_NAMES: Record<StaffMember['role'], string> = { admin: 'Clinic admin', facilitator: 'Facilitator' };

/**
 * One staff account: turn it off (asks first: it signs them out at once) or on again, and give
 * them a new password. An admin's own row has no actions: the server refuses them, so the
 * clinic cannot lose its last admin by a slip. Button names carry the person's name for
 * screen readers.
 */
export function StaffRow({ member, self, onChanged }: { member: StaffMember; self: boolean; onChanged: (m: StaffMember) => void }) {
  const { api } = useStaff();
  const { outcome, busy, run, setOutcome } = useOutcome();
  const [confirming, setConfirming] = useState(false);
  const [resetting, setResetting] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);

  const setDisabled = (disabled: boolean) =>
    run(async () => {
      onChanged(await api.setStaffDisabled(member.id, disabled));
      return disabled ? `${member.displayName} is turned off and signed out.` : `${member.displayName} can sign in again.`;
    }, errorMessage);

  return (
    <tr className={member.disabled ? 'staff-absent' : undefined}>
      <th scope="row">{member.displayName}</th>
      <td data-label="Email">{member.email}</td>
      <td data-label="Role" className="staff-nowrap">
        {ROLE_NAMES[member.role]}
      </td>
      <td data-label="Status" className="staff-nowrap">
        {member.disabled ? 'Turned off' : self ? 'Active (you)' : 'Active'}
      </td>
      <td data-label="Actions">
        {self && <span className="muted">Yours: use Change password</span>}
        {!self && (
          <div className="staff-actions">
            {member.disabled ? (
              <button type="button" className="btn" disabled={busy} onClick={() => void setDisabled(false)} aria-label={`Turn on ${member.displayName}`}>
                Turn on
              </button>
            ) : (
              <button type="button" className="btn btn-quiet" disabled={busy} onClick={() => setConfirming(true)} aria-label={`Turn off ${member.displayName}`}>
                Turn off
              </button>
            )}
            <button
              ref={resetButton}
              type="button"
              className="btn btn-quiet"
              disabled={busy}
              onClick={() => setResetting(true)}
              aria-label={`New password for ${member.displayName}`}
            >
              New password
            </button>
          </div>
        )}
        <FormMessage error={outcome.error} status={outcome.status} />
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={`Turn off ${member.displayName}?`}
          description="They are signed out everywhere at once, including a session they are leading, and cannot sign in until an admin turns the account on again."
          confirmLabel="Turn off"
          danger
          onConfirm={() => void setDisabled(true)}
        />
        <Dialog
          open={resetting}
          onOpenChange={setResetting}
          title={`New password for ${member.displayName}`}
          description="They are signed out everywhere and sign in again with this password."
          returnFocusTo={resetButton}
        >
          <ResetPasswordForm
            member={member}
            onDone={(status) => {
              setResetting(false);
              setOutcome({ status });
            }}
          />
        </Dialog>
      </td>
    </tr>
  );
}
