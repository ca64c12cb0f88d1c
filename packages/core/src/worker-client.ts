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

/** Why the worker could not be used: the caller falls back to the main thread. */
class WorkerUnavailable extends Error {}

interface WorkerAnswer {
  table?: Table;
  error?: { code: CultureError['code']; details: Record<string, unknown> };
}

function parseInWorker(bytes: Uint8Array, format: ResolvedSource['format'], signal?: AbortSignal): Promise<Table> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = startWorker();
    } catch {
      reject(new WorkerUnavailable());
      return;
    }
    const done = () => { worker.terminate(); signal?.removeEventListener('abort', onAbort); };
    const onAbort = () => { done(); reject(abortError(signal)); };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => {
      done();
      if (data.table) resolve(data.table);
      else reject(new CultureError(data.error?.code ?? 'parse', undefined, data.error?.details ?? {}));
    };
    // a script that fails to load (404, CSP) only shows up as an error event
    worker.onerror = (event) => { event.preventDefault(); done(); reject(new WorkerUnavailable()); };
    // the bytes are copied, not transferred: the main-thread fallback may still need them
    worker.postMessage({ bytes, format });
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

/** Parses a downloaded file: in the worker when possible, else in slices on the main thread. */
export async function parseFile(bytes: Uint8Array, format: ResolvedSource['format'], signal?: AbortSignal): Promise<Table> {
  if (config.useWorker && typeof Worker !== 'undefined') {
    try {
      const table = await parseInWorker(bytes, format, signal);
      lastParse = 'worker';
      return table;
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
    }
  }
  lastParse = 'main';
  return parseBytesSliced(bytes, format, pause, signal);
}
