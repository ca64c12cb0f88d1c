/**
 * What the tabular path needs from the local engines without loading them: the order of grouped
 * rows and the profile of an aggregated result (local.ts and arquero-engine.ts use them too).
 */
import type { ColumnInfo, Row } from './types.js';
import { type NormalizedQuery, aggregateName, compareForSort } from './query.js';

/** Output profile of an aggregated query. */
export function aggregateColumns(columns: ColumnInfo[], q: NormalizedQuery): ColumnInfo[] {
  const byName = new Map(columns.map((c) => [c.name, c]));
  return [
    ...q.groupBy.map((g) => byName.get(g)!),
    ...q.aggregates.map((a): ColumnInfo => {
      const source = a.column ? byName.get(a.column) : undefined;
      const keepsType = (a.op === 'min' || a.op === 'max') && source;
      const type = a.op === 'count' ? 'integer' : keepsType ? source.type : 'number';
      return { name: aggregateName(a), type, ...(keepsType && source.format ? { format: source.format } : {}) };
    }),
  ];
}

/** Sorts rows by the query's keys (empty values last); aggregated rows default to the group-by order. */
export function sortRows(rows: Row[], keys: { column: string; descending?: boolean }[]): Row[] {
  if (!keys.length) return rows;
  return rows.sort((a, b) => {
    for (const k of keys) {
      const c = compareForSort(a[k.column] ?? null, b[k.column] ?? null, k.descending);
      if (c) return c;
    }
    return 0;
  });
}

/** Median as arquero and d3 compute it (linear interpolation between the middle values). */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  const at = (sorted.length - 1) / 2;
  const lo = Math.floor(at);
  return lo === at ? sorted[lo]! : sorted[lo]! + (sorted[lo + 1]! - sorted[lo]!) * (at - lo);
}

/** Arithmetic mean; `null` for no values (a chart's reference line). */
export function mean(values: readonly number[]): number | null {
  if (!values.length) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The order of aggregated rows: the query's sort, then the group keys (ties in one order on every path). */
export function groupOrder(q: NormalizedQuery): { column: string; descending?: boolean }[] {
  const sorted = new Set(q.sort.map((k) => k.column));
  return [...q.sort, ...q.groupBy.filter((column) => !sorted.has(column)).map((column) => ({ column, descending: false }))];
}
