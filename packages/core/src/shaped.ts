/**
 * Runs a shaped query (computed columns, aggregate expressions, join) where shape.ts planned it:
 *
 *   planShape ─┬─ the server groups (one `groupby` request, every aggregate) ─▶ regroup here
 *              ├─ rows: the CSV export (≤ 50,000 rows) or the file ─▶ shape-local / shape-arquero
 *              ├─ `clean` spellings: one count by label over the whole resource
 *              └─ `join`: the other side grouped by its key (one more `groupby`)
 *              ▼
 *   QueryResult { rows, columns, steps (which path ran each step), unmatched, combine }
 *
 * index.ts hands its own functions in (`ShapeDeps`), so this module imports nothing back from it.
 */
import type { ColumnInfo, DataPath, LoadOptions, Query, QueryResult, ResolvedSource, Row, ShapeStep, SourceSpec } from './types.js';
import { CultureError, CultureWarning } from './errors.js';
import { type ComputeContext, checkCompute, cleanKey, withComputed } from './compute.js';
import { type JoinSide, foldJoinSide, isCodeColumn, joinKey } from './join.js';
import { type Group, type ShapePlan, combiner, groupRows, newGroup, outputRows, pageOf, planShape, regroup, rowCounter, rowReader, shapedColumns, sortShaped } from './shape.js';
import { isNumeric, matchColumn } from './columns.js';
import { type NormalizedQuery, compareCells, normalizeQuery } from './query.js';
import { Refused, aggregateOnServer, filteredCSV, serverFilters } from './tabular.js';
import type { Table } from './table.js';

type Engine = 'arquero' | 'eval-free';

/** What the shaped path needs from index.ts. */
export interface ShapeDeps {
  runQuery(source: ResolvedSource, query: Query, options: LoadOptions): Promise<QueryResult>;
  loadColumns(source: ResolvedSource, options: LoadOptions): Promise<ColumnInfo[]>;
  resolveSource(spec: SourceSpec, options: LoadOptions): Promise<ResolvedSource>;
  filePath(): Promise<typeof import('./file-path.js')>;
  engine(): Engine;
}

/**
 * The rows a plan needs: the Parquet copy of a big resource, else the CSV export of the filtered
 * rows (only the needed columns), else the whole file (file-path.ts's `shapeRowsOf`).
 */
async function rowsTable(source: ResolvedSource, plan: ShapePlan, columns: ColumnInfo[], options: LoadOptions, deps: ShapeDeps): Promise<{ table: Table; filtered: boolean; path: DataPath }> {
  const fp = await deps.filePath();
  const q = normalizeQuery({ filters: plan.sourceFilters, ...(plan.search ? { search: plan.search } : {}) }, columns);
  const needed = plan.rowColumns.filter((n) => columns.some((c) => c.name === n));
  const csv = source.tabular
    ? async () => {
      // a clause the service would misread is left out of the request: the rows are filtered here
      const { complete } = serverFilters(q);
      const read = complete ? needed : [...needed, ...q.filters.map((f) => f.column), ...q.searchColumns];
      // one column of empty cells would be empty lines: a second, never-empty column keeps the rows
      const names = [...new Set(read)].filter((n) => columns.some((c) => c.name === n));
      const others = columns.filter((c) => c.name !== names[0]);
      if (names.length === 1 && others.length) names.push(rowCounter([], others));
      return { text: await filteredCSV(source, q, options.signal, names), filtered: complete };
    }
    : undefined;
  return fp.shapeRowsOf(source, q, needed, columns, options, csv);
}

/** `clean(c)`'s labels: per folded label, its most frequent spelling over the whole resource. */
async function loadSpellings(source: ResolvedSource, column: string, options: LoadOptions, deps: ShapeDeps): Promise<{ map: Map<string, string>; path: DataPath }> {
  const result = await deps.runQuery(source, { groupBy: [column], aggregates: [{ op: 'count', column, as: 'n' }] }, options);
  const best = new Map<string, { label: string; n: number }>();
  for (const row of result.rows) {
    const label = row[column];
    if (label === null || label === undefined || String(label).trim() === '') continue;
    const text = String(label).trim();
    const key = cleanKey(text);
    const n = typeof row.n === 'number' ? row.n : 0;
    const seen = best.get(key);
    if (!seen || n > seen.n || (n === seen.n && compareCells(text, seen.label) < 0)) best.set(key, { label: text, n });
  }
  return { map: new Map([...best].map(([k, v]) => [k, v.label])), path: result.path };
}

/** A failure of the other side, said as such (« Jointure « pop » : … »). */
function joinError(error: unknown, ref: string): unknown {
  if (!(error instanceof CultureError) || error.code === 'aborted' || error.key === 'join-failed') return error;
  return new CultureError(error.code, { join: ref, cause: error }, 'join-failed');
}

