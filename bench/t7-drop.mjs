// T7: a participant's network drops for 5 seconds, then comes back: how long until media
// flows again, both ways (they see the other's video move again, and the other sees theirs).
// A moderated session (invite links, consent, admitted by the facilitator, who is a plain
// Socket.IO client here) with two participants in real Chromium on the real SFU. The dropped
// participant's browser runs in a network namespace whose route to this machine is cut
// (dropNetwork.mjs), so WebRTC's UDP and the signalling socket are lost alike. Measured from
// the moment the route is back to the first new video frame decoded in each direction; the
// figure per drop is the later of the two. Afterwards: still admitted, not in the waiting room.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.mjs';
import { canCutNetwork, createDropNetwork } from './dropNetwork.mjs';
import { ms, percentile } from './stats.mjs';
import { call, connect, prepareGroup, startBenchServer } from './rig.mjs';
import { summarise, traceSfu, watchPage } from './t7-trace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A participant's way in by their invite link, to the waiting room; keeps every peer connection for getStats. */
async function waitingPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  await context.addInitScript(() => {
    const Original = window.RTCPeerConnection;
    window.hearthPcs = [];
    window.RTCPeerConnection = class extends Original {
      constructor(...args) {
        super(...args);
        const index = window.hearthPcs.push(this) - 1;
        // For BENCH_VERBOSE's timeline: when each peer connection lost and found its path.
        window.hearthPcEvents ??= [];
        this.addEventListener('connectionstatechange', () => window.hearthPcEvents.push({ at: Date.now(), each: true, what: `pc ${index} ${this.connectionState}` }));
      }
    };
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page.getByLabel('I agree to keep the group confidential').check();
  await page.getByLabel('Where are you right now?').fill('Home');
  await page.getByLabel('A phone number we can call you back on').fill('+1 555 0100');
  await page.getByRole('button', { name: 'Continue to the waiting room' }).click();
  await page.getByTestId('waiting-room').waitFor();
  return page;
}

/** A video counter of this page's peer connections, summed: e.g. inbound-rtp framesDecoded. */
function videoCount(page, type, field) {
  return page.evaluate(
    async ({ type, field }) => {
      let total = 0;
      for (const pc of window.hearthPcs) {
        if (pc.connectionState === 'closed') continue;
        (await pc.getStats()).forEach((s) => {
          if (s.type === type && s.kind === 'video') total += s[field] ?? 0;
        });
      }
      return total;
    },
    { type, field },
  );
}

const framesDecoded = (page) => videoCount(page, 'inbound-rtp', 'framesDecoded');

/** Resolves with the wall-clock time (ms) at which the video counter went above `above`. */
function countAbove(page, type, field, above, timeoutMs) {
  return page.evaluate(
    ({ type, field, above, timeoutMs }) =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const poll = async () => {
          let now = 0;
          for (const pc of window.hearthPcs) {
            if (pc.connectionState === 'closed') continue;
            (await pc.getStats()).forEach((s) => {
              if (s.type === type && s.kind === 'video') now += s[field] ?? 0;
            });
          }
          if (now > above) return resolve(Date.now());
          if (Date.now() > deadline) return reject(new Error(`no new ${type} ${field}`));
          setTimeout(poll, 20);
        };
        void poll();
      }),
    { type, field, above, timeoutMs },
  );
}

const framesDecodedAbove = (page, frames, timeoutMs) => countAbove(page, 'inbound-rtp', 'framesDecoded', frames, timeoutMs);

/**
 * `video`: the participants' capture. 320×240 (the default, as T1's) is below Chrome's size for
 * a second simulcast layer, so each camera is a single stream; 640×360, Hearth's own default
 * capture, sends two layers (BENCH_T7_VIDEO=640x360@15 picks it from `npm run bench`).
 */
