/**
 * What our Vega runtime leaves out although Vega's packages import it (decision 0015): the
 * expression language's geo functions (d3-geo, from vega-functions), TopoJSON files (from
 * vega-loader) and event streams (signals `on` events, from vega-parser). No chart spec uses them:
 * `test/runtime.test.ts` draws the whole matrix on this runtime. A spec that did would fail loudly
 * with this message, never draw something else.
 */
const missing = (what: string) => (): never => {
  throw new Error(`${what} is not in the charts' Vega runtime (packages/chart/src/vega-stubs.ts)`);
};

// d3-geo, for vega-functions
export const geoArea = missing('geoArea');
export const geoBounds = missing('geoBounds');
export const geoCentroid = missing('geoCentroid');
// topojson-client, for vega-loader
export const feature = missing('TopoJSON');
export const mesh = missing('TopoJSON');
// vega-event-selector, for vega-parser
export const parseSelector = missing('An event stream');
