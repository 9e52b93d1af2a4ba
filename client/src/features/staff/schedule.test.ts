import { describe, expect, it } from 'vitest';
import { describeSchedule, weekOrder } from './schedule';

describe('describeSchedule', () => {
  it('names the days Monday first, the cohort’s start time, the length and the zone', () => {
    expect(describeSchedule({ weekdays: [4, 1, 3], startTime: '18:00', durationMinutes: 180 }, 'America/Chicago')).toBe(
      'Mon, Wed, Thu at 18:00 for 180 min, America/Chicago time',
    );
    expect(describeSchedule({ weekdays: [0, 6], startTime: '09:30', durationMinutes: 60 }, 'Europe/Berlin')).toBe(
      'Sat, Sun at 09:30 for 60 min, Europe/Berlin time',
    );
  });

  it('lists each day once', () => {
    expect(weekOrder([0, 1, 1, 5])).toEqual([1, 5, 0]);
  });
});
