/**
 * One query model, one meaning on every path. `normalizeQuery` checks a Query against the column
 * profile (unknown columns → `unknown-column` with the available names), types the filter values
 * (`2 901,60` → 2901.6 for number columns, `05/03/2021` → `2021-03-05` for dates). It adds no
 * filter of its own: every row the filters keep is returned (a caller ranking a top N that must
 * not start with the empty values asks for `is not empty` itself, as the chart does).
 */
import type { Aggregate, Cell, ColumnInfo, FilterClause, Query } from './types.js';
import { CultureError } from './errors.js';
import { isNumeric, matchColumn } from './columns.js';
import { readBoolean, readDate, readNumber } from './values.js';

/** What `aggregate` attributes accept, and core's aggregates. */
export const AGGREGATE_OPS = ['sum', 'count', 'mean', 'median', 'min', 'max'] as const;

/** The result column of an aggregate: `total__sum`, or `count` for a row count. */
/** True when a query needs the shaping layer (computed columns, aggregate expressions or a join). */
export const isShaped = (q: Query): boolean => !!(q.compute?.trim() || q.measures?.trim() || q.join);

export const aggregateName = (a: Aggregate): string => a.as ?? (a.column ? `${a.column}__${a.op}` : 'count');

/** A filter value typed for its column. */
export type Typed = Exclude<Cell, null>;

function typeValue(value: string, column: ColumnInfo, clause: FilterClause): Typed {
  if (isNumeric(column)) {
    const n = readNumber(value.trim());
    if (Number.isNaN(n)) throw new CultureError('bad-filter', { reason: 'not-a-number', value, column: column.name, clause: `${clause.column} ${clause.op} ${value}` });
    return n;
  }
  if (column.type === 'boolean') return readBoolean(value) ?? value;
  if (column.type === 'date') return readDate(value.trim()) ?? value;
  return value;
}

/** A clause whose value(s) are typed for the column. */
export interface TypedClause extends FilterClause {
  typed?: Typed;
  typedValues?: Typed[];
}

export interface NormalizedQuery extends Query {
  filters: TypedClause[];
  sort: NonNullable<Query['sort']>;
  groupBy: string[];
  aggregates: Aggregate[];
  /** Columns searched by `search`: the text columns returned (all, or those of `columns`). */
  searchColumns: string[];
}

export function normalizeQuery(query: Query, columns: ColumnInfo[]): NormalizedQuery {
  const names = columns.map((c) => c.name);
  const byName = new Map(columns.map((c) => [c.name, c]));
  const col = (name: string): string => matchColumn(name, names);
  const filters: TypedClause[] = (query.filters ?? []).map((clause) => {
    const name = col(clause.column);
    const info = byName.get(name)!;
    const c: TypedClause = { ...clause, column: name };
    if ((c.op === '~' || c.op === '!~') && (isNumeric(info) || info.type === 'boolean')) {
      throw new CultureError('bad-filter', { reason: 'text-operator', op: c.op, column: name, clause: `${clause.column} ${clause.op} ${clause.value ?? ''}` });
    }
    if (c.value !== undefined) c.typed = typeValue(c.value, info, clause);
    if (c.values) c.typedValues = c.values.map((v) => typeValue(v, info, clause));
    return c;
  });
  const groupBy = (query.groupBy ?? []).map(col);
  const aggregates = (query.aggregates ?? []).map((a) => (a.column ? { ...a, column: col(a.column) } : { ...a }));
  const aggregated = aggregates.length > 0;
  const outputs = aggregated ? [...groupBy, ...aggregates.map(aggregateName)] : names;
  const sort = (query.sort ?? []).map((s) => ({ ...s, column: matchColumn(s.column, outputs) }));
  const shown = query.columns && !aggregated ? query.columns.map(col) : undefined;
  return {
    ...query,
    filters,
    sort,
    groupBy,
    aggregates,
    ...(shown ? { columns: shown } : {}),
    searchColumns: columns.filter((c) => c.type === 'string' && (shown === undefined || shown.includes(c.name))).map((c) => c.name),
  };
}

/** Text order of the tabular API's database (French collation), shared by every local engine. */
export const collator = new Intl.Collator('fr', { sensitivity: 'variant', numeric: false });

/** Nulls compare greater than everything (PostgreSQL's order); text by French collation. */
export function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sort order of two cells: empty values last in both directions (a top N never opens on blanks). */
export function compareForSort(a: Cell, b: Cell, descending = false): number {
  if (a === null || b === null) return compareCells(a, b);
  return descending ? -compareCells(a, b) : compareCells(a, b);
}

/** The test a clause applies to one cell, with SQL's meaning for empty cells. */
export function cellTest(clause: TypedClause): (cell: Cell) => boolean {
  const v = clause.typed as Typed;
  switch (clause.op) {
    case '=': return (x) => x === v;
    case '!=': return (x) => x !== v; // IS DISTINCT FROM: an empty cell differs
    case '>': return (x) => x !== null && compareCells(x, v) > 0;
    case '>=': return (x) => x !== null && compareCells(x, v) >= 0;
    case '<': return (x) => x !== null && compareCells(x, v) < 0;
    case '<=': return (x) => x !== null && compareCells(x, v) <= 0;
    case '~': { const needle = String(v).toLowerCase(); return (x) => x !== null && String(x).toLowerCase().includes(needle); }
    case '!~': { const needle = String(v).toLowerCase(); return (x) => x !== null && !String(x).toLowerCase().includes(needle); }
    case 'in': { const set = new Set<Cell>(clause.typedValues); return (x) => x !== null && set.has(x); }
    case 'is empty': return (x) => x === null;
    case 'is not empty': return (x) => x !== null;
  }
}

/**
 * A predicate for rows already in memory (a chart's drawn values, a KPI's rows): the filter
 * grammar with the meaning it has on every path. Throws like `normalizeQuery` (unknown column,
 * a value that is not a number for a number column).
 */
export function rowMatcher(clauses: FilterClause[], columns: ColumnInfo[]): (row: Record<string, Cell | undefined>) => boolean {
  const tests = normalizeQuery({ filters: clauses }, columns).filters.map((f) => [f.column, cellTest(f)] as const);
  return (row) => tests.every(([column, test]) => test(row[column] ?? null));
}