/** Errors of the profile-free join that the profile path explains better (a name to match, a text column). */
const retryWithProfile = (error: unknown): boolean =>
  error instanceof Refused || (error instanceof CultureError && ['unknown-column', 'server', 'not-found', 'parse'].includes(error.code));

/**
 * The common per-capita case in one request: an aggregated element reads numbers from the other
 * side (`join.population` in an expression), which has no filter nor computed column — its
 * `groupby` with the sums, names as written, no profile. Undefined when the profile path must
 * answer (a name written differently, a text column…).
 */
async function joinWithoutProfile(other: ResolvedSource, plan: ShapePlan, options: LoadOptions): Promise<JoinSide | undefined> {
  const join = plan.join!;
  if (!other.tabular || !plan.aggregated || join.spec.filters?.length || join.spec.compute?.trim() || !join.columns.length) return undefined;
  const q: NormalizedQuery = {
    filters: [], sort: [], searchColumns: [], groupBy: [join.spec.right],
    aggregates: join.columns.map((column) => ({ op: 'sum' as const, column, as: column })),
  };
  try {
    const rows = await aggregateOnServer(other, q, [], options.signal);
    return foldJoinSide(rows, join.spec.right, join.columns.map((name) => ({ name, type: 'number' as const })), join.code);
  } catch (error) {
    if (retryWithProfile(error)) return undefined;
    throw error;
  }
}

/** The other side of a join, grouped by its key: one `groupby` with the sums of its numbers (text: first value). */
async function loadJoin(plan: ShapePlan, options: LoadOptions, deps: ShapeDeps): Promise<{ side: JoinSide; path: DataPath; other: ResolvedSource }> {
  const join = plan.join!;
  const ref = join.spec.ref ?? join.spec.source.dataset ?? join.spec.source.src ?? '';
  try {
    const other = await deps.resolveSource(join.spec.source, options);
    const direct = await joinWithoutProfile(other, plan, options);
    if (direct) return { side: direct, path: 'tabular', other };
    const base = await deps.loadColumns(other, options);
    const all = withComputed(base, checkCompute(join.spec.compute, base));
    const names = all.map((c) => c.name);
    const resolve = (name: string, shown: string) => {
      try {
        return matchColumn(name, names);
      } catch {
        throw new CultureError('unknown-column', { column: shown, available: names.map((n) => (shown.startsWith('join.') ? `join.${n}` : n)), side: 'join' });
      }
    };
    const right = resolve(join.spec.right, join.spec.right);
    const needed = join.columns.map((n) => resolve(n, `join.${n}`));
    const infos = needed.map((n) => all.find((c) => c.name === n)!);
    const numeric = infos.filter(isNumeric).map((c) => c.name);
    const text = infos.filter((c) => !numeric.includes(c.name)).map((c) => c.name);
    const query: Query = {
      ...(join.spec.filters?.length ? { filters: join.spec.filters } : {}),
      ...(join.spec.compute ? { compute: join.spec.compute } : {}),
      groupBy: [right, ...text.filter((t) => t !== right)],
      aggregates: numeric.length ? numeric.map((c) => ({ op: 'sum' as const, column: c, as: c })) : [{ op: 'count' as const, as: '__n' }],
    };
    const result = await deps.runQuery(other, query, options);
    const code = join.code || isCodeColumn(all.find((c) => c.name === right));
    const side = foldJoinSide(result.rows, right, infos, code);
    // joined values are read under the names the expressions used (`join.Population` finds `population`)
    if (needed.some((n, i) => n !== join.columns[i])) {
      for (const record of side.values.values()) join.columns.forEach((asked, i) => { record[asked] = record[needed[i]!] ?? null; });
    }
    return { side: { ...side, columns: infos.map((c, i) => ({ ...c, name: join.columns[i]! })) }, path: result.path, other };
  } catch (error) {
    throw joinError(error, ref);
  }
}

/** Row mode with a join: `join.X` cells looked up on each row's key; keys without a match listed. */
function lookUpRows(rows: Row[], plan: ShapePlan, side: JoinSide): string[] {
  const join = plan.join!;
  const unmatched = new Set<string>();
  const wanted = plan.output.filter((n) => /^join\./i.test(n));
  for (const row of rows) {
    const key = joinKey(row[join.left] ?? null, side.code);
    const record = key === null ? undefined : side.values.get(key);
    if (!record && key !== null) unmatched.add(key);
    for (const name of wanted) row[name] = record?.[name.replace(/^join\./i, '')] ?? null;
  }
  return [...unmatched].sort((a, b) => compareCells(a, b));
}

