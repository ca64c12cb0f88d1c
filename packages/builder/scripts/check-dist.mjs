// Checks the built bundles the way a user meets them (run `npm run build` first):
//  1. a snippet copied from examples/builder.html, pasted verbatim into a blank page of another
//     origin that loads the builder's server's dist/culture-widgets.js, renders the same chart
//     (same rows as the builder's preview);
//  2. the builder's iframe snippet, pasted into a page of another origin, draws the chart and the
//     resizer fits the iframe to it;
//  3. a dashboard (bars, a key figure, a table, a filter for readers) copied as one snippet and as
//     one iframe: each widget shows the rows the builder's own trial showed;
//  4. examples/embed.html renders a chart and a table under `script-src 'self'` with no CSP report.
//   node packages/builder/scripts/check-dist.mjs
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { serveStatic } from '../../../scripts/serve.mjs';
import { startPortal } from '../../../test/portal/server.mjs';

// The flags of web-test-runner.config.mjs (importing it would start a second portal).
const chromiumArgs = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const portal = await startPortal({ port: 0 });
const site = await serveStatic({
  root: '.',
  port: 0,
  // The examples name the sample portal on its usual port: point them at this one.
  // The embed page lists this portal among the sites its links may read from, as `npm start` does.
  transform: (path, text) => (path.startsWith('/examples/')
    ? text.replaceAll('http://127.0.0.1:4790', portal.url).replace('<meta name="culture-widgets-hosts" content="" />', `<meta name="culture-widgets-hosts" content="${portal.url}" />`)
    : text),
  headers: (path) => (path === '/examples/embed.html' ? { 'content-security-policy': "script-src 'self'" } : {}),
});
// The builder's server (`npm start`): the examples and dist/, on its own origin.
const front = createServer(async (req, res) => {
  const answer = await fetch(`${site.url}${req.url}`, { redirect: 'manual' });
  res.writeHead(answer.status, Object.fromEntries(answer.headers));
  res.end(Buffer.from(await answer.arrayBuffer()));
});
await new Promise((ok) => front.listen(0, '127.0.0.1', ok));
const server = { url: `http://127.0.0.1:${front.address().port}` };
// The user's own site, on another origin: the blank pages the codes are pasted into.
const pasted = {};
const blankSite = createServer((req, res) => {
  if (req.url in pasted) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pasted[req.url]);
  res.writeHead(404).end();
});
await new Promise((ok) => blankSite.listen(0, '127.0.0.1', ok));
const elsewhere = `http://localhost:${blankSite.address().port}`;
/** A blank page of the user's site holding `code` as it was copied. */
const paste = (path, code) => {
  pasted[path] = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Collé</title><body><p>Article</p>\n${code}\n<p>Suite</p></body></html>`;
  return `${elsewhere}${path}`;
};
/** Rows each widget of the page (and of its frames) announced, by tag, once `count` have. */
const watchLoads = (page) =>
  page.addInitScript(() => {
    window.__loads = [];
    document.addEventListener('culture-load', (e) => window.__loads.push([e.target.localName, e.detail.rows]));
  });
const loadsOf = async (frame, count) => {
  await frame.waitForFunction((n) => new Set(window.__loads.map(([tag]) => tag)).size >= n, count, { timeout: 30000 }).catch(() => undefined);
  // the last count of each tag (a widget may announce once per change on the way)
  return frame.evaluate(() => Object.fromEntries(window.__loads));
};
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✓' : '✗'} ${message}`);
  if (!ok) failures.push(message);
};

