// Shared by the screenshot scripts (scripts/<element>-shots.mjs): one element bundled as in dist/,
// the sample portal, a static server of the pages under a strict CSP, Debian's Chromium, and a
// tab that records CSP violations and page errors. Images go to /tmp, never to the repository.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startPortal } from '../test/portal/server.mjs';
import { chromiumArgs } from '../bench/lib.mjs';
import { serveStatic } from './serve.mjs';

/**
 * Bundles `entry` (`{ 'culture-chart': 'packages/chart/src/culture-chart.ts' }`) into `out/js`,
 * lazy libraries split into chunks (as in dist/), and starts the portal, a server of `out` sending
 * `Content-Security-Policy: script-src 'self'` (no 'unsafe-eval') and Chromium.
 * `data` holds the api attributes pointing at the portal; `close()` stops everything.
 */
export async function startShots({ out, entry }) {
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: entry,
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: join(out, 'js'),
    conditions: ['source'],
    mainFields: ['browser', 'module', 'main'],
    platform: 'browser',
    tsconfig: 'tsconfig.base.json',
    logLevel: 'warning',
  });
  const portal = await startPortal({ port: 0, remotePort: 0 });
  const site = await serveStatic({
    root: out,
    index: '/light.html',
    headers: () => ({ 'content-security-policy': "script-src 'self'" }),
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  return {
    data: `api="${portal.url}/api" tabular-api="${portal.url}/tabular/api"`,
    url: site.url,
    browser,
    async close() {
      await browser.close();
      site.close();
      await portal.close();
    },
  };
}

/**
 * A tab `width` px wide in a fresh context (`prefers-color-scheme: colorScheme`): `problems`
 * collects page errors (and console errors with `consoleErrors`), `window.__csp` every CSP
 * violation the page raises.
 */
export async function openTab(browser, width, { consoleErrors = false, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, colorScheme });
  const tab = await context.newPage();
  const problems = [];
  if (consoleErrors) tab.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  tab.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // which address answered an error (the console only says that one did)
  tab.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
  await tab.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { context, tab, problems };
}
