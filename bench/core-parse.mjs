// Parse throughput of core's file path on a generated 50 MB `;` file, against d3-dsv parseRows in
// the same headless Chromium page, and the longest main-thread stretch while the worker parses.
// What a worker run times is what a reader waits for once the file is downloaded: from the bytes
// in the page to typed columns usable by the table and the chart on the main thread, i.e. the
// worker's start (the first run of the page starts a new one, script loaded and code cold; the
// next runs get the one the last run left, as a page loading a second file does), the bytes
// transferred in, decoding, sniffing, scanning, typing, and every column back in the page.
// d3's side: decode + parseRows (arrays of strings, no types).
// `node bench/core-parse.mjs` runs it alone; `npm run bench` calls run().
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/serve.mjs';
import { parseWorker } from '../packages/core/build/rollup-parse-worker.mjs';
import { median } from './lib.mjs';

const ROWS = 600_000; // ≈ 50 MB
const RUNS = 3;
/** The worker ratio is the median of this many runs, each paired with a d3 run right after it. */
const WORKER_RUNS = 10;
// --expose-gc: collect between measurements, so one run's garbage is not billed to the next
const chromiumArgs = ['--no-sandbox', '--headless=new', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage', '--js-flags=--expose-gc'];

/** A deterministic French-looking CSV: ids, ISO and French dates, names, cities, decimals with commas, booleans, quoted notes. */
export function generateCsv(rows = ROWS) {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const cities = ['Paris', 'Lyon', 'Marseille', 'Rennes', 'Lille', 'Bordeaux', 'Nantes', 'Strasbourg', 'Montpellier', 'Saint-Étienne'];
  const categories = ['Théâtre', 'Musique', 'Danse', 'Cirque', 'Arts de la rue', 'Opéra'];
  const first = ['Camille', 'Louis', 'Léa', 'Hugo', 'Chloé', 'Jules', 'Inès', 'Arthur', 'Manon', 'Gabriel'];
  const lines = ['id;date;client;ville;categorie;montant;places;taux;abonne;note'];
  for (let i = 1; i <= rows; i++) {
    const d = new Date(Date.UTC(2019, 0, 1) + Math.floor(rand() * 2000) * 86400000).toISOString().slice(0, 10);
    const note = rand() < 0.05 ? `"Remarque ; ""importante"" n°${i}"` : `note ${Math.floor(rand() * 1e6).toString(36)}`;
    lines.push([
      i, d, `${pick(first)} ${Math.floor(rand() * 1e5)}`, pick(cities), pick(categories),
      (rand() * 5000).toFixed(2).replace('.', ','), Math.floor(rand() * 900), (rand()).toFixed(6), rand() < 0.5 ? 'oui' : 'non', note,
    ].join(';'));
  }
  return `${lines.join('\n')}\n`;
}

async function buildPage(dir) {
  const bundle = await rollup({
    input: 'bench/core-parse-page.ts',
    plugins: [nodeResolve({ browser: true, extensions: ['.mjs', '.js', '.ts'] }), parseWorker(), esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json' })],
    onwarn: () => undefined,
  });
  // entries at the root, shared code in chunks/: the CDN layout
  await bundle.write({ dir, format: 'es', entryFileNames: 'page.js', chunkFileNames: 'chunks/[name]-[hash].js' });
  await bundle.close();
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>core parse bench</title><script type="module" src="./page.js"></script>');
}

/**
 * Longest top-level task of the page's main thread in a Chromium trace: wall time, and thread
 * (CPU) time. On a loaded machine wall time includes preemption by other processes; CPU time is
 * what the page itself spent.
 */
async function tracedTasks(browser, page, work) {
  const path = join(tmpdir(), `core-trace-${process.pid}.json`);
  await browser.startTracing(page, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
  const result = await work();
  await browser.stopTracing();
  const events = JSON.parse(readFileSync(path, 'utf8')).traceEvents;
  rmSync(path, { force: true });
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X');
  // the task that receives playwright's evaluate() call is the harness, not the page's work
  const harness = onMain.filter((e) => e.name === 'Receive mojo message');
  const tasks = onMain.filter((e) => e.name === 'RunTask' && !harness.some((h) => h.ts >= e.ts && h.ts < e.ts + e.dur));
  const cpu = (t) => (t.tdur ?? t.dur) / 1000;
  const longest = tasks.reduce((a, t) => (!a || cpu(t) > cpu(a) ? t : a), undefined);
  // what the longest task spent in V8's garbage collector (scavenges, mark-compact)
  const gc = longest ? onMain.filter((e) => /^(MinorGC|MajorGC|V8\.GC_)/.test(e.name) && e.ts >= longest.ts && e.ts < longest.ts + longest.dur) : [];
  return {
    result,
    wall: Math.max(0, ...tasks.map((t) => t.dur / 1000)),
    cpu: Math.max(0, ...tasks.map(cpu)),
    gc: gc.filter((e) => /^(MinorGC|MajorGC)$/.test(e.name)).reduce((sum, e) => sum + cpu(e), 0),
    over50: tasks.filter((t) => cpu(t) > 50).length,
    tasks: tasks.length,
  };
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'core-bench-'));
  const site = await serveStatic({ root: dir, index: '/index.html' });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  try {
    const csv = generateCsv();
    writeFileSync(join(dir, 'big.csv'), csv);
    const mb = Buffer.byteLength(csv) / 1e6;
    await buildPage(dir);
    const origin = site.url;
    const open = async () => {
      const page = await browser.newPage();
      page.on('pageerror', (e) => console.error('  page error:', e.message));
      await page.goto(`${origin}/index.html`);
      await page.waitForFunction(() => 'bench' in window);
      await page.evaluate((url) => window.bench.load(url), `${origin}/big.csv`);
      return page;
    };
    // d3w: d3 timed in the worker's page between worker runs, so on a loaded machine both sides of
    // the worker ratio share the same minutes (the main-thread ratio pairs d3 with sync the same way)
    const results = { d3: [], d3w: [], sync: [], worker: [], sliced: [] };
    const measure = async (page, name) => {
      await page.evaluate(() => window.gc?.());
      if (name === 'worker') await page.evaluate(() => window.bench.copyForWorker());
      results[name].push(await page.evaluate((n) => window.bench[n](), name));
    };
    // the worker is measured in a page where nothing else has parsed (no leftover garbage)
    const workerPage = await open();
    for (let i = 0; i < WORKER_RUNS - 1; i++) {
      await measure(workerPage, 'worker');
      results.d3w.push(await workerPage.evaluate(() => window.bench.d3()));
    }
    await workerPage.evaluate(() => window.gc?.());
    await workerPage.evaluate(() => window.bench.copyForWorker());
    const traced = await tracedTasks(browser, workerPage, () => workerPage.evaluate(() => window.bench.worker()));
    results.worker.push(traced.result);
    await workerPage.evaluate(() => window.gc?.());
    results.d3w.push(await workerPage.evaluate(() => window.bench.d3()));
    await workerPage.close();
    const page = await open();
    for (let i = 0; i < RUNS; i++) {
      await measure(page, 'd3');
      await measure(page, 'sync');
    }
    await page.evaluate(() => window.gc?.());
    const slicedTrace = await tracedTasks(browser, page, () => page.evaluate(() => window.bench.sliced())); // slow by design; once
    results.sliced.push(slicedTrace.result);
    const ms = (name) => median(results[name].map((r) => r.ms));
    // each worker run against the d3 run that followed it, so both share the same minutes of load
    const pairs = results.worker.map((r, i) => results.d3w[i].ms / r.ms);
    const worker = results.worker.map((r) => r.ms);
    const last = (name) => results[name].at(-1);
    console.log(`  ${mb.toFixed(1)} MB, ${last('sync').rows} rows, types ${last('sync').types}; worker ran: ${last('worker').how}, workers started for the ${WORKER_RUNS} runs: ${last('worker').started}`);
    const d3 = ms('d3');
    return [
      { name: 'd3-dsv parseRows (decode + split, strings)', value: mb / (d3 / 1000), unit: 'MB/s' },
      { name: 'core parse, main thread (decode, sniff, parse, types)', value: mb / (ms('sync') / 1000), baseline: mb / (d3 / 1000), ratio: d3 / ms('sync'), unit: 'MB/s', goal: '≥ 1.0×' },
      { name: `core parse in the worker (start, transfer in, parse, columns back), median of ${WORKER_RUNS}; ratio = median of the ${WORKER_RUNS} ratios to d3 timed right after each run`, value: mb / (ms('worker') / 1000), baseline: mb / (ms('d3w') / 1000), ratio: median(pairs), unit: 'MB/s', goal: '≥ 1.1×' },
      { name: `same, lowest and highest of the ${WORKER_RUNS} ratios`, value: Math.min(...pairs), unit: `× … ${Math.max(...pairs).toFixed(2)}×` },
      { name: 'same, the first run of the page (a new worker: its script loaded, its code cold)', value: pairs[0], unit: '×' },
      { name: `worker run, median / lowest / highest of the ${WORKER_RUNS} (bytes in the page → columns back)`, value: median(worker), unit: `ms (${Math.min(...worker).toFixed(0)} … ${Math.max(...worker).toFixed(0)})` },
      { name: 'longest main-thread task during the worker parse, CPU time (trace)', value: traced.cpu, unit: 'ms', goal: '≤ 50 ms' },
      { name: 'same, wall time (trace; includes preemption by other processes)', value: traced.wall, unit: 'ms' },
      { name: 'longest task ≥ 50 ms seen by the Long Tasks API during the worker parses (0 = none)', value: Math.max(...results.worker.map((r) => r.longest.longTask)), unit: 'ms' },
      { name: 'machine load average (1 min) at the end: 2 cores here; > 2 means preempted tasks', value: loadavg()[0], unit: '' },
      { name: 'core parse sliced on the main thread (no worker)', value: mb / (ms('sliced') / 1000), unit: 'MB/s' },
      { name: 'longest main-thread task while parsing sliced, CPU time (trace)', value: slicedTrace.cpu, unit: 'ms', goal: '≤ 50 ms' },
      { name: 'same, wall time (trace)', value: slicedTrace.wall, unit: 'ms' },
      { name: 'garbage collection inside that longest sliced task, CPU time (trace)', value: slicedTrace.gc, unit: 'ms' },
      { name: `sliced tasks over 50 ms of CPU, of ${slicedTrace.tasks}`, value: slicedTrace.over50, unit: '' },
    ];
  } finally {
    await browser.close();
    site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await run();
  console.table(rows.map((r) => ({ ...r, value: Number(r.value.toFixed(1)), ratio: r.ratio && Number(r.ratio.toFixed(2)) })));
}
