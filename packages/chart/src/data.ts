/**
 * The chart's side of the data: which Query to ask core for (so the server aggregates when it
 * can), and how the answer becomes the tidy rows the spec draws (series, « Autres », order).
 * Pure: no DOM, no vega.
 */
import { aggregateName, cellNumber, formatNumber, formatPercent } from '@culture-widgets/core';
import type { Aggregate, AggregateOp, Cell, FilterClause, Query, Row } from '@culture-widgets/core';
import { formatRoundedNumber } from './locale.js';
import { chartMessages } from './messages.js';
import { measureLabel, nameOf, type ChartWarning, type ResolvedChart, type TimeUnit } from './options.js';
import { accumulate, isShareLine, markHighlight, referenceLines } from './editorial.js';

/** Raw points a scatter plot draws at most (never the whole of a 500k-row resource). */
export const SCATTER_MAX_POINTS = 5000;
/** Groups asked for at most: enough to fold a top N, bounded whatever the column. */
export const MAX_GROUPS = 10000;

/** One drawn value, under fixed field names (column names may hold dots, brackets, quotes…). */
export interface ChartDatum {
  x: string | number | null;
  y: number | null;
  /** Series: the group value and/or the measure's name. */
  series?: string;
  facet?: string;
  /** Rank of the category on the ordered axis (0 first); « Autres » is always last. */
  order: number;
  /** Rank of the series in the legend (0 first). */
  rank?: number;
  /** Rank of the small multiple (largest first, « Autres » last). */
  facetRank?: number;
  /** The « Autres » category (drawn in the neutral colour). */
  other?: boolean;
  /** The « Autres » series. */
  otherSeries?: boolean;
  /** Share of the whole (pie and donut slices). */
  share?: number;
  /** The value of `group` this datum belongs to (a series may also name the measure). */
  group?: string;
  /** The measure's column, when several are drawn. */
  measure?: string;
  /** A scatter of groups: the group value naming the point. */
  label?: string;
  /** `highlight`: drawn in colour (`false`: in grey). Absent without `highlight`. */
  highlight?: boolean;
  /** `cumulative`: the value itself (`y` then holds the running total, or share). */
  value?: number | null;
  /** `cumulative="share"` on bars: share of the whole reached at this category (0–1). */
  cumShare?: number;
  /** The one datum per x drawing the Pareto line. */
  paretoPoint?: boolean;
  /** Position in `ChartData.values`: how keyboard focus and drawn marks find each other. */
  key?: number;
  /** The query row it comes from: « Autres » recomputes an expression over the folded rows. */
  row?: number;
  /** The tooltip, as plain text lines formatted for the locale (never HTML, never an expression). */
  tip?: string;
}

/** A reference rule, computed from the drawn values. */
export interface ReferenceLine {
  value: number;
  /** What the rule is called: the author's label, else « moyenne » / « médiane » (or the number). */
  name: string;
  /** The label drawn next to the rule: `name : value`. */
  text: string;
}

export interface ChartData {
  values: ChartDatum[];
  /** Series names in legend order (empty for a single series). */
  series: string[];
  /** Categories folded into « Autres » (0 when none). */
  folded: number;
  /** Series (group values) folded into « Autres », or dropped when the aggregate cannot be combined. */
  foldedSeries: number;
  /** « Autres » left off a bar or column chart because it outgrew every kept bar (its total). */
  otherHidden?: number;
  /** `reference`, computed from the drawn values. */
  references: ReferenceLine[];
  /** `highlight` was asked but matches no drawn mark. */
  highlightMissing?: boolean;
  /** `highlight` matches whole series: the legend greys the others (else marks are greyed one by one). */
  highlightSeries?: string[];
}

/**
 * The lowest and highest values the marks reach: stacked series by their totals per x, each side
 * of 0; bars and areas from 0 (lines and points from their own values).
 */
