/**
 * Parsing off the main thread. The worker script is `parse-worker.ts` compiled on its own: the
 * rollup plugin `packages/core/build/rollup-parse-worker.mjs` emits it and writes its URL in
 * place of the marker below; from sources (tests) it sits next to this module;
 * `configureCore({ workerUrl })` overrides both. A browser
 * refuses a Worker from another origin (core served from a CDN), so a cross-origin script is
 * started through a same-origin `blob:` module that imports it. When no worker can start (CSP
 * `worker-src`, old browser), the main thread parses in slices that yield between them.
 */
import type { ResolvedSource } from './types.js';
import { CultureError, abortError } from './errors.js';
import { config } from './config.js';
import { parseBytesSliced } from './parse.js';
import type { Table } from './table.js';

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
  done?: { length: number };
  error?: { code: CultureError['code']; details: Record<string, unknown> };
}

/**
 * A worker that said it is ready, or undefined when none can start. Started while the file
 * downloads, so its start-up costs nothing; `parseFile` then transfers the bytes to it.
 */
export function prepareWorker(): Promise<Worker | undefined> {
  if (!config.useWorker || typeof Worker === 'undefined') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = startWorker();
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

function parseInWorker(worker: Worker, bytes: Uint8Array, format: ResolvedSource['format'], signal?: AbortSignal): Promise<Table> {
  return new Promise((resolve, reject) => {
    const done = () => { worker.terminate(); signal?.removeEventListener('abort', onAbort); };
    const onAbort = () => { done(); reject(abortError(signal)); };
    signal?.addEventListener('abort', onAbort, { once: true });
    const table: Table = { columns: [], data: [], length: 0 };
    worker.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => {
      if (data.column) {
        table.columns.push(data.column.info);
        table.data.push(data.column.data);
        return;
      }
      done();
      if (data.done) resolve({ ...table, length: data.done.length });
      else reject(new CultureError(data.error?.code ?? 'parse', data.error?.details ?? {}));
    };
    worker.onerror = (event) => { event.preventDefault(); done(); reject(new CultureError('parse', { cause: event.message })); };
    // transferred, not copied: a 50 MB copy would hold the main thread
    const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    worker.postMessage({ bytes: buffer, format }, [buffer.buffer as ArrayBuffer]);
  });
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

/** Parses a downloaded file: in the worker when one is ready, else in slices on the main thread. */
export async function parseFile(bytes: Uint8Array, format: ResolvedSource['format'], signal?: AbortSignal, worker?: Promise<Worker | undefined>): Promise<Table> {
  const ready = await (worker ?? prepareWorker());
  if (signal?.aborted) { ready?.terminate(); throw abortError(signal); }
  if (ready) {
    lastParse = 'worker';
    return parseInWorker(ready, bytes, format, signal);
  }
  lastParse = 'main';
  return parseBytesSliced(bytes, format, pause, signal);
}
