// What a table-only page downloads: dist/culture-table.js and the chunks it imports statically,
// gzipped (goal ≤ 25 KiB on the tabular path), and whether Vega or arquero sneaked into that first
// load (they must only come lazily: Vega never for a table, arquero when a file is parsed).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ENTRY = `${process.env.BENCH_DIST ?? 'dist'}/culture-table.js`;

function firstLoad(entry) {
  const seen = new Set();
  const lazy = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.[^"']+)["']/g)) visit(resolve(dirname(file), m[1]));
    for (const m of code.matchAll(/import\(\s*["'](\.[^"']+)["']\s*\)/g)) lazy.add(resolve(dirname(file), m[1]));
  };
  visit(resolve(entry));
  return { files: [...seen], lazy: [...lazy].filter((f) => !seen.has(f)) };
}

// Strings that only exist in those libraries' code.
const markers = { vega: /vega-lite|expressionInterpreter/, arquero: /fromArrow/ };

export async function run() {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} missing: run npm run build`);
  const { files, lazy } = firstLoad(ENTRY);
  const gzip = files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
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
