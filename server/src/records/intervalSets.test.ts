import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interval } from './attendance.js';
import { coveredMs, intersect, subtract, union } from './intervalSets.js';

// Small whole numbers for times, so overlaps, touching ends and empty intervals are common.
const interval = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })).map(([a, b]): Interval => ({ from: Math.min(a, b), to: Math.max(a, b) }));
const intervals = fc.array(interval, { maxLength: 8 });

/** Each whole unit of time the intervals cover, counted by brute force. */
const units = (list: readonly Interval[]) => new Set(list.flatMap((i) => Array.from({ length: i.to - i.from }, (_, k) => i.from + k)));

describe('interval sets', () => {
  it('union joins touching and overlapping intervals and drops empty ones', () => {
    expect(union([{ from: 5, to: 9 }, { from: 0, to: 3 }, { from: 3, to: 4 }, { from: 8, to: 12 }, { from: 20, to: 20 }])).toEqual([
      { from: 0, to: 4 },
      { from: 5, to: 12 },
    ]);
  });

  it('cover each moment once: the same time as counting every unit by hand', () => {
    fc.assert(
      fc.property(intervals, intervals, (a, b) => {
        const inA = units(a);
        const inB = units(b);
        expect(coveredMs(a)).toBe(inA.size);
        expect(coveredMs(intersect(a, b))).toBe([...inA].filter((u) => inB.has(u)).length);
        expect(coveredMs(subtract(a, b))).toBe([...inA].filter((u) => !inB.has(u)).length);
      }),
    );
  });

  it('answer sorted, disjoint, non-empty intervals', () => {
    fc.assert(
      fc.property(intervals, intervals, (a, b) => {
        for (const result of [union(a), intersect(a, b), subtract(a, b)]) {
          result.forEach((i, n) => {
            expect(i.to).toBeGreaterThan(i.from);
            if (n > 0) expect(i.from).toBeGreaterThan(result[n - 1]!.to);
          });
        }
      }),
    );
  });
});
