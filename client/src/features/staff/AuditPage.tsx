import { useState } from 'react';
import { ShieldCheck } from 'lucide-react';
import { isApiError } from '../../api/ApiError';
import { errorMessage } from '../../api/errorMessage';
import type { AuditEntry, AuditVerification } from '../../api/types';
import { auditTime, shortId, verificationText } from './auditView';
import { LoadFailed } from './LoadFailed';
import { useStaff } from './staffContext';
import { useLoad } from './useLoad';
import { useOutcome } from './useOutcome';
import { usePageHeading } from './usePageHeading';

const ADMINS_ONLY = 'Only clinic admins can see the audit log.';

/** /clinic/audit: the newest entries of the tamper-evident log, and a check of its whole chain. Admins only. */
export function AuditPage() {
  const { account } = useStaff();
  const heading = usePageHeading('Audit log');
  return (
    <main className="staff-page">
      <header className="staff-page-head">
        <h1 ref={heading} tabIndex={-1}>
          Audit log
        </h1>
      </header>
      {/* The server refuses facilitators too (403); asking would only fetch the refusal. */}
      {account.role === 'admin' ? <AuditLog /> : <p className="notice notice-info">{ADMINS_ONLY}</p>}
    </main>
  );
}

function AuditLog() {
  const { api } = useStaff();
  const loaded = useLoad(() => api.audit());
  const state = loaded.state;
  if (state.status === 'failed') {
    if (isApiError(state.error) && state.error.code === 'FORBIDDEN') return <p className="notice notice-info">{ADMINS_ONLY}</p>;
    return <LoadFailed message={errorMessage(state.error)} onRetry={loaded.reload} />;
  }
  return (
    <>
      <p className="staff-lead">
        Joins, admissions, removals, consent, exports and changes to the clinic’s records, newest first. Each entry commits to the one
        before it, so an entry changed or removed afterwards breaks the chain from there on.
      </p>
      <VerifyChain />
      {state.status === 'loading' ? <p className="muted">Loading the audit log…</p> : <AuditTable entries={state.data} />}
    </>
  );
}

function VerifyChain() {
  const { api } = useStaff();
  const { outcome, busy, run } = useOutcome();
  const [result, setResult] = useState<AuditVerification>();
  const verify = () =>
    run(async () => {
      setResult(undefined);
      setResult(await api.verifyAudit());
    });
  const broken = result?.ok === false;
  return (
    <div className="card staff-verify">
      <button type="button" className="btn" disabled={busy} onClick={() => void verify()}>
        <ShieldCheck aria-hidden="true" />
        {busy ? 'Verifying…' : 'Verify the chain'}
      </button>
      {/* A broken chain is urgent (alert); an intact one is simply said (status). */}
      <p role="status" className={result && !broken ? 'notice notice-success' : 'staff-quiet-status'}>
        {result && !broken ? verificationText(result) : ''}
      </p>
      {(broken || outcome.error) && (
        <p role="alert" className="notice notice-error">
          {result ? verificationText(result) : outcome.error}
        </p>
      )}
    </div>
  );
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p className="muted">No entries yet.</p>;
  return (
    <table className="staff-table" aria-label="Audit entries, newest first">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Time</th>
          <th scope="col">Action</th>
          <th scope="col">By</th>
          <th scope="col">About</th>
          <th scope="col">Session</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq}>
            <td data-label="#">{e.seq}</td>
            <td data-label="Time" className="staff-nowrap">
              <time dateTime={e.at}>{auditTime(e.at)}</time>
            </td>
            <td data-label="Action">
              <span className="staff-action">{e.action}</span>
            </td>
            <td data-label="By">{nameOrId(e.actor, e.actorId, 'Hearth')}</td>
            <td data-label="About">{nameOrId(e.target, e.targetId, '—')}</td>
            <td data-label="Session">{e.sessionId ? <span title={e.sessionId}>{shortId(e.sessionId)}</span> : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A known name, else the short id (a cohort, a session), else what an empty field means here. */
function nameOrId(name: string | null, id: string | null, none: string) {
  if (name) return name;
  if (id) return <span title={id}>{shortId(id)}</span>;
  return none;
}
