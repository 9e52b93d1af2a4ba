// T5: forwarded consumers per worker core with real RTP at < 0.5 % loss, for Hearth and for a
// bare mediasoup router fed the same load by the same bots in the same run; Hearth's control
// path (signalling, session, policy, speaker and talk-time observers) should cost < 5 % of it.
// 1, 2, 4, 8 groups of 17, everyone's camera on and shown at full size (the heaviest viewing).
import os from 'node:os';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import mediasoup from 'mediasoup';
import { loadConfig } from '../server/dist/config.js';
import { startBenchServer } from './rig.mjs';
import { startRtpBots } from './media/rtpBots.mjs';
import { openHearthGroup } from './media/hearthGroup.mjs';
import { openBareGroup } from './media/bareGroup.mjs';
import { measureWindow, pct } from './media/measure.mjs';
import { runEvenings } from './media/evening.mjs';
import { writeCapacityPlot } from './plot.mjs';

const GROUP = 17;
const LOSS_LIMIT = 0.005;
const SETTLE_MS = 3000; // every consumer has had a keyframe of its layer (one every 2 s)
export const PLOT_FILE = path.join(import.meta.dirname, '..', 'docs', 'bench', 't5-capacity.svg');

/**
 * Consumers per core from one window: packets forwarded per worker CPU-second over the packets
 * per second one consumer gets (the everyone view: half voices, half cameras at full size). Equal
 * to consumers over the fraction of a core used when every packet went out on time; when the
 * machine starved the bots or the worker, it still counts what a CPU-second forwarded.
 */
const perCore = (m) => m.packetsPerSecond / m.workerCpu / m.perConsumer;

