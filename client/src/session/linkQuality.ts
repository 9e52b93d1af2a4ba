import type { LinkQuality } from '@hearth/shared';

/**
 * A member's own network link, read from the WebRTC statistics of their two transports the
 * way a person feels it: delay (round trip) and breaks (packets lost). Only what measures this
 * member's own link counts: the round trip of their ICE pair and the loss the SFU reports of
 * what they send. Loss counted on what they receive is left out: the SFU forwards a sender's
 * gaps, so one person on a bad link would make everyone's link read bad. A downlink too slow
 * for what it is sent shows up in the round trip (queueing delay). The available bitrate is not
 * used either: with audio alone the browser never probes, so a healthy link would read as slow.
 */
export type LinkSample = {
  /** The selected ICE pair's current round trip, in ms; null before the first measurement. */
  rttMs: number | null;
  /** Share of the camera packets this member sends that the SFU reports lost (0–1), the worst layer. */
  loss: number;
};

/** Above these a call is noticeably worse (fair) or breaks up (poor). */
export const LIMITS = { fair: { rttMs: 150, loss: 0.01 }, poor: { rttMs: 250, loss: 0.03 } } as const;

export function classify(sample: LinkSample): LinkQuality {
  const rtt = sample.rttMs ?? 0;
  if (rtt >= LIMITS.poor.rttMs || sample.loss >= LIMITS.poor.loss) return 'poor';
  if (rtt >= LIMITS.fair.rttMs || sample.loss >= LIMITS.fair.loss) return 'fair';
  return 'good';
}

/** One sample from the transports' reports: the worst round trip and the worst reported sending loss. */
export function readSample(reports: (RTCStatsReport | undefined)[]): LinkSample {
  let rttMs: number | null = null;
  let loss = 0;
  for (const report of reports) {
    report?.forEach((s: Record<string, unknown>) => {
      if (s['type'] === 'candidate-pair' && s['nominated'] === true && s['state'] === 'succeeded' && typeof s['currentRoundTripTime'] === 'number') {
        rttMs = Math.max(rttMs ?? 0, s['currentRoundTripTime'] * 1000);
      }
      // The SFU's receiver reports on what it got from us, per RTCP interval. Its reports on
      // Opus (sent with DTX) said about 10 % lost on a clean loopback link while video said 0
      // (measured in the weak-network e2e), so only the camera's reports count.
      if (s['type'] === 'remote-inbound-rtp' && s['kind'] === 'video' && typeof s['fractionLost'] === 'number') loss = Math.max(loss, s['fractionLost']);
    });
  }
  return { rttMs, loss };
}

const RANK: Record<LinkQuality, number> = { good: 0, fair: 1, poor: 2 };

/**
 * The level shown and reported: worse after `worsen` samples in a row say so (one slow round
 * trip on a busy phone is not a weak link), better only after `settle` (so it does not flicker).
 * The first sample is taken as it is.
 */
export class LinkLevel {
  #level: LinkQuality | null = null;
  #worse = 0;
  #better = 0;

  constructor(
    private readonly worsen = 2,
    private readonly settle = 3,
  ) {}

  get level(): LinkQuality | null {
    return this.#level;
  }

  /** Takes a sample's level; answers whether the shown level changed. */
  take(next: LinkQuality): boolean {
    const current = this.#level;
    if (current === null) {
      this.#level = next;
      return true;
    }
    const worse = RANK[next] > RANK[current];
    const better = RANK[next] < RANK[current];
    this.#worse = worse ? this.#worse + 1 : 0;
    this.#better = better ? this.#better + 1 : 0;
    if ((worse && this.#worse >= this.worsen) || (better && this.#better >= this.settle)) {
      this.#level = next;
      this.#worse = this.#better = 0;
      return true;
    }
    return false;
  }
}
