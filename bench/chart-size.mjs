// What a chart-only page downloads: dist/culture-chart.js and the chunks it imports statically
// (gzip), against what it may import later (Vega, vega-lite, the interpreter: after the skeleton
// paints). Vega must not be in the first load.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ENTRY = `${process.env.BENCH_DIST ?? 'dist'}/culture-chart.js`;

/** The entry and its static imports; `lazy` are the dynamic imports reachable from them, transitively. */
function graph(entry) {
  const imports = (file) => {
    const code = readFileSync(file, 'utf8');
    const near = (m) => resolve(dirname(file), m[1]);
    return {
      static: [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.[^"']+)["']/g)].map(near),
      dynamic: [...code.matchAll(/import\(\s*["'](\.[^"']+)["']\s*\)/g)].map(near),
    };
  };
  const first = new Set();
  const later = new Set();
  const walk = (file, into) => {
    // the regexes may catch an import written in a string (unminified builds): skip what is not there
    if (first.has(file) || later.has(file) || !existsSync(file)) return;
    into.add(file);
    const { static: s, dynamic: d } = imports(file);
    s.forEach((f) => walk(f, into));
    d.forEach((f) => walk(f, later));
  };
  walk(resolve(entry), first);
  return { first: [...first], later: [...later] };
}

const gz = (files) => files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 1024;
// An error message only Vega's own code holds (our spec names the vega-lite schema URL).
const vega = /Unrecognized scale type/;

export async function run() {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} missing: run npm run build`);
  const { first, later } = graph(ENTRY);
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
