// What a participant's phone downloads before its first screen: the JavaScript of the entry
// chunk and the /join route's chunk with everything they import statically, gzipped. Chunks
// loaded later (the WebRTC library, fetched while the pre-join screen is shown; the
// facilitator's console; the clinic's pages) are listed apart. Run after `vite build`;
// exits 1 when the first load is over the budget (PRODUCT.md, T12).
//   node scripts/client-size.mjs [--quiet]   prints one line per figure
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 150;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../client/dist');
const PARTICIPANT_ROUTE = 'src/features/moderated/ModeratedPage.tsx';

export function measureClient(distDir = dist) {
  const manifest = JSON.parse(readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8'));
  const gz = (file) => gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length;
  // A chunk and its static imports, each once.
  const closure = (key, seen = new Set()) => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) closure(next, seen);
    return seen;
  };
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entry || !manifest[PARTICIPANT_ROUTE]) throw new Error('client/dist has no entry or participant route: run the build first');
  const first = new Set([...closure(entry), ...closure(PARTICIPANT_ROUTE)]);
  const jsOf = (keys) => [...keys].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  const firstJs = jsOf(first);
  const firstBytes = firstJs.reduce((sum, f) => sum + gz(f), 0);
  // Everything the participant's way in loads later, through dynamic imports.
  const later = new Set();
  const visit = (key) => {
    for (const d of manifest[key]?.dynamicImports ?? []) for (const k of closure(d)) if (!first.has(k)) later.add(k);
  };
  for (const k of first) if (k !== entry) visit(k);
  const laterBytes = jsOf(later).reduce((sum, f) => sum + gz(f), 0);
  return { firstKb: firstBytes / 1024, laterKb: laterBytes / 1024, firstFiles: firstJs, laterFiles: jsOf(later) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { firstKb, laterKb, firstFiles } = measureClient();
  console.log(
    `T12 participant first load: ${firstKb.toFixed(1)} kB of JavaScript, gzipped (${firstFiles.length} files; target ≤ ${BUDGET_KB} kB); ` +
      `${laterKb.toFixed(1)} kB more is loaded after the first screen (the WebRTC library, the in-call screens not needed first)`,
  );
  if (firstKb > BUDGET_KB) {
    console.error(`client-size: the participant's first load is over its ${BUDGET_KB} kB budget`);
    process.exit(1);
  }
}
