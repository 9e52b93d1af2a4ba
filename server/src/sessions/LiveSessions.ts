import { LiveSession, type SessionDeps } from './LiveSession.js';

/**
 * The sessions running on this node, opened on first use (state restored from the store)
 * and dropped when they close (ended, nobody connected).
 */
export class LiveSessions {
  readonly #sessions = new Map<string, Promise<LiveSession>>();
  /** The ones that have finished opening, for synchronous questions (the media layer's policy). */
  readonly #open = new Map<string, LiveSession>();

  constructor(
    private readonly deps: SessionDeps,
    /** Told when a session is no longer held here (closed, or failed to open). */
    private readonly onDropped: (sessionId: string) => void = () => {},
  ) {}

  get(sessionId: string): Promise<LiveSession> {
    const running = this.#sessions.get(sessionId);
    if (running) return running;
    // Only this opening's own entries go: a session closed is never the one opened after it.
    const forget = () => {
      if (this.#sessions.get(sessionId) !== session) return;
      this.#sessions.delete(sessionId);
      this.#open.delete(sessionId);
      this.onDropped(sessionId);
    };
    const session = LiveSession.open(sessionId, this.deps, forget);
    this.#sessions.set(sessionId, session);
    session.then((s) => this.#sessions.get(sessionId) === session && this.#open.set(sessionId, s), forget);
    return session;
  }

  /** Running here and open, or undefined. */
  current(sessionId: string): LiveSession | undefined {
    return this.#open.get(sessionId);
  }

  /** Already running here, without opening it. */
  running(sessionId: string): Promise<LiveSession> | undefined {
    return this.#sessions.get(sessionId);
  }

  /** On shutdown: each stops its timers (what it kept is in the store already). */
  closeAll(): void {
    for (const session of [...this.#open.values()]) session.close();
  }

  /** Connected members of the open sessions, admitted or waiting (for /metrics). */
  memberCounts(): { admitted: number; waiting: number } {
    const counts = { admitted: 0, waiting: 0 };
    for (const session of this.#open.values()) {
      for (const m of Object.values(session.snapshot.members)) {
        if (m.connected && (m.status === 'admitted' || m.status === 'waiting')) counts[m.status]++;
      }
    }
    return counts;
  }

  /** How many are held in memory. */
  get size(): number {
    return this.#sessions.size;
  }
}
