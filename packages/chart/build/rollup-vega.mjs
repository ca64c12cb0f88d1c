// Rollup plugin: the Vega runtime of our own composition (docs/decisions/0015-vega-runtime.md).
//  - Vega-Lite imports four helpers from `vega`, which would bring the whole of Vega (every
//    transform registered) back: its `vega` import is pointed at src/vega-lite-shim.ts.
//  - vega-transforms, vega-encode and vega-view-transforms ship one file each whose classes rollup
//    cannot drop (`inherits(…)` calls at the top level): their per-class sources are used instead,
//    declared free of side effects, so only the transforms src/vega-runtime.ts registers are kept.
//
//   import { vegaRuntime } from './packages/chart/build/rollup-vega.mjs';
//   plugins: [vegaRuntime(), resolve(), …]   // before node-resolve
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SHIM = fileURLToPath(new URL('../src/vega-lite-shim.ts', import.meta.url));
const STUBS = fileURLToPath(new URL('../src/vega-stubs.ts', import.meta.url));
/** Imports of Vega's packages our charts never run (src/vega-stubs.ts): package → its importer. */
export const STUBBED = { 'd3-geo': 'vega-functions', 'topojson-client': 'vega-loader', 'vega-event-selector': 'vega-parser' };
const FULL = fileURLToPath(new URL('./full-vega.mjs', import.meta.url));
const PER_CLASS = ['vega-transforms', 'vega-encode', 'vega-view-transforms'];
const PER_CLASS_SOURCES = /[\\/]node_modules[\\/]vega-(transforms|encode|view-transforms)[\\/](index\.js|src[\\/])/;

/** `full`: the whole `vega` bundle instead, as before the cut (the benchmark's baseline). */
export function vegaRuntime({ full = false } = {}) {
  return {
    name: 'culture-vega-runtime',
    async resolveId(source, importer, options) {
      if (full) return source === './vega-runtime.js' && importer?.endsWith('renderer.ts') ? FULL : null;
      if (source === 'vega' && importer && /[\\/]node_modules[\\/]vega-lite[\\/]/.test(importer)) return SHIM;
      if (Object.hasOwn(STUBBED, source) && importer?.includes(`/node_modules/${STUBBED[source]}/`)) return STUBS;
      if (!PER_CLASS.includes(source)) return null;
      // the package's `exports` names its bundled build only: its index.js sits two folders up
      const build = await this.resolve(source, importer, { ...options, skipSelf: true });
      return build && { id: join(dirname(build.id), '..', 'index.js'), moduleSideEffects: false };
    },
    transform(code, id) {
      return !full && PER_CLASS_SOURCES.test(id) ? { code, map: null, moduleSideEffects: false } : null;
    },
  };
}