try {
  // 1. builder → snippet → blank page
  const page = await browser.newPage();
  await page.goto(`${server.url}/examples/builder.html`);
  await page.evaluate(([base, embedBase]) => {
    window.__loads = [];
    const builder = document.querySelector('culture-builder');
    builder.setAttribute('script-base', base); // this server's bundles (the page names ../dist/ already)
    builder.setAttribute('embed-base', embedBase); // embed.html on another origin than the host page
    builder.addEventListener('culture-load', (e) => window.__loads.push(e.detail.rows));
  }, [`${server.url}/dist/`, `${site.url}/examples/`]);
  await page.locator('culture-builder #dataset-link').fill('https://www.data.gouv.fr/fr/datasets/frequentation-des-musees-de-france-1/');
  await page.locator('culture-builder button', { hasText: 'Charger' }).click();
  await page.locator('culture-builder .gallery .card', { hasText: 'Barres verticales' }).click();
  await page.locator('culture-builder [role=tab]', { hasText: 'Filtres' }).click();
  await page.locator('culture-builder button', { hasText: 'Ajouter une condition' }).click();
  await page.locator('culture-builder #filter-0-column').selectOption('annee');
  await page.locator('culture-builder #filter-0-op').selectOption('>=');
  await page.locator('culture-builder #filter-0-value').fill('2018');
  await page.locator('culture-builder #filter-0-value').press('Tab');
  await page.waitForFunction(() => window.__loads.at(-1) === 7, null, { timeout: 30000 });
  const snippet = await page.locator('culture-builder #copy-script').inputValue();
  const blank = await browser.newPage();
  await watchLoads(blank);
  await blank.goto(paste('/pasted.html', snippet));
  const rows = (await loadsOf(blank, 1))['culture-chart'];
  check(rows === 7, `the pasted snippet draws the builder's chart on another origin (${rows} columns, the preview had 7)`);

  // 2. the iframe snippet on a host page of another origin, with the resizer
  await page.locator('culture-builder [role=tab]', { hasText: 'CMS sans script' }).click();
  const iframeSnippet = await page.locator('culture-builder #copy-cms').inputValue();
  const host = await browser.newPage();
  await host.goto(paste('/host.html', iframeSnippet));
  const frame = host.locator('iframe');
  const crossOrigin = new URL(await frame.getAttribute('src')).origin !== elsewhere;
  const height = await host
    .waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 300, null, { timeout: 30000 })
    .then(() => host.evaluate(() => document.querySelector('iframe').style.height), () => 'never resized');
  const chart = await host.frameLocator('iframe').locator('culture-chart').evaluate((el) => !!el.shadowRoot.querySelector('svg path')).catch(() => false);
  check(crossOrigin && chart && height !== 'never resized', `the iframe snippet draws the chart on another origin and the resizer sets its height (${height})`);

  // 3. a dashboard: the bars above, a key figure and the table, filtered by region by readers
  const b = page.locator('culture-builder');
  await b.locator('button', { hasText: 'Ajouter ce widget au tableau de bord' }).click();
  for (const card of ['Chiffre clé', 'Tableau']) {
    await b.locator('.gallery .card', { hasText: card }).click();
    await b.locator('button', { hasText: 'Ajouter ce widget au tableau de bord' }).click();
  }
  await b.locator('.controls input[value="region"]').check();
  await b.locator('[role=tab]', { hasText: 'Code à coller' }).click();
  await b.locator('button', { hasText: 'Essayer ce code' }).click();
  await page.waitForFunction(() => /3 widgets affichés/.test(document.querySelector('culture-builder').shadowRoot.querySelector('.trial-status')?.textContent ?? ''), null, { timeout: 30000 });
  const tried = (await b.locator('.trial-status').getAttribute('data-rows')).split(',').map(Number).sort((x, y) => x - y).join(',');
  const sorted = (loads) => Object.values(loads).sort((x, y) => x - y).join(',');
  const dashboard = await browser.newPage();
  await watchLoads(dashboard);
  await dashboard.goto(paste('/dashboard.html', await b.locator('#copy-script').inputValue()));
  const filters = await dashboard.locator('culture-filter').count();
  const shown = await loadsOf(dashboard, 3);
  check(sorted(shown) === tried && filters === 2, `the dashboard's code on another origin: ${JSON.stringify(shown)}, the builder's trial showed ${tried}; ${filters} <culture-filter>`);
  await b.locator('[role=tab]', { hasText: 'CMS sans script' }).click();
  const dashboardHost = await browser.newPage();
  await watchLoads(dashboardHost);
  await dashboardHost.goto(paste('/dashboard-host.html', await b.locator('#copy-cms').inputValue()));
  await dashboardHost.locator('iframe').waitFor();
  const embedFrame = dashboardHost.frames().find((f) => f.url().includes('embed.html'));
  const inFrame = embedFrame ? await loadsOf(embedFrame, 3) : {};
  const framed = await dashboardHost
    .waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 600, null, { timeout: 30000 })
    .then(() => dashboardHost.evaluate(() => document.querySelector('iframe').style.height), () => 'never resized');
  // as wide as its frame: a wide table scrolls inside its own box, the page does not
  const widths = embedFrame ? await embedFrame.evaluate(() => [document.documentElement.scrollWidth, innerWidth]) : [];
  check(sorted(inFrame) === tried && framed !== 'never resized' && widths[0] === widths[1], `the dashboard's iframe on another origin: ${JSON.stringify(inFrame)}, resized to ${framed}, ${widths[0]} px of content in ${widths[1]} px`);

  // 4. the embed page under a strict script CSP
  for (const [kind, query, ready] of [
    ['chart', 'element=chart&dataset=frequentation-des-musees-de-france-1&x=annee&y=total&aggregate=sum&type=line', 'svg path'],
    ['table', 'element=table&dataset=frequentation-des-musees-de-france-1&page-size=5', 'tbody tr'],
  ]) {
    const embed = await browser.newPage();
    const reports = [];
    embed.on('console', (m) => /Content Security Policy/i.test(m.text()) && reports.push(m.text()));
    const apis = `api=${encodeURIComponent(`${portal.url}/api`)}&tabular-api=${encodeURIComponent(`${portal.url}/tabular/api`)}`;
    await embed.goto(`${server.url}/examples/embed.html?${query}&${apis}`);
    const drawn = await embed
      .waitForFunction((selector) => document.querySelector('#widget > *')?.shadowRoot?.querySelector(selector), ready, { timeout: 30000 })
      .then(() => true, () => false);
    check(drawn && reports.length === 0, `embed.html draws a ${kind} under script-src 'self' (${reports.length} CSP reports)`);
  }
} finally {
  await browser.close();
  front.close();
  blankSite.close();
  site.close();
  portal.close();
}
process.exit(failures.length ? 1 : 0);
