import type { CohortSchedule } from '../../api/types';
import { isTimeZone, zonedInputToIso } from './zonedTime';

/**
 * The forms' checks, before anything is sent: the same rules as the server's schemas
 * (server/src/auth/schemas.ts, server/src/http/clinic.routes.ts), in words for people.
 * Each returns the errors by field name; an empty object means it may be sent.
 */
export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** Staff passwords: long passphrases beat complexity rules (the server's floor). */
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 1024;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type AccountFields = { displayName: string; email: string; password: string; confirm?: string };

export function checkNewAccount(f: AccountFields): FieldErrors<keyof AccountFields> {
  const errors: FieldErrors<keyof AccountFields> = {};
  const name = f.displayName.trim();
  if (!name) errors.displayName = 'Enter a name.';
  else if (name.length > 80) errors.displayName = 'Use at most 80 characters.';
  if (!EMAIL.test(f.email.trim()) || f.email.trim().length > 254) errors.email = 'Enter an email address, like name@clinic.org.';
  if (f.password.length < MIN_PASSWORD_LENGTH) errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  else if (f.password.length > MAX_PASSWORD_LENGTH) errors.password = `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (f.confirm !== undefined && !errors.password && f.confirm !== f.password) errors.confirm = 'The two passwords are not the same.';
  return errors;
}

export type SignInFields = { email: string; password: string };

export function checkSignIn(f: SignInFields): FieldErrors<keyof SignInFields> {
  const errors: FieldErrors<keyof SignInFields> = {};
  if (!EMAIL.test(f.email.trim())) errors.email = 'Enter the email address of your Hearth account.';
  if (!f.password) errors.password = 'Enter your password.';
  return errors;
}

export type CohortFields = { name: string; timeZone: string };

export function checkCohort(f: CohortFields): FieldErrors<keyof CohortFields> {
  const errors: FieldErrors<keyof CohortFields> = {};
  const name = f.name.trim();
  if (!name) errors.name = 'Enter a name for the group.';
  else if (name.length > 120) errors.name = 'Use at most 120 characters.';
  if (!isTimeZone(f.timeZone.trim())) errors.timeZone = 'Choose a time zone from the list, such as America/Chicago.';
  return errors;
}

export type MemberFields = { pseudonym: string; contact: string };

export function checkMember(f: MemberFields): FieldErrors<keyof MemberFields> {
  const errors: FieldErrors<keyof MemberFields> = {};
  const pseudonym = f.pseudonym.trim();
  if (!pseudonym) errors.pseudonym = 'Enter the first name or chosen name the group will see.';
  else if (pseudonym.length > 40) errors.pseudonym = 'Use at most 40 characters.';
  if (f.contact.trim().length > 200) errors.contact = 'Use at most 200 characters.';
  return errors;
}

export type SessionFields = { title: string; start: string };

/** Also gives the body to send: the start as an ISO instant, read on the cohort's clock. */
export function checkSession(
  f: SessionFields,
  timeZone: string,
): { errors: FieldErrors<keyof SessionFields>; body: { title: string; scheduledStart?: string } } {
  const errors: FieldErrors<keyof SessionFields> = {};
  const title = f.title.trim();
  if (!title) errors.title = 'Enter a title, such as Evening group.';
  else if (title.length > 120) errors.title = 'Use at most 120 characters.';
  const scheduledStart = f.start ? zonedInputToIso(f.start, timeZone) : undefined;
  if (f.start && !scheduledStart) errors.start = 'Enter a date and time, or leave it empty.';
  return { errors, body: scheduledStart ? { title, scheduledStart } : { title } };
}

export type ScheduleFields = { weekdays: number[]; startTime: string; duration: string };

const START_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MIN_DURATION = 5;
const MAX_DURATION = 720;

/** Also gives the schedule to send (the server's rules: a day at least, HH:MM, whole minutes 5–720). */
export function checkSchedule(f: ScheduleFields): { errors: FieldErrors<keyof ScheduleFields>; body: CohortSchedule } {
  const errors: FieldErrors<keyof ScheduleFields> = {};
  if (f.weekdays.length === 0) errors.weekdays = 'Choose at least one day.';
  // Some browsers add seconds to a time input's value; the schedule is by the minute.
  const startTime = f.startTime.slice(0, 5);
  if (!START_TIME.test(startTime)) errors.startTime = 'Enter a start time, such as 18:00.';
  const duration = Number(f.duration.trim());
  if (!f.duration.trim() || !Number.isInteger(duration) || duration < MIN_DURATION || duration > MAX_DURATION) {
    errors.duration = `Enter the length in whole minutes, from ${MIN_DURATION} to ${MAX_DURATION}.`;
  }
  return { errors, body: { weekdays: [...new Set(f.weekdays)].sort((a, b) => a - b), startTime, durationMinutes: duration } };
}

export type DateRangeFields = { from: string; to: string };

/** Both days chosen; their order and span are the server's to judge, and it says why it refuses. */
export function checkDateRange(f: DateRangeFields): FieldErrors<keyof DateRangeFields> {
  const errors: FieldErrors<keyof DateRangeFields> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.from)) errors.from = 'Choose the first day.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.to)) errors.to = 'Choose the last day.';
  return errors;
}

export const hasErrors = (errors: object): boolean => Object.values(errors).some(Boolean);
