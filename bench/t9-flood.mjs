// T9: one admitted participant floods raiseHand/lowerHand at 5,000 events/s for 10 s over a
// raw websocket it never reads from, while other groups on the same server run as usual:
// each of their members sends a command a few times a second (a busy evening). Measured: the
// other groups' command latency (sent → every member of that group has the new state), how
// many of everyone else's connections dropped, and how much the process's memory grew. The
// server runs with its real limits. Its clients share its process, as in T2 (the attacker
// has a worker thread of its own); memory is the whole process's.
import v8 from 'node:v8';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import { ms, percentile } from './stats.mjs';
import { consent, groupTraffic, openSession, startBenchServer } from './rig.mjs';

const MB = 2 ** 20;

/** A full collection on demand, so growth is measured from a settled heap (node's --expose-gc, turned on here). */
function collector() {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
}

export async function runT9({ groups = 4, participants = 5, rate = 5_000, seconds = 10, baselineSeconds = 3, everyMs = 250, log = console.log } = {}) {
  // {} keeps every configured limit: they are what is measured.
  const bench = await startBenchServer({ limits: {} });
  let flooder;
  try {
    const target = await openSession(bench, { participants });
    const others = [];
    for (let i = 0; i < groups; i++) others.push(await openSession(bench, { participants }));

    // The attacker takes over one admitted participant's place with their invite.
    const victim = target.members[0];
    victim.socket.disconnect();
    flooder = new Worker(new URL('./flooder.mjs', import.meta.url), {
      workerData: { url: bench.server.url, token: victim.token, consent, rate, seconds },
    });
    const ready = await new Promise((resolve, reject) => {
      flooder.once('message', (m) => resolve(m.ready));
      flooder.once('error', reject);
    });
    if (!ready) throw new Error('T9: the flooding participant could not enter');

    const bystanders = [target.facilitator, ...target.members.slice(1).map((m) => m.socket), ...others.flatMap((g) => [g.facilitator, ...g.members.map((m) => m.socket)])];
    let dropped = 0;
    for (const s of bystanders) s.on('disconnect', () => dropped++);

    // Each group's members send commands on their own clocks; a sample ends when all of the group has it.
    const traffic = others.map((group) => groupTraffic(group, { facilitatorEveryMs: everyMs, memberEveryMs: everyMs }));
    const session = await bench.server.sessions.get(target.sessionId);

    await new Promise((r) => setTimeout(r, baselineSeconds * 1000));
    const baseline = traffic.flatMap((t) => t.take());
    const gc = collector();
    gc();
    const memoryBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    let memoryPeak = memoryBefore;
    const sampler = setInterval(() => (memoryPeak = Math.max(memoryPeak, process.memoryUsage().rss)), 100);
    const versionBefore = session.snapshot.version;

    flooder.postMessage('go');
    const counts = await new Promise((resolve) => flooder.on('message', (m) => m.done && resolve(m.done)));
    clearInterval(sampler);
    const during = traffic.flatMap((t) => t.take());
    await Promise.all(traffic.map((t) => t.stop()));
    const accepted = session.snapshot.version - versionBefore;
    gc();
    const retained = (process.memoryUsage().heapUsed - heapBefore) / MB;
    const failed = traffic.reduce((n, t) => n + t.failures(), 0);

    const p50 = percentile(during, 50);
    const p99 = percentile(during, 99);
    const growth = (memoryPeak - memoryBefore) / MB;
    log(
      `T9 one participant flooding ${rate.toLocaleString('en')} events/s for ${seconds} s (sent ${counts.sent.toLocaleString('en')}, ${accepted} changed the state; ` +
        `its connection closed by the server ${counts.closedByServer}×, reconnects refused ${counts.refusedConnections}) while ${groups} other groups of ${participants + 1} run:`,
    );
    log(
      `   other groups' commands → whole group has the state (${during.length} commands): p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${ms(Math.max(...during))} ` +
        `(before the flood: p50 ${percentile(baseline, 50).toFixed(1)} ms, p99 ${percentile(baseline, 99).toFixed(1)} ms)  [target p99 ≤ 50 ms: ${p99 <= 50 ? 'met' : 'NOT met'}]`,
    );
    log(`   bystanders disconnected: ${dropped} of ${bystanders.length}, their commands refused or unanswered: ${failed}  [target 0: ${dropped === 0 ? 'met' : 'NOT met'}]`);
    log(
      `   memory growth (process RSS, peak during the flood over the settled start): ${growth.toFixed(1)} MB, heap still held after it: ${retained.toFixed(1)} MB  [target ≤ 50 MB: ${growth <= 50 ? 'met' : 'NOT met'}]`,
    );
    return { p50, p99, dropped, failed, growth, retained, accepted, ...counts };
  } finally {
    await flooder?.terminate();
    await bench.close();
  }
}
