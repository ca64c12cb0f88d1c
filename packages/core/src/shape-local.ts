/**
 * A shaped query over rows, with the eval-free engine: filters (real and computed columns), the
 * computed columns, `split` keys expanded into one row per value, every aggregate (median and
 * distinct included). Plain closures: runs under any Content-Security-Policy. shape-arquero.ts
 * runs the same plan with arquero's verbs; both feed shape.ts's `groupRows`.
 */
import type { Cell, Row } from './types.js';
import { type ComputeContext, compileRow, compileSplit } from './compute.js';
import { type Group, type ShapePlan, Groups, computedTest, outputRows, typedFilters } from './shape.js';
import { normalizeQuery } from './query.js';
import { type Table, getter } from './table.js';
import { selectRows } from './local.js';

/** Readers of a table's columns by name. */
function tableReader(table: Table): (name: string) => (i: number) => Cell {
  const position = new Map(table.columns.map((c, i) => [c.name, i]));
  return (name) => {
    const at = position.get(name);
    return at === undefined ? () => null : getter(table.data[at]!);
  };
}

/**
 * The rows a plan keeps: its filters on real columns and its search (unless the server applied
 * them already: `filtered`), then its filters on computed columns.
 */
export function keptRows(table: Table, plan: ShapePlan, ctx: ComputeContext, filtered: boolean): ArrayLike<number> {
  const read = tableReader(table);
  const q = normalizeQuery({ filters: filtered ? [] : plan.sourceFilters, ...(!filtered && plan.search ? { search: plan.search } : {}) }, table.columns);
  const selected = selectRows(table, q);
  const tests = typedFilters(plan, plan.computedFilters).map((f) => computedTest(f, plan.computed.get(f.column)!, read, ctx));
  if (!tests.length) return selected;
  const out: number[] = [];
  for (const i of selected) if (tests.every((t) => t(i))) out.push(i);
  return out;
}

/** Every combination of the keys of one row (a `split` key gives one per value; none: one empty key). */
function combinations(parts: Cell[][]): Cell[][] {
  let out: Cell[][] = [[]];
  for (const values of parts) {
    const next: Cell[][] = [];
    for (const prefix of out) for (const v of values.length ? values : [null]) next.push([...prefix, v]);
    out = next;
  }
  return out;
}

/** The groups of an aggregated plan over a table (eval-free). */
export function shapeGroupsLocal(table: Table, plan: ShapePlan, ctx: ComputeContext, filtered: boolean): Group[] {
  const read = tableReader(table);
  const rows = keptRows(table, plan, ctx, filtered);
  const keyParts = plan.groupBy.map((name) => {
    const c = plan.computed.get(name);
    if (c?.split) { const values = compileSplit(c, read, ctx); return (i: number): Cell[] => values(i); }
    const get = c ? compileRow(c.expr, read, ctx) : read(name);
    return (i: number): Cell[] => [get(i)];
  });
  const split = plan.groupBy.some((name) => plan.computed.get(name)?.split);
  const inputs = plan.calls.map((call) => {
    if (!call.column) return () => null;
    const c = plan.computed.get(call.column);
    return c ? compileRow(c.expr, read, ctx) : read(call.column);
  });
  const groups = new Groups(plan.calls);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const keys = split ? combinations(keyParts.map((k) => k(i))) : [keyParts.map((k) => k(i)[0]!)];
    for (const key of keys) {
      const g = groups.get(key);
      for (let k = 0; k < inputs.length; k++) g.partials[k]!.add(inputs[k]!(i));
    }
  }
  if (!groups.map.size && !plan.groupBy.length) groups.get([]); // a total over no row is one (empty) group
  return [...groups.map.values()];
}

/** The rows of a plan in row mode (a table): the output columns, computed ones included. */
export function shapeRowsLocal(table: Table, plan: ShapePlan, ctx: ComputeContext, filtered: boolean): Row[] {
  const read = tableReader(table);
  const rows = keptRows(table, plan, ctx, filtered);
  return outputRows(plan, read, ctx, rows.length, (r) => rows[r]!);
}
