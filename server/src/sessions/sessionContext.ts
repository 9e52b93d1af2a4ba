import type { CommandResponse } from '@hearth/shared';
import type { ClinicStore } from '../store/ClinicStore.js';

export type SessionContext = NonNullable<CommandResponse<'session:identity'>['context']>;

/**
 * What a participant's screens say about where they are going: the group, tonight's title,
 * when it starts and when the group meets next, on the group's own clock. Nothing private:
 * the cohort's name and times are what the member's invite already stands for.
 */
export async function sessionContext(store: ClinicStore, sessionId: string): Promise<SessionContext | undefined> {
  const session = await store.sessions.get(sessionId);
  if (!session) return undefined;
  const cohort = await store.cohorts.get(session.cohortId);
  if (!cohort) return undefined;
  const next = session.scheduledStart === undefined ? undefined : await nextSessionStart(store, session.cohortId, sessionId, session.scheduledStart);
  return {
    groupName: cohort.name,
    title: session.title,
    ...(session.scheduledStart === undefined ? {} : { scheduledStart: session.scheduledStart }),
    ...(next === undefined ? {} : { nextSessionStart: next }),
    timeZone: cohort.timeZone,
  };
}

/** CAM2: the cohort's camera-off flag, for facilitators' consoles; undefined when it has none. */
export async function cameraOffFlagMinutes(store: ClinicStore, sessionId: string): Promise<number | undefined> {
  const session = await store.sessions.get(sessionId);
  return session ? (await store.cohorts.get(session.cohortId))?.cameraOffFlagMinutes : undefined;
}

/** The earliest of the cohort's sessions still to be held that starts after this one. */
async function nextSessionStart(store: ClinicStore, cohortId: string, sessionId: string, after: number): Promise<number | undefined> {
  let next: number | undefined;
  for (const s of await store.sessions.listByCohort(cohortId)) {
    if (s.id === sessionId || s.status === 'ended' || s.scheduledStart === undefined || s.scheduledStart <= after) continue;
    if (next === undefined || s.scheduledStart < next) next = s.scheduledStart;
  }
  return next;
}
