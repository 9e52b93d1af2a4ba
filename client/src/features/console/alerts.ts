import type { FacilitatorMemberView, SessionView } from '@hearth/shared';

export type FacilitatorView = Extract<SessionView, { kind: 'facilitator' }>;

/**
 * What needs a facilitator now, derived from the session's state alone (HLP1, BRK18, WAI5):
 * the same for every facilitator, and still there after a reload or a reconnect. Each item
 * stays until a facilitator acts on it. `key` changes when a request is made again, so a new
 * request is news even from the same person.
 */
export type ConsoleAlert =
  | { kind: 'help'; key: string; at: number; member: FacilitatorMemberView }
  | { kind: 'pair-help'; key: string; at: number; groupId: string; names: string[] }
  | { kind: 'waiting'; key: string; at: number; member: FacilitatorMemberView };

/** Every open item, newest first. */
export function openAlerts(view: FacilitatorView): ConsoleAlert[] {
  const names = new Map(view.members.map((m) => [m.id, m.displayName]));
  const alerts: ConsoleAlert[] = [];
  for (const m of view.members) {
    if (m.helpRequestedAt !== null) alerts.push({ kind: 'help', key: `help:${m.id}:${m.helpRequestedAt}`, at: m.helpRequestedAt, member: m });
    if (m.status === 'waiting') {
      // A state stored before WAI5 has no time: such a member counts as just arrived.
      const at = m.waitingSince ?? Number.MAX_SAFE_INTEGER;
      alerts.push({ kind: 'waiting', key: `waiting:${m.id}:${m.waitingSince ?? ''}`, at, member: m });
    }
  }
  for (const g of view.breakout?.groups ?? []) {
    if (g.helpRequestedAt === null) continue;
    const pair = g.memberIds.map((id) => names.get(id) ?? 'someone');
    alerts.push({ kind: 'pair-help', key: `pair:${g.id}:${g.helpRequestedAt}`, at: g.helpRequestedAt, groupId: g.id, names: pair });
  }
  // Newest first; at the same moment, help before arrivals (it is the more urgent).
  const rank = { help: 0, 'pair-help': 1, waiting: 2 } as const;
  return alerts.sort((a, b) => b.at - a.at || rank[a.kind] - rank[b.kind]);
}

/** The keys in `now` that were not in `before`: what is new since the last look. */
export function newSince(before: ReadonlySet<string>, now: readonly ConsoleAlert[]): ConsoleAlert[] {
  return now.filter((a) => !before.has(a.key));
}

/** One line for a screen reader about what just arrived. */
export function describeAlerts(alerts: readonly ConsoleAlert[]): string {
  return alerts
    .map((a) => {
      switch (a.kind) {
        case 'help':
          return `${a.member.displayName} asked for help.`;
        case 'pair-help':
          return `${joinNames(a.names)} asked for a facilitator.`;
        case 'waiting':
          return `${a.member.displayName} is waiting to be admitted.`;
        default: {
          const unknown: never = a;
          return String(unknown);
        }
      }
    })
    .join(' ');
}

export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} & ${names.at(-1)}`;
}

/** "(2) Evening group · Hearth": the count of open items before the page's own title. */
export function titleWithCount(title: string, count: number): string {
  const bare = title.replace(/^\(\d+\) /, '');
  return count > 0 ? `(${count}) ${bare}` : bare;
}
