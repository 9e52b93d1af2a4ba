import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password.js';

/** Emails are compared trimmed and lower-cased, so `Ann@Clinic.org ` and `ann@clinic.org` are one account. */
export const Email = z.string().trim().toLowerCase().pipe(z.email('enter a valid email').max(254));

export const NewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH);

export const DisplayName = z.string().trim().min(1).max(80);

export const NewAccountBody = z.strictObject({ email: Email, password: NewPassword, displayName: DisplayName });

/** Any length is accepted at sign-in: a rule changed later must not lock out an old password. */
export const LoginBody = z.strictObject({ email: Email, password: z.string().min(1).max(MAX_PASSWORD_LENGTH) });
