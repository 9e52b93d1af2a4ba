import { useId, useState, type FormEvent } from 'react';
import type { Note } from '@hearth/shared';
import type { ModeratedSession } from '../../session/ModeratedSession';
import type { FacilitatorView } from './alerts';

const clockTime = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * Facilitators' private notes (NOTE1): about anyone in tonight's session, time-stamped, kept
 * with the session record and never shown to participants.
 */
export function NotesTab({ session, view }: { session: ModeratedSession; view: FacilitatorView }) {
  const people = view.members.filter((m) => m.role === 'participant' && m.status !== 'denied');
  const [about, setAbout] = useState(people[0]?.id ?? '');
  const [text, setText] = useState('');
  const id = useId();
  const chosen = people.some((m) => m.id === about) ? about : (people[0]?.id ?? '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (chosen && text.trim() && (await session.command({ type: 'addNote', memberId: chosen, text: text.trim() }))) setText('');
  };
  const withNotes = view.members.filter((m) => m.notes.length > 0);
  return (
    <div className="console-tab-body">
      <h2 className="console-tab-title">Private notes</h2>
      <p className="field-hint">Only facilitators see these. They are kept with the session record.</p>
      {people.length === 0 ? (
        <p className="muted">Notes can be written once someone has joined.</p>
      ) : (
        <form className="console-form" onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor={`${id}-about`}>About</label>
            <select id={`${id}-about`} value={chosen} onChange={(e) => setAbout(e.target.value)}>
              {people.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-text`}>Note</label>
            <textarea id={`${id}-text`} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
          </div>
          <button type="submit" className="btn btn-primary" disabled={!text.trim()}>
            Add note
          </button>
        </form>
      )}
      {withNotes.length === 0 ? (
        <p className="muted">No notes yet tonight.</p>
      ) : (
        withNotes.map((m) => (
          <section key={m.id} className="console-notes" aria-label={`Notes about ${m.displayName}`} data-testid="member-notes" data-name={m.displayName}>
            <h3>{m.displayName}</h3>
            <NoteList notes={m.notes} />
          </section>
        ))
      )}
    </div>
  );
}

/** Newest first: what was noted last is what a facilitator is most likely looking for. */
export function NoteList({ notes }: { notes: readonly Note[] }) {
  return (
    <ul className="note-list">
      {[...notes].reverse().map((n) => (
        <li key={`${n.at}-${n.authorId}-${n.text.length}`}>
          <time dateTime={new Date(n.at).toISOString()}>{clockTime(n.at)}</time> {n.text}
        </li>
      ))}
    </ul>
  );
}
