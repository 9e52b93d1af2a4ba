import { describe, expect, it } from 'vitest';
import { inviteExpiry, isTimeZone, startOfLocalDay, UNSCHEDULED_INVITE_MS } from './timeZone.js';

describe('time zones', () => {
  it('accepts IANA names and refuses offsets and junk', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5']) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ['', '+01:00', 'Mars/Olympus', 'Europe/../UTC', 'EST5EDT; drop']) expect(isTimeZone(zone)).toBe(false);
  });

  it('finds local midnight, also across a DST change', () => {
    expect(new Date(startOfLocalDay(2025, 1, 15, 'America/New_York')).toISOString()).toBe('2025-01-15T05:00:00.000Z');
    // New York springs forward on 2025-03-09 at 02:00: midnight that day is still EST.
    expect(new Date(startOfLocalDay(2025, 3, 9, 'America/New_York')).toISOString()).toBe('2025-03-09T05:00:00.000Z');
    expect(new Date(startOfLocalDay(2025, 3, 10, 'America/New_York')).toISOString()).toBe('2025-03-10T04:00:00.000Z');
    expect(new Date(startOfLocalDay(2025, 12, 32, 'UTC')).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('invite expiry', () => {
  it('lasts until the end of the day after the scheduled day, in the cohort’s zone', () => {
    // Saturday 2025-03-08 18:00 in New York (23:00Z): ends at local midnight starting Monday 03-10 (EDT).
    const start = Date.parse('2025-03-08T23:00:00Z');
    expect(new Date(inviteExpiry(start, 'America/New_York', start)).toISOString()).toBe('2025-03-10T04:00:00.000Z');
    // The same instant is already Sunday in Tokyo.
    expect(new Date(inviteExpiry(start, 'Asia/Tokyo', start)).toISOString()).toBe('2025-03-10T15:00:00.000Z');
  });

  it('lasts 7 days from issue without a schedule', () => {
    const now = Date.parse('2025-03-08T12:00:00Z');
    expect(inviteExpiry(undefined, 'UTC', now)).toBe(now + UNSCHEDULED_INVITE_MS);
  });
});
