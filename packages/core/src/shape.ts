/**
 * Where each part of a shaped query runs (DESIGN.md § 5, « Where it runs »). Pure: no request.
 *
 *   compute / measures / join / filters / groupBy ──planShape──▶ ShapePlan
 *     · the server: filters on real columns and ONE groupby with every aggregate the measures
 *       need (sum, count, min, max; a mean as sum ÷ count), by the real columns the keys come from;
 *     · here, from those groups (`regroup`): keys that are functions of one column (`decade(annee)`,
 *       `year` of a text date, `clean(regions)`, the join key), filters on them, the expressions;
 *     · rows (`rowsReasons` says why): `split`, `median`, `distinct`, arithmetic between columns
 *       of one row — read by shape-local.ts (eval-free) or shape-arquero.ts, from the CSV export,
 *       the Parquet copy or the file.
 */
import type { Aggregate, AggregateOp, Cell, ColumnInfo, FilterClause, JoinSpec, Lang, Query, Row, SortKey } from './types.js';
import { CultureError } from './errors.js';
import { type ComputedColumn, type ComputeContext, checkCompute, compileRow, ordinalRank, withComputed } from './compute.js';
import { type AggregateCall, type Measure, aggregateExpression, callsOf, checkMeasures, evaluateMeasure } from './measures.js';
import { type JoinSide, isCodeColumn, joinKey } from './join.js';
import { isNumeric, matchColumn } from './columns.js';
import { type TypedClause, aggregateName, cellTest, compareCells, compareForSort, normalizeQuery } from './query.js';
import { type Expr, quoteName } from './expression.js';
import { median } from './rows.js';

/** The join, once planned: the lookup key, the other side's key and the columns read from it. */
export interface PlannedJoin {
  spec: JoinSpec;
  /** The real (or computed) column of this resource the lookup is made on. */
  left: string;
  /** Columns of the other side that expressions or `columns` read (`join.population` → `population`). */
  columns: string[];
  /** Keys compared as INSEE codes (`1` = `01`). */
  code: boolean;
}

export interface ShapePlan {
  /** The resource's columns. */
  columns: ColumnInfo[];
  /** Computed columns by name, the join key's normalisation included. */
  computed: Map<string, ComputedColumn>;
  measures: Measure[];
  calls: AggregateCall[];
  aggregated: boolean;
  groupBy: string[];
  /** Filters on real columns (the server's) and on computed columns (run here). */
  sourceFilters: FilterClause[];
  computedFilters: FilterClause[];
  search?: string;
  sort: SortKey[];
  limit?: number;
  offset?: number;
  /** Row mode: the columns returned (real, computed and `join.X`). */
  output: string[];
  /** Why rows are needed; empty when the server's groups (or pages) are enough. */
  rowsReasons: string[];
  /** Real columns the server groups by (regroup path). */
  serverKeys: string[];
  /** The server's aggregates (regroup path), named `__p0`, `__p1`… */
  partials: Aggregate[];
  /** Real columns whose `clean` spellings are read over the whole resource. */
  spellings: string[];
  /** Real columns the rows path reads. */
  rowColumns: string[];
  join?: PlannedJoin;
  lang: Lang;
}

const unique = <T,>(items: T[]): T[] => [...new Set(items)];
const JOIN_PREFIX = /^join\./i;

/**
 * Plans a shaped query against the resource's columns: checks every name and expression
 * (errors name the column or function, with the list), and splits the work between the server,
 * a local re-grouping and the rows.
 */
