/**
 * The file path and the local engines, behind one lazy boundary: index.ts loads this chunk with
 * `import()` the first time a query needs a file or a local aggregation, so a page that only reads
 * the tabular API never downloads the CSV parser, type inference, the worker client, the engines,
 * or the strategy that picks between the Parquet copy, the CSV export and the file.
 */
import type { Cell, ColumnInfo, LoadOptions, Query, QueryResult, ResolvedSource, Row } from './types.js';
import { CultureError } from './errors.js';
import { config } from './config.js';
import { type NormalizedQuery, normalizeQuery } from './query.js';
import { type LocalResult, runLocal } from './local.js';
import { runArquero } from './arquero-engine.js';
import { DelimitedParser, sniff } from './csv.js';
import { type Table } from './table.js';
import { Refused } from './tabular.js';
import { isNumeric } from './columns.js';
import { readNumber } from './values.js';
import type { ComputeContext } from './compute.js';
import type { Group, ShapePlan } from './shape.js';
import { shapeGroupsLocal, shapeRowsLocal } from './shape-local.js';
import { shapeGroupsArquero, shapeRowsArquero } from './shape-arquero.js';
import { loadTable, parquetProfile, readParquetColumns } from './file.js';

export { clearTables, loadTable, readParquetColumns } from './file.js';

type Engine = 'arquero' | 'eval-free';

/** The columns of a file: a Parquet footer, or the parsed file. */
export async function fileColumns(source: ResolvedSource, options: LoadOptions): Promise<ColumnInfo[]> {
  if (source.format === 'parquet') return parquetProfile(source, options);
  return (await loadTable(source, options)).columns;
}

/** A query on the file: parsed whole, or for Parquet only the columns the query needs, by ranges. */
export async function queryFile(source: ResolvedSource, query: Query, options: LoadOptions, engine: Engine): Promise<QueryResult> {
  if (source.format === 'parquet') {
    const columns = await fileColumns(source, options);
    const q = normalizeQuery(query, columns);
    const file = { url: source.fileUrl, size: source.filesize };
    const { table } = await readParquetColumns(source, file, { ...options, columns: queryColumns(q, columns), filters: q.filters });
    return { ...(await runOnTable(table, q, engine)), path: 'file', source };
  }
  const table = await loadTable(source, options);
  return { ...(await runOnTable(table, normalizeQuery(query, table.columns), engine)), path: 'file', source };
}

/** Whether a local query on this resource reads its Parquet copy before the CSV export. */
const copyFirst = (source: ResolvedSource): boolean =>
  Boolean(source.parquet) && (source.filesize === undefined || source.filesize >= config.parquetFrom);

/**
 * The query over data.gouv.fr's Parquet copy of the resource (only the columns it needs), or
 * undefined when the copy cannot be read (no CORS, no ranges beyond the size cap, gone…): the
 * caller then takes the CSV export or the file.
 */
async function queryCopy(source: ResolvedSource, q: NormalizedQuery, columns: ColumnInfo[], options: LoadOptions, engine: Engine): Promise<QueryResult | undefined> {
  try {
    const { table } = await readParquetColumns(source, source.parquet!, { ...options, columns: queryColumns(q, columns), filters: q.filters, profile: columns });
    return { ...(await runOnTable(table, q, engine)), path: 'parquet', source };
  } catch (error) {
    if (error instanceof CultureError && error.code === 'aborted') throw error;
    return undefined;
  }
}

/**
 * A tabular resource's rows needed here (aggregation refused, median, too many pages): the
 * Parquet copy of a big resource, else the filtered rows of `/data/csv/`; a CSV export too long
 * → the copy, else the file.
 */
export async function queryLocally(source: ResolvedSource, q: NormalizedQuery, query: Query, columns: ColumnInfo[], options: LoadOptions, engine: Engine, csv: () => Promise<string>): Promise<QueryResult> {
  const first = copyFirst(source) ? await queryCopy(source, q, columns, options, engine) : undefined;
  if (first) return first;
  let text: string;
  try {
    text = await csv();
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    const copy = source.parquet && !copyFirst(source) ? await queryCopy(source, q, columns, options, engine) : undefined;
    return copy ?? queryFile(source, query, options, engine);
  }
  return { ...runOnTabularCSV(text, columns, q), path: 'tabular-local', source };
}

/** The columns a query reads: filters, search, groups, aggregates, sort, and the rows' columns. */
export function queryColumns(q: NormalizedQuery, all: ColumnInfo[]): string[] {
  const aggregated = q.aggregates.length > 0;
  const names = [
    ...q.filters.map((f) => f.column),
    ...(q.search?.trim() ? q.searchColumns : []),
    ...q.groupBy,
    ...q.aggregates.flatMap((a) => (a.column ? [a.column] : [])),
    ...(aggregated ? [] : [...q.sort.map((s) => s.column), ...(q.columns ?? all.map((c) => c.name))]),
  ];
  return [...new Set(names)];
}

