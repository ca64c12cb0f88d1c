/**
 * A downloaded file → a Table. The same code runs in the parse worker (all at once) and on the
 * main thread when no worker is available (in slices that yield, so no task runs long).
 */
import type { ResolvedSource } from './types.js';
import { CultureError, throwIfAborted } from './errors.js';
import { type Decoded, DelimitedParser, decode, scanCells, sniff, stripBOM } from './csv.js';
import { inferCells, inferColumnSteps } from './infer.js';
import { parseJSONTable } from './json.js';
import type { Table } from './table.js';

export type FileFormat = ResolvedSource['format'];

const looksJSON = (text: string): boolean => /^\s*[[{]/.test(text.slice(0, 64));

/** Time-sliced work yields to the event loop with this. */
export type Yield = () => Promise<void>;

/** Parses bytes synchronously (in the worker). */
export function parseBytes(bytes: Uint8Array, format: FileFormat): Table {
  const { text } = decode(bytes);
  if (format === 'json' || format === 'geojson' || (format === 'unknown' && looksJSON(text))) return parseJSONTable(text);
  const { delimiter, start } = sniff(text);
  const { header, columns, rows } = scanCells(text, delimiter, start);
  if (!header.length) throw new CultureError('parse', { reason: 'empty' });
  const table: Table = { columns: [], data: [], length: rows };
  header.forEach((name, i) => {
    const { info, data } = inferCells(name, columns[i]!, rows);
    table.columns.push(info);
    table.data.push(data);
  });
  return table;
}

/** `decode`, a megabyte at a time (TextDecoder streaming), pausing between pieces. */
async function decodeSliced(bytes: Uint8Array, pause: Yield): Promise<Decoded> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes);
  const piece = 1 << 20;
  const read = async (encoding: 'utf-8' | 'windows-1252'): Promise<string> => {
    const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
    const parts: string[] = [];
    for (let at = 0; at < bytes.length; at += piece) {
      parts.push(decoder.decode(bytes.subarray(at, at + piece), { stream: at + piece < bytes.length }));
      await pause();
    }
    return parts.join('');
  };
  try {
    return { text: stripBOM(await read('utf-8')), encoding: 'utf-8' };
  } catch {
    return { text: stripBOM(await read('windows-1252')), encoding: 'windows-1252' };
  }
}

/** Same as `parseBytes`, in slices of about `budget` ms separated by `pause()`. */
export async function parseBytesSliced(bytes: Uint8Array, format: FileFormat, pause: Yield, signal?: AbortSignal, budget = 12): Promise<Table> {
  const { text } = await decodeSliced(bytes, pause);
  throwIfAborted(signal);
  if (format === 'json' || format === 'geojson' || (format === 'unknown' && looksJSON(text))) return parseJSONTable(text);
  const { delimiter, start } = sniff(text);
  const parser = new DelimitedParser(text, delimiter, start);
  if (!parser.header.length) throw new CultureError('parse', { reason: 'empty' });
  let batch = 500;
  for (;;) {
    const t0 = performance.now();
    if (parser.step(batch)) break;
    const spent = performance.now() - t0;
    // aim at `budget` ms per slice
    batch = Math.max(100, Math.min(50_000, Math.round(batch * (budget / Math.max(spent, 0.1)))));
    await pause();
    throwIfAborted(signal);
  }
  const table: Table = { columns: [], data: [], length: parser.rows };
  for (let i = 0; i < parser.header.length; i++) {
    const steps = inferColumnSteps(parser.header[i]!, parser.columns[i]!);
    let t0 = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) {
        table.columns.push(step.value.info);
        table.data.push(step.value.data);
        break;
      }
      if (performance.now() - t0 > budget) {
        await pause();
        throwIfAborted(signal);
        t0 = performance.now();
      }
    }
  }
  return table;
}
