// npm run build: type declarations, per-package ESM, the CDN bundles in dist/, the pages shipped
// with them (builder, embed), the Custom Elements Manifest and the bundle size report.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { bundleSizes, formatSizeReport, lazyBreaches } from './sizes.mjs';
import { TEMPLATES, generateTemplates } from '../packages/chart/build/templates.mjs';

const run = (cmd, args, env = {}) => {
  const started = Date.now();
  execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`  ${cmd} ${args.join(' ')} — ${((Date.now() - started) / 1000).toFixed(1)} s`);
};

rmSync('dist', { recursive: true, force: true });
run('npx', ['tsc', '-b']);
run('npx', ['rollup', '-c', 'rollup.config.mjs', '--silent']);
// Vega-Lite compiled at build time (decision 0017): templates/ one folder up from the chart's code
// (packages/chart/templates for its src/ and dist/, dist/templates for the CDN's chunks/).
await generateTemplates();
cpSync(TEMPLATES, 'dist/templates', { recursive: true, filter: (file) => !file.endsWith('stamp.json') });
run('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs']);
// The published package carries the manifest, the licence and the changelog of the repository.
for (const file of ['custom-elements.json', 'LICENSE', 'CHANGELOG.md']) cpSync(file, `packages/culture-widgets/${file}`);

// Pages shipped beside the bundles: they load ./culture-widgets.js instead of ../dist/.
mkdirSync('dist', { recursive: true });
for (const page of ['builder.html', 'embed.html', 'embed.js', 'embed-resizer.js', 'preview-reporter.js', 'examples.css']) {
  const from = `examples/${page}`;
  if (!existsSync(from)) continue;
  writeFileSync(`dist/${page}`, readFileSync(from, 'utf8').replaceAll('../dist/', './'));
}

// The published package carries the CDN bundles, so the snippet's jsDelivr URL serves them.
rmSync('packages/culture-widgets/dist', { recursive: true, force: true });
cpSync('dist', 'packages/culture-widgets/dist', { recursive: true });

const sizes = bundleSizes('dist');
const report = formatSizeReport(sizes);
console.log(`\n${report}`);
writeFileSync(
  'docs/bundle-sizes.md',
  `# Bundle sizes\n\nWritten by \`npm run build\` (terser, gzip level 9). "First load" is the entry and the chunks it\nimports statically: what a page downloads before anything lazy (Vega, arquero, Leaflet CSS…).\n"With lazy" adds every chunk it may import later. \`culture-widgets.js\` holds no element: it loads each\nelement's entry when its tag appears ([decision 0014](decisions/0014-autoloader.md)). What a real\npage fetches until its widget is drawn (a line chart, a table, a map) is measured by\n\`npm run bench -- page\`. The charts' Vega is cut to what they use ([decision 0015](decisions/0015-vega-runtime.md)) and\nVega-Lite compiles them at build time ([decision 0017](decisions/0017-vega-lite-templates.md)); core's\nerror sentences, the filter and join grammars and the table's extras load when first used ([decision 0016](decisions/0016-sentences-on-demand.md)).\nThe floor under every data element's first load (an element that draws nothing) is measured by\n\`npm run bench -- table-size\` ([decision 0018](decisions/0018-first-load-floor.md)).\n\n${report}\n`,
);

// Shaping (expressions, computed columns, measures, joins: decision 0013) and the file path
// (decision 0007) load with the first query that needs them; a static import anywhere in the
// shared code would put them in every table's first load without a test noticing.
const lazyOnly = /packages\/core\/src\/(expression|compute|measures|join|shape|shape-local|shape-arquero|file-path|file|parse|local|arquero-engine|spreadsheet|parquet|xml)\.ts$/;
// Core's sentences load with the first error or note worded in a language, the closest values
// with the first filter that matched nothing (decision 0016): no element's first load holds them;
// nor the table's the virtual body (`height`) and the CSV download, loaded when first used.
const everyElement = /packages\/core\/src\/(messages-fr|messages-en|suggest)\.ts$/;
const tableLater = /packages\/table\/src\/(virtual|download)\.ts$/;
const elements = ['culture-table.js', 'culture-chart.js', 'culture-map.js', 'culture-kpi.js', 'culture-source.js', 'culture-builder.js'];
const any = (...rules) => new RegExp(rules.map((rule) => rule.source).join('|'));
const breaches = lazyBreaches('dist', {
  ...Object.fromEntries(elements.map((entry) => [entry, everyElement])),
  'culture-table.js': any(lazyOnly, everyElement, tableLater),
  'culture-source.js': any(lazyOnly, everyElement),
});
if (breaches.length) {
  console.error(`\n${breaches.join('\n')}`);
  process.exit(1);
}
