import { useId, useState, type FormEvent, type RefObject } from 'react';
import type { FacilitatorMemberView } from '@hearth/shared';
import { Dialog, DialogClose } from '../../ui/Dialog';
import type { ModeratedSession } from '../../session/ModeratedSession';
import { Contact } from './AlertArea';
import type { RowDialog } from './MemberRow';
import { NoteList } from './NotesTab';

type Props = {
  dialog: { kind: RowDialog; member: FacilitatorMemberView } | undefined;
  session: ModeratedSession;
  /** Closed; `removed` when the member was just removed (their row is going). */
  close: (removed?: boolean) => void;
  returnFocusTo: RefObject<HTMLElement | null>;
};

/** The dialogs a member's menu opens: their contact, a private note, and removal with a reason. */
export function MemberDialogs({ dialog, session, close, returnFocusTo }: Props) {
  const onOpenChange = (open: boolean) => {
    if (!open) close();
  };
  const m = dialog?.member;
  return (
    <>
      <Dialog open={dialog?.kind === 'contact'} onOpenChange={onOpenChange} title={`${m?.displayName ?? ''}'s contact`} description="Given at the consent gate tonight. Only facilitators see it." testId="contact-dialog" returnFocusTo={returnFocusTo}>
        {m && <Contact member={m} />}
        <div className="dialog-actions">
          <DialogClose className="btn">Close</DialogClose>
        </div>
      </Dialog>
      <Dialog open={dialog?.kind === 'note'} onOpenChange={onOpenChange} title={`Private note about ${m?.displayName ?? ''}`} description="Kept with the session record. Only facilitators ever see it." testId="note-dialog" returnFocusTo={returnFocusTo}>
        {m && <NoteForm session={session} member={m} onDone={() => close()} />}
        {m && m.notes.length > 0 && <NoteList notes={m.notes} />}
      </Dialog>
      <Dialog open={dialog?.kind === 'remove'} onOpenChange={onOpenChange} title={`Remove ${m?.displayName ?? ''} from the session?`} description="They are disconnected and cannot come back tonight with the same link." testId="remove-dialog" returnFocusTo={returnFocusTo}>
        {m && <RemoveForm session={session} member={m} onDone={() => close(true)} />}
      </Dialog>
    </>
  );
}

function RemoveForm({ session, member, onDone }: { session: ModeratedSession; member: FacilitatorMemberView; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setMissing(true);
    if (await session.command({ type: 'remove', memberId: member.id, reason: reason.trim() })) onDone();
  };
  return (
    <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          maxLength={300}
          aria-describedby={`${id}-hint${missing ? ` ${id}-error` : ''}`}
          aria-invalid={missing || undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
        />
        <p id={`${id}-hint`} className="field-hint">
          Kept with the session record, not shown to anyone in the group.
        </p>
        {missing && (
          <p id={`${id}-error`} className="field-error" role="alert">
            Give a reason for the record.
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <DialogClose className="btn">Cancel</DialogClose>
        <button type="submit" className="btn btn-danger">
          Remove {member.displayName}
        </button>
      </div>
    </form>
  );
}

function NoteForm({ session, member, onDone }: { session: ModeratedSession; member: FacilitatorMemberView; onDone: () => void }) {
  const [text, setText] = useState('');
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() && (await session.command({ type: 'addNote', memberId: member.id, text: text.trim() }))) onDone();
  };
  return (
    <form className="dialog-form" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea id={`${id}-note`} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="dialog-actions">
        <DialogClose className="btn">Cancel</DialogClose>
        <button type="submit" className="btn btn-primary" disabled={!text.trim()}>
          Add note
        </button>
      </div>
    </form>
  );
}
