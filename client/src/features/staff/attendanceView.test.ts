import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError';
import { attendanceSummary, intervalsText, lastDays, minutesText, reportProblem } from './attendanceView';

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

describe('attendanceSummary', () => {
  it('says how many members came and their minutes in all, or that nobody came', () => {
    const here = { intervals: [{}], minutes: 42.2 };
    const away = { intervals: [], minutes: 0 };
    expect(attendanceSummary([here, away, { intervals: [{}], minutes: 10.1 }])).toBe('2 of 3 members attended, 52.3 min in all.');
    expect(attendanceSummary([away, away])).toBe('None of the 2 members attended.');
    expect(attendanceSummary([here])).toBe('1 of 1 member attended, 42.2 min in all.');
  });
});

describe('reportProblem', () => {
  it('explains a refused range in the server’s words', () => {
    expect(reportProblem(new ApiError('INVALID_PAYLOAD', 400, '✖ The last day must not be before the first.\n  → at to'))).toBe(
      'The last day must not be before the first.',
    );
    expect(reportProblem(new ApiError('INVALID_PAYLOAD', 400, '✖ Choose at most a year at a time.\n  → at to\n✖ use YYYY-MM-DD\n  → at from'))).toBe(
      'Choose at most a year at a time. Use YYYY-MM-DD.',
    );
  });

  it('falls back to the usual words for other failures and for a message it cannot read', () => {
    expect(reportProblem(new ApiError('INVALID_PAYLOAD', 400, ''))).toMatch(/not accepted/);
    expect(reportProblem(new ApiError('NETWORK', 0, ''))).toMatch(/could not be reached/);
  });
});
