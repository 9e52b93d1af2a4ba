import { useState, type FormEvent } from 'react';
import { UserCog } from 'lucide-react';
import { Link } from 'wouter';
import { errorMessage } from '../../api/errorMessage';
import type { Cohort, CohortFacilitator } from '../../api/types';
import { chosenIds, leadsSentence } from './cohortFacilitators';
import { FormMessage } from './FormMessage';
import { LoadFailed } from './LoadFailed';
import { paths } from './routes';
import { useStaff } from './staffContext';
import { useLoad } from './useLoad';
import { useOutcome } from './useOutcome';

/**
 * Admins only: who leads this cohort. A facilitator reaches only the cohorts they lead (its
 * members, sessions, invite links, attendance and live console); admins reach every cohort.
 */
export function CohortFacilitatorsSection({ cohort }: { cohort: Cohort }) {
  const { api } = useStaff();
  const loaded = useLoad(() => api.cohortFacilitators(cohort.id));
  const state = loaded.state;

  return (
    <section aria-labelledby="cohort-facilitators" className="staff-split">
      <div className="staff-section">
        <h2 id="cohort-facilitators" className="visually-hidden">
          Facilitators
        </h2>
        {state.status === 'loading' && <p className="muted">Loading facilitators…</p>}
        {state.status === 'failed' && <LoadFailed message={errorMessage(state.error)} onRetry={loaded.reload} />}
        {state.status === 'ready' && <Leads facilitators={state.data} />}
      </div>
      <div className="staff-side">
        {state.status === 'ready' &&
          (state.data.length === 0 ? (
            <p className="muted">
              There are no facilitator accounts yet. Add one on the <Link to={paths.cohorts()}>Cohorts page</Link>, then choose them here.
            </p>
          ) : (
            <FacilitatorPicker cohort={cohort} facilitators={state.data} onSaved={(saved) => loaded.set(() => saved)} />
          ))}
      </div>
    </section>
  );
}

function Leads({ facilitators }: { facilitators: CohortFacilitator[] }) {
  const leads = facilitators.filter((f) => f.assigned);
  if (leads.length === 0) {
    return (
      <div className="staff-empty">
        <UserCog aria-hidden="true" />
        <p>
          <strong>No facilitator yet.</strong> Only clinic admins can open this cohort until you choose who leads it.
        </p>
      </div>
    );
  }
  return (
    <>
      <p className="muted">{leadsSentence(facilitators)} They see its members, sessions, invite links and attendance, and open its sessions’ consoles.</p>
      <ul className="staff-rows" aria-label="Facilitators of this cohort">
        {leads.map((f) => (
          <li key={f.id} className="staff-row">
            <span className="staff-row-main">
              <span className="staff-row-title">{f.displayName}</span>
              <span className="staff-row-meta">{f.email}</span>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

type PickerProps = { cohort: Cohort; facilitators: CohortFacilitator[]; onSaved: (facilitators: CohortFacilitator[]) => void };

/** A checkbox per facilitator account; saving replaces the cohort's facilitators with those ticked. */
function FacilitatorPicker({ cohort, facilitators, onSaved }: PickerProps) {
  const { api } = useStaff();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(facilitators.filter((f) => f.assigned).map((f) => f.id)));
  const { outcome, busy, run } = useOutcome();

  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const saved = await api.setCohortFacilitators(cohort.id, chosenIds(facilitators, chosen));
      onSaved(saved);
      return `Saved. ${leadsSentence(saved)}`;
    });
  };

  return (
    <form className="card staff-form" noValidate onSubmit={save} aria-labelledby="choose-facilitators">
      <h3 id="choose-facilitators">Choose who leads it</h3>
      <fieldset className="staff-checklist">
        <legend className="visually-hidden">Facilitators of {cohort.name}</legend>
        {facilitators.map((f) => (
          <label key={f.id} className="check">
            <input type="checkbox" checked={chosen.has(f.id)} onChange={(e) => toggle(f.id, e.target.checked)} />
            <span className="staff-row-main">
              <span>{f.displayName}</span>
              <span className="staff-row-meta">{f.email}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="field-hint">Someone taken off the cohort loses it at once, their open session console included. Clinic admins reach every cohort.</p>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Saving…' : 'Save facilitators'}
      </button>
      <FormMessage error={outcome.error} status={outcome.status} />
    </form>
  );
}
