/**
 * The chart's editorial tools, applied to the tidy values `toChartData` prepared: running totals
 * and cumulative shares (`cumulative`), the marks kept in colour (`highlight`), and the reference
 * rules (`reference`). Pure: no DOM, no vega.
 */
import { foldText as fold, formatPercent, mean, median, rowMatcher, type ColumnInfo } from '@culture-widgets/core';
import type { ChartDatum, ReferenceLine } from './data.js';
import { formatRoundedNumber } from './locale.js';
import { chartMessages } from './messages.js';
import type { ResolvedChart } from './options.js';

/** `cumulative="share"` on a line or an area: y is the share reached (0–1), not a value. */
export const isShareLine = (chart: ResolvedChart): boolean =>
  chart.cumulative === 'share' && (chart.type === 'line' || chart.type === 'area');

const lineKey = (v: ChartDatum): string => `${v.series ?? ''}\u0000${v.facet ?? ''}`;

/**
 * `cumulative`, along the values' current order (categories as ranked, « Autres » last; time
 * ascending). `sum`: y becomes the running total of each series. `share` on a line or an area: y
 * becomes the share of the series' total reached. `share` on bars (a Pareto): the bars keep their
 * values and each category gets the share of the whole reached with it (`hidden`: « Autres » left
 * off the drawing still counts in the whole).
 */
export function accumulate(values: ChartDatum[], chart: ResolvedChart, hidden: number): void {
  if (chart.cumulative === 'share' && !isShareLine(chart)) return pareto(values, hidden);
  const totals = new Map<string, number>();
  if (chart.cumulative === 'share') for (const v of values) totals.set(lineKey(v), (totals.get(lineKey(v)) ?? 0) + (v.y ?? 0));
  const running = new Map<string, number>();
  for (const v of values) {
    const key = lineKey(v);
    const sum = (running.get(key) ?? 0) + (v.y ?? 0);
    running.set(key, sum);
    v.value = v.y;
    const total = totals.get(key) ?? 0;
    v.y = chart.cumulative === 'sum' ? sum : total ? sum / total : null;
  }
}

/** The share of the whole reached at each category, per small multiple, in display order. */
function pareto(values: ChartDatum[], hidden: number): void {
  const perX = new Map<string, { facet: string; total: number; first: ChartDatum }>();
  const wholes = new Map<string, number>();
  for (const v of values) {
    const facet = v.facet ?? '';
    const key = `${facet}\u0000${String(v.x)}`;
    const entry = perX.get(key);
    if (entry) entry.total += v.y ?? 0;
    else perX.set(key, { facet, total: v.y ?? 0, first: v });
    wholes.set(facet, (wholes.get(facet) ?? 0) + (v.y ?? 0));
  }
  const running = new Map<string, number>();
  const shares = new Map<string, number>();
  for (const [key, { facet, total, first }] of perX) {
    const sum = (running.get(facet) ?? 0) + total;
    running.set(facet, sum);
    const whole = (wholes.get(facet) ?? 0) + (facet ? 0 : hidden);
    shares.set(key, whole ? sum / whole : 0);
    first.paretoPoint = true;
  }
  for (const v of values) v.cumShare = shares.get(`${v.facet ?? ''}\u0000${String(v.x)}`);
}



/**
 * Flags each value `highlight: true | false`. Values named in `highlight` match x, the group, a
 * scatter point's name, the facet or the measure (case and accents aside); a filter expression is
 * tested on the drawn fields (`total > 1000000` on the value). « Autres » never matches. When the
 * match is whole series, they are returned: the legend greys the others.
 */