export function valueRange(chart: ResolvedChart, data: ChartData): { min: number; max: number } {
  const stacked = chart.stack !== 'none' && data.series.length > 0;
  const fromZero = chart.type !== 'line' && chart.type !== 'scatter';
  const ends = new Map<string, { low: number; high: number }>();
  let min = fromZero ? 0 : Infinity;
  let max = fromZero ? 0 : -Infinity;
  for (const v of data.values) {
    if (v.y === null) continue;
    const key = stacked ? `${String(v.x)}\u0000${v.facet ?? ''}` : '';
    const end = stacked ? (ends.get(key) ?? { low: 0, high: 0 }) : { low: 0, high: 0 };
    if (v.y < 0) end.low += v.y;
    else end.high += v.y;
    ends.set(key, end);
    min = Math.min(min, stacked ? end.low : v.y);
    max = Math.max(max, stacked ? end.high : v.y);
  }
  return min <= max ? { min, max } : { min: 0, max: 0 };
}

/**
 * `y-min` / `y-max` that would hide drawn values: the scale widens to them (spec.ts) and this
 * says so. A 100 % stack and a cumulative share have their own 0–100 % axis.
 */
export function boundWarnings(chart: ResolvedChart, data: ChartData): ChartWarning[] {
  if (chart.stack === 'normalize' || isShareLine(chart) || (chart.yMin === undefined && chart.yMax === undefined)) return [];
  const { min, max } = valueRange(chart, data);
  const say = (n: number) => formatRoundedNumber(n, chart.lang) + (chart.unit ? `\u00a0${chart.unit}` : '');
  const warnings: ChartWarning[] = [];
  if (chart.yMin !== undefined && chart.yMin > min) warnings.push({ attribute: 'y-min', value: String(chart.yMin), reason: 'y-min-cuts', accepted: say(min) });
  if (chart.yMax !== undefined && chart.yMax < max) warnings.push({ attribute: 'y-max', value: String(chart.yMax), reason: 'y-max-cuts', accepted: say(max) });
  return warnings;
}

/** Series drawn at most before the rest is folded (the palette has 8 colours). */
export const MAX_SERIES = 8;
/** Rows of a heatmap, small multiples of a facet. */
export const MAX_HEATMAP_ROWS = 20;
export const MAX_FACETS = 12;

/** The aggregates a chart asks for: one per measure, or a row count. */
export function chartAggregates(chart: ResolvedChart): Aggregate[] {
  const op = chart.aggregate ?? 'sum';
  if (op === 'count' || chart.y.length === 0) return [{ op: 'count', as: 'count' }];
  // a scatter of groups aggregates its x too
  const columns = chart.byGroup ? [chart.x, chart.y[0]!] : chart.y;
  return columns.map((column) => ({ op, column, as: `${column}__${op}` }));
}

/**
 * The Query for core: grouped and aggregated (server-side when allowed), or, for a scatter of
 * raw points, only the needed columns and a bounded number of rows.
 */
export function chartQuery(chart: ResolvedChart, filters: FilterClause[] = []): Query {
  const keys = (chart.byGroup ? [chart.group, chart.facet] : [chart.x, chart.group, chart.facet]).filter((k): k is string => !!k);
  const base: Query = filters.length ? { filters } : {};
  const computed: Query = chart.compute ? { compute: chart.compute } : {};
  if (chart.measures) {
    // aggregate expressions: core asks the server for every aggregate they need, in one groupby
    return { ...base, ...computed, groupBy: [...new Set(keys)], measures: chart.measures.text, aggregate: chart.aggregate ?? 'sum', limit: MAX_GROUPS };
  }
  if (!chart.aggregate) {
    const notEmpty: FilterClause[] = [chart.x, ...chart.y].map((column) => ({ column, op: 'is not empty' }));
    return {
      ...base,
      filters: [...filters, ...notEmpty],
      columns: [...new Set([...keys, ...chart.y])],
      limit: SCATTER_MAX_POINTS,
    };
  }
  // a top N ranks the groups by their measure: rows without it have no rank (core adds no such
  // filter itself, so a table sorted the same way keeps every row)
  const ranked = chart.limit !== undefined && chart.y.length === 1 && chart.aggregate !== 'count';
  const notEmpty: FilterClause[] = ranked ? [{ column: chart.y[0]!, op: 'is not empty' }] : [];
  return {
    ...(filters.length || ranked ? { filters: [...filters, ...notEmpty] } : {}),
    ...computed,
    groupBy: [...new Set(keys)],
    aggregates: chartAggregates(chart),
    limit: MAX_GROUPS,
  };
}

