import { useState, type FormEvent } from 'react';
import type { Cohort } from '../../api/types';
import { errorMessage } from '../../api/errorMessage';
import { Field } from './Field';
import { FormMessage } from './FormMessage';
import { useStaff } from './staffContext';
import { useStaffForm } from './useStaffForm';
import { checkCohort, type CohortFields } from './validation';
import { browserTimeZone, knownTimeZones } from './zonedTime';

/** Name and time zone of a new standing group; the zone defaults to this browser's. */
export function NewCohortForm({ onCreated }: { onCreated: (cohort: Cohort) => void }) {
  const { api } = useStaff();
  const { form, fields, setFields, errors, error, busy, submit: run } = useStaffForm<CohortFields>(() => ({ name: '', timeZone: browserTimeZone() }));
  const [zones] = useState(knownTimeZones);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(
      checkCohort(fields),
      async () => onCreated(await api.createCohort({ name: fields.name.trim(), timeZone: fields.timeZone.trim() })),
      (err) => errorMessage(err),
    );
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
