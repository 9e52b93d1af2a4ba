import { zodResolver } from '@hookform/resolvers/zod';
import { MIN_PASSWORD_LENGTH, ResetPasswordBody } from '@hearth/shared';
import { useForm } from 'react-hook-form';
import { errorMessage } from '../../api/errorMessage';
import type { StaffMember } from '../../api/types';
import { Field } from './Field';
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
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Pass it on in person or by phone, not by email.`}
        error={errors.password?.message}
        {...form.register('password')}
      />
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? 'Setting…' : 'Set new password'}
      </button>
      <FormMessage error={outcome.error} />
    </form>
  );
}
