// The cut Vega runtime (docs/decisions/0015-vega-runtime.md) with Vega-Lite compiled at build time
// (decision 0017) against the whole `vega` bundle, built in this run (BENCH_FULL_VEGA=1, into a
// temporary folder, without templates: Vega-Lite compiles in the page, as before both), and
// against the cut runtime with Vega-Lite in the page (the build without its templates): a fresh
// page, the `dataset` attribute set, until the SVG of a server-aggregated line chart is drawn (Vega
// fetched and parsed on the way), in turn on each build; and the scripts each page fetched.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, benchEnvironment, median, serveBench } from './lib.mjs';
import { draw } from './chart-draw.mjs';

const RUNS = 7;
const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>chart runtime bench</title></head>
<body><script type="module" src="./culture-chart.js"></script></body></html>`;

export async function run() {
  const fullDist = mkdtempSync(join(tmpdir(), 'culture-full-vega-'));
  execFileSync('npx', ['rollup', '-c', 'rollup.config.mjs', '--silent', '-d', fullDist], { stdio: 'inherit', env: { ...process.env, ONLY: 'cdn', BENCH_FULL_VEGA: '1' } });
  const noTemplates = mkdtempSync(join(tmpdir(), 'culture-no-templates-'));
  cpSync(DIST, noTemplates, { recursive: true, filter: (file) => !/[\\/]templates([\\/]|$)/.test(file) });
  const roots = { cut: resolve(DIST), vl: noTemplates, full: fullDist };
  const env = await benchEnvironment();
  const servers = {};
  for (const [name, root] of Object.entries(roots)) servers[name] = await serveBench({ pages: { '/': page }, roots: { '/': root } });
  const base = { api: `${env.portal.url}/api`, tabularApi: `${env.portal.url}/tabular/api` };
  const times = { cut: [], vl: [], full: [] };
  const pageGzip = {};
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const name of [['cut', 'vl', 'full'], ['full', 'cut', 'vl'], ['vl', 'full', 'cut']][i % 3]) {
        const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
        const tab = await context.newPage();
        const fetched = new Set();
        tab.on('request', (r) => fetched.add(new URL(r.url()).pathname));
        await tab.goto(`${servers[name].url}/`);
        const attrs = { dataset: 'frequentation-des-musees-de-france-1', type: 'line', x: 'annee', y: 'total', filter: `annee >= ${2000 + i}` };
        times[name].push(await tab.evaluate(draw, { ...base, attrs }));
        await context.close();
        // a template the build did not make answers 404: not counted
        const scripts = [...fetched].filter((p) => p.endsWith('.js')).map((p) => join(roots[name], p)).filter((f) => existsSync(f));
        pageGzip[name] = scripts.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 1024;
      }
    }
  } finally {
    for (const server of Object.values(servers)) server.close();
    await env.close();
    rmSync(fullDist, { recursive: true, force: true });
    rmSync(noTemplates, { recursive: true, force: true });
  }
  const [cut, vl, full] = [median(times.cut), median(times.vl), median(times.full)];
  console.log(`  cold attribute → SVG: cut + templates ${cut.toFixed(0)} ms, cut + Vega-Lite in the page ${vl.toFixed(0)} ms, full vega + Vega-Lite ${full.toFixed(0)} ms (medians of ${RUNS})`);
  return [
    { name: 'cold attribute → SVG, line chart, cut Vega runtime + templates vs full vega + Vega-Lite in the page (same run)', value: cut, unit: 'ms', baseline: full, ratio: cut / full, goal: '≤ 1 (less to fetch and parse)' },
    { name: 'cold attribute → SVG, line chart, templates vs Vega-Lite in the page (both on the cut runtime)', value: cut, unit: 'ms', baseline: vl, ratio: cut / vl, goal: '≤ 1' },
    { name: 'scripts the page fetched, cut + templates vs full + Vega-Lite, gzip', value: pageGzip.cut, unit: 'KiB', baseline: pageGzip.full, ratio: pageGzip.cut / pageGzip.full },
    { name: 'scripts the page fetched, templates vs Vega-Lite in the page, gzip', value: pageGzip.cut, unit: 'KiB', baseline: pageGzip.vl, ratio: pageGzip.cut / pageGzip.vl },
  ];
}
