// A per-capita choropleth (DESIGN.md § 5): tickets sold over the 500,000-row ticketing resource,
// divided by a population joined from another dataset, against, in the same run and browser:
//  - the same map without the join (`value="sum(nb_billets)"`): what the join costs in time and bytes;
//  - downloading the resource's CSV: what the server-first plan saves.
// Bytes are the data the page reads (catalogue and tabular API answers, decoded); the boundaries
// are the same GeoJSON for both maps and are reported apart.
import { DIST, benchEnvironment, median, serveBench } from './lib.mjs';

const RUNS = 5;
const TICKETING = 'billetterie-du-spectacle-vivant';
const POPULATION = 'population-legale-des-departements';

const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>join bench</title></head>
<body style="margin:0;width:1000px"><script type="module" src="./dist/culture-widgets.js"></script></body></html>`;

/** In the page: the map (with or without its join), timed from its insertion to culture-load and the next frame. */
async function paint({ api, tabularApi, boundaries, join }) {
  await customElements.whenDefined('culture-map');
  const set = (el, attrs) => Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v));
  if (join) {
    const source = document.createElement('culture-source');
    source.id = 'pop';
    set(source, { dataset: join, api, 'tabular-api': tabularApi });
    document.body.append(source);
  }
  const el = document.createElement('culture-map');
  set(el, {
    dataset: 'billetterie-du-spectacle-vivant', api, 'tabular-api': tabularApi, boundaries, tiles: 'none', code: 'code_departement',
    ...(join ? { value: 'billets = sum(nb_billets) / join.PMUN * 1000', join: 'pop on code_departement = DEP' } : { value: 'sum(nb_billets)' }),
  });
  const started = performance.now();
  const loaded = new Promise((ok, ko) => {
    el.addEventListener('culture-load', (e) => ok(e.detail), { once: true });
    el.addEventListener('culture-error', (e) => ko(new Error(e.detail.message)), { once: true });
  });
  document.body.append(el);
  const detail = await loaded;
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  return { ms: performance.now() - started, areas: detail.rows, steps: detail.steps.map((s) => `${s.step}:${s.path}`) };
}

/** Bytes of the whole CSV file, as a page reading the rows would download them. */
async function csvBytes(api) {
  const dataset = await (await fetch(`${api}/1/datasets/${TICKETING}/`)).json();
  const response = await fetch(dataset.resources[0].url);
  let bytes = 0;
  for await (const chunk of response.body) bytes += chunk.length;
  return bytes;
}

export async function run() {
  const env = await benchEnvironment();
  const site = await serveBench({ pages: { '/join.html': page }, roots: { '/dist/': DIST } });
  const portal = env.portal.url;
  const args = { api: `${portal}/api`, tabularApi: `${portal}/tabular/api`, boundaries: `${portal}/static/geo/{level}.geojson` };
  try {
    const runs = { join: [], plain: [] };
    for (let i = 0; i < RUNS + 1; i++) {
      for (const which of ['plain', 'join']) {
        const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 } });
        const tab = await context.newPage();
        const errors = [];
        tab.on('pageerror', (e) => errors.push(String(e)));
        const reads = [];
        tab.on('response', (response) => {
          if (response.url().startsWith(portal)) reads.push(response.body().then((b) => ({ url: response.url(), bytes: b.length }), () => ({ url: response.url(), bytes: 0 })));
        });
        await tab.goto(`${site.url}/join.html`);
        const painted = await tab.evaluate(paint, { ...args, join: which === 'join' ? POPULATION : undefined });
        if (errors.length) throw new Error(`${which}: ${errors[0]}`);
        const bodies = await Promise.all(reads);
        const data = bodies.filter((b) => !b.url.includes('/static/geo/'));
        const rowsRead = data.filter((b) => b.url.includes('/data/csv/') || b.url.includes('/static/resources/'));
        if (rowsRead.length) throw new Error(`${which}: rows were downloaded (${rowsRead[0].url})`);
        // the first round warms the portal (its 500,000-row table) and the browser's module cache
        if (i > 0) {
          runs[which].push({
            ...painted,
            bytes: data.reduce((s, b) => s + b.bytes, 0),
            geo: bodies.filter((b) => b.url.includes('/static/geo/')).reduce((s, b) => s + b.bytes, 0),
            requests: data.filter((b) => b.url.includes('/data/')).length,
          });
        }
        await context.close();
      }
    }
    const ms = (which) => median(runs[which].map((r) => r.ms));
    const bytes = (which) => median(runs[which].map((r) => r.bytes));
    const file = await csvBytes(args.api);
    const last = runs.join.at(-1);
    console.log(`  per capita: ${last.areas} areas, steps ${last.steps.join(', ')}, ${last.requests} data requests, ${bytes('join')} B of data (+ ${last.geo} B of boundaries); without join: ${bytes('plain')} B; the CSV: ${file} B`);
    return [
      { name: `per-capita choropleth vs the same map without join: time (median of ${RUNS})`, value: ms('join'), unit: 'ms', baseline: ms('plain'), ratio: ms('join') / ms('plain'), goal: '≤ 1.3' },
      { name: 'per-capita choropleth vs the same map without join: bytes', value: bytes('join'), unit: 'B', baseline: bytes('plain'), ratio: bytes('join') / bytes('plain'), goal: '≤ 1.5' },
      { name: 'per-capita choropleth vs downloading the 500,000-row CSV: bytes', value: bytes('join'), unit: 'B', baseline: file, ratio: bytes('join') / file, goal: '≤ 0.02 (≥ 50× fewer)' },
    ];
  } finally {
    site.close();
    await env.close();
  }
}
