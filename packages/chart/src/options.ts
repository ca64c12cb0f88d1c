/**
 * From what the author wrote (`type="auto" x="annee" y="total"`) and the column profile, to a
 * fully resolved chart: every blank filled, every column checked. Pure: no DOM, no vega.
 */
import { CultureError, checkAggregated, findColumn, formatList, isCategory, isMeasure, isNumeric, isTemporal, isYear, matchColumn, parseColorMap, parseFilter, parseList } from '@culture-widgets/core';
import type { AggregateOp, ColumnInfo, FilterClause, Lang } from '@culture-widgets/core';
import { chartErrors, chartMessages } from './messages.js';
import { expressionMeasures, isExpression, isOrdinal, measureTitles, timeKey, type Measures } from './shaping.js';

export type ChartType = 'column' | 'bar' | 'line' | 'area' | 'scatter' | 'pie' | 'donut' | 'heatmap';
export const CHART_TYPES: readonly ChartType[] = ['column', 'bar', 'line', 'area', 'scatter', 'pie', 'donut', 'heatmap'];
/** What the `type` attribute accepts. */
export const TYPE_SETTINGS: readonly (ChartType | 'auto')[] = ['auto', ...CHART_TYPES];
export type TypeSetting = (typeof TYPE_SETTINGS)[number];
/** `delta`: grouped bars ordered by the last series minus the first (2022 − 2019). */
export const SORT_ORDERS = ['x', '-x', 'y', '-y', 'delta', '-delta'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export const STACKS = ['true', 'false', 'normalize'] as const;
export type StackSetting = (typeof STACKS)[number];
export type StackMode = 'none' | 'zero' | 'normalize';
export const TIME_UNITS = ['year', 'quarter', 'month', 'yearquarter', 'yearmonth', 'yearmonthdate', 'date', 'day', 'decade'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

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
  /** `highlight`, as written: values (`Bretagne|Normandie`) or a filter expression (`total > 1000000`). */
  highlight?: string;
  /** `reference`, as written: `median, 1000000: objectif`. */
  reference?: string;
  cumulative?: Cumulative;
  /** `colors`, as written: `Musique: #000091; Théâtre: #e1000f`. */
  colors?: string;
  xTitle?: string;
  yTitle?: string;
  /** Whether a browser reads a CSS colour (the element passes `CSS.supports`). */
  isColor?: (color: string) => boolean;
  /** How a column is called on screen (the element's `labels`, else readable names). */
  titleOf?: (name: string) => string;
}

/** Marks drawn in colour, the others grey: values of x, of the group or of a scatter's point, or a filter on the drawn fields. */
export type Highlight = { values: string[]; text: string } | { clauses: FilterClause[]; text: string };

/** A labelled rule across the value axis: the mean or median of the drawn values, or a number. */
export interface Reference {
  kind: 'mean' | 'median' | 'value';
  /** For `value`. */
  value?: number;
  label?: string;
}

export const CUMULATIVES = ['sum', 'share'] as const;
export type Cumulative = (typeof CUMULATIVES)[number];

/**
 * An attribute value the chart ignored (and why): said in a note under the chart and in a
 * `culture-warning` event, never silently dropped. `reason` names a message in messages.ts.
 */
export interface ChartWarning {
  attribute: string;
  value: string;
  reason: WarningReason;
  /** What is accepted instead, for the message. */
  accepted?: string;
}
export type WarningReason =
  | 'reference-invalid' | 'reference-unused' | 'cumulative-unused'
  | 'sort-delta-unused' | 'sort-pareto' | 'highlight-invalid' | 'highlight-missing' | 'color-invalid' | 'time-unit-unused'
  | 'y-min-cuts' | 'y-max-cuts';

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
  highlight?: Highlight;
  /** Rules across the value axis, in the order written. */
  references: Reference[];
  cumulative?: Cumulative;
  xTitle?: string;
  yTitle?: string;
  /** Colours the author chose per value (series, slices). */
  colors?: [string, string][];
  /**
   * A scatter of aggregates: one point per value of `group` (x and y aggregated), not one per
   * (x, group). `group` then names the points instead of splitting series.
   */
  byGroup?: boolean;
  /** Attribute values ignored, said in a note and a `culture-warning`. */
  warnings: ChartWarning[];
  /** `y` (or a scatter's `x`) as aggregate expressions: core computes them (`y` then holds their names). */
  measures?: Measures;
  /** Computed columns the chart adds itself (`time-unit="decade"`, a year from a date written as text). */
  compute?: string;
  /** x has a natural order that is not the alphabet's (months, decades, centuries, bins). */
  ordinal?: boolean;
  /** How the chart's columns and measures are called on screen. */
  titles: Record<string, string>;
}