// ---------------------------------------------------------------------------------------------

/** A cell as a value Vega plots: core's `cellNumber`, and null (a gap) for what does not read as a number. */
const toMeasure = (cell: Cell | undefined): number | null => cellNumber(cell) ?? null;

function toX(cell: Cell | undefined, chart: ResolvedChart, empty: string): string | number | null {
  if (cell == null || cell === '') return chart.xKind === 'nominal' ? empty : null;
  if (chart.xKind === 'year' || chart.xKind === 'quantitative') return toMeasure(cell);
  return String(cell);
}

const label = (cell: Cell | undefined, empty: string): string => (cell == null || cell === '' ? empty : String(cell));

/** Combines values of one folded bucket, when the aggregate allows it (a mean of means does not). */
function combiner(op: AggregateOp | undefined): ((a: number, b: number) => number) | undefined {
  if (op === 'sum' || op === 'count') return (a, b) => a + b;
  if (op === 'min') return Math.min;
  if (op === 'max') return Math.max;
  return undefined;
}

/** What core says besides the rows: how to combine groups (aggregate expressions), the natural order of x. */
export interface Shaped {
  /** Core's `combine`: the expressions over several groups (« Autres »). */
  combine?: (rows: Row[]) => Row;
  /** The values of an ordinal x (months, decades, centuries, bins) in their order. */
  order?: readonly string[];
}

/**
 * Puts the folded rows' value into a bucket (« Autres », a series or a date bucket) when the
 * measures are expressions: the same expression over those rows, never a sum of ratios.
 */
type Refold = (bucket: ChartDatum, rows: number[]) => void;

function refolder(rows: Row[], chart: ResolvedChart, combine: Shaped['combine']): Refold | undefined {
  if (!chart.measures || !combine) return undefined;
  const single = chart.y[0] ?? chart.measures.names[0]!;
  return (bucket, indices) => {
    bucket.y = toMeasure(combine(indices.map((i) => rows[i]!))[bucket.measure ?? single]);
  };
}

/** Folds values into buckets: pairwise for plain aggregates, through core's expressions otherwise. */
class Buckets {
  readonly rows = new Map<ChartDatum, number[]>();
  constructor(private readonly combine: ((a: number, b: number) => number) | undefined, private readonly refold: Refold | undefined) {}
  get foldable(): boolean {
    return !!this.combine || !!this.refold;
  }
  add(bucket: ChartDatum, v: ChartDatum): void {
    if (this.refold) this.rows.get(bucket)?.push(v.row ?? -1);
    else if (v.y !== null) bucket.y = bucket.y === null ? v.y : this.combine!(bucket.y, v.y);
  }
  open(bucket: ChartDatum, v: ChartDatum): ChartDatum {
    if (this.refold) this.rows.set(bucket, [v.row ?? -1]);
    return bucket;
  }
  close(): void {
    if (this.refold) for (const [bucket, rows] of this.rows) this.refold(bucket, rows.filter((r) => r >= 0));
  }
}

