/**
 * The file path: download with progress and a size cap, then parse (worker first), cached per
 * file so several widgets of a page read one download.
 */
import type { LoadOptions, ResolvedSource } from './types.js';
import { CultureError, abortError } from './errors.js';
import { config } from './config.js';
import { request, responseError } from './http.js';
import { SharedCache } from './share.js';
import type { Table } from './table.js';
import { parseFile, prepareWorker } from './worker-client.js';

const tooLarge = (source: ResolvedSource, size: number): CultureError =>
  new CultureError('too-large', { size, limit: config.maxFileSize, url: source.fileUrl });

const originOf = (url: string): string | undefined => {
  try { return new URL(url, globalThis.location?.href).origin; } catch { return undefined; }
};

/** A failed fetch of a file on another host is, in practice, a missing CORS header. */
function failure(error: CultureError, source: ResolvedSource): CultureError {
  if (error.code !== 'network') return error;
  const file = originOf(source.fileUrl);
  const remote = file !== globalThis.location?.origin && file !== originOf(source.api);
  return source.cors === false || remote ? new CultureError('cors', { ...error.details, url: source.fileUrl }) : error;
}

/** Downloads the file, reporting progress; refuses beyond `config.maxFileSize`. */
export async function download(source: ResolvedSource, { signal, onProgress }: LoadOptions = {}): Promise<Uint8Array> {
  if (source.filesize && source.filesize > config.maxFileSize) throw tooLarge(source, source.filesize);
  let response: Response;
  try {
    response = await request(source.fileUrl, { signal });
  } catch (error) {
    throw error instanceof CultureError ? failure(error, source) : error;
  }
  if (!response.ok) throw await responseError(response);
  const header = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(header) && header > 0 ? header : undefined;
  if (total && total > config.maxFileSize) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(source, total);
  }
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress?.({ loaded, total });
  // the fetch's own abort link ends with the headers: cancel the body ourselves
  const onAbort = () => { void reader.cancel().catch(() => undefined); };
  signal?.addEventListener('abort', onAbort, { once: true });
  // a download that stalls (no bytes for `config.timeout` ms) is given up as a timeout
  const read = (): Promise<ReadableStreamReadResult<Uint8Array>> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CultureError('timeout', { url: source.fileUrl, loaded })), config.timeout);
    });
    return Promise.race([reader.read(), stalled]).finally(() => clearTimeout(timer));
  };
  try {
    for (;;) {
      const { done, value } = await read();
      if (done) break;
      loaded += value.byteLength;
      if (loaded > config.maxFileSize) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(source, loaded);
      }
      chunks.push(value);
      onProgress?.({ loaded, total });
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (signal?.aborted) throw abortError(signal);
    if (error instanceof CultureError) throw error;
    throw failure(new CultureError('network', { url: source.fileUrl, cause: String(error) }), source);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) throw abortError(signal); // cancelled between two reads
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) { bytes.set(chunk, at); at += chunk.byteLength; }
  return bytes;
}

const tables = new SharedCache<Table>(4);

/** The parsed file of a source (one download and one parse per page). */
export function loadTable(source: ResolvedSource, options: LoadOptions = {}): Promise<Table> {
  return tables.run(source.fileUrl, async (signal) => {
    const worker = prepareWorker(); // starts while the file downloads
    let bytes: Uint8Array;
    try {
      bytes = await download(source, { signal, onProgress: options.onProgress });
    } catch (error) {
      void worker.then((w) => w?.terminate());
      throw error;
    }
    return parseFile(bytes, source.format, signal, worker);
  }, options.signal);
}

export function clearTables(): void { tables.clear(); }
