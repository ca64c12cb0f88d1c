/**
 * Reading a response body to bytes: progress, a size cap, a stall timeout and the caller's abort.
 * Shared by the file download and the Parquet reader (a server that ignores `Range` sends the whole
 * file); it loads with them, never with the tabular path.
 */
import type { Progress } from './types.js';
import { CultureError, abortError } from './errors.js';
import { config } from './config.js';

export interface ReadOptions {
  /** The file's URL, for errors. */
  url: string;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Bytes beyond which the read stops with `too-large` (default `config.maxFileSize`). */
  limit?: number;
}

export const tooLarge = (url: string, size: number): CultureError =>
  new CultureError('too-large', { size, limit: config.maxFileSize, url, download: url });

/** The whole body, streamed; throws `too-large`, `timeout`, `aborted` or `network`. */
export async function readAll(response: Response, { url, signal, onProgress, limit = config.maxFileSize }: ReadOptions): Promise<Uint8Array> {
  const header = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(header) && header > 0 ? header : undefined;
  if (total && total > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(url, total);
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
      timer = setTimeout(() => reject(new CultureError('timeout', { url, loaded })), config.timeout);
    });
    return Promise.race([reader.read(), stalled]).finally(() => clearTimeout(timer));
  };
  try {
    for (;;) {
      const { done, value } = await read();
      if (done) break;
      loaded += value.byteLength;
      if (loaded > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(url, loaded);
      }
      chunks.push(value);
      onProgress?.({ loaded, total });
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (signal?.aborted) throw abortError(signal);
    if (error instanceof CultureError) throw error;
    throw new CultureError('network', { url, cause: String(error) });
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
