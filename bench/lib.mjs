// Shared by benchmarks: Debian's Chromium, the sample portal and a static server for the repo.
import { chromium } from 'playwright-core';
import { startPortal } from '../test/portal/server.mjs';
import { serveStatic } from '../scripts/serve.mjs';

export const chromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Starts Chromium, the sample portal and a static server; `close()` stops them all. */
export async function benchEnvironment() {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  const portal = await startPortal();
  const site = await serveStatic({ root: '.' });
  return {
    browser,
    portal,
    site,
    async close() {
      await browser.close();
      portal.close();
      site.close();
    },
  };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
