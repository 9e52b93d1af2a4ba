import { describe, expect, it } from 'vitest';
import { FirstAdminForm, LoginBody, NewAccountBody, StaffName } from './accounts.js';

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
