import { useState } from 'react';
import { Dialog, DialogClose } from '../../ui/Dialog';
import { BREAK_MINUTES, DEFAULT_BREAK_MINUTES, backAt } from './breakTime';

type Props = { open: boolean; onOpenChange: (open: boolean) => void; onStart: (minutes: number) => void };

/** REST1: the facilitator picks the break's length and sees when the group will be back. */
export function BreakDialog({ open, onOpenChange, onStart }: Props) {
  const [minutes, setMinutes] = useState<number>(DEFAULT_BREAK_MINUTES);
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Start a break"
      description="Everyone's camera and microphone go off; the room stays open. Break time is not counted as treatment time."
      testId="break-dialog"
    >
      <fieldset className="break-lengths">
        <legend>Length</legend>
        {BREAK_MINUTES.map((m) => (
          <label key={m} className="break-length">
            <input type="radio" name="break-minutes" value={m} checked={minutes === m} onChange={() => setMinutes(m)} />
            {m} minutes
          </label>
        ))}
      </fieldset>
      <p data-testid="break-back-at">The group is back at {backAt(minutes * 60_000)}.</p>
      <div className="dialog-actions">
        <DialogClose className="btn">Cancel</DialogClose>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            onStart(minutes);
            onOpenChange(false);
          }}
        >
          Start break
        </button>
      </div>
    </Dialog>
  );
}
