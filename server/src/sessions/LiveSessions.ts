import { LiveSession, type SessionDeps } from './LiveSession.js';

/** The sessions running on this node, opened on first use (state restored from the store). */
export class LiveSessions {
  readonly #sessions = new Map<string, Promise<LiveSession>>();
  /** The ones that have finished opening, for synchronous questions (the media layer's policy). */
  readonly #open = new Map<string, LiveSession>();

  constructor(private readonly deps: SessionDeps) {}

  get(sessionId: string): Promise<LiveSession> {
    let session = this.#sessions.get(sessionId);
    if (!session) {
      session = LiveSession.open(sessionId, this.deps);
      this.#sessions.set(sessionId, session);
      session.then((s) => this.#open.set(sessionId, s), () => undefined);
      session.catch(() => this.#sessions.delete(sessionId));
    }
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
}
