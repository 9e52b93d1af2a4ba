import { useState } from 'react';
import type { PurgeCounts, PurgePreview } from '@hearth/shared';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SelectField } from './Field';
import { FormMessage } from './FormMessage';
import { useStaff } from './staffContext';
import { useLoad } from './useLoad';
import { useOutcome } from './useOutcome';

/** The periods offered; HIPAA keeps documentation six years, so none is shorter (the server refuses less). */
const PERIODS: { label: string; months: number | null }[] = [
  { label: 'Keep records for ever (no purge)', months: null },
  ...[6, 7, 8, 10, 15, 25].map((years) => ({ label: `${years} years after the session`, months: years * 12 })),
];

const KIND_NAMES: Record<string, string> = { sessions: 'sessions', 'attendance-logs': 'attendance logs', 'session-logs': 'session logs (breakout pairs, last state)' };

export const countsText = (counts: PurgeCounts): string =>
  Object.entries(counts)
    .map(([kind, n]) => `${n} ${KIND_NAMES[kind] ?? kind}`)
    .join(', ');

/**
 * The clinic's retention period and the purge of what is past it (admins). A purge is first
 * previewed (counts only), then confirmed. The audit log and the accounting of disclosures are
 * never purged.
 */
export function RetentionSection() {
  const { api } = useStaff();
  const loaded = useLoad(() => api.retention());
  const [months, setMonths] = useState<string>();
  const [preview, setPreview] = useState<PurgePreview>();
  const [confirming, setConfirming] = useState(false);
  const saving = useOutcome();
  const purging = useOutcome();
  const current = loaded.state.status === 'ready' ? String(loaded.state.data.months) : 'null';
  const chosen = months ?? current;

  const save = () =>
    saving.run(async () => {
      const saved = await api.saveRetention({ months: chosen === 'null' ? null : Number(chosen) });
      loaded.set(() => saved);
      setMonths(undefined);
      setPreview(undefined);
      return saved.months === null ? 'Records are kept for ever.' : `Records may be purged ${saved.months / 12} years after their session.`;
    });
  const showPreview = () =>
    purging.run(async () => {
      setPreview(await api.purgePreview());
    });
  const purge = (before: string) =>
    purging.run(async () => {
      const counts = await api.purge(before);
      setPreview(undefined);
      return `Purged ${countsText(counts)}. The audit log has an entry with these counts.`;
    });
  const total = preview ? Object.values(preview.counts).reduce((a, b) => a + b, 0) : 0;

  return (
    <section aria-labelledby="retention" className="card staff-form">
      <h2 id="retention">Retention</h2>
      <p className="field-hint">
        Records of sessions that ended longer ago than this may be purged. The audit log and the accounting of disclosures are never purged
        (disclosures are kept six years by their own rule).
      </p>
      <SelectField label="Retention period" value={chosen} onChange={(e) => setMonths(e.target.value)} disabled={loaded.state.status !== 'ready'}>
        {PERIODS.map((p) => (
          <option key={String(p.months)} value={String(p.months)}>
            {p.label}
          </option>
        ))}
      </SelectField>
      <div className="staff-actions">
        <button type="button" className="btn btn-primary" disabled={saving.busy || chosen === current} onClick={() => void save()}>
          Save retention
        </button>
        <button type="button" className="btn" disabled={purging.busy || current === 'null' || chosen !== current} onClick={() => void showPreview()}>
          Preview purge
        </button>
      </div>
      <FormMessage error={saving.outcome.error} status={saving.outcome.status} />
      {preview && preview.cutoff && (
        <div aria-label="Purge preview" role="group">
          <p>
            Sessions that ended before {new Date(preview.cutoff).toLocaleDateString()}: {countsText(preview.counts)}.
          </p>
          <button type="button" className="btn btn-danger" disabled={total === 0 || purging.busy} onClick={() => setConfirming(true)}>
            Purge these records
          </button>
          <ConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title="Purge these records?"
            description={`${countsText(preview.counts)} will be removed for good. The audit log records the counts.`}
            confirmLabel="Purge"
            danger
            onConfirm={() => void purge(preview.cutoff!)}
          />
        </div>
      )}
      <FormMessage error={purging.outcome.error} status={purging.outcome.status} />
    </section>
  );
}
