// <culture-map> with 50,000 points against a bare Leaflet + leaflet.markercluster page, in the
// same run, same browser, same data, same viewport:
//  - first paint: element created (or, for the baseline, fetch started) → points drawn and a frame
//    painted. Ours goes through core (fetch, parse, query) and supercluster; the baseline fetches
//    the same CSV, splits it by hand and adds 50,000 circle markers to a MarkerClusterGroup;
//  - pan / zoom frame time: the same scripted sequence of pans and zooms on both maps, one step
//    per frame, frame intervals measured with requestAnimationFrame, pooled over the runs.
import { DIST, benchEnvironment, median, percentile as pct, serveBench } from './lib.mjs';

const POINTS = 50_000;
const RUNS = 3;

/** 50,000 places around 120 French towns (deterministic), `;`-separated like real files. */
function pointsCsv() {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const normal = () => Math.sqrt(-2 * Math.log(rnd() || 1e-9)) * Math.cos(2 * Math.PI * rnd());
  const towns = Array.from({ length: 120 }, () => [43 + rnd() * 7.5, -1.5 + rnd() * 8.5]);
  const kinds = ['Musée', 'Théâtre', 'Cinéma', 'Bibliothèque', 'Monument'];
  const lines = ['nom;categorie;latitude;longitude'];
  for (let i = 0; i < POINTS; i++) {
    const [lat, lon] = towns[i % towns.length];
    lines.push(`Lieu ${i};${kinds[i % kinds.length]};${(lat + normal() * 0.25).toFixed(5)};${(lon + normal() * 0.35).toFixed(5)}`);
  }
  return `${lines.join('\n')}\n`;
}

const ours = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>map bench</title></head>
<body style="margin:0;width:1000px"><script type="module" src="./dist/culture-map.js"></script></body></html>`;
const baseline = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>map baseline</title>
<link rel="stylesheet" href="./node_modules/leaflet/dist/leaflet.css">
<link rel="stylesheet" href="./node_modules/leaflet.markercluster/dist/MarkerCluster.css">
<link rel="stylesheet" href="./node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css">
<script src="./node_modules/leaflet/dist/leaflet.js"></script>
<script src="./node_modules/leaflet.markercluster/dist/leaflet.markercluster.js"></script></head>
<body style="margin:0;width:1000px"><div id="map" style="height:416px;width:1000px"></div></body></html>`;

/** The pages, our build, Leaflet's files and the CSV, from one loopback server. */
const serve = (csv) =>
  serveBench({
    pages: { '/ours.html': ours, '/baseline.html': baseline, '/points.csv': csv },
    roots: { '/dist/': DIST, '/node_modules/': 'node_modules' },
  });

/** In the page: our element on the CSV, timed to its culture-load and the next frame. */
async function paintOurs({ src }) {
  await customElements.whenDefined('culture-map');
  const el = document.createElement('culture-map');
  Object.entries({ src, tiles: 'none', label: 'nom' }).forEach(([k, v]) => el.setAttribute(k, v));
  const started = performance.now();
  const loaded = new Promise((ok, ko) => {
    el.addEventListener('culture-load', (e) => ok(e.detail), { once: true });
    el.addEventListener('culture-error', (e) => ko(new Error(e.detail.message)), { once: true });
  });
  document.body.append(el);
  const detail = await loaded;
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  const summary = el.drawnSummary;
  return { ms: performance.now() - started, rows: detail.rows, clusters: summary.clusters, shown: summary.clustered + summary.points };
}

