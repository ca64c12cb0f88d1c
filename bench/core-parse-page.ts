// Page code of bench/core-parse.mjs, bundled by rollup with core's parse worker plugin.
// Everything is timed inside one Chromium page: our parser (worker, main thread, sliced) against
// d3-dsv's parseRows on the same bytes.
import { dsvFormat } from 'd3-dsv';
import { parseBytes } from '../packages/core/src/parse.js';
import { parseFile, lastParse, workersStarted } from '../packages/core/src/worker-client.js';
import { configureCore } from '../packages/core/src/config.js';

interface Gaps { stop(): { longTask: number; gap: number } }

/**
 * The longest main-thread task (Long Tasks API: tasks ≥ 50 ms), and optionally the longest gap
 * seen by a ping loop. On a loaded machine the pings themselves get preempted (a trace showed
 * 50–120 ms "tasks" inside the no-op ping handler), so the worker run is watched without pings.
 */
function watchMainThread(ping = true): Gaps {
  let last = performance.now();
  let longest = 0;
  let longTask = 0;
  let running = true;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTask = Math.max(longTask, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) channel.port2.postMessage(null);
  };
  if (ping) channel.port2.postMessage(null);
  return {
    stop: () => {
      running = false;
      for (const entry of observer.takeRecords()) longTask = Math.max(longTask, entry.duration);
      observer.disconnect();
      return { longTask, gap: longest };
    },
  };
}

async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

const api = {
  async load(url: string): Promise<number> {
    (window as unknown as { bytes: Uint8Array }).bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    return (window as unknown as { bytes: Uint8Array }).bytes.byteLength;
  },
  /** d3-dsv: decode + parseRows (arrays of strings, no types). */
  async d3() {
    const bytes = (window as unknown as { bytes: Uint8Array }).bytes;
    const { ms, value } = await time(() => dsvFormat(';').parseRows(new TextDecoder().decode(bytes)));
    return { ms, rows: value.length - 1 };
  },
  /** Ours on the main thread in one go: decode, sniff, parse, infer types. */
  async sync() {
    const bytes = (window as unknown as { bytes: Uint8Array }).bytes;
    const { ms, value } = await time(() => parseBytes(bytes, { format: 'csv' }));
    return { ms, rows: value.length, types: value.columns.map((c) => c.type).join(',') };
  },
  /** The worker takes the bytes (transfer): its own copy, made in a task of its own beforehand. */
  copyForWorker() {
    (window as unknown as { copy: Uint8Array }).copy = (window as unknown as { bytes: Uint8Array }).bytes.slice();
  },
  /**
   * Ours in the worker, including its start (a new one the first time, then the one the last run
   * left, as on a page that loads a second file), the transfer in and the columns back.
   */
  async worker() {
    const bytes = (window as unknown as { copy: Uint8Array }).copy;
    configureCore({ useWorker: true });
    const watch = watchMainThread(false);
    const { ms, value } = await time(() => parseFile(bytes, { format: 'csv' }));
    return { ms, rows: value.length, longest: watch.stop(), how: lastParse, started: workersStarted };
  },
  /** Ours on the main thread in slices (no worker available). */
  async sliced() {
    const bytes = (window as unknown as { bytes: Uint8Array }).bytes;
    configureCore({ useWorker: false });
    const watch = watchMainThread();
    const { ms, value } = await time(() => parseFile(bytes, { format: 'csv' }));
    configureCore({ useWorker: true });
    return { ms, rows: value.length, longest: watch.stop(), how: lastParse };
  },
};

(window as unknown as { bench: typeof api }).bench = api;
