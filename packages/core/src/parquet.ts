/**
 * Parquet decoding (hyparquet) over any AsyncBuffer: the footer first, then only the column
 * chunks of the columns and row groups a query needs. The bytes come from ranges.ts (HTTP range
 * requests, on the page) — in the worker through a buffer that asks the page for each range, so
 * every request keeps one place for timeouts, retries, aborts and errors.
 *
 * Codecs: SNAPPY (hyparquet's own, in JavaScript), ZSTD (fzstd: data.gouv.fr's copies are zstd),
 * GZIP, LZ4. hyparquet-compressors' snappy is WebAssembly, which `script-src 'self'` forbids, so
 * its pure-JavaScript decompressors are imported one by one. Another codec is a `parse` error
 * naming it.
 */
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type ColumnData as ParquetChunk, type Compressors, type FileMetaData, type SchemaElement, type Statistics } from 'hyparquet';
import { decompress as zstd } from 'fzstd';
import { gunzip } from 'hyparquet-compressors/src/gzip.js';
import { decompressLz4, decompressLz4Raw } from 'hyparquet-compressors/src/lz4.js';
import type { Cell, ColumnInfo, ColumnType } from './types.js';
import { CultureError } from './errors.js';
import { fileErrors } from './file-messages.js';
import { tooLarge } from './bytes.js';
import { config } from './config.js';
import type { TypedClause } from './query.js';
import { type Inferred, jsonColumn, textColumnOf, withProfile } from './infer.js';
import type { ColumnData, Table } from './table.js';
import { readNumber } from './values.js';
import { isNumeric } from './columns.js';

const COMPRESSORS: Compressors = {
  ZSTD: (input, length) => zstd(input, new Uint8Array(length)),
  GZIP: (input, length) => gunzip(input, new Uint8Array(length)),
  LZ4: decompressLz4,
  LZ4_RAW: decompressLz4Raw,
};
const CODECS = new Set(['UNCOMPRESSED', 'SNAPPY', ...Object.keys(COMPRESSORS)]);

/** Dates and timestamps as core's ISO strings, not Date objects. */
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
const PARSERS = {
  dateFromDays: (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10),
  timestampFromMilliseconds: (ms: bigint) => iso(Number(ms)),
  timestampFromMicroseconds: (us: bigint) => iso(Number(us / 1000n)),
  timestampFromNanoseconds: (ns: bigint) => iso(Number(ns / 1_000_000n)),
};

/** The footer is read in one request of this size (the metadata of a few hundred columns). */
const FOOTER = 64 * 1024;

export interface ParquetReadOptions {
  /** Columns to read, by name (default: all). */
  columns?: string[];
  /** Row groups to read, 0-based (default: every group the filters may match). */
  rowGroups?: number[];
  /** Clauses whose row-group statistics rule a group out (`=`, `in`, ranges on numbers and dates). */
  filters?: TypedClause[];
  /** The column types to give the cells (a tabular profile); default from the Parquet schema. */
  profile?: ColumnInfo[];
}

export interface ParquetTable {
  table: Table;
  rowGroups: { read: number; total: number };
}

/** hyparquet's failures as core errors: a bad footer is a corrupt file, a missing codec says which. */
function readError(error: unknown): unknown {
  if (error instanceof CultureError) return error;
  const message = String((error as Error)?.message ?? error);
  const codec = /(?:compression|codec)\D*?([A-Z0-9_]{3,})/.exec(message)?.[1];
  if (codec) return fileErrors.error('parse', { codec, format: 'parquet' }, 'codec');
  return fileErrors.error('parse', { format: 'parquet', cause: message }, 'corrupt');
}

async function metadataOf(file: AsyncBuffer): Promise<FileMetaData> {
  try {
    return await parquetMetadataAsync(file, { parsers: PARSERS, initialFetchSize: FOOTER });
  } catch (error) {
    throw readError(error);
  }
}

