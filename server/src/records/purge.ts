import type { PurgeCounts } from '@hearth/shared';
import type { Clinic } from '../clinic/createClinic.js';
import type { GroupSessionRecord } from '../store/ClinicStore.js';

/**
 * A kind of record a retention purge removes with its session. Each counts what it holds
 * of the given sessions and removes it. Kept out on purpose: the audit log (never purged,
 * PRODUCT.md) and the disclosure log (kept six years from each disclosure by its own rule,
 * 42 CFR 2.24 / 45 CFR 164.528); cohorts and members are not records of a session.
 */
export type PurgeableKind = {
  /** Stable and short: it names the count in the preview and in the audit entry. */
  kind: string;
  count(sessions: readonly GroupSessionRecord[]): Promise<number>;
  purge(sessions: readonly GroupSessionRecord[]): Promise<void>;
};

type PurgeDeps = Pick<Clinic, 'store' | 'attendance' | 'pairs' | 'sessionStates' | 'notes' | 'audited'>;

const countWhere = async (sessions: readonly GroupSessionRecord[], has: (id: string) => Promise<boolean>) =>
  (await Promise.all(sessions.map((s) => has(s.id)))).filter(Boolean).length;

/**
 * Everything a purge removes, in the order it is removed: the session records go last, so a
 * purge cut short is finished by the next one (it still finds the sessions).
 */
export function purgeableKinds(clinic: PurgeDeps): PurgeableKind[] {
  const { store, attendance, pairs, sessionStates, notes } = clinic;
  return [
    {
      kind: 'group-notes',
      count: async (sessions) => (await Promise.all(sessions.map((s) => notes.listBySession(s.id)))).reduce((n, list) => n + list.length, 0),
      purge: async (sessions) => void (await Promise.all(sessions.map((s) => notes.deleteSession(s.id)))),
    },
    {
      kind: 'attendance-logs',
      count: (sessions) => countWhere(sessions, (id) => attendance.has(id)),
      purge: async (sessions) => void (await Promise.all(sessions.map((s) => attendance.delete(s.id)))),
    },
    {
      kind: 'session-logs',
      count: (sessions) => countWhere(sessions, (id) => pairs.has(id)),
      purge: async (sessions) => void (await Promise.all(sessions.map((s) => Promise.all([pairs.delete(s.id), sessionStates.delete(s.id)])))),
    },
    {
      kind: 'sessions',
      count: async (sessions) => sessions.length,
      purge: async (sessions) => void (await Promise.all(sessions.map((s) => store.sessions.delete(s.id)))),
    },
  ];
}

/** When a session ended: its last attendance event; one never held, when it was to start. */
async function endedAt(clinic: PurgeDeps, session: GroupSessionRecord): Promise<number> {
  const events = await clinic.attendance.events(session.id);
  const last = events.reduce((max, e) => Math.max(max, e.at), -Infinity);
  return Number.isFinite(last) ? last : (session.scheduledStart ?? session.createdAt);
}

/** Every session that ended before `cutoff`; a live one never counts, however old. */
export async function sessionsEndedBefore(clinic: PurgeDeps, cutoff: number): Promise<GroupSessionRecord[]> {
  const found: GroupSessionRecord[] = [];
  for (const cohort of await clinic.store.cohorts.list()) {
    for (const session of await clinic.store.sessions.listByCohort(cohort.id)) {
      if (session.status !== 'live' && (await endedAt(clinic, session)) < cutoff) found.push(session);
    }
  }
  return found;
}

export async function countPurgeable(clinic: PurgeDeps, cutoff: number, kinds = purgeableKinds(clinic)): Promise<PurgeCounts> {
  const sessions = await sessionsEndedBefore(clinic, cutoff);
  const counts: PurgeCounts = {};
  for (const k of kinds) counts[k.kind] = await k.count(sessions);
  return counts;
}

/**
 * Removes every record of sessions that ended before `cutoff` and adds one audit entry with
 * the counts (never content). The audit entry is written after the records are gone: it says
 * what was removed, not what was meant to be.
 */
export async function purgeBefore(clinic: PurgeDeps, cutoff: number, byId: string, kinds = purgeableKinds(clinic)): Promise<PurgeCounts> {
  const sessions = await sessionsEndedBefore(clinic, cutoff);
  const counts: PurgeCounts = {};
  for (const k of kinds) {
    counts[k.kind] = await k.count(sessions);
    await k.purge(sessions);
  }
  const summary = Object.entries(counts).map(([kind, n]) => `${kind}=${n}`).join(',');
  await clinic.audited(`records-purged:before=${new Date(cutoff).toISOString()},${summary}`, byId, null);
  return counts;
}
