import { pairKey } from '@hearth/shared';
import type { ClinicStore } from '../store/ClinicStore.js';
import type { PairHistory } from '../store/SessionLog.js';

/** What pairing must know of a session's cohort (pairKeys): who met before, and who must never meet. */
export type PairingRules = { history: Record<string, number>; never: string[] };

/**
 * The cohort's pairing rules for a session: who met whom in the breakouts of every session of
 * its cohort (pairKey → count), read from the pair history, which rotation avoids; and the
 * clinic's standing "never pair" rules for the cohort.
 */
export function cohortPairingRules(clinic: ClinicStore, pairs: PairHistory) {
  return async (sessionId: string): Promise<PairingRules> => {
    const session = await clinic.sessions.get(sessionId);
    if (!session) return { history: {}, never: [] };
    const cohort = await clinic.cohorts.get(session.cohortId);
    const sessions = await clinic.sessions.listByCohort(session.cohortId);
    const history: Record<string, number> = {};
    for (const record of (await Promise.all(sessions.map((s) => pairs.events(s.id)))).flat()) {
      for (const group of record.groups) {
        for (let i = 0; i < group.length; i++) {
          for (let j = i + 1; j < group.length; j++) {
            const key = pairKey(group[i]!, group[j]!);
            history[key] = (history[key] ?? 0) + 1;
          }
        }
      }
    }
    return { history, never: (cohort?.neverPairs ?? []).map(([a, b]) => pairKey(a, b)) };
  };
}
