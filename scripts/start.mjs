// npm start: build, start the sample portal, serve the examples and the builder.
//   npm start                 offline, against the built-in sample portal
//   npm start -- --live       the same pages against www.data.gouv.fr and tabular-api.data.gouv.fr
//   npm start -- --no-build   skip the build (dist/ already there)
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startPortal } from '../test/portal/server.mjs';
import { serveStatic } from './serve.mjs';

const { values } = parseArgs({
  options: {
    live: { type: 'boolean', default: false },
    build: { type: 'boolean', default: true },
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    'portal-port': { type: 'string', default: '4790' },
  },
  allowNegative: true,
});

if (values.build) execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });

// The examples name the sample portal on its fixed port; --live swaps it for the real APIs (the
// sample portal's slugs are data.gouv.fr's, so the datasets keep their names).
const SAMPLE = `http://127.0.0.1:${values['portal-port']}`;
const live = (text) => text
  .replaceAll(`${SAMPLE}/tabular/api`, 'https://tabular-api.data.gouv.fr/api')
  .replaceAll(`${SAMPLE}/api`, 'https://www.data.gouv.fr/api');

// The examples are written for the default portal port: another port (a second checkout running
// beside this one) is rewritten into them on the way out. The embed page lists the sample portal
// among the sites its links may read from (offline demo, the builder's iframe code).
const DEFAULT_SAMPLE = 'http://127.0.0.1:4790';
const offline = (text) => text
  .replaceAll(DEFAULT_SAMPLE, SAMPLE)
  .replace('<meta name="culture-widgets-hosts" content="" />', `<meta name="culture-widgets-hosts" content="${SAMPLE}" />`);
const rewrite = values.live ? live : offline;

const portal = values.live ? undefined : await startPortal({ port: Number(values['portal-port']) });
const site = await serveStatic({
  root: '.',
  port: Number(values.port),
  transform: (path, text) => (path.startsWith('/examples/') ? rewrite(text) : text),
});

console.log(`
culture-widgets is running${values.live ? ' against live data.gouv.fr' : ' offline, on the sample portal'}:
  examples  ${site.url}/examples/
  builder   ${site.url}/examples/builder.html
${portal ? `  portal    ${portal.url}/api/1/datasets/frequentation-des-musees-de-france-1/\n` : ''}Press Ctrl+C to stop.`);

const stop = () => {
  site.close();
  portal?.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
