// T12: what a participant's phone downloads before its first screen, from the built client
// (scripts/client-size.mjs reads Vite's manifest and gzips each chunk the /join route needs).
import { BUDGET_KB, measureClient } from '../scripts/client-size.mjs';

export function runT12({ log = console.log } = {}) {
  const { firstKb, laterKb, firstFiles } = measureClient();
  log(
    `T12 participant first load: ${firstKb.toFixed(1)} kB of JavaScript gzipped in ${firstFiles.length} files, ${laterKb.toFixed(1)} kB more after the first screen  [target ≤ ${BUDGET_KB} kB: ${firstKb <= BUDGET_KB ? 'met' : 'NOT met'}]`,
  );
  return { firstKb, laterKb };
}
