import { describe, expect, it } from 'vitest';
import { formatInZone, isTimeZone } from './zonedTime';

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
