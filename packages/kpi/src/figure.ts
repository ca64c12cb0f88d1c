/**
 * A key figure, from what the author wrote to the numbers: the filters of the value and of its
 * base (`compare`), the fewest queries answering the value, the base and the trend, and the
 * figure read from their answers. Pure: no DOM, no lit.
 *
 *   filter + compare ─baseFilters─▶ base clauses
 *   value, clauses, trend ─planKpi─▶ KpiPlan (one grouped query in the common case)
 *   results ─readFigure─▶ KpiFigure { value, base, trend } ─compareFigure─▶ change or share
 */
import {
  cellNumber, checkMeasures, compareCells, formatFilter, matchColumn, rowMatcher,
  type AggregateOp, type Cell, type ColumnInfo, type FilterClause, type Query, type QueryResult, type Row,
} from '@culture-widgets/core';
import { kpiErrors } from './messages.js';

export const KPI_MODES = ['change', 'share'] as const;
export type KpiMode = (typeof KPI_MODES)[number];
export const KPI_FORMATS = ['number', 'percent', 'compact'] as const;
export type KpiFormat = (typeof KPI_FORMATS)[number];

/** Groups asked for at most by one KPI query (a comparison across every museum stays far below). */
export const MAX_GROUPS = 10000;

/** `COLUMN = *` in `compare`: the base has no clause on that column. */
const isWildcard = (c: FilterClause): boolean => c.op === '=' && c.value === '*';

/**
 * `compare` applied to `filter` (DESIGN § 6): its clauses replace the clauses of the filter on the
 * same columns, the others stay, and `COLUMN = *` drops that column's clause.
 * `annee = 2024; regions = BRETAGNE` + `annee = 2019` → `regions = BRETAGNE; annee = 2019`.
 */
export function baseFilters(filters: FilterClause[], compare: FilterClause[], columns: readonly ColumnInfo[]): FilterClause[] {
  const names = columns.map((c) => c.name);
  const real = (c: FilterClause): FilterClause => ({ ...c, column: matchColumn(c.column, names) });
  const replaced = new Set(compare.map((c) => real(c).column));
  return [
    ...filters.map(real).filter((c) => !replaced.has(c.column)),
    ...compare.filter((c) => !isWildcard(c)).map(real),
  ];
}

export interface KpiInput {
  /** The aggregate expression (`sum(gratuit) / sum(total)`); one measure. */
  value: string;
  aggregate?: AggregateOp;
  /** The element's clauses (its `<culture-source>`'s, then its own `filter`). */
  filters: FilterClause[];
  /** `compare`, parsed: absent without a comparison. */
  compare?: FilterClause[];
  /** The column the trend runs along. */
  trend?: string;
  columns: ColumnInfo[];
}

/** One query answering the value, the base and the trend: grouped by the columns they differ on. */
export interface MergedPlan {
  kind: 'merged';
  query: Query;
  /** Columns grouped on; the value, the base and the trend are groups picked by their clauses on these. */
  keys: string[];
  value: FilterClause[];
  base?: FilterClause[];
  trend?: string;
}

/** One query each, when groups cannot be combined (a median, a distinct count of several groups). */
export interface SeparatePlan {
  kind: 'separate';
  value: Query;
  base?: Query;
  trend?: Query & { groupBy: [string] };
}

export type KpiPlan = (MergedPlan | SeparatePlan) & {
  /** The result column holding the figure. */
  measure: string;
  /** Every query to run, the first being the one `culture-load` reports. */
  queries: Query[];
};

/** Clauses by column, as text: two sides differ on a column when these differ. */
function byColumn(clauses: FilterClause[]): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const c of clauses) out.set(c.column, [...(out.get(c.column) ?? []), formatFilter([c])]);
  return new Map([...out].map(([column, texts]) => [column, texts.sort().join('; ')]));
}

/** The values a side names on `column` (`=` and `in` clauses only), else undefined. */
function valuesOf(column: string, clauses: FilterClause[]): string[] | undefined {
  const on = clauses.filter((c) => c.column === column);
  if (!on.length || !on.every((c) => c.op === '=' || c.op === 'in')) return undefined;
  return on.flatMap((c) => (c.op === 'in' ? (c.values ?? []) : [c.value ?? '']));
}

