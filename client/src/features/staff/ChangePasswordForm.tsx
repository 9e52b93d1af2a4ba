import { zodResolver } from '@hookform/resolvers/zod';
import { ChangePasswordForm as ChangePasswordSchema } from '@hearth/shared';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../api/errorMessage';
import { Field, NewPasswordField } from './Field';
import { FormMessage } from './FormMessage';
import { useStaff } from './staffContext';
import { useOutcome } from './useOutcome';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

/** Anyone signed in: a new password, proven with the current one. Other browsers are signed out. */
export function ChangePasswordForm() {
  const { api } = useStaff();
  const form = useForm({ resolver: zodResolver(ChangePasswordSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const { outcome, run, clear } = useOutcome();

  const submit = form.handleSubmit(
    ({ currentPassword, newPassword }) =>
      run(
        async () => {
          await api.changePassword({ currentPassword, newPassword });
          form.reset(EMPTY);
          return 'Password changed. Anywhere else you were signed in, you have been signed out.';
        },
        (err) => {
          form.resetField('currentPassword');
          return errorMessage(err, 'changePassword');
        },
      ),
    clear,
  );

  return (
    <form className="staff-form" noValidate onSubmit={(e) => void submit(e)}>
      <Field
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...form.register('currentPassword')}
      />
      <NewPasswordField label="New password" advice="own" error={errors.newPassword?.message} {...form.register('newPassword')} />
      <Field label="New password again" type="password" autoComplete="new-password" error={errors.confirm?.message} {...form.register('confirm')} />
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? 'Changing…' : 'Change password'}
      </button>
      <FormMessage error={outcome.error} status={outcome.status} />
    </form>
  );
}