/** Query result rows → tidy chart values: one datum per (x, series, facet), ordered and folded. */
export function toChartData(rows: Row[], chart: ResolvedChart, shaped: Shaped = {}): ChartData {
  const t = chartMessages(chart.lang);
  const refold = refolder(rows, chart, shaped.combine);
  let values = chart.byGroup ? groupPoints(rows, chart, t.empty) : datums(rows, chart, t.empty, t.count);
  if (chart.timeUnit) values = bucketDates(values, chart.timeUnit, new Buckets(combiner(chart.aggregate) ?? mean, refold));
  const combine = chart.aggregate ? combiner(chart.aggregate) : undefined;
  let foldedSeries = 0;
  if (chart.group && !chart.byGroup) {
    const keep = chart.xKind !== 'nominal' && chart.limit ? chart.limit : chart.type === 'heatmap' ? MAX_HEATMAP_ROWS : MAX_SERIES;
    ({ values, folded: foldedSeries } = foldBy(values, 'series', keep, t.other, new Buckets(combine, refold)));
  }
  if (chart.facet) values = foldBy(values, 'facet', MAX_FACETS, t.other, new Buckets(combine, refold)).values;
  let folded = 0;
  let otherHidden: number | undefined;
  if (chart.xKind === 'nominal' && chart.aggregate) {
    ({ values, folded, otherHidden } = foldCategories(values, chart, t.other, new Buckets(combiner(chart.aggregate), refold), shaped.order));
  } else {
    values.sort((a, b) => compareX(a.x, b.x));
  }
  // running totals go along time, whatever the display order
  if (chart.cumulative) accumulate(values, chart, otherHidden ?? 0);
  if (chart.xKind !== 'nominal' && chart.sort === '-x') values.reverse();
  // several measures keep the order of `y` (what the author listed); groups go largest first
  const series = seriesOrder(values, isDelta(chart) || !chart.group ? naturalSeries(values, chart) : undefined);
  const rank = new Map(series.map((s, i) => [s, i]));
  const facetRank = new Map(facetOrder(values, t.other).map((f, i) => [f, i]));
  const round = chart.type === 'pie' || chart.type === 'donut';
  const whole = round ? values.reduce((sum, v) => sum + Math.max(0, v.y ?? 0), 0) : 0;
  const highlighted = chart.highlight ? markHighlight(values, chart) : undefined;
  values.forEach((v, key) => {
    if (v.series !== undefined) v.rank = rank.get(v.series) ?? 0;
    if (v.facet !== undefined) v.facetRank = facetRank.get(v.facet) ?? 0;
    if (round) v.share = whole ? Math.max(0, v.y ?? 0) / whole : 0;
    v.key = key;
    v.tip = tooltipText(v, chart);
  });
  return {
    values, series, folded, foldedSeries,
    ...(otherHidden !== undefined ? { otherHidden } : {}),
    references: referenceLines(values, chart),
    ...(highlighted && !highlighted.found ? { highlightMissing: true } : {}),
    ...(highlighted?.series.length ? { highlightSeries: highlighted.series } : {}),
  };
}

/** One datum per row and measure. */
function datums(rows: Row[], chart: ResolvedChart, empty: string, count: string): ChartDatum[] {
  const measures = chart.measures ? (chart.y.length ? chart.y : chart.measures.names) : chart.aggregate ? chartAggregates(chart).map(aggregateName) : chart.y;
  const several = measures.length > 1;
  const values: ChartDatum[] = [];
  for (const [r, row] of rows.entries()) {
    const x = toX(row[chart.x], chart, empty);
    if (x === null) continue;
    measures.forEach((m, i) => {
      const group = chart.group ? label(row[chart.group], empty) : undefined;
      const measure = several ? (chart.y[i] ?? count) : undefined;
      const series = [group, measure === undefined ? undefined : nameOf(chart, measure)].filter((p) => p !== undefined).join(' · ');
      const datum: ChartDatum = { x, y: toMeasure(row[m]), order: 0, row: r };
      if (series) datum.series = series;
      if (group !== undefined) datum.group = group;
      if (measure !== undefined) datum.measure = measure;
      if (chart.facet) datum.facet = label(row[chart.facet], empty);
      values.push(datum);
    });
  }
  return values;
}

/** A scatter of groups: one point per group, at (aggregated x, aggregated y). */
function groupPoints(rows: Row[], chart: ResolvedChart, empty: string): ChartDatum[] {
  const [xName, yName] = chart.measures ? [chart.x, chart.y[0]] : chartAggregates(chart).map(aggregateName);
  const values: ChartDatum[] = [];
  for (const row of rows) {
    const x = toMeasure(row[xName!]);
    if (x === null) continue;
    const datum: ChartDatum = { x, y: toMeasure(row[yName!]), order: 0, label: label(row[chart.group!], empty) };
    if (chart.facet) datum.facet = label(row[chart.facet], empty);
    values.push(datum);
  }
  return values;
}

const isDelta = (chart: ResolvedChart): boolean => chart.sort === 'delta' || chart.sort === '-delta';

/** Series in their own order (years ascending, measures as listed in `y`): what `sort="delta"` subtracts. */
function naturalSeries(values: ChartDatum[], chart: ResolvedChart): string[] {
  const names = [...new Set(values.map((v) => v.series).filter((s): s is string => s !== undefined))];
  if (chart.group) return names.sort((a, b) => compareX(a, b));
  const listed = new Map(values.map((v) => [v.series, v.measure === undefined ? -1 : chart.y.indexOf(v.measure)]));
  return names.sort((a, b) => listed.get(a)! - listed.get(b)!);
}