/** `column in a|b`: the groups both sides need on a key, when both name their values. */
function unionOf(column: string, value: FilterClause[], base: FilterClause[]): FilterClause[] {
  const [a, b] = [valuesOf(column, value), valuesOf(column, base)];
  return a && b ? [{ column, op: 'in', values: [...new Set([...a, ...b])] }] : [];
}

/** A single group per side: every key has one `=` clause. */
const oneGroup = (clauses: FilterClause[], keys: string[]): boolean =>
  keys.every((k) => clauses.filter((c) => c.column === k).some((c) => c.op === '=' || (c.op === 'in' && c.values?.length === 1)));

/**
 * The fewest queries: one, grouped by the columns where the value and the base differ (and the
 * trend's column), filtered by the clauses they share; the value, the base and each point of the
 * trend are then its groups, combined with the same expression (`sum(gratuit) / sum(total)` over
 * several groups stays a ratio of sums). A median or a distinct count cannot combine groups: then
 * one query each, unless every side is one group.
 */
export function planKpi(input: KpiInput): KpiPlan {
  const names = input.columns.map((c) => c.name);
  const measures = checkMeasures(input.value, input.columns, input.aggregate ? { aggregate: input.aggregate } : {});
  if (measures.length !== 1) throw kpiErrors.error('bad-expression', { expression: input.value, count: measures.length }, 'one-value');
  const measure = measures[0]!;
  const value = input.filters.map((c) => ({ ...c, column: matchColumn(c.column, names) }));
  const base = input.compare ? baseFilters(value, input.compare, input.columns) : undefined;
  const trend = input.trend ? matchColumn(input.trend, names) : undefined;
  const common = { measures: input.value, ...(input.aggregate ? { aggregate: input.aggregate } : {}) };

  const valueBy = byColumn(value);
  const baseBy = base ? byColumn(base) : valueBy;
  const differing = [...new Set([...valueBy.keys(), ...baseBy.keys()])].filter((c) => valueBy.get(c) !== baseBy.get(c));
  const keys = [...new Set([...differing, ...(trend ? [trend] : [])])];
  const combinable = measure.calls.every((c) => c.op !== 'median' && c.op !== 'distinct');
  const singles = oneGroup(value, keys) && (!base || oneGroup(base, keys)) && (!trend || oneGroup(value, keys.filter((k) => k !== trend)));
  if (combinable || singles) {
    // the shared clauses go to the server, and on a key both sides name by values, their union
    const filters = [...value.filter((c) => !keys.includes(c.column)), ...keys.flatMap((k) => (k === trend ? [] : unionOf(k, value, base ?? value)))];
    const query: Query = { ...common, ...(filters.length ? { filters } : {}), ...(keys.length ? { groupBy: keys, limit: MAX_GROUPS } : {}) };
    const pick = (clauses: FilterClause[]) => clauses.filter((c) => keys.includes(c.column));
    return {
      kind: 'merged', measure: measure.name, query, keys, value: pick(value),
      ...(base ? { base: pick(base) } : {}), ...(trend ? { trend } : {}), queries: [query],
    };
  }
  const valueQuery: Query = { ...common, ...(value.length ? { filters: value } : {}) };
  const baseQuery: Query | undefined = base ? { ...common, ...(base.length ? { filters: base } : {}) } : undefined;
  const trendFilters = trend ? value.filter((c) => c.column !== trend) : [];
  const trendQuery = trend ? { ...common, ...(trendFilters.length ? { filters: trendFilters } : {}), groupBy: [trend] as [string], limit: MAX_GROUPS } : undefined;
  return {
    kind: 'separate', measure: measure.name, value: valueQuery,
    ...(baseQuery ? { base: baseQuery } : {}), ...(trendQuery ? { trend: trendQuery } : {}),
    queries: [valueQuery, ...(baseQuery ? [baseQuery] : []), ...(trendQuery ? [trendQuery] : [])],
  };
}

/** One point of the trend: the value at one `trend` value. */
export interface TrendPoint {
  x: Cell;
  y: number | null;
}

/** What the queries answered. `base`: undefined without `compare`, null when it matched nothing. */
export interface KpiFigure {
  value: number | null;
  base?: number | null;
  trend?: TrendPoint[];
  /** The `trend` value of the value and of the base, when each is one point of the trend. */
  valueAt?: Cell;
  baseAt?: Cell;
}

const numberIn = (row: Row | undefined, measure: string): number | null => (row ? (cellNumber(row[measure]) ?? null) : null);

