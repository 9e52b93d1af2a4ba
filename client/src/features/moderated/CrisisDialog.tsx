import type { RefObject } from 'react';
import type { CrisisResource } from '@hearth/shared';
import { Dialog, DialogClose } from '../../ui/Dialog';
import { CRISIS_INTRO, ResourceItems } from './CrisisItems';

/** The crisis resources in a dialog (its own chunk: the dialog library is not on the first screen). */
type Props = { open: boolean; onOpenChange: (open: boolean) => void; resources: CrisisResource[]; returnFocusTo: RefObject<HTMLElement | null> };

export default function CrisisDialog({ open, onOpenChange, resources, returnFocusTo }: Props) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Crisis resources" description={CRISIS_INTRO} testId="crisis-panel" returnFocusTo={returnFocusTo}>
      <ResourceItems resources={resources} />
      <p className="muted">You can also press “I need help”: only your facilitators see it, with the callback number you gave.</p>
      <div className="dialog-actions">
        <DialogClose className="btn">Close</DialogClose>
      </div>
    </Dialog>
  );
}
