import { zodResolver } from '@hookform/resolvers/zod';
import { NewAccountBody } from '@hearth/shared';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../api/errorMessage';
import { Field, NewPasswordField } from './Field';
import { FormMessage } from './FormMessage';
import { useStaff } from './staffContext';
import { useOutcome } from './useOutcome';

const EMPTY = { displayName: '', email: '', password: '' };

/** Admins only: a facilitator account, with a password the admin passes on to them. */
export function AddFacilitatorForm({ onAdded }: { onAdded?: () => void } = {}) {
  const { api } = useStaff();
  const form = useForm({ resolver: zodResolver(NewAccountBody), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const { outcome, run, clear } = useOutcome();

  const submit = form.handleSubmit(
    (body) =>
      run(
        async () => {
          const account = await api.addFacilitator(body);
          form.reset(EMPTY);
          onAdded?.();
          return `${account.displayName} can now sign in with ${account.email} and the password you chose.`;
        },
        (err) => errorMessage(err, 'addFacilitator'),
      ),
    clear,
  );

  return (
    <form className="staff-form" noValidate onSubmit={(e) => void submit(e)}>
      <Field label="Name" autoComplete="off" error={errors.displayName?.message} {...form.register('displayName')} />
      <Field label="Email" type="email" autoComplete="off" error={errors.email?.message} {...form.register('email')} />
      <NewPasswordField label="Password" advice="handed-over" error={errors.password?.message} {...form.register('password')} />
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? 'Adding…' : 'Add facilitator'}
      </button>
      <FormMessage error={outcome.error} status={outcome.status} />
    </form>
  );
}
