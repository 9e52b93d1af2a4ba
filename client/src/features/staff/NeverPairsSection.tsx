import { useState, type FormEvent } from 'react';
import type { Cohort, Member } from '../../api/types';
import { errorMessage } from '../../api/errorMessage';
import { FormMessage } from './FormMessage';
import { useStaff } from './staffContext';

type Props = { cohort: Cohort; members: Member[]; onSaved: (cohort: Cohort) => void };

/**
 * Standing breakout rules: two members the clinic never wants proposed as a pair (a conflict,
 * a relationship outside the group). Pairing honours them every evening without being asked.
 */
export function NeverPairsSection({ cohort, members, onSaved }: Props) {
  const { api } = useStaff();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const name = (id: string) => members.find((m) => m.id === id)?.pseudonym ?? 'a former member';

  const save = async (pairs: [string, string][], done: string) => {
    setBusy(true);
    setError(undefined);
    setStatus(undefined);
    try {
      onSaved(await api.setNeverPairs(cohort.id, pairs));
      setStatus(done);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!first || !second || first === second) return setError('Choose two different members.');
    void save([...cohort.neverPairs, [first, second]], `${name(first)} and ${name(second)} will not be paired.`).then(() => {
      setFirst('');
      setSecond('');
    });
  };

  return (
    <section aria-labelledby="never-pairs" className="staff-section">
      <h2 id="never-pairs">Never pair</h2>
      {cohort.neverPairs.length === 0 ? (
        <p className="staff-muted">No rules. Breakout pairs rotate so members meet someone new.</p>
      ) : (
        <ul className="staff-list" aria-label="Never pair">
          {cohort.neverPairs.map(([a, b]) => (
            <li key={`${a} ${b}`} className="staff-row">
              <span className="staff-row-title">
                {name(a)} and {name(b)}
              </span>
              <button
                type="button"
                className="small"
                disabled={busy}
                aria-label={`Allow ${name(a)} and ${name(b)} to be paired`}
                onClick={() => void save(cohort.neverPairs.filter(([x, y]) => x !== a || y !== b), `${name(a)} and ${name(b)} may be paired again.`)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {members.length >= 2 && (
        <form className="staff-form staff-card" noValidate onSubmit={add} aria-labelledby="add-never-pair">
          <h3 id="add-never-pair">Keep two members apart</h3>
          <label htmlFor="never-first">Member</label>
          <select id="never-first" value={first} onChange={(e) => setFirst(e.target.value)}>
            <option value="">Choose…</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.pseudonym}
              </option>
            ))}
          </select>
          <label htmlFor="never-second">Never with</label>
          <select id="never-second" value={second} onChange={(e) => setSecond(e.target.value)}>
            <option value="">Choose…</option>
            {members
              .filter((m) => m.id !== first)
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.pseudonym}
                </option>
              ))}
          </select>
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Never pair them'}
          </button>
          <FormMessage error={error} status={status} />
        </form>
      )}
    </section>
  );
}