/** Runs a query over a parsed file with the engine index.ts chose. */
export function runOnTable(table: Table, q: NormalizedQuery, engine: Engine): Promise<LocalResult> | LocalResult {
  return engine === 'arquero' ? runArquero(table, q) : runLocal(table, q);
}

/**
 * The tabular CSV typed with the profile, as a Table for the local engine. The export writes `,`
 * and its header first: `delimiter` says so when the text is too narrow to sniff (one column of
 * `;`-separated values reads as `;`).
 */
export function tableFromCSV(text: string, columns: ColumnInfo[], delimiter?: string): Table {
  const { delimiter: sep, start } = delimiter ? { delimiter, start: 0 } : sniff(text);
  const parser = new DelimitedParser(text, sep, start);
  parser.step();
  const byName = new Map(columns.map((c) => [c.name, c]));
  const present = parser.header.map((name, i) => ({ name: name.replace(/^"+|"+$/g, ''), i })).filter((h) => byName.has(h.name));
  return {
    columns: present.map((h) => byName.get(h.name)!),
    length: parser.rows,
    data: present.map((h) => ({ kind: 'cells' as const, values: parser.columns[h.i]!.map((t) => typeCell(t, byName.get(h.name))) })),
  };
}

/** Types the CSV's text cells with the profile (the tabular CSV is PostgreSQL's text output; only read here, in the lazy chunk). */
export function typeCell(text: string, column: ColumnInfo | undefined): Cell {
  if (text === '') return null;
  if (isNumeric(column)) { const n = readNumber(text); return Number.isNaN(n) ? text : n; }
  if (column?.type === 'boolean') return text === 'true' || text === 't' ? true : text === 'false' || text === 'f' ? false : text;
  return text;
}

/** Finishes a query over the tabular `/data/csv/` export with the eval-free engine. */
export function runOnTabularCSV(text: string, columns: ColumnInfo[], q: NormalizedQuery): LocalResult {
  return runLocal(tableFromCSV(text, columns), q);
}

/** Rows a shaped plan reads here, and where they came from (`filtered`: the server applied the filters). */
export interface ShapeRows {
  table: Table;
  filtered: boolean;
  path: 'parquet' | 'tabular-local' | 'file';
}

/**
 * The rows a shaped plan needs (`split`, `median`, row arithmetic…), the same way as `queryLocally`:
 * the Parquet copy of a big resource (only the columns `names`, by ranges), else the filtered rows
 * of `/data/csv/` (`csv`); an export too long → the copy, else the file.
 */
export async function shapeRowsOf(
  source: ResolvedSource, q: NormalizedQuery, names: string[], columns: ColumnInfo[], options: LoadOptions,
  csv: (() => Promise<{ text: string; filtered: boolean }>) | undefined,
): Promise<ShapeRows> {
  const read = [...new Set([...names, ...q.filters.map((f) => f.column), ...(q.search?.trim() ? q.searchColumns : [])])];
  if (source.format === 'parquet') {
    // a Parquet file: only the columns the plan reads, by ranges
    const { table } = await readParquetColumns(source, { url: source.fileUrl, size: source.filesize }, { ...options, columns: read, filters: q.filters });
    return { table, filtered: false, path: 'file' };
  }
  const copy = async (): Promise<ShapeRows | undefined> => {
    try {
      const { table } = await readParquetColumns(source, source.parquet!, { ...options, columns: read, filters: q.filters, profile: columns });
      return { table, filtered: false, path: 'parquet' };
    } catch (error) {
      if (error instanceof CultureError && error.code === 'aborted') throw error;
      return undefined;
    }
  };
  if (copyFirst(source)) {
    const first = await copy();
    if (first) return first;
  }
  if (csv) {
    try {
      const { text, filtered } = await csv();
      return { table: tableFromCSV(text, columns, ','), filtered, path: 'tabular-local' };
    } catch (error) {
      // more than 50,000 rows, or a resource the tabular API does not know: the copy, else the file
      if (!(error instanceof Refused) && !(error instanceof CultureError && error.code === 'not-found')) throw error;
    }
    const second = source.parquet && !copyFirst(source) ? await copy() : undefined;
    if (second) return second;
  }
  return { table: await loadTable(source, options), filtered: false, path: 'file' };
}

/** The groups of a shaped plan over rows, with the engine index.ts chose. */
export function shapeGroups(table: Table, plan: ShapePlan, ctx: ComputeContext, filtered: boolean, engine: Engine): Promise<Group[]> | Group[] {
  return engine === 'arquero' ? shapeGroupsArquero(table, plan, ctx, filtered) : shapeGroupsLocal(table, plan, ctx, filtered);
}

/** The rows of a shaped plan in row mode, with the engine index.ts chose. */
export function shapeRows(table: Table, plan: ShapePlan, ctx: ComputeContext, filtered: boolean, engine: Engine): Promise<Row[]> | Row[] {
  return engine === 'arquero' ? shapeRowsArquero(table, plan, ctx, filtered) : shapeRowsLocal(table, plan, ctx, filtered);
}
