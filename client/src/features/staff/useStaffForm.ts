import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { focusFirstError } from './focusFirstError';
import { hasErrors, type FieldErrors } from './validation';

/**
 * The staff forms' shared life: fields, errors beside them, one message for a refused
 * request, and a busy state while it runs. `submit` shows the check's errors (focusing the
 * first), or runs the request; a failure becomes words through `describe`, or nothing
 * when `describe` has handled it itself.
 */
export function useStaffForm<F extends object>(initial: F | (() => F)) {
  const form = useRef<HTMLFormElement>(null);
  const [fields, setFields] = useState<F>(initial);
  const [errors, setErrors] = useState<FieldErrors<keyof F & string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof F) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (
    found: FieldErrors<keyof F & string>,
    send: () => Promise<void>,
    describe: (err: unknown) => string | undefined,
    beforeCheck: () => void = () => {},
  ) => {
    flushSync(() => {
      setErrors(found);
      setError(undefined);
      beforeCheck();
    });
    if (hasErrors(found)) return focusFirstError(form.current);
    setBusy(true);
    try {
      await send();
    } catch (err) {
      const message = describe(err);
      if (message !== undefined) setError(message);
    } finally {
      setBusy(false);
    }
  };

  return { form, fields, setFields, set, errors, error, busy, submit };
}