/** The figure of `rows` (groups): none → null, one → its value, several → combined by core. */
function figureOf(rows: Row[], result: QueryResult, measure: string): number | null {
  if (rows.length === 0) return null;
  if (rows.length === 1) return numberIn(rows[0], measure);
  return numberIn(result.combine?.(rows), measure);
}

/** Reads the value, the base and the trend from the answers, in `plan.queries` order. */
export function readFigure(plan: KpiPlan, results: QueryResult[]): KpiFigure {
  const { measure } = plan;
  if (plan.kind === 'separate') {
    const [value, ...rest] = results;
    const base = plan.base ? rest.shift() : undefined;
    const trend = plan.trend ? rest.shift() : undefined;
    return {
      value: figureOf(value!.rows, value!, measure),
      ...(base ? { base: figureOf(base.rows, base, measure) } : {}),
      ...(trend ? { trend: trend.rows.map((row) => ({ x: row[plan.trend!.groupBy[0]] ?? null, y: numberIn(row, measure) })) } : {}),
    };
  }
  const result = results[0]!;
  const info = result.columns.filter((c) => plan.keys.includes(c.name));
  const matching = (clauses: FilterClause[]) => {
    const test = clauses.length ? rowMatcher(clauses, info) : () => true;
    return result.rows.filter((row) => test(row));
  };
  const valueRows = matching(plan.value);
  const baseRows = plan.base ? matching(plan.base) : undefined;
  const figure: KpiFigure = {
    value: figureOf(valueRows, result, measure),
    ...(baseRows ? { base: figureOf(baseRows, result, measure) } : {}),
  };
  if (plan.trend) {
    const t = plan.trend;
    const along = matching(plan.value.filter((c) => c.column !== t));
    const points = new Map<string, { x: Cell; rows: Row[] }>();
    for (const row of along) {
      const x = row[t] ?? null;
      const point = points.get(String(x)) ?? points.set(String(x), { x, rows: [] }).get(String(x))!;
      point.rows.push(row);
    }
    figure.trend = [...points.values()]
      .sort((a, b) => compareCells(a.x, b.x))
      .map(({ x, rows }) => ({ x, y: figureOf(rows, result, measure) }));
    const at = (rows: Row[] | undefined) => {
      const xs = new Set((rows ?? []).map((r) => String(r[t] ?? null)));
      return xs.size === 1 ? (rows![0]![t] ?? null) : undefined;
    };
    const valueAt = at(valueRows);
    const baseAt = at(baseRows);
    if (valueAt !== undefined) figure.valueAt = valueAt;
    if (baseAt !== undefined) figure.baseAt = baseAt;
  }
  return figure;
}

/** Why a comparison cannot be said: the base matched nothing, or it is 0. */
export type CompareStatus = 'ok' | 'no-base' | 'zero-base' | 'no-value';

/** The change (relative, or in points for a percentage) or the share, ready to say. */
export interface KpiComparison {
  mode: KpiMode;
  status: CompareStatus;
  /**
   * `change`: relative (0.032 is +3.2 %), or in percentage points for a percentage (0.6);
   * `share`: value ÷ base (0.123 is 12.3 %).
   */
  amount?: number;
  /** The change is in points (a percentage compared with a percentage). */
  points?: boolean;
}

/**
 * A change is relative for a number, in points for a percentage (`format="percent"`, a fraction,
 * or a value already in percent, `unit="%"`); a share is value ÷ base. A base that matched
 * nothing or is 0 is said (« pas de comparaison », « base nulle »), never +∞ % or NaN.
 */
export function compareFigure(figure: KpiFigure, mode: KpiMode, format: KpiFormat, unit?: string): KpiComparison | undefined {
  if (figure.base === undefined) return undefined;
  if (figure.value === null) return { mode, status: 'no-value' };
  if (figure.base === null) return { mode, status: 'no-base' };
  if (mode === 'change' && (format === 'percent' || unit?.trim() === '%')) {
    return { mode, status: 'ok', amount: (figure.value - figure.base) * (format === 'percent' ? 100 : 1), points: true };
  }
  if (figure.base === 0) return { mode, status: 'zero-base' };
  return { mode, status: 'ok', amount: mode === 'share' ? figure.value / figure.base : (figure.value - figure.base) / Math.abs(figure.base) };
}