export function markHighlight(values: ChartDatum[], chart: ResolvedChart): { found: boolean; series: string[] } {
  const highlight = chart.highlight!;
  let test: (v: ChartDatum) => boolean;
  if ('values' in highlight) {
    const wanted = new Set(highlight.values.map(fold));
    test = (v) => [String(v.x), v.group, v.label, v.facet, v.measure].some((c) => c !== undefined && wanted.has(fold(c)));
  } else {
    const { columns, rowOf } = drawnFields(chart);
    const matches = rowMatcher(highlight.clauses, columns);
    test = (v) => matches(rowOf(v));
  }
  let found = false;
  const bySeries = new Map<string, { all: boolean; any: boolean }>();
  for (const v of values) {
    v.highlight = !v.other && !v.otherSeries && test(v);
    found ||= v.highlight;
    if (v.series === undefined) continue;
    const s = bySeries.get(v.series) ?? { all: true, any: false };
    s.all &&= v.highlight;
    s.any ||= v.highlight;
    bySeries.set(v.series, s);
  }
  // nothing drawn matches: nothing is greyed (the note says why)
  if (!found) for (const v of values) delete v.highlight;
  const whole = [...bySeries.values()].every((s) => s.all || !s.any);
  const series = whole && found ? [...bySeries].filter(([, s]) => s.all).map(([name]) => name) : [];
  return { found, series };
}

/** The drawn fields under their column names, typed, so a filter expression can test a datum. */
function drawnFields(chart: ResolvedChart): { columns: ColumnInfo[]; rowOf: (v: ChartDatum) => Record<string, string | number | null> } {
  const count = chartMessages(chart.lang).count;
  const measures = chart.y.length ? chart.y : [count];
  const xType = chart.xKind === 'temporal' ? 'date' : chart.xKind === 'nominal' ? 'string' : 'number';
  const columns: ColumnInfo[] = [
    { name: chart.x, type: xType },
    ...(chart.group ? [{ name: chart.group, type: 'string' as const }] : []),
    ...(chart.facet ? [{ name: chart.facet, type: 'string' as const }] : []),
    // a scatter of groups aggregates x too: its name is taken already
    ...measures.filter((m) => m !== chart.x).map((name) => ({ name, type: 'number' as const })),
  ];
  const rowOf = (v: ChartDatum) => {
    const row: Record<string, string | number | null> = { [chart.x]: v.x };
    if (chart.group) row[chart.group] = v.group ?? v.label ?? null;
    if (chart.facet) row[chart.facet] = v.facet ?? null;
    for (const m of measures) if (m !== chart.x) row[m] = measures.length === 1 || v.measure === m ? v.y : null;
    return row;
  };
  return { columns, rowOf };
}

/**
 * The drawn values a mean or a median is taken over: the values, or the height of each stack
 * when series are stacked; « Autres » (a sum of many) is left out.
 */
function referenceBase(values: ChartDatum[], chart: ResolvedChart): number[] {
  const drawn = values.filter((v) => v.y !== null && !v.other && !v.otherSeries);
  if (chart.stack !== 'zero' || !drawn.some((v) => v.series !== undefined)) return drawn.map((v) => v.y!);
  const stacks = new Map<string, number>();
  for (const v of drawn) stacks.set(`${String(v.x)}\u0000${v.facet ?? ''}`, (stacks.get(`${String(v.x)}\u0000${v.facet ?? ''}`) ?? 0) + v.y!);
  return [...stacks.values()];
}

/** `reference`: each rule's value (the mean and median of the drawn values) and its label. */
export function referenceLines(values: ChartDatum[], chart: ResolvedChart): ReferenceLine[] {
  if (!chart.references.length) return [];
  const t = chartMessages(chart.lang);
  const base = referenceBase(values, chart);
  const sep = chart.lang === 'en' ? ': ' : '\u00a0: ';
  const format = (n: number) =>
    isShareLine(chart)
      ? formatPercent(n, chart.lang)
      : formatRoundedNumber(n, chart.lang) + (chart.unit ? `\u00a0${chart.unit}` : '');
  const lines: ReferenceLine[] = [];
  for (const ref of chart.references) {
    const value = ref.kind === 'mean' ? mean(base) : ref.kind === 'median' ? median(base) : ref.value!;
    if (value === null || value === undefined) continue;
    const name = ref.label ?? (ref.kind === 'value' ? '' : t.referenceName[ref.kind]);
    lines.push({ value, name: name || format(value), text: name ? `${name}${sep}${format(value)}` : format(value) });
  }
  return lines;
}
