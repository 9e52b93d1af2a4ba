import type { LinkQuality } from '@hearth/shared';
import { classify, LinkLevel, readSample } from './linkQuality';

type StatsSource = { getStats(): Promise<RTCStatsReport> } | undefined;

/** How often the link is read: often enough to offer audio only within seconds, cheap enough for a phone. */
export const LINK_SAMPLE_MS = 2_000;

/**
 * Reads the call's own link every LINK_SAMPLE_MS from its transports' statistics and says when
 * the shown level changes. One timer, stopped by stop() (the media client stops it whenever its
 * transports close); a read still in flight after stop() is dropped.
 */
export class LinkMonitor {
  #timer: ReturnType<typeof setInterval> | undefined;
  #level = new LinkLevel();
  #reading = false;

  constructor(
    private readonly transports: () => StatsSource[],
    private readonly onChange: (level: LinkQuality) => void,
  ) {}

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.#read(), LINK_SAMPLE_MS);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#level = new LinkLevel();
  }

  async #read(): Promise<void> {
    if (this.#reading) return;
    this.#reading = true;
    const level = this.#level;
    try {
      const reports = await Promise.all(this.transports().map((t) => t?.getStats().catch(() => undefined)));
      if (!this.#timer || level !== this.#level) return;
      if (level.take(classify(readSample(reports)))) this.onChange(level.level!);
    } finally {
      this.#reading = false;
    }
  }
}