export function planShape(query: Query, columns: ColumnInfo[]): ShapePlan {
  const lang = query.lang ?? 'fr';
  const computedList = checkCompute(query.compute, columns);
  const computed = new Map(computedList.map((c) => [c.name, c]));
  const all = withComputed(columns, computedList);
  const names = all.map((c) => c.name);
  const resolve = (name: string): string => matchColumn(name, names);

  const groupBy = (query.groupBy ?? []).map(resolve);
  const filters = (query.filters ?? []).map((c) => ({ ...c, column: resolve(c.column) }));
  // plain aggregates (`y="total" aggregate="sum"`) are measures named as the tabular API names them
  const measureText = [query.measures?.trim(), ...(query.aggregates ?? []).map((a) => `${quoteName(aggregateName(a))} = ${aggregateExpression(a.op, a.column)}`)]
    .filter(Boolean).join(', ');
  const measures = measureText ? checkMeasures(measureText, all, { aggregate: query.aggregate ?? 'sum', joinColumns: query.join ? 'any' : undefined }) : [];
  const aggregated = measures.length > 0;
  const calls = callsOf(measures);

  // row mode: the columns shown, `join.X` among them
  const wanted = query.columns?.length ? query.columns : names;
  const output = aggregated ? [] : wanted.map((n) => (JOIN_PREFIX.test(n) ? `join.${n.replace(JOIN_PREFIX, '')}` : resolve(n)));

  let join: PlannedJoin | undefined;
  if (query.join) {
    const left = resolve(query.join.left);
    if (aggregated && !groupBy.includes(left)) {
      throw new CultureError('bad-expression', { reason: 'join-key-not-grouped', column: left, keys: groupBy, expression: query.join.ref ?? '' });
    }
    const info = all.find((c) => c.name === left);
    const code = isCodeColumn(info) || (computed.get(left)?.sources.some((s) => isCodeColumn(columns.find((c) => c.name === s))) ?? false);
    const joinColumns = unique([
      ...measures.flatMap((m) => m.joins),
      ...output.filter((n) => JOIN_PREFIX.test(n)).map((n) => n.replace(JOIN_PREFIX, '')),
    ]);
    join = { spec: query.join, left, columns: joinColumns, code };
    if (aggregated) {
      // the groups are made on the normalised key, so `1` and `01` are one group with one value
      const base = computed.get(left);
      const arg = base ? base.expr : { type: 'column' as const, name: left, at: 0, end: 0 };
      computed.set(left, {
        name: left,
        expr: { type: 'call', name: code ? '__code' : '__key', args: [arg], at: 0, end: 0 },
        info: { name: left, type: 'string', computed: true, ...(info?.format ? { format: info.format } : {}) },
        sources: base ? base.sources : [left],
        cleaned: base ? base.cleaned : [],
        definition: base?.definition ?? { name: left, expr: arg, text: left, source: left, named: false },
      });
    }
  }

  const isComputed = (name: string) => computed.has(name);
  const sourceFilters = filters.filter((f) => !isComputed(f.column));
  const computedFilters = filters.filter((f) => isComputed(f.column));
  const sort = (query.sort ?? []).map((s) => ({ ...s, column: aggregated ? matchColumn(s.column, [...groupBy, ...measures.map((m) => m.name)]) : resolve(s.column) }));

  const used = unique([
    ...groupBy, ...filters.map((f) => f.column), ...calls.flatMap((c) => (c.column ? [c.column] : [])),
    ...output.filter((n) => !JOIN_PREFIX.test(n)), ...sort.map((s) => s.column),
  ]);
  const usedComputed = used.map((n) => computed.get(n)).filter((c): c is ComputedColumn => !!c);
  const spellings = unique(usedComputed.flatMap((c) => c.cleaned));
  const rowColumns = unique(used.flatMap((n) => computed.get(n)?.sources ?? [n]));

  const reasons: string[] = [];
  const needRowsFor = (c: ComputedColumn) => {
    if (c.split) reasons.push('split');
    else if (c.sources.length > 1) reasons.push('row-arithmetic');
  };
  let serverKeys: string[] = [];
  let partials: Aggregate[] = [];
  if (aggregated) {
    for (const name of [...groupBy, ...computedFilters.map((f) => f.column)]) {
      const c = computed.get(name);
      if (c) needRowsFor(c);
    }
    for (const call of calls) {
      if (call.op === 'median' || call.op === 'distinct') reasons.push(call.op);
      else if (call.column && computed.has(call.column)) reasons.push('computed-measure');
      else if ((call.op === 'min' || call.op === 'max') && call.column && !isNumeric(columns.find((c) => c.name === call.column))) reasons.push('min-max-text');
    }
    serverKeys = unique([...groupBy, ...computedFilters.map((f) => f.column)].flatMap((n) => computed.get(n)?.sources ?? [n]));
    partials = serverPartials(calls, serverKeys, columns);
  } else {
    for (const f of computedFilters) reasons.push(`filter:${f.column}`);
    for (const s of sort) if (isComputed(s.column)) reasons.push(`sort:${s.column}`);
  }
  return {
    columns, computed, measures, calls, aggregated, groupBy, sourceFilters, computedFilters,
    ...(query.search?.trim() ? { search: query.search } : {}),
    sort, ...(query.limit !== undefined ? { limit: query.limit } : {}), ...(query.offset !== undefined ? { offset: query.offset } : {}),
    output, rowsReasons: unique(reasons), serverKeys, partials, spellings, rowColumns, ...(join ? { join } : {}), lang,
  };
}

