import { useState } from 'react';
import type { NoteAnswer, SessionNotesAnswer } from '@hearth/shared';
import { errorMessage } from '../../../api/errorMessage';
import { Breadcrumbs } from '../Breadcrumbs';
import { LoadFailed } from '../LoadFailed';
import { paths } from '../routes';
import { useStaff } from '../staffContext';
import { useLoad } from '../useLoad';
import { usePageHeading } from '../usePageHeading';
import { ExportForm } from './ExportForm';
import { GroupSectionForm } from './GroupSectionForm';
import { ParticipantNote } from './ParticipantNote';
import { STATUS_LABEL } from './noteLabels';

/**
 * /clinic/sessions/<id>/notes: the session's group notes. The group section is written once
 * for everyone; then one member's note at a time, chosen from the list with its status.
 */
export function SessionNotesPage({ sessionId }: { sessionId: string }) {
  const { api } = useStaff();
  const loaded = useLoad(() => api.sessionNotes(sessionId));
  const [chosen, setChosen] = useState<string | null>(null);
  const data = loaded.state.status === 'ready' ? loaded.state.data : undefined;
  const heading = usePageHeading(data ? `Group notes — ${data.title}` : 'Group notes');
  const note = data?.notes.find((n) => n.memberId === chosen);
  const replaceNote = (next: NoteAnswer) => {
    loaded.set((d) => ({ ...d, notes: d.notes.map((n) => (n.memberId === next.memberId ? next : n)) }));
    // A signature locks the group section too (GNOTE1): the server says so, asked afresh.
    if (next.status !== 'draft') loaded.reload();
  };
  const replaceAll = (next: SessionNotesAnswer) => loaded.set(() => next);

  return (
    <main className="staff-page notes-page">
      <Breadcrumbs trail={[{ label: 'Cohorts', to: paths.cohorts() }, { label: data?.title ?? 'Session', to: paths.session(sessionId) }]} current="Group notes" />
      <header className="staff-page-head">
        <h1 ref={heading} tabIndex={-1}>
          {data ? `Group notes — ${data.title}` : 'Group notes'}
        </h1>
        {data && (
          <p className="staff-meta">
            {data.date} · {data.settings.template} template{data.settings.coSign ? ' · co-signed by a supervisor' : ''}
          </p>
        )}
      </header>
      {loaded.state.status === 'loading' && <p className="muted">Loading notes…</p>}
      {loaded.state.status === 'failed' && <LoadFailed message={errorMessage(loaded.state.error)} onRetry={loaded.reload} />}
      {data && (
        <>
          <GroupSectionForm sessionId={sessionId} group={data.group} locked={data.groupLocked} onSaved={replaceAll} />
          <section aria-labelledby="members-notes" className="card staff-section">
            <h2 id="members-notes">Members</h2>
            <ul className="notes-list">
              {data.notes.map((n) => (
                <li key={n.memberId}>
                  <button type="button" className={n.memberId === chosen ? 'btn btn-primary' : 'btn'} aria-pressed={n.memberId === chosen} onClick={() => setChosen(n.memberId)}>
                    {n.pseudonym}
                  </button>
                  <span className={`notes-status notes-status-${n.status}`}>{STATUS_LABEL[n.status]}</span>
                </li>
              ))}
            </ul>
          </section>
          {note && <ParticipantNote key={note.memberId} note={note} coSign={data.settings.coSign} onChanged={replaceNote} />}
          <ExportForm sessionId={sessionId} memberId={null} title="Export all notes of this session" />
        </>
      )}
    </main>
  );
}
