import { describe, expect, it } from 'vitest';
import { retentionCutoff } from './retention.js';

const at = (iso: string) => Date.parse(iso);
const cutoff = (now: string, months: number) => new Date(retentionCutoff(at(now), months)).toISOString();

describe('retentionCutoff', () => {
  it('is whole calendar months before now, to the millisecond', () => {
    expect(cutoff('2032-03-15T10:20:30.400Z', 72)).toBe('2026-03-15T10:20:30.400Z');
    expect(cutoff('2032-03-15T10:20:30.400Z', 1)).toBe('2032-02-15T10:20:30.400Z');
  });

  it('crosses year boundaries both ways within the months', () => {
    expect(cutoff('2032-01-10T00:00:00.000Z', 73)).toBe('2025-12-10T00:00:00.000Z');
    expect(cutoff('2032-12-10T00:00:00.000Z', 84)).toBe('2025-12-10T00:00:00.000Z');
  });

  it('clamps a day the earlier month lacks to its last day, leap years included', () => {
    expect(cutoff('2032-08-31T12:00:00.000Z', 6)).toBe('2032-02-29T12:00:00.000Z');
    expect(cutoff('2031-08-31T12:00:00.000Z', 6)).toBe('2031-02-28T12:00:00.000Z');
    expect(cutoff('2032-05-31T00:00:00.000Z', 1)).toBe('2032-04-30T00:00:00.000Z');
    // 29 February less six years: 2026 has no 29 February.
    expect(cutoff('2032-02-29T08:00:00.000Z', 72)).toBe('2026-02-28T08:00:00.000Z');
  });
});
