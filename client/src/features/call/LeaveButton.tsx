import { useRef, useState } from 'react';
import { LogOut } from 'lucide-react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ControlButton } from './ControlButton';

export type LeaveWords = { title: string; description: string; confirm: string };

/** Leave asks first: a stray tap on a phone must not drop someone out of their group. */
export function LeaveButton({ words, onLeave }: { words: LeaveWords; onLeave: () => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <ControlButton ref={button} label="Leave" icon={<LogOut aria-hidden="true" />} tone="danger" onClick={() => setOpen(true)} />
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={words.title}
        description={words.description}
        confirmLabel={words.confirm}
        cancelLabel="Stay"
        danger
        onConfirm={onLeave}
        testId="leave-dialog"
        returnFocusTo={button}
      />
    </>
  );
}
