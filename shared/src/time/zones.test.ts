import { describe, expect, it } from 'vitest';
import { localInputToIso } from './zones.js';

describe('localInputToIso', () => {
  it('reads the clock time in the cohort’s zone, not the browser’s', () => {
    expect(localInputToIso('2025-03-03T18:00', 'America/Chicago')).toBe('2025-03-04T00:00:00.000Z');
    expect(localInputToIso('2025-07-01T18:00', 'America/Chicago')).toBe('2025-07-01T23:00:00.000Z');
    expect(localInputToIso('2025-07-01T18:00', 'Europe/Berlin')).toBe('2025-07-01T16:00:00.000Z');
    expect(localInputToIso('2025-07-01T18:00', 'UTC')).toBe('2025-07-01T18:00:00.000Z');
    expect(localInputToIso('2025-07-01T18:00:30', 'Asia/Kolkata')).toBe('2025-07-01T12:30:30.000Z');
  });

  it('gets the evenings either side of a DST change right', () => {
    // Chicago moved to daylight time on 2025-03-09 at 02:00.
    expect(localInputToIso('2025-03-08T18:00', 'America/Chicago')).toBe('2025-03-09T00:00:00.000Z');
    expect(localInputToIso('2025-03-09T18:00', 'America/Chicago')).toBe('2025-03-09T23:00:00.000Z');
    // A skipped time moves forward by the gap.
    expect(localInputToIso('2025-03-09T02:30', 'America/Chicago')).toBe('2025-03-09T08:30:00.000Z');
    expect(localInputToIso('2025-03-30T02:30', 'Europe/Berlin')).toBe('2025-03-30T01:30:00.000Z');
    // A time that happens twice (clocks going back) is its first occurrence.
    expect(localInputToIso('2025-11-02T01:30', 'America/Chicago')).toBe('2025-11-02T06:30:00.000Z');
    expect(localInputToIso('2025-10-26T02:30', 'Europe/Berlin')).toBe('2025-10-26T00:30:00.000Z');
  });

  it('refuses what is not a datetime-local value or a zone', () => {
    for (const [value, zone] of [
      ['', 'UTC'],
      ['tomorrow', 'UTC'],
      ['2025-13-01T18:00', 'UTC'],
      ['2025-03-03 18:00', 'UTC'],
      ['2025-03-03T18:00', 'Mars/Olympus'],
      ['2025-03-03T18:00', '+01:00'],
    ] as const) {
      expect(localInputToIso(value, zone)).toBeUndefined();
    }
  });
});
