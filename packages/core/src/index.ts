/**
 * @culture-widgets/core — from what a page author typed to typed rows.
 *
 *   dataset / resource / src ──resolveSource──▶ ResolvedSource (metadata, citation, path)
 *                                                 │
 *   filter="…" ──parseFilter──▶ Query ──runQuery──┤── tabular API (server filters, sort, paging, groupby)
 *                                                 ├── the Parquet copy, by ranges (big resource, groupby refused)
 *                                                 ├── tabular /data/csv/ aggregated locally (groupby refused)
 *                                                 └── the file: stream ▶ detect the format ▶ parse (worker;
 *                                                     XML on the main thread) ▶ query locally; Parquet by ranges
 *                                                 ▼
 *                                           QueryResult { rows, columns, total, path, source }
 *
 * Elements call `load` (or `resolveSource` + `loadColumns` + `runQuery`) and nothing else.
 * Modules: resolve.ts (catalogue) · filter.ts (grammar) · query.ts (one meaning for a Query) ·
 * tabular.ts (tabular API) · file-path.ts, loaded lazily: file.ts + detect.ts + parse.ts + csv.ts +
 * infer.ts + json.ts (files), local.ts (eval-free engine), arquero-engine.ts; loaded on first use
 * of their format: spreadsheet.ts (SheetJS), xml.ts (DOMParser), parquet.ts (hyparquet) ·
 * rows.ts (group order) ·
 * http.ts + share.ts + download.ts (requests, sharing, whole bodies) ·
 * columns.ts + kinds.ts + insee.ts (column rules) · format.ts (display) · colors.ts (category colours) ·
 * suggest.ts (the values closest to a filter that matched nothing) ·
 * errors.ts + messages.ts (errors, warnings, fr / en).
 */
export type * from './types.js';
import type { ColumnInfo, FilterClause, LoadOptions, Query, QueryResult, ResolvedSource, SourceSpec } from './types.js';
import { CultureError } from './errors.js';
import { SharedCache } from './share.js';
import { clearResolveCache, resolveSource } from './resolve.js';
import { type NormalizedQuery, isShaped, normalizeQuery } from './query.js';
import { aggregateColumns, groupOrder, sortRows } from './rows.js';
import { config } from './config.js';
import type { ValueCount } from './suggest.js';
import type { ShapeDeps } from './shaped.js';
import {
  Refused, aggregateOnServer, filteredCSV, loadProfile, rowsOnServer, serverCanAggregate, serverFilters,
} from './tabular.js';

export { CultureError, CultureWarning, isCultureError, defineMessages, loadSentences, sentencesLoaded } from './errors.js';
export { quoteList, availableColumns, type Details, type Say, type Sentences } from './messages.js';
export { parseFilter, formatFilter, checkFilter } from './filter.js';
/** The filter grammar for an element that reads a `filter` only when it has one (not in its first load). */
export const loadFilterGrammar = () => import('./filter.js');
export {
  foldText, nameKey, slugify, decodeText, matchColumn, findColumn, columnNamed, parseList, parseName, formatList, cellNumber,
  isNumeric, isYear, isTemporal, type Named,
} from './columns.js';
export {
  isCode, isLatitude, isLongitude, isPairColumn, isGeometryColumn, isCoordinate, isMeasure, isCategory, readPair, geometryOf, type Geometry,
} from './kinds.js';
export { normaliseCode, guessLevel, findCodeColumn, REGION_CODES, type Level } from './insee.js';
export { resolveSource, listResources, searchDatasets, pingCatalogue, parseInput, chooseResource, isTabular, isDataGouv } from './resolve.js';
export type { ResourceSummary, DatasetSummary, ParsedInput } from './resolve.js';
export { formatNumber, formatCompact, formatPercent, formatDate, formatCell, columnLabel, toCSV, csvDecimal } from './format.js';
export type { CSVOptions } from './format.js';
export { configureCore, DEFAULT_API, DEFAULT_TABULAR_API } from './config.js';
export { loadDocument } from './download.js';
export type { CoreConfig } from './config.js';
export { GEOMETRY_COLUMN } from './table.js';
export { normalizeQuery, aggregateName, rowMatcher, compareCells, AGGREGATE_OPS } from './query.js';
export { categoryColors, chosenColor, parseColorMap } from './colors.js';
export type { CategoryColorOptions } from './colors.js';
export { median, mean } from './rows.js';
export { closestValues, type ValueCount } from './suggest.js';
export { toTabularParams, columnsFromProfile } from './tabular.js';
// csv.ts and infer.ts stay public; a bundler drops them from a page that does not call them
// (infer.ts's number and date readers type the filter values of every query anyway)
export { decode, sniff, parseDelimited } from './csv.js';
export { inferColumn } from './infer.js';
export { readNumber, readDate, readBoolean } from './values.js';
// shaping the data (DESIGN.md § 5): one expression grammar, computed columns, aggregate expressions, join, labels
export { parseExpression, parseDefinitions, quoteName } from './expression.js';
export type { Expr, Definition } from './expression.js';
export { checkCompute, withComputed, ROW_FUNCTIONS, AGGREGATE_FUNCTIONS, ordinalRank } from './compute.js';
export type { ComputedColumn } from './compute.js';
export { checkMeasures, checkAggregated, takesAggregate, aggregateExpression, aggregateTitle, expressionTitle, measureTitle } from './measures.js';
export type { Measure, AggregateCall, MeasureOp, TitleOptions } from './measures.js';
export { joinKey } from './join.js';
export { parseJoin, type JoinRef } from './join-syntax.js';
/** The join grammar for an element that reads a `join` only when it has one (not in its first load). */
export const loadJoinGrammar = () => import('./join-syntax.js');
export { parseLabels, formatLabels, columnTitle, readableName } from './labels.js';
export type { Labels } from './labels.js';
export { planShape } from './shape.js';
export { isShaped } from './query.js';
export type { ShapePlan } from './shape.js';