/** How a column or measure of the chart is called on screen. */
export const nameOf = (chart: Pick<ResolvedChart, 'titles'>, name: string): string => chart.titles[name] ?? name;

/** A measure as titles say it: `Total (somme)`; an expression by its name alone (`Taux`); the unit when asked. */
export const measureLabel = (chart: ResolvedChart, name: string, unit = true): string =>
  chartMessages(chart.lang).measure(nameOf(chart, name), chart.measures ? undefined : chart.aggregate, unit ? chart.unit : undefined);

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

/**
 * The x axis when the author named none: a year or a date, else a category, else a number. A type
 * asked for says what it draws best: a line or an area along time, bars and slices by category,
 * a scatter a measure against another.
 */
function pickX(columns: ColumnInfo[], y: string[], type?: ChartType | 'auto'): ColumnInfo | undefined {
  const free = columns.filter((c) => !y.includes(c.name));
  // a categorical column in the file's order; else the fewest distinct values (an identifier is no category)
  const many = free.filter((c) => isCategory(c) && distinctOf(c) > 1).sort((a, b) => distinctOf(a) - distinctOf(b));
  const category = free.find((c) => isCategory(c) && c.categorical) ?? many[0];
  const time = free.find(isYear) ?? free.find(isTemporal);
  const measure = free.find(isMeasure);
  if (type === 'line' || type === 'area') return time ?? category ?? measure;
  if (type === 'bar' || type === 'pie' || type === 'donut') return category ?? time ?? measure;
  if (type === 'scatter') return free.find((c) => isMeasure(c) && !PREFERRED_MEASURE.test(c.name)) ?? measure ?? time;
  // Nothing to add up (a list of places): counting rows per category says more than per date.
  const measured = y.length > 0 || free.some(isMeasure);
  return (measured ? (time ?? category) : (category ?? time)) ?? measure;
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
  // decades, centuries, months, bins: one column each, in their order
  if (isOrdinal(x) || (options.timeUnit === 'decade' && x)) return 'column';
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
  // `y="taux = sum(gratuit) / sum(total) * 100"`, `y="gratuit / total"`: core computes the measures
  const xExpression = options.x !== undefined && isExpression(options.x, columns) ? options.x : undefined;
  const measures = expressionMeasures([...(xExpression ? [xExpression] : []), ...(options.y ?? [])], columns);
  const named = measures ? [] : (options.y ?? []).map((name) => column(columns, name)!.name);
  const group = column(columns, options.group)?.name;
  const facet = column(columns, options.facet)?.name;
  const xColumn = xExpression ? undefined : (column(columns, options.x) ?? pickX(columns, named, options.type));
  if (!xColumn && !xExpression) throw chartErrors.error('unknown-column', { available: columns.map((c) => c.name) }, 'no-x-column');
  const xCol: ColumnInfo = xColumn ?? { name: measures!.names[0]!, type: 'number' };
  const type = xExpression ? 'scatter' : chooseChartType(columns, { ...options, x: xCol.name, y: named, ...(measures ? { aggregate: options.aggregate ?? 'sum' } : {}) });
  const yCol = named.length || measures ? undefined : pickY(columns, xCol.name);
  const round = type === 'pie' || type === 'donut';
  const yNames = measures ? measures.names.slice(xExpression ? 1 : 0) : named.length ? named : yCol ? [yCol.name] : [];
  const y = yNames.slice(0, round ? 1 : undefined);
  // `time-unit="decade"`, or a year of a date written as text: a computed column core groups by
  const key = xExpression ? undefined : timeKey(xCol, options.timeUnit, !!measures);
  const xName = key?.name ?? xCol.name;
  const ordinal = !!key && key.format !== 'year' ? true : isOrdinal(xCol);
  const xKind: XKind = type === 'scatter' ? 'quantitative' : key ? (key.format === 'year' ? 'year' : 'nominal') : xKindOf(xCol);
  const rawScatter = type === 'scatter' && !options.aggregate && !measures;
  const aggregate = rawScatter ? undefined : (options.aggregate ?? (y.length ? 'sum' : 'count'));
  // a sum of text would draw zeros: said, with the columns that can be added up
  for (const name of named) checkAggregated('y', column(columns, name), aggregate, columns);
  const nominal = xKind === 'nominal';
  const stackDefault: StackMode = type === 'area' ? 'zero' : 'none';
  const warnings: ChartWarning[] = [];
  const drawn = aggregate === 'count' && !measures ? [] : y;
  // A scatter of aggregates grouped by a column: one point per group, x and y both aggregated.
  const byGroup = type === 'scatter' && !!aggregate && (aggregate !== 'count' || !!xExpression) && !!group;
  const series = (!!group && !round && !byGroup) || drawn.length > 1;
  const cumulative = resolveCumulative(options.cumulative, type, measures ? undefined : aggregate, warnings);
  // a Pareto line follows each category's total: its series stack
  const pareto = cumulative === 'share' && (type === 'column' || type === 'bar');
  const stack: StackMode = options.stack === 'normalize' && !pareto ? 'normalize'
    : options.stack === true || (pareto && series) ? 'zero' : options.stack === false ? 'none' : stackDefault;
  // months, decades, centuries, bins read in their own order
  const sort = resolveSort(options.sort ?? (ordinal ? 'x' : undefined), { nominal, series, pareto: pareto && nominal }, warnings);
  const fields = [xName, group, facet, ...(drawn.length ? drawn : [chartMessages(lang).count])].filter((f): f is string => !!f);
  const highlight = resolveHighlight(options.highlight, fields, warnings);
  const references = resolveReferences(options.reference, type, stack, warnings);
  const colors = resolveColors(options.colors, options.isColor, warnings);
  if (options.timeUnit && !key && xKind !== 'temporal') warnings.push({ attribute: 'time-unit', value: options.timeUnit, reason: 'time-unit-unused' });
  const title = options.titleOf ?? ((name: string) => name);
  const titles: Record<string, string> = {};
  for (const name of [xCol.name, group, facet, ...(measures ? [] : y)].filter((n): n is string => !!n)) titles[name] = title(name);
  if (key) titles[key.name] = title(xCol.name);
  // a named expression reads as its name (`taux` → « Taux »), an unnamed one in words (« Gratuit / Total »)
  if (measures) Object.assign(titles, measureTitles(measures, { lang, titleOf: title, ...(options.aggregate ? { aggregate: options.aggregate } : {}) }));
  return {
    type,
    x: xName,
    xKind,
    y: drawn,
    ...(group && !round ? { group } : {}),
    ...(facet ? { facet } : {}),
    ...(aggregate ? { aggregate } : {}),
    stack,
    sort,
    ...(ordinal || xExpression ? (options.limit ? { limit: Math.floor(options.limit) } : {}) : defaultLimit(type, xCol, options.limit)),
    ...(options.timeUnit && xKind === 'temporal' ? { timeUnit: options.timeUnit } : {}),
    ...(options.yMin !== undefined ? { yMin: options.yMin } : {}),
    ...(options.yMax !== undefined ? { yMax: options.yMax } : {}),
    ...(options.unit ? { unit: options.unit } : {}),
    ...(options.height ? { height: options.height } : {}),
    lang,
    ...(highlight ? { highlight } : {}),
    references,
    ...(cumulative ? { cumulative } : {}),
    ...(options.xTitle?.trim() ? { xTitle: options.xTitle.trim() } : {}),
    ...(options.yTitle?.trim() ? { yTitle: options.yTitle.trim() } : {}),
    ...(colors.length ? { colors } : {}),
    ...(byGroup ? { byGroup } : {}),
    warnings,
    ...(measures ? { measures } : {}),
    ...(key ? { compute: key.compute } : {}),
    ...(ordinal ? { ordinal } : {}),
    titles,
  };
}

