// npm run bench: Hearth's targets from PRODUCT.md, measured on this machine.
import os from 'node:os';
import { runT1 } from './t1-join.mjs';
import { runT2 } from './t2-command.mjs';
import { runT3 } from './t3-pairs.mjs';
import { runT4 } from './t4-turn.mjs';
import { runT5 } from './t5-capacity.mjs';
import { runT9 } from './t9-flood.mjs';
import { runT10 } from './t10-full-group.mjs';
import { runT12 } from './t12-first-load.mjs';
import { runSignInFlood } from './signin-flood.mjs';

const cpus = os.cpus();
console.log(`Hearth benchmarks — ${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
const started = Date.now();
// A shorter run of the long benchmarks (T5, T10: under a minute each).
const quick = process.argv.includes('--quick');
await runT1();
await runT2();
await runT3();
await runT4();
await runT5({ quick });
await runT9();
await runT10({ quick });
runT12();
await runSignInFlood();
console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(0);
