import { shuffle } from './rounds.js';

/** An unordered pair as one key: the same for (a, b) and (b, a). */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

export type PairingInput = {
  /** Who is to be paired (participants in the room). */
  members: string[];
  /** How often each pair (pairKey) met in this cohort's earlier sessions. */
  history: Record<string, number>;
  /** Pairs (pairKey) that must never be put together. */
  never: string[];
  /** The same seed, roster and history give the same pairs. */
  seed: number;
  /** With an odd count: one group of three, or the odd member with this facilitator. */
  odd: 'triad' | { facilitatorId: string };
};

export type PairingResult = { ok: true; groups: string[][]; repeats: number } | { ok: false; reason: string };

/**
 * Proposes breakout pairs (BRK1): every member placed exactly once, "never" rules always
 * honoured, and as few repeat meetings as the history allows (a repeat costs how often the
 * pair met). A depth-first search with bounds: groups of up to 16 are solved exactly in
 * milliseconds, since the first complete pairing usually costs nothing and prunes the rest.
 */
export function proposePairs(input: PairingInput): PairingResult {
  const members = shuffle([...new Set(input.members)], input.seed);
  if (members.length < 2) return { ok: false, reason: 'pairs need at least two people' };
  const never = new Set(input.never);
  const cost = (a: string, b: string) => (never.has(pairKey(a, b)) ? Infinity : (input.history[pairKey(a, b)] ?? 0));

  let best: Matching | undefined;
  if (members.length % 2 === 0) {
    best = bestMatching(members, cost);
  } else {
    // Try each member as the odd one out, then place them: into a pair (a triad) or with the facilitator.
    for (const extra of members) {
      const matching = bestMatching(
        members.filter((m) => m !== extra),
        cost,
      );
      const placed = matching && placeOdd(matching.groups, extra, input.odd, cost);
      if (!matching || !placed) continue;
      const total = matching.cost + placed.cost;
      if (!best || total < best.cost) best = { groups: placed.groups, cost: total };
      if (best.cost === 0) break;
    }
  }
  if (!best) return { ok: false, reason: 'no pairing honours every "never pair" rule' };
  return { ok: true, groups: best.groups, repeats: best.cost };
}

type Matching = { groups: string[][]; cost: number };

/** The cheapest way to split an even list into pairs (undefined if the rules allow none). */
function bestMatching(members: string[], cost: (a: string, b: string) => number): Matching | undefined {
  let best: Matching | undefined;
  const pairs: string[][] = [];
  const search = (left: string[], spent: number) => {
    if (best && spent >= best.cost) return;
    if (left.length === 0) {
      best = { groups: pairs.map((p) => [...p]), cost: spent };
      return;
    }
    const [first, ...rest] = left as [string, ...string[]];
    const partners = rest.map((p) => ({ p, c: cost(first, p) })).filter((x) => x.c !== Infinity);
    partners.sort((x, y) => x.c - y.c);
    for (const { p, c } of partners) {
      pairs.push([first, p]);
      search(
        rest.filter((x) => x !== p),
        spent + c,
      );
      pairs.pop();
      if (best?.cost === 0) return;
    }
  };
  search(members, 0);
  return best;
}

function placeOdd(
  groups: string[][],
  extra: string,
  odd: PairingInput['odd'],
  cost: (a: string, b: string) => number,
): { groups: string[][]; cost: number } | undefined {
  if (typeof odd === 'object') return { groups: [...groups, [extra, odd.facilitatorId]], cost: 0 };
  let pick: { index: number; cost: number } | undefined;
  groups.forEach((g, index) => {
    const c = g.reduce((sum, m) => sum + cost(m, extra), 0);
    if (c !== Infinity && (!pick || c < pick.cost)) pick = { index, cost: c };
  });
  if (!pick) return undefined;
  const chosen = pick;
  return { groups: groups.map((g, i) => (i === chosen.index ? [...g, extra] : g)), cost: chosen.cost };
}
