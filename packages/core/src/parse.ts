/**
 * A downloaded file → a Table. The same code runs in the parse worker (all at once) and on the
 * main thread when no worker is available (in slices that yield, so no task runs long).
 */
import type { ResolvedSource } from './types.js';
import { CultureError, throwIfAborted } from './errors.js';
import { DelimitedParser, decode, sniff } from './csv.js';
import { inferColumn } from './infer.js';
import { parseJSONTable } from './json.js';
import type { Table } from './table.js';

export type FileFormat = ResolvedSource['format'];

const looksJSON = (text: string): boolean => /^\s*[[{]/.test(text.slice(0, 64));

/** Time-sliced work yields to the event loop with this. */
export type Yield = () => Promise<void>;

function tableFromColumns(header: string[], columns: string[][], rows: number): Table {
  const table: Table = { columns: [], data: [], length: rows };
  header.forEach((name, i) => {
    const { info, data } = inferColumn(name, columns[i]!);
    table.columns.push(info);
    table.data.push(data);
  });
  return table;
}

/** Parses bytes synchronously (in the worker). */
export function parseBytes(bytes: Uint8Array, format: FileFormat): Table {
  const { text } = decode(bytes);
  if (format === 'json' || format === 'geojson' || (format === 'unknown' && looksJSON(text))) return parseJSONTable(text);
  const { delimiter, start } = sniff(text);
  const parser = new DelimitedParser(text, delimiter, start);
  parser.step();
  if (!parser.header.length) throw new CultureError('parse', undefined, { reason: 'empty' });
  return tableFromColumns(parser.header, parser.columns, parser.rows);
}

/** Same as `parseBytes`, in slices of about `budget` ms separated by `pause()`. */
export async function parseBytesSliced(bytes: Uint8Array, format: FileFormat, pause: Yield, signal?: AbortSignal, budget = 12): Promise<Table> {
  const { text } = decode(bytes);
  await pause();
  if (format === 'json' || format === 'geojson' || (format === 'unknown' && looksJSON(text))) return parseJSONTable(text);
  const { delimiter, start } = sniff(text);
  const parser = new DelimitedParser(text, delimiter, start);
  if (!parser.header.length) throw new CultureError('parse', undefined, { reason: 'empty' });
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
    await pause();
    throwIfAborted(signal);
    const { info, data } = inferColumn(parser.header[i]!, parser.columns[i]!);
    table.columns.push(info);
    table.data.push(data);
  }
  return table;
}
