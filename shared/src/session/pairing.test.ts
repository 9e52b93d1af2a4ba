import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairKey, proposePairs, type PairingInput } from './pairing.js';

const roster = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

/** Every way to split members into pairs (plus one triad when odd), for checking optimality on small rosters. */
function allPairings(members: string[]): string[][][] {
  if (members.length === 0) return [[]];
  if (members.length === 3) return [[members]];
  const [first, ...rest] = members as [string, ...string[]];
  const out: string[][][] = [];
  for (const p of rest) {
    for (const tail of allPairings(rest.filter((x) => x !== p))) out.push([[first, p], ...tail]);
  }
  if (members.length % 2 === 1) {
    // first joins a triad somewhere later, or is in one now
    for (const a of rest) for (const b of rest) if (a < b) for (const tail of allPairings(rest.filter((x) => x !== a && x !== b))) out.push([[first, a, b], ...tail]);
  }
  return out;
}

const costOf = (groups: string[][], input: PairingInput) =>
  groups.reduce((sum, g) => {
    let c = 0;
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) c += input.history[pairKey(g[i]!, g[j]!)] ?? 0;
    return sum + c;
  }, 0);

const inputs = (maxMembers: number) =>
  fc.integer({ min: 2, max: maxMembers }).chain((n) => {
    const members = roster(n);
    const keys = members.flatMap((a, i) => members.slice(i + 1).map((b) => pairKey(a, b)));
    return fc.record({
      members: fc.constant(members),
      history: fc.dictionary(fc.constantFrom(...keys), fc.integer({ min: 1, max: 3 }), { maxKeys: Math.min(keys.length, n * 2) }),
      never: fc.subarray(keys, { maxLength: Math.max(0, Math.floor(n / 3)) }),
      seed: fc.integer(),
      odd: fc.constant('triad' as const),
    });
  });

describe('proposePairs', () => {
  it('[BRK1] places every member exactly once, in pairs and at most one triad, honouring "never" rules', () => {
    fc.assert(
      fc.property(inputs(16), (input) => {
        const result = proposePairs(input);
        if (!result.ok) return; // checked below: only when the rules leave no way
        const placed = result.groups.flat();
        expect(placed.sort()).toEqual([...input.members].sort());
        expect(result.groups.filter((g) => g.length === 3).length).toBe(input.members.length % 2);
        expect(result.groups.every((g) => g.length === 2 || g.length === 3)).toBe(true);
        for (const g of result.groups) for (const a of g) for (const b of g) if (a !== b) expect(input.never).not.toContain(pairKey(a, b));
        expect(result.repeats).toBe(costOf(result.groups, input));
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('[BRK2] repeats as few past meetings as possible (checked against every pairing of small rosters)', () => {
    fc.assert(
      fc.property(inputs(7), (input) => {
        const result = proposePairs(input);
        const allowed = allPairings(input.members).filter((groups) =>
          groups.every((g) => g.every((a) => g.every((b) => a === b || !input.never.includes(pairKey(a, b))))),
        );
        if (allowed.length === 0) {
          expect(result.ok).toBe(false);
          return;
        }
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.repeats).toBe(Math.min(...allowed.map((g) => costOf(g, input))));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('[BRK2] after a whole previous pairing, nobody meets the same partner again', () => {
    const members = roster(16);
    const history = Object.fromEntries(members.filter((_, i) => i % 2 === 0).map((m, i) => [pairKey(m, members[i * 2 + 1]!), 1]));
    const result = proposePairs({ members, history, never: [], seed: 1, odd: 'triad' });
    expect(result).toMatchObject({ ok: true, repeats: 0 });
  });

  it('[BRK3] with an odd count the facilitator can take the odd member', () => {
    const result = proposePairs({ members: roster(5), history: {}, never: [], seed: 3, odd: { facilitatorId: 'F' } });
    if (!result.ok) throw new Error(result.reason);
    expect(result.groups).toHaveLength(3);
    expect(result.groups.filter((g) => g.includes('F'))).toHaveLength(1);
    expect(result.groups.every((g) => g.length === 2)).toBe(true);
  });

  it('[BRK1] the same seed gives the same pairs; another seed may differ', () => {
    const input = { members: roster(10), history: {}, never: [], seed: 42, odd: 'triad' as const };
    expect(proposePairs(input)).toEqual(proposePairs(input));
  });

  it('[BRK1] says so when the rules leave no way', () => {
    expect(proposePairs({ members: ['a', 'b'], history: {}, never: [pairKey('a', 'b')], seed: 1, odd: 'triad' })).toMatchObject({ ok: false });
  });
});
