import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Cohort } from '../../api/types';
import { errorMessage } from '../../api/errorMessage';
import { Field } from './Field';
import { focusFirstError } from './focusFirstError';
import { FormMessage } from './FormMessage';
import { useStaff } from './staffContext';
import { checkCohort, hasErrors, type CohortFields, type FieldErrors } from './validation';
import { browserTimeZone, knownTimeZones } from './zonedTime';

/** Name and time zone of a new standing group; the zone defaults to this browser's. */
export function NewCohortForm({ onCreated }: { onCreated: (cohort: Cohort) => void }) {
  const { api } = useStaff();
  const form = useRef<HTMLFormElement>(null);
  const [fields, setFields] = useState<CohortFields>(() => ({ name: '', timeZone: browserTimeZone() }));
  const [zones] = useState(knownTimeZones);
  const [errors, setErrors] = useState<FieldErrors<keyof CohortFields>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = checkCohort(fields);
    flushSync(() => {
      setErrors(found);
      setError(undefined);
    });
    if (hasErrors(found)) return focusFirstError(form.current);
    setBusy(true);
    try {
      onCreated(await api.createCohort({ name: fields.name.trim(), timeZone: fields.timeZone.trim() }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="staff-form" noValidate onSubmit={(e) => void submit(e)}>
      <Field
        label="Name"
        name="cohortName"
        hint="For example, Evening IOP Mon/Wed/Thu. Staff see this name; participants do not."
        autoComplete="off"
        value={fields.name}
        error={errors.name}
        onChange={(e) => setFields({ ...fields, name: e.target.value })}
      />
      <Field
        label="Time zone"
        name="timeZone"
        hint="Where the group meets. Session times and invite expiry follow this zone."
        list="staff-time-zones"
        autoComplete="off"
        spellCheck={false}
        value={fields.timeZone}
        error={errors.timeZone}
        onChange={(e) => setFields({ ...fields, timeZone: e.target.value })}
      />
      <datalist id="staff-time-zones">
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <button type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create cohort'}
      </button>
      <FormMessage error={error} />
    </form>
  );
}
