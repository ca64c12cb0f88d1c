/**
 * The same shaped plan as shape-local.ts, with arquero's verbs: `filter` and `derive` (our
 * compiled closures, passed escaped), `unroll` for `split` keys, `groupby` + `rollup` for the
 * aggregates. arquero compiles its verbs with `new Function`: it only runs where the host says
 * eval is allowed (`configureCore({ evalAllowed: true })`); the results are the same rows.
 */
import type { Cell, Row } from './types.js';
import type { Expr } from './expression.js';
import { type ComputeContext, compileRow, splitValues } from './compute.js';
import { type Group, type ShapePlan, Partial, computedTest, newGroup, typedFilters } from './shape.js';
import { normalizeQuery, cellTest } from './query.js';
import { type Table, columnArray } from './table.js';
import { loadArquero } from './arquero-engine.js';

type ArqueroTable = ReturnType<Awaited<ReturnType<typeof loadArquero>>['table']>;

const field = (name: string): string => `d[${JSON.stringify(name)}]`;

/** Our closures read columns by index; arquero hands escaped functions one row object at a time. */
function rowClosure<T>(make: (read: (name: string) => (i: number) => Cell) => (i: number) => T): (d: Record<string, Cell>) => T {
  let current: Record<string, Cell> = {};
  const fn = make((name) => () => current[name] ?? null);
  return (d) => { current = d; return fn(0); };
}

/** The table of the columns the plan reads, filtered like shape-local's `keptRows`. */
async function filteredTable(table: Table, plan: ShapePlan, ctx: ComputeContext, filtered: boolean): Promise<ArqueroTable> {
  const aq = await loadArquero();
  const position = new Map(table.columns.map((c, i) => [c.name, i]));
  const needed = [...new Set([...plan.rowColumns, ...(filtered ? [] : plan.sourceFilters.map((f) => f.column))])].filter((n) => position.has(n));
  const q = normalizeQuery({ filters: filtered ? [] : plan.sourceFilters, ...(!filtered && plan.search ? { search: plan.search } : {}) }, table.columns);
  const searched = q.search?.trim() ? q.searchColumns : [];
  const columns: Record<string, Cell[]> = {};
  for (const name of new Set([...needed, ...searched])) columns[name] = columnArray(table.data[position.get(name)!]!, table.length);
  let t = aq.table(columns);
  const tests = q.filters.map((f) => ({ name: f.column, test: cellTest(f) }));
  const needle = q.search?.trim().toLowerCase();
  if (tests.length || needle) {
    t = t.filter(aq.escape((d: Record<string, Cell>) =>
      tests.every(({ name, test }) => test(d[name] ?? null)) &&
      (!needle || searched.some((n) => { const x = d[n]; return x !== null && x !== undefined && String(x).toLowerCase().includes(needle); }))));
  }
  const computedTests = typedFilters(plan, plan.computedFilters).map((f) => rowClosure((read) => {
    const test = computedTest(f, plan.computed.get(f.column)!, read, ctx);
    return (i) => test(i);
  }));
  if (computedTests.length) t = t.filter(aq.escape((d: Record<string, Cell>) => computedTests.every((test) => test(d))));
  return t;
}

