// Browser tests: @web/test-runner driving Debian's Chromium (no browser download here),
// with the sample portal started in the same process so tests never touch the internet.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './test/runner/summary-reporter.mjs';
import { startPortal } from './test/portal/server.mjs';
import { generateTemplates } from './packages/chart/build/templates.mjs';
import { STUBBED } from './packages/chart/build/rollup-vega.mjs';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const userDataDir = mkdtempSync(join(tmpdir(), 'wtr-chromium-'));
process.on('exit', () => rmSync(userDataDir, { recursive: true, force: true }));

export const chromiumArgs = [
  '--no-sandbox', // CI runs as root
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// The charts' Vega-Lite templates (decision 0017), regenerated when a chart or core source changed.
await generateTemplates();

const portal = await startPortal({ port: 0, remotePort: 0 });
process.on('exit', () => portal.close());

/** Tells the tests where the sample portal listens (see test/helpers/portal.ts). */
const portalInfo = {
  name: 'sample-portal-info',
  serve(context) {
    if (context.path === '/__portal__.json') {
      return { body: JSON.stringify({ base: portal.url, remote: portal.remoteUrl }), type: 'json' };
    }
  },
};

/**
 * Any origin may read what this server serves: the builder's trial runs copied code in a sandboxed
 * page (an opaque origin) that loads the library from here, and module scripts are fetched with CORS.
 */
const allowAnyOrigin = async (context, next) => {
  await next();
  context.set('Access-Control-Allow-Origin', '*');
};

// Vega-Lite's `vega` import goes to the chart's shim, and what our runtime leaves out to its stubs, as
// in the build (packages/chart/build/rollup-vega.mjs): the charts are tested on our Vega runtime.
const vegaLiteShim = {
  name: 'vega-lite-shim',
  resolveImport({ source, context }) {
    if (source === 'vega' && context.path.includes('/node_modules/vega-lite/')) return '/packages/chart/src/vega-lite-shim.ts';
    if (Object.hasOwn(STUBBED, source) && context.path.includes(`/node_modules/${STUBBED[source]}/`)) return '/packages/chart/src/vega-stubs.ts';
    return undefined;
  },
};

const group = process.env.TEST_FILES;

export default {
  rootDir: '.',
  files: group ? group.split(',') : ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
  // 'source' resolves @culture-widgets/* to their TypeScript sources; browser picks arquero's web files
  nodeResolve: { browser: true, exportConditions: ['source', 'development'] },
  plugins: [portalInfo, vegaLiteShim, esbuildPlugin({ ts: true, tsconfig: './tsconfig.base.json', target: 'auto' })],
  middleware: [allowAnyOrigin],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, userDataDir, args: chromiumArgs },
      // One browser context (window) per test file: with concurrency > 1, a background tab of a
      // shared window gets no rendering frames, so ResizeObserver / requestAnimationFrame never fire.
      async createPage({ browser }) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        page.once('close', () => context.close().catch(() => {}));
        return page;
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
  concurrency: 2,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 20000 } },
};
