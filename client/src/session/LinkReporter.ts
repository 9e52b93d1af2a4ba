import type { LinkQuality } from '@hearth/shared';
import { request, type HearthSocket } from './request';

type Sources = {
  /** The level this call measures now (LinkMonitor), null before the first reading. */
  measured(): LinkQuality | null;
  /** The level the session holds for this member, or undefined when they are not in the room. */
  held(): LinkQuality | null | undefined;
  socket(): HearthSocket | undefined;
};

/**
 * LNK1: tells the session this member's link level when it differs from what the session holds.
 * One report at a time; a level that changed while one was on its way (slow, on the link in
 * question) is sent after it, at most a few times in a row. Call report() whenever either changes.
 */
export class LinkReporter {
  #busy = false;

  constructor(private readonly sources: Sources) {}

  async report(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    let sent: LinkQuality | undefined;
    try {
      for (let round = 0; round < 3; round++) {
        const link = this.sources.measured();
        const held = this.sources.held();
        const socket = this.sources.socket();
        if (!link || !socket || held === undefined || held === link || link === sent) break;
        // Not the person's own action: a refusal (e.g. RATE_LIMITED) is not shown; the next change tries again.
        await request(socket, 'session:command', { type: 'reportLink', quality: link }).catch(() => undefined);
        sent = link;
      }
    } finally {
      this.#busy = false;
    }
  }
}
