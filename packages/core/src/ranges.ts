/**
 * A remote file as an AsyncBuffer over HTTP range requests, on the page (the worker asks the page
 * for each range: see worker-client.ts). The footer of a Parquet file is asked at the offset its
 * known size gives (`Range: bytes=a-b`): a suffix range `bytes=-n` is not CORS-safelisted and
 * would need a preflight the bucket may refuse. A server that ignores `Range` (200 instead of
 * 206) sends the whole file: it is kept, within the size cap, and read from memory after that.
 */
import type { AsyncBuffer } from 'hyparquet';
import type { LoadOptions, ParquetCopy } from './types.js';
import { CultureError } from './errors.js';
import { request, responseError } from './http.js';
import { readAll } from './bytes.js';

const bufferOf = (bytes: Uint8Array): ArrayBuffer =>
  (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;

export class RangeReader implements AsyncBuffer {
  /** Bytes transferred so far. */
  bytesRead = 0;
  /** The whole file, once a server ignored `Range`. */
  whole?: ArrayBuffer;
  /** Bytes the reader expects to read (footer + planned chunks), for the progress bar. */
  planned?: number;

  constructor(readonly url: string, readonly byteLength: number, readonly options: LoadOptions) {}

  async slice(start: number, end = this.byteLength): Promise<ArrayBuffer> {
    if (this.whole) return this.whole.slice(start, end);
    const { signal, onProgress } = this.options;
    const response = await request(this.url, { signal, init: { headers: { Range: `bytes=${start}-${end - 1}` } } });
    if (response.status === 206) {
      const bytes = await readAll(response, { url: this.url, signal, limit: end - start + 1024 });
      this.bytesRead += bytes.byteLength;
      onProgress?.({ loaded: this.bytesRead, total: this.planned });
      return bufferOf(bytes);
    }
    if (!response.ok) throw await responseError(response);
    // Range ignored: this body is the whole file
    const bytes = await readAll(response, { url: this.url, signal, onProgress });
    this.bytesRead += bytes.byteLength;
    this.whole = bufferOf(bytes);
    return this.whole.slice(start, end);
  }
}

/** A reader for the file: its size from the catalogue, else from a HEAD (Content-Length is CORS-safelisted). */
export async function openRanges(file: ParquetCopy, options: LoadOptions): Promise<RangeReader> {
  let size = Number(file.size);
  if (!(size > 0)) {
    const response = await request(file.url, { signal: options.signal, init: { method: 'HEAD' } });
    if (!response.ok) throw await responseError(response);
    size = Number(response.headers.get('Content-Length'));
    if (!(size > 0)) throw new CultureError('parse', { format: 'parquet', cause: 'no Content-Length' });
  }
  return new RangeReader(file.url, size, options);
}