export async function runT5({
  quick = false,
  // A ramp: it stops at the first load where either worker reaches 95 % of a core or loses
  // ≥ 0.5 % (that load and the one before bracket where a worker saturates).
  groups = quick ? [1, 2] : [1, 2, 4, 8],
  seconds = quick ? 4 : 6,
  // Windows per system at each load point, Hearth and bare taking turns, so a neighbour's load
  // on a shared machine falls on both alike; the figure is their mean.
  turns = quick ? 1 : 2,
  // Then Hearth's groups go through an evening together (round, pairs, back): loss and the
  // slowest command through the control path's changes, at the same load.
  evening = !quick,
  layout = 'everyone',
  // The bots' processes (sending and counting): groups are spread over them, round robin.
  processes = Math.min(4, Math.max(...groups)),
  // Where the ramp stops between loads more than a group apart, one more load halfway narrows it.
  refine = !quick,
  // false: every load is measured even past a stop, each labelled (on a busy machine, to see
  // how far it goes and what limits it).
  stopAtLimit = true,
  log = console.log,
} = {}) {
  const cores = os.availableParallelism();
  const load = () => os.loadavg()[0].toFixed(1);
  const bots = await startRtpBots({ processes });
  // First the server as deployed: the worker's caps at their defaults. Where they refuse a
  // group, that refusal is reported and the server starts again with them raised, for the
  // measurement only (this is where the cap's number comes from).
  const caps = loadConfig({}).media;
  let capsRaised = false;
  const startHearth = (raised) =>
    startBenchServer({
      env: { MAX_CONNECTIONS_PER_ADDRESS: '100000', ...(raised ? { MEDIA_MAX_PEERS_PER_WORKER: '10000', MEDIA_MAX_STREAMS_PER_WORKER: '1000000' } : {}) },
      options: { benchPlainTransports: true },
    });
  let bench = await startHearth(false);
  const bare = await mediasoup.createWorker({ logLevel: 'warn' });
  const systems = {
    hearth: { name: 'Hearth', pid: bench.server.pool.report()[0].pid, groups: [], open: (i) => openHearthGroup(bench, bots.shard(i), { size: GROUP, layout }) },
    bare: { name: 'bare mediasoup', pid: bare.pid, groups: [], open: (i) => openBareGroup(bare, bots.shard(i), { size: GROUP, layout }) },
  };
  const results = { hearth: [], bare: [], steps: [], refusal: undefined, saturation: undefined };
  try {
    log(
      `T5 bots: ${bots.recording}; ${processes} bots' process${processes > 1 ? 'es' : ''} sending and counting (groups spread over them), Hearth's Node in the main process; ${cores} cores; one worker each; ${turns} window${turns > 1 ? 's' : ''} of ${seconds} s per system and load, taking turns  [load average ${load()}]`,
    );
    const queue = [...groups];
    let refined = !refine;
    let lastClean;
    // Bounded: each load once, and at most one more to narrow the saturation point.
    while (queue.length > 0) {
      const n = queue.shift();
      // Both systems hold n groups; only one system's bots send at a time.
      try {
        for (const system of Object.values(systems)) {
          while (system.groups.length > n) await system.groups.pop().close();
          while (system.groups.length < n) {
            const i = system.groups.length;
            let group;
            try {
              group = await system.open(i);
            } catch (err) {
              if (system !== systems.hearth || capsRaised || !/SERVER_FULL/.test(err.message)) throw err;
              const worker = bench.server.pool.report()[0];
              results.refusal = { group: i + 1, streams: worker.streams, peers: worker.peers, maxStreams: caps.maxStreamsPerWorker, maxPeers: caps.maxPeersPerWorker, message: err.message };
              log(
                `T5 Hearth's worker at its caps (MEDIA_MAX_STREAMS_PER_WORKER = ${caps.maxStreamsPerWorker}, MEDIA_MAX_PEERS_PER_WORKER = ${caps.maxPeersPerWorker}) carries ${worker.routers} groups, ${worker.streams} streams, ${worker.peers} people: group ${i + 1} is refused (${err.message}); the server's log says "every media worker is full: a new group is refused". For the measurement only, the server starts again with both caps raised (MEDIA_MAX_STREAMS_PER_WORKER=1000000, MEDIA_MAX_PEERS_PER_WORKER=10000) and its groups are opened again  [load average ${load()}]`,
              );
              for (const g of system.groups) await g.close().catch(() => undefined);
              system.groups = [];
              await bench.close();
              bench = await startHearth(true);
              capsRaised = true;
              system.pid = bench.server.pool.report()[0].pid;
              continue;
            }
            await group.stopSending();
            system.groups.push(group);
          }
        }
      } catch (err) {
        // A worker still choking on the last load can leave a join unanswered: report what was measured.
        log(`T5 could not open ${n} groups (${err.message}): stopping at ${lastClean?.groups ?? 0}  [${cores} cores, load average ${load()}]`);
        results.saturation ??= { below: lastClean?.groups ?? 0, at: n, limit: 'open', why: `could not open ${n} groups: ${err.message}` };
        break;
      }
      const windows = { hearth: [], bare: [] };
      for (let turn = 0; turn < turns; turn++) {
        for (const [key, system] of Object.entries(systems)) {
          for (const g of system.groups) await g.startSending();
          try {
            await new Promise((r) => setTimeout(r, SETTLE_MS));
            windows[key].push(await measureWindow({ bots, pid: system.pid, ssrcs: () => system.groups.flatMap((g) => g.ssrcs()), seconds }));
          } finally {
            for (const g of system.groups) await g.stopSending();
            // The worker empties its queues before the other system is measured.
            await new Promise((r) => setTimeout(r, 300));
          }
        }
      }
      for (const [key, system] of Object.entries(systems)) {
        const m = meanOf(windows[key]);
        // What the clip asks for: each consumer half the time a voice, half a full-size camera.
        m.perConsumer = (bots.packetRates.audio + bots.packetRates.video[1]) / 2;
        m.delivered = m.packetsPerSecond / (m.consumers * m.perConsumer);
        m.botsSent = m.sentPerSecond / (GROUP * n * (bots.packetRates.audio + bots.packetRates.video[0] + bots.packetRates.video[1]));
        results[key].push({ groups: n, ...m });
        log(
          `T5 ${system.name}, ${n} group${n > 1 ? 's' : ''} of ${GROUP}: ${m.consumers} consumers forwarded, ${Math.round(m.packetsPerSecond)} packets/s; worker ${pct(m.workerCpu, 0)} of a core (${Math.round(perCore(m))} consumers per core); the bots sent ${pct(m.botsSent, 0)} of the clip's packets, the worker forwarded ${pct(m.delivered, 0)} of what they ask for; loss ${pct(m.loss)}, of it the SFU's ${pct(m.sfuLoss)} (packets dropped at the SFU's sockets ${m.sfuDrops}, at the bots' ${m.botDrops}${m.botDrops > 0 ? ': the bots could not keep up, this point measures the machine more than the SFU' : ''}); ${cpuLine(m)}  [${cores} cores, load average ${load()}]`,
        );
      }
      let night;
      if (evening) night = await eveningAt(systems.hearth, { bots, n, seconds, log, cores, load });
      const row = stepRow(n, results.hearth.at(-1), results.bare.at(-1), night, { load: os.loadavg()[0], capsRaised });
      results.steps.push(row);
      log(
        `T5 step ${n} group${n > 1 ? 's' : ''}: ${row.consumers} consumers; worker ${pct(row.hearthCpu, 0)} (Hearth) / ${pct(row.bareCpu, 0)} (bare) of a core; ${Math.round(row.hearthPerCore)} / ${Math.round(row.barePerCore)} consumers per core; forwarded ${pct(row.hearthDelivered, 0)} / ${pct(row.bareDelivered, 0)} of the load's packets; loss ${pct(row.hearthLoss)} / ${pct(row.bareLoss)}; Hearth/bare ${row.ratio.toFixed(3)}; slowest command ${row.slowestMs === undefined ? '— (no evening)' : `${Math.round(row.slowestMs)} ms`}${row.capsRaised ? '; caps raised for this measurement' : ''}  [${cores} cores, load average ${row.load.toFixed(1)}]`,
      );
      const stop = saturatedAt(row);
      if (!stop) {
        lastClean = row;
        // A load halfway that was carried: the saturation point lies above it.
        if (results.saturation && results.saturation.below < n) {
          results.saturation.below = n;
          log(`T5 saturation: ${n} groups (${row.consumers} consumers) carried: a worker saturates between ${row.consumers} and ${GROUP * (GROUP - 1) * 2 * results.saturation.at} consumers  [${cores} cores, load average ${load()}]`);
        }
        continue;
      }
      const notRun = queue.length > 0 ? (stopAtLimit ? ` (${queue.join(', ')} not run)` : ` (going on to ${queue.join(', ')}: every load is measured)`) : '';
      if (stop.limit !== 'worker') {
        const stops = stopAtLimit && stop.lossy;
        log(`T5 at ${n} group${n > 1 ? 's' : ''} (${row.consumers} consumers) the machine, not the worker, was the limit: ${stop.why}. Not a saturation point${stops ? `: the ramp stops here; run it again when the load average is below the core count${notRun}` : '; the ramp goes on'}  [${cores} cores, load average ${load()}]`);
        row.machineLimited = stop.why;
        if (stops) {
          results.saturation ??= { below: lastClean?.groups ?? 0, at: n, ...stop };
          break;
        }
        continue;
      }
      results.saturation = { below: lastClean?.groups ?? 0, at: n, ...stop };
      log(
        `T5 saturation: at ${n} group${n > 1 ? 's' : ''} (${row.consumers} consumers) ${stop.why}${lastClean ? `; not at ${lastClean.groups}: a worker saturates between ${lastClean.consumers} and ${row.consumers} consumers` : ''}; the ramp stops here${notRun}  [${cores} cores, load average ${load()}]`,
      );
      if (!stopAtLimit) continue;
      queue.length = 0;
      if (!refined && lastClean && n - lastClean.groups > 1) {
        refined = true;
        const mid = Math.round((lastClean.groups + n) / 2);
        log(`T5 narrowing it: ${mid} groups, opened afresh (a failed evening can leave groups mid-way)`);
        for (const system of Object.values(systems)) {
          for (const g of system.groups) await g.close().catch(() => undefined);
          system.groups = [];
        }
        queue.push(mid);
      }
    }
  } finally {
    for (const system of Object.values(systems)) for (const g of system.groups) await g.close().catch(() => undefined);
    bare.close();
    await bots.stop();
    await bench.close();
  }
  return summarise(results, { cores, log, layout });
}

