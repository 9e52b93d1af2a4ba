import type { PairRecord } from '@hearth/shared';

/** A participant came into the room (admitted and connected) or went out of it. Appended, never changed. */
export type AttendanceEvent = { memberId: string; kind: 'in' | 'out'; at: number };

/** A list per session, appended in order and never changed. */
export interface SessionLog<T> {
  append(sessionId: string, events: readonly T[]): Promise<void>;
  events(sessionId: string): Promise<T[]>;
}

/** Who came into and went out of each session's room. */
export type AttendanceLog = SessionLog<AttendanceEvent>;

/**
 * Who met whom in each session's breakouts, one record per breakout as it ended: what the
 * cohort's rotation counts (BRK11), without loading every earlier session's whole state.
 */
export type PairHistory = SessionLog<PairRecord>;

export class MemorySessionLog<T> implements SessionLog<T> {
  readonly #events = new Map<string, T[]>();

  async append(sessionId: string, events: readonly T[]): Promise<void> {
    if (events.length === 0) return;
    const list = this.#events.get(sessionId) ?? [];
    list.push(...structuredClone(events));
    this.#events.set(sessionId, list);
  }

  async events(sessionId: string): Promise<T[]> {
    return structuredClone(this.#events.get(sessionId) ?? []);
  }
}