export async function runT7({ drops = 10, dropSeconds = 5, video = process.env.BENCH_T7_VIDEO ?? '320x240@15', log = console.log } = {}) {
  if (!canCutNetwork()) {
    log('T7 skipped: cutting a browser’s network needs root and ip netns (network namespaces)');
    return undefined;
  }
  const network = createDropNetwork(CHROMIUM_PATH);
  const verbose = process.env.BENCH_VERBOSE;
  const names = new Map();
  const sfu = verbose ? traceSfu((peerId) => names.get(peerId) ?? peerId) : undefined;
  const bench = await startBenchServer({
    limits: {},
    env: { HOST: network.hostIp, MEDIA_LISTEN_IP: network.hostIp, LOG_LEVEL: 'warn', CLIENT_DIST: path.resolve(here, '../client/dist') },
  }).catch((err) => {
    network.close();
    throw err;
  });
  const { url } = bench.server;
  // Plain http on an address other than localhost: let the camera work there as on https.
  const args = [...CHROMIUM_ARGS, `--unsafely-treat-insecure-origin-as-secure=${url}`];
  const browsers = [];
  const samples = [];
  const failures = [];
  try {
    const steady = await chromium.launch({ executablePath: CHROMIUM_PATH, args });
    browsers.push(steady);
    const dropping = await chromium.launch({ executablePath: network.launcher, args });
    browsers.push(dropping);
    const { sessionId, invites } = await prepareGroup(bench, 2);
    const facilitator = await connect(url, { sessionId }, bench.cookie);
    bench.sockets.push(facilitator);
    await call(facilitator, 'session:enter', { consent: null });
    const link = (i) => `${url}/join/${invites[i].token}?video=${video}`;
    const other = await waitingPage(steady, link(0));
    const dropped = await waitingPage(dropping, link(1));
    names.set(invites[0].memberId, 'other').set(invites[1].memberId, 'dropped');
    await call(facilitator, 'session:command', { type: 'admitAll' });
    await Promise.all([other, dropped].map((page) => framesDecodedAbove(page, 0, 30_000)));
    for (let i = 0; i < drops; i++) {
      network.cut();
      const cutAt = Date.now();
      await new Promise((r) => setTimeout(r, dropSeconds * 1000));
      // Read while cut: nothing new can arrive, so these are where each side's video stood.
      const [inDropped, inOther] = await Promise.all([framesDecoded(dropped), framesDecoded(other)]);
      // With BENCH_VERBOSE, also when the dropped browser sends video again and when the SFU's packets reach the other.
      const [sentPackets, otherPackets] = verbose ? await Promise.all([videoCount(dropped, 'outbound-rtp', 'packetsSent'), videoCount(other, 'inbound-rtp', 'packetsReceived')]) : [0, 0];
      network.restore();
      const back = Date.now();
      const watches = verbose ? [dropped, other].map(watchPage) : [];
      const detail = verbose
        ? Promise.allSettled([countAbove(dropped, 'outbound-rtp', 'packetsSent', sentPackets, 20_000), countAbove(other, 'inbound-rtp', 'packetsReceived', otherPackets, 20_000)])
        : undefined;
      const [received, sent] = await Promise.allSettled([framesDecodedAbove(dropped, inDropped, 20_000), framesDecodedAbove(other, inOther, 20_000)]);
      if (received.status === 'rejected' || sent.status === 'rejected') {
        failures.push(`drop ${i}: ${received.status === 'rejected' ? 'no video received' : ''} ${sent.status === 'rejected' ? 'no video sent' : ''}`.trim());
        continue;
      }
      const recovery = Math.max(received.value, sent.value) - back;
      if (detail) {
        const [senderSends, otherGets] = (await detail).map((r) => (r.status === 'fulfilled' ? `${r.value - back} ms` : 'never'));
        log(`  drop ${i}: received again after ${received.value - back} ms; sent: packets leave the browser after ${senderSends}, reach the other after ${otherGets}, decoded there after ${sent.value - back} ms`);
        await Promise.all(watches.map((w) => w.stop()));
        const [atDropped, atOther] = await Promise.all(watches.map((w) => w.done));
        for (const [who, events] of [['SFU', sfu.since(cutAt)], ['dropped', atDropped], ['other', atOther]]) {
          log(`    ${who}:\n${summarise(events, back).map((l) => `      ${l}`).join('\n')}`);
        }
      }
      samples.push(recovery);
      // A steady second between drops: the next cut starts from a call that is flowing.
      await new Promise((r) => setTimeout(r, 1000));
    }
    const session = await bench.server.sessions.get(sessionId);
    const member = session.snapshot.members[invites[1].memberId];
    const inPlace = member?.status === 'admitted' && member.connected && (await dropped.getByTestId('waiting-room').count()) === 0;
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    const met = failures.length === 0 && inPlace && p95 <= 2000;
    log(
      `T7 ${dropSeconds}-second network drop → video flowing again both ways, Chromium in a cut network namespace, ${video} (${samples.length} of ${drops} drops): ` +
        `p50 ${ms(p50)}, p95 ${ms(p95)}, max ${ms(Math.max(...samples))}; afterwards ${inPlace ? 'still admitted and connected' : 'NOT back in place'}` +
        `${failures.length ? `; never recovered: ${failures.join(', ')}` : ''}  [target ≤ 2 s after the network returns: ${met ? 'met' : 'NOT met'}]`,
    );
    return { p50, p95, samples, failures, inPlace };
  } finally {
    for (const b of browsers) await b.close().catch(() => undefined);
    await bench.close();
    network.close();
    sfu?.stop();
  }
}