/** Legend order: the largest series first (or `natural`), « Autres » last. */
function seriesOrder(values: ChartDatum[], natural?: string[]): string[] {
  const totals = new Map<string, number>();
  const others = new Set<string>();
  for (const v of values) {
    if (v.series === undefined) continue;
    totals.set(v.series, (totals.get(v.series) ?? 0) + Math.abs(v.y ?? 0));
    if (v.otherSeries) others.add(v.series);
  }
  const weight = (s: string) => (others.has(s) ? -Infinity : (totals.get(s) ?? 0));
  if (natural) return [...natural.filter((s) => !others.has(s)), ...natural.filter((s) => others.has(s))];
  return [...totals.keys()].sort((a, b) => weight(b) - weight(a));
}

function facetOrder(values: ChartDatum[], other: string): string[] {
  const totals = new Map<string, number>();
  for (const v of values) if (v.facet !== undefined) totals.set(v.facet, (totals.get(v.facet) ?? 0) + Math.abs(v.y ?? 0));
  const weight = (f: string) => (f === other ? -Infinity : (totals.get(f) ?? 0));
  return [...totals.keys()].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
}

/**
 * Keeps the `keep` largest series (or facets) and folds the rest, per x, into « Autres » when
 * the aggregate can be combined (sum, count, min, max); otherwise the rest is dropped.
 */
function foldBy(
  values: ChartDatum[], key: 'series' | 'facet', keep: number, other: string, folding: Buckets,
): { values: ChartDatum[]; folded: number } {
  const totals = new Map<string, number>();
  for (const v of values) if (v[key] !== undefined) totals.set(v[key]!, (totals.get(v[key]!) ?? 0) + Math.abs(v.y ?? 0));
  if (totals.size <= keep) return { values, folded: 0 };
  const kept = new Set([...totals.keys()].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0)).slice(0, keep));
  const out: ChartDatum[] = [];
  const buckets = new Map<string, ChartDatum>();
  for (const v of values) {
    if (v[key] === undefined || kept.has(v[key]!)) {
      out.push(v);
      continue;
    }
    if (!folding.foldable) continue;
    const id = `${String(v.x)}\u0000${key === 'series' ? (v.facet ?? '') : (v.series ?? '')}`;
    const bucket = buckets.get(id);
    if (!bucket) buckets.set(id, folding.open({ ...v, [key]: other, ...(key === 'series' ? { otherSeries: true } : {}) }, v));
    else folding.add(bucket, v);
  }
  folding.close();
  return { values: [...out, ...buckets.values()], folded: totals.size - kept.size };
}

const mean = (a: number, b: number): number => (a + b) / 2;

/**
 * Dates grouped by day (what a server `groupby` gives) → buckets of the time unit (month, year…),
 * re-aggregated here so the spec needs no aggregate. Cyclic units (month, quarter, day) use a
 * fixed year. A mean of daily means is approximate.
 */
function bucketDates(values: ChartDatum[], unit: TimeUnit, folding: Buckets): ChartDatum[] {
  const buckets = new Map<string, ChartDatum>();
  for (const v of values) {
    const x = bucketDate(String(v.x), unit);
    if (x === null) continue;
    const key = `${x}\u0000${v.series ?? ''}\u0000${v.facet ?? ''}`;
    const bucket = buckets.get(key);
    if (!bucket) buckets.set(key, folding.open({ ...v, x }, v));
    else folding.add(bucket, v);
  }
  folding.close();
  return [...buckets.values()];
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function bucketDate(iso: string, unit: TimeUnit): string | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 1)];
  const quarterStart = Math.floor((month - 1) / 3) * 3 + 1;
  switch (unit) {
    case 'year': return `${year}-01-01`;
    case 'yearquarter': return `${year}-${pad(quarterStart)}-01`;
    case 'yearmonth': return `${year}-${pad(month)}-01`;
    case 'quarter': return `2000-${pad(quarterStart)}-01`;
    case 'month': return `2000-${pad(month)}-01`;
    case 'date': return `2000-01-${pad(day)}`; // the day of the month, as in Vega-Lite
    case 'day': return `2000-01-${pad(2 + new Date(Date.UTC(year, month - 1, day)).getUTCDay())}`; // 2000-01-02 was a Sunday
    default: return `${year}-${pad(month)}-${pad(day)}`;
  }
}

