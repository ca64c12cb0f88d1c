/**
 * The chart's text alternative, generated from the drawn data: what is shown, the range, the
 * maximum and minimum, the trend and the latest value. Pure: no DOM, no vega.
 */
import type { Lang } from '@culture-widgets/core';
import { xLabel, type ChartData, type ChartDatum } from './data.js';
import { formatNumber } from './locale.js';
import { chartMessages } from './messages.js';
import type { ResolvedChart } from './options.js';

/** Changes smaller than this share of the first value read as "stable". */
const FLAT = 0.02;

export function describeChart(data: ChartData, chart: ResolvedChart, lang: Lang = chart.lang): string {
  const t = chartMessages(lang).describe;
  const m = chartMessages(lang);
  const measure = chart.y.length === 0 ? m.count : chart.y.length === 1 ? m.measure(chart.y[0]!, chart.aggregate) : chart.y.join(', ');
  const by = chart.type === 'scatter' ? undefined : [chart.x, chart.group].filter(Boolean).join(', ');
  const parts = [t.shows(m.typeName[chart.type], chart.unit ? `${measure} (${chart.unit})` : measure, by)];
  const points = data.values.filter((v) => v.y !== null);
  if (points.length === 0) return [...parts, t.noData].join(' ');
  const num = (n: number) => formatNumber(n, lang) + (chart.unit ? `\u00a0${chart.unit}` : '');
  const at = (v: ChartDatum) => [xLabel(v.x, chart), v.series, v.facet].filter(Boolean).join(', ');

  if (data.series.length > 1) parts.push(t.series(data.series.length));
  const ordered = chart.xKind !== 'nominal' && chart.type !== 'scatter';
  if (!ordered) {
    const categories = new Set(data.values.map((v) => String(v.x))).size;
    if (chart.type !== 'scatter') parts.push(t.categories(categories));
  }
  // Across series, an additive measure is described by its total per x; otherwise point by point.
  const additive = chart.aggregate === 'sum' || chart.aggregate === 'count';
  const line = ordered && data.series.length > 1 && additive ? totalsPerX(points) : points;
  const sorted = ordered ? [...line].sort((a, b) => compare(a.x, b.x)) : line;
  if (ordered) parts.push(t.range(xLabel(sorted[0]!.x, chart), xLabel(sorted[sorted.length - 1]!.x, chart)));
  const max = sorted.reduce((a, b) => ((b.y ?? -Infinity) > (a.y ?? -Infinity) ? b : a));
  const min = sorted.reduce((a, b) => ((b.y ?? Infinity) < (a.y ?? Infinity) ? b : a));
  parts.push(t.max(num(max.y!), at(max)), t.min(num(min.y!), at(min)));
  if (ordered && (data.series.length <= 1 || additive) && sorted.length > 1) {
    const first = sorted[0]!.y!;
    const last = sorted[sorted.length - 1]!;
    const change = first === 0 ? 0 : (last.y! - first) / Math.abs(first);
    const pct = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { style: 'percent', maximumFractionDigits: 0, signDisplay: 'always' }).format(change);
    parts.push(Math.abs(change) < FLAT ? t.trendFlat : change > 0 ? t.trendUp(pct) : t.trendDown(pct));
    parts.push(t.latest(num(last.y!), at(last)));
  }
  if (data.folded > 0) parts.push(t.others(data.folded));
  return parts.join(' ');
}

function totalsPerX(points: ChartDatum[]): ChartDatum[] {
  const sums = new Map<string, ChartDatum>();
  for (const p of points) {
    const key = String(p.x);
    const s = sums.get(key);
    if (s) s.y = (s.y ?? 0) + (p.y ?? 0);
    else sums.set(key, { x: p.x, y: p.y, order: p.order });
  }
  return [...sums.values()];
}

const compare = (a: ChartDatum['x'], b: ChartDatum['x']): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));