/** Runs a shaped query (see the diagram above). */
export async function runShaped(source: ResolvedSource, query: Query, options: LoadOptions, deps: ShapeDeps): Promise<QueryResult> {
  const columns = await deps.loadColumns(source, options);
  const plan = planShape(query, columns);
  const steps: ShapeStep[] = [];
  const spellings = new Map<string, Map<string, string>>();
  // the other side and `clean`'s spellings load while the element's own data does
  const around = Promise.all([
    plan.join ? loadJoin(plan, options, deps) : undefined,
    ...plan.spellings.map(async (column) => {
      const { map, path } = await loadSpellings(source, column, options, deps);
      spellings.set(column, map);
      steps.push({ step: 'spellings', path });
    }),
  ]);
  let joined: Awaited<ReturnType<typeof loadJoin>> | undefined;
  const withAround = async <T,>(main: Promise<T>): Promise<T> => {
    const [[side], value] = await Promise.all([around, main]);
    joined = side;
    if (side) steps.push({ step: 'join', path: side.path });
    return value;
  };
  const ctx: ComputeContext = { lang: plan.lang, spellings };
  const engine = deps.engine();
  const server = source.tabular && plan.rowsReasons.length === 0;
  let path: DataPath;

  if (plan.aggregated) {
    let groups: Group[];
    if (server) {
      const base = await withAround(deps.runQuery(source, {
        ...(plan.sourceFilters.length ? { filters: plan.sourceFilters } : {}),
        ...(plan.search ? { search: plan.search } : {}),
        groupBy: plan.serverKeys,
        aggregates: plan.partials,
      }, options));
      path = base.path;
      steps.push({ step: 'groups', path }, { step: 'regroup', path: 'local', engine: 'eval-free' });
      groups = regroup(base.rows, plan, ctx);
      if (!groups.length && !plan.groupBy.length) groups = [newGroup([], plan.calls)]; // a total over no row
    } else {
      const rows = await withAround(rowsTable(source, plan, columns, options, deps));
      path = rows.path;
      steps.push({ step: 'rows', path, engine, ...(plan.rowsReasons.length ? { reasons: plan.rowsReasons } : {}) });
      groups = await (await deps.filePath()).shapeGroups(rows.table, plan, ctx, rows.filtered, engine);
    }
    const { rows, partials, unmatched } = groupRows(groups, plan, joined?.side);
    const sorted = sortShaped(rows, plan);
    return {
      rows: pageOf(sorted, plan), columns: shapedColumns(plan, sorted, joined?.side), total: sorted.length, path, source, steps,
      ...(plan.join ? { unmatched, warnings: unmatchedWarnings(unmatched, plan) } : {}), ...(joined ? { joined: joined.other } : {}),
      combine: combiner(plan, partials, joined?.side),
    };
  }

  let rows: Row[];
  let total: number;
  if (server) {
    const names = plan.rowColumns.filter((n) => columns.some((c) => c.name === n));
    const base = await withAround(deps.runQuery(source, {
      ...(plan.sourceFilters.length ? { filters: plan.sourceFilters } : {}),
      ...(plan.search ? { search: plan.search } : {}),
      ...(names.length ? { columns: names } : {}),
      ...(plan.sort.length ? { sort: plan.sort } : {}),
      ...(plan.limit !== undefined ? { limit: plan.limit } : {}),
      ...(plan.offset !== undefined ? { offset: plan.offset } : {}),
    }, options));
    path = base.path;
    steps.push({ step: 'rows', path }, { step: 'regroup', path: 'local', engine: 'eval-free' });
    rows = outputRows(plan, rowReader(base.rows), ctx, base.rows.length);
    total = base.total;
  } else {
    const loaded = await withAround(rowsTable(source, plan, columns, options, deps));
    path = loaded.path;
    steps.push({ step: 'rows', path, engine, ...(plan.rowsReasons.length ? { reasons: plan.rowsReasons } : {}) });
    const all = sortShaped(await (await deps.filePath()).shapeRows(loaded.table, plan, ctx, loaded.filtered, engine), plan);
    total = all.length;
    rows = pageOf(all, plan);
  }
  const unmatched = joined ? lookUpRows(rows, plan, joined.side) : undefined;
  return {
    rows, columns: shapedColumns(plan, rows, joined?.side), total, path, source, steps,
    ...(unmatched ? { unmatched, warnings: unmatchedWarnings(unmatched, plan) } : {}), ...(joined ? { joined: joined.other } : {}),
  };
}

/** The note under the widget: « 2 codes sans correspondance : 975, 977 » (the first ten). */
function unmatchedWarnings(unmatched: string[], plan: ShapePlan): CultureWarning[] {
  if (!unmatched.length) return [];
  const keys = unmatched.slice(0, 10);
  return [new CultureWarning('unmatched', {
    attribute: 'join', value: plan.join!.spec.ref ?? plan.join!.left, keys, count: unmatched.length, more: unmatched.length > keys.length,
    ...(plan.join!.spec.ref ? { ref: plan.join!.spec.ref } : {}),
  })];
}
