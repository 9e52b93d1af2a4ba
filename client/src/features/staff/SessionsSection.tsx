import { type FormEvent } from 'react';
import type { Cohort, GroupSession } from '../../api/types';
import { errorMessage } from '../../api/errorMessage';
import { Field } from './Field';
import { FormMessage } from './FormMessage';
import { Link } from './Link';
import { navigate } from './navigation';
import { paths } from './routes';
import { SessionStatusBadge } from './SessionStatusBadge';
import { useStaff } from './staffContext';
import { useStaffForm } from './useStaffForm';
import { checkSession, type SessionFields } from './validation';
import { formatInZone } from './zonedTime';

/** The cohort's sessions, soonest scheduled first, and a new one. */
export function SessionsSection({ cohort, sessions }: { cohort: Cohort; sessions: GroupSession[] }) {
  const sorted = [...sessions].sort(bySchedule);
  return (
    <section aria-labelledby="sessions" className="staff-section">
      <h2 id="sessions">Sessions ({sessions.length})</h2>
      {sorted.length === 0 ? (
        <p className="staff-muted">No sessions yet.</p>
      ) : (
        <ul className="staff-list" aria-label="Sessions">
          {sorted.map((s) => (
            <li key={s.id}>
              <Link to={paths.session(s.id)} className="staff-row-link">
                <span className="staff-row-title">{s.title}</span>
                <span className="staff-muted">{s.scheduledStart ? formatInZone(s.scheduledStart, cohort.timeZone) : 'Not scheduled'}</span>
                <SessionStatusBadge status={s.status} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      <NewSessionForm cohort={cohort} />
    </section>
  );
}

/** Scheduled ones by start time, then unscheduled ones by when they were created. */
function bySchedule(a: GroupSession, b: GroupSession): number {
  if (a.scheduledStart && b.scheduledStart) return a.scheduledStart.localeCompare(b.scheduledStart);
  if (a.scheduledStart || b.scheduledStart) return a.scheduledStart ? -1 : 1;
  return a.createdAt.localeCompare(b.createdAt);
}

function NewSessionForm({ cohort }: { cohort: Cohort }) {
  const { api } = useStaff();
  const { form, fields, setFields, errors, error, busy, submit: run } = useStaffForm<SessionFields>({ title: '', start: '' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { errors: found, body } = checkSession(fields, cohort.timeZone);
    await run(
      found,
      async () => navigate(paths.session((await api.createSession(cohort.id, body)).id)),
      (err) => errorMessage(err),
    );
  };

  return (
    <form ref={form} className="staff-form staff-card" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="new-session">
      <h3 id="new-session">New session</h3>
      <Field
        label="Title"
        name="title"
        hint="For example, Monday evening group."
        autoComplete="off"
        value={fields.title}
        error={errors.title}
        onChange={(e) => setFields({ ...fields, title: e.target.value })}
      />
      <Field
        label="Starts (optional)"
        name="start"
        type="datetime-local"
        hint={
          <>
            On the cohort’s clock ({cohort.timeZone}). Invite links last until the end of the next day. Leave it empty and they last 7
            days.
          </>
        }
        value={fields.start}
        error={errors.start}
        onChange={(e) => setFields({ ...fields, start: e.target.value })}
      />
      <button type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create session'}
      </button>
      <FormMessage error={error} />
    </form>
  );
}
