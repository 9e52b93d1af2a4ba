import { describe, expect, it } from 'vitest';
import { withSchedule, type CohortRecord } from '../store/ClinicStore.js';
import { meetingTitle, upcomingMeetings } from './schedule.js';

const iso = (t: number) => new Date(t).toISOString();
const evenings = { weekdays: [1, 3, 4], startTime: '18:00', durationMinutes: 180 };

describe('upcomingMeetings', () => {
  it('gives each scheduled weekday at the local start time, across a DST change', () => {
    // Monday 2025-03-03, 06:00 in Chicago; daylight time begins there on Sunday 2025-03-09.
    const now = Date.parse('2025-03-03T12:00:00Z');
    const meetings = upcomingMeetings(evenings, 'America/Chicago', now, 2);
    expect(meetings.map((m) => [iso(m.start), m.weekday])).toEqual([
      ['2025-03-04T00:00:00.000Z', 1],
      ['2025-03-06T00:00:00.000Z', 3],
      ['2025-03-07T00:00:00.000Z', 4],
      ['2025-03-10T23:00:00.000Z', 1],
      ['2025-03-12T23:00:00.000Z', 3],
      ['2025-03-13T23:00:00.000Z', 4],
    ]);
  });

  it('on the day of the change itself, and for a start time the change skips', () => {
    const saturday = Date.parse('2025-03-08T12:00:00Z');
    const sundays = (startTime: string) => upcomingMeetings({ weekdays: [0], startTime, durationMinutes: 60 }, 'America/Chicago', saturday, 1);
    // Chicago's midnight that Sunday is CST, its evening CDT: 18:00 is 23:00 UTC, not 00:00.
    expect(sundays('18:00').map((m) => iso(m.start))).toEqual(['2025-03-09T23:00:00.000Z']);
    // 02:30 does not happen that night; the meeting moves forward by the gap, as clocks do.
    expect(sundays('02:30').map((m) => iso(m.start))).toEqual(['2025-03-09T08:30:00.000Z']);
  });

  it('leaves out a meeting that has already begun today, and ends after the last day of the last week', () => {
    // Monday 18:30 in Chicago: tonight's 18:00 has begun; the window ends on Sunday 2025-03-09.
    const now = Date.parse('2025-03-04T00:30:00Z');
    expect(upcomingMeetings(evenings, 'America/Chicago', now, 1).map((m) => iso(m.start))).toEqual(['2025-03-06T00:00:00.000Z', '2025-03-07T00:00:00.000Z']);
    // Exactly at the start is too late as well.
    expect(upcomingMeetings(evenings, 'America/Chicago', Date.parse('2025-03-04T00:00:00Z'), 1)).toHaveLength(2);
  });

  it('counts days in the cohort’s zone, not in UTC', () => {
    // Tuesday 01:00 UTC is still Monday evening in Chicago, Tuesday morning in Berlin.
    const now = Date.parse('2025-03-04T01:00:00Z');
    const morning = { weekdays: [2], startTime: '09:30', durationMinutes: 60 };
    expect(upcomingMeetings(morning, 'America/Chicago', now, 1).map((m) => iso(m.start))).toEqual(['2025-03-04T15:30:00.000Z']);
    expect(upcomingMeetings(morning, 'Europe/Berlin', now, 1).map((m) => iso(m.start))).toEqual(['2025-03-04T08:30:00.000Z']);
  });

  it('rolls over month and year ends', () => {
    const now = Date.parse('2025-12-29T12:00:00Z');
    const daily = { weekdays: [0, 1, 2, 3, 4, 5, 6], startTime: '20:00', durationMinutes: 60 };
    const days = upcomingMeetings(daily, 'UTC', now, 1).map((m) => iso(m.start).slice(0, 10));
    expect(days).toEqual(['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
  });
});

describe('withSchedule and meetingTitle', () => {
  it('replaces or clears a cohort’s schedule, and names a meeting by its weekday', () => {
    const cohort: CohortRecord = { id: 'c', name: 'C', timeZone: 'UTC', createdAt: 1 };
    const scheduled = withSchedule(cohort, evenings);
    expect(scheduled.schedule).toEqual(evenings);
    expect(withSchedule(scheduled, null)).toEqual(cohort);
    expect('schedule' in withSchedule(scheduled, null)).toBe(false);
    expect([0, 1, 6].map(meetingTitle)).toEqual(['Sunday group', 'Monday group', 'Saturday group']);
  });
});