type FilePath = typeof import('./file-path.js');
let filePath: FilePath | undefined;
/**
 * The file path and the local engines (parser, inference, worker client, arquero wrapper) load
 * on first use: a page that reads the tabular API never downloads them.
 */
async function loadFilePath(): Promise<FilePath> {
  return (filePath ??= await import('./file-path.js'));
}

const profiles = new SharedCache<ColumnInfo[]>(32);
const results = new SharedCache<QueryResult>(32);
/** `/data/csv/` texts by their filters: paging or sorting a locally finished view reads it once. */
const filteredTexts = new SharedCache<string>(4);

/** A resource the catalogue says is tabular but the tabular API doesn't know (404): read its file. */
const notInTabular = (error: unknown): boolean => error instanceof CultureError && error.code === 'not-found';

/** Column profile (tabular `/profile/`, or inferred from the file). */
export async function loadColumns(source: ResolvedSource, options: LoadOptions = {}): Promise<ColumnInfo[]> {
  if (source.tabular) {
    try {
      return await profiles.run(source.key, (signal) => loadProfile(source, signal), options.signal);
    } catch (error) {
      if (!notInTabular(error)) throw error;
    }
  }
  return (await loadFilePath()).fileColumns(source, options);
}

/**
 * Which local engine answers file queries: ours, unless the host says its page allows eval.
 * Probing with `new Function` would file a CSP violation report on every strict page.
 */
export function localEngine(): 'arquero' | 'eval-free' {
  return config.evalAllowed ? 'arquero' : 'eval-free';
}

/** Every query on a file, or that needs a tabular resource's rows here, runs in the lazy chunk. */
async function fromFile(source: ResolvedSource, query: Query, options: LoadOptions): Promise<QueryResult> {
  return (await loadFilePath()).queryFile(source, query, options, localEngine());
}

/**
 * Rows needed here (aggregation refused, median, too many pages): file-path.ts picks the Parquet
 * copy, the CSV export (one per distinct filter, shared by the queries that filter alike) or the file.
 */
async function locally(source: ResolvedSource, q: NormalizedQuery, query: Query, columns: ColumnInfo[], options: LoadOptions): Promise<QueryResult> {
  const csv = () => filteredTexts.run(`${source.key}|${serverFilters(q).params.join('&')}`, (signal) => filteredCSV(source, q, signal), options.signal);
  return (await loadFilePath()).queryLocally(source, q, query, columns, options, localEngine(), csv);
}

async function fromTabular(source: ResolvedSource, query: Query, options: LoadOptions): Promise<QueryResult> {
  let columns: ColumnInfo[];
  try {
    columns = await profiles.run(source.key, (signal) => loadProfile(source, signal), options.signal);
  } catch (error) {
    if (notInTabular(error)) return fromFile(source, query, options);
    throw error;
  }
  const q = normalizeQuery(query, columns);
  const { signal } = options;
  // a value the service would split (`&`, `=`…) never reaches the query string: the server
  // filters by the other clauses, and the rest runs here
  if (!serverFilters(q).complete) return locally(source, q, query, columns, options);
  if (q.aggregates.length) {
    if (serverCanAggregate(q)) {
      try {
        const groups = sortRows(await aggregateOnServer(source, q, columns, signal), groupOrder(q));
        const from = q.offset ?? 0;
        const rows = groups.slice(from, q.limit === undefined ? undefined : from + q.limit);
        return { rows, columns: aggregateColumns(columns, q), total: groups.length, path: 'tabular', source };
      } catch (error) {
        // The profile answered a moment ago on the same host: a refusal, even one the browser
        // only sees as a network error (a gateway's 403 without CORS headers), is worked around.
        if (signal?.aborted) throw error;
      }
    }
    return locally(source, q, query, columns, options);
  }
  let page;
  try {
    page = await rowsOnServer(source, q, signal);
  } catch (error) {
    if (error instanceof Refused) throw new CultureError('server', { status: error.status, detail: error.body.detail, title: error.body.title });
    throw error;
  }
  if (!page) return locally(source, q, query, columns, options);
  const names = q.columns ?? columns.map((c) => c.name);
  const byName = new Map(columns.map((c) => [c.name, c]));
  return { rows: page.rows, columns: names.map((n) => byName.get(n)!), total: page.total, path: 'tabular', source };
}

