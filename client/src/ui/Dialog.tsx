import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode, RefObject } from 'react';

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** One sentence under the title; screen readers read it with the title. */
  description?: ReactNode;
  children?: ReactNode;
  /** Extra class on the panel, e.g. for a wider dialog. */
  className?: string;
  testId?: string;
  /**
   * Where focus goes back to on closing, when the dialog was opened by something other than a
   * Radix trigger (Radix returns focus only to its own trigger).
   */
  returnFocusTo?: RefObject<HTMLElement | null>;
};

/**
 * A modal dialog (Radix): focus moves in and is trapped, Escape and the overlay close it,
 * and focus returns to what opened it.
 */
export function Dialog({ open, onOpenChange, title, description, children, className, testId, returnFocusTo }: Props) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className={className ? `dialog ${className}` : 'dialog'}
          data-testid={testId}
          onCloseAutoFocus={returnFocusTo ? (event) => returnFocus(event, returnFocusTo) : undefined}
          // Without a description Radix warns; an explicit undefined says there is none on purpose.
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
          {description && <RadixDialog.Description className="dialog-description">{description}</RadixDialog.Description>}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** A button that closes the dialog it is in. */
export const DialogClose = RadixDialog.Close;

function returnFocus(event: Event, to: RefObject<HTMLElement | null>): void {
  event.preventDefault();
  to.current?.focus();
}
