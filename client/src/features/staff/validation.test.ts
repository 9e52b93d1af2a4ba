import { describe, expect, it } from 'vitest';
import { checkCohort, checkMember, checkNewAccount, checkDateRange, checkSchedule, checkSession, checkSignIn, hasErrors } from './validation';

describe('checkNewAccount', () => {
  const ok = { displayName: 'Dana', email: 'dana@clinic.org', password: 'correct horse battery' };
  it('accepts a name, an email and a 12-character password', () => {
    expect(checkNewAccount(ok)).toEqual({});
    expect(checkNewAccount({ ...ok, confirm: ok.password })).toEqual({});
  });
  it('names each problem by its field', () => {
    const errors = checkNewAccount({ displayName: ' ', email: 'dana', password: 'short', confirm: 'short' });
    expect(errors.displayName).toBe('Enter a name.');
    expect(errors.email).toMatch(/email address/);
    expect(errors.password).toMatch(/at least 12 characters/);
    // A mismatch is not worth mentioning while the password itself is refused.
    expect(errors.confirm).toBeUndefined();
    expect(checkNewAccount({ ...ok, confirm: 'correct horse battery!' }).confirm).toMatch(/not the same/);
  });
});

describe('checkSignIn', () => {
  it('asks for both fields but not a password length (an older password may be shorter)', () => {
    expect(checkSignIn({ email: 'a@b.co', password: 'x' })).toEqual({});
    expect(Object.keys(checkSignIn({ email: '', password: '' }))).toEqual(['email', 'password']);
  });
});

describe('checkCohort', () => {
  it('needs a name and an IANA time zone', () => {
    expect(checkCohort({ name: 'Evening IOP', timeZone: 'America/Chicago' })).toEqual({});
    const errors = checkCohort({ name: '', timeZone: '+01:00' });
    expect(errors.name).toBeDefined();
    expect(errors.timeZone).toMatch(/time zone/);
  });
});

describe('checkMember', () => {
  it('needs a pseudonym of at most 40 characters; the contact is optional', () => {
    expect(checkMember({ pseudonym: 'Ana', contact: '' })).toEqual({});
    expect(checkMember({ pseudonym: 'x'.repeat(41), contact: '' }).pseudonym).toMatch(/40/);
    expect(hasErrors(checkMember({ pseudonym: ' ', contact: '' }))).toBe(true);
  });
});

describe('checkSession', () => {
  it('sends the start on the cohort’s clock as an ISO instant, and none when left empty', () => {
    expect(checkSession({ title: ' Monday group ', start: '2025-03-03T18:00' }, 'America/Chicago')).toEqual({
      errors: {},
      body: { title: 'Monday group', scheduledStart: '2025-03-04T00:00:00.000Z' },
    });
    expect(checkSession({ title: 'Monday group', start: '' }, 'America/Chicago').body).toEqual({ title: 'Monday group' });
  });
  it('refuses an empty title and a start that is not a time', () => {
    const { errors } = checkSession({ title: '', start: 'soon' }, 'UTC');
    expect(errors.title).toBeDefined();
    expect(errors.start).toBeDefined();
  });
});

describe('checkSchedule', () => {
  it('gives the schedule to send: days once each in number order, HH:MM, whole minutes', () => {
    expect(checkSchedule({ weekdays: [4, 1, 3, 1], startTime: '18:00', duration: ' 180 ' })).toEqual({
      errors: {},
      body: { weekdays: [1, 3, 4], startTime: '18:00', durationMinutes: 180 },
    });
    // A time input that adds seconds still means the minute.
    expect(checkSchedule({ weekdays: [0], startTime: '09:30:00', duration: '60' }).body.startTime).toBe('09:30');
  });

  it('names each problem by its field, with the server’s limits', () => {
    const { errors } = checkSchedule({ weekdays: [], startTime: '', duration: '' });
    expect(Object.keys(errors)).toEqual(['weekdays', 'startTime', 'duration']);
    for (const duration of ['4', '721', '90.5', 'ninety']) {
      expect(checkSchedule({ weekdays: [1], startTime: '18:00', duration }).errors.duration, duration).toMatch(/from 5 to 720/);
    }
    expect(checkSchedule({ weekdays: [1], startTime: '24:00', duration: '60' }).errors.startTime).toMatch(/such as 18:00/);
    expect(hasErrors(checkSchedule({ weekdays: [1], startTime: '18:00', duration: '5' }).errors)).toBe(false);
  });
});

describe('checkDateRange', () => {
  it('asks for both days and leaves their order to the server', () => {
    expect(checkDateRange({ from: '2025-03-01', to: '2025-02-01' })).toEqual({});
    expect(Object.keys(checkDateRange({ from: '', to: '1 March' }))).toEqual(['from', 'to']);
  });
});
