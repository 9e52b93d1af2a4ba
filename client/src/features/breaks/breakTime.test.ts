import { describe, expect, it } from 'vitest';
import { backAt } from './breakTime';

describe('backAt', () => {
  it('says the moment a break ends on the reader’s clock, from the time left the server sent', () => {
    const now = Date.UTC(2026, 11, 1, 1, 30, 0);
    const inTen = backAt(10 * 60_000, now, 'en-GB');
    const expected = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit' }).format(new Date(now + 10 * 60_000));
    expect(inTen).toBe(expected);
    expect(backAt(0, now, 'en-GB')).not.toBe(inTen);
    expect(backAt(10 * 60_000, now, 'en-US')).toMatch(/^\d{1,2}:\d\d [AP]M$/);
  });
});
