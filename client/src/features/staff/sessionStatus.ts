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

/** Scheduled ones by start time, then those without a start by when they were created. */
export function bySchedule(a: GroupSession, b: GroupSession): number {
  if (a.scheduledStart && b.scheduledStart) return a.scheduledStart.localeCompare(b.scheduledStart);
  if (a.scheduledStart || b.scheduledStart) return a.scheduledStart ? -1 : 1;
  return a.createdAt.localeCompare(b.createdAt);
}
