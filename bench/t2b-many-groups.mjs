// T2b: T2 at the scale of a busy node: 1,000 signalling clients in 60 groups (one facilitator
// and 15 or 16 participants each) on one server, every group going about its evening at once
// (its facilitator locking and unlocking the room, its participants raising and lowering
// hands). Measured: each command until every client of that group holds the new state, and
// the server's CPU and memory. The server runs in a child process so its CPU and memory are
// its own; the 1,000 clients run in this process, on the same two cores, and their share is
// printed beside it. Real request limits; only the new-connections-per-address limit is
// lifted, since every client here comes from 127.0.0.1.
import os from 'node:os';
import { MB, ms, percentile } from './stats.mjs';
import { groupTraffic, joinGroup } from './rig.mjs';
import { startBenchServerProcess } from './server-process.mjs';

/** Group sizes (facilitator included) that add up to `clients` over `groups`. */
function groupSizes(clients, groups) {
  const base = Math.floor(clients / groups);
  return Array.from({ length: groups }, (_, i) => base + (i < clients % groups ? 1 : 0));
}

const cpuSeconds = ({ user, system }) => (user + system) / 1e6;

export async function runT2b({ clients = 1000, groups = 60, seconds = 30, warmupSeconds = 5, facilitatorEveryMs = 2000, memberEveryMs = 10_000, lockstep = process.env['BENCH_T2B_LOCKSTEP'] === '1', log = console.log } = {}) {
  const limits = { connectionsPerAddress: { points: 1_000_000, seconds: 1 } };
  const server = await startBenchServerProcess({ limits });
  const running = [];
  try {
    const idle = await server.usage();
    const sizes = groupSizes(clients, groups);
    // A few groups at a time: 1,000 sign-ins at once would measure a login storm, not T2b.
    const joined = [];
    for (let i = 0; i < sizes.length; i += 6) {
      const batch = sizes.slice(i, i + 6);
      const prepared = await Promise.all(batch.map((size) => server.prepareGroup(size - 1)));
      joined.push(...(await Promise.all(prepared.map((g) => joinGroup(server, g)))));
    }
    if (server.sockets.length !== clients) throw new Error(`T2b: ${server.sockets.length} clients connected, not ${clients}`);
    let dropped = 0;
    for (const s of server.sockets) s.on('disconnect', () => dropped++);

    // The facilitators click independently: each group's evening starts at its own point in the
    // pace. In lockstep (BENCH_T2B_LOCKSTEP=1) every facilitator's command lands in the same millisecond.
    const phase = (i) => (lockstep ? 0 : i / joined.length);
    running.push(...joined.map((group, i) => groupTraffic(group, { facilitatorEveryMs, memberEveryMs, phase: phase(i) })));
    await new Promise((r) => setTimeout(r, warmupSeconds * 1000));
    for (const t of running) t.take();

    const before = await server.usage();
    const benchBefore = process.cpuUsage();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const window = (performance.now() - t0) / 1000;
    const after = await server.usage();
    const benchCpu = cpuSeconds(process.cpuUsage(benchBefore));
    const samples = running.flatMap((t) => t.take());
    await Promise.all(running.map((t) => t.stop()));
    const failed = running.splice(0).reduce((n, t) => n + t.failures(), 0);

    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    const serverCpu = (cpuSeconds(after.cpu) - cpuSeconds(before.cpu)) / window;
    const workerCpu = after.workers.reduce((sum, w) => sum + w.cpuSeconds, 0) - before.workers.reduce((sum, w) => sum + w.cpuSeconds, 0);
    const rss = (u) => u.rss + u.workers.reduce((sum, w) => sum + w.rss, 0);
    const cores = os.availableParallelism();
    log(
      `T2b ${clients.toLocaleString('en')} clients in ${groups} groups on one node, each group: facilitator every ${facilitatorEveryMs / 1000} s, each participant every ${memberEveryMs / 1000} s ` +
        `(${(samples.length / window).toFixed(0)} commands/s in all; groups ${lockstep ? `in lockstep, all ${groups} facilitators at once` : 'each at its own point in the pace'}):`,
    );
    log(
      `   command → all clients of its group have the new state (${samples.length.toLocaleString('en')} commands over ${window.toFixed(0)} s): p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${ms(Math.max(...samples))}  ` +
        `[target p99 ≤ 100 ms: ${p99 <= 100 ? 'met' : 'NOT met'}]; clients dropped: ${dropped}, commands refused or unanswered: ${failed}`,
    );
    log(
      `   server CPU ${(serverCpu * 100).toFixed(0)} % of one core (media workers ${((workerCpu / window) * 100).toFixed(1)} %), while these ${clients} clients took ${((benchCpu / window) * 100).toFixed(0)} % ` +
        `of the ${cores} cores' ${cores * 100} % (they would be on their own devices)`,
    );
    log(
      `   server memory (process + media workers, RSS): ${(rss(after) / MB).toFixed(0)} MB, of which ${((rss(after) - rss(idle)) / MB).toFixed(0)} MB over the idle server: ` +
        `${(((rss(after) - rss(idle)) / clients) * 1024 / MB).toFixed(0)} kB per signalling client`,
    );
    return { p50, p99, dropped, failed, serverCpu, samples: samples.length };
  } finally {
    await Promise.all(running.map((t) => t.stop()));
    await server.close();
  }
}
