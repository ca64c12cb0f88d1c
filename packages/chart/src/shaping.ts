/**
 * The chart's side of shaping the data (DESIGN.md § 5): aggregate expressions in `y` (and in
 * `x` for a scatter of groups), `time-unit="decade"` and dates written as text (grouped through
 * core's computed columns, so the server groups by the raw column and core re-groups), the
 * natural order of ordinal columns, and how names are called on screen. Pure: no DOM, no vega.
 */
import { matchColumn, parseDefinitions, parseName, quoteName, type ColumnInfo } from '@culture-widgets/core';

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
  /** The result columns, in order (`taux`, `total`). */
  names: string[];
  /** The names the author gave (`taux = …`), the others being plain columns or expressions as written. */
  named: string[];
}

/**
 * `y` when one of its items is an expression: every item becomes a measure (a bare column takes
 * `aggregate`, as in `gratuit / total`). Undefined when `y` lists plain columns only.
 */
export function expressionMeasures(items: readonly string[], columns: readonly ColumnInfo[]): Measures | undefined {
  if (!items.some((item) => isExpression(item, columns))) return undefined;
  // expressions as written (messages quote them), plain names quoted back for the grammar
  const text = items.map((item) => (isExpression(item, columns) ? item : quoteName(parseName(item) ?? item))).join(', ');
  const definitions = parseDefinitions(text, { separator: ',', named: false });
  return {
    text,
    names: definitions.map((d) => d.name),
    named: definitions.filter((d) => d.named).map((d) => d.name),
  };
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
