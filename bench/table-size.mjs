// What a table-only page downloads: dist/culture-table.js and the chunks it imports statically,
// gzipped (goal ≤ 25 KiB on the tabular path), and whether Vega or arquero sneaked into that first
// load (they must only come lazily: Vega never for a table, arquero when a file is parsed).
import { existsSync, readFileSync } from 'node:fs';
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
  return [
    { name: 'dist/culture-table.js first load, gzip', value: gzip / 1024, unit: 'KiB', goal: '≤ 25 KiB' },
    { name: 'dist/culture-table.js first load, minified', value: min / 1024, unit: 'KiB' },
    { name: 'Vega in the first load (1 = yes)', value: found('vega') ? 1 : 0, unit: '', goal: '0' },
    { name: 'arquero in the first load (1 = yes)', value: found('arquero') ? 1 : 0, unit: '', goal: '0 (lazy, file path only)' },
  ];
}