/** The name of a server partial for a call: where `regroup` reads it. */
const partialName = (op: string, column: string): string => `__${op}:${column}`;

/**
 * The server's aggregates for the calls: sums, counts (of a column, or of a column with no empty
 * cell for `count()`), min, max; a mean as its sum and its count, so groups can be combined.
 */
function serverPartials(calls: AggregateCall[], keys: string[], columns: ColumnInfo[]): Aggregate[] {
  const out = new Map<string, Aggregate>();
  const add = (op: AggregateOp, column: string) => out.set(partialName(op, column), { op, column, as: partialName(op, column) });
  for (const call of calls) {
    if (call.op === 'count' && !call.column) add('count', rowCounter(keys, columns));
    else if (call.op === 'count') add('count', call.column!);
    else if (call.op === 'sum') add('sum', call.column!);
    else if (call.op === 'mean') { add('sum', call.column!); add('count', call.column!); }
    else if (call.op === 'min' || call.op === 'max') add(call.op, call.column!);
  }
  return [...out.values()];
}

/**
 * The column whose count is the row count: the tabular API counts a column's non-empty cells,
 * so a column the profile says is never empty (a key first), else the first key.
 */
export function rowCounter(keys: string[], columns: ColumnInfo[]): string {
  const full = (name: string) => columns.find((c) => c.name === name)?.missing === 0;
  return keys.find(full) ?? columns.find((c) => c.missing === 0)?.name ?? keys[0] ?? columns[0]!.name;
}

// ---------------------------------------------------------------------------------------------
// Accumulating aggregates (shared by the regroup and the local engines)

/** What one group holds for one aggregate call. */
export class Partial {
  sum = 0;
  /** A non-empty value (or server sum) was added. */
  summed = false;
  /** Rows counted (`count()`). */
  count = 0;
  /** Non-empty values counted (`count(c)`, the mean's divisor). */
  valid = 0;
  min: Cell = null;
  max: Cell = null;
  values?: number[];
  distinct?: Set<Cell>;
  /** A value computed elsewhere (arquero's median or distinct count). */
  fixed?: Cell;

  constructor(readonly op: AggregateCall['op']) {
    if (op === 'median') this.values = [];
    if (op === 'distinct') this.distinct = new Set();
  }

  /** One row's cell. */
  add(x: Cell): void {
    this.count++;
    if (x === null) return;
    this.valid++;
    if (typeof x === 'number') { this.sum += x; this.summed = true; this.values?.push(x); }
    this.distinct?.add(x);
    this.extremes(x, x);
  }

  extremes(min: Cell, max: Cell): void {
    if (min !== null && (this.min === null || compareCells(min, this.min) < 0)) this.min = min;
    if (max !== null && (this.max === null || compareCells(max, this.max) > 0)) this.max = max;
  }

