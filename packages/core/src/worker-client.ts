/**
 * Parsing off the main thread. The worker script is `parse-worker.ts` compiled on its own: the
 * rollup plugin `packages/core/build/rollup-parse-worker.mjs` emits it and writes its URL in
 * place of the marker below; from sources (tests) it sits next to this module;
 * `configureCore({ workerUrl })` overrides both. A browser
 * refuses a Worker from another origin (core served from a CDN), so a cross-origin script is
 * started through a same-origin `blob:` module that imports it. When no worker can start (CSP
 * `worker-src`, old browser), the main thread parses in slices that yield between them.
 * A worker that finished a job is kept a little while for the next file: its code is already
 * optimized by then, which makes a second parse ~20 % faster than in a new worker.
 */
import type { LoadOptions, ParquetCopy } from './types.js';
import { CultureError, abortError } from './errors.js';
import { config } from './config.js';
import { type ParseOptions, parseBytesSliced } from './parse.js';
import { detectFormat } from './detect.js';
import { fileError } from './file-messages.js';
import type { Table } from './table.js';
import type { ParquetReadOptions, ParquetTable } from './parquet.js';
import type { SliceAnswer, WorkerJob } from './parse-worker.js';
import { type RangeReader, openRanges } from './ranges.js';

/** Replaced at build time by the worker chunk's URL (see the rollup plugin). */
const BUILT_WORKER: string = '__CULTURE_PARSE_WORKER__';

/** Where the worker script is: the built chunk, or the source file next to this module. */
export function workerUrl(): URL {
  if (config.workerUrl) return new URL(config.workerUrl, globalThis.location?.href);
  if (!BUILT_WORKER.startsWith('__CULTURE')) return new URL(BUILT_WORKER, import.meta.url);
  const here = import.meta.url;
  return new URL(/\.ts(\?|$)/.test(here) ? './parse-worker.ts' : './parse-worker.js', here);
}

function startWorker(): Worker {
  const url = workerUrl();
  if (url.origin === globalThis.location?.origin) return new Worker(url, { type: 'module' });
  const shim = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
  try {
    return new Worker(shim, { type: 'module' });
  } finally {
    setTimeout(() => URL.revokeObjectURL(shim), 30_000);
  }
}

interface WorkerAnswer {
  ready?: boolean;
  column?: { info: Table['columns'][number]; data: Table['data'][number] };
  /** The worker asks the page for a range of the Parquet file. */
  slice?: { id: number; start: number; end: number };
  /** Bytes the Parquet column chunks weigh. */
  plan?: number;
  done?: { length: number; rowGroups?: ParquetTable['rowGroups'] };
  error?: { code: CultureError['code']; key: string; details: Record<string, unknown> };
}

/** How long a worker that finished its job waits for the next one before it is ended. */
const KEEP_IDLE_MS = 20_000;
/** The worker kept after its job (one at most), with the script it runs. */
let idle: { worker: Worker; url: string; timer: ReturnType<typeof setTimeout> } | undefined;
const scripts = new WeakMap<Worker, string>();

/** Workers started so far in this page (kept ones reused are not counted again): for tests and the bench. */
export let workersStarted = 0;

/** Keeps a worker whose job is over for the next file, or ends it when one is already kept. */
function release(worker: Worker): void {
  worker.onmessage = null;
  worker.onerror = null;
  if (idle) { worker.terminate(); return; }
  const timer = setTimeout(() => { if (idle?.worker === worker) { idle = undefined; worker.terminate(); } }, KEEP_IDLE_MS);
  idle = { worker, url: scripts.get(worker) ?? '', timer };
}

/**
 * A worker that said it is ready, or undefined when none can start: the one kept from the last
 * job when it runs the same script, else a new one. Started while the file downloads, so its
 * start-up costs nothing; `parseFile` then transfers the bytes to it.
 */
