import { zodResolver } from '@hookform/resolvers/zod';
import { ResetPasswordBody } from '@hearth/shared';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../api/errorMessage';
import type { StaffMember } from '../../api/types';
import { NewPasswordField } from './Field';
import { FormMessage } from './FormMessage';
import { useStaff } from './staffContext';
import { useOutcome } from './useOutcome';

/** Admins: a new password for a colleague who forgot theirs; every sign-in of theirs ends. */
export function ResetPasswordForm({ member, onDone }: { member: StaffMember; onDone: (status: string) => void }) {
  const { api } = useStaff();
  const form = useForm({ resolver: zodResolver(ResetPasswordBody), defaultValues: { password: '' } });
  const { errors, isSubmitting } = form.formState;
  const { outcome, run, clear } = useOutcome();

  const submit = form.handleSubmit(
    (body) =>
      run(
        async () => {
          await api.resetStaffPassword(member.id, body);
          onDone(`${member.displayName} has a new password and has been signed out everywhere. Pass it on in person or by phone.`);
        },
        (err) => errorMessage(err),
      ),
    clear,
  );

  return (
    <form className="staff-form" noValidate onSubmit={(e) => void submit(e)}>
      <NewPasswordField label="New password" advice="handed-over" error={errors.password?.message} {...form.register('password')} />
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? 'Setting…' : 'Set new password'}
      </button>
      <FormMessage error={outcome.error} />
    </form>
  );
}