/** Bytes already in memory as an AsyncBuffer. */
export function memoryBuffer(bytes: Uint8Array): AsyncBuffer {
  const buffer = (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
  return { byteLength: buffer.byteLength, slice: (start, end) => buffer.slice(start, end) };
}

/** The leaf schema elements by top-level column name. */
function elementsOf(metadata: FileMetaData): Map<string, SchemaElement> {
  return new Map(parquetSchema(metadata).children.map((child) => [child.element.name, child.element]));
}

/** What a Parquet column holds, in core's types. */
function typeOf(element: SchemaElement): ColumnType {
  const logical = element.logical_type?.type;
  const converted = element.converted_type;
  if (converted === 'DATE' || logical === 'DATE') return 'date';
  if (logical === 'TIMESTAMP' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS' || element.type === 'INT96') return 'datetime';
  if (converted === 'DECIMAL' || logical === 'DECIMAL') return 'number';
  if (converted === 'JSON' || logical === 'JSON') return 'json';
  switch (element.type) {
    case 'BOOLEAN': return 'boolean';
    case 'INT32': case 'INT64': return 'integer';
    case 'FLOAT': case 'DOUBLE': return 'number';
    default: return 'string';
  }
}

/** The columns of a Parquet file from its footer alone: names, types, min / max and missing counts. */
export async function parquetColumns(file: AsyncBuffer): Promise<ColumnInfo[]> {
  const metadata = await metadataOf(file);
  const elements = elementsOf(metadata);
  return [...elements].map(([name, element]) => {
    const info: ColumnInfo = { name, type: typeOf(element) };
    let missing = 0;
    for (const group of metadata.row_groups) {
      const stats = group.columns.find((c) => c.meta_data?.path_in_schema[0] === name)?.meta_data?.statistics;
      missing += Number(stats?.null_count ?? 0);
      const min = plain(stats?.min_value ?? stats?.min), max = plain(stats?.max_value ?? stats?.max);
      if (isNumeric(info) && typeof min === 'number' && typeof max === 'number') {
        info.min = Math.min(min, typeof info.min === 'number' ? info.min : Infinity);
        info.max = Math.max(max, typeof info.max === 'number' ? info.max : -Infinity);
      }
    }
    info.missing = missing;
    return info;
  });
}

/** A statistics bound as a number or a string (bigints, ISO dates), or undefined. */
function plain(value: unknown): number | string | undefined {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

/** Whether a row group may hold rows that pass `clause`, from its statistics. */
function mayMatch(stats: Statistics | undefined, clause: TypedClause, element: SchemaElement | undefined): boolean {
  if (!stats || !element) return true;
  if (clause.op === 'is empty') return stats.null_count === undefined || stats.null_count > 0n;
  const lo = plain(stats.min_value ?? stats.min), hi = plain(stats.max_value ?? stats.max);
  if (lo === undefined || hi === undefined) return true;
  const type = typeOf(element);
  const ordered = type === 'integer' || type === 'number' || type === 'date' || type === 'datetime';
  // text bounds may be truncated, and French collation is not byte order: equality only, exact bounds only
  const exact = ordered || (stats.is_min_value_exact === true && stats.is_max_value_exact === true);
  if (!exact) return true;
  const inside = (v: Cell | undefined) => v === null || v === undefined || typeof v !== typeof lo || (v >= lo && v <= hi);
  switch (clause.op) {
    case '=': return inside(clause.typed);
    case 'in': return (clause.typedValues ?? []).some(inside);
    default: break;
  }
  if (!ordered || typeof clause.typed !== typeof lo) return true;
  const v = clause.typed as number | string;
  switch (clause.op) {
    case '>': return hi > v;
    case '>=': return hi >= v;
    case '<': return lo < v;
    case '<=': return lo <= v;
    default: return true;
  }
}

/** The row groups the filters may match (all of them without filters). */
export function rowGroupsFor(metadata: FileMetaData, filters: TypedClause[] = []): number[] {
  const elements = elementsOf(metadata);
  const groups: number[] = [];
  metadata.row_groups.forEach((group, index) => {
    const keep = filters.every((clause) => {
      const chunk = group.columns.find((c) => c.meta_data?.path_in_schema[0] === clause.column);
      return mayMatch(chunk?.meta_data?.statistics, clause, elements.get(clause.column));
    });
    if (keep && Number(group.num_rows) > 0) groups.push(index);
  });
  return groups;
}

/** One column's cells, the chunks of every row group read put end to end. */
function cellsOf(chunks: ParquetChunk[], length: number): Cell[] {
  const out = new Array<Cell>(length);
  let at = 0;
  for (const chunk of chunks.sort((a, b) => a.rowStart - b.rowStart)) {
    const data = chunk.columnData;
    for (let i = 0; i < data.length; i++) {
      const v: unknown = data[i];
      out[at++] = v === undefined || v === null ? null
        : typeof v === 'bigint' ? Number(v)
        : typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v
        : v instanceof Date ? v.toISOString()
        : JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));
    }
  }
  return out;
}

/** Cells typed as the profile says (the copy of a tabular resource). */
function profiledColumn(info: ColumnInfo, cells: Cell[]): ColumnData {
  if (isNumeric(info)) {
    const values = new Float64Array(cells.length);
    cells.forEach((v, i) => { values[i] = v === null ? NaN : typeof v === 'number' ? v : readNumber(String(v)); });
    return { kind: 'number', values };
  }
  if (info.type === 'boolean') {
    const values = new Uint8Array(cells.length);
    cells.forEach((v, i) => { values[i] = v === null ? 2 : v === true || v === 'true' ? 1 : 0; });
    return { kind: 'boolean', values };
  }
  return { kind: 'cells', values: cells };
}

/** Cells typed by the schema (the file's types are the truth, as `parquetColumns` reports them). */
function schemaColumn(name: string, element: SchemaElement, cells: Cell[]): Inferred {
  const type = typeOf(element);
  if (type === 'integer' || type === 'number' || type === 'boolean') return withProfile(jsonColumn(name, cells, type), cells.length);
  const texts = cells.map((v) => (v === null ? null : String(v)));
  if (type === 'string') return textColumnOf(name, texts);
  return withProfile(jsonColumn(name, texts, type), cells.length);
}

/**
 * Reads these columns (and row groups) of a Parquet file: the footer, then the column chunks.
 * Row groups whose statistics exclude `filters` are skipped; the caller applies the filters to
 * the rows (a group is read whole). `onPlan` learns how many bytes the column chunks weigh.
 */
export async function readParquet(file: AsyncBuffer, options: ParquetReadOptions = {}, onPlan?: (bytes: number) => void): Promise<ParquetTable> {
  const metadata = await metadataOf(file);
  const elements = elementsOf(metadata);
  const names = options.columns ?? [...elements.keys()];
  const missing = names.filter((n) => !elements.has(n));
  if (missing.length) throw new CultureError('unknown-column', { column: missing[0], available: [...elements.keys()] });
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const codec = chunk.meta_data?.codec;
      if (codec && !CODECS.has(codec) && names.includes(chunk.meta_data!.path_in_schema[0]!)) {
        throw fileErrors.error('parse', { codec, format: 'parquet' }, 'codec');
      }
    }
  }
  const groups = options.rowGroups ?? rowGroupsFor(metadata, options.filters);
  // what will be read, for the progress bar and the size cap
  const planned = groups.reduce((sum, g) => sum + metadata.row_groups[g]!.columns
    .filter((c) => names.includes(c.meta_data!.path_in_schema[0]!))
    .reduce((s, c) => s + Number(c.meta_data!.total_compressed_size), 0), 0);
  // a few columns of a huge file can still be too much for a page
  if (planned > config.maxFileSize) throw tooLarge('', planned);
  onPlan?.(planned);
  const starts: number[] = [];
  let start = 0;
  for (const group of metadata.row_groups) { starts.push(start); start += Number(group.num_rows); }
  const chunks = new Map<string, ParquetChunk[]>(names.map((n) => [n, []]));
  let length = 0;
  try {
    // neighbouring groups in one read: hyparquet merges their byte ranges
    for (const [from, to] of runs(groups)) {
      const rowStart = starts[from]!, rowEnd = starts[to]! + Number(metadata.row_groups[to]!.num_rows);
      await parquetRead({
        file, metadata, columns: names, rowStart, rowEnd, compressors: COMPRESSORS, parsers: PARSERS,
        onChunk: (chunk) => { chunks.get(chunk.columnName)?.push(chunk); },
      });
      length += rowEnd - rowStart;
    }
  } catch (error) {
    throw readError(error);
  }
  const profile = new Map(options.profile?.map((c) => [c.name, c]));
  const table: Table = { columns: [], data: [], length };
  for (const name of names) {
    const cells = cellsOf(chunks.get(name)!, length);
    const known = profile.get(name);
    const column = known ? { info: known, data: profiledColumn(known, cells) } : schemaColumn(name, elements.get(name)!, cells);
    table.columns.push(column.info);
    table.data.push(column.data);
  }
  return { table, rowGroups: { read: groups.length, total: metadata.row_groups.length } };
}

/** Consecutive group indices as [first, last] runs. */
function runs(groups: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const g of groups) {
    const last = out.at(-1);
    if (last && last[1] === g - 1) last[1] = g;
    else out.push([g, g]);
  }
  return out;
}

/** A Parquet file already downloaded (declared as something else). */
export async function parquetFromBytes(bytes: Uint8Array): Promise<Table> {
  return (await readParquet(memoryBuffer(bytes))).table;
}
