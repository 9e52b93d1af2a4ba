// T7 with BENCH_VERBOSE: where the time after a drop goes. The SFU's side from mediasoup's
// own trace events (keyframes in and out, keyframe requests in and out, stream scores), the
// browsers' side from their getStats counters read every 20 ms; each printed as the time
// after the network came back at which it first happened.
import * as mediasoup from 'mediasoup';

/** Follows every video producer and consumer the worker makes from now on; `since(t)` lists what they did after t. */
export function traceSfu(nameOf = (peerId) => peerId) {
  const events = [];
  const note = (what) => events.push({ at: Date.now(), what, each: true });
  const follow = (router) =>
    router.observer.on('newtransport', (transport) => {
      transport.observer.on('newproducer', (producer) => {
        if (producer.kind !== 'video') return;
        void producer.enableTraceEvent(['keyframe', 'pli', 'fir']).catch(() => undefined);
        const who = () => `${nameOf(producer.appData.peerId)}'s producer`;
        producer.on('trace', (t) => note(`${who()} ${t.type} ${t.direction}`));
        producer.on('score', (score) => note(`${who()} score ${score.map((s) => s.score).join('/')}`));
      });
      transport.observer.on('newconsumer', (consumer) => {
        if (consumer.kind !== 'video') return;
        void consumer.enableTraceEvent(['keyframe', 'pli', 'fir']).catch(() => undefined);
        const who = () => `consumer of ${nameOf(consumer.appData.peerId)}`;
        consumer.on('trace', (t) => note(`${who()} ${t.type} ${t.direction}`));
        consumer.on('layerschange', (l) => note(`${who()} layers ${l ? `${l.spatialLayer}/${l.temporalLayer}` : 'none'}`));
      });
    });
  const onWorker = (worker) => worker.observer.on('newrouter', follow);
  mediasoup.observer.on('newworker', onWorker);
  return {
    since(t) {
      return events.filter((e) => e.at >= t);
    },
    stop: () => mediasoup.observer.off('newworker', onWorker),
  };
}

const WATCHED = {
  'outbound-rtp': ['packetsSent', 'pliCount', 'firCount', 'nackCount', 'keyFramesEncoded', 'framesEncoded'],
  'inbound-rtp': ['packetsReceived', 'nackCount', 'pliCount', 'firCount', 'framesReceived', 'framesDropped', 'keyFramesDecoded', 'framesDecoded'],
};

/**
 * Reads the page's video counters every 20 ms until `stop()` (or 8 s); resolves with the
 * moments each went up, and the outbound encoder's state at each of them.
 */
export function watchPage(page) {
  const done = page.evaluate(
    (watched) =>
      new Promise((resolve) => {
        const start = Date.now();
        const last = new Map();
        const seen = [];
        window.hearthStopWatch = false;
        const poll = async () => {
          const now = Date.now();
          for (const [i, pc] of window.hearthPcs.entries()) {
            if (pc.connectionState === 'closed') continue;
            (await pc.getStats()).forEach((s) => {
              if (s.kind !== 'video' || !watched[s.type]) return;
              for (const field of watched[s.type]) {
                const key = `${i}:${s.type}:${s.ssrc}:${field}`;
                const value = s[field] ?? 0;
                const before = last.get(key);
                last.set(key, value);
                if (before !== undefined && value > before) {
                  const extra = s.type === 'outbound-rtp' ? ` (${s.frameWidth ?? '?'}w, limit ${s.qualityLimitationReason}, target ${Math.round((s.targetBitrate ?? 0) / 1000)} kbps)` : '';
                  const each = /pli|fir|keyFrames/.test(field);
                  seen.push({ at: now, each, what: `${s.type} ${field} +${value - before}${extra}` });
                }
              }
            });
          }
          if (window.hearthStopWatch || now - start > 8_000) return resolve([...seen, ...(window.hearthPcEvents ?? []).filter((e) => e.at > start - 6_000)]);
          setTimeout(poll, 20);
        };
        void poll();
      }),
    WATCHED,
  );
  return {
    done,
    stop: () => page.evaluate(() => (window.hearthStopWatch = true)),
  };
}

/**
 * One line per kind of happening (its first, and how many), in time order after `back`;
 * keyframes, keyframe requests and connection states (`each`) one line each.
 */
export function summarise(events, back) {
  const first = new Map();
  for (const e of events) {
    if (e.each && (e.at >= back - 200 || e.what.startsWith('pc '))) {
      first.set(Symbol(), { at: e.at, what: e.what, count: 1 });
      continue;
    }
    const key = e.what.replace(/ \(.*\)$/, '').replace(/ \+\d+$/, '');
    const seen = first.get(key);
    if (seen) seen.count++;
    else first.set(key, { at: e.at, what: e.what, count: 1 });
  }
  return [...first.values()]
    .sort((a, b) => a.at - b.at)
    .map((e) => `${String(e.at - back).padStart(6)} ms  ${e.what}${e.count > 1 ? ` (×${e.count})` : ''}`);
}
