/**
 * @culture-widgets/chart — <culture-chart> and the pure functions behind it.
 *
 *   attributes ─resolveChart─▶ ResolvedChart ─chartQuery─▶ Query ─(core runQuery)─▶ rows
 *   rows ─toChartData─▶ ChartData ─buildChartSpec─▶ Vega-Lite spec ─(renderer: vl.compile ▶ vega View)─▶ SVG
 *                                  └─describeChart─▶ text alternative
 */
export * from './options.js';
export * from './data.js';
export * from './spec.js';
export * from './describe.js';
export { vegaLocale, formatNumber } from './locale.js';
export { chartMessages, type ChartMessages } from './messages.js';
