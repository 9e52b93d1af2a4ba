import type { SessionState } from '@hearth/shared';

/**
 * Where live session state is kept between commands. Async and JSON-only so the Redis
 * store (a later issue) is a drop-in; the memory store is the embedded default.
 */
export interface SessionStateStore {
  load(sessionId: string): Promise<SessionState | undefined>;
  save(state: SessionState): Promise<void>;
}

export class MemorySessionStateStore implements SessionStateStore {
  readonly #states = new Map<string, string>();

  async load(sessionId: string): Promise<SessionState | undefined> {
    const json = this.#states.get(sessionId);
    return json === undefined ? undefined : (JSON.parse(json) as SessionState);
  }

  async save(state: SessionState): Promise<void> {
    // Stored as text, as Redis will: nothing can depend on object identity.
    this.#states.set(state.id, JSON.stringify(state));
  }
}