  /** Another group's partial (regroup, « Autres »). */
  merge(p: Partial): void {
    this.sum += p.sum;
    this.summed ||= p.summed;
    this.count += p.count;
    this.valid += p.valid;
    this.extremes(p.min, p.max);
    if (this.values && p.values) this.values.push(...p.values);
    if (this.distinct && p.distinct) for (const v of p.distinct) this.distinct.add(v);
  }

  value(call: AggregateCall): Cell {
    if (this.fixed !== undefined) return this.fixed;
    switch (call.op) {
      case 'sum': return this.summed ? this.sum : null;
      case 'count': return call.column ? this.valid : this.count;
      case 'mean': return this.valid ? this.sum / this.valid : null;
      case 'median': return median(this.values ?? []);
      case 'distinct': return this.distinct?.size ?? 0;
      case 'min': return this.min;
      case 'max': return this.max;
    }
  }
}

/** One group while it is being built: its keys and a partial per call. */
export interface Group {
  keys: Cell[];
  partials: Partial[];
}

export const newGroup = (keys: Cell[], calls: AggregateCall[]): Group => ({ keys, partials: calls.map((c) => new Partial(c.op)) });

/** Groups by id (one key: the key itself; several: their JSON). */
export class Groups {
  readonly map = new Map<unknown, Group>();
  constructor(private readonly calls: AggregateCall[]) {}
  get(keys: Cell[]): Group {
    const id = keys.length === 1 ? keys[0] : JSON.stringify(keys);
    let g = this.map.get(id);
    if (!g) this.map.set(id, (g = newGroup(keys, this.calls)));
    return g;
  }
}

/** Reads a partial from a server row into a group's partial for one call. */
function addServerPartial(p: Partial, call: AggregateCall, row: Row, plan: ShapePlan): void {
  const num = (op: string, column: string): number | null => {
    const v = row[partialName(op, column)];
    return typeof v === 'number' ? v : null;
  };
  const column = call.column!;
  switch (call.op) {
    case 'count':
      if (call.column) p.valid += num('count', column) ?? 0;
      else p.count += num('count', rowCounter(plan.serverKeys, plan.columns)) ?? 0;
      return;
    case 'sum': case 'mean': {
      const s = num('sum', column);
      if (s !== null) { p.sum += s; p.summed = true; }
      if (call.op === 'mean') p.valid += num('count', column) ?? 0;
      return;
    }
    case 'min': case 'max': {
      const v = row[partialName(call.op, column)] ?? null;
      p.extremes(call.op === 'min' ? v : null, call.op === 'max' ? v : null);
      return;
    }
    default:
  }
}

// ---------------------------------------------------------------------------------------------
// Typed filters and readers

/** Filters typed for their columns (real ones by the profile, computed ones by their type). */
export function typedFilters(plan: ShapePlan, filters: FilterClause[]): TypedClause[] {
  const infos = [...plan.columns, ...[...plan.computed.values()].map((c) => c.info)];
  return normalizeQuery({ filters }, infos).filters;
}

/** A test of one clause on a computed column; on a `split` column, on its values (any value; none for `!=`, `!~`). */
export function computedTest(clause: TypedClause, column: ComputedColumn, read: (name: string) => (i: number) => Cell, ctx: ComputeContext): (i: number) => boolean {
  const test = cellTest(clause);
  if (!column.split) {
    const get = compileRow(column.expr, read, ctx);
    return (i) => test(get(i));
  }
  const arg = compileRow((column.expr as Expr & { type: 'call' }).args[0]!, read, ctx);
  const separator = column.split.separator;
  const negative = clause.op === '!=' || clause.op === '!~';
  const positive = negative ? cellTest({ ...clause, op: clause.op === '!=' ? '=' : '~' }) : test;
  return (i) => {
    const values = splitList(arg(i), separator);
    if (clause.op === 'is empty') return values.length === 0;
    if (clause.op === 'is not empty') return values.length > 0;
    const hit = values.some((v) => positive(v));
    return negative ? !hit : hit;
  };
}

