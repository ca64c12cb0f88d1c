/**
 * The chart's text alternative, generated from the drawn data: what is shown, the range, the
 * maximum and minimum, the trend and the latest value. Pure: no DOM, no vega.
 */
import { formatNumber, formatPercent, type Lang } from '@culture-widgets/core';
import { xLabel, type ChartData, type ChartDatum } from './data.js';
import { isShareLine } from './editorial.js';
import { formatRoundedNumber } from './locale.js';
import { chartMessages } from './messages.js';
import { measureLabel, nameOf, type ResolvedChart } from './options.js';
import { sumsOnly } from './shaping.js';

/** Changes smaller than this share of the first value read as "stable". */
const FLAT = 0.02;

export function describeChart(data: ChartData, chart: ResolvedChart, lang: Lang = chart.lang): string {
  const t = chartMessages(lang).describe;
  const m = chartMessages(lang);
  const names = chart.y.length === 0 ? m.count : chart.y.map((n) => nameOf(chart, n)).join(', ');
  const measure = chart.y.length === 1 ? measureLabel(chart, chart.y[0]!) : chart.unit ? `${names} (${chart.unit})` : names;
  const by = chart.type === 'scatter' ? (chart.byGroup ? measureLabel(chart, chart.x) : nameOf(chart, chart.x)) : [chart.x, chart.group].filter((n): n is string => !!n).map((n) => nameOf(chart, n)).join(', ');
  const parts = [t.shows(m.typeName[chart.type], measure, by)];
  const points = data.values.filter((v) => v.y !== null);
  if (points.length === 0) return [...parts, t.noData].join(' ');
  if (chart.byGroup) parts.push(t.groupPoints(points.length, nameOf(chart, chart.group!)));
  if (chart.cumulative === 'sum') parts.push(t.cumulativeSum);
  if (isShareLine(chart)) parts.push(t.cumulativeShareLine);
  const num = (n: number) => formatRoundedNumber(n, lang) + (chart.unit ? `\u00a0${chart.unit}` : '');
  const sep = lang === 'en' ? ': ' : '\u00a0: ';
  const at = (v: ChartDatum) =>
    [v.label, chart.type === 'scatter' ? `${nameOf(chart, chart.x)}${sep}${xLabel(v.x, chart)}` : xLabel(v.x, chart), v.series, v.facet].filter(Boolean).join(', ');

  if (data.series.length > 1) parts.push(t.series(data.series.length));
  const ordered = chart.xKind !== 'nominal' && chart.type !== 'scatter';
  if (chart.type === 'scatter' && !chart.byGroup) parts.push(t.points(points.length));
  else if (!ordered) parts.push(t.categories(new Set(data.values.map((v) => String(v.x))).size));
  // Several series or small multiples of an additive measure are described by their total per x.
  const several = data.series.length > 1 || !!chart.facet;
  // measures add up only when each is a sum (`payant, gratuit`), not `mean(total), max(total)`
  const additive = (chart.aggregate === 'sum' || chart.aggregate === 'count') && (!chart.measures || sumsOnly(chart.measures, chart.aggregate));
  const totals = ordered && several && additive;
  const line = totals ? totalsPerX(points) : points;
  const sorted = ordered ? [...line].sort((a, b) => compare(a.x, b.x)) : line;
  if (ordered) parts.push(t.range(xLabel(sorted[0]!.x, chart), xLabel(sorted[sorted.length - 1]!.x, chart)));
  // no such value is drawn: a reader must know these are totals, not one series' values
  if (totals && !isShareLine(chart)) parts.push(t.totals);
  // « Autres » is a sum of many, « (vide) » no value at all: neither is the largest nor the smallest of anything.
  // a cumulative share always climbs to 100 %: its extremes and trend say nothing
  const candidates = isShareLine(chart) ? [] : sorted.filter((v) => !v.other && !v.otherSeries && v.x !== m.empty);
  if (candidates.length) {
    const max = candidates.reduce((a, b) => (b.y! > a.y! ? b : a));
    const min = candidates.reduce((a, b) => (b.y! < a.y! ? b : a));
    parts.push(t.max(num(max.y!), at(max)), t.min(num(min.y!), at(min)));
  }
  if (ordered && (!several || additive) && sorted.length > 1 && !isShareLine(chart)) {
    const first = sorted[0]!.y!;
    const last = sorted[sorted.length - 1]!;
    const change = first === 0 ? 0 : (last.y! - first) / Math.abs(first);
    const pct = formatNumber(change, lang, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'always' });
    parts.push(Math.abs(change) < FLAT ? t.trendFlat : change > 0 ? t.trendUp(pct) : t.trendDown(pct));
    parts.push(t.latest(num(last.y!), at(last)));
  }
  parts.push(...editorial(data, chart, lang));
  if (data.folded > 0) parts.push(t.others(data.folded));
  if (data.foldedSeries > 0) parts.push(t.otherSeries(data.foldedSeries));
  if (data.otherHidden !== undefined) parts.push(t.otherHidden(num(data.otherHidden)));
  return parts.join(' ');
}

/** What the editorial options add: the delta order, the Pareto share, the highlight, the reference rules. */
function editorial(data: ChartData, chart: ResolvedChart, lang: Lang): string[] {
  const t = chartMessages(lang).describe;
  const out: string[] = [];
  if ((chart.sort === 'delta' || chart.sort === '-delta') && data.series.length > 1) {
    const natural = chart.group ? [...data.series].sort((a, b) => a.localeCompare(b, 'fr', { numeric: true })) : data.series;
    out.push(t.delta(natural[0]!, natural[natural.length - 1]!, chart.sort === '-delta'));
  }
  if (chart.cumulative === 'share' && !isShareLine(chart)) {
    // how many categories make 80 % of the whole (or all of them, and what they reach)
    const steps = [...new Map(data.values.filter((v) => v.paretoPoint && !v.facet).map((v) => [String(v.x), v.cumShare ?? 0])).values()];
    const k = steps.findIndex((share) => share >= 0.8);
    const reached = k < 0 ? (steps[steps.length - 1] ?? 0) : steps[k]!;
    if (steps.length) out.push(t.pareto(percent(reached, lang), k < 0 ? steps.length : k + 1, steps.length));
  }
  if (chart.highlight && !data.highlightMissing) out.push(t.highlight(highlighted(data, chart, lang)));
  if (data.references.length) out.push(t.references(data.references.map((r) => r.text)));
  return out;
}

/** What the highlight keeps in colour: the series, else the values named, else the expression. */
function highlighted(data: ChartData, chart: ResolvedChart, lang: Lang): string {
  if (data.highlightSeries?.length) return data.highlightSeries.join(', ');
  const marks = data.values.filter((v) => v.highlight);
  const names = [...new Set(marks.map((v) => v.label ?? xLabel(v.x, chart)))];
  if (names.length <= 5) return names.join(', ');
  return `${chart.highlight!.text} (${formatNumber(marks.length, lang)})`;
}

const percent = (n: number, lang: Lang): string => formatPercent(n, lang, { digits: 0 });

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

