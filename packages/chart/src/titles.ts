/** What axes, tables and captions call the chart's x and values. Pure: no DOM, no vega. */
import { isShareLine } from './editorial.js';
import { chartMessages } from './messages.js';
import type { ResolvedChart } from './options.js';

/** The x axis title: `x-title`, else the column. */
export const xTitle = (chart: ResolvedChart): string => chart.xTitle ?? chart.x;

/** The value axis title: `y-title`, else the measure's (or « Part cumulée » for a cumulative share line). */
export function valueTitle(chart: ResolvedChart): string {
  if (chart.yTitle) return chart.yTitle;
  return isShareLine(chart) ? chartMessages(chart.lang).cumulativeShare : measureTitle(chart);
}

/** The measure's title: `total (somme)`, `total (somme, entrées)` with a unit, « Nombre de lignes » for a count. */
export function measureTitle(chart: ResolvedChart): string {
  const t = chartMessages(chart.lang);
  if (chart.y.length === 1) return t.measure(chart.y[0]!, chart.aggregate, chart.unit);
  const base = chart.y.length === 0 ? t.count : '';
  return chart.unit ? (base ? `${base} (${chart.unit})` : chart.unit) : base;
}
