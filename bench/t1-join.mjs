// T1: a participant joins a room of five others (a group of six); time from pressing Join
// until the first remote video frame is rendered in their page. Real Chromium, real SFU.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { loadConfig } from '../server/dist/config.js';
import { createLogger } from '../server/dist/logger.js';
import { startServer } from '../server/dist/startServer.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.mjs';
import { cpuSecondsOf, descendantsOf, loadAverage, MB, ms, percentile, residentBytes } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const VIDEO = '320x240@15';

async function openJoined(browser, url, name, viewport = { width: 640, height: 480 }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() => {
    // Marks when each peer connection's ICE and DTLS come up, for the breakdown.
    const Original = window.RTCPeerConnection;
    let n = 0;
    window.hearthPcs = [];
    window.RTCPeerConnection = class extends Original {
      constructor(...args) {
        super(...args);
        window.hearthPcs.push(this);
        const id = n++;
        this.addEventListener('iceconnectionstatechange', () => performance.mark(`hearth:pc${id}-ice-${this.iceConnectionState}`));
        this.addEventListener('connectionstatechange', () => performance.mark(`hearth:pc${id}-${this.connectionState}`));
        this.addEventListener('track', () => {
          this.hearthReceiving = true;
          performance.mark(`hearth:pc${id}-track`);
        });
      }
    };
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('preview').waitFor();
  await page.getByLabel('Your first name or a chosen name').fill(name);
  return { context, page };
}

/** Presses Join inside the page and resolves with the ms until a remote video renders a frame. */
function timeToFirstRemoteFrame(page, timeoutMs) {
  return page.evaluate((timeoutMs) => new Promise((resolve, reject) => {
    const seen = new WeakSet();
    let t0 = 0;
    const watch = (video) => {
      if (seen.has(video)) return;
      seen.add(video);
      video.requestVideoFrameCallback(() => {
        const marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('hearth:')).map((m) => [m.name.slice(7), Math.round(m.startTime - t0)]));
        resolve({ total: performance.now() - t0, marks });
      });
    };
    const observer = new MutationObserver(() => document.querySelectorAll('[data-testid="remote-video"]').forEach(watch));
    observer.observe(document.body, { subtree: true, childList: true });
    // When the first video packet arrived and the first frame was decoded (getStats, every
    // 20 ms, of the connections receiving tracks only: the measurement must not take the
    // joiner's CPU it measures): splits the wait for the media from the page's own work of showing it.
    const firsts = { 'video-packet': false, 'video-decoded': false };
    const poll = async () => {
      for (const pc of window.hearthPcs) {
        if (!pc.hearthReceiving || pc.connectionState === 'closed') continue;
        (await pc.getStats()).forEach((r) => {
          if (r.type !== 'inbound-rtp' || r.kind !== 'video') return;
          for (const [name, count] of [['video-packet', r.packetsReceived], ['video-decoded', r.framesDecoded]]) {
            if (firsts[name] || !(count > 0)) continue;
            firsts[name] = true;
            performance.mark(`hearth:${name}`);
          }
        });
      }
      if (!firsts['video-decoded']) setTimeout(poll, 20);
    };
    setTimeout(poll, 20);
    setTimeout(() => reject(new Error('no remote frame')), timeoutMs);
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Join');
    t0 = performance.now();
    button.click();
  }), timeoutMs);
}

/**
 * CPU seconds used so far by this machine's parts of a join: the browsers (every process this
 * one started but the media worker), the media worker, and this process (server and the
 * benchmark's Playwright client).
 */
function cpuNow(workerPid) {
  const browsers = descendantsOf(process.pid).filter((pid) => pid !== workerPid);
  const own = process.cpuUsage();
  return { browsers: browsers.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0), worker: cpuSecondsOf(workerPid), server: (own.user + own.system) / 1e6 };
}

const workerMemory = (server) => server.pool.report().reduce((sum, w) => sum + residentBytes(w.pid), 0);

/**
 * Where one join's time went, from its marks (ms since Join was pressed): each phase ends at
 * its mark. The receiving peer connection is the one that got the remote tracks.
 */
