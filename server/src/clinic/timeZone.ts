import { localParts, startOfLocalDay } from '@hearth/shared';

// The zone arithmetic lives in shared/ (the client needs it too); this file is about invites.
export { isTimeZone, startOfLocalDay } from '@hearth/shared';

const DAY_MS = 24 * 60 * 60_000;
/** How long an invite to an unscheduled session lasts. */
export const UNSCHEDULED_INVITE_MS = 7 * DAY_MS;

/**
 * When an invite expires: at the end of the day after the session's scheduled day (local
 * midnight two days after that day began, in the cohort's zone), which covers a session
 * running late and a participant joining from another zone; 7 days from issue when the
 * session has no schedule.
 */
export function inviteExpiry(scheduledStart: number | undefined, timeZone: string, now: number): number {
  if (scheduledStart === undefined) return now + UNSCHEDULED_INVITE_MS;
  const day = localParts(scheduledStart, timeZone);
  return startOfLocalDay(day.year, day.month, day.day + 2, timeZone);
}