/** In the page: bare Leaflet + markercluster on the same CSV (`L` is the page's UMD global). */
/* global L */
async function paintBaseline({ src }) {
  const started = performance.now();
  const text = await (await fetch(src)).text();
  const lines = text.trim().split('\n').slice(1);
  const map = L.map('map', { zoomAnimation: false, fadeAnimation: false, preferCanvas: true, maxZoom: 18 }).setView([46.6, 2.4], 5);
  window.__map = map;
  const renderer = L.canvas();
  // the same cluster radius as ours (60 px), so both draw about as many markers
  const group = L.markerClusterGroup({ chunkedLoading: false, animate: false, maxClusterRadius: 60 });
  const markers = lines.map((line) => {
    const [nom, , lat, lon] = line.split(';');
    return L.circleMarker([+lat, +lon], { renderer, radius: 4 }).bindTooltip(nom);
  });
  group.addLayers(markers);
  map.addLayer(group);
  map.fitBounds(group.getBounds(), { animate: false });
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  return { ms: performance.now() - started, rows: markers.length };
}

/** In the page: the same pans and zooms, one per frame; frame intervals. */
async function panZoom({ ours }) {
  const map = ours ? document.querySelector('culture-map').leafletMap : window.__map;
  map.setView([46.6, 2.4], 6, { animate: false });
  const frame = () => new Promise((ok) => requestAnimationFrame(ok));
  const steps = [];
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 12; i++) steps.push(() => map.panBy([60 * (round % 2 ? -1 : 1), 25], { animate: false }));
    steps.push(() => map.setZoom(map.getZoom() + 1, { animate: false }));
    for (let i = 0; i < 6; i++) steps.push(() => map.panBy([-40, -20], { animate: false }));
    steps.push(() => map.setZoom(map.getZoom() + 1, { animate: false }));
    steps.push(() => map.setZoom(map.getZoom() - 2, { animate: false }));
  }
  const intervals = [];
  let last = await frame();
  for (const step of steps) {
    step();
    const now = await frame();
    intervals.push(now - last);
    last = now;
  }
  return intervals;
}

export async function run() {
  const env = await benchEnvironment();
  const site = await serve(pointsCsv());
  const src = `${site.url}/points.csv`;
  try {
    const oursRuns = [];
    const baseRuns = [];
    let oursFrames = [];
    let baseFrames = [];
    for (let i = 0; i < RUNS; i++) {
      for (const which of ['ours', 'baseline']) {
        const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 } });
        const tab = await context.newPage();
        const errors = [];
        tab.on('pageerror', (e) => errors.push(String(e)));
        await tab.goto(`${site.url}/${which}.html`);
        const painted = await tab.evaluate(which === 'ours' ? paintOurs : paintBaseline, { src });
        if (errors.length) throw new Error(`${which}: ${errors[0]}`);
        (which === 'ours' ? oursRuns : baseRuns).push(painted);
        // frames from every run, pooled: one run on a busy machine says little
        const frames = await tab.evaluate(panZoom, { ours: which === 'ours' });
        if (which === 'ours') oursFrames = oursFrames.concat(frames);
        else baseFrames = baseFrames.concat(frames);
        await context.close();
      }
    }
    const first = median(oursRuns.map((r) => r.ms));
    const base = median(baseRuns.map((r) => r.ms));
    const o = oursRuns.at(-1);
    console.log(`  ours: ${o.rows} rows, ${o.clusters} clusters holding ${o.shown}; first paint ${first.toFixed(0)} ms vs baseline ${base.toFixed(0)} ms`);
    const p50 = median(oursFrames);
    const b50 = median(baseFrames);
    const p95 = pct(oursFrames, 0.95);
    const b95 = pct(baseFrames, 0.95);
    return [
      { name: `first paint, ${POINTS} points (median of ${RUNS}; ours incl. core parse)`, value: first, unit: 'ms', baseline: base, ratio: first / base, goal: '≤ baseline' },
      { name: 'pan/zoom frame interval p50', value: p50, unit: 'ms', baseline: b50, ratio: p50 / b50, goal: '≤ baseline' },
      { name: 'pan/zoom frame interval p95', value: p95, unit: 'ms', baseline: b95, ratio: p95 / b95, goal: '≤ baseline' },
      { name: 'pan/zoom frame interval max', value: Math.max(...oursFrames), unit: 'ms', baseline: Math.max(...baseFrames), ratio: Math.max(...oursFrames) / Math.max(...baseFrames) },
    ];
  } finally {
    site.close();
    await env.close();
  }
}