/** An x value as a reader says it: `2024`, `mars 2024`, `T2 2024`, `Bretagne`. */
export function xLabel(x: ChartDatum['x'], chart: ResolvedChart): string {
  if (x === null) return '';
  if (chart.xKind === 'temporal') {
    const date = new Date(String(x).length === 10 ? `${x}T00:00:00Z` : String(x));
    if (!Number.isNaN(date.getTime())) return dateLabel(date, chart);
  }
  if (typeof x === 'number' && chart.xKind !== 'year') return formatRoundedNumber(x, chart.lang);
  return String(x);
}

function dateLabel(date: Date, chart: ResolvedChart): string {
  const locale = chart.lang === 'en' ? 'en-GB' : 'fr-FR';
  const fmt = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...o, timeZone: 'UTC' }).format(date);
  const quarter = `${chart.lang === 'en' ? 'Q' : 'T'}${Math.floor(date.getUTCMonth() / 3) + 1}`;
  switch (chart.timeUnit) {
    case 'year': return fmt({ year: 'numeric' });
    case 'yearquarter': return `${quarter} ${date.getUTCFullYear()}`;
    case 'yearmonth': return fmt({ month: 'long', year: 'numeric' });
    case 'quarter': return quarter;
    case 'month': return fmt({ month: 'long' });
    case 'day': return fmt({ weekday: 'long' });
    case 'date': return fmt({ day: 'numeric' });
    default: return fmt({ day: 'numeric', month: 'long', year: 'numeric' });
  }
}

