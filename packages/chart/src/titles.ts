/** What axes, tables and captions call the chart's x and values. Pure: no DOM, no vega. */
import { isShareLine } from './editorial.js';
import { chartMessages } from './messages.js';
import { measureLabel, nameOf, type ResolvedChart } from './options.js';

/** The x axis title: `x-title`, else the column. */
export const xTitle = (chart: ResolvedChart): string => chart.xTitle ?? nameOf(chart, chart.x);

/**
 * The value axis title: `y-title`, else the measure's (or « Part cumulée » for a cumulative share
 * line). `titled: false` keeps the column's own name (the CSV of the drawn data).
 */
export function valueTitle(chart: ResolvedChart, titled = true): string {
  if (chart.yTitle) return chart.yTitle;
  return isShareLine(chart) ? chartMessages(chart.lang).cumulativeShare : measureTitle(chart, titled);
}

/** The measure's title: `Total (somme)`, `Total (somme, entrées)` with a unit, « Nombre de lignes » for a count. */
export function measureTitle(chart: ResolvedChart, titled = true): string {
  const t = chartMessages(chart.lang);
  if (chart.y.length === 1) return measureLabel(titled ? chart : { ...chart, titles: {} }, chart.y[0]!);
  const base = chart.y.length === 0 ? t.count : '';
  return chart.unit ? (base ? `${base} (${chart.unit})` : chart.unit) : base;
}