const splitList = (cell: Cell, separator: string): string[] => {
  if (cell === null) return [];
  const out: string[] = [];
  for (const part of String(cell).split(separator)) { const v = part.trim(); if (v && !out.includes(v)) out.push(v); }
  return out;
};

/** Readers over row objects, by index. */
export const rowReader = (rows: Row[]) => (name: string) => (i: number): Cell => rows[i]![name] ?? null;

// ---------------------------------------------------------------------------------------------
// From groups (or rows) to the result

/** The server's groups re-grouped by the final keys, filtered on computed columns. */
export function regroup(rows: Row[], plan: ShapePlan, ctx: ComputeContext): Group[] {
  const read = rowReader(rows);
  const keys = plan.groupBy.map((g) => {
    const c = plan.computed.get(g);
    return c ? compileRow(c.expr, read, ctx) : read(g);
  });
  const tests = typedFilters(plan, plan.computedFilters).map((f) => computedTest(f, plan.computed.get(f.column)!, read, ctx));
  const groups = new Groups(plan.calls);
  rows: for (let i = 0; i < rows.length; i++) {
    for (const t of tests) if (!t(i)) continue rows;
    const g = groups.get(keys.map((k) => k(i)));
    plan.calls.forEach((call, k) => addServerPartial(g.partials[k]!, call, rows[i]!, plan));
  }
  return [...groups.map.values()];
}

/** Result rows from groups: keys, then each measure (joined values looked up on the join key). */
export function groupRows(groups: Group[], plan: ShapePlan, join: JoinSide | undefined): { rows: Row[]; partials: WeakMap<Row, Partial[]>; unmatched: string[] } {
  const partials = new WeakMap<Row, Partial[]>();
  const unmatched = new Set<string>();
  const joinAt = plan.join ? plan.groupBy.indexOf(plan.join.left) : -1;
  const callIndex = new Map(plan.calls.map((c, k) => [c.key, k]));
  const rows = groups.map((g) => {
    const row: Row = {};
    plan.groupBy.forEach((name, k) => { row[name] = g.keys[k] ?? null; });
    let record: Record<string, Cell> | undefined;
    if (join && joinAt >= 0) {
      const key = g.keys[joinAt] ?? null;
      record = key === null ? undefined : join.values.get(joinKey(key, join.code) ?? '');
      if (!record && key !== null) unmatched.add(String(key));
    }
    for (const m of plan.measures) {
      row[m.name] = evaluateMeasure(m, (key) => { const k = callIndex.get(key)!; return g.partials[k]!.value(plan.calls[k]!); }, (column) => record?.[column] ?? null);
    }
    partials.set(row, g.partials);
    return row;
  });
  return { rows, partials, unmatched: [...unmatched].sort((a, b) => compareCells(a, b)) };
}

/**
 * Combines rows of one result (« Autres ») with the same expressions: their partials merged,
 * joined numbers summed. Median and distinct cannot be combined from groups: empty.
 */
export function combiner(plan: ShapePlan, partials: WeakMap<Row, Partial[]>, join: JoinSide | undefined): (rows: Row[]) => Row {
  return (rows) => {
    const merged = plan.calls.map((c) => new Partial(c.op));
    const joined: Record<string, number> = {};
    const joinAt = plan.join ? plan.join.left : undefined;
    for (const row of rows) {
      partials.get(row)?.forEach((p, k) => merged[k]!.merge(p));
      if (join && joinAt) {
        const record = join.values.get(joinKey(row[joinAt] ?? null, join.code) ?? '');
        for (const [name, v] of Object.entries(record ?? {})) if (typeof v === 'number') joined[name] = (joined[name] ?? 0) + v;
      }
    }
    const out: Row = {};
    for (const m of plan.measures) {
      const foldable = m.calls.every((c) => c.op !== 'median' && c.op !== 'distinct');
      out[m.name] = foldable
        ? evaluateMeasure(m, (key) => { const k = plan.calls.findIndex((c) => c.key === key); return merged[k]!.value(plan.calls[k]!); }, (column) => joined[column] ?? null)
        : null;
    }
    return out;
  };
}

