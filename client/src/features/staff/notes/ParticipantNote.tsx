import { useState, type FormEvent } from 'react';
import { AddendumRequest, IndividualSection, SignRequest, TEMPLATE_SECTIONS, sectionTextOf, type NoteAnswer } from '@hearth/shared';
import { errorMessage } from '../../../api/errorMessage';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Field } from '../Field';
import { FormMessage } from '../FormMessage';
import { useStaff } from '../staffContext';
import { ExportForm } from './ExportForm';
import { factRows, STATUS_LABEL } from './noteLabels';

type Props = { note: NoteAnswer; coSign: boolean; onChanged: (note: NoteAnswer) => void };
type Outcome = { error?: string | undefined; status?: string | undefined };

/**
 * One member's note: the facts Hearth recorded (read-only), the template's sections, Save and
 * Sign while a draft; once signed, the sections read-only (GNOTE1) and an addendum form (GNOTE2).
 */
export function ParticipantNote({ note, coSign, onChanged }: Props) {
  const { api } = useStaff();
  const sections = TEMPLATE_SECTIONS[note.individual.template];
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(sections.map((s) => [s.key, sectionTextOf(note.individual, s.key)])));
  const [signer, setSigner] = useState({ name: '', credential: '' });
  const [confirming, setConfirming] = useState<'sign' | 'co-sign' | null>(null);
  const [addendum, setAddendum] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({});
  const locked = note.status !== 'draft';
  const headingId = `note-${note.memberId}`;

  const run = async (action: () => Promise<NoteAnswer>, status: string) => {
    try {
      onChanged(await action());
      setOutcome({ status });
    } catch (err) {
      setOutcome({ error: errorMessage(err) });
    }
  };
  const individual = () => IndividualSection.parse({ template: note.individual.template, ...texts });
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(() => api.saveNote(note.sessionId, note.memberId, individual()), 'Draft saved.');
  };
  const askToSign = (kind: 'sign' | 'co-sign') => {
    const parsed = SignRequest.safeParse(signer);
    if (!parsed.success) return setOutcome({ error: parsed.error.issues[0]?.message });
    setConfirming(kind);
  };
  const sign = () =>
    void run(async () => {
      // The draft as it stands on screen is what is signed.
      await api.saveNote(note.sessionId, note.memberId, individual());
      return api.signNote(note.sessionId, note.memberId, signer);
    }, 'Signed and locked.');
  const coSignNote = () => void run(() => api.coSignNote(note.sessionId, note.memberId, signer), 'Co-signed.');
  const addAddendumNow = (event: FormEvent) => {
    event.preventDefault();
    const parsed = AddendumRequest.safeParse({ text: addendum });
    if (!parsed.success) return setOutcome({ error: parsed.error.issues[0]?.message });
    void run(() => api.addAddendum(note.sessionId, note.memberId, parsed.data.text), 'Addendum added.').then(() => setAddendum(''));
  };

  const signerFields = (
    <div className="notes-signer">
      <Field label="Your name" autoComplete="name" value={signer.name} onChange={(e) => setSigner({ ...signer, name: e.target.value })} maxLength={120} />
      <Field label="Credential" hint="e.g. LCSW, LPC" value={signer.credential} onChange={(e) => setSigner({ ...signer, credential: e.target.value })} maxLength={40} />
    </div>
  );

  return (
    <>
      <section aria-labelledby={headingId} className="card staff-section" data-testid="participant-note">
        <div className="staff-section-head">
          <h2 id={headingId}>
            {note.pseudonym} — {note.individual.template} note
          </h2>
          <span className={`notes-status notes-status-${note.status}`}>{STATUS_LABEL[note.status]}</span>
        </div>
        <h3>Recorded by Hearth</h3>
        <dl className="notes-facts" aria-label="Facts recorded by Hearth">
          {factRows(note.facts).map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <form onSubmit={save} className="staff-stack">
          {sections.map((s) => (
            <div className="field" key={s.key}>
              <label htmlFor={`${headingId}-${s.key}`}>{s.label}</label>
              <textarea id={`${headingId}-${s.key}`} rows={4} value={texts[s.key] ?? ''} readOnly={locked} maxLength={2000} onChange={(e) => setTexts({ ...texts, [s.key]: e.target.value })} />
            </div>
          ))}
          {!locked && (
            <>
              <div className="staff-actions">
                <button type="submit" className="btn">
                  Save draft
                </button>
              </div>
              {signerFields}
              <div className="staff-actions">
                <button type="button" className="btn btn-primary" onClick={() => askToSign('sign')}>
                  Sign note
                </button>
              </div>
            </>
          )}
        </form>
        {note.signature && (
          <p className="notes-signature">
            Signed by {note.signature.name}, {note.signature.credential}, {new Date(note.signature.at).toLocaleString()}
          </p>
        )}
        {note.coSignature && (
          <p className="notes-signature">
            Co-signed by {note.coSignature.name}, {note.coSignature.credential}, {new Date(note.coSignature.at).toLocaleString()}
          </p>
        )}
        {note.status === 'signed' && coSign && (
          <>
            <h3>Supervisor co-signature</h3>
            {signerFields}
            <div className="staff-actions">
              <button type="button" className="btn" onClick={() => askToSign('co-sign')}>
                Co-sign note
              </button>
            </div>
          </>
        )}
        {note.addenda.length > 0 && (
          <>
            <h3>Addenda</h3>
            <ol className="notes-addenda">
              {note.addenda.map((a) => (
                <li key={a.at + a.text}>
                  <p className="muted">
                    {new Date(a.at).toLocaleString()} — {a.authorName}
                  </p>
                  <p>{a.text}</p>
                </li>
              ))}
            </ol>
          </>
        )}
        {locked && (
          <form onSubmit={addAddendumNow} className="staff-stack">
            <div className="field">
              <label htmlFor={`${headingId}-addendum`}>Addendum</label>
              <textarea id={`${headingId}-addendum`} rows={3} value={addendum} maxLength={2000} onChange={(e) => setAddendum(e.target.value)} />
            </div>
            <div className="staff-actions">
              <button type="submit" className="btn">
                Add addendum
              </button>
            </div>
          </form>
        )}
        <FormMessage error={outcome.error} status={outcome.status} />
      </section>
      <ExportForm sessionId={note.sessionId} memberId={note.memberId} title={`Export ${note.pseudonym}'s note`} />
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={confirming === 'co-sign' ? 'Co-sign this note?' : 'Sign and lock this note?'}
        description={
          confirming === 'co-sign'
            ? `You co-sign as ${signer.name}, ${signer.credential}.`
            : `You sign as ${signer.name}, ${signer.credential}. A signed note cannot be edited; later changes are dated addenda.`
        }
        confirmLabel={confirming === 'co-sign' ? 'Co-sign' : 'Sign and lock'}
        onConfirm={() => (confirming === 'co-sign' ? coSignNote() : sign())}
        testId="sign-dialog"
      />
    </>
  );
}
