import type { GroupSession, SessionStatus } from '../../api/types';
import { formatInZone } from './zonedTime';

/**
 * One way of saying where a session stands, wherever it is shown: the status is the
 * record's (upcoming until a facilitator opens it, live, ended), the time is its own line,
 * so "Scheduled" never sits beside "Not scheduled".
 */
export const STATUS_WORDS: Record<SessionStatus, string> = { scheduled: 'Upcoming', live: 'Live now', ended: 'Ended' };

export const STATUS_TONE: Record<SessionStatus, 'badge-primary' | 'badge-success' | ''> = { scheduled: 'badge-primary', live: 'badge-success', ended: '' };

/** When it starts, on the cohort's clock; a session made without a start time says so. */
export function sessionWhen(session: Pick<GroupSession, 'scheduledStart'>, timeZone: string): string {
  return session.scheduledStart ? formatInZone(session.scheduledStart, timeZone) : 'No start time set';
}

const STANDING: Record<SessionStatus, number> = { live: 0, scheduled: 1, ended: 2 };

/** The order a cohort's sessions are listed in: by start time, those without one after those with one. */
function byStart(a: GroupSession, b: GroupSession): number {
  if (a.scheduledStart && b.scheduledStart) return a.scheduledStart.localeCompare(b.scheduledStart);
  if (a.scheduledStart || b.scheduledStart) return a.scheduledStart ? -1 : 1;
  return a.createdAt.localeCompare(b.createdAt);
}

/**
 * What a facilitator is looking for first: a live session, then the ones to come (soonest
 * first), then those that have ended (most recent first), so tonight's group is never
 * below months of past evenings.
 */
export function sessionOrder(a: GroupSession, b: GroupSession): number {
  const standing = STANDING[a.status] - STANDING[b.status];
  if (standing !== 0) return standing;
  return a.status === 'ended' ? byStart(b, a) : byStart(a, b);
}
