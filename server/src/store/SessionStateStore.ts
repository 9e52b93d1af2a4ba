import type { SessionState } from '@hearth/shared';
import type { Records } from './Records.js';

/**
 * Where live session state is kept between commands, one JSON record per session, so another
 * node (Redis) or a restarted server can carry on from the same state.
 */
export class SessionStateStore {
  constructor(private readonly records: Records) {}

  load(sessionId: string): Promise<SessionState | undefined> {
    return this.records.get(`session-state:${sessionId}`);
  }

  save(state: SessionState): Promise<void> {
    return this.records.write((tx) => tx.set(`session-state:${state.id}`, state));
  }

  /** A retention purge removes an ended session's last state with it. */
  delete(sessionId: string): Promise<void> {
    return this.records.write((tx) => tx.delete(`session-state:${sessionId}`));
  }
}
