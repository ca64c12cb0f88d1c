// <culture-chart> on the sample portal: time from the `dataset` attribute set to the SVG drawn
// (`culture-load` fires after the draw), for
//  - museum attendance by year, aggregated by the tabular API (`groupby`), against the bare fetch
//    of the same aggregated page in the same tab (the floor any chart pays);
//  - the museum list, whose aggregation the API refuses (403): counted locally from the CSV.
// "cold": a fresh page (Vega imported on the way); "warm": a second chart in the same page.
import { DIST, benchEnvironment, median, serveBench } from './lib.mjs';

const RUNS = 5;
const RESOURCE = 'c0ffee01-0000-4000-8000-000000000001'; // frequentation-des-musees-de-france-1

const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>chart bench</title></head>
<body style="margin:0;width:900px"><script type="module" src="./culture-chart.js"></script></body></html>`;

/** In the page: one chart, attribute set → drawn. */
export async function draw({ api, tabularApi, attrs }) {
  await customElements.whenDefined('culture-chart');
  const el = document.createElement('culture-chart');
  Object.entries({ api, 'tabular-api': tabularApi, ...attrs }).forEach(([k, v]) => el.setAttribute(k, v));
  document.body.append(el);
  await el.updateComplete;
  const drawn = new Promise((ok, ko) => {
    el.addEventListener('culture-load', ok, { once: true });
    el.addEventListener('culture-error', (e) => ko(new Error(e.detail.message)), { once: true });
  });
  const started = performance.now();
  el.setAttribute('dataset', attrs.dataset);
  await drawn;
  const ms = performance.now() - started;
  if (!el.shadowRoot.querySelector('.view svg')) throw new Error('no SVG');
  el.remove();
  return ms;
}

async function bare({ tabularApi, resource }) {
  const t0 = performance.now();
  await (await fetch(`${tabularApi}/resources/${resource}/data/?annee__groupby&total__sum&page=1&page_size=200`, { cache: 'no-store' })).json();
  return performance.now() - t0;
}

const cases = {
  server: (i) => ({ dataset: 'frequentation-des-musees-de-france-1', x: 'annee', y: 'total', filter: `annee >= ${2000 + i}` }),
  local: (i) => ({ dataset: 'liste-et-localisation-des-musees-de-france', type: 'bar', x: 'Région administrative', filter: `Latitude > ${-90 + i}` }),
};

export async function run() {
  const env = await benchEnvironment();
  const dist = await serveBench({ pages: { '/': page }, roots: { '/': DIST } });
  const base = { api: `${env.portal.url}/api`, tabularApi: `${env.portal.url}/tabular/api` };
  const times = { server: { cold: [], warm: [] }, local: { cold: [], warm: [] }, bare: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const name of ['server', 'local']) {
        const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
        const tab = await context.newPage();
        await tab.goto(`${dist.url}/`);
        // distinct filters: core shares identical queries, each draw must ask again
        times[name].cold.push(await tab.evaluate(draw, { ...base, attrs: cases[name](2 * i) }));
        times[name].warm.push(await tab.evaluate(draw, { ...base, attrs: cases[name](2 * i + 1) }));
        if (name === 'server') times.bare.push(await tab.evaluate(bare, { ...base, resource: RESOURCE }));
        await context.close();
      }
    }
  } finally {
    dist.close();
    await env.close();
  }
  const m = (v) => median(v);
  const floor = m(times.bare);
  console.log(`  server cold ${m(times.server.cold).toFixed(0)} ms, warm ${m(times.server.warm).toFixed(0)} ms; local cold ${m(times.local.cold).toFixed(0)} ms, warm ${m(times.local.warm).toFixed(0)} ms; bare groupby fetch ${floor.toFixed(0)} ms`);
  return [
    { name: 'attribute → SVG, server-aggregated, cold page (incl. Vega import)', value: m(times.server.cold), unit: 'ms', baseline: floor, ratio: m(times.server.cold) / floor },
    { name: 'attribute → SVG, server-aggregated, warm (Vega loaded)', value: m(times.server.warm), unit: 'ms', baseline: floor, ratio: m(times.server.warm) / floor, goal: 'resolve + profile + 1 groupby + draw' },
    { name: 'attribute → SVG, local aggregation (403 fallback), cold page', value: m(times.local.cold), unit: 'ms' },
    { name: 'attribute → SVG, local aggregation, warm', value: m(times.local.warm), unit: 'ms' },
  ];
}
