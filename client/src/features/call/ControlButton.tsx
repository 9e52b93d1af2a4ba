import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> & {
  /** The full name ("Stop camera"): what a screen reader says and a laptop shows. */
  label: string;
  /** A shorter word for a phone's narrow bar ("Camera"); part of the full name, so voice control finds it. */
  short?: string;
  icon: ReactNode;
  tone?: 'danger' | 'attention' | 'off';
};

/**
 * One button of the control bar: an icon over a short label, never taller than the bar
 * (64 px) and never narrower than a fingertip (44 px).
 */
export const ControlButton = forwardRef<HTMLButtonElement, Props>(function ControlButton({ label, short, icon, tone, className, ...props }, ref) {
  return (
    <button
      ref={ref}
      type="button"
      aria-label={label}
      className={['control', tone ? `control-${tone}` : '', className ?? ''].filter(Boolean).join(' ')}
      {...props}
    >
      {icon}
      <span className="control-label control-label-long" aria-hidden="true">
        {label}
      </span>
      <span className="control-label control-label-short" aria-hidden="true">
        {short ?? label}
      </span>
    </button>
  );
});