/**
 * `<culture-chart>`'s own choice over a profile (`type="auto"`, every blank filled), as the
 * attributes that write it down: what the builder proposes.
 */
export function autoChart(columns: ColumnInfo[]): Record<string, string> {
  return written(resolveChart(columns));
}

const written = (chart: ResolvedChart): Record<string, string> => ({
  type: chart.type,
  x: chart.x,
  ...(chart.y.length ? { y: formatList(chart.y) } : {}),
  ...(chart.group ? { group: chart.group } : {}),
  ...(chart.aggregate ? { aggregate: chart.aggregate } : {}),
});

/**
 * The chart of `type` the element would draw from this profile with nothing else said (a heatmap
 * gets a second category for its rows), as attributes; undefined when the data has nothing that
 * type shows well: a line or an area without a year or a date, bars or slices without a category,
 * a scatter without two measures, a heatmap without a second category. The builder's gallery.
 */
export function autoChartOf(columns: ColumnInfo[], type: ChartType): Record<string, string> | undefined {
  let chart: ResolvedChart;
  try {
    chart = resolveChart(columns, { type });
    if (type === 'heatmap') {
      const rows = columns.filter((c) => c.name !== chart.x && isCategory(c) && distinctOf(c) > 1 && distinctOf(c) <= MAX_HEATMAP_CATEGORIES);
      const group = rows.sort((a, b) => distinctOf(a) - distinctOf(b))[0];
      if (!group) return undefined;
      chart = resolveChart(columns, { type, group: group.name });
    }
  } catch {
    return undefined;
  }
  const timed = chart.xKind === 'year' || chart.xKind === 'temporal';
  const xColumn = columns.find((c) => c.name === chart.x);
  const fits: Record<ChartType, boolean> = {
    column: true,
    line: timed,
    area: timed,
    bar: chart.xKind === 'nominal',
    pie: chart.xKind === 'nominal',
    donut: chart.xKind === 'nominal',
    scatter: chart.y.length === 1 && chart.x !== chart.y[0] && !!xColumn && isMeasure(xColumn),
    heatmap: true,
  };
  return fits[type] && (chart.y.length > 0 || chart.aggregate === 'count') ? written(chart) : undefined;
}

