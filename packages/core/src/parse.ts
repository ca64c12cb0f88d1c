/**
 * A downloaded file → a Table. The same code runs in the parse worker (all at once) and on the
 * main thread when no worker is available (in slices that yield, so no task runs long).
 */
import type { FileFormat } from './types.js';
import { CultureError, throwIfAborted } from './errors.js';
import { type Detected, detectFormat } from './detect.js';
import { fileErrors } from './file-messages.js';
import { CellScanner, type Decoded, decode, sniff, stripBOM } from './csv.js';
import { type Steps, finish, inferCellsSteps } from './infer.js';
import { parseJSONTable } from './json.js';
import type { Table } from './table.js';

/** How to read a downloaded file: the declared format (the bytes decide), the sheet, the record element. */
export interface ParseOptions {
  format: FileFormat;
  sheet?: string;
  record?: string;
}

/** Time-sliced work yields to the event loop with this. */
export type Yield = () => Promise<void>;

/**
 * The formats read from their own bytes, each reader loaded on first use (SheetJS is most of a
 * megabyte): spreadsheets and Parquet. Undefined for the text formats parsed below.
 */
async function readBinary(bytes: Uint8Array, detected: Detected, options: ParseOptions): Promise<Table | undefined> {
  switch (detected.format) {
    case 'unsupported': throw fileErrors.error('unsupported-format', { format: detected.name });
    case 'xlsx': case 'xls': case 'ods': {
      // an encrypted XLSX is an OLE container like an XLS: the declared name is the better one
      const format = options.format === 'xlsx' || options.format === 'ods' ? options.format : detected.format;
      return (await import('./spreadsheet.js')).parseSpreadsheet(bytes, { sheet: options.sheet, format });
    }
    case 'parquet': return (await import('./parquet.js')).parquetFromBytes(bytes);
    default: return undefined;
  }
}

/** Parses bytes all at once (in the worker). XML needs DOMParser: see `parseBytesSliced`. */
export async function parseBytes(bytes: Uint8Array, options: ParseOptions): Promise<Table> {
  const detected = detectFormat(bytes, options.format);
  const binary = await readBinary(bytes, detected, options);
  if (binary) return binary;
  if (detected.format === 'xml') throw new CultureError('parse', { reason: 'xml-needs-dom', format: 'xml' });
  const { text } = decode(bytes);
  if (detected.format === 'json' || detected.format === 'geojson') return parseJSONTable(text);
  return finish(delimitedSteps(text));
}

/** Characters scanned between two pauses: slices measured in text, so a wide row costs no more. */
const SCAN_CHARS = 1 << 16;

/**
 * A delimited text → a Table, as steps that pause every SCAN_CHARS characters while scanning and
 * every few thousand cells while typing a column: run in one go in the worker, in slices here.
 */
function* delimitedSteps(text: string): Steps<Table> {
  const { delimiter, start } = sniff(text);
  const scanner = new CellScanner(text, delimiter, start);
  if (!scanner.header.length) throw fileErrors.error('parse', {}, 'empty');
  while (!scanner.step(SCAN_CHARS)) yield;
  const { header, columns, rows } = scanner.cells();
  const table: Table = { columns: [], data: [], length: rows };
  for (let i = 0; i < header.length; i++) {
    const { info, data } = yield* inferCellsSteps(header[i]!, columns[i]!, rows);
    table.columns.push(info);
    table.data.push(data);
  }
  return table;
}

/** Runs steps on the main thread, pausing once a slice has taken `budget` ms. */
async function runSliced<T>(steps: Steps<T>, pause: Yield, budget: number, signal?: AbortSignal): Promise<T> {
  let t0 = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - t0 >= budget) {
      await pause();
      throwIfAborted(signal);
      t0 = performance.now();
    }
  }
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

/** Same as `parseBytes`, on the main thread in slices of about `budget` ms separated by `pause()`; XML too. */
export async function parseBytesSliced(bytes: Uint8Array, options: ParseOptions, pause: Yield, signal?: AbortSignal, budget = 12): Promise<Table> {
  const detected = detectFormat(bytes, options.format);
  const binary = await readBinary(bytes, detected, options);
  if (binary) return binary;
  const { text } = await decodeSliced(bytes, pause);
  throwIfAborted(signal);
  if (detected.format === 'xml') return (await import('./xml.js')).parseXMLTable(text, { record: options.record, pause, signal, budget });
  if (detected.format === 'json' || detected.format === 'geojson') return parseJSONTable(text);
  return runSliced(delimitedSteps(text), pause, budget, signal);
}
