import type { types } from 'mediasoup';

/** At most one keyframe request per consumer in this long: each keyframe costs the sender several frames' worth of bits. */
export const KEYFRAME_REQUEST_INTERVAL_MS = 1000;

/**
 * Calls `onReturn` each time a video producer's RTP comes back after every one of its streams
 * fell silent, i.e. the sender's network dropped and came back. mediasoup marks a simulcast
 * stream inactive (score 0) after 1.5 s without RTP and scores it again on the first packet
 * after, so this fires within a packet of the network's return. (A single-stream producer
 * is scored only at its receiver reports, about a second apart: it fires later there.)
 */
export function onVideoReturn(producer: types.Producer, onReturn: () => void): void {
  if (producer.kind !== 'video') return;
  let silent = false;
  producer.on('score', (scores) => {
    const nowSilent = scores.length > 0 && scores.every((s) => s.score === 0);
    if (silent && !nowSilent) onReturn();
    silent = nowSilent;
  });
}

/**
 * Asks the senders of the given video consumers for keyframes, at most once a second per
 * consumer. The network that carries a peer's sending carries its receiving too: when its
 * camera's RTP comes back after a drop, what it receives resumes mid-stream, and its
 * browser cannot decode a frame until a keyframe comes. Left to itself the browser asks for
 * one about a second later (T7); the SFU asks at once.
 */
export class KeyFrameRequester {
  readonly #lastAsked = new WeakMap<types.Consumer, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  request(consumers: Iterable<types.Consumer>): void {
    const now = this.clock();
    for (const consumer of consumers) {
      // A paused consumer sends nothing, and one resumed later gets a keyframe from mediasoup itself.
      if (consumer.kind !== 'video' || consumer.closed || consumer.paused || consumer.producerPaused) continue;
      const last = this.#lastAsked.get(consumer);
      if (last !== undefined && now - last < KEYFRAME_REQUEST_INTERVAL_MS) continue;
      this.#lastAsked.set(consumer, now);
      // One closing meanwhile has nothing left to refresh.
      consumer.requestKeyFrame().catch(() => undefined);
    }
  }
}
