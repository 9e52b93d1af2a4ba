import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { ClinicApi } from '../../api/clinicApi';
import { errorMessage } from '../../api/errorMessage';
import type { Account } from '../../api/types';
import { Field } from './Field';
import { focusFirstError } from './focusFirstError';
import { FormMessage } from './FormMessage';
import { Link } from './Link';
import { paths } from './routes';
import { useLoad } from './useLoad';
import { usePageHeading } from './usePageHeading';
import { checkSignIn, hasErrors, type FieldErrors, type SignInFields } from './validation';

type Props = {
  api: ClinicApi;
  /** Shown above the form: "You have signed out.", "Your admin account is ready…" */
  notice: string | undefined;
  /** Filled in after setup, so the new admin need not type it again. */
  initialEmail: string | undefined;
  onSignedIn: (account: Account) => void;
};

/** Email and password sign-in for clinic admins and facilitators. */
export function LoginPage({ api, notice, initialEmail, onSignedIn }: Props) {
  const heading = usePageHeading('Sign in');
  const form = useRef<HTMLFormElement>(null);
  const [fields, setFields] = useState<SignInFields>({ email: initialEmail ?? '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<keyof SignInFields>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const password = useRef<HTMLInputElement>(null);
  // The way to /setup is offered only while this Hearth has no accounts.
  const setup = useLoad(() => api.setupNeeded());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = checkSignIn(fields);
    flushSync(() => {
      setErrors(found);
      setError(undefined);
    });
    if (hasErrors(found)) return focusFirstError(form.current);
    setBusy(true);
    try {
      onSignedIn(await api.signIn(fields.email.trim(), fields.password));
    } catch (err) {
      flushSync(() => {
        setError(errorMessage(err, 'signIn'));
        setFields((f) => ({ ...f, password: '' }));
        setBusy(false);
      });
      password.current?.focus();
    }
  };

  return (
    <main className="staff-narrow">
      <h1 ref={heading} tabIndex={-1}>
        Sign in to Hearth
      </h1>
      <p className="staff-lead">For clinic staff: admins and facilitators. Participants join with their personal invite link and need no account.</p>
      {notice && (
        <p role="status" className="staff-notice">
          {notice}
        </p>
      )}
      <form ref={form} className="staff-form" noValidate onSubmit={(e) => void submit(e)}>
        <Field
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          value={fields.email}
          error={errors.email}
          onChange={(e) => setFields({ ...fields, email: e.target.value })}
        />
        <Field
          ref={password}
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={fields.password}
          error={errors.password}
          onChange={(e) => setFields({ ...fields, password: e.target.value })}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <FormMessage error={error} />
      </form>
      {setup.state.status === 'ready' && setup.state.data && (
        <p className="staff-aside">
          Setting up a new Hearth? <Link to={paths.setup()}>Create the first admin account</Link>.
        </p>
      )}
    </main>
  );
}
