import { useId, useState } from 'react';
import { DisclosureRequest } from '@hearth/shared';
import { notesExportUrl } from '../../../api/clinicApi';
import { Field } from '../Field';

type Props = { sessionId: string; memberId: string | null; title: string };

/** Exports name who receives them and why (42 CFR Part 2, GNOTE4): the links appear once both are given. */
export function ExportForm({ sessionId, memberId, title }: Props) {
  const headingId = useId();
  const [recipient, setRecipient] = useState('');
  const [purpose, setPurpose] = useState('');
  const disclosure = DisclosureRequest.safeParse({ recipient, purpose });
  return (
    <section aria-labelledby={headingId} className="card staff-section">
      <h2 id={headingId}>{title}</h2>
      <div className="staff-stack">
        <Field label="Recipient" hint="Who receives this export." value={recipient} onChange={(e) => setRecipient(e.target.value)} maxLength={200} />
        <Field label="Purpose" hint="Why it is disclosed." value={purpose} onChange={(e) => setPurpose(e.target.value)} maxLength={200} />
      </div>
      {disclosure.success ? (
        <div className="staff-actions">
          <a className="btn" href={notesExportUrl(sessionId, memberId, 'pdf', disclosure.data.recipient, disclosure.data.purpose)} download>
            Download PDF
          </a>
          <a className="btn" href={notesExportUrl(sessionId, memberId, 'json', disclosure.data.recipient, disclosure.data.purpose)} download>
            Download JSON
          </a>
        </div>
      ) : (
        <p className="muted">Enter a recipient and a purpose to download.</p>
      )}
    </section>
  );
}
