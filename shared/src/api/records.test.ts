import { describe, expect, it } from 'vitest';
import { DateRange } from './records.js';

const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } | undefined }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('DateRange', () => {
  it('takes two days in order, at most a year apart, both included', () => {
    expect(DateRange.parse({ from: '2025-03-01', to: '2025-03-01' })).toEqual({ from: '2025-03-01', to: '2025-03-01' });
    expect(DateRange.safeParse({ from: '2024-03-01', to: '2025-03-01' }).success).toBe(true);
  });

  it('says what is wrong beside the field a person would change', () => {
    expect(messages(DateRange.safeParse({ from: '', to: '1 March' }))).toEqual({ from: 'Choose the first day.', to: 'Choose the last day.' });
    expect(messages(DateRange.safeParse({ from: '2025-03-02', to: '2025-03-01' }))).toEqual({ to: 'The last day must not be before the first.' });
    expect(messages(DateRange.safeParse({ from: '2024-01-01', to: '2025-03-01' }))).toEqual({ to: 'Choose at most a year at a time.' });
    expect(messages(DateRange.safeParse({ from: '2025-02-30', to: '2025-13-01' }))['to']).toBe('Choose a day that exists on the calendar.');
  });
});
