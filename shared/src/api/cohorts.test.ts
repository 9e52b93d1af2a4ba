import { describe, expect, it } from 'vitest';
import { NeverPairForm, NeverPairs, NewCohort, NewMember, NewMemberForm, NewSession, newSessionForm, ScheduleBody, ScheduledSessions, WeeklySchedule } from './cohorts.js';

const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } | undefined }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('NewCohort', () => {
  it('needs a name and an IANA time zone', () => {
    expect(NewCohort.parse({ name: ' Evening IOP ', timeZone: 'America/Chicago' })).toEqual({ name: 'Evening IOP', timeZone: 'America/Chicago' });
    expect(messages(NewCohort.safeParse({ name: '', timeZone: '+01:00' }))).toEqual({
      name: 'Enter a name for the group.',
      timeZone: 'Choose a time zone from the list, such as America/Chicago.',
    });
    expect(NewCohort.safeParse({ name: 'x'.repeat(121), timeZone: 'UTC' }).success).toBe(false);
  });
});

describe('NewMember and its form', () => {
  it('needs a pseudonym of at most 40 characters; the contact is optional and never empty in a body', () => {
    expect(NewMember.parse({ pseudonym: ' Ana ', contact: ' 555-0100 ' })).toEqual({ pseudonym: 'Ana', contact: '555-0100' });
    expect(messages(NewMember.safeParse({ pseudonym: 'x'.repeat(41) }))['pseudonym']).toBe('Use at most 40 characters.');
    expect(NewMember.safeParse({ pseudonym: 'Ana', contact: ' ' }).success).toBe(false);
  });

  it('reads an empty contact field as no contact, so what the form gives is a body the server takes', () => {
    const body = NewMemberForm.parse({ pseudonym: 'Ana', contact: '  ' });
    expect(body).toEqual({ pseudonym: 'Ana' });
    expect(NewMember.safeParse(body).success).toBe(true);
    expect(NewMemberForm.parse({ pseudonym: 'Ben', contact: 'ben@home.example' })).toEqual({ pseudonym: 'Ben', contact: 'ben@home.example' });
    expect(messages(NewMemberForm.safeParse({ pseudonym: ' ', contact: 'x'.repeat(201) }))).toEqual({
      pseudonym: 'Enter the first name or chosen name the group will see.',
      contact: 'Use at most 200 characters.',
    });
  });
});

describe('NewSession and its form', () => {
  it('takes a title and an optional ISO start with an offset', () => {
    expect(NewSession.parse({ title: 'Monday group', scheduledStart: '2025-03-04T00:00:00.000Z' })).toEqual({ title: 'Monday group', scheduledStart: Date.parse('2025-03-04T00:00:00.000Z') });
    expect(NewSession.safeParse({ title: 'Monday group', scheduledStart: '2025-03-04 18:00' }).success).toBe(false);
  });

  it('sends the start typed on the cohort’s clock as the instant it means there, and none when left empty', () => {
    const chicago = newSessionForm('America/Chicago');
    const body = chicago.parse({ title: ' Monday group ', start: '2025-03-03T18:00' });
    expect(body).toEqual({ title: 'Monday group', scheduledStart: '2025-03-04T00:00:00.000Z' });
    expect(NewSession.safeParse(body).success).toBe(true);
    expect(chicago.parse({ title: 'Monday group', start: '' })).toEqual({ title: 'Monday group' });
  });

  it('refuses an empty title and a start that is not a time', () => {
    expect(messages(newSessionForm('UTC').safeParse({ title: '', start: 'soon' }))).toMatchObject({ title: 'Enter a title, such as Evening group.' });
    expect(messages(newSessionForm('UTC').safeParse({ title: 'Group', start: 'soon' }))).toEqual({ start: 'Enter a date and time, or leave it empty.' });
  });
});

describe('WeeklySchedule', () => {
  it('gives days once each in number order, HH:MM, whole minutes', () => {
    expect(WeeklySchedule.parse({ weekdays: [4, 1, 3, 1], startTime: '18:00', durationMinutes: 180 })).toEqual({
      weekdays: [1, 3, 4],
      startTime: '18:00',
      durationMinutes: 180,
    });
  });

  it('names each problem by its field, with the limits in words', () => {
    expect(messages(WeeklySchedule.safeParse({ weekdays: [], startTime: '', durationMinutes: Number.NaN }))).toEqual({
      weekdays: 'Choose at least one day.',
      startTime: 'Enter a start time, such as 18:00.',
      durationMinutes: 'Enter the length in whole minutes, from 5 to 720.',
    });
    for (const durationMinutes of [4, 721, 90.5]) {
      expect(messages(WeeklySchedule.safeParse({ weekdays: [1], startTime: '18:00', durationMinutes }))['durationMinutes'], String(durationMinutes)).toBe(
        'Enter the length in whole minutes, from 5 to 720.',
      );
    }
    expect(WeeklySchedule.safeParse({ weekdays: [1], startTime: '24:00', durationMinutes: 60 }).success).toBe(false);
    expect(WeeklySchedule.safeParse({ weekdays: [7], startTime: '18:00', durationMinutes: 60 }).success).toBe(false);
    expect(WeeklySchedule.safeParse({ weekdays: [1], startTime: '18:00', durationMinutes: 5 }).success).toBe(true);
  });

  it('is cleared with null, and the weeks to create are 1 to 8', () => {
    expect(ScheduleBody.parse({ schedule: null })).toEqual({ schedule: null });
    expect(ScheduledSessions.safeParse({ weeks: 2 }).success).toBe(true);
    expect(ScheduledSessions.safeParse({ weeks: 9 }).success).toBe(false);
  });
});

describe('NeverPairs and its form', () => {
  it('refuses a member paired with themselves, in the body and in the form', () => {
    expect(NeverPairs.safeParse({ pairs: [['a', 'b']] }).success).toBe(true);
    expect(NeverPairs.safeParse({ pairs: [['a', 'a']] }).error?.issues[0]?.message).toBe('A pair needs two different members.');
    expect(messages(NeverPairForm.safeParse({ first: 'a', second: 'a' }))).toEqual({ second: 'Choose two different members.' });
    expect(messages(NeverPairForm.safeParse({ first: '', second: '' }))).toEqual({
      first: 'Choose a member.',
      second: 'Choose who they must never be paired with.',
    });
  });
});
