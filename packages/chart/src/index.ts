/**
 * @culture-widgets/chart — <culture-chart> and the pure functions behind it. Classes only:
 * `@culture-widgets/chart/culture-chart.js` registers the tag.
 *
 *   attributes ─resolveChart─▶ ResolvedChart ─chartQuery─▶ Query ─(core runQuery)─▶ rows
 *   rows ─toChartData─▶ ChartData ─buildChartSpec─▶ Vega-Lite spec ─(renderer: vl.compile ▶ vega View)─▶ SVG
 *        (editorial.ts:          ├─describeChart─▶ text alternative
 *         cumulative, highlight, └─chartTable─▶ the data table twin and its CSV
 *         references)
 */
export { CultureChart } from './chart.js';
export { VegaRenderer, createView, loadVega, renderImage } from './renderer.js';
export * from './options.js';
export * from './data.js';
export * from './spec.js';
export * from './theme.js';
export * from './titles.js';
export * from './describe.js';
export * from './editorial.js';
export * from './twin.js';
export * from './keyboard.js';
export { vegaLocale, formatRoundedNumber } from './locale.js';
export { chartMessages, type ChartMessages } from './messages.js';
