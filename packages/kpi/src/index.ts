/**
 * @culture-widgets/kpi — <culture-kpi> (a key figure) and <culture-kpi-row> (tiles side by side),
 * and the pure functions behind them. Classes only: `@culture-widgets/kpi/culture-kpi.js`
 * registers the tags.
 *
 *   value, filter, compare, trend ─planKpi─▶ KpiPlan (one grouped query when they fit one)
 *   answers ─readFigure─▶ KpiFigure { value, base, trend } ─compareFigure─▶ change or share
 *                                     └─formatFigure, comparisonText, describeKpi, sparkline─▶ the tile
 */
export { CultureKpi } from './kpi.js';
export { CultureKpiRow } from './kpi-row.js';
export * from './figure.js';
export * from './text.js';
export { kpiMessages, kpiErrors, type KpiMessages } from './messages.js';
