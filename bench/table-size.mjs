// What a table-only page downloads: dist/culture-table.js and the chunks it imports statically,
// gzipped (goal ≤ 25 KiB on the tabular path), and whether Vega or arquero sneaked into that first
// load (they must only come lazily: Vega never for a table, arquero when a file is parsed).
// Then where those bytes come from, in a build of this run (rollup into a temporary folder) with two
// entries only, the table and bench/bare-element.ts (the shared data element drawing nothing): the
// bare element's first load is the floor every data element pays (lit, the base element, core's
// request path, the states); the table's, what its own code adds; against the real build, what
// sharing chunks with the other six entries costs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSize, importGraph } from '../scripts/sizes.mjs';

const ENTRY = `${process.env.BENCH_DIST ?? 'dist'}/culture-table.js`;

// Strings that only exist in those libraries' code.
const markers = { vega: /vega-lite|expressionInterpreter/, arquero: /fromArrow/ };

export async function run() {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} missing: run npm run build`);
  const { first: files, later: lazy } = importGraph(ENTRY);
  const gzip = gzipSize(files);
  const min = files.reduce((n, f) => n + readFileSync(f).length, 0);
  const found = (name) => files.some((f) => markers[name].test(readFileSync(f, 'utf8')));
  console.log(`  first load: ${files.length} files, lazy chunks: ${lazy.length}`);
  const pair = twoEntryBuild();
  console.log(`  two-entry build: bare element ${pair.bare.toFixed(1)} KiB, table ${pair.table.toFixed(1)} KiB`);
  return [
    { name: 'dist/culture-table.js first load, gzip', value: gzip / 1024, unit: 'KiB', goal: '≤ 25 KiB' },
    { name: 'dist/culture-table.js first load, minified', value: min / 1024, unit: 'KiB' },
    { name: 'floor: a data element drawing nothing (bare-element.ts), first load gzip, two-entry build', value: pair.bare, unit: 'KiB' },
    { name: 'the table in that two-entry build, gzip (its own code on top of the floor)', value: pair.table, unit: 'KiB', baseline: pair.bare, ratio: pair.table / pair.bare },
    { name: 'the table in the real build vs the two-entry build (chunks shared with six entries)', value: gzip / 1024, unit: 'KiB', baseline: pair.table, ratio: gzip / 1024 / pair.table },
    { name: 'Vega in the first load (1 = yes)', value: found('vega') ? 1 : 0, unit: '', goal: '0' },
    { name: 'arquero in the first load (1 = yes)', value: found('arquero') ? 1 : 0, unit: '', goal: '0 (lazy, file path only)' },
  ];
}

/** First loads (gzip KiB) of the bare element and the table, built together and alone. */
function twoEntryBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'culture-bare-'));
  try {
    execFileSync('npx', ['rollup', '-c', 'rollup.config.mjs', '--silent', '-d', dir,
      '-i', 'bare=bench/bare-element.ts', '-i', 'culture-table=packages/culture-widgets/src/table.ts'],
    { stdio: 'inherit', env: { ...process.env, ONLY: 'cdn' } });
    const firstLoad = (name) => gzipSize(importGraph(join(dir, `${name}.js`)).first) / 1024;
    return { bare: firstLoad('bare'), table: firstLoad('culture-table') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
