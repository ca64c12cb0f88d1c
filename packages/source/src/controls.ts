/**
 * Pure helpers behind `<culture-filter>`: which control a column gets, the facet query that
 * counts its values, and the round trip between a control's state and its filter clauses.
 */
import { cellNumber, foldText, isNumeric, isYear, type ColumnInfo, type FilterClause, type Lang, type Query, type Row } from '@culture-widgets/core';

export const CONTROL_TYPES = ['select', 'checkboxes', 'range', 'search'] as const;
export type ControlType = (typeof CONTROL_TYPES)[number];
/** What the `type` attribute accepts. */
export const CONTROL_SETTINGS: readonly (ControlType | 'auto')[] = ['auto', ...CONTROL_TYPES];
export type ControlSetting = (typeof CONTROL_SETTINGS)[number];

/** Lists longer than this get a value search box. */
export const SEARCHABLE_AFTER = 8;
/** More distinct values than this: a free-text search is more useful than a list. */
const LIST_LIMIT = 60;
/** Facet values fetched at most (one request, grouped on the server when it allows it). */
export const FACET_LIMIT = 500;
/** Name of the count column in facet results. */
export const COUNT = '__count';

const isDate = (c: ColumnInfo) => c.type === 'date' || c.type === 'datetime';

/**
 * The control a column gets from its profile: a range for numbers, years and dates, a yes/no
 * select for booleans, checkboxes for categories, a text search for free text.
 */
export function chooseControl(column: ColumnInfo): ControlType {
  if (column.type === 'boolean') return 'select';
  // decades, centuries, bins, split values, cleaned labels: a short list by construction
  if (column.computed && column.type === 'string') return 'checkboxes';
  if (isDate(column) || isYear(column)) return 'range';
  if (isNumeric(column)) return column.categorical && (column.distinct ?? Infinity) <= 12 ? 'checkboxes' : 'range';
  if (column.categorical || (column.distinct !== undefined && column.distinct <= LIST_LIMIT)) return 'checkboxes';
  return 'search';
}

/** Which inputs a range uses: numbers (years included) or dates. */
export const rangeInput = (column: ColumnInfo): 'number' | 'date' => (isDate(column) ? 'date' : 'number');

/** The profile's bounds as input values (`2014`, `2024-06-30`). */
export function rangeBounds(column: ColumnInfo): { min?: string; max?: string } {
  const clean = (v: number | string | undefined) => {
    if (v === undefined || v === null || v === '') return undefined;
    const text = String(v).trim();
    return rangeInput(column) === 'date' ? text.slice(0, 10) : text;
  };
  return { min: clean(column.min), max: clean(column.max) };
}

/** `1` for integers and years, `any` otherwise. */
export const rangeStep = (column: ColumnInfo): string =>
  column.type === 'integer' || isYear(column) ? '1' : 'any';

/**
 * One row per value with its count, under every filter but the control's own ones (so picking
 * Bretagne still lists the other regions, and other controls narrow the counts).
 */
export function facetQuery(column: string, filters: FilterClause[], compute?: string, lang?: Lang): Query {
  return {
    ...(compute?.trim() ? { compute, ...(lang ? { lang } : {}) } : {}),
    filters,
    groupBy: [column],
    aggregates: [{ op: 'count', as: COUNT }],
    limit: FACET_LIMIT,
  };
}

export interface Facet {
  value: string;
  count: number;
}

/**
 * Facet rows → values and counts: empty values left out, most frequent first; numbers and
 * years in their own order. Values currently selected stay listed (count 0) even when other
 * filters leave none of them.
 */
export function toFacets(rows: readonly Row[], column: ColumnInfo, selected: readonly string[] = []): Facet[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = row[column.name];
    if (value === null || value === undefined || value === '') continue;
    const key = String(value);
    counts.set(key, (counts.get(key) ?? 0) + Number(row[COUNT] ?? 0));
  }
  for (const value of selected) if (!counts.has(value)) counts.set(value, 0);
  const facets = [...counts].map(([value, count]) => ({ value, count }));
  // months, decades, centuries, bins in their natural order
  const order = column.order;
  if (order) return facets.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
  const ordered = isNumeric(column) || column.type === 'boolean';
  const number = (v: string) => cellNumber(v) ?? NaN;
  return facets.sort((a, b) =>
    ordered ? number(a.value) - number(b.value) || a.value.localeCompare(b.value) : b.count - a.count || a.value.localeCompare(b.value, 'fr'),
  );
}

/** Values picked through `=` / `in` clauses (a select, checkboxes, a click). */
export function selectedValues(clauses: readonly FilterClause[]): string[] {
  return clauses.flatMap((c) => (c.op === '=' && c.value !== undefined ? [c.value] : c.op === 'in' ? (c.values ?? []) : []));
}

/** Picked values → clauses: `=` for one value (safer on every path), `in` for several. */
export function valuesClauses(column: string, values: readonly string[]): FilterClause[] | null {
  const unique = [...new Set(values)];
  if (unique.length === 0) return null;
  return [unique.length === 1 ? { column, op: '=', value: unique[0]! } : { column, op: 'in', values: unique }];
}

/** Range inputs → `>=` / `<=` clauses (inclusive, as a reader expects « de 2015 à 2020 »). */
export function rangeClauses(column: string, min?: string, max?: string): FilterClause[] | null {
  const clauses: FilterClause[] = [];
  if (min?.trim()) clauses.push({ column, op: '>=', value: min.trim() });
  if (max?.trim()) clauses.push({ column, op: '<=', value: max.trim() });
  return clauses.length ? clauses : null;
}

/** The bounds a range shows for its clauses (strict bounds are shown as they are). */
export function rangeValues(clauses: readonly FilterClause[]): { min?: string; max?: string } {
  const find = (...ops: string[]) => clauses.find((c) => ops.includes(c.op))?.value;
  return { min: find('>=', '>'), max: find('<=', '<') };
}

/** Free text → a case-insensitive `~` clause. */
export function searchClauses(column: string, text: string): FilterClause[] | null {
  const value = text.trim();
  return value ? [{ column, op: '~', value }] : null;
}

export const searchText = (clauses: readonly FilterClause[]): string => clauses.find((c) => c.op === '~')?.value ?? '';

/** Keeps the facets whose value contains the text, ignoring case and accents. */
export function matchFacets(facets: readonly Facet[], text: string): Facet[] {
  const needle = foldText(text);
  return needle ? facets.filter((f) => foldText(f.value).includes(needle)) : [...facets];
}
