import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { ReactNode, RefObject } from 'react';

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** A destructive action (leave, end, remove) gets the danger colour. */
  danger?: boolean;
  onConfirm: () => void;
  children?: ReactNode;
  testId?: string;
  /** Where focus goes back to on closing, when the dialog was not opened by a Radix trigger. */
  returnFocusTo?: RefObject<HTMLElement | null>;
};

/**
 * Asks before something that cannot be undone (Radix AlertDialog): focus starts on Cancel,
 * so a stray Enter never ends a session.
 */
export function ConfirmDialog({ open, onOpenChange, title, description, confirmLabel, cancelLabel = 'Cancel', danger = false, onConfirm, children, testId, returnFocusTo }: Props) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="dialog"
          data-testid={testId}
          onCloseAutoFocus={
            returnFocusTo
              ? (event) => {
                  event.preventDefault();
                  returnFocusTo.current?.focus();
                }
              : undefined
          }
        >
          <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">{description}</AlertDialog.Description>
          {children}
          <div className="dialog-actions">
            <AlertDialog.Cancel className="btn">{cancelLabel}</AlertDialog.Cancel>
            <AlertDialog.Action className={danger ? 'btn btn-danger' : 'btn btn-primary'} onClick={onConfirm}>
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
