import { zodResolver } from '@hookform/resolvers/zod';
import { newSessionForm } from '@hearth/shared';
import { CalendarClock, ChevronRight } from 'lucide-react';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import type { Cohort, GroupSession } from '../../api/types';
import { Field } from './Field';
import { FormMessage } from './FormMessage';
import { paths } from './routes';
import { sessionOrder, sessionWhen } from './sessionStatus';
import { SessionStatusBadge } from './SessionStatusBadge';
import { useStaff } from './staffContext';
import { useOutcome } from './useOutcome';

/** The cohort's sessions, live and coming ones first, and a new one. */
export function SessionsSection({ cohort, sessions }: { cohort: Cohort; sessions: GroupSession[] }) {
  const sorted = [...sessions].sort(sessionOrder);
  return (
    <section aria-labelledby="sessions" className="staff-split">
      <div className="staff-section">
        <h2 id="sessions" className="visually-hidden">
          Sessions
        </h2>
        {sorted.length === 0 ? (
          <div className="staff-empty">
            <CalendarClock aria-hidden="true" />
            <p>
              <strong>No sessions yet.</strong> Set a weekly schedule to create the coming evenings at once, or create one session here.
            </p>
          </div>
        ) : (
          <ul className="staff-rows" aria-label="Sessions">
            {sorted.map((s) => (
              <li key={s.id}>
                <Link to={paths.session(s.id)} className="staff-row-link">
                  <span className="staff-row-main">
                    <span className="staff-row-title">{s.title}</span>
                    <span className="staff-row-meta">{sessionWhen(s, cohort.timeZone)}</span>
                  </span>
                  <SessionStatusBadge status={s.status} />
                  <ChevronRight aria-hidden="true" className="staff-row-chevron" />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="staff-side">
        <NewSessionForm cohort={cohort} />
      </div>
    </section>
  );
}

function NewSessionForm({ cohort }: { cohort: Cohort }) {
  const { api } = useStaff();
  const [, navigate] = useLocation();
  const schema = useMemo(() => newSessionForm(cohort.timeZone), [cohort.timeZone]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { title: '', start: '' } });
  const { errors, isSubmitting } = form.formState;
  const { outcome, run, clear } = useOutcome();

  const submit = form.handleSubmit((body) => run(async () => navigate(paths.session((await api.createSession(cohort.id, body)).id))), clear);

  return (
    <form className="card staff-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="new-session">
      <h3 id="new-session">New session</h3>
      <Field label="Title" hint="For example, Monday evening group." autoComplete="off" error={errors.title?.message} {...form.register('title')} />
      <Field
        label="Starts (optional)"
        type="datetime-local"
        hint={
          <>
            On the cohort’s clock ({cohort.timeZone}). Invite links last until the end of the next day. Leave it empty and they last 7
            days.
          </>
        }
        error={errors.start?.message}
        {...form.register('start')}
      />
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? 'Creating…' : 'Create session'}
      </button>
      <FormMessage error={outcome.error} />
    </form>
  );
}
