import { z } from 'zod';

/*
 * What the clinic API accepts for staff accounts (setup, sign-in, new facilitators). The
 * server parses every body with these; the staff pages validate their forms with the same
 * schemas, so a refusal reads the same on both sides. Messages are written for the person
 * at the form.
 */

/** Long passphrases beat complexity rules; 12 characters is the floor for staff accounts. */
export const MIN_PASSWORD_LENGTH = 12;
/** Bounds the work an oversized password could cause. */
export const MAX_PASSWORD_LENGTH = 1024;

/** Emails are compared trimmed and lower-cased, so `Ann@Clinic.org ` and `ann@clinic.org` are one account. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter an email address, like name@clinic.org.').max(254, 'Use an email address of at most 254 characters.'));

export const NewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

/**
 * A staff member's name as colleagues see it (up to 80 characters). Not a participant's
 * display name (`DisplayName` in protocol/people.ts, 40 characters, shown to the group).
 */
export const StaffName = z.string().trim().min(1, 'Enter a name.').max(80, 'Use at most 80 characters.');

export const NewAccountBody = z.strictObject({ email: Email, password: NewPassword, displayName: StaffName });
export type NewAccountInput = z.input<typeof NewAccountBody>;

/** Any length is accepted at sign-in: a rule changed later must not lock out an old password. */
const TypedPassword = z.string().min(1, 'Enter your password.').max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

export const LoginBody = z.strictObject({ email: Email, password: TypedPassword });
export type LoginInput = z.input<typeof LoginBody>;

/** The setup page's form: the first admin's account, with the password typed twice. */
export const FirstAdminForm = NewAccountBody.extend({ confirm: z.string() }).refine((f) => f.confirm === f.password, {
  message: 'The two passwords are not the same.',
  path: ['confirm'],
});

/** A staff member changing their own password: the current one proves it is them and not a borrowed session. */
export const ChangePasswordBody = z.strictObject({ currentPassword: TypedPassword, newPassword: NewPassword });
export type ChangePasswordInput = z.input<typeof ChangePasswordBody>;

/** The change-password form: the new password typed twice. */
export const ChangePasswordForm = ChangePasswordBody.extend({ confirm: z.string() }).refine((f) => f.confirm === f.newPassword, {
  message: 'The two new passwords are not the same.',
  path: ['confirm'],
});

/** An admin setting a staff member's password (they forgot theirs): every sign-in of theirs ends. */
export const ResetPasswordBody = z.strictObject({ password: NewPassword });
export type ResetPasswordInput = z.input<typeof ResetPasswordBody>;

/** Staff account ids in API paths: the server's ids (lib/ids.ts), bounded before any lookup. */
export const StaffId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a staff id');