/** Hearth's groups through an evening together (round, pairs, back) at the step's load. */
async function eveningAt(hearth, { bots, n, seconds, log, cores, load }) {
  for (const g of hearth.groups) await g.startSending();
  try {
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    let evenings;
    const m = await measureWindow({
      bots,
      pid: hearth.pid,
      ssrcs: () => hearth.groups.flatMap((g) => g.ssrcs()),
      seconds: seconds * 2,
      during: async (until) => void (evenings = await runEvenings(hearth.groups, until)),
    });
    log(
      `T5 Hearth, ${n} group${n > 1 ? 's' : ''} of ${GROUP} through an evening (a speaker-only round, pairs, back, in ${Math.round(m.seconds)} s): worker ${pct(m.workerCpu, 0)} of a core; loss ${pct(m.loss)}, of it the SFU's ${pct(m.sfuLoss)} (packets dropped at the SFU's sockets ${m.sfuDrops}, at the bots' ${m.botDrops}); slowest command with the screens following it ${Math.round(evenings.slowestMs)} ms${evenings.failed.length ? `; FAILED: ${evenings.failed.join('; ')}` : ''}; ${cpuLine(m)}  [${cores} cores, load average ${load()}; target < 0.5 %: ${m.sfuLoss < LOSS_LIMIT && evenings.failed.length === 0 ? 'met' : 'NOT met'}]`,
    );
    return { ...m, slowestMs: evenings.slowestMs, failed: evenings.failed };
  } finally {
    for (const g of hearth.groups) await g.stopSending();
  }
}

