/**
 * A downloaded file → a Table. The same code runs in the parse worker (all at once) and on the
 * main thread when no worker is available (in slices that yield, so no task runs long).
 */
import type { FileFormat } from './types.js';
import { CultureError, throwIfAborted } from './errors.js';
import { type Detected, detectFormat } from './detect.js';
import { fileErrors } from './file-messages.js';
import { type Decoded, DelimitedParser, decode, scanCells, sniff, stripBOM } from './csv.js';
import { inferCells, inferColumnSteps } from './infer.js';
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
  const { delimiter, start } = sniff(text);
  const { header, columns, rows } = scanCells(text, delimiter, start);
  if (!header.length) throw fileErrors.error('parse', {}, 'empty');
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

/** Same as `parseBytes`, on the main thread in slices of about `budget` ms separated by `pause()`; XML too. */
export async function parseBytesSliced(bytes: Uint8Array, options: ParseOptions, pause: Yield, signal?: AbortSignal, budget = 12): Promise<Table> {
  const detected = detectFormat(bytes, options.format);
  const binary = await readBinary(bytes, detected, options);
  if (binary) return binary;
  const { text } = await decodeSliced(bytes, pause);
  throwIfAborted(signal);
  if (detected.format === 'xml') return (await import('./xml.js')).parseXMLTable(text, { record: options.record, pause, signal, budget });
  if (detected.format === 'json' || detected.format === 'geojson') return parseJSONTable(text);
  const { delimiter, start } = sniff(text);
  const parser = new DelimitedParser(text, delimiter, start);
  if (!parser.header.length) throw fileErrors.error('parse', {}, 'empty');
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
