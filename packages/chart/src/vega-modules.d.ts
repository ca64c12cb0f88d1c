// The vega-* packages the runtime is composed from ship no types: their parts that vega's own
// typings describe are typed through them.
declare module 'vega-dataflow' {
  export const transforms: Record<string, unknown>;
}
declare module 'vega-view' {
  export { View } from 'vega';
}
declare module 'vega-parser' {
  export { parse } from 'vega';
}
declare module 'vega-transforms' {
  export const aggregate: unknown, collect: unknown, compare: unknown, expression: unknown, extent: unknown, facet: unknown,
    field: unknown, filter: unknown, formula: unknown, impute: unknown, key: unknown, load: unknown, multiextent: unknown,
    multivalues: unknown, params: unknown, prefacet: unknown, proxy: unknown, relay: unknown, sequence: unknown,
    sieve: unknown, timeunit: unknown, values: unknown;
}
declare module 'vega-view-transforms' {
  export const bound: unknown, mark: unknown, overlap: unknown, render: unknown, viewlayout: unknown;
}
declare module 'vega-encode' {
  export const axisticks: unknown, datajoin: unknown, encode: unknown, legendentries: unknown, scale: unknown,
    sortitems: unknown, stack: unknown;
}
