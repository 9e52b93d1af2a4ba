import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError';
import { intervalsText, lastDays, minutesText, reportProblem } from './attendanceView';

describe('lastDays', () => {
  it('is the 30 days up to today on the cohort’s clock, today included', () => {
    // 03:00 UTC on 1 March is still 28 February in Chicago, already 1 March in Berlin.
    const now = Date.parse('2025-03-01T03:00:00Z');
    expect(lastDays(now, 'America/Chicago')).toEqual({ from: '2025-01-30', to: '2025-02-28' });
    expect(lastDays(now, 'Europe/Berlin')).toEqual({ from: '2025-01-31', to: '2025-03-01' });
    expect(lastDays(Date.parse('2026-01-05T12:00:00Z'), 'UTC', 7)).toEqual({ from: '2025-12-30', to: '2026-01-05' });
  });
});

describe('intervalsText and minutesText', () => {
  it('shows time in the room on the cohort’s clock, nothing for an absence', () => {
    const intervals = [
      { from: '2025-03-04T00:02:00.000Z', to: '2025-03-04T00:45:30.000Z' },
      { from: '2025-03-04T00:50:00.000Z', to: '2025-03-04T01:30:00.000Z' },
    ];
    expect(intervalsText(intervals, 'America/Chicago')).toBe('18:02–18:45, 18:50–19:30');
    expect(intervalsText([], 'America/Chicago')).toBe('');
    expect([0, 12.3, 50].map(minutesText)).toEqual(['0.0 min', '12.3 min', '50.0 min']);
  });
});

describe('reportProblem', () => {
  it('explains a refused range in the server’s words', () => {
    expect(reportProblem(new ApiError('INVALID_PAYLOAD', 400, '✖ from must not be after to'))).toBe('From must not be after to.');
    expect(reportProblem(new ApiError('INVALID_PAYLOAD', 400, '✖ at most a year at a time\n✖ use YYYY-MM-DD\n  → at from'))).toBe(
      'At most a year at a time. Use YYYY-MM-DD (from).',
    );
  });

  it('falls back to the usual words for other failures and for a message it cannot read', () => {
    expect(reportProblem(new ApiError('INVALID_PAYLOAD', 400, ''))).toMatch(/not accepted/);
    expect(reportProblem(new ApiError('NETWORK', 0, ''))).toMatch(/could not be reached/);
  });
});
