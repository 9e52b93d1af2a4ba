import { z } from 'zod';
import { isTimeZone, localInputToIso } from '../time/zones.js';

/*
 * What the clinic API accepts for cohorts, their members, sessions, schedules and
 * breakout rules. The server parses bodies with these; the staff pages' forms validate
 * with them (or with a form schema built from the same parts, where a form's fields are
 * not the body's), in words for people.
 */

export const CohortName = z.string().trim().min(1, 'Enter a name for the group.').max(120, 'Use at most 120 characters.');

export const TimeZoneName = z.string().trim().refine(isTimeZone, 'Choose a time zone from the list, such as America/Chicago.');

export const NewCohort = z.strictObject({ name: CohortName, timeZone: TimeZoneName });
export type NewCohortInput = z.input<typeof NewCohort>;

/** A first or chosen name: the group sees it. */
export const Pseudonym = z
  .string()
  .trim()
  .min(1, 'Enter the first name or chosen name the group will see.')
  .max(40, 'Use at most 40 characters.');

const CONTACT_MAX = 200;
const contactTooLong = `Use at most ${CONTACT_MAX} characters.`;

export const NewMember = z.strictObject({
  pseudonym: Pseudonym,
  /** Phone or email for the clinic to reach them; kept on the clinic's side. */
  contact: z.string().trim().min(1, 'Leave the contact out, or enter a phone number or email.').max(CONTACT_MAX, contactTooLong).optional(),
});
export type NewMemberInput = z.input<typeof NewMember>;

/** The add-member form: an empty contact field means none, so it is left out of the body. */
export const NewMemberForm = z
  .object({ pseudonym: Pseudonym, contact: z.string().trim().max(CONTACT_MAX, contactTooLong) })
  .transform(({ pseudonym, contact }): NewMemberInput => (contact ? { pseudonym, contact } : { pseudonym }));

export const SessionTitle = z.string().trim().min(1, 'Enter a title, such as Evening group.').max(120, 'Use at most 120 characters.');

export const NewSession = z.strictObject({
  title: SessionTitle,
  scheduledStart: z.iso
    .datetime({ offset: true, error: 'Enter the start as a date and time.' })
    .transform((s) => Date.parse(s))
    .optional(),
});
export type NewSessionInput = z.input<typeof NewSession>;

/**
 * The new-session form: the start is typed on the cohort's clock (a `datetime-local`
 * value) and sent as the instant it means there; empty means no start time.
 */
export const newSessionForm = (timeZone: string) =>
  z.object({ title: SessionTitle, start: z.string() }).transform(({ title, start }, ctx): NewSessionInput => {
    if (!start) return { title };
    const scheduledStart = localInputToIso(start, timeZone);
    if (scheduledStart) return { title, scheduledStart };
    ctx.issues.push({ code: 'custom', message: 'Enter a date and time, or leave it empty.', path: ['start'], input: start });
    return z.NEVER;
  });

const MemberId = z.string().min(1).max(64);

/** Standing "never pair A with B" rules for breakouts: two different members of the cohort each. */
export const NeverPairs = z.strictObject({
  pairs: z
    .array(z.tuple([MemberId, MemberId]).refine(([a, b]) => a !== b, 'A pair needs two different members.'))
    .max(64, 'Keep at most 64 pairs apart.'),
});
export type NeverPairsInput = z.input<typeof NeverPairs>;

/** The form that adds one rule: two members chosen from the cohort. */
export const NeverPairForm = z
  .object({
    first: z.string().min(1, { message: 'Choose a member.', abort: true }),
    second: z.string().min(1, { message: 'Choose who they must never be paired with.', abort: true }),
  })
  .refine((f) => f.first !== f.second, { message: 'Choose two different members.', path: ['second'] });

export const MIN_SESSION_MINUTES = 5;
export const MAX_SESSION_MINUTES = 720;
const lengthRule = `Enter the length in whole minutes, from ${MIN_SESSION_MINUTES} to ${MAX_SESSION_MINUTES}.`;

/** A cohort's weekly meeting times on its own clock. Weekdays: 0 = Sunday … 6 = Saturday. */
export const WeeklySchedule = z
  .strictObject({
    weekdays: z.array(z.number().int().min(0).max(6)).min(1, 'Choose at least one day.').max(7),
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a start time, such as 18:00.'),
    durationMinutes: z
      .number({ error: lengthRule })
      .int(lengthRule)
      .min(MIN_SESSION_MINUTES, lengthRule)
      .max(MAX_SESSION_MINUTES, lengthRule),
  })
  // One entry per weekday, in week order, however they were sent.
  .transform((s) => ({ ...s, weekdays: [...new Set(s.weekdays)].sort((a, b) => a - b) }));
export type WeeklyScheduleInput = z.input<typeof WeeklySchedule>;

/** Sets the weekly schedule; null clears it. */
export const ScheduleBody = z.strictObject({ schedule: WeeklySchedule.nullable() });
export type ScheduleInput = z.input<typeof ScheduleBody>;

/**
 * CAM2: the console's quiet flag for a participant whose camera has been off longer than this
 * many minutes; null = no flag. The settings form offers these; the API takes any whole minute.
 */
export const CAMERA_OFF_FLAG_CHOICES = [2, 5, 10] as const;
const flagRule = 'Choose after how many whole minutes (1 to 720) a camera off is flagged, or no flag.';
export const CameraOffFlagBody = z.strictObject({
  cameraOffFlagMinutes: z.number({ error: flagRule }).int(flagRule).min(1, flagRule).max(720, flagRule).nullable(),
});
export type CameraOffFlagInput = z.input<typeof CameraOffFlagBody>;

/** Creates the schedule's sessions for the next `weeks` weeks. */
export const ScheduledSessions = z.strictObject({ weeks: z.number().int().min(1).max(8) });
export type ScheduledSessionsInput = z.input<typeof ScheduledSessions>;
