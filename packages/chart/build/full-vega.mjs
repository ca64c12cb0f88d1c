// The whole `vega` bundle in the place of src/vega-runtime.ts: the baseline `npm run bench -- chart`
// builds to measure the cut runtime against (rollup-vega.mjs, `full: true`).
export { View, Warn, parse } from 'vega';
