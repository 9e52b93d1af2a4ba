import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { FirstAdminForm } from '@hearth/shared';
import { useForm } from 'react-hook-form';
import { Link } from 'wouter';
import type { ClinicApi } from '../../api/clinicApi';
import { errorMessage } from '../../api/errorMessage';
import { isApiError } from '../../api/ApiError';
import { Field, NewPasswordField } from './Field';
import { FormMessage } from './FormMessage';
import { LoadFailed } from './LoadFailed';
import { paths } from './routes';
import { StaffFrame } from './StaffFrame';
import { useLoad } from './useLoad';
import { useOutcome } from './useOutcome';
import { usePageHeading } from './usePageHeading';

type Props = { api: ClinicApi; onCreated: (email: string) => void };

/** The one-time page of a fresh install: creates the first admin account. */
export function SetupPage({ api, onCreated }: Props) {
  const heading = usePageHeading('Set up Hearth');
  const needed = useLoad(() => api.setupNeeded());
  const [alreadyDone, setAlreadyDone] = useState(false);

  let body;
  if (alreadyDone || (needed.state.status === 'ready' && !needed.state.data)) {
    body = (
      <p className="notice notice-info">
        This Hearth is already set up. <Link to={paths.login()}>Sign in</Link> with your account; a clinic admin can add facilitators.
      </p>
    );
  } else if (needed.state.status === 'loading') {
    body = <p className="muted">Checking…</p>;
  } else if (needed.state.status === 'failed') {
    body = <LoadFailed message={errorMessage(needed.state.error)} onRetry={needed.reload} />;
  } else {
    body = <FirstAdmin api={api} onCreated={onCreated} onAlreadyDone={() => setAlreadyDone(true)} />;
  }

  return (
    <StaffFrame>
      <main className="staff-narrow">
        <div className="card staff-auth-card">
          <h1 ref={heading} tabIndex={-1}>
            Set up Hearth
          </h1>
          {body}
        </div>
      </main>
    </StaffFrame>
  );
}

function FirstAdmin({ api, onCreated, onAlreadyDone }: Props & { onAlreadyDone: () => void }) {
  const form = useForm({ resolver: zodResolver(FirstAdminForm), defaultValues: { displayName: '', email: '', password: '', confirm: '' } });
  const { errors, isSubmitting } = form.formState;
  const { outcome, run, clear } = useOutcome();

  const submit = form.handleSubmit(
    ({ displayName, email, password }) =>
      run(
        async () => onCreated((await api.setupFirstAdmin({ displayName, email, password })).email),
        (err) => {
          // Someone else finished the setup meanwhile: say so rather than show an error.
          if (isApiError(err) && err.code === 'ALREADY_EXISTS') return void onAlreadyDone();
          return errorMessage(err, 'setup');
        },
      ),
    clear,
  );

  return (
    <>
      <p className="muted">
        Create the clinic admin account. The admin adds facilitators, cohorts and sessions. This page works only once, while Hearth has no
        accounts.
      </p>
      <form className="staff-form" noValidate onSubmit={(e) => void submit(e)}>
        <Field label="Your name" autoComplete="name" error={errors.displayName?.message} {...form.register('displayName')} />
        <Field label="Email" type="email" autoComplete="username" error={errors.email?.message} {...form.register('email')} />
        <NewPasswordField label="Password" advice="own" error={errors.password?.message} {...form.register('password')} />
        <Field label="Password again" type="password" autoComplete="new-password" error={errors.confirm?.message} {...form.register('confirm')} />
        <button type="submit" className="btn btn-primary btn-block" disabled={isSubmitting}>
          {isSubmitting ? 'Creating…' : 'Create admin account'}
        </button>
        <FormMessage error={outcome.error} />
      </form>
    </>
  );
}
