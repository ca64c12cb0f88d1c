/**
 * From what the author wrote (`type="auto" x="annee" y="total"`) and the column profile, to a
 * fully resolved chart: every blank filled, every column checked. Pure: no DOM, no vega.
 */
import { findColumn, formatList, isCategory, isMeasure, isNumeric, isTemporal, isYear } from '@culture-widgets/core';
import type { AggregateOp, ColumnInfo, Lang } from '@culture-widgets/core';
import { chartErrors } from './messages.js';

export type ChartType = 'column' | 'bar' | 'line' | 'area' | 'scatter' | 'pie' | 'donut' | 'heatmap';
export const CHART_TYPES: readonly ChartType[] = ['column', 'bar', 'line', 'area', 'scatter', 'pie', 'donut', 'heatmap'];
/** What the `type` attribute accepts. */
export const TYPE_SETTINGS: readonly (ChartType | 'auto')[] = ['auto', ...CHART_TYPES];
export const SORT_ORDERS = ['x', '-x', 'y', '-y'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export const STACKS = ['true', 'false', 'normalize'] as const;
export type StackMode = 'none' | 'zero' | 'normalize';
export const TIME_UNITS = ['year', 'quarter', 'month', 'yearquarter', 'yearmonth', 'yearmonthdate', 'date', 'day'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];
export const AGGREGATES: readonly AggregateOp[] = ['sum', 'count', 'mean', 'median', 'min', 'max'];

/** The element's attributes, as typed values (every field optional). */
export interface ChartOptions {
  type?: ChartType | 'auto';
  x?: string;
  y?: string[];
  group?: string;
  aggregate?: AggregateOp;
  stack?: boolean | 'normalize';
  sort?: SortOrder;
  limit?: number;
  timeUnit?: TimeUnit;
  facet?: string;
  yMin?: number;
  yMax?: number;
  unit?: string;
  height?: number;
  lang?: Lang;
}

/** How the x values are drawn. `year`: integers that are years (2014…2024). */
export type XKind = 'year' | 'temporal' | 'quantitative' | 'nominal';

/** A chart with every blank filled. `y` empty means "count the rows". */
export interface ResolvedChart {
  type: ChartType;
  x: string;
  xKind: XKind;
  y: string[];
  group?: string;
  facet?: string;
  /** Undefined only for a scatter of raw rows. */
  aggregate?: AggregateOp;
  stack: StackMode;
  sort: SortOrder;
  /** Top N categories kept, the rest folded into « Autres ». */
  limit?: number;
  timeUnit?: TimeUnit;
  yMin?: number;
  yMax?: number;
  unit?: string;
  height?: number;
  lang: Lang;
}

// ---------------------------------------------------------------------------------------------
// Column roles, read from the profile (the kinds themselves are core's column rules)

/** Measures readers expect first when a resource has several. */
const PREFERRED_MEASURE = /^(total|nombre|nb|effectif|montant|valeur|count|value|amount)/i;

/** How many distinct values a column holds, best guess (profiles say `categorical` when few). */
const distinctOf = (c: ColumnInfo): number => c.distinct ?? (c.categorical ? (c.tops?.length ?? 10) : Infinity);

export function xKindOf(c: ColumnInfo | undefined): XKind {
  if (!c) return 'nominal';
  if (isYear(c)) return 'year';
  if (isTemporal(c)) return 'temporal';
  if (isNumeric(c)) return 'quantitative';
  return 'nominal';
}

/** The column an author named, forgiving case and accents (`region` finds `Région`); throws `unknown-column`. */
const column = (columns: ColumnInfo[], name: string | undefined): ColumnInfo | undefined =>
  name === undefined ? undefined : findColumn(name, columns);

/** The x axis when the author named none: a year or a date, else a category, else a number. */
function pickX(columns: ColumnInfo[], y: string[]): ColumnInfo | undefined {
  const free = columns.filter((c) => !y.includes(c.name));
  const category = free.find((c) => isCategory(c) && c.categorical) ?? free.find((c) => isCategory(c) && distinctOf(c) > 1);
  const time = free.find(isYear) ?? free.find(isTemporal);
  // Nothing to add up (a list of places): counting rows per category says more than per date.
  const measured = y.length > 0 || free.some(isMeasure);
  return (measured ? (time ?? category) : (category ?? time)) ?? free.find(isMeasure);
}

/** The measure when the author named none: `total`-like first, else the first real measure. */
function pickY(columns: ColumnInfo[], x: string | undefined): ColumnInfo | undefined {
  const measures = columns.filter((c) => isMeasure(c) && c.name !== x);
  return measures.find((c) => PREFERRED_MEASURE.test(c.name)) ?? measures[0];
}

/** Categories beyond which a bar chart keeps the top N and folds the rest. */
export const MANY_CATEGORIES = 25;
/** Up to this many categories read well as vertical columns. */
export const FEW_CATEGORIES = 7;
export const DEFAULT_TOP = 10;

/**
 * `type="auto"`: a year or date on x → line; a category with few values → column, more → bar
 * sorted by value; many → bar top N with « Autres »; two numbers → scatter.
 */
export function chooseChartType(columns: ColumnInfo[], options: ChartOptions = {}): ChartType {
  if (options.type && options.type !== 'auto') return options.type;
  const y = options.y ?? [];
  const x = column(columns, options.x) ?? pickX(columns, y);
  const kind = xKindOf(x);
  if (kind === 'year' || kind === 'temporal') return 'line';
  if (kind === 'quantitative') {
    const yCol = y.length ? column(columns, y[0]) : pickY(columns, x?.name);
    return yCol && isNumeric(yCol) && !options.aggregate ? 'scatter' : 'column';
  }
  const n = x ? distinctOf(x) : 0;
  return n <= FEW_CATEGORIES ? 'column' : 'bar';
}

/** Fills every blank from the profile; throws `unknown-column` when a named column is missing. */
export function resolveChart(columns: ColumnInfo[], options: ChartOptions = {}): ResolvedChart {
  const lang = options.lang ?? 'fr';
  const named = (options.y ?? []).map((name) => column(columns, name)!.name);
  const group = column(columns, options.group)?.name;
  const facet = column(columns, options.facet)?.name;
  const xCol = column(columns, options.x) ?? pickX(columns, named);
  if (!xCol) throw chartErrors.error('unknown-column', { available: columns.map((c) => c.name) }, 'no-x-column');
  const type = chooseChartType(columns, { ...options, x: xCol.name, y: named });
  const yCol = named.length ? undefined : pickY(columns, xCol.name);
  const round = type === 'pie' || type === 'donut';
  const y = (named.length ? named : yCol ? [yCol.name] : []).slice(0, round ? 1 : undefined);
  const xKind = type === 'scatter' ? 'quantitative' : xKindOf(xCol);
  const rawScatter = type === 'scatter' && !options.aggregate;
  const aggregate = rawScatter ? undefined : (options.aggregate ?? (y.length ? 'sum' : 'count'));
  const nominal = xKind === 'nominal';
  const defaultSort: SortOrder = nominal ? '-y' : 'x';
  const stackDefault: StackMode = type === 'area' ? 'zero' : 'none';
  const stack: StackMode =
    options.stack === 'normalize' ? 'normalize' : options.stack === true ? 'zero' : options.stack === false ? 'none' : stackDefault;
  return {
    type,
    x: xCol.name,
    xKind,
    y: aggregate === 'count' ? [] : y,
    ...(group && !round ? { group } : {}),
    ...(facet ? { facet } : {}),
    ...(aggregate ? { aggregate } : {}),
    stack,
    sort: options.sort ?? defaultSort,
    ...defaultLimit(type, xCol, options.limit),
    ...(options.timeUnit && xKind === 'temporal' ? { timeUnit: options.timeUnit } : {}),
    ...(options.yMin !== undefined ? { yMin: options.yMin } : {}),
    ...(options.yMax !== undefined ? { yMax: options.yMax } : {}),
    ...(options.unit ? { unit: options.unit } : {}),
    ...(options.height ? { height: options.height } : {}),
    lang,
  };
}

/**
 * `<culture-chart>`'s own choice over a profile (`type="auto"`, every blank filled), as the
 * attributes that write it down: what the builder proposes.
 */
export function autoChart(columns: ColumnInfo[]): Record<string, string> {
  const chart = resolveChart(columns);
  return { type: chart.type, x: chart.x, ...(chart.y.length ? { y: formatList(chart.y) } : {}), ...(chart.aggregate ? { aggregate: chart.aggregate } : {}) };
}

/** A pie reads up to ~6 slices; a bar chart of hundreds of categories reads as a top N. */
function defaultLimit(type: ChartType, x: ColumnInfo, limit: number | undefined): { limit?: number } {
  if (limit !== undefined && limit > 0) return { limit: Math.floor(limit) };
  if (xKindOf(x) !== 'nominal') return {};
  if (type === 'pie' || type === 'donut') return { limit: 6 };
  if ((type === 'bar' || type === 'column') && distinctOf(x) > MANY_CATEGORIES) return { limit: DEFAULT_TOP };
  return {};
}
