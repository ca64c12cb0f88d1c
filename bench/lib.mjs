// Shared by benchmarks: Debian's Chromium, the sample portal and a static server for the repo.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, resolve } from 'node:path';
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

/** The build a benchmark measures (`BENCH_DIST=/tmp/dist` measures another build without touching dist/). */
export const DIST = process.env.BENCH_DIST ?? 'dist';

/** The value below which a share `p` (0.95: p95) of `values` falls. */
export const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

const types = { '.html': 'text/html; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
const typeOf = (path) => types[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';

/**
 * Bench pages and files from a real loopback server: Chromium only lets a loopback page call the
 * loopback sample portal (a routed page counts as public and is refused). `pages` maps a path to
 * the text it answers (`/` is HTML); `roots` maps a path prefix to a folder (`{ '/': DIST }`).
 */
export function serveBench({ pages = {}, roots = {} }) {
  const folders = Object.entries(roots).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (Object.hasOwn(pages, path)) return res.writeHead(200, { 'content-type': path === '/' ? types['.html'] : typeOf(path) }).end(pages[path]);
    const [prefix, base] = folders.find(([p]) => path.startsWith(p)) ?? [];
    const file = base && normalize(join(base, path.slice(prefix.length)));
    try {
      if (!file || !file.startsWith(base)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': typeOf(file) }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}
