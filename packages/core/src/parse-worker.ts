/**
 * The parse worker: bytes in, a column Table out (typed arrays transferred, not copied); or a
 * Parquet file decoded here while the page fetches the ranges it asks for. Started by
 * worker-client.ts; it holds no state between jobs. The spreadsheet and Parquet readers load on
 * first use.
 */
import type { AsyncBuffer } from 'hyparquet';
import { CultureError } from './errors.js';
import { type CoreConfig, configureCore } from './config.js';
import { type ParseOptions, parseBytes } from './parse.js';
import { type Table, transferables } from './table.js';
import type { ParquetReadOptions } from './parquet.js';

/** A job, with the page's settings (size cap): the worker has its own copy of core. */
export type WorkerJob = { config: Partial<CoreConfig> } & (
  | { bytes: Uint8Array; options: ParseOptions }
  | { parquet: { size: number }; options: ParquetReadOptions });

/** The page's answer to a range the worker asked for. */
export interface SliceAnswer {
  slice: { id: number; buffer?: ArrayBuffer; error?: { code: CultureError['code']; key: string; details: Record<string, unknown> } };
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerJob | SliceAnswer>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}
const scope = globalThis as unknown as WorkerScope;

// tells the page the script loaded: only then are the bytes transferred (not copied) to us
scope.postMessage({ ready: true });

/** One message per column: the page deserializes each in its own short task. */
function send(table: Table, extra: Record<string, unknown> = {}): void {
  table.data.forEach((column, i) => {
    const part = { columns: [table.columns[i]!], data: [column], length: table.length };
    scope.postMessage({ column: { info: part.columns[0], data: column } }, transferables(part));
  });
  scope.postMessage({ done: { length: table.length, ...extra } });
}

/** Ranges asked of the page, answered by `SliceAnswer` messages. */
const pending = new Map<number, { resolve: (b: ArrayBuffer) => void; reject: (e: unknown) => void }>();
let nextSlice = 0;
const pageBuffer = (byteLength: number): AsyncBuffer => ({
  byteLength,
  slice: (start, end = byteLength) => new Promise<ArrayBuffer>((resolve, reject) => {
    const id = nextSlice++;
    pending.set(id, { resolve, reject });
    scope.postMessage({ slice: { id, start, end } });
  }),
});

scope.onmessage = async ({ data }) => {
  if ('slice' in data) {
    const { id, buffer, error } = data.slice;
    const waiting = pending.get(id);
    pending.delete(id);
    if (buffer) waiting?.resolve(buffer);
    else waiting?.reject(new CultureError(error?.code ?? 'network', error?.details ?? {}, error?.key));
    return;
  }
  try {
    configureCore(data.config);
    if ('parquet' in data) {
      const { readParquet } = await import('./parquet.js');
      const { table, rowGroups } = await readParquet(pageBuffer(data.parquet.size), data.options, (plan) => scope.postMessage({ plan }));
      send(table, { rowGroups });
    } else {
      send(await parseBytes(data.bytes, data.options));
    }
  } catch (error) {
    // the page makes the sentence again from the code, the key and the details
    const failure = error instanceof CultureError ? error : new CultureError('parse', { cause: String(error) });
    scope.postMessage({ error: { code: failure.code, key: failure.key, details: failure.details } });
  }
};