/** Where the machine's CPU went in a window: which process could have been the limit. */
function cpuLine(m) {
  const bots = m.botsCpu.map((c) => pct(c, 0)).join(', ');
  return `CPU in cores: the worker ${m.workerCpu.toFixed(2)}, the main process (Hearth's Node, the bench's clients) ${m.benchCpu.toFixed(2)}, the bots' processes ${bots} of a core each; the machine ${m.machineBusy.toFixed(2)} of ${os.availableParallelism()} busy`;
}

/** One step of the ramp, Hearth beside bare: what BENCHMARKS.md's table shows. */
function stepRow(groups, h, b, night, { load, capsRaised }) {
  const efficiency = (r) => r.packetsPerSecond / r.workerCpu;
  return {
    groups,
    consumers: h.consumers,
    hearthCpu: h.workerCpu,
    bareCpu: b.workerCpu,
    hearthPerCore: perCore(h),
    barePerCore: perCore(b),
    hearthLoss: h.loss,
    bareLoss: b.loss,
    hearthSfuLoss: h.sfuLoss,
    bareSfuLoss: b.sfuLoss,
    hearthDelivered: h.delivered,
    bareDelivered: b.delivered,
    botsSent: Math.min(h.botsSent, b.botsSent),
    // Packets forwarded per worker CPU-second, Hearth against bare (> 1: Hearth's worker did more per CPU-second).
    ratio: efficiency(h) / efficiency(b),
    eveningLoss: night?.loss,
    eveningSfuLoss: night?.sfuLoss,
    eveningCpu: night?.workerCpu,
    slowestMs: night?.slowestMs,
    failed: night?.failed ?? [],
    mainCpu: h.benchCpu,
    botsCpu: h.botsCpu,
    machineBusy: Math.max(h.machineBusy, b.machineBusy),
    // Cores busy with other work than this benchmark's (the other worker is idle while one measures).
    otherCpu: Math.max(0, h.machineBusy - h.workerCpu - h.benchCpu - h.botsCpu.reduce((a, c) => a + c, 0)),
    botDrops: h.botDrops + b.botDrops,
    load,
    capsRaised,
  };
}

/**
 * Why the ramp stops at a step, or undefined while both workers carry it cleanly. `limit` says
 * what gave out: the worker (at a core, losing packets at its sockets or in it, falling behind
 * the clip with the CPU it was given) or the machine around it (the bots' own sockets dropping,
 * or the worker starved while the machine's cores were all busy with other work).
 */
