// <culture-table height> on the 500,000-row tabular resource of the sample portal:
//  - time to first rows (element created → first data row in the DOM), against the bare fetch of
//    the same first page of the tabular API in the same page (the floor any table pays);
//  - scroll frame cost: frame intervals while the body is flicked one step per frame, against a
//    hand-written floor (a box of the same size whose screenful of cells is rewritten per frame);
//  - the most rows ever in the DOM while scrolling.
import { DIST, benchEnvironment, median, percentile as pct, serveBench } from './lib.mjs';

const RUNS = 5;
const STEPS = 240;
const DATASET = 'billetterie-du-spectacle-vivant';

const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>table bench</title></head>
<body style="margin:0;width:1200px"><script type="module" src="./culture-table.js"></script></body></html>`;

/** In the page: create the table, wait for its first rows, time it and the bare fetch. */
async function firstRows({ api, tabularApi, dataset }) {
  await customElements.whenDefined('culture-table');
  const el = document.createElement('culture-table');
  Object.entries({ dataset, api, 'tabular-api': tabularApi, height: '600' }).forEach(([k, v]) => el.setAttribute(k, v));
  const started = performance.now();
  const loaded = new Promise((ok, ko) => {
    el.addEventListener('culture-load', (e) => ok(e.detail), { once: true });
    el.addEventListener('culture-error', (e) => ko(new Error(e.detail.message)), { once: true });
  });
  document.body.append(el);
  const detail = await loaded;
  await el.updateComplete;
  const element = performance.now() - started;
  if (!el.shadowRoot.querySelector('tbody tr[data-index]')) throw new Error('no row rendered');
  const url = `${tabularApi}/resources/${detail.source.resourceId}/data/?page=1&page_size=50`;
  const t0 = performance.now();
  await (await fetch(url, { cache: 'no-store' })).json();
  const bare = performance.now() - t0;
  return { element, bare, total: detail.total };
}

/**
 * In the page: flick the body one step per frame; frame intervals and DOM rows. The baseline is
 * the least any virtual table must do per frame, written by hand with no framework: a box of the
 * same size whose screenful of cells gets its text rewritten every frame.
 */
async function scroll({ steps }) {
  const frame = () => new Promise((ok) => requestAnimationFrame(ok));
  const flick = async (box, count, onStep = () => {}) => {
    const intervals = [];
    let maxRows = 0;
    let last = await frame();
    const room = box.scrollHeight - box.clientHeight;
    for (let i = 1; i <= steps; i++) {
      // a flick down to the middle, then big jumps: the hard case for fetching and recycling rows
      box.scrollTop = i < steps / 2 ? i * 900 : (room * ((i * 7919) % steps)) / steps;
      onStep(i);
      const now = await frame();
      intervals.push(now - last);
      last = now;
      maxRows = Math.max(maxRows, count());
    }
    return { intervals, maxRows };
  };
  const el = document.querySelector('culture-table');
  const box = el.shadowRoot.querySelector('.frame');
  const sample = [...el.shadowRoot.querySelectorAll('tbody tr[data-index]')].map((tr) => [...tr.children].map((td) => td.textContent));
  const table = await flick(box, () => el.shadowRoot.querySelectorAll('tbody tr').length);

  const plain = document.createElement('div');
  plain.style.cssText = 'height:600px;overflow:auto;position:relative;font:14px system-ui';
  const grid = document.createElement('table');
  grid.style.cssText = 'position:sticky;top:0;table-layout:fixed;width:100%;border-collapse:collapse';
  const cells = sample.map((values) => {
    const tr = grid.insertRow();
    return values.map(() => Object.assign(tr.insertCell(), { style: 'height:40px;white-space:nowrap;overflow:hidden' }));
  });
  const sizer = document.createElement('div');
  sizer.style.height = `${box.scrollHeight}px`;
  plain.append(grid, sizer);
  document.body.append(plain);
  const baseline = await flick(plain, () => 0, (i) => {
    cells.forEach((row, r) => row.forEach((td, c) => (td.textContent = sample[(r + i) % sample.length][c])));
  });
  return { table: table.intervals, maxRows: table.maxRows, baseline: baseline.intervals };
}

export async function run() {
  const env = await benchEnvironment();
  const dist = await serveBench({ pages: { '/': page }, roots: { '/': DIST } });
  try {
    const args = { api: `${env.portal.url}/api`, tabularApi: `${env.portal.url}/tabular/api`, dataset: DATASET };
    const runs = [];
    let scrolled;
    for (let i = 0; i < RUNS; i++) {
      const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
      const tab = await context.newPage();
      await tab.goto(`${dist.url}/`);
      runs.push(await tab.evaluate(firstRows, args));
      if (i === RUNS - 1) scrolled = await tab.evaluate(scroll, { steps: STEPS });
      await context.close();
    }
    const element = median(runs.map((r) => r.element));
    const bare = median(runs.map((r) => r.bare));
    const p95 = pct(scrolled.table, 0.95);
    const base95 = pct(scrolled.baseline, 0.95);
    console.log(`  ${runs[0].total} rows; first rows ${element.toFixed(0)} ms (bare page fetch ${bare.toFixed(0)} ms)`);
    return [
      { name: 'time to first rows, 500k rows (median of 5 cold pages)', value: element, unit: 'ms', baseline: bare, ratio: element / bare, goal: 'one page fetch + render' },
      { name: 'scroll frame interval p50', value: median(scrolled.table), unit: 'ms', baseline: median(scrolled.baseline), ratio: median(scrolled.table) / median(scrolled.baseline), goal: '≈ 1 (hand-written floor)' },
      { name: 'scroll frame interval p95', value: p95, unit: 'ms', baseline: base95, ratio: p95 / base95, goal: '< 2' },
      { name: 'max rows in the DOM while scrolling 500k', value: scrolled.maxRows, unit: 'rows', goal: 'bounded (< 100)' },
    ];
  } finally {
    dist.close();
    await env.close();
  }
}
