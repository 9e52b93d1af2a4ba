import { zodResolver } from '@hookform/resolvers/zod';
import { NewMemberForm } from '@hearth/shared';
import { Lock, UserPlus, UsersRound } from 'lucide-react';
import { useForm } from 'react-hook-form';
import type { Member } from '../../api/types';
import { Field } from './Field';
import { FormMessage } from './FormMessage';
import { useStaff } from './staffContext';
import { useOutcome } from './useOutcome';

type Props = { cohortId: string; members: Member[]; onAdded: (member: Member) => void };

/** The cohort's members: the name the group sees, and a contact only the clinic sees. */
export function MembersSection({ cohortId, members, onAdded }: Props) {
  return (
    <section aria-labelledby="members" className="staff-split">
      <div className="staff-section">
        <h2 id="members" className="visually-hidden">
          Members
        </h2>
        {members.length === 0 ? (
          <div className="staff-empty">
            <UsersRound aria-hidden="true" />
            <p>
              <strong>No members yet.</strong> Add each participant with the name the group will know them by.
            </p>
          </div>
        ) : (
          <ul className="staff-rows" aria-label="Members">
            {members.map((m) => (
              <li key={m.id} className="staff-row">
                <span className="staff-row-main">
                  <span className="staff-row-title">{m.pseudonym}</span>
                  {m.contact && (
                    <span className="staff-row-meta staff-contact">
                      <span className="badge staff-private" title="Participants never see this">
                        <Lock aria-hidden="true" />
                        Clinic only
                      </span>{' '}
                      {m.contact}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="staff-side">
        <AddMemberForm cohortId={cohortId} onAdded={onAdded} />
      </div>
    </section>
  );
}

const EMPTY = { pseudonym: '', contact: '' };

function AddMemberForm({ cohortId, onAdded }: Omit<Props, 'members'>) {
  const { api } = useStaff();
  const form = useForm({ resolver: zodResolver(NewMemberForm), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const { outcome, run, clear } = useOutcome();

  const submit = form.handleSubmit(
    (body) =>
      run(async () => {
        const member = await api.addMember(cohortId, body);
        onAdded(member);
        form.reset(EMPTY);
        // Ready for the next member: a cohort is usually entered several people at once.
        form.setFocus('pseudonym');
        return `${member.pseudonym} added.`;
      }),
    clear,
  );

  return (
    <form className="card staff-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="add-member">
      <h3 id="add-member">Add member</h3>
      <Field
        label="First name or chosen name"
        hint="The group sees this name."
        autoComplete="off"
        error={errors.pseudonym?.message}
        {...form.register('pseudonym')}
      />
      <Field
        label="Contact (optional)"
        hint="Phone or email, for the clinic to reach them. Clinic only: participants never see it."
        autoComplete="off"
        error={errors.contact?.message}
        {...form.register('contact')}
      />
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        <UserPlus aria-hidden="true" />
        {isSubmitting ? 'Adding…' : 'Add member'}
      </button>
      <FormMessage error={outcome.error} status={outcome.status} />
    </form>
  );
}
