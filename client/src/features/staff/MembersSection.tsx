import { useRef, useState, type FormEvent } from 'react';
import type { Member } from '../../api/types';
import { errorMessage } from '../../api/errorMessage';
import { Field } from './Field';
import { FormMessage } from './FormMessage';
import { useStaff } from './staffContext';
import { useStaffForm } from './useStaffForm';
import { checkMember, type MemberFields } from './validation';

type Props = { cohortId: string; members: Member[]; onAdded: (member: Member) => void };

/** The cohort's members: the name the group sees, and a contact only the clinic sees. */
export function MembersSection({ cohortId, members, onAdded }: Props) {
  return (
    <section aria-labelledby="members" className="staff-section">
      <h2 id="members">Members ({members.length})</h2>
      {members.length === 0 ? (
        <p className="staff-muted">No members yet. Add each participant below.</p>
      ) : (
        <ul className="staff-list" aria-label="Members">
          {members.map((m) => (
            <li key={m.id} className="staff-row">
              <span className="staff-row-title">{m.pseudonym}</span>
              {m.contact && (
                <span className="staff-contact">
                  <span className="staff-private" title="Participants never see this">
                    Clinic only
                  </span>{' '}
                  {m.contact}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <AddMemberForm cohortId={cohortId} onAdded={onAdded} />
    </section>
  );
}

const EMPTY: MemberFields = { pseudonym: '', contact: '' };

function AddMemberForm({ cohortId, onAdded }: Omit<Props, 'members'>) {
  const { api } = useStaff();
  const first = useRef<HTMLInputElement>(null);
  const { form, fields, setFields, errors, error, busy, submit: run } = useStaffForm<MemberFields>(EMPTY);
  const [status, setStatus] = useState<string>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(
      checkMember(fields),
      async () => {
        const contact = fields.contact.trim();
        const member = await api.addMember(cohortId, { pseudonym: fields.pseudonym.trim(), ...(contact ? { contact } : {}) });
        onAdded(member);
        setFields(EMPTY);
        setStatus(`${member.pseudonym} added.`);
        // Ready for the next member: a cohort is usually entered several people at once.
        first.current?.focus();
      },
      (err) => errorMessage(err),
      () => setStatus(undefined),
    );
  };

  return (
    <form ref={form} className="staff-form staff-card" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="add-member">
      <h3 id="add-member">Add member</h3>
      <Field
        ref={first}
        label="First name or chosen name"
        name="pseudonym"
        hint="The group sees this name."
        autoComplete="off"
        value={fields.pseudonym}
        error={errors.pseudonym}
        onChange={(e) => setFields({ ...fields, pseudonym: e.target.value })}
      />
      <Field
        label="Contact (optional)"
        name="contact"
        hint="Phone or email, for the clinic to reach them. Clinic only: participants never see it."
        autoComplete="off"
        value={fields.contact}
        error={errors.contact}
        onChange={(e) => setFields({ ...fields, contact: e.target.value })}
      />
      <button type="submit" disabled={busy}>
        {busy ? 'Adding…' : 'Add member'}
      </button>
      <FormMessage error={error} status={status} />
    </form>
  );
}