/** A heatmap's rows: beyond this many values, too many lines to read. */
const MAX_HEATMAP_CATEGORIES = 20;

// ---------------------------------------------------------------------------------------------
// Editorial options: each value either applies or is said in a warning (the chart still draws)

const ADDITIVE: readonly (AggregateOp | undefined)[] = ['sum', 'count'];

/** `sum` (running total) or `share` (cumulative share): on columns, bars, lines and areas of sums and counts. */
function resolveCumulative(cumulative: Cumulative | undefined, type: ChartType, aggregate: AggregateOp | undefined, warnings: ChartWarning[]): Cumulative | undefined {
  if (!cumulative) return undefined;
  if (!['column', 'bar', 'line', 'area'].includes(type) || !ADDITIVE.includes(aggregate)) {
    warnings.push({ attribute: 'cumulative', value: cumulative, reason: 'cumulative-unused' });
    return undefined;
  }
  return cumulative;
}

/** The categories' order; `delta` needs series to subtract, a Pareto is sorted by value. */
function resolveSort(sort: SortOrder | undefined, { nominal, series, pareto }: { nominal: boolean; series: boolean; pareto: boolean }, warnings: ChartWarning[]): SortOrder {
  const fallback: SortOrder = nominal ? '-y' : 'x';
  if (pareto) {
    if (sort && sort !== '-y') warnings.push({ attribute: 'sort', value: sort, reason: 'sort-pareto' });
    return '-y';
  }
  if (sort === 'delta' || sort === '-delta') {
    if (nominal && series) return sort;
    warnings.push({ attribute: 'sort', value: sort, reason: 'sort-delta-unused' });
    return fallback;
  }
  return sort ?? fallback;
}

