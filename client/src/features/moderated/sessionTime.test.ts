import { describe, expect, it } from 'vitest';
import { describeStart } from './sessionTime';

const CHICAGO = 'America/Chicago';
// Tuesday 4 March 2031, 18:00 in Chicago (CST, UTC−6).
const tuesdayEvening = Date.parse('2031-03-05T00:00:00Z');
const HOUR = 60 * 60_000;

describe('describeStart', () => {
  it('says today and tomorrow on the group’s clock, not UTC’s', () => {
    // 10:00 in Chicago on the Tuesday: already Tuesday evening in UTC terms is "tomorrow" there.
    const tuesdayMorning = tuesdayEvening - 8 * HOUR;
    expect(describeStart(tuesdayEvening, CHICAGO, tuesdayMorning)).toBe('today at 18:00');
    expect(describeStart(tuesdayEvening + 24 * HOUR, CHICAGO, tuesdayMorning)).toBe('tomorrow at 18:00');
  });

  it('names the weekday within a week, and the date beyond', () => {
    const now = tuesdayEvening - 8 * HOUR;
    expect(describeStart(tuesdayEvening + 2 * 24 * HOUR, CHICAGO, now)).toBe('Thursday at 18:00');
    // A week on, after the clocks went forward: still 18:00 on the group's clock.
    expect(describeStart(Date.parse('2031-03-11T23:00:00Z'), CHICAGO, now)).toBe('Tuesday 11 March at 18:00');
  });

  it('tells a reader on another clock which clock it is', () => {
    const now = tuesdayEvening - 8 * HOUR;
    expect(describeStart(tuesdayEvening, CHICAGO, now, 'Europe/Berlin')).toBe('today at 18:00, Chicago time');
    expect(describeStart(tuesdayEvening, CHICAGO, now, CHICAGO)).toBe('today at 18:00');
    expect(describeStart(tuesdayEvening, 'America/New_York', now, CHICAGO)).toBe('today at 19:00, New York time');
  });
});
