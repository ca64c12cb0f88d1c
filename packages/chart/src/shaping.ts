/**
 * The chart's side of shaping the data (DESIGN.md § 5): aggregate expressions in `y` (and in
 * `x` for a scatter of groups), `time-unit="decade"` and dates written as text (grouped through
 * core's computed columns, so the server groups by the raw column and core re-groups), the
 * natural order of ordinal columns, and how names are called on screen. Pure: no DOM, no vega.
 */
import { matchColumn, measureTitle, parseDefinitions, parseName, quoteName, type AggregateOp, type ColumnInfo, type Lang } from '@culture-widgets/core';

/** Computed columns whose values have their own order (months, decades, centuries, bins). */
const ORDINAL = new Set(['month', 'decade', 'century', 'bin']);
export const isOrdinal = (c: ColumnInfo | undefined): boolean => !!c?.computed && ORDINAL.has(c.format ?? '');

/** A name that matches no column but reads as an aggregate expression (`gratuit / total`, `count()`, `taux = …`). */
const EXPRESSION = /[()+*/=]|\bjoin\.|\s-\s/;

/** Whether an item of `y` (or `x`) is an expression rather than a column. A typo of a plain name stays an unknown column. */
export function isExpression(text: string, columns: readonly ColumnInfo[]): boolean {
  try {
    matchColumn(parseName(text) ?? text, columns.map((c) => c.name));
    return false;
  } catch {
    return EXPRESSION.test(text);
  }
}

/** Aggregate expressions, as core reads them: the text to send and the result columns' names. */
export interface Measures {
  /** `taux = sum(gratuit) / sum(total) * 100, total`: core's `measures`. */
  text: string;
  /** The result columns, in order (`taux`, `total`): the names the author gave, else the expressions as written. */
  names: string[];
}

/**
 * `y` when one of its items is an expression: every item becomes a measure (a bare column takes
 * `aggregate`, as in `gratuit / total`). Undefined when `y` lists plain columns only.
 */
export function expressionMeasures(items: readonly string[], columns: readonly ColumnInfo[]): Measures | undefined {
  if (!items.some((item) => isExpression(item, columns))) return undefined;
  // expressions as written (messages quote them), plain names quoted back for the grammar
  const text = items.map((item) => (isExpression(item, columns) ? item : quoteName(parseName(item) ?? item))).join(', ');
  return { text, names: parseDefinitions(text, { separator: ',', named: false }).map((d) => d.name) };
}

/**
 * What each measure is called on screen: its name when the author gave one (`taux` → « Taux »),
 * else its expression in words (`count()` → « Nombre de lignes », `gratuit / total` → « Gratuit / Total »).
 */
export function measureTitles(measures: Measures, options: { lang: Lang; titleOf: (name: string) => string; aggregate?: AggregateOp }): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const def of parseDefinitions(measures.text, { separator: ',', named: false })) titles[def.name] = measureTitle(def, options);
  return titles;
}

/** Whether every measure is a plain sum (`total`, `sum(total)`): values that add up across series. */
export function sumsOnly(measures: Measures, aggregate: AggregateOp | undefined): boolean {
  return parseDefinitions(measures.text, { separator: ',', named: false }).every(({ expr }) =>
    (expr.type === 'call' && expr.name === 'sum') || (expr.type === 'column' && !expr.join && (aggregate ?? 'sum') === 'sum'));
}

/** The units core computes (from years, dates and dates written as text). */
const CORE_UNITS = new Set(['year', 'month', 'decade']);

/**
 * `time-unit` grouped by a computed column: `decade` always; `year` and `month` of a date written
 * as text, or when the values are expressions (a ratio per year is re-computed, not added up).
 * Dates stored as dates keep the chart's own bucketing for the other units.
 */
export function timeKey(x: ColumnInfo, unit: string | undefined, expressions: boolean): { name: string; compute: string; format: string } | undefined {
  if (!unit || !CORE_UNITS.has(unit)) return undefined;
  const date = x.type === 'date' || x.type === 'datetime';
  const text = x.type === 'string';
  if (unit !== 'decade' && !text && !(expressions && date)) return undefined;
  const name = `${unit}(${x.name})`;
  return { name, compute: `${quoteName(name)} = ${unit}(${quoteName(x.name)})`, format: unit === 'year' ? 'year' : unit };
}
