import { pairKey } from '@hearth/shared';
import type { ClinicStore } from '../store/ClinicStore.js';
import type { SessionStateStore } from './SessionStateStore.js';

/**
 * Who met whom in the breakouts of every session of a session's cohort (pairKey → count):
 * the rotation history pairing avoids. Read from each session's stored state.
 */
export function cohortPairHistory(clinic: ClinicStore, states: SessionStateStore) {
  return async (sessionId: string): Promise<Record<string, number>> => {
    const session = await clinic.sessions.get(sessionId);
    if (!session) return {};
    const history: Record<string, number> = {};
    for (const s of await clinic.sessions.listByCohort(session.cohortId)) {
      const state = await states.load(s.id);
      for (const record of state?.pairRecords ?? []) {
        for (const group of record.groups) {
          for (let i = 0; i < group.length; i++) {
            for (let j = i + 1; j < group.length; j++) {
              const key = pairKey(group[i]!, group[j]!);
              history[key] = (history[key] ?? 0) + 1;
            }
          }
        }
      }
    }
    return history;
  };
}
