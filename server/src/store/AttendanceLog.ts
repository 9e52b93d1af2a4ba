/** A participant came into the room (admitted and connected) or went out of it. Appended, never changed. */
export type AttendanceEvent = { memberId: string; kind: 'in' | 'out'; at: number };

/** Who came into and went out of each session's room, appended in order, never changed. */
export interface AttendanceLog {
  append(sessionId: string, events: readonly AttendanceEvent[]): Promise<void>;
  events(sessionId: string): Promise<AttendanceEvent[]>;
}

export class MemoryAttendanceLog implements AttendanceLog {
  readonly #events = new Map<string, AttendanceEvent[]>();

  async append(sessionId: string, events: readonly AttendanceEvent[]): Promise<void> {
    if (events.length === 0) return;
    const list = this.#events.get(sessionId) ?? [];
    list.push(...events.map((e) => ({ ...e })));
    this.#events.set(sessionId, list);
  }

  async events(sessionId: string): Promise<AttendanceEvent[]> {
    return (this.#events.get(sessionId) ?? []).map((e) => ({ ...e }));
  }
}
