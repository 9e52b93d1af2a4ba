import { describe, expect, it } from 'vitest';
import { formatInZone, isTimeZone, zonedInputToIso } from './zonedTime';

describe('zonedInputToIso', () => {
  it('reads the clock time in the cohort’s zone, not the browser’s', () => {
    expect(zonedInputToIso('2025-03-03T18:00', 'America/Chicago')).toBe('2025-03-04T00:00:00.000Z');
    expect(zonedInputToIso('2025-07-01T18:00', 'America/Chicago')).toBe('2025-07-01T23:00:00.000Z');
    expect(zonedInputToIso('2025-07-01T18:00', 'Europe/Berlin')).toBe('2025-07-01T16:00:00.000Z');
    expect(zonedInputToIso('2025-07-01T18:00', 'UTC')).toBe('2025-07-01T18:00:00.000Z');
    expect(zonedInputToIso('2025-07-01T18:00:30', 'Asia/Kolkata')).toBe('2025-07-01T12:30:30.000Z');
  });

  it('gets the evenings either side of a DST change right', () => {
    // Chicago moved to daylight time on 2025-03-09 at 02:00.
    expect(zonedInputToIso('2025-03-08T18:00', 'America/Chicago')).toBe('2025-03-09T00:00:00.000Z');
    expect(zonedInputToIso('2025-03-09T18:00', 'America/Chicago')).toBe('2025-03-09T23:00:00.000Z');
    // A skipped time moves forward by the gap.
    expect(zonedInputToIso('2025-03-09T02:30', 'America/Chicago')).toBe('2025-03-09T08:30:00.000Z');
    expect(zonedInputToIso('2025-03-30T02:30', 'Europe/Berlin')).toBe('2025-03-30T01:30:00.000Z');
    // A time that happens twice (clocks going back) is its first occurrence.
    expect(zonedInputToIso('2025-11-02T01:30', 'America/Chicago')).toBe('2025-11-02T06:30:00.000Z');
    expect(zonedInputToIso('2025-10-26T02:30', 'Europe/Berlin')).toBe('2025-10-26T00:30:00.000Z');
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
      expect(zonedInputToIso(value, zone)).toBeUndefined();
    }
  });
});

describe('isTimeZone', () => {
  it('accepts IANA names and refuses offsets and junk, as the server does', () => {
    for (const zone of ['UTC', 'America/Chicago', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5']) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ['', '+01:00', 'Mars/Olympus', 'CET; x', 'America/']) expect(isTimeZone(zone)).toBe(false);
  });
});

describe('formatInZone', () => {
  it('shows the time on the cohort’s clock with the zone named', () => {
    expect(formatInZone('2025-03-04T00:00:00.000Z', 'America/Chicago', 'en-US')).toBe('Mon, Mar 3, 6:00 PM CST');
    expect(formatInZone('not a time', 'UTC', 'en-US')).toBe('');
  });
});