const PHASES = [
  ['signalling (room:join with both transports)', 'ready'],
  ['consumers made', 'video-consumer-created'],
  ['ICE + DTLS of the receiving connection', 'recv-connected'],
  ['first video frame decoded', 'video-decoded'],
  ['shown (the page rendered it)', 'frame'],
];
function phasesOf(marks, total) {
  const recv = Object.keys(marks).find((k) => /^pc\d+-track$/.test(k))?.replace('-track', '');
  const at = { ...marks, 'recv-connected': recv ? marks[`${recv}-connected`] : undefined, frame: total };
  let previous = 0;
  return PHASES.map(([, mark]) => {
    // A mark that came before the previous one (the connection was up before the consumers) took no extra time.
    const end = Math.max(previous, at[mark] ?? previous);
    const took = end - previous;
    previous = end;
    return took;
  });
}

export async function runT1({ joins = 12, warmup = 2, members = 5, log = console.log } = {}) {
  const server = await startServer(
    loadConfig({
      PORT: '0', HOST: '127.0.0.1', MEDIASOUP_WORKERS: '1', MEDIA_LISTEN_IP: '127.0.0.1', LOG_LEVEL: 'warn', OPEN_ROOMS: 'true',
      CLIENT_DIST: path.resolve(here, '../client/dist'),
    }),
    createLogger('warn'),
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const roomUrl = `${server.url}/r/bench-t1?video=${VIDEO}`;
  const samples = [];
  const workerPid = server.pool.report()[0].pid;
  const busy = { browsers: 0, worker: 0, server: 0, wall: 0 };
  const loads = [];
  let memoryPerMember = NaN;
  const phases = [];
  try {
    const idleMemory = workerMemory(server);
    for (let i = 0; i < members; i++) {
      // The five members would each be on their own device; here they share two cores with
      // the joiner, so they show the grid phone-sized to keep their rendering cost small.
      const { page } = await openJoined(browser, roomUrl, `Member${i + 1}`, { width: 360, height: 640 });
      await page.getByRole('button', { name: 'Join', exact: true }).click();
      await page.getByTestId('self-tile').waitFor();
    }
    // T6 with real media: what the five members, sending and receiving video, cost the server.
    await new Promise((r) => setTimeout(r, 2000));
    memoryPerMember = (workerMemory(server) - idleMemory) / members / MB;
    for (let i = 0; i < warmup + joins; i++) {
      const joiner = await openJoined(browser, roomUrl, `Joiner${i}`);
      const before = cpuNow(workerPid);
      const started = performance.now();
      const { total, marks } = await timeToFirstRemoteFrame(joiner.page, 15_000);
      const after = cpuNow(workerPid);
      if (process.env.BENCH_VERBOSE) log(`  join ${i}: ${total.toFixed(0)} ms ${JSON.stringify(marks)}`);
      if (i >= warmup) {
        samples.push(total);
        phases.push(phasesOf(marks, total));
        for (const part of ['browsers', 'worker', 'server']) busy[part] += after[part] - before[part];
        busy.wall += (performance.now() - started) / 1000;
        loads.push(loadAverage());
      }
      await joiner.context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const p50 = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  log(`T1 join → first remote video frame, group of 6, Chromium (${samples.length} joins): p50 ${ms(p50)}, p95 ${ms(p95)}, max ${ms(Math.max(...samples))}  [target p95 ≤ 500 ms: ${p95 <= 500 ? 'met' : 'NOT met'}]`);
  // How much of it is this machine: the six browsers' CPU demand during the joins, in cores.
  const cores = (seconds) => (seconds / busy.wall).toFixed(2);
  const load = loads.reduce((a, b) => a + b, 0) / loads.length;
  log(
    `   the machine during the joins: six browsers kept ${cores(busy.browsers)} cores busy, the media worker ${cores(busy.worker)}, the server (with the bench's Playwright client) ${cores(busy.server)}, ` +
      `of ${os.availableParallelism()}; load average ${load.toFixed(1)} (above the core count, every process waits for a core)`,
  );
  log(`   where the time goes (median of each phase, ms): ${PHASES.map(([name], i) => `${name} ${percentile(phases.map((p) => p[i]), 50).toFixed(0)}`).join(', ')}`);
  log(`   media worker memory with real media: ${memoryPerMember.toFixed(1)} MB per member (RSS growth with the five members sending and receiving 320×240 video; see T6)`);
  return { p50, p95, samples, busy, load, memoryPerMember, phases };
}
