import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { NewCohort } from '@hearth/shared';
import { useForm } from 'react-hook-form';
import type { Cohort } from '../../api/types';
import { Field } from './Field';
import { FormMessage } from './FormMessage';
import { useStaff } from './staffContext';
import { useOutcome } from './useOutcome';
import { browserTimeZone, knownTimeZones } from './zonedTime';

/** Name and time zone of a new standing group; the zone defaults to this browser's. */
export function NewCohortForm({ onCreated }: { onCreated: (cohort: Cohort) => void }) {
  const { api } = useStaff();
  const form = useForm({ resolver: zodResolver(NewCohort), defaultValues: { name: '', timeZone: browserTimeZone() } });
  const { errors, isSubmitting } = form.formState;
  const { outcome, run, clear } = useOutcome();
  const [zones] = useState(knownTimeZones);

  const submit = form.handleSubmit((cohort) => run(async () => onCreated(await api.createCohort(cohort))), clear);

  return (
    <form className="staff-form" noValidate onSubmit={(e) => void submit(e)}>
      <Field
        label="Name"
        hint="For example, Evening IOP Mon/Wed/Thu. Staff see this name; participants do not."
        autoComplete="off"
        error={errors.name?.message}
        {...form.register('name')}
      />
      <Field
        label="Time zone"
        hint="Where the group meets. Session times and invite expiry follow this zone."
        list="staff-time-zones"
        autoComplete="off"
        spellCheck={false}
        error={errors.timeZone?.message}
        {...form.register('timeZone')}
      />
      <datalist id="staff-time-zones">
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? 'Creating…' : 'Create cohort'}
      </button>
      <FormMessage error={outcome.error} />
    </form>
  );
}
