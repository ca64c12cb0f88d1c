// The Parquet copy of a big tabular resource whose aggregation the API refuses: a chart summing
// `entrees` by `region` on 200,000 rows with a wide text column (2 columns read by ranges),
// against the path core takes without the copy (the CSV export refuses 200,000 rows: the file),
// in the same browser and run. Bytes are what the sample portal sent.
// `node bench/core-parquet.mjs` runs it alone; `npm run bench` calls run().
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/serve.mjs';
import { startPortal } from '../test/portal/server.mjs';
import { parseWorker } from '../packages/core/build/rollup-parse-worker.mjs';
import { chromiumArgs, median } from './lib.mjs';

const RUNS = 3;
const DATASET = 'entrees-des-lieux-culturels';
const QUERY = { groupBy: ['region'], aggregates: [{ op: 'sum', column: 'entrees' }] };

async function buildPage(dir) {
  const bundle = await rollup({
    input: 'bench/core-parquet-page.ts',
    plugins: [nodeResolve({ browser: true, exportConditions: ['source'], extensions: ['.mjs', '.js', '.ts'] }), parseWorker(), esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json' })],
    onwarn: () => undefined,
  });
  await bundle.write({ dir, format: 'es', entryFileNames: 'page.js', chunkFileNames: 'chunks/[name]-[hash].js' });
  await bundle.close();
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>core parquet bench</title><script type="module" src="./page.js"></script>');
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'core-parquet-'));
  const portal = await startPortal();
  const site = await serveStatic({ root: dir, index: '/index.html' });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  const admin = (path, init) => fetch(`${portal.url}/__admin/${path}`, init);
  try {
    await buildPage(dir);
    // the portal writes the CSV (54 MB) and the copy on first use: not part of any timing
    const dataset = await (await fetch(`${portal.url}/api/1/datasets/${DATASET}/`)).json();
    const resource = dataset.resources[0];
    const copySize = Number(resource.extras['analysis:parsing:parquet_size']);
    await (await fetch(resource.url)).arrayBuffer();
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('  page error:', e.message));
    await page.goto(`${site.url}/index.html`);
    await page.waitForFunction(() => 'bench' in window);
    let n = 0;
    const measure = async ({ withCopy }) => {
      const scope = `bench${n++}`;
      const base = `${portal.url}/s/${scope}`;
      // without the copy: as if hydra had not written one (the read fails, core falls back)
      if (!withCopy) await admin('faults', { method: 'POST', body: JSON.stringify({ scope, match: 'hydra-parquet', status: 404 }) });
      const spec = { dataset: DATASET, api: `${base}/api`, tabularApi: `${base}/tabular/api` };
      const result = await page.evaluate(([s, q]) => window.bench.run(s, q, 1_000_000), [spec, QUERY]);
      const log = await (await admin(`requests?scope=${scope}`)).json();
      const bytes = (match) => log.filter((r) => r.path.includes(match) && r.status < 400).reduce((sum, r) => sum + (r.bytes ?? 0), 0);
      return { ...result, copyBytes: bytes('hydra-parquet'), fileBytes: bytes('entrees-lieux-culturels-2019-2024.csv'), requests: log.length };
    };
    const copy = [], file = [];
    for (let i = 0; i < RUNS; i++) {
      copy.push(await measure({ withCopy: true }));
      file.push(await measure({ withCopy: false }));
    }
    const last = copy.at(-1);
    console.log(`  copy: ${(copySize / 1e6).toFixed(1)} MB; path ${last.path}, ${last.groups} regions; without it: path ${file.at(-1).path}, ${(file.at(-1).fileBytes / 1e6).toFixed(1)} MB downloaded`);
    if (JSON.stringify(last.first) !== JSON.stringify(file.at(-1).first)) console.error('  the two paths disagree:', last.first, file.at(-1).first);
    const share = (last.copyBytes / copySize) * 100;
    const ms = (list) => median(list.map((r) => r.ms));
    return [
      { name: 'Parquet copy: bytes read / copy size (sum of entrees by region, 2 of 9 columns)', value: share, unit: '%', goal: '≤ 25 % (must hold)' },
      { name: 'Parquet copy: bytes read', value: last.copyBytes / 1e6, unit: 'MB' },
      { name: 'same chart, time: Parquet copy vs without it (CSV export refused → the file)', value: ms(copy), baseline: ms(file), ratio: ms(copy) / ms(file), unit: 'ms', goal: 'ratio ≤ 1' },
    ];
  } finally {
    await browser.close();
    site.close();
    await portal.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) console.table(await run());