type Shaped = typeof import('./shaped.js');
let shaped: Promise<Shaped> | undefined;
/** The shaping code (planner, expressions, join) loads with the first query that needs it. */
const loadShaped = (): Promise<Shaped> => (shaped ??= import('./shaped.js'));

/**
 * The resource's columns followed by those of `compute` (checked: a bad expression throws with
 * the token, the column or the function it names). Without `compute`, nothing more loads.
 */
export async function withComputedColumns(columns: ColumnInfo[], compute: string | undefined): Promise<ColumnInfo[]> {
  if (!compute?.trim()) return columns;
  const { checkCompute, withComputed } = await import('./compute.js');
  return withComputed(columns, checkCompute(compute, columns));
}

/** What the shaped path (shaped.ts) borrows from this module. */
const shapeDeps: ShapeDeps = { runQuery, loadColumns, resolveSource, filePath: loadFilePath, engine: localEngine };

/**
 * Runs the query where it is cheapest; identical concurrent queries share one request. A query
 * with `compute`, `measures` or `join` is planned by shape.ts (server groups, local re-grouping, rows).
 */
export function runQuery(source: ResolvedSource, query: Query, options: LoadOptions = {}): Promise<QueryResult> {
  const key = `${source.key}|${source.tabular ? 'tabular' : localEngine()}|${JSON.stringify(query)}`;
  const run = isShaped(query)
    ? async (signal: AbortSignal) => (await loadShaped()).runShaped(source, query, { ...options, signal }, shapeDeps)
    : (signal: AbortSignal) => (source.tabular ? fromTabular : fromFile)(source, query, { ...options, signal });
  return results.run(key, run, options.signal);
}

/** Groups asked for at most when ordering a column's values (far beyond any palette). */
const ORDER_LIMIT = 100;

/**
 * The values of `column` in the unfiltered resource, most frequent first: the order category
 * colours follow, so a filter never repaints a category. Free when the profile lists the column's
 * most frequent values (`tops`); else one grouped count over the whole resource, which every
 * widget asking for it shares.
 */
export async function categoryOrder(
  source: ResolvedSource, columns: ColumnInfo[], column: string, options: LoadOptions = {}, shaping: Pick<Query, 'compute' | 'lang'> = {},
): Promise<string[]> {
  const tops = columns.find((c) => c.name === column)?.tops;
  if (tops?.length) return tops.map((t) => t.value);
  // a computed column (`compute`) is counted through the same computed columns
  const query: Query = { ...shaping, groupBy: [column], aggregates: [{ op: 'count', as: 'count' }], sort: [{ column: 'count', descending: true }], limit: ORDER_LIMIT };
  const result = await runQuery(source, query, options);
  return result.rows.map((row) => String(row[column] ?? ''));
}

/**
 * The real values closest to an equality clause that matched nothing (`regions = Bretagnee` →
 * BRETAGNE (722)), counted under the other filters: a group-by on the server or over the file;
 * the profile's most frequent values when the tabular API refuses to group (a hint never costs a
 * download). Empty when nothing is close.
 */
export async function suggestValues(
  source: ResolvedSource, columns: ColumnInfo[], clause: FilterClause, others: FilterClause[], options: LoadOptions = {},
  shaping: Pick<Query, 'compute' | 'lang'> = {},
): Promise<ValueCount[]> {
  if (clause.op !== '=' || clause.value === undefined) return [];
  const query: Query = { ...shaping, filters: others, groupBy: [clause.column], aggregates: [{ op: 'count', as: 'count' }] };
  const info = columns.find((c) => c.name === clause.column);
  let counts: ValueCount[];
  if (source.tabular && !isShaped(query)) {
    try {
      const q = normalizeQuery(query, columns);
      if (!serverFilters(q).complete) throw new Error('not sent');
      const key = `${source.key}|values|${JSON.stringify(query)}`;
      const rows = await results.run(key, async (signal) => {
        const groups = await aggregateOnServer(source, q, columns, signal);
        return { rows: groups, columns: aggregateColumns(columns, q), total: groups.length, path: 'tabular', source };
      }, options.signal);
      counts = rows.rows.map((row) => ({ value: String(row[clause.column] ?? ''), count: Number(row.count) }));
    } catch (error) {
      if (options.signal?.aborted) throw error;
      counts = info?.tops ?? [];
    }
  } else {
    const result = await runQuery(source, query, options);
    counts = result.rows.map((row) => ({ value: String(row[clause.column] ?? ''), count: Number(row.count) }));
  }
  // the closeness rules load with the first filter that matched nothing
  const { closestValues } = await import('./suggest.js');
  return closestValues(clause.value, counts);
}

/** resolveSource + runQuery. */
export async function load(spec: SourceSpec, query: Query, options: LoadOptions = {}): Promise<QueryResult> {
  return runQuery(await resolveSource(spec, options), query, options);
}

/** Forgets every cached resolution, profile, file and result (tests; a "reload" button). */
export function clearCaches(): void {
  clearResolveCache();
  filePath?.clearTables(); // nothing is cached there before it loads
  profiles.clear();
  results.clear();
  filteredTexts.clear();
}