/** The groups of an aggregated plan, with arquero. */
export async function shapeGroupsArquero(table: Table, plan: ShapePlan, ctx: ComputeContext, filtered: boolean): Promise<Group[]> {
  const aq = await loadArquero();
  let t = await filteredTable(table, plan, ctx, filtered);
  const keys = plan.groupBy.map((_, k) => `__k${k}`);
  const derived: Record<string, unknown> = {};
  plan.groupBy.forEach((name, k) => {
    const c = plan.computed.get(name);
    if (c?.split) {
      const arg = (c.expr as Expr & { type: 'call' }).args[0]!;
      const separator = c.split.separator;
      const values = rowClosure((read) => compileRow(arg, read, ctx));
      // a row without values keeps one empty key, as in the eval-free engine
      derived[keys[k]!] = aq.escape((d: Record<string, Cell>) => { const v = splitValues(values(d), separator); return v.length ? v : [null]; });
    } else {
      derived[keys[k]!] = aq.escape(rowClosure((read) => (c ? compileRow(c.expr, read, ctx) : read(name))));
    }
  });
  plan.calls.forEach((call, k) => {
    const c = call.column ? plan.computed.get(call.column) : undefined;
    if (c) derived[`__v${k}`] = aq.escape(rowClosure((read) => compileRow(c.expr, read, ctx)));
  });
  if (Object.keys(derived).length) t = t.derive(derived as never);
  for (const [k, name] of plan.groupBy.entries()) if (plan.computed.get(name)?.split) t = t.unroll(keys[k]!);
  const rollup: Record<string, string> = {};
  plan.calls.forEach((call, k) => {
    const f = call.column ? field(plan.computed.has(call.column) ? `__v${k}` : call.column) : '';
    switch (call.op) {
      case 'count': if (call.column) rollup[`__n${k}`] = `op.valid(${f})`; else rollup[`__c${k}`] = 'op.count()'; break;
      case 'sum': case 'mean': rollup[`__s${k}`] = `op.sum(${f})`; rollup[`__n${k}`] = `op.valid(${f})`; break;
      case 'median': rollup[`__m${k}`] = `op.median(${f})`; break;
      case 'distinct': rollup[`__d${k}`] = `op.distinct(${f})`; rollup[`__i${k}`] = `op.invalid(${f})`; break;
      case 'min': rollup[`__x${k}`] = `op.min(${f})`; break;
      case 'max': rollup[`__x${k}`] = `op.max(${f})`; break;
    }
  });
  if (!plan.calls.length) rollup.__c = 'op.count()';
  const rolled = (keys.length ? t.groupby(...keys) : t).rollup(rollup);
  const clean = (x: unknown): Cell => (x === undefined || (typeof x === 'number' && Number.isNaN(x)) ? null : (x as Cell));
  return (rolled.objects() as Record<string, unknown>[]).map((o) => {
    const g = newGroup(keys.map((k) => clean(o[k])), plan.calls);
    plan.calls.forEach((call, k) => {
      const p: Partial = g.partials[k]!;
      const n = Number(o[`__n${k}`] ?? 0);
      switch (call.op) {
        case 'count': if (call.column) p.valid = n; else p.count = Number(o[`__c${k}`] ?? 0); break;
        case 'sum': case 'mean': p.valid = n; p.summed = n > 0; p.sum = n > 0 ? Number(o[`__s${k}`]) : 0; break;
        case 'median': p.fixed = clean(o[`__m${k}`]); break;
        case 'distinct': p.fixed = Number(o[`__d${k}`] ?? 0) - (Number(o[`__i${k}`] ?? 0) > 0 ? 1 : 0); break;
        case 'min': p.extremes(clean(o[`__x${k}`]), null); break;
        case 'max': p.extremes(null, clean(o[`__x${k}`])); break;
      }
    });
    return g;
  });
}

/** The rows of a plan in row mode, with arquero (filters and computed columns as derived columns). */
export async function shapeRowsArquero(table: Table, plan: ShapePlan, ctx: ComputeContext, filtered: boolean): Promise<Row[]> {
  const aq = await loadArquero();
  let t = await filteredTable(table, plan, ctx, filtered);
  const names = plan.output.filter((n) => !/^join\./i.test(n));
  const keyName = plan.join && !names.includes(plan.join.left) ? plan.join.left : undefined;
  const derived: Record<string, unknown> = {};
  [...names, ...(keyName ? [keyName] : [])].forEach((name, k) => {
    const c = plan.computed.get(name);
    if (c) derived[`__o${k}`] = aq.escape(rowClosure((read) => compileRow(c.expr, read, ctx)));
  });
  if (Object.keys(derived).length) t = t.derive(derived as never);
  return (t.objects() as Record<string, unknown>[]).map((o) => {
    const row: Row = {};
    [...names, ...(keyName ? [keyName] : [])].forEach((name, k) => {
      const v = plan.computed.has(name) ? o[`__o${k}`] : o[name];
      row[name] = v === undefined ? null : (v as Cell);
    });
    return row;
  });
}
