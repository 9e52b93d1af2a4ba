import { useState, type FormEvent } from 'react';
import type { ClinicApi } from '../../api/clinicApi';
import { errorMessage } from '../../api/errorMessage';
import { isApiError } from '../../api/ApiError';
import { Field } from './Field';
import { FormMessage } from './FormMessage';
import { Link } from './Link';
import { paths } from './routes';
import { useLoad } from './useLoad';
import { usePageHeading } from './usePageHeading';
import { useStaffForm } from './useStaffForm';
import { checkNewAccount, MIN_PASSWORD_LENGTH, type AccountFields } from './validation';

type Props = { api: ClinicApi; onCreated: (email: string) => void };

/** The one-time page of a fresh install: creates the first admin account. */
export function SetupPage({ api, onCreated }: Props) {
  const heading = usePageHeading('Set up Hearth');
  const needed = useLoad(() => api.setupNeeded());
  const [alreadyDone, setAlreadyDone] = useState(false);

  let body;
  if (alreadyDone || (needed.state.status === 'ready' && !needed.state.data)) {
    body = (
      <p className="staff-notice">
        This Hearth is already set up. <Link to={paths.login()}>Sign in</Link> with your account; a clinic admin can add facilitators.
      </p>
    );
  } else if (needed.state.status === 'loading') {
    body = <p className="staff-muted">Checking…</p>;
  } else if (needed.state.status === 'failed') {
    body = (
      <>
        <FormMessage error={errorMessage(needed.state.error)} />
        <button type="button" onClick={needed.reload}>
          Try again
        </button>
      </>
    );
  } else {
    body = <FirstAdminForm api={api} onCreated={onCreated} onAlreadyDone={() => setAlreadyDone(true)} />;
  }

  return (
    <main className="staff-narrow">
      <h1 ref={heading} tabIndex={-1}>
        Set up Hearth
      </h1>
      {body}
    </main>
  );
}

function FirstAdminForm({ api, onCreated, onAlreadyDone }: Props & { onAlreadyDone: () => void }) {
  const { form, fields, set, errors, error, busy, submit: run } = useStaffForm<Required<AccountFields>>({ displayName: '', email: '', password: '', confirm: '' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { displayName, email, password } = fields;
    await run(
      checkNewAccount(fields),
      async () => onCreated((await api.setupFirstAdmin({ displayName: displayName.trim(), email: email.trim(), password })).email),
      (err) => {
        // Someone else finished the setup meanwhile: say so rather than show an error.
        if (isApiError(err) && err.code === 'ALREADY_EXISTS') return void onAlreadyDone();
        return errorMessage(err, 'setup');
      },
    );
  };

  return (
    <>
      <p className="staff-lead">
        Create the clinic admin account. The admin adds facilitators, cohorts and sessions. This page works only once, while Hearth has no
        accounts.
      </p>
      <form ref={form} className="staff-form" noValidate onSubmit={(e) => void submit(e)}>
        <Field
          label="Your name"
          name="displayName"
          autoComplete="name"
          value={fields.displayName}
          error={errors.displayName}
          onChange={set('displayName')}
        />
        <Field label="Email" type="email" name="email" autoComplete="username" value={fields.email} error={errors.email} onChange={set('email')} />
        <Field
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
          value={fields.password}
          error={errors.password}
          onChange={set('password')}
        />
        <Field
          label="Password again"
          type="password"
          name="confirm"
          autoComplete="new-password"
          value={fields.confirm}
          error={errors.confirm}
          onChange={set('confirm')}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create admin account'}
        </button>
        <FormMessage error={error} />
      </form>
    </>
  );
}
