import { zodResolver } from '@hookform/resolvers/zod';
import { ClinicInfo as ClinicInfoSchema, type ClinicInfo } from '@hearth/shared';
import { Plus } from 'lucide-react';
import { useFieldArray, useForm } from 'react-hook-form';
import { errorMessage } from '../../api/errorMessage';
import { announce } from '../../ui/announcer';
import { CrisisPreview } from './CrisisPreview';
import { CrisisResourceFields, EMPTY_RESOURCE, MAX_RESOURCES } from './CrisisResourceFields';
import { asSentence, Field } from './Field';
import { FormMessage } from './FormMessage';
import { LoadFailed } from './LoadFailed';
import { RetentionSection } from './RetentionSection';
import { useStaff } from './staffContext';
import { useLoad } from './useLoad';
import { useOutcome } from './useOutcome';
import { usePageHeading } from './usePageHeading';

/** /clinic/settings (admins): the clinic's name and country, and the crisis resources every participant screen shows. */
export function SettingsPage() {
  const { api, account } = useStaff();
  const heading = usePageHeading('Clinic settings');
  const admin = account.role === 'admin';
  // Facilitators are not shown the way in; the server refuses their changes too.
  const loaded = useLoad(() => (admin ? api.clinicSettings() : Promise.resolve(undefined)));
  const state = loaded.state;

  return (
    <main className="staff-page staff-settings">
      <header className="staff-page-head">
        <h1 ref={heading} tabIndex={-1}>
          Clinic settings
        </h1>
        <p className="staff-lead">What every participant sees about the clinic: its name, and where to turn in a crisis, one click away on every screen.</p>
      </header>
      {!admin && <p className="notice notice-info">Only clinic admins can change the clinic’s settings.</p>}
      {state.status === 'loading' && <p className="muted">Loading the settings…</p>}
      {state.status === 'failed' && <LoadFailed message={errorMessage(state.error)} onRetry={loaded.reload} />}
      {state.status === 'ready' && state.data && <SettingsForm initial={state.data} />}
      {admin && <RetentionSection />}
    </main>
  );
}

/** Empty detail lines are left out of what is saved. */
const withoutEmptyDetails = (info: ClinicInfo): ClinicInfo => ({
  ...info,
  crisisResources: info.crisisResources.map(({ detail, ...r }) => (detail ? { ...r, detail } : r)),
});

const formValues = (info: ClinicInfo) => ({ ...info, crisisResources: info.crisisResources.map((r) => ({ ...r, detail: r.detail ?? '' })) });

function SettingsForm({ initial }: { initial: ClinicInfo }) {
  const { api, onClinicSaved } = useStaff();
  const form = useForm({ resolver: zodResolver(ClinicInfoSchema), defaultValues: formValues(initial) });
  const { errors, isSubmitting, isDirty } = form.formState;
  const resources = useFieldArray({ control: form.control, name: 'crisisResources' });
  const { outcome, run, clear } = useOutcome();
  const country = form.watch('country');
  const shown = form.watch();

  const save = form.handleSubmit(
    (info) =>
      run(async () => {
        const saved = await api.saveClinicSettings(withoutEmptyDetails(info));
        onClinicSaved(saved);
        form.reset(formValues(saved));
        return 'Settings saved. Participants’ screens show them from now on.';
      }),
    clear,
  );

  const move = (from: number, to: number) => {
    resources.move(from, to);
    const label = form.getValues(`crisisResources.${to}.label`) || 'The resource';
    announce(`${label} moved to place ${to + 1} of ${resources.fields.length}.`);
  };
  const remove = (index: number) => {
    const label = form.getValues(`crisisResources.${index}.label`) || 'The resource';
    resources.remove(index);
    announce(`${label} removed. Save to keep the change.`);
  };
  const add = () => {
    resources.append(EMPTY_RESOURCE, { focusName: `crisisResources.${resources.fields.length}.label` });
  };
  const listError = errors.crisisResources?.root?.message ?? errors.crisisResources?.message;

  return (
    <form className="staff-split staff-settings-form" noValidate onSubmit={(e) => void save(e)} aria-label="Clinic settings">
      <div className="staff-section">
        <section aria-labelledby="clinic-identity" className="card staff-form">
          <h2 id="clinic-identity">The clinic</h2>
          <Field
            label="Clinic name"
            hint="Shown to participants on the way in, in the waiting room and on the last page."
            autoComplete="organization"
            error={errors.name?.message}
            {...form.register('name')}
          />
          <Field
            label="Country"
            hint={<>Two letters, such as US, CA or GB: where the crisis resources below apply.{countryName(country) && <> This is {countryName(country)}.</>}</>}
            autoComplete="off"
            maxLength={2}
            spellCheck={false}
            className="staff-country"
            error={errors.country?.message}
            {...form.register('country', { setValueAs: (v: string) => v.toUpperCase() })}
          />
        </section>

        <section aria-labelledby="crisis-resources" className="card staff-form">
          <div className="staff-section-head">
            <h2 id="crisis-resources">Crisis resources</h2>
            <p className="muted">In the order participants see them. Put the most important first; an emergency number belongs here too.</p>
          </div>
          <ol className="staff-resources" aria-label="Crisis resources">
            {resources.fields.map((field, index) => (
              <CrisisResourceFields
                key={field.id}
                form={form}
                index={index}
                count={resources.fields.length}
                onMove={move}
                onRemove={remove}
              />
            ))}
          </ol>
          {listError && (
            <p role="alert" className="field-error">
              {asSentence(listError)}
            </p>
          )}
          <p>
            <button type="button" className="btn" disabled={resources.fields.length >= MAX_RESOURCES} onClick={add}>
              <Plus aria-hidden="true" />
              Add a resource
            </button>
          </p>
          {resources.fields.length >= MAX_RESOURCES && <p className="field-hint">A clinic lists at most {MAX_RESOURCES} resources.</p>}
        </section>

        <div className="staff-save-bar">
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : 'Save settings'}
          </button>
          {isDirty && !isSubmitting && <p className="muted">Not saved yet.</p>}
          <FormMessage error={outcome.error} status={outcome.status} />
        </div>
      </div>
      <div className="staff-side staff-preview-side">
        <CrisisPreview info={shown} />
      </div>
    </form>
  );
}

/** "United States" for US, in the reader's language; nothing for a code that is not a region. */
function countryName(code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  try {
    const name = new Intl.DisplayNames(undefined, { type: 'region' }).of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}
