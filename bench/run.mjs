// npm run bench: Hearth's targets from PRODUCT.md, measured on this machine.
// npm run bench -- --quick: every benchmark in a shortened form (fewer samples), under 3 minutes.
import os from 'node:os';
import { runT1 } from './t1-join.mjs';
import { runT2 } from './t2-command.mjs';
import { runT2b } from './t2b-many-groups.mjs';
import { runT3 } from './t3-pairs.mjs';
import { runT4 } from './t4-turn.mjs';
import { runT5 } from './t5-capacity.mjs';
import { runT6 } from './t6-memory.mjs';
import { runT7 } from './t7-drop.mjs';
import { runT9 } from './t9-flood.mjs';
import { runT10 } from './t10-full-group.mjs';
import { runT12 } from './t12-first-load.mjs';
import { runSignInFlood } from './signin-flood.mjs';
import { loadAverage } from './stats.mjs';

const quick = process.argv.includes('--quick');
const cpus = os.cpus();
console.log(
  `Hearth benchmarks${quick ? ' (quick: fewer samples)' : ''} — ${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ` +
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadAverage().toFixed(1)} at the start (above the core count, other work shares these cores)`,
);
const started = Date.now();

/** Runs one benchmark; a failing one is reported and the others still run. */
async function bench(name, run) {
  const t0 = Date.now();
  try {
    await run();
  } catch (err) {
    console.log(`${name} FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
  if (process.env.BENCH_VERBOSE) console.log(`  (${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

// The shortened forms: each is the full benchmark with fewer samples, so the same code runs.
await bench('T1', () => runT1(quick ? { joins: 4, warmup: 1 } : {}));
await bench('T2', () => runT2(quick ? { rounds: 100 } : {}));
await bench('T2b', () => runT2b(quick ? { seconds: 8, warmupSeconds: 2 } : {}));
await bench('T3', () => runT3(quick ? { rounds: 5 } : {}));
await bench('T4', () => runT4(quick ? { turns: 100 } : {}));
// T5 and T10: media load with real RTP (bench/media/), and the plot of consumers against worker CPU and loss.
await bench('T5', () => runT5({ quick }));
await bench('T10', () => runT10({ quick }));
await bench('T6', () => runT6(quick ? { groups: 1 } : {}));
await bench('T7', () => runT7(quick ? { drops: 3 } : {}));
await bench('T9', () => runT9(quick ? { seconds: 4, baselineSeconds: 2 } : {}));
await bench('T12', () => runT12());
await bench('sign-in flood', () => runSignInFlood(quick ? { flood: 100 } : {}));
console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(process.exitCode ?? 0);
