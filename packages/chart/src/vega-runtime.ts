/**
 * The Vega our charts run on: the view, the parser and the renderers of the vega-* packages, with
 * only the transforms the compiled specs use registered (docs/decisions/0015-vega-runtime.md). The
 * `vega` bundle registers every transform Vega has (force, geo, hierarchy, voronoi, wordcloud,
 * regression, label, crossfilter…): 50 KiB gzip the charts never run. A spec needing a transform
 * missing here fails to parse (« Unrecognized transform type »); `test/runtime.test.ts` compiles
 * every type × option and names it. To add one: import it from its package and list it below.
 */
import { transforms } from 'vega-dataflow';
import {
  aggregate, collect, compare, expression, extent, facet, field, filter, formula, impute, key, load, multiextent,
  multivalues, params, prefacet, proxy, relay, sequence, sieve, timeunit, values,
} from 'vega-transforms';
import { bound, mark, overlap, render, viewlayout } from 'vega-view-transforms';
import { axisticks, datajoin, encode, legendentries, scale, sortitems, stack } from 'vega-encode';

/** Transform type → its operator: what the parser creates (collect, sieve, scale…) and what Vega-Lite compiles to. */
export const TRANSFORMS: Readonly<Record<string, unknown>> = {
  // data transforms Vega-Lite writes for our specs
  aggregate, filter, formula, impute, sequence, stack, timeunit,
  // operators the parser itself creates
  collect, compare, expression, extent, facet, field, key, load, multiextent, multivalues, params, prefacet, proxy,
  relay, sieve, values, axisticks, datajoin, encode, legendentries, scale, sortitems, bound, mark, overlap, render,
  viewlayout,
};
Object.assign(transforms, TRANSFORMS);

export { View } from 'vega-view';
export { parse } from 'vega-parser';
export { Warn } from 'vega-util';
