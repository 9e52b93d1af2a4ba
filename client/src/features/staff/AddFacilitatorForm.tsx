import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { errorMessage } from '../../api/errorMessage';
import { Field } from './Field';
import { focusFirstError } from './focusFirstError';
import { FormMessage } from './FormMessage';
import { useStaff } from './staffContext';
import { checkNewAccount, hasErrors, MIN_PASSWORD_LENGTH, type AccountFields, type FieldErrors } from './validation';

const EMPTY: AccountFields = { displayName: '', email: '', password: '' };

/** Admins only: a facilitator account, with a password the admin passes on to them. */
export function AddFacilitatorForm() {
  const { api } = useStaff();
  const form = useRef<HTMLFormElement>(null);
  const [fields, setFields] = useState<AccountFields>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<keyof AccountFields>>({});
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof AccountFields) => (e: { target: { value: string } }) => setFields({ ...fields, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = checkNewAccount(fields);
    flushSync(() => {
      setErrors(found);
      setError(undefined);
      setStatus(undefined);
    });
    if (hasErrors(found)) return focusFirstError(form.current);
    setBusy(true);
    try {
      const account = await api.addFacilitator({ displayName: fields.displayName.trim(), email: fields.email.trim(), password: fields.password });
      setFields(EMPTY);
      setStatus(`${account.displayName} can now sign in with ${account.email} and the password you chose.`);
    } catch (err) {
      setError(errorMessage(err, 'addFacilitator'));
    } finally {
      setBusy(false);
    }
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
