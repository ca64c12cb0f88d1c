/**
 * The arquero engine: the same query model as `local.ts`, run with arquero's verbs (fast
 * group-by / rollup / orderby on big files). arquero compiles expressions with `new Function`,
 * so it runs only when the host declares that its page allows eval (`configureCore({ evalAllowed: true })`), and it is imported
 * dynamically: a page that only reads the tabular API never downloads it.
 * Expressions name columns as `d["…"]` (JSON-quoted) and carry values as params, never as code.
 */
import type { Cell, Row } from './types.js';
import type { NormalizedQuery, TypedClause } from './query.js';
import { aggregateName, cellTest, collator } from './query.js';
import { type LocalResult, aggregateColumns } from './local.js';
import { type Table, columnArray } from './table.js';
import { groupOrder } from './rows.js';

type Arquero = typeof import('arquero');
let arquero: Promise<Arquero> | undefined;
export const loadArquero = (): Promise<Arquero> => (arquero ??= import('arquero'));

const field = (name: string): string => `d[${JSON.stringify(name)}]`;

function clauseExpression(c: TypedClause, p: string): string {
  const d = field(c.column);
  switch (c.op) {
    case '=': return `${d} === $.${p}`;
    case '!=': return `${d} !== $.${p}`;
    case '>': return `${d} != null && ${d} > $.${p}`;
    case '>=': return `${d} != null && ${d} >= $.${p}`;
    case '<': return `${d} != null && ${d} < $.${p}`;
    case '<=': return `${d} != null && ${d} <= $.${p}`;
    case '~': return `${d} != null && op.includes(op.lower(${d} + ''), $.${p})`;
    case '!~': return `${d} != null && !op.includes(op.lower(${d} + ''), $.${p})`;
    case 'in': return `${d} != null && op.includes($.${p}, ${d})`;
    case 'is empty': return `${d} == null`;
    case 'is not empty': return `${d} != null`;
  }
}

const clean = (x: unknown): Cell => (x === undefined || (typeof x === 'number' && Number.isNaN(x)) ? null : (x as Cell));

export async function runArquero(table: Table, q: NormalizedQuery): Promise<LocalResult> {
  const aq = await loadArquero();
  const columns: Record<string, Cell[]> = {};
  table.columns.forEach((c, i) => { columns[c.name] = columnArray(table.data[i]!, table.length); });
  let t = aq.table(columns);
  const params: Record<string, unknown> = {};
  const tests: string[] = [];
  const textRange = (f: TypedClause) => typeof f.typed === 'string' && ['>', '>=', '<', '<='].includes(f.op);
  q.filters.forEach((f, i) => {
    const p = `p${i}`;
    if (textRange(f)) {
      // text ranges follow the French collation, which arquero's operators do not know: escaped test
      const test = cellTest(f);
      const name = f.column;
      t = t.filter(aq.escape((d: Record<string, Cell>) => test(d[name] ?? null)));
      return;
    }
    params[p] = f.op === 'in' ? f.typedValues : f.op === '~' || f.op === '!~' ? String(f.typed).toLowerCase() : f.typed;
    tests.push(`(${clauseExpression(f, p)})`);
  });
  const needle = q.search?.trim().toLowerCase();
  if (needle) {
    params.search = needle;
    const any = q.searchColumns.map((n) => `(${field(n)} != null && op.includes(op.lower(${field(n)}), $.search))`);
    tests.push(any.length ? `(${any.join(' || ')})` : 'false');
  }
  if (tests.length) t = t.params(params).filter(tests.join(' && '));

  let names: string[];
  if (q.aggregates.length) {
    const rollup: Record<string, string> = {};
    q.aggregates.forEach((a, i) => {
      const name = aggregateName(a);
      if (!a.column) rollup[name] = 'op.count()';
      else if (a.op === 'count') rollup[name] = `op.valid(${field(a.column)})`;
      else rollup[name] = `op.${a.op}(${field(a.column)})`;
      if (a.column && a.op === 'sum') rollup[`__valid${i}`] = `op.valid(${field(a.column)})`; // all-empty sum is empty
    });
    t = (q.groupBy.length ? t.groupby(...q.groupBy) : t).rollup(rollup);
    names = [...q.groupBy, ...q.aggregates.map(aggregateName)];
    q.aggregates.forEach((a, i) => {
      if (a.column && a.op === 'sum') t = t.derive({ [aggregateName(a)]: `d.__valid${i} ? ${field(aggregateName(a))} : null` });
    });
  } else {
    names = q.columns ?? table.columns.map((c) => c.name);
  }
  const keys = q.aggregates.length ? groupOrder(q) : q.sort;
  if (keys.length) {
    // arquero puts empty values first when ascending; our model puts them last in both directions
    const nulls: Record<string, string> = {};
    keys.forEach((k, i) => { nulls[`__null${i}`] = `${field(k.column)} == null ? 1 : 0`; });
    t = t.derive(nulls);
    // text keys sort by French collation: arquero orders by a rank we give it
    t = t.reify(); // materialize the filtered rows so the rank columns line up
    const ranked = keys.map((k, i) => {
      const values = t.array(k.column) as Cell[];
      if (!values.some((v) => typeof v === 'string')) return k.column;
      const distinct = [...new Set(values.filter((v): v is string => typeof v === 'string'))].sort(collator.compare);
      const rank = new Map(distinct.map((v, r) => [v, r]));
      t = t.assign({ [`__rank${i}`]: values.map((v) => (typeof v === 'string' ? rank.get(v)! : null)) });
      return `__rank${i}`;
    });
    const order: unknown[] = keys.flatMap((k, i): unknown[] => (k.descending ? [`__null${i}`, aq.desc(ranked[i]!)] : [`__null${i}`, ranked[i]!]));
    t = t.orderby(...(order as never[]));
  }
  const total = t.numRows();
  const from = q.offset ?? 0;
  t = t.slice(from, q.limit === undefined ? undefined : from + q.limit);
  t = t.select(...names);
  const rows = (t.objects() as Record<string, unknown>[]).map((o) => {
    const row: Row = {};
    for (const n of names) row[n] = clean(o[n]);
    return row;
  });
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  return { rows, columns: q.aggregates.length ? aggregateColumns(table.columns, q) : names.map((n) => byName.get(n)!), total };
}
