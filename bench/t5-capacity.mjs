// T5: forwarded consumers per worker core with real RTP at < 0.5 % loss, for Hearth and for a
// bare mediasoup router fed the same load by the same bots in the same run; Hearth's control
// path (signalling, session, policy, speaker and talk-time observers) should cost < 5 % of it.
// 1, 2, 4, 8 groups of 17, everyone's camera on and shown at full size (the heaviest viewing).
import os from 'node:os';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import mediasoup from 'mediasoup';
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

/** Consumers per core from one window: consumers forwarded per fraction of a core used. */
const perCore = (m) => m.consumers / m.workerCpu;

export async function runT5({
  quick = false,
  groups = quick ? [1, 2] : [1, 2, 4, 8],
  seconds = quick ? 4 : 6,
  // Windows per system at each load point, Hearth and bare taking turns, so a neighbour's load
  // on a shared machine falls on both alike; the figure is their mean.
  turns = quick ? 1 : 2,
  // Then Hearth's groups go through an evening together (round, pairs, back): loss through the
  // control path's changes, at the same load.
  evening = !quick,
  layout = 'everyone',
  log = console.log,
} = {}) {
  const cores = os.availableParallelism();
  const bots = await startRtpBots();
  const bench = await startBenchServer({
    // Nothing refused here: this is where the refusal's number comes from.
    env: { MEDIA_MAX_PEERS_PER_WORKER: '10000', MEDIA_MAX_STREAMS_PER_WORKER: '1000000', MAX_CONNECTIONS_PER_ADDRESS: '100000' },
    options: { benchPlainTransports: true },
  });
  const bare = await mediasoup.createWorker({ logLevel: 'warn' });
  const systems = {
    hearth: { name: 'Hearth', pid: bench.server.pool.report()[0].pid, groups: [], open: () => openHearthGroup(bench, bots, { size: GROUP, layout }) },
    bare: { name: 'bare mediasoup', pid: bare.pid, groups: [], open: () => openBareGroup(bare, bots, { size: GROUP, layout }) },
  };
  const results = { hearth: [], bare: [] };
  try {
    log(`T5 bots: ${bots.recording}; ${cores} cores; one worker each; ${turns} window${turns > 1 ? 's' : ''} of ${seconds} s per system and load, taking turns`);
    for (const n of groups) {
      // Both systems hold n groups; only one system's bots send at a time.
      try {
        for (const system of Object.values(systems)) {
          while (system.groups.length < n) {
            const group = await system.open();
            await group.stopSending();
            system.groups.push(group);
          }
        }
      } catch (err) {
        // A worker still choking on the last load can leave a join unanswered: report what was measured.
        log(`T5 could not open ${n} groups (${err.message}): stopping at ${groups[groups.indexOf(n) - 1] ?? 0}  [${cores} cores, load average ${os.loadavg()[0].toFixed(1)}]`);
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
        results[key].push({ groups: n, ...m });
        log(
          `T5 ${system.name}, ${n} group${n > 1 ? 's' : ''} of ${GROUP}: ${m.consumers} consumers forwarded, ${Math.round(m.packetsPerSecond)} packets/s; worker ${pct(m.workerCpu, 0)} of a core (${Math.round(perCore(m))} consumers per core); loss ${pct(m.loss)}, of it the SFU's ${pct(m.sfuLoss)} (packets dropped at the SFU's sockets ${m.sfuDrops}, at the bots' ${m.botDrops}${m.botDrops > 0 ? ': the bots could not keep up, this point measures the machine more than the SFU' : ''}); bench process (Hearth's Node + bots) ${pct(m.benchCpu, 0)}  [${cores} cores, load average ${os.loadavg()[0].toFixed(1)}]`,
        );
      }
      if (evening) {
        const hearth = systems.hearth;
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
            `T5 Hearth, ${n} group${n > 1 ? 's' : ''} of ${GROUP} through an evening (a speaker-only round, pairs, back, in ${Math.round(m.seconds)} s): worker ${pct(m.workerCpu, 0)} of a core; loss ${pct(m.loss)}, of it the SFU's ${pct(m.sfuLoss)} (packets dropped at the SFU's sockets ${m.sfuDrops}, at the bots' ${m.botDrops}); slowest command with the screens following it ${Math.round(evenings.slowestMs)} ms${evenings.failed.length ? `; FAILED: ${evenings.failed.join('; ')}` : ''}  [${cores} cores, load average ${os.loadavg()[0].toFixed(1)}; target < 0.5 %: ${m.sfuLoss < LOSS_LIMIT && evenings.failed.length === 0 ? 'met' : 'NOT met'}]`,
          );
        } finally {
          for (const g of hearth.groups) await g.stopSending();
        }
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

/** The mean of a few windows' figures (counts summed). */
function meanOf(windows) {
  const mean = (k) => windows.reduce((sum, w) => sum + w[k], 0) / windows.length;
  const sum = (k) => windows.reduce((total, w) => total + w[k], 0);
  return {
    consumers: Math.round(mean('consumers')),
    packetsPerSecond: mean('packetsPerSecond'),
    workerCpu: mean('workerCpu'),
    benchCpu: mean('benchCpu'),
    loss: mean('loss'),
    sfuLoss: mean('sfuLoss'),
    sfuDrops: sum('sfuDrops'),
    botDrops: sum('botDrops'),
  };
}

function summarise(results, { cores, log, layout }) {
  // Capacity: consumers per core at the largest load carried cleanly: under 0.5 % loss in all
  // (a load where the bots dropped packets cannot vouch for the SFU) and the worker below one
  // core (a saturated worker's figure is a ceiling, not a rate).
  const clean = (r) => r.loss < LOSS_LIMIT && r.workerCpu < 0.95;
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
      `T5 ${name}: ${s ? `past ${carried ? `${carried.at.groups} group${carried.at.groups > 1 ? 's' : ''}` : 'nothing'}: at ${s.groups} group${s.groups > 1 ? 's' : ''} (${s.consumers} consumers) the worker used ${pct(s.workerCpu, 0)} of a core and lost ${pct(s.loss)} (the SFU's ${pct(s.sfuLoss)}${s.botDrops > 0 ? '; the bots could not keep up either' : ''})` : `carried every load, up to ${rows.at(-1)?.groups} groups`}  [${cores} cores]`,
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
    note: `${cores} cores, load average ${os.loadavg()[0].toFixed(1)}, ${new Date().toISOString().slice(0, 10)}; node bench/t5-capacity.mjs`,
  });
  writeFileSync(PLOT_FILE.replace(/\.svg$/, '.json'), `${JSON.stringify({ cores, loadAverage: os.loadavg(), results }, null, 1)}\n`);
  log(`T5 plot: ${path.relative(process.cwd(), PLOT_FILE)} (figures beside it in .json)`);
  return { results, hearth, bare, ratio };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runT5({ quick: process.argv.includes('--quick') });
  process.exit(0);
}
