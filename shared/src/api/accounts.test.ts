import { describe, expect, it } from 'vitest';
import { ChangePasswordBody, ChangePasswordForm, FirstAdminForm, LoginBody, NewAccountBody, ResetPasswordBody, StaffId, StaffName } from './accounts.js';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('NewAccountBody', () => {
  const ok = { displayName: ' Dana ', email: ' Dana@Clinic.org ', password: 'correct horse battery' };

  it('accepts a name, an email and a 12-character password; trims the name, trims and lower-cases the email', () => {
    expect(NewAccountBody.parse(ok)).toEqual({ displayName: 'Dana', email: 'dana@clinic.org', password: 'correct horse battery' });
    expect(NewAccountBody.safeParse({ ...ok, password: 'x'.repeat(12) }).success).toBe(true);
  });

  it('names each problem by its field, in words for the person at the form', () => {
    const found = messages(NewAccountBody.safeParse({ displayName: ' ', email: 'dana', password: 'short' }));
    expect(found).toEqual({
      displayName: 'Enter a name.',
      email: 'Enter an email address, like name@clinic.org.',
      password: 'Use at least 12 characters.',
    });
    expect(messages(NewAccountBody.safeParse({ ...ok, password: 'x'.repeat(1025) }))['password']).toBe('Use at most 1024 characters.');
  });

  it('takes no other fields (a role cannot be slipped in)', () => {
    expect(NewAccountBody.safeParse({ ...ok, role: 'admin' }).success).toBe(false);
  });
});

describe('StaffName', () => {
  it('allows a staff member 80 characters, twice a participant’s display name', () => {
    expect(StaffName.safeParse('x'.repeat(80)).success).toBe(true);
    expect(StaffName.safeParse('x'.repeat(81)).error?.issues[0]?.message).toBe('Use at most 80 characters.');
  });
});

describe('LoginBody', () => {
  it('asks for both fields but not a password length (an older password may be shorter)', () => {
    expect(LoginBody.safeParse({ email: 'a@b.co', password: 'x' }).success).toBe(true);
    expect(messages(LoginBody.safeParse({ email: '', password: '' }))).toEqual({
      email: 'Enter an email address, like name@clinic.org.',
      password: 'Enter your password.',
    });
  });
});

describe('FirstAdminForm', () => {
  const ok = { displayName: 'Dana', email: 'dana@clinic.org', password: 'correct horse battery', confirm: 'correct horse battery' };
  it('needs the password typed the same twice, and says so beside the second', () => {
    expect(FirstAdminForm.safeParse(ok).success).toBe(true);
    expect(messages(FirstAdminForm.safeParse({ ...ok, confirm: 'correct horse battery!' }))).toEqual({
      confirm: 'The two passwords are not the same.',
    });
  });
});

describe('changing and resetting passwords', () => {
  const ok = { currentPassword: 'old', newPassword: 'a fresh passphrase', confirm: 'a fresh passphrase' };
  it('takes any current password but holds the new one to the account rules, typed the same twice', () => {
    expect(ChangePasswordForm.safeParse(ok).success).toBe(true);
    expect(messages(ChangePasswordForm.safeParse({ ...ok, newPassword: 'short', confirm: 'short' }))).toEqual({ newPassword: 'Use at least 12 characters.' });
    expect(messages(ChangePasswordForm.safeParse({ ...ok, confirm: 'a fresh passphrasE' }))).toEqual({ confirm: 'The two new passwords are not the same.' });
    expect(messages(ChangePasswordBody.safeParse({ currentPassword: '', newPassword: ok.newPassword }))).toEqual({ currentPassword: 'Enter your password.' });
    expect(ChangePasswordBody.safeParse({ ...ok }).success).toBe(false);
  });
  it('resets to a new password only, and names accounts by a bounded id', () => {
    expect(ResetPasswordBody.safeParse({ password: 'a fresh passphrase' }).success).toBe(true);
    expect(ResetPasswordBody.safeParse({ password: 'a fresh passphrase', role: 'admin' }).success).toBe(false);
    expect(StaffId.safeParse('AbC-_9').success).toBe(true);
    for (const bad of ['', 'x'.repeat(65), '../x', 'a b']) expect(StaffId.safeParse(bad).success).toBe(false);
  });
});