/** `annee : 2014` / `region : Bretagne` / `total (somme) : 1 234 567`, one line each. */
function tooltipText(v: ChartDatum, chart: ResolvedChart): string {
  const t = chartMessages(chart.lang);
  const sep = chart.lang === 'en' ? ': ' : '\u00a0: ';
  const number = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${formatNumber(n, chart.lang)}${chart.unit ? `\u00a0${chart.unit}` : ''}`);
  if (chart.byGroup) {
    return [
      `${nameOf(chart, chart.group!)}${sep}${v.label ?? ''}`,
      `${chart.xTitle ?? measureLabel(chart, chart.x, false)}${sep}${number(v.x as number)}`,
      `${chart.yTitle ?? measureLabel(chart, chart.y[0]!, false)}${sep}${number(v.y)}`,
      ...(v.facet !== undefined && chart.facet ? [`${nameOf(chart, chart.facet)}${sep}${v.facet}`] : []),
    ].join('\n');
  }
  const measure = chart.y.length === 0 ? t.count : chart.y.length === 1 ? (chart.yTitle ?? measureLabel(chart, chart.y[0]!, false)) : '';
  const own = chart.cumulative === 'sum' || isShareLine(chart) ? v.value : v.y;
  const lines = [`${chart.xTitle ?? nameOf(chart, chart.x)}${sep}${xLabel(v.x, chart)}`];
  if (v.series !== undefined) lines.push(chart.group && measure ? `${nameOf(chart, chart.group)}${sep}${v.series}` : v.series);
  if (v.facet !== undefined && chart.facet) lines.push(`${nameOf(chart, chart.facet)}${sep}${v.facet}`);
  lines.push(measure ? `${measure}${sep}${number(own)}` : number(own));
  if (chart.cumulative === 'sum') lines.push(`${t.cumulative}${sep}${number(v.y)}`);
  const cumShare = isShareLine(chart) ? v.y : v.cumShare;
  if (chart.cumulative === 'share' && cumShare !== undefined && cumShare !== null) lines.push(`${t.cumulativeShare}${sep}${formatPercent(cumShare, chart.lang)}`);
  if (v.share !== undefined) lines.push(formatPercent(v.share, chart.lang));
  return lines.join('\n');
}

/** Where a value sits in its natural order; the empty value (and anything unknown) last. */
const ordinalRank = (order: readonly string[], value: string): number => {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
};

const compareX = (a: string | number | null, b: string | number | null): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'fr', { numeric: true });

/** Last series minus first, per category (`sort="delta"`): 2022 − 2019. */
function deltaOf(values: ChartDatum[], chart: ResolvedChart): Map<string, number> {
  const natural = naturalSeries(values, chart);
  const [first, last] = [natural[0], natural[natural.length - 1]];
  const at = new Map<string, { first?: number; last?: number }>();
  for (const v of values) {
    if (v.y === null || (v.series !== first && v.series !== last)) continue;
    const entry = at.get(String(v.x)) ?? {};
    if (v.series === first) entry.first = v.y;
    if (v.series === last) entry.last = v.y;
    at.set(String(v.x), entry);
  }
  const out = new Map<string, number>();
  for (const [x, { first: a, last: b }] of at) if (a !== undefined && b !== undefined) out.set(x, b - a);
  return out;
}

/** Orders categories (by value, by name or by delta), keeps the top `limit` and folds the rest into « Autres ». */
function foldCategories(
  values: ChartDatum[], chart: ResolvedChart, other: string, folding: Buckets, order?: readonly string[],
): { values: ChartDatum[]; folded: number; otherHidden?: number } {
  const totals = new Map<string, number>();
  for (const v of values) totals.set(String(v.x), (totals.get(String(v.x)) ?? 0) + (v.y ?? 0));
  const byValue = chart.sort === 'y' || chart.sort === '-y';
  const deltas = isDelta(chart) ? deltaOf(values, chart) : undefined;
  const categories = [...totals.keys()].sort((a, b) => {
    if (deltas) {
      // categories missing one of the two series have no difference: last
      const [da, db] = [deltas.get(a), deltas.get(b)];
      if (da === undefined || db === undefined) return da === db ? compareX(a, b) : da === undefined ? 1 : -1;
      if (da !== db) return chart.sort === 'delta' ? da - db : db - da;
    } else if (byValue) {
      const d = (totals.get(a) ?? 0) - (totals.get(b) ?? 0);
      if (d !== 0) return chart.sort === 'y' ? d : -d;
    }
    // months, decades, centuries, bins: their own order
    const byName = chart.ordinal && order ? ordinalRank(order, a) - ordinalRank(order, b) : compareX(a, b);
    return chart.sort === '-x' ? -byName : byName;
  });
  // The top N are the largest values whatever the display order.
  let kept = new Set(categories);
  if (chart.limit !== undefined && categories.length > chart.limit) {
    const largest = [...categories].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0));
    kept = new Set(largest.slice(0, chart.limit));
  }
  const rank = new Map(categories.filter((c) => kept.has(c)).map((c, i) => [c, i]));
  const folded = categories.length - kept.size;
  const out: ChartDatum[] = [];
  const buckets = new Map<string, ChartDatum>();
  for (const v of values) {
    const key = String(v.x);
    if (kept.has(key)) {
      out.push({ ...v, order: rank.get(key) ?? 0 });
      continue;
    }
    // a mean of the rest would lie: the rest is only counted in the text (an expression is recomputed)
    if (!folding.foldable) continue;
    const bucketKey = `${v.series ?? ''}\u0000${v.facet ?? ''}`;
    const bucket = buckets.get(bucketKey);
    if (bucket) folding.add(bucket, v);
    else buckets.set(bucketKey, folding.open({ ...v, x: other, order: kept.size, other: true }, v));
  }
  folding.close();
  out.sort((a, b) => a.order - b.order);
  const rest = [...buckets.values()];
  // A top ten of bars next to an « Autres » ten times larger would squeeze them into a sliver:
  // the rest is then left off the chart and said in the text instead.
  const bars = chart.type === 'bar' || chart.type === 'column';
  const largest = Math.max(0, ...out.map((v) => Math.abs(v.y ?? 0)));
  if (bars && rest.some((v) => Math.abs(v.y ?? 0) > largest)) {
    return { values: out, folded, otherHidden: rest.reduce((sum, v) => sum + (v.y ?? 0), 0) };
  }
  return { values: [...out, ...rest], folded };
}
