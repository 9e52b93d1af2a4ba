import { zodResolver } from '@hookform/resolvers/zod';
import { LoginBody } from '@hearth/shared';
import { useForm } from 'react-hook-form';
import { Link } from 'wouter';
import type { ClinicApi } from '../../api/clinicApi';
import { errorMessage } from '../../api/errorMessage';
import type { Account } from '../../api/types';
import { Field } from './Field';
import { FormMessage } from './FormMessage';
import { paths } from './routes';
import { StaffFrame } from './StaffFrame';
import { useLoad } from './useLoad';
import { useOutcome } from './useOutcome';
import { usePageHeading } from './usePageHeading';

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
  const form = useForm({ resolver: zodResolver(LoginBody), defaultValues: { email: initialEmail ?? '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  const { outcome, run, clear } = useOutcome();
  // The way to /setup is offered only while this Hearth has no accounts.
  const setup = useLoad(() => api.setupNeeded());

  const submit = form.handleSubmit(
    ({ email, password }) =>
      run(
        async () => onSignedIn(await api.signIn(email, password)),
        (err) => {
          // A refused password is typed again from scratch.
          form.resetField('password');
          form.setFocus('password');
          return errorMessage(err, 'signIn');
        },
      ),
    clear,
  );

  return (
    <StaffFrame>
      <main className="staff-narrow">
        <div className="card staff-auth-card">
          <h1 ref={heading} tabIndex={-1}>
            Sign in to Hearth
          </h1>
          <p className="muted">For clinic staff: admins and facilitators. Participants join with their personal invite link and need no account.</p>
          {notice && (
            <p role="status" className="notice notice-info">
              {notice}
            </p>
          )}
          <form className="staff-form" noValidate onSubmit={(e) => void submit(e)}>
            <Field label="Email" type="email" autoComplete="username" error={errors.email?.message} {...form.register('email')} />
            <Field label="Password" type="password" autoComplete="current-password" error={errors.password?.message} {...form.register('password')} />
            <button type="submit" className="btn btn-primary btn-block" disabled={isSubmitting}>
              {isSubmitting ? 'Signing in…' : 'Sign in'}
            </button>
            <FormMessage error={outcome.error} />
          </form>
        </div>
        {setup.state.status === 'ready' && setup.state.data && (
          <p className="staff-auth-aside">
            Setting up a new Hearth? <Link to={paths.setup()}>Create the first admin account</Link>.
          </p>
        )}
      </main>
    </StaffFrame>
  );
}