/**
 * Sorts result rows: by the query's keys, else by the group keys; ordinal computed columns in
 * their natural order (months, decades, centuries, bins), empty values last.
 */
export function sortShaped(rows: Row[], plan: ShapePlan): Row[] {
  const keys: SortKey[] = plan.sort.length ? plan.sort : plan.groupBy.map((column) => ({ column }));
  if (!keys.length) return rows;
  const comparators = keys.map((k) => {
    const c = plan.computed.get(k.column);
    const format = c?.info.format;
    const ranked = format === 'month' || format === 'decade' || format === 'century' || format === 'bin';
    if (!ranked) return (a: Row, b: Row) => compareForSort(a[k.column] ?? null, b[k.column] ?? null, k.descending);
    const rank = (v: Cell) => ordinalRank(format, v, plan.lang, c) ?? null;
    return (a: Row, b: Row) => compareForSort(rank(a[k.column] ?? null), rank(b[k.column] ?? null), k.descending);
  });
  return rows.sort((a, b) => {
    for (const cmp of comparators) { const d = cmp(a, b); if (d) return d; }
    return 0;
  });
}

/** The result's columns: keys (ordinal ones with their values in order) and measures, or the row mode's output. */
export function shapedColumns(plan: ShapePlan, rows: Row[], join: JoinSide | undefined): ColumnInfo[] {
  const infoOf = (name: string): ColumnInfo => {
    if (JOIN_PREFIX.test(name)) {
      const base = join?.columns.find((c) => c.name === name.replace(JOIN_PREFIX, ''));
      return { ...(base ?? { type: 'string' as const }), name };
    }
    const c = plan.computed.get(name);
    if (!c) return plan.columns.find((x) => x.name === name)!;
    const format = c.info.format;
    if (format !== 'month' && format !== 'decade' && format !== 'century' && format !== 'bin') return c.info;
    const values = unique(rows.map((r) => r[name]).filter((v): v is string => typeof v === 'string'));
    values.sort((a, b) => (ordinalRank(format, a, plan.lang, c) ?? 0) - (ordinalRank(format, b, plan.lang, c) ?? 0));
    return { ...c.info, order: values };
  };
  if (!plan.aggregated) return plan.output.map(infoOf);
  return [...plan.groupBy.map(infoOf), ...plan.measures.map((m) => m.info)];
}

/** The page of a sorted result. */
export const pageOf = <T,>(items: T[], plan: ShapePlan): T[] =>
  items.slice(plan.offset ?? 0, plan.limit === undefined ? undefined : (plan.offset ?? 0) + plan.limit);

/** Builds the output rows of row mode from readers (shared with the tabular path's pages). */
export function outputRows(plan: ShapePlan, read: (name: string) => (i: number) => Cell, ctx: ComputeContext, length: number, index: (r: number) => number = (r) => r): Row[] {
  const names = plan.output.filter((n) => !/^join\./i.test(n));
  const getters = names.map((name) => {
    const c = plan.computed.get(name);
    return c ? compileRow(c.expr, read, ctx) : read(name);
  });
  const left = plan.join && !names.includes(plan.join.left) ? plan.join.left : undefined;
  const leftComputed = left ? plan.computed.get(left) : undefined;
  const extra = left ? (leftComputed ? compileRow(leftComputed.expr, read, ctx) : read(left)) : undefined;
  const out: Row[] = new Array(length);
  for (let r = 0; r < length; r++) {
    const i = index(r);
    const row: Row = {};
    for (let k = 0; k < names.length; k++) row[names[k]!] = getters[k]!(i);
    if (extra) row[plan.join!.left] = extra(i); // the lookup key, even when not shown
    out[r] = row;
  }
  return out;
}

/** The median, re-exported for the engines. */
export { median };
