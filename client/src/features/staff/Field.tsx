import { useId, type ComponentProps, type ReactNode } from 'react';
import { MIN_PASSWORD_LENGTH } from '@hearth/shared';

type Described = { label: string; hint?: ReactNode; error?: string | undefined };

/** Ids for a control's hint and error, both tied to it for screen readers. */
function useDescribed(id: string | undefined, hint: ReactNode, error: string | undefined) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return { controlId, hintId, errorId, describedBy };
}

/** A schema's message as a sentence, whoever wrote it: `give it a name` → `Give it a name.` */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function Help({ hint, hintId, error, errorId }: { hint: ReactNode; hintId: string; error: string | undefined; errorId: string }) {
  return (
    <>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {asSentence(error)}
        </p>
      )}
    </>
  );
}

/**
 * A labelled input with an optional hint and error. Takes react-hook-form's `register()`
 * props as they are (name, onChange, onBlur, ref), so the form can focus the first refusal.
 */
export function Field({ label, hint, error, id, className, ...input }: ComponentProps<'input'> & Described) {
  const { controlId, hintId, errorId, describedBy } = useDescribed(id, hint, error);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={controlId}>{label}</label>
      <input id={controlId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      <Help hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

/**
 * What to say beside a new password: one handed to a colleague travels by voice, never in
 * writing; one chosen for oneself is best made of a few words.
 */
const PASSWORD_ADVICE = {
  'handed-over': 'Pass it on in person or by phone, not by email.',
  own: 'A few unrelated words make a strong one.',
} as const;

/**
 * A password being set: the length rule said before anyone types, and the browser told it is
 * new (it offers to make one up, and never fills in the old one).
 */
export function NewPasswordField({ advice, ...field }: ComponentProps<'input'> & Described & { advice: keyof typeof PASSWORD_ADVICE }) {
  return <Field type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters. ${PASSWORD_ADVICE[advice]}`} {...field} />;
}

/** The same for a choice from a list. */
export function SelectField({ label, hint, error, id, className, children, ...select }: ComponentProps<'select'> & Described) {
  const { controlId, hintId, errorId, describedBy } = useDescribed(id, hint, error);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={controlId}>{label}</label>
      <select id={controlId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
        {children}
      </select>
      <Help hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}
