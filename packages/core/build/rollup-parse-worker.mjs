// Rollup plugin: emits core's parse worker as its own chunk and points worker-client.ts at it.
// `import.meta.ROLLUP_FILE_URL_<ref>` becomes the worker's URL relative to whichever chunk the
// client code lands in, so it holds for the npm build (preserveModules), the CDN bundles
// (entries at dist/, shared code in dist/chunks/) and a bundle served from another origin
// (worker-client.ts then starts it through a same-origin blob: module).
//
//   import { parseWorker } from './packages/core/build/rollup-parse-worker.mjs';
//   plugins: [resolve(), parseWorker(), ts(), …]   // before the TypeScript plugin
import { fileURLToPath } from 'node:url';

const MARKER = "'__CULTURE_PARSE_WORKER__'";
const WORKER = fileURLToPath(new URL('../src/parse-worker.ts', import.meta.url));

export function parseWorker({ fileName } = {}) {
  return {
    name: 'culture-parse-worker',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/core/src/worker-client.ts') || !code.includes(MARKER)) return null;
      const ref = this.emitFile({ type: 'chunk', id: WORKER, ...(fileName ? { fileName } : { name: 'parse-worker' }) });
      return { code: code.replace(MARKER, `import.meta.ROLLUP_FILE_URL_${ref}`), map: null };
    },
  };
}