function saturatedAt(row) {
  const cores = os.availableParallelism();
  const worker = [];
  const machine = [];
  const cpu = Math.max(row.hearthCpu, row.bareCpu);
  if (cpu >= 0.95) worker.push(`a worker at ${pct(cpu, 0)} of a core`);
  const sfuLoss = Math.max(row.hearthSfuLoss, row.bareSfuLoss);
  if (sfuLoss >= LOSS_LIMIT) worker.push(`the SFU lost ${pct(sfuLoss)}`);
  if (row.eveningSfuLoss !== undefined && row.eveningSfuLoss >= LOSS_LIMIT) worker.push(`the SFU lost ${pct(row.eveningSfuLoss)} through the evening`);
  if (row.failed.length > 0) worker.push(`commands failed (${row.failed[0]})`);
  const loss = Math.max(row.hearthLoss, row.bareLoss);
  if (loss >= LOSS_LIMIT && row.botDrops > 0) machine.push(`the bots' sockets dropped ${row.botDrops} packets (loss ${pct(loss)}): the bots' processes (${row.botsCpu.map((c) => pct(c, 0)).join(', ')} of a core) could not keep up`);
  // Packets not lost but late: the worker fell behind the clip's clock.
  const delivered = Math.min(row.hearthDelivered, row.bareDelivered);
  if (delivered < 0.95) {
    const starved = row.machineBusy > 0.95 * cores && cpu < 0.9;
    (starved ? machine : worker).push(
      `a worker forwarded only ${pct(delivered, 0)} of the packets the load asks for${row.botsSent < 0.95 ? ` (the bots sent only ${pct(row.botsSent, 0)} of theirs)` : ''}${starved ? ` while the machine's ${cores} cores were ${pct(row.machineBusy / cores, 0)} busy, ${row.otherCpu.toFixed(2)} of them with other work than this benchmark's: the worker was starved, not saturated` : ''}`,
    );
  }
  if (worker.length > 0) return { limit: 'worker', why: [...worker, ...machine].join('; ') };
  // The machine's limits stop the ramp only when they lose packets (a late worker is labelled).
  if (machine.length > 0) return { limit: 'machine', lossy: loss >= LOSS_LIMIT, why: machine.join('; ') };
  return undefined;
}

/** The mean of a few windows' figures (counts summed). */
function meanOf(windows) {
  const mean = (k) => windows.reduce((sum, w) => sum + w[k], 0) / windows.length;
  const sum = (k) => windows.reduce((total, w) => total + w[k], 0);
  return {
    consumers: Math.round(mean('consumers')),
    packetsPerSecond: mean('packetsPerSecond'),
    sentPerSecond: mean('sentPerSecond'),
    workerCpu: mean('workerCpu'),
    benchCpu: mean('benchCpu'),
    loss: mean('loss'),
    sfuLoss: mean('sfuLoss'),
    sfuDrops: sum('sfuDrops'),
    botDrops: sum('botDrops'),
    botsCpu: windows[0].botsCpu.map((_, i) => windows.reduce((total, w) => total + w.botsCpu[i], 0) / windows.length),
    machineBusy: mean('machineBusy'),
  };
}

