import { useState, type FormEvent } from 'react';
import { GroupSection, type SessionNotesAnswer } from '@hearth/shared';
import { errorMessage } from '../../../api/errorMessage';
import { Field } from '../Field';
import { FormMessage } from '../FormMessage';
import { useStaff } from '../staffContext';

type Props = { sessionId: string; group: GroupSection | null; locked: boolean; onSaved: (all: SessionNotesAnswer) => void };

/** The part of every member's note written once for the group; read-only once a note that includes it is signed (GNOTE1). */
export function GroupSectionForm({ sessionId, group, locked, onSaved }: Props) {
  const { api } = useStaff();
  const [topic, setTopic] = useState(group?.topic ?? '');
  const [interventions, setInterventions] = useState(group?.interventions ?? '');
  const [outcome, setOutcome] = useState<{ error?: string; status?: string }>({});

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = GroupSection.safeParse({ topic, interventions });
    if (!parsed.success) return setOutcome({ error: parsed.error.issues[0]?.message });
    try {
      onSaved(await api.saveGroupSection(sessionId, parsed.data));
      setOutcome({ status: 'Group section saved.' });
    } catch (err) {
      setOutcome({ error: errorMessage(err) });
    }
  };

  return (
    <section aria-labelledby="group-section" className="card staff-section">
      <h2 id="group-section">Group section</h2>
      {locked ? (
        <dl className="notes-readonly">
          <dt>Topic</dt>
          <dd>{group?.topic}</dd>
          <dt>Interventions</dt>
          <dd>{group?.interventions || '—'}</dd>
        </dl>
      ) : (
        <form onSubmit={save} className="staff-stack">
          <Field label="Topic" value={topic} onChange={(e) => setTopic(e.target.value)} maxLength={200} />
          <div className="field">
            <label htmlFor="group-interventions">Interventions</label>
            <textarea id="group-interventions" rows={3} value={interventions} onChange={(e) => setInterventions(e.target.value)} maxLength={2000} />
          </div>
          <div className="staff-actions">
            <button type="submit" className="btn btn-primary">
              Save group section
            </button>
          </div>
        </form>
      )}
      {locked && <p className="muted">A note of this session is signed, and with it this section: it is locked.</p>}
      <FormMessage error={outcome.error} status={outcome.status} />
    </section>
  );
}
