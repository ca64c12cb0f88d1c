// What a chart-only page downloads: dist/culture-chart.js and the chunks it imports statically
// (gzip), against what it may import later (Vega, vega-lite, the interpreter: after the skeleton
// paints). Vega must not be in the first load.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSize, importGraph } from '../scripts/sizes.mjs';

const ENTRY = `${process.env.BENCH_DIST ?? 'dist'}/culture-chart.js`;

const gz = (files) => gzipSize(files) / 1024;
// An error message only Vega's own code holds (our spec names the vega-lite schema URL).
const vega = /Unrecognized scale type/;

export async function run() {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} missing: run npm run build`);
  const { first, later } = importGraph(ENTRY);
  const entryGzip = gz([resolve(ENTRY)]);
  const vegaFirst = first.some((f) => vega.test(readFileSync(f, 'utf8')));
  console.log(`  first load: ${first.length} files; lazy: ${later.length} files`);
  return [
    { name: 'dist/culture-chart.js alone, gzip', value: entryGzip, unit: 'KiB' },
    { name: 'dist/culture-chart.js first load (static imports), gzip', value: gz(first), unit: 'KiB', goal: 'small: no Vega' },
    { name: 'chart, everything incl. lazy Vega chunks, gzip', value: gz([...first, ...later]), unit: 'KiB', goal: 'lazy: Vega, Vega-Lite, interpreter, core file path' },
    { name: 'Vega in the first load (1 = yes)', value: vegaFirst ? 1 : 0, unit: '', goal: '0' },
  ];
}
