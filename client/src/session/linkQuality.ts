import type { LinkQuality } from '@hearth/shared';

/**
 * A member's own network link, read from the WebRTC statistics of their two transports the
 * way a person feels it: delay (round trip) and breaks (packets lost, either way). The
 * available bitrate is not used: with audio alone the browser never probes, so a healthy
 * audio-only link would read as a slow one; a link too slow for the media shows up as queueing
 * delay and loss anyway.
 */
export type LinkSample = {
  /** The selected ICE pair's current round trip, in ms; null before the first measurement. */
  rttMs: number | null;
  /** Share of packets lost since the previous sample, the worse of sending and receiving (0–1). */
  loss: number;
};

/** Counters read from one getStats(), kept to take the difference with the next. */
export type LinkCounters = { received: number; lost: number };

/** Above these a call is noticeably worse (fair) or breaks up (poor). */
export const LIMITS = { fair: { rttMs: 150, loss: 0.01 }, poor: { rttMs: 250, loss: 0.03 } } as const;

export function classify(sample: LinkSample): LinkQuality {
  const rtt = sample.rttMs ?? 0;
  if (rtt >= LIMITS.poor.rttMs || sample.loss >= LIMITS.poor.loss) return 'poor';
  if (rtt >= LIMITS.fair.rttMs || sample.loss >= LIMITS.fair.loss) return 'fair';
  return 'good';
}

/**
 * One sample from the send and receive transports' reports. Sending loss is what the SFU
 * reports back (remote-inbound-rtp fractionLost, per RTCP report); receiving loss is counted
 * here from inbound-rtp across every consumer since `previous`.
 */
export function readSample(reports: (RTCStatsReport | undefined)[], previous: LinkCounters | undefined): { sample: LinkSample; counters: LinkCounters } {
  let rttMs: number | null = null;
  let sendLoss = 0;
  const counters: LinkCounters = { received: 0, lost: 0 };
  for (const report of reports) {
    report?.forEach((s: Record<string, unknown>) => {
      if (s['type'] === 'candidate-pair' && s['nominated'] === true && s['state'] === 'succeeded' && typeof s['currentRoundTripTime'] === 'number') {
        rttMs = Math.max(rttMs ?? 0, s['currentRoundTripTime'] * 1000);
      }
      if (s['type'] === 'remote-inbound-rtp' && typeof s['fractionLost'] === 'number') sendLoss = Math.max(sendLoss, s['fractionLost']);
      if (s['type'] === 'inbound-rtp') {
        counters.received += Number(s['packetsReceived'] ?? 0);
        counters.lost += Math.max(0, Number(s['packetsLost'] ?? 0));
      }
    });
  }
  const received = previous ? counters.received - previous.received : 0;
  const lost = previous ? counters.lost - previous.lost : 0;
  // Consumers come and go (a page of tiles turned): a count that went down is a new start.
  const receiveLoss = received >= 0 && lost >= 0 && received + lost > 0 ? lost / (received + lost) : 0;
  return { sample: { rttMs, loss: Math.max(sendLoss, receiveLoss) }, counters };
}

const RANK: Record<LinkQuality, number> = { good: 0, fair: 1, poor: 2 };

/**
 * The level shown and reported: worse at once (so the offer of audio only comes when it
 * helps), better only after `settle` samples in a row say so (so it does not flicker).
 */
export class LinkLevel {
  #level: LinkQuality | null = null;
  #better = 0;

  constructor(private readonly settle = 3) {}

  get level(): LinkQuality | null {
    return this.#level;
  }

  /** Takes a sample's level; answers whether the shown level changed. */
  take(next: LinkQuality): boolean {
    const current = this.#level;
    if (current === null || RANK[next] > RANK[current]) {
      this.#level = next;
      this.#better = 0;
      return current !== next;
    }
    if (RANK[next] === RANK[current]) {
      this.#better = 0;
      return false;
    }
    this.#better += 1;
    if (this.#better < this.settle) return false;
    this.#level = next;
    this.#better = 0;
    return true;
  }
}
