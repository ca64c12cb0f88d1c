/**
 * The file path: download with progress and a size cap, then parse (worker first), cached per
 * file so several widgets of a page read one download. Parquet files are read by ranges instead
 * (see parquet.ts): only the columns a query needs.
 */
import type { ColumnInfo, LoadOptions, ParquetCopy, ResolvedSource } from './types.js';
import { CultureError } from './errors.js';
import { config } from './config.js';
import { request, responseError } from './http.js';
import { readAll, tooLarge } from './bytes.js';
import { notATable } from './detect.js';
import { fileError, fileErrors } from './file-messages.js';
import { SharedCache } from './share.js';
import type { Table } from './table.js';
import type { ParquetReadOptions } from './parquet.js';
import { openRanges } from './ranges.js';
import { type ParquetResult, parseFile, prepareWorker, readParquetFile } from './worker-client.js';

const originOf = (url: string): string | undefined => {
  try { return new URL(url, globalThis.location?.href).origin; } catch { return undefined; }
};

/** A failed fetch of a file on another host is, in practice, a missing CORS header. */
function failure(error: CultureError, source: ResolvedSource): CultureError {
  if (error.code !== 'network') return error;
  const file = originOf(source.fileUrl);
  const remote = file !== globalThis.location?.origin && file !== originOf(source.api);
  return source.cors === false || remote ? new CultureError('cors', { ...error.details, url: source.fileUrl, download: source.fileUrl }) : error;
}

/** The file's name as the user knows it: the resource title, else the last part of its URL. */
export function fileName(source: ResolvedSource): string {
  const title = source.citation.resourceTitle;
  if (title) return title;
  try {
    return decodeURIComponent(new URL(source.fileUrl, globalThis.location?.href).pathname.split('/').pop() || source.fileUrl);
  } catch {
    return source.fileUrl;
  }
}

/** Reading errors name the file and link to it, so the message can say which and offer the download. */
function named(error: unknown, source: ResolvedSource): unknown {
  if (!(error instanceof CultureError) || (error.code !== 'parse' && error.code !== 'unsupported-format')) return error;
  return fileError(error.code, { ...error.details, file: fileName(source), download: source.fileUrl }, error.key);
}

/** A file whose name says it is not a table (`.pdf`, `.docx`…) is refused before any download. */
function refuseNonTable(source: ResolvedSource): void {
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(source.fileUrl)?.[1];
  const name = source.format === 'unknown' ? notATable(extension) : undefined;
  if (name) throw named(fileErrors.error('unsupported-format', { format: name }), source);
}

/** Downloads the file, reporting progress; refuses beyond `config.maxFileSize`. */
export async function download(source: ResolvedSource, { signal, onProgress }: LoadOptions = {}): Promise<Uint8Array> {
  if (source.filesize && source.filesize > config.maxFileSize) throw tooLarge(source.fileUrl, source.filesize);
  let response: Response;
  try {
    response = await request(source.fileUrl, { signal });
  } catch (error) {
    throw error instanceof CultureError ? failure(error, source) : error;
  }
  if (!response.ok) throw await responseError(response);
  try {
    return await readAll(response, { url: source.fileUrl, signal, onProgress });
  } catch (error) {
    throw error instanceof CultureError ? failure(error, source) : error;
  }
}

const tables = new SharedCache<Table>(4);
const tableKey = (source: ResolvedSource): string => JSON.stringify([source.fileUrl, source.sheet ?? '', source.record ?? '']);

/** The parsed file of a source (one download and one parse per page). */
export function loadTable(source: ResolvedSource, options: LoadOptions = {}): Promise<Table> {
  return tables.run(tableKey(source), async (signal) => {
    refuseNonTable(source);
    const worker = prepareWorker(); // starts while the file downloads
    let bytes: Uint8Array;
    try {
      bytes = await download(source, { signal, onProgress: options.onProgress });
    } catch (error) {
      void worker.then((w) => w?.terminate());
      throw error;
    }
    try {
      return await parseFile(bytes, { format: source.format, sheet: source.sheet, record: source.record }, signal, worker);
    } catch (error) {
      throw named(error, source);
    }
  }, options.signal);
}

const parquetTables = new SharedCache<ParquetResult>(4);

/**
 * Reads these columns (and row groups) of a Parquet file by HTTP ranges, in the worker when one
 * starts; identical reads on a page share one. The core entry for any caller that knows which
 * columns a query needs (the Parquet copy of a tabular resource, a Parquet resource).
 */
export function readParquetColumns(source: ResolvedSource, file: ParquetCopy, options: ParquetReadOptions & LoadOptions = {}): Promise<ParquetResult> {
  const { signal, onProgress, ...what } = options;
  const key = JSON.stringify([file.url, what.columns ?? null, what.rowGroups ?? null, what.filters ?? null, Boolean(what.profile)]);
  return parquetTables.run(key, async (shared) => {
    try {
      return await readParquetFile(file, { ...what, signal: shared, onProgress });
    } catch (error) {
      throw named(error instanceof CultureError ? failure(error, source) : error, source);
    }
  }, signal);
}

/** The columns of a Parquet resource, from its footer. */
export async function parquetProfile(source: ResolvedSource, options: LoadOptions = {}): Promise<ColumnInfo[]> {
  const { parquetColumns } = await import('./parquet.js');
  try {
    return await parquetColumns(await openRanges({ url: source.fileUrl, size: source.filesize }, options));
  } catch (error) {
    throw named(error instanceof CultureError ? failure(error, source) : error, source);
  }
}

export function clearTables(): void {
  tables.clear();
  parquetTables.clear();
}
