import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/errorMessage';
import { Field } from './Field';
import { FormMessage } from './FormMessage';
import { useStaff } from './staffContext';
import { useStaffForm } from './useStaffForm';
import { checkNewAccount, MIN_PASSWORD_LENGTH, type AccountFields } from './validation';

const EMPTY: AccountFields = { displayName: '', email: '', password: '' };

/** Admins only: a facilitator account, with a password the admin passes on to them. */
export function AddFacilitatorForm() {
  const { api } = useStaff();
  const { form, fields, setFields, set, errors, error, busy, submit: run } = useStaffForm<AccountFields>(EMPTY);
  const [status, setStatus] = useState<string>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(
      checkNewAccount(fields),
      async () => {
        const account = await api.addFacilitator({ displayName: fields.displayName.trim(), email: fields.email.trim(), password: fields.password });
        setFields(EMPTY);
        setStatus(`${account.displayName} can now sign in with ${account.email} and the password you chose.`);
      },
      (err) => errorMessage(err, 'addFacilitator'),
      () => setStatus(undefined),
    );
  };

  return (
    <form ref={form} className="staff-form" noValidate onSubmit={(e) => void submit(e)}>
      <Field label="Name" name="facilitatorName" autoComplete="off" value={fields.displayName} error={errors.displayName} onChange={set('displayName')} />
      <Field label="Email" type="email" name="facilitatorEmail" autoComplete="off" value={fields.email} error={errors.email} onChange={set('email')} />
      <Field
        label="Password"
        type="password"
        name="facilitatorPassword"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Pass it on in person or by phone, not by email.`}
        value={fields.password}
        error={errors.password}
        onChange={set('password')}
      />
      <button type="submit" disabled={busy}>
        {busy ? 'Adding…' : 'Add facilitator'}
      </button>
      <FormMessage error={error} status={status} />
    </form>
  );
}
