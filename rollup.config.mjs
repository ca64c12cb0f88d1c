// Two kinds of output (docs/ARCHITECTURE.md):
//  lib — per-package unbundled ESM for npm (dependencies external, .d.ts from `tsc -b`);
//  cdn — the bundles under dist/: one entry per element plus everything, sharing chunks, so a
//        table-only page never downloads Vega or Leaflet, and Vega / arquero load only when used.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
// emits core's parse worker as its own chunk and points core at it (docs/decisions/0004-parse-in-a-worker.md)
import { parseWorker } from './packages/core/build/rollup-parse-worker.mjs';
// the charts' Vega: only the transforms they use, Vega-Lite's `vega` import on a shim (docs/decisions/0015-vega-runtime.md)
import { vegaRuntime } from './packages/chart/build/rollup-vega.mjs';
// the CSS of our lit `css` templates without indentation and comments
import { minifyCss } from './scripts/rollup-minify-css.mjs';

const only = process.env.ONLY; // lib | cdn
export const packages = ['core', 'ui', 'table', 'chart', 'map', 'kpi', 'source', 'builder', 'culture-widgets'];
export const cdnEntries = {
  'culture-widgets': 'packages/culture-widgets/src/index.ts',
  'culture-table': 'packages/culture-widgets/src/table.ts',
  'culture-chart': 'packages/culture-widgets/src/chart.ts',
  'culture-map': 'packages/culture-widgets/src/map.ts',
  'culture-kpi': 'packages/culture-widgets/src/kpi.ts',
  'culture-source': 'packages/culture-widgets/src/source.ts',
  'culture-builder': 'packages/culture-widgets/src/builder.ts',
};

// `browser` picks arquero's and vega-loader's web files; `source` resolves @culture-widgets/* to src.
const resolve = () => nodeResolve({ browser: true, exportConditions: ['source'], extensions: ['.mjs', '.js', '.ts'] });

// rollup-plugin-esbuild resolves relative imports itself, which silently skips package "browser"
// maps (arquero's node:fs byte stream): only let it resolve imports from our own sources.
const ts = () => {
  const plugin = esbuild({ target: 'es2022', sourceMap: true, tsconfig: 'tsconfig.base.json' });
  const resolveId = plugin.resolveId;
  plugin.resolveId = function (id, importer, opts) {
    if (importer?.includes('/node_modules/')) return null;
    return resolveId.call(this, id, importer, opts);
  };
  return plugin;
};

const onwarn = (warning, warn) => {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.ids?.[0] ?? warning.message)) return;
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

const lib = packages.map((name) => {
  const pkg = JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  return {
    // index.ts (classes, no side effects) and the culture-*.ts files that register the tags
    input: readdirSync(`packages/${name}/src`)
      .filter((f) => f === 'index.ts' || /^culture-[\w-]+\.ts$/.test(f) || (name === 'culture-widgets' && f.endsWith('.ts')))
      .map((f) => `packages/${name}/src/${f}`),
    external: (id) => deps.some((d) => id === d || id.startsWith(`${d}/`)),
    plugins: [resolve(), parseWorker(), ts()],
    output: {
      // the umbrella's dist/ holds the CDN bundles (cdn.jsdelivr.net/npm/culture-widgets/dist/…)
      dir: `packages/${name}/${name === 'culture-widgets' ? 'lib' : 'dist'}`,
      format: 'es',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: `packages/${name}/src`,
    },
    onwarn,
  };
});

const cdn = {
  input: Object.fromEntries(Object.entries(cdnEntries).filter(([, file]) => existsSync(file))),
  plugins: [
    // BENCH_FULL_VEGA=1: the whole of vega, the benchmark's baseline (bench/chart-runtime.mjs)
    vegaRuntime({ full: !!process.env.BENCH_FULL_VEGA }),
    resolve(),
    commonjs(),
    parseWorker(),
    minifyCss(),
    ts(),
    terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ],
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  onwarn,
};

export default only === 'lib' ? lib : only === 'cdn' ? cdn : [...lib, cdn];
