/**
 * A page with a server-aggregated line chart draws it from a template compiled at build time
 * (decision 0017): it fetches the template and never Vega-Lite. Alone in its file: no other test
 * here imports Vega-Lite, so the page's resources say what the chart loaded.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { portal, DATASETS } from '../../../test/helpers/portal.js';
import '../src/culture-chart.js';
import type { CultureChart } from '../src/chart.js';

// the dev server serves hundreds of modules: room for all of them in the page's resource list
performance.setResourceTimingBufferSize(100000);

it('a server-aggregated line chart is drawn from its template, without Vega-Lite', async function () {
  this.timeout(60000);
  const p = await portal();
  const box = await fixture<HTMLDivElement>(html`<div style="width:720px"></div>`);
  const el = document.createElement('culture-chart') as CultureChart;
  for (const [name, value] of Object.entries({ api: p.api, 'tabular-api': p.tabularApi, dataset: DATASETS.museums, type: 'line', x: 'annee', y: 'total', aggregate: 'sum' })) {
    el.setAttribute(name, value);
  }
  const loaded = new Promise((ok) => el.addEventListener('culture-load', ok, { once: true }));
  box.append(el);
  await loaded;
  await waitUntil(() => el.shadowRoot!.querySelector('.view svg .mark-line path'), 'no line drawn', { timeout: 30000 });
  const fetched = performance.getEntriesByType('resource').map((e) => e.name);
  expect(fetched.filter((url) => url.includes('/packages/chart/templates/')), 'its template').to.have.length(1);
  expect(fetched.filter((url) => url.includes('/node_modules/vega-lite/')), 'Vega-Lite modules').to.deep.equal([]);
});
