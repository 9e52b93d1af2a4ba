import type { Interval } from './attendance.js';

/*
 * Sets of time as lists of half-open intervals [from, to) in epoch ms. Each function takes
 * lists in any order, overlapping or touching (a reconnect inside the grace gives two such
 * intervals), and answers a union: sorted, disjoint, no empty interval, so time is never
 * counted twice.
 */

/** The time covered by any of the intervals; touching and overlapping ones join, as in attendance.ts. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
  const joined: Interval[] = [];
  for (const i of sorted) {
    const last = joined.at(-1);
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to);
    else joined.push({ from: i.from, to: i.to });
  }
  return joined;
}

/** The time in both: a break that straddles an edge of an interval keeps only the overlap. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = union(a);
  const right = union(b);
  const both: Interval[] = [];
  for (let i = 0, j = 0; i < left.length && j < right.length; ) {
    const l = left[i]!;
    const r = right[j]!;
    const from = Math.max(l.from, r.from);
    const to = Math.min(l.to, r.to);
    if (to > from) both.push({ from, to });
    if (l.to < r.to) i++;
    else j++;
  }
  return both;
}

/** The time in `a` and not in `b`: admitted time minus breaks is treatment time. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const cuts = union(b);
  const left: Interval[] = [];
  for (const i of union(a)) {
    let from = i.from;
    for (const cut of cuts) {
      if (cut.to <= from || cut.from >= i.to) continue;
      if (cut.from > from) left.push({ from, to: cut.from });
      from = cut.to;
    }
    if (i.to > from) left.push({ from, to: i.to });
  }
  return left;
}

/** How long the intervals cover, in ms, each moment once. */
export function coveredMs(intervals: readonly Interval[]): number {
  return union(intervals).reduce((sum, i) => sum + (i.to - i.from), 0);
}
