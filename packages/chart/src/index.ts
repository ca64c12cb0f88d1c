/**
 * @culture-widgets/chart — <culture-chart> and the pure functions behind it. Classes only:
 * `@culture-widgets/chart/culture-chart.js` registers the tag.
 *
 *   attributes ─resolveChart─▶ ResolvedChart ─chartQuery─▶ Query ─(core runQuery)─▶ rows
 *   rows ─toChartData─▶ ChartData ─buildChartSpec─▶ Vega-Lite spec ─(renderer: vl.compile ▶ vega View)─▶ SVG
 *                                  └─describeChart─▶ text alternative
 */
export { CultureChart } from './chart.js';
export { VegaRenderer, loadVega, renderImage } from './renderer.js';
export * from './options.js';
export * from './data.js';
export * from './spec.js';
export * from './describe.js';
export { vegaLocale, formatRoundedNumber } from './locale.js';
export { chartMessages, type ChartMessages } from './messages.js';
