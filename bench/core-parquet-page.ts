// The page of bench/core-parquet.mjs: core's `load` on the sample portal, timed in the browser.
import { clearCaches, configureCore, load, type Query, type SourceSpec } from '../packages/core/src/index.js';

const api = {
  async run(spec: SourceSpec, query: Query, parquetFrom: number) {
    clearCaches();
    configureCore({ parquetFrom });
    const t0 = performance.now();
    const result = await load(spec, query);
    return { ms: performance.now() - t0, path: result.path, groups: result.rows.length, first: result.rows[0] };
  },
};

(window as unknown as { bench: typeof api }).bench = api;
