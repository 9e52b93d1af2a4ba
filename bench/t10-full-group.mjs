// T10: a full group of 17, every camera on, viewed as phones view it (a page of four tiles,
// the round's speaker large; the facilitator's laptop all sixteen as thumbnails) through an
// evening's pattern on an accelerated clock, against everyone seeing everyone at full size:
// the worker's CPU and the loss. Video that is not displayed is not forwarded.
import os from 'node:os';
import { startBenchServer } from './rig.mjs';
import { startRtpBots } from './media/rtpBots.mjs';
import { openHearthGroup } from './media/hearthGroup.mjs';
import { runEvening } from './media/evening.mjs';
import { measureWindow, pct } from './media/measure.mjs';

const GROUP = 17;
const SETTLE_MS = 3000;

export async function runT10({ quick = false, seconds = quick ? 8 : 20, log = console.log } = {}) {
  const cores = os.availableParallelism();
  const bots = await startRtpBots();
  const bench = await startBenchServer({
    env: { MEDIA_MAX_PEERS_PER_WORKER: '10000', MEDIA_MAX_STREAMS_PER_WORKER: '1000000', MAX_CONNECTIONS_PER_ADDRESS: '100000' },
    options: { benchPlainTransports: true },
  });
  const pid = bench.server.pool.report()[0].pid;
  const rows = {};
  try {
    for (const [name, layout, evening] of [
      ['everyone sees everyone, together', 'everyone', false],
      ['phone layout, together', 'phone', false],
      ['phone layout, through the evening', 'phone', true],
    ]) {
      const group = await openHearthGroup(bench, bots, { size: GROUP, layout });
      try {
        await new Promise((r) => setTimeout(r, SETTLE_MS));
        let night;
        const m = await measureWindow({ bots, pid, ssrcs: group.ssrcs, seconds, during: evening ? async (until) => void (night = await runEvening(group, until)) : undefined });
        rows[name] = m;
        log(
          `T10 a group of ${GROUP}, cameras on, ${name}: worker ${pct(m.workerCpu, 0)} of one core; ${m.consumers} of ${group.ssrcs().length} consumers forwarded, ${Math.round(m.packetsPerSecond)} packets/s; loss ${pct(m.loss)}, of it the SFU's ${pct(m.sfuLoss)} (packets dropped at the SFU's sockets ${m.sfuDrops}, at the bots' ${m.botDrops})${night ? `; slowest command with the screens following it ${Math.round(night.slowestMs)} ms${night.failed.length ? `; FAILED: ${night.failed.join('; ')}` : ''}` : ''}  [${cores} cores, load average ${os.loadavg()[0].toFixed(1)}${name.startsWith('phone') ? `; target within one core, < 0.5 % loss: ${m.workerCpu < 1 && m.sfuLoss < 0.005 ? 'met' : 'NOT met'}` : ''}]`,
        );
      } finally {
        await group.close();
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    const all = rows['everyone sees everyone, together'];
    const phone = rows['phone layout, through the evening'];
    log(`T10 phone layout through the evening costs the worker ${pct(phone.workerCpu / all.workerCpu, 0)} of everyone seeing everyone  [${cores} cores]`);
    return rows;
  } finally {
    await bots.stop();
    await bench.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runT10({ quick: process.argv.includes('--quick') });
  process.exit(0);
}
