// Checks the built bundles the way a user meets them (run `npm run build` first):
//  1. a snippet copied from examples/builder.html, pasted verbatim into a blank page that loads
//     dist/culture-widgets.js, renders the same chart (same rows as the builder's preview);
//  2. the builder's iframe snippet, pasted into a page on another origin, draws the chart and the
//     resizer fits the iframe to it;
//  3. examples/embed.html renders a chart and a table under `script-src 'self'` with no CSP report.
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
// In front of it, the "blank page" the user pastes the snippet into, on the same origin.
const pasted = { '/pasted.html': '', '/host.html': '' };
const front = createServer(async (req, res) => {
  if (req.url in pasted) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pasted[req.url]);
  const answer = await fetch(`${site.url}${req.url}`, { redirect: 'manual' });
  res.writeHead(answer.status, Object.fromEntries(answer.headers));
  res.end(Buffer.from(await answer.arrayBuffer()));
});
await new Promise((ok) => front.listen(0, '127.0.0.1', ok));
const server = { url: `http://127.0.0.1:${front.address().port}` };
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
  pasted['/pasted.html'] = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Collé</title><body>\n${snippet}\n</body></html>`;
  const blank = await browser.newPage();
  await blank.addInitScript(() => {
    window.__loads = [];
    document.addEventListener('culture-load', (e) => window.__loads.push(e.detail.rows));
  });
  await blank.goto(`${server.url}/pasted.html`);
  await blank.waitForFunction(() => window.__loads.length > 0, null, { timeout: 30000 });
  const rows = await blank.evaluate(() => window.__loads.at(-1));
  check(rows === 7, `the pasted snippet draws the builder's chart (${rows} columns, the preview had 7)`);

  // 2. the iframe snippet on a host page of another origin, with the resizer
  await page.locator('culture-builder [role=tab]', { hasText: 'CMS sans script' }).click();
  const iframeSnippet = await page.locator('culture-builder #copy-cms').inputValue();
  pasted['/host.html'] = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Hôte</title><body><p>Article</p>\n${iframeSnippet}\n<p>Suite</p></body></html>`;
  const host = await browser.newPage();
  await host.goto(`${server.url}/host.html`);
  const frame = host.locator('iframe');
  const crossOrigin = new URL(await frame.getAttribute('src')).origin !== server.url;
  const height = await host
    .waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 300, null, { timeout: 30000 })
    .then(() => host.evaluate(() => document.querySelector('iframe').style.height), () => 'never resized');
  const chart = await host.frameLocator('iframe').locator('culture-chart').evaluate((el) => !!el.shadowRoot.querySelector('svg path')).catch(() => false);
  check(crossOrigin && chart && height !== 'never resized', `the iframe snippet draws the chart on another origin and the resizer sets its height (${height})`);

  // 3. the embed page under a strict script CSP
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
  site.close();
  portal.close();
}
process.exit(failures.length ? 1 : 0);
