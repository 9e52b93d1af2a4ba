import { useId, type ComponentProps, type ReactNode } from 'react';

type Props = ComponentProps<'input'> & { label: string; hint?: ReactNode; error?: string | undefined };

/** A labelled input with an optional hint and error, both tied to it for screen readers. */
export function Field({ label, hint, error, id, ...input }: Props) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <div className="staff-field">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p id={hintId} className="staff-hint">
          {hint}
        </p>
      )}
      <input id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} {...input} />
      {error && (
        <p id={errorId} className="staff-field-error">
          {error}
        </p>
      )}
    </div>
  );
}
