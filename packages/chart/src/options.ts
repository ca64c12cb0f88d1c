/**
 * From what the author wrote (`type="auto" x="annee" y="total"`) and the column profile, to a
 * fully resolved chart: every blank filled, every column checked. Pure: no DOM, no vega.
 */
import { CultureError, matchColumn } from '@culture-widgets/core';
import type { AggregateOp, ColumnInfo, Lang } from '@culture-widgets/core';

export type ChartType = 'column' | 'bar' | 'line' | 'area' | 'scatter' | 'pie' | 'donut' | 'heatmap';
export const CHART_TYPES: readonly ChartType[] = ['column', 'bar', 'line', 'area', 'scatter', 'pie', 'donut', 'heatmap'];
export type SortOrder = 'x' | '-x' | 'y' | '-y';
export type StackMode = 'none' | 'zero' | 'normalize';
export type TimeUnit = 'year' | 'quarter' | 'month' | 'yearquarter' | 'yearmonth' | 'yearmonthdate' | 'date' | 'day';
const TIME_UNITS: readonly TimeUnit[] = ['year', 'quarter', 'month', 'yearquarter', 'yearmonth', 'yearmonthdate', 'date', 'day'];
const AGGREGATES: readonly AggregateOp[] = ['sum', 'count', 'mean', 'median', 'min', 'max'];

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
// Attribute strings → typed options (unknown values are dropped, so the default applies)

export const parseChartType = (v: string | null | undefined): ChartType | 'auto' =>
  CHART_TYPES.includes(v as ChartType) ? (v as ChartType) : 'auto';
/** `a, b` → `['a', 'b']`: a plain comma split (table's `parseList` also reads quoted names). */
export const splitList = (v: string | null | undefined): string[] =>
  (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
export const parseAggregate = (v: string | null | undefined): AggregateOp | undefined =>
  AGGREGATES.includes(v as AggregateOp) ? (v as AggregateOp) : undefined;
export const parseSortOrder = (v: string | null | undefined): SortOrder | undefined =>
  ['x', '-x', 'y', '-y'].includes(v ?? '') ? (v as SortOrder) : undefined;
export const parseTimeUnit = (v: string | null | undefined): TimeUnit | undefined =>
  TIME_UNITS.includes(v as TimeUnit) ? (v as TimeUnit) : undefined;
export function parseStack(v: string | null | undefined): boolean | 'normalize' | undefined {
  if (v === 'normalize') return 'normalize';
  if (v === '' || v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}
export function parseNumber(v: string | null | undefined): number | undefined {
  if (v == null || v.trim() === '') return undefined;
  const n = Number(v.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// Column roles, read from the profile

const NUMERIC = new Set(['number', 'integer']);
/** Numbers that are identifiers or positions, never something to add up. */
const NOT_A_MEASURE = /^(year|code_|siren|siret|latitude|longitude|latlon|insee)|_insee|code_postal/;
const NOT_A_MEASURE_NAME = /(^|[_\s-])(id|code|ref|cp|insee|siret|siren|lat|lon|lng|latitude|longitude)([_\s-]|$)|^id|^ref_|^code/i;
/** Measures readers expect first when a resource has several. */
const PREFERRED_MEASURE = /^(total|nombre|nb|effectif|montant|valeur|count|value|amount)/i;

export const isNumeric = (c: ColumnInfo): boolean => NUMERIC.has(c.type);
export const isYear = (c: ColumnInfo): boolean =>
  c.format === 'year' || (c.type === 'integer' && /^(annee|année|year|an|millesime|millésime)$/i.test(c.name));
export const isTemporal = (c: ColumnInfo): boolean => c.type === 'date' || c.type === 'datetime' || /^date/.test(c.format ?? '');
export const isMeasure = (c: ColumnInfo): boolean =>
  isNumeric(c) && !isYear(c) && !NOT_A_MEASURE.test(c.format ?? '') && !NOT_A_MEASURE_NAME.test(c.name);
export const isCategory = (c: ColumnInfo): boolean =>
  (c.type === 'string' || c.type === 'boolean') && !/^(url|latlon)/.test(c.format ?? '');
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
function column(columns: ColumnInfo[], name: string | undefined): ColumnInfo | undefined {
  if (name === undefined) return undefined;
  const real = matchColumn(name, columns.map((c) => c.name));
  return columns.find((c) => c.name === real);
}

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
  if (!xCol) throw new CultureError('unknown-column', 'No column to draw on the x axis', {});
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

/** A pie reads up to ~6 slices; a bar chart of hundreds of categories reads as a top N. */
function defaultLimit(type: ChartType, x: ColumnInfo, limit: number | undefined): { limit?: number } {
  if (limit !== undefined && limit > 0) return { limit: Math.floor(limit) };
  if (xKindOf(x) !== 'nominal') return {};
  if (type === 'pie' || type === 'donut') return { limit: 6 };
  if ((type === 'bar' || type === 'column') && distinctOf(x) > MANY_CATEGORIES) return { limit: DEFAULT_TOP };
  return {};
}
