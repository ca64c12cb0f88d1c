// The cut Vega runtime (docs/decisions/0015-vega-runtime.md) against the whole `vega` bundle, built
// in this run (BENCH_FULL_VEGA=1, into a temporary folder): a fresh page, the `dataset` attribute
// set, until the SVG of a server-aggregated line chart is drawn (Vega fetched and parsed on the
// way), alternately on each build; and the scripts each page fetched.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  const env = await benchEnvironment();
  const servers = { cut: await serveBench({ pages: { '/': page }, roots: { '/': DIST } }), full: await serveBench({ pages: { '/': page }, roots: { '/': fullDist } }) };
  const base = { api: `${env.portal.url}/api`, tabularApi: `${env.portal.url}/tabular/api` };
  const times = { cut: [], full: [] };
  const pageGzip = {};
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const name of i % 2 ? ['full', 'cut'] : ['cut', 'full']) {
        const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
        const tab = await context.newPage();
        const fetched = new Set();
        tab.on('request', (r) => fetched.add(new URL(r.url()).pathname));
        await tab.goto(`${servers[name].url}/`);
        const attrs = { dataset: 'frequentation-des-musees-de-france-1', type: 'line', x: 'annee', y: 'total', filter: `annee >= ${2000 + i}` };
        times[name].push(await tab.evaluate(draw, { ...base, attrs }));
        await context.close();
        const root = name === 'cut' ? resolve(DIST) : fullDist;
        const scripts = [...fetched].filter((p) => p.endsWith('.js')).map((p) => join(root, p));
        pageGzip[name] = scripts.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 1024;
      }
    }
  } finally {
    servers.cut.close();
    servers.full.close();
    await env.close();
    rmSync(fullDist, { recursive: true, force: true });
  }
  const cut = median(times.cut);
  const full = median(times.full);
  console.log(`  cold attribute → SVG: cut ${cut.toFixed(0)} ms, full vega ${full.toFixed(0)} ms (medians of ${RUNS})`);
  return [
    { name: 'cold attribute → SVG, line chart, cut Vega runtime vs full vega (same run)', value: cut, unit: 'ms', baseline: full, ratio: cut / full, goal: '≤ 1 (less to fetch and parse)' },
    { name: 'scripts the page fetched, cut vs full, gzip', value: pageGzip.cut, unit: 'KiB', baseline: pageGzip.full, ratio: pageGzip.cut / pageGzip.full },
  ];
}
