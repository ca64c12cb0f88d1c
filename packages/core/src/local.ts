/**
 * The eval-free query engine: filters, search, group-by, aggregates, sort and paging over column
 * storage with plain closures. It runs under any Content-Security-Policy and gives the same rows
 * as the tabular API and the arquero engine (see test/engines.test.ts).
 */
import type { Aggregate, Cell, ColumnInfo, Row } from './types.js';
import { type NormalizedQuery, aggregateName, cellTest, compareForSort } from './query.js';
import { type Table, getter, materialize } from './table.js';
import { aggregateColumns, groupOrder, median, sortRows } from './rows.js';

export { aggregateColumns, median, sortRows };

export interface LocalResult {
  rows: Row[];
  columns: ColumnInfo[];
  total: number;
}

export function columnIndex(table: Table): Map<string, number> {
  return new Map(table.columns.map((c, i) => [c.name, i]));
}

/** Indices of the rows that pass the filters and the search. */
export function selectRows(table: Table, q: NormalizedQuery): Uint32Array {
  const position = columnIndex(table);
  const tests = q.filters.map((f) => ({ get: getter(table.data[position.get(f.column)!]!), test: cellTest(f) }));
  const needle = q.search?.trim().toLowerCase();
  const searched = needle ? q.searchColumns.filter((n) => position.has(n)).map((n) => getter(table.data[position.get(n)!]!)) : [];
  const out = new Uint32Array(table.length);
  let n = 0;
  rows: for (let i = 0; i < table.length; i++) {
    for (const { get, test } of tests) if (!test(get(i))) continue rows;
    if (needle) {
      let hit = false;
      for (const get of searched) { const x = get(i); if (x !== null && String(x).toLowerCase().includes(needle)) { hit = true; break; } }
      if (!hit) continue;
    }
    out[n++] = i;
  }
  return out.subarray(0, n);
}

class Accumulator {
  count = 0; valid = 0; sum = 0;
  min: Cell = null; max: Cell = null;
  values: number[] = [];
  constructor(readonly op: Aggregate['op']) {}
  add(x: Cell | undefined): void {
    this.count++;
    if (x === null || x === undefined) return;
    this.valid++;
    if (typeof x === 'number') { this.sum += x; if (this.op === 'median') this.values.push(x); }
    if (this.min === null || x < this.min) this.min = x;
    if (this.max === null || x > this.max) this.max = x;
  }
  value(counting: boolean): Cell {
    switch (this.op) {
      case 'count': return counting ? this.count : this.valid;
      case 'sum': return this.valid ? this.sum : null;
      case 'mean': return this.valid ? this.sum / this.valid : null;
      case 'median': return median(this.values);
      case 'min': return this.min;
      case 'max': return this.max;
    }
  }
}

function aggregate(table: Table, indices: Uint32Array, q: NormalizedQuery): Row[] {
  const position = columnIndex(table);
  const keys = q.groupBy.map((g) => getter(table.data[position.get(g)!]!));
  const inputs = q.aggregates.map((a) => (a.column ? getter(table.data[position.get(a.column)!]!) : undefined));
  const names = q.aggregates.map(aggregateName);
  const groups = new Map<unknown, { key: Cell[]; acc: Accumulator[] }>();
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r]!;
    const key = keys.map((k) => k(i));
    const id = key.length === 1 ? key[0] : JSON.stringify(key);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { key, acc: q.aggregates.map((a) => new Accumulator(a.op)) }));
    for (let a = 0; a < inputs.length; a++) group.acc[a]!.add(inputs[a] ? inputs[a]!(i) : null);
  }
  if (!groups.size && !q.groupBy.length) groups.set(null, { key: [], acc: q.aggregates.map((a) => new Accumulator(a.op)) });
  return [...groups.values()].map(({ key, acc }) => {
    const row: Row = {};
    q.groupBy.forEach((g, k) => { row[g] = key[k]!; });
    acc.forEach((a, k) => { row[names[k]!] = a.value(!q.aggregates[k]!.column); });
    return row;
  });
}

const page = <T,>(items: T[], q: NormalizedQuery): T[] =>
  items.slice(q.offset ?? 0, q.limit === undefined ? undefined : (q.offset ?? 0) + q.limit);

/** Runs a normalized query over a table, without eval. */
export function runLocal(table: Table, q: NormalizedQuery): LocalResult {
  const indices = selectRows(table, q);
  if (q.aggregates.length) {
    const rows = sortRows(aggregate(table, indices, q), groupOrder(q));
    return { rows: page(rows, q), columns: aggregateColumns(table.columns, q), total: rows.length };
  }
  let order: ArrayLike<number> = indices;
  if (q.sort.length) {
    const position = columnIndex(table);
    const keys = q.sort.map((s) => ({ get: getter(table.data[position.get(s.column)!]!), descending: s.descending }));
    order = Array.from(indices).sort((a, b) => {
      for (const k of keys) { const c = compareForSort(k.get(a), k.get(b), k.descending); if (c) return c; }
      return a - b;
    });
  }
  const from = q.offset ?? 0;
  const to = q.limit === undefined ? order.length : Math.min(order.length, from + q.limit);
  const picked = Array.prototype.slice.call(order, from, to) as number[];
  const names = q.columns ?? table.columns.map((c) => c.name);
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  return { rows: materialize(table, picked, names), columns: names.map((n) => byName.get(n)!), total: order.length };
}