function summarise(results, { cores, log, layout }) {
  // In order of load (a load measured to narrow the saturation point comes last).
  for (const rows of [results.hearth, results.bare, results.steps]) rows.sort((a, b) => a.groups - b.groups);
  // Capacity: consumers per core at the largest load carried cleanly: under 0.5 % loss in all
  // (a load where the bots dropped packets cannot vouch for the SFU) and the worker below one
  // core (a saturated worker's figure is a ceiling, not a rate).
  const clean = (r) => r.loss < LOSS_LIMIT && r.workerCpu < 0.95 && r.delivered >= 0.95;
  const capacity = (rows) => {
    const best = rows.filter(clean).at(-1);
    return best ? { perCore: perCore(best), at: best } : undefined;
  };
  const hearth = capacity(results.hearth);
  const bare = capacity(results.bare);
  // Where it saturates: the first load past the largest one it carried cleanly (a load that
  // lost only because a busy machine starved it once, below a clean one, does not count).
  const saturation = (rows, carried) => rows.find((r) => r.groups > (carried?.at.groups ?? 0) && !clean(r));
  for (const [name, rows, carried] of [['Hearth', results.hearth, hearth], ['bare mediasoup', results.bare, bare]]) {
    const s = saturation(rows, carried);
    log(
      `T5 ${name}: ${s ? `past ${carried ? `${carried.at.groups} group${carried.at.groups > 1 ? 's' : ''}` : 'nothing'}: at ${s.groups} group${s.groups > 1 ? 's' : ''} (${s.consumers} consumers) the worker used ${pct(s.workerCpu, 0)} of a core, forwarded ${pct(s.delivered, 0)} of the load's packets and lost ${pct(s.loss)} (the SFU's ${pct(s.sfuLoss)}${s.botDrops > 0 ? '; the bots could not keep up either' : ''})` : `carried every load, up to ${rows.at(-1)?.groups} groups`}  [${cores} cores]`,
    );
  }
  // The control path's cost: packets the worker forwards per CPU-second, Hearth against bare, at
  // the same loads. Packets delivered per CPU-second hold up better than loss-bound figures when
  // a busy machine starves the worker now and then (a dropped packet costs it nothing).
  const efficiency = (r) => r.packetsPerSecond / r.workerCpu;
  const compared = results.hearth.map((h, i) => [h, results.bare[i]]).filter(([h, b]) => b && h.loss < LOSS_LIMIT && b.loss < LOSS_LIMIT);
  const ratio = compared.reduce((sum, [h, b]) => sum + efficiency(h) / efficiency(b), 0) / compared.length;
  log(
    `T5 forwarded consumers per worker core at < 0.5 % loss: Hearth ${hearth ? `${Math.round(hearth.perCore)} (at ${hearth.at.groups} group${hearth.at.groups > 1 ? 's' : ''}, ${hearth.at.consumers} consumers)` : '— (no load stayed under 0.5 %)'}, bare mediasoup ${bare ? `${Math.round(bare.perCore)} (at ${bare.at.groups})` : '—'}  [${cores} cores; target ≥ 500: ${hearth && hearth.perCore >= 500 ? 'met' : 'NOT met'}]`,
  );
  log(
    compared.length > 0
      ? `T5 Hearth's control path: the worker forwards ${ratio.toFixed(3)}× the packets per CPU-second of a bare router's (its control path costs ${ratio >= 1 ? 'nothing measurable' : pct(1 - ratio, 1)} of the capacity), over ${compared.length} load${compared.length > 1 ? 's' : ''} where both lost < 0.5 %  [${cores} cores; target < 5 %: ${1 - ratio < 0.05 ? 'met' : 'NOT met'}]`
      : `T5 Hearth's control path: not measured, no load where both Hearth and the bare router lost < 0.5 % (a busy machine starves the worker: see the load averages)  [${cores} cores; target < 5 %: NOT measured]`,
  );
  writeCapacityPlot(PLOT_FILE, {
    title: `T5: worker CPU and loss against consumers forwarded (groups of ${GROUP}, ${layout} view)`,
    series: [
      { name: 'Hearth', points: results.hearth.map((r) => ({ consumers: r.consumers, cpu: r.workerCpu, loss: r.sfuLoss })) },
      { name: 'bare mediasoup', points: results.bare.map((r) => ({ consumers: r.consumers, cpu: r.workerCpu, loss: r.sfuLoss })) },
    ],
    note: `${cores} cores, load average ${os.loadavg()[0].toFixed(1)}, ${new Date().toISOString().slice(0, 10)}${results.saturation?.limit === 'worker' ? `; a worker saturates between ${results.saturation.below} and ${results.saturation.at} groups` : results.saturation ? `; stopped at ${results.saturation.at} groups by the machine, not the worker` : ''}; node bench/t5-capacity.mjs`,
  });
  writeFileSync(PLOT_FILE.replace(/\.svg$/, '.json'), `${JSON.stringify({ cores, loadAverage: os.loadavg(), date: new Date().toISOString(), results }, null, 1)}\n`);
  log(`T5 plot: ${path.relative(process.cwd(), PLOT_FILE)} (figures beside it in .json)`);
  return { results, hearth, bare, ratio };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // node bench/t5-capacity.mjs [--quick] [--groups 1,2,4,8] [--every-load]
  const at = process.argv.indexOf('--groups');
  const groups = at > 0 ? process.argv[at + 1].split(',').map(Number) : undefined;
  await runT5({ quick: process.argv.includes('--quick'), stopAtLimit: !process.argv.includes('--every-load'), ...(groups ? { groups } : {}) });
  process.exit(0);
}
