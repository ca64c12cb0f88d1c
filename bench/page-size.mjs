// What a real page downloads, counted by the browser: every file of the build a page fetched until
// its widget was drawn, gzipped (-9) one by one as a CDN serves them. Measured for
//  - a server-aggregated line chart through dist/culture-chart.js (goal ≤ 200 KiB) and through the
//    umbrella dist/culture-widgets.js (goal: within 2 KiB of it; no table, map or builder code);
//  - a table through dist/culture-table.js and a point map through dist/culture-map.js.
// Static sizes (first load, with lazy) are in docs/bundle-sizes.md; this is what a page really pays.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSize, importGraph } from '../scripts/sizes.mjs';
import { DIST, benchEnvironment, serveBench } from './lib.mjs';

const pageOf = (script) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>page size</title>
<script type="module" src="./${script}"></script></head><body></body></html>`;

/** In the page: one widget, drawn (or failed). */
async function show({ tag, attrs }) {
  const el = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v));
  const done = new Promise((ok, ko) => {
    el.addEventListener('culture-load', ok, { once: true });
    el.addEventListener('culture-error', (e) => ko(new Error(e.detail.message)), { once: true });
  });
  document.body.append(el);
  await done;
}

const widgets = {
  line: { tag: 'culture-chart', attrs: { dataset: 'frequentation-des-musees-de-france-1', type: 'line', x: 'annee', y: 'total', aggregate: 'sum' } },
  table: { tag: 'culture-table', attrs: { dataset: 'frequentation-des-musees-de-france-1' } },
  map: { tag: 'culture-map', attrs: { dataset: 'liste-et-localisation-des-musees-de-france', tiles: 'none' } },
};

const pages = [
  { name: 'chart page: line chart, server-aggregated, via culture-chart.js', script: 'culture-chart.js', widget: 'line', goal: '≤ 200 KiB' },
  { name: 'chart page via the umbrella culture-widgets.js', script: 'culture-widgets.js', widget: 'line', goal: 'within 2 KiB of culture-chart.js' },
  { name: 'table page via culture-table.js', script: 'culture-table.js', widget: 'table' },
  { name: 'map page (points) via culture-map.js', script: 'culture-map.js', widget: 'map' },
];

export async function run() {
  const env = await benchEnvironment();
  const dist = await serveBench({ pages: Object.fromEntries(pages.map((p) => [`/${p.script}.html`, pageOf(p.script)])), roots: { '/': DIST } });
  const base = { api: `${env.portal.url}/api`, 'tabular-api': `${env.portal.url}/tabular/api` };
  const rows = [];
  try {
    for (const page of pages) {
      const context = await env.browser.newContext();
      const tab = await context.newPage();
      const fetched = new Set();
      // files served (a chart's template the build did not make answers 404: not counted)
      tab.on('response', (response) => {
        const url = new URL(response.url());
        if (response.ok() && url.origin === dist.url && url.pathname.endsWith('.js')) fetched.add(url.pathname);
      });
      await tab.goto(`${dist.url}/${page.script}.html`);
      const widget = widgets[page.widget];
      await tab.evaluate(show, { tag: widget.tag, attrs: { ...base, ...widget.attrs } });
      await context.close();
      const files = [...fetched].map((path) => resolve(join(DIST, path)));
      console.log(`  ${page.script}: ${files.length} files, ${(gzipSize(files) / 1024).toFixed(1)} KiB gzip`);
      if (process.env.BENCH_VERBOSE) for (const f of files) console.log(`    ${f.split('/').pop()} ${(gzipSize([f]) / 1024).toFixed(1)}`);
      rows.push({ name: `${page.name}, gzip`, value: gzipSize(files) / 1024, unit: 'KiB', goal: page.goal });
      if (page.widget === 'line') {
        // Vega-Lite compiles in the page only a chart shape the build made no template for (decision 0017)
        const compiler = files.filter((f) => existsSync(`${f}.map`) && readFileSync(`${f}.map`, 'utf8').includes('node_modules/vega-lite/'));
        rows.push({ name: `${page.name}: files holding Vega-Lite, fetched`, value: compiler.length, unit: 'files', goal: '0' });
      }
      if (page.script === 'culture-widgets.js') {
        // files only the table, the map or the builder load (in no load of the chart, first or lazy)
        const chart = importGraph(join(DIST, 'culture-chart.js'));
        const chartFiles = new Set([...chart.first, ...chart.later]);
        const others = ['culture-table.js', 'culture-map.js', 'culture-builder.js'].flatMap((entry) => {
          const graph = importGraph(join(DIST, entry));
          return [...graph.first, ...graph.later];
        }).filter((f) => !chartFiles.has(f));
        const foreign = files.filter((f) => others.includes(f));
        rows.push({ name: 'umbrella chart page: files of the table, map or builder only, fetched', value: foreign.length, unit: 'files', goal: '0' });
      }
    }
  } finally {
    dist.close();
    await env.close();
  }
  const [chart, umbrella] = rows.filter((r) => /chart page/.test(r.name) && r.unit === 'KiB');
  umbrella.baseline = chart.value;
  umbrella.ratio = umbrella.value / chart.value;
  return rows;
}