/** An operator makes the text a filter expression on the drawn fields; else values separated by `|`. */
const OPERATOR = /!=|>=|<=|!~|[=<>~]|\s(in|is)\s/i;

function resolveHighlight(text: string | undefined, fields: string[], warnings: ChartWarning[]): Highlight | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  if (!OPERATOR.test(value)) {
    const values = value.split('|').map((v) => v.trim()).filter(Boolean);
    return values.length ? { values, text: value } : undefined;
  }
  try {
    const clauses = parseFilter(value).map((c) => ({ ...c, column: matchColumn(c.column, fields) }));
    return { clauses, text: value };
  } catch (error) {
    const unknown = error instanceof CultureError && error.code === 'unknown-column';
    warnings.push({ attribute: 'highlight', value, reason: 'highlight-invalid', ...(unknown ? { accepted: fields.join(', ') } : {}) });
    return undefined;
  }
}

const KEYWORDS: Record<string, Reference['kind']> = { mean: 'mean', median: 'median' };

/**
 * `median, 1000000: objectif` → a rule at the median and one at 1,000,000 labelled « objectif ».
 * Numbers take `.` for decimals (the comma separates references); spaces inside are ignored.
 */
export function parseReferences(text: string): { references: Reference[]; invalid: string[] } {
  const references: Reference[] = [];
  const invalid: string[] = [];
  for (const item of parseList(text)) {
    const at = item.indexOf(':');
    const head = (at < 0 ? item : item.slice(0, at)).trim();
    const label = at < 0 ? undefined : item.slice(at + 1).trim() || undefined;
    const keyword = KEYWORDS[head.toLowerCase()];
    const number = /^[-+]?[\d\s\u00a0\u202f_]*\.?\d+(e[-+]?\d+)?$/i.test(head) ? Number(head.replace(/[\s\u00a0\u202f_]/g, '')) : NaN;
    if (keyword) references.push({ kind: keyword, ...(label ? { label } : {}) });
    else if (Number.isFinite(number)) references.push({ kind: 'value', value: number, ...(label ? { label } : {}) });
    else invalid.push(item);
  }
  return { references, invalid };
}

/** Rules run across a value axis: not on pies, heatmaps (colour is the value) or 100 % stacks. */
function resolveReferences(text: string | undefined, type: ChartType, stack: StackMode, warnings: ChartWarning[]): Reference[] {
  if (!text?.trim()) return [];
  const { references, invalid } = parseReferences(text);
  for (const value of invalid) warnings.push({ attribute: 'reference', value, reason: 'reference-invalid', accepted: 'mean, median, 1000000: label' });
  if (references.length && (type === 'pie' || type === 'donut' || type === 'heatmap' || stack === 'normalize')) {
    warnings.push({ attribute: 'reference', value: text.trim(), reason: 'reference-unused' });
    return [];
  }
  return references;
}

/** A colour any browser reads, when the element cannot ask `CSS.supports` (tests, workers). */
const LOOKS_LIKE_A_COLOR = /^(#[0-9a-f]{3,8}|(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([^()]*\)|[a-z]{3,20})$/i;

function resolveColors(text: string | undefined, isColor: ((c: string) => boolean) | undefined, warnings: ChartWarning[]): [string, string][] {
  if (!text?.trim()) return [];
  const { colors, invalid } = parseColorMap(text, isColor ?? ((c) => LOOKS_LIKE_A_COLOR.test(c)));
  for (const value of invalid) warnings.push({ attribute: 'colors', value, reason: 'color-invalid', accepted: 'Musique: #000091; Théâtre: #e1000f' });
  return [...colors];
}

/** A pie reads up to ~6 slices; a bar chart of hundreds of categories reads as a top N. */
function defaultLimit(type: ChartType, x: ColumnInfo, limit: number | undefined): { limit?: number } {
  if (limit !== undefined && limit > 0) return { limit: Math.floor(limit) };
  if (xKindOf(x) !== 'nominal') return {};
  if (type === 'pie' || type === 'donut') return { limit: 6 };
  if ((type === 'bar' || type === 'column') && distinctOf(x) > MANY_CATEGORIES) return { limit: DEFAULT_TOP };
  return {};
}