export function prepareWorker(): Promise<Worker | undefined> {
  if (!config.useWorker || typeof Worker === 'undefined') return Promise.resolve(undefined);
  const url = workerUrl().href;
  if (idle) {
    const kept = idle;
    idle = undefined;
    clearTimeout(kept.timer);
    if (kept.url === url) return Promise.resolve(kept.worker);
    kept.worker.terminate();
  }
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = startWorker();
      scripts.set(worker, url);
      workersStarted++;
    } catch {
      resolve(undefined);
      return;
    }
    // a worker that neither loads nor fails in time is given up (the main thread parses)
    const timer = setTimeout(() => { worker.terminate(); resolve(undefined); }, 10_000);
    worker.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => { if (data.ready) { clearTimeout(timer); resolve(worker); } };
    // a script that fails to load (404, CSP) only shows up as an error event
    worker.onerror = (event) => { event.preventDefault(); clearTimeout(timer); worker.terminate(); resolve(undefined); };
  });
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Runs one job in the worker; the columns come back one message each; ranges are fetched here. */
function runInWorker(worker: Worker, job: DistributiveOmit<WorkerJob, 'config'>, transfer: Transferable[], signal?: AbortSignal, ranges?: RangeReader): Promise<{ table: Table; rowGroups?: ParquetTable['rowGroups'] }> {
  return new Promise((resolve, reject) => {
    // a worker stopped in the middle of a job (abort, crash) is ended; one that answered is kept
    const done = (answered = false) => { if (answered) release(worker); else worker.terminate(); signal?.removeEventListener('abort', onAbort); };
    const onAbort = () => { done(); reject(abortError(signal)); };
    signal?.addEventListener('abort', onAbort, { once: true });
    const table: Table = { columns: [], data: [], length: 0 };
    worker.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => {
      if (data.column) {
        table.columns.push(data.column.info);
        table.data.push(data.column.data);
        return;
      }
      if (data.slice && ranges) { answerSlice(worker, ranges, data.slice); return; }
      if (data.plan !== undefined && ranges) { ranges.planned = ranges.bytesRead + data.plan; return; }
      done(true);
      if (data.done) resolve({ table: { ...table, length: data.done.length }, rowGroups: data.done.rowGroups });
      else reject(fileError(data.error?.code ?? 'parse', data.error?.details ?? {}, data.error?.key ?? 'parse'));
    };
    worker.onerror = (event) => { event.preventDefault(); done(); reject(new CultureError('parse', { cause: event.message })); };
    const { workerUrl: _url, ...settings } = config;
    worker.postMessage({ ...job, config: settings }, transfer);
  });
}

/** Fetches a range the worker asked for and hands it over (transferred), or the error. */
function answerSlice(worker: Worker, ranges: RangeReader, { id, start, end }: { id: number; start: number; end: number }): void {
  ranges.slice(start, end).then(
    (buffer) => worker.postMessage({ slice: { id, buffer } } satisfies SliceAnswer, [buffer]),
    (error: unknown) => {
      const failure = error instanceof CultureError ? error : new CultureError('network', { cause: String(error) });
      worker.postMessage({ slice: { id, error: { code: failure.code, key: failure.key, details: failure.details } } } satisfies SliceAnswer);
    },
  );
}

/** Gives the event loop a turn (input, rendering) between slices of main-thread work. */
export function pause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Which way the last parse went ('worker' | 'main'): for tests and the bench. */
export let lastParse: 'worker' | 'main' | undefined;

/**
 * Parses a downloaded file: in the worker when one is ready, else in slices on the main thread.
 * XML always parses here: workers have no DOMParser (see xml.ts).
 */
export async function parseFile(bytes: Uint8Array, options: ParseOptions, signal?: AbortSignal, worker?: Promise<Worker | undefined>): Promise<Table> {
  const xml = detectFormat(bytes, options.format).format === 'xml';
  const ready = xml ? undefined : await (worker ?? prepareWorker());
  if (xml) void worker?.then((w) => w && release(w));
  if (signal?.aborted) { if (ready) release(ready); throw abortError(signal); }
  if (ready) {
    lastParse = 'worker';
    // transferred, not copied: a 50 MB copy would hold the main thread
    const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    return (await runInWorker(ready, { bytes: buffer, options }, [buffer.buffer as ArrayBuffer], signal)).table;
  }
  lastParse = 'main';
  return parseBytesSliced(bytes, options, pause, signal);
}

/** What a Parquet read by ranges gives: the table, and what it cost. */
export interface ParquetResult extends ParquetTable {
  /** Bytes transferred (footer included). */
  bytesRead: number;
  /** The file's size. */
  fileSize: number;
  /** The server ignored `Range`: the whole file was downloaded. */
  wholeFile: boolean;
}

/**
 * Reads columns of a Parquet file by HTTP ranges: decoded in the worker when one starts (the page
 * fetches each range it asks for), else here.
 */
export async function readParquetFile(file: ParquetCopy, options: ParquetReadOptions & LoadOptions = {}): Promise<ParquetResult> {
  const { signal, onProgress, ...job } = options;
  const ranges = await openRanges(file, { signal, onProgress });
  const ready = await prepareWorker();
  if (signal?.aborted) { if (ready) release(ready); throw abortError(signal); }
  let read: ParquetTable;
  if (ready) {
    lastParse = 'worker';
    const { table, rowGroups } = await runInWorker(ready, { parquet: { size: ranges.byteLength }, options: job }, [], signal, ranges);
    read = { table, rowGroups: rowGroups! };
  } else {
    lastParse = 'main';
    read = await (await import('./parquet.js')).readParquet(ranges, job, (plan) => { ranges.planned = ranges.bytesRead + plan; });
  }
  return { ...read, bytesRead: ranges.bytesRead, fileSize: ranges.byteLength, wholeFile: ranges.whole !== undefined };
}
