import { zodResolver } from '@hookform/resolvers/zod';
import { NeverPairForm } from '@hearth/shared';
import { Shuffle, X } from 'lucide-react';
import { useForm } from 'react-hook-form';
import type { Cohort, Member } from '../../api/types';
import { SelectField } from './Field';
import { FormMessage } from './FormMessage';
import { useStaff } from './staffContext';
import { useOutcome } from './useOutcome';

type Props = { cohort: Cohort; members: Member[]; onSaved: (cohort: Cohort) => void };

/**
 * Standing breakout rules: two members the clinic never wants proposed as a pair (a conflict,
 * a relationship outside the group). Pairing honours them every evening without being asked.
 */
export function NeverPairsSection({ cohort, members, onSaved }: Props) {
  const { api } = useStaff();
  const removal = useOutcome();
  const name = (id: string) => members.find((m) => m.id === id)?.pseudonym ?? 'a former member';

  const remove = (a: string, b: string) =>
    removal.run(async () => {
      onSaved(await api.setNeverPairs(cohort.id, cohort.neverPairs.filter(([x, y]) => x !== a || y !== b)));
      return `${name(a)} and ${name(b)} may be paired again.`;
    });

  return (
    <section aria-labelledby="never-pairs" className="staff-split">
      <div className="staff-section">
        <h2 id="never-pairs" className="visually-hidden">
          Never pair
        </h2>
        {cohort.neverPairs.length === 0 ? (
          <div className="staff-empty">
            <Shuffle aria-hidden="true" />
            <p>
              <strong>No rules.</strong> Breakout pairs rotate so members meet someone new. Keep two members apart here if they must never
              be paired.
            </p>
          </div>
        ) : (
          <p className="muted">Breakouts never put these members together, on any evening, whoever proposes the pairs.</p>
        )}
        {cohort.neverPairs.length > 0 && (
          <ul className="staff-rows" aria-label="Never pair">
            {cohort.neverPairs.map(([a, b]) => (
              <li key={`${a} ${b}`} className="staff-row">
                <span className="staff-row-main">
                  <span className="staff-row-title">
                    {name(a)} and {name(b)}
                  </span>
                </span>
                <button
                  type="button"
                  className="btn btn-quiet"
                  disabled={removal.busy}
                  aria-label={`Allow ${name(a)} and ${name(b)} to be paired`}
                  onClick={() => void remove(a, b)}
                >
                  <X aria-hidden="true" />
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <FormMessage error={removal.outcome.error} status={removal.outcome.status} />
      </div>
      <div className="staff-side">
        {members.length >= 2 ? (
          <AddRuleForm cohort={cohort} members={members} onSaved={onSaved} name={name} />
        ) : (
          <p className="muted">Rules need two members in the cohort.</p>
        )}
      </div>
    </section>
  );
}

function AddRuleForm({ cohort, members, onSaved, name }: Props & { name: (id: string) => string }) {
  const { api } = useStaff();
  const form = useForm({ resolver: zodResolver(NeverPairForm), defaultValues: { first: '', second: '' } });
  const { errors, isSubmitting } = form.formState;
  const { outcome, run, clear } = useOutcome();
  const first = form.watch('first');

  const add = form.handleSubmit(
    ({ first, second }) =>
      run(async () => {
        onSaved(await api.setNeverPairs(cohort.id, [...cohort.neverPairs, [first, second]]));
        form.reset({ first: '', second: '' });
        return `${name(first)} and ${name(second)} will not be paired.`;
      }),
    clear,
  );

  return (
    <form className="card staff-form" noValidate onSubmit={(e) => void add(e)} aria-labelledby="add-never-pair">
      <h3 id="add-never-pair">Keep two members apart</h3>
      <SelectField label="Member" error={errors.first?.message} {...form.register('first')}>
        <option value="">Choose…</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.pseudonym}
          </option>
        ))}
      </SelectField>
      <SelectField label="Never with" error={errors.second?.message} {...form.register('second')}>
        <option value="">Choose…</option>
        {members
          .filter((m) => m.id !== first)
          .map((m) => (
            <option key={m.id} value={m.id}>
              {m.pseudonym}
            </option>
          ))}
      </SelectField>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? 'Saving…' : 'Never pair them'}
      </button>
      <FormMessage error={outcome.error} status={outcome.status} />
    </form>
  );
}
