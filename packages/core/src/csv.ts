/**
 * Bytes → text → columns of strings: decoding (BOMs, UTF-8 else windows-1252), sniffing the
 * delimiter and the header row, and a fast RFC 4180 parser that fills columns directly.
 * The parser is resumable (`step`) so the main thread can parse in short slices.
 */
import { keepWarm } from './keep-warm.js';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le';
}

/** UTF-8 when the bytes are valid UTF-8, else windows-1252 (what French spreadsheets export). BOMs removed. */
export function decode(bytes: Uint8Array): Decoded {
  let text: string;
  let encoding: Decoded['encoding'] = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      encoding = 'windows-1252';
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  return { text: stripBOM(text), encoding };
}

/** Some exports carry the BOM twice (or more): strip them all. */
export const stripBOM = (text: string): string => text.replace(/^(\uFEFF|\u00EF\u00BB\u00BF)+/, '');

export const DELIMITERS = [';', ',', '|', '\t'] as const;

/** Splits the start of a text into records (quotes respected), at most `max` of them. */
function sampleRecords(text: string, max: number): string[] {
  const records: string[] = [];
  let start = 0, quoted = false;
  const end = Math.min(text.length, 256 * 1024);
  for (let i = 0; i < end && records.length < max; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      records.push(text.slice(start, i).replace(/\r$/, ''));
      start = i + 1;
    }
  }
  if (records.length < max && start < end && end === text.length) records.push(text.slice(start));
  return records;
}

/** Delimiter count outside quotes. */
function count(record: string, delimiter: string): number {
  let n = 0, quoted = false;
  for (const c of record) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) n++;
  }
  return n;
}

export interface Sniffed {
  delimiter: string;
  /** Index in the text where the header row starts (title lines above it are skipped). */
  start: number;
}

/**
 * The delimiter is the candidate that splits most records the same way (the mode), ties going to
 * the header's count; the header is the first record that has that many delimiters (files
 * sometimes start with a title line).
 */
export function sniff(text: string): Sniffed {
  const records = sampleRecords(text, 30).filter((r) => r.trim() !== '');
  let best = { delimiter: ';', score: -1, mode: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = records.map((r) => count(r, delimiter));
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0, modeFreq = 0;
    for (const [c, f] of freq) if (f > modeFreq || (f === modeFreq && c > mode)) { mode = c; modeFreq = f; }
    if (!mode) continue;
    // consistency first (share of records with the mode), then more columns
    const score = (modeFreq / records.length) * 1000 + Math.min(mode, 999);
    if (score > best.score) best = { delimiter, score, mode };
  }
  let start = 0;
  if (best.mode > 0) {
    let at = 0;
    for (const record of sampleRecords(text, 30)) {
      if (count(record, best.delimiter) === best.mode) { start = at; break; }
      at += record.length + 1 + (text[at + record.length] === '\r' ? 1 : 0);
    }
  }
  return { delimiter: best.delimiter, start };
}

/** Resumable column-major parser. */
export class DelimitedParser {
  header: string[] = [];
  columns: string[][] = [];
  rows = 0;
  #pos: number;
  #nextQuote = -1;
  #nextDelim = -1;
  readonly #code: number;
  readonly #fields: string[] = [];

  constructor(readonly text: string, readonly delimiter: string, start = 0) {
    this.#pos = start;
    this.#code = delimiter.charCodeAt(0);
    this.#nextQuote = this.#find('"', start);
    this.#nextDelim = this.#find(delimiter, start);
    const header = this.#record();
    if (header) this.#setHeader(header);
  }

  get done(): boolean { return this.#pos >= this.text.length; }
  /** Where the next record starts. */
  get position(): number { return this.#pos; }
  /** Share of the text read, 0–1. */
  get progress(): number { return this.text.length ? Math.min(1, this.#pos / this.text.length) : 1; }

  #find(what: string, from: number): number {
    const i = this.text.indexOf(what, from);
    return i < 0 ? Infinity : i;
  }

  #setHeader(fields: string[]): void {
    const seen = new Map<string, number>();
    this.header = fields.map((raw, i) => {
      const name = raw.trim() === '' ? `colonne_${i + 1}` : raw.replace(/^\uFEFF+/, '');
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      return n > 1 ? `${name}_${n}` : name;
    });
    this.columns = this.header.map(() => []);
  }

  /** Parses up to `maxRows` more rows; returns true when the text is exhausted. */
  step(maxRows = Infinity): boolean {
    const { columns, text } = this;
    const width = columns.length;
    const length = text.length;
    for (let r = 0; r < maxRows; r++) {
      const pos = this.#pos;
      if (pos >= length) return true;
      let lineEnd = text.indexOf('\n', pos);
      if (lineEnd < 0) lineEnd = length;
      if (this.#nextQuote < pos) this.#nextQuote = this.#find('"', pos);
      if (this.#nextQuote > lineEnd) {
        // fast path, no quote in this line: slice fields straight into their columns
        const end = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        this.#pos = lineEnd + 1;
        if (end === pos) { r--; continue; } // blank line
        let s = pos, c = 0;
        while (c < width - 1) {
          if (this.#nextDelim < s) this.#nextDelim = this.#find(this.delimiter, s);
          const d = this.#nextDelim;
          if (d >= end) break;
          columns[c++]!.push(text.slice(s, d));
          s = d + 1;
        }
        // the last column takes the rest up to the next delimiter (extra fields are dropped)
        if (this.#nextDelim < s) this.#nextDelim = this.#find(this.delimiter, s);
        columns[c++]!.push(text.slice(s, Math.min(this.#nextDelim, end)));
        while (c < width) columns[c++]!.push('');
        this.rows++;
        continue;
      }
      const fields = this.#quotedRecord();
      if (fields.length === 1 && fields[0] === '') { r--; continue; }
      for (let c = 0; c < width; c++) columns[c]!.push(fields[c] ?? '');
      this.rows++;
    }
    return this.done;
  }

  /** The next record's fields (reused array), or undefined at the end. */
  #record(): string[] | undefined {
    const { text } = this;
    const length = text.length;
    const pos = this.#pos;
    if (pos >= length) return undefined;
    const fields = this.#fields;
    fields.length = 0;
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = length;
    if (this.#nextQuote < pos) this.#nextQuote = this.#find('"', pos);
    if (this.#nextQuote > lineEnd) {
      // fast path: no quote in this line
      const end = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      let s = pos;
      for (;;) {
        if (this.#nextDelim < s) this.#nextDelim = this.#find(this.delimiter, s);
        const d = this.#nextDelim;
        if (d >= end) break;
        fields.push(text.slice(s, d));
        s = d + 1;
      }
      fields.push(text.slice(s, end));
      this.#pos = lineEnd + 1;
      return fields;
    }
    return this.#quotedRecord();
  }

  /** RFC 4180, character by character: quoted fields, doubled quotes, newlines inside quotes. */
  #quotedRecord(): string[] {
    const { text } = this;
    const length = text.length;
    const fields = this.#fields;
    fields.length = 0;
    const delim = this.#code;
    let i = this.#pos;
    for (;;) {
      if (text.charCodeAt(i) === 34) {
        // quoted field
        let value = '';
        let from = ++i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) { value += text.slice(from); i = length; break; }
          if (text.charCodeAt(q + 1) === 34) { value += text.slice(from, q + 1); i = from = q + 2; continue; }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        // anything between the closing quote and the delimiter is kept (lenient)
        let j = i;
        while (j < length) { const c = text.charCodeAt(j); if (c === delim || c === 10 || c === 13) break; j++; }
        fields.push(j > i ? value + text.slice(i, j) : value);
        i = j;
      } else {
        let j = i;
        while (j < length) { const c = text.charCodeAt(j); if (c === delim || c === 10 || c === 13) break; j++; }
        fields.push(text.slice(i, j));
        i = j;
      }
      const c = text.charCodeAt(i);
      if (c === delim) { i++; continue; }
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      break;
    }
    this.#pos = i;
    return fields;
  }
}

/** Whole text at once: header and columns of raw strings. */
export function parseDelimited(text: string, delimiter?: string): { header: string[]; columns: string[][]; delimiter: string } {
  const sniffed = sniff(text);
  const parser = new DelimitedParser(text, delimiter ?? sniffed.delimiter, delimiter ? 0 : sniffed.start);
  parser.step();
  return { header: parser.header, columns: parser.columns, delimiter: parser.delimiter };
}

/**
 * One column's cells as offsets into the text: cell i is `text.slice(starts[i], ends[i])`. A quoted
 * cell that needed unescaping (`""`, text after the closing quote) is marked `ends[i] < starts[i]`
 * and its value kept in `unescaped`. No string is made per cell here: numbers are read from the
 * text itself (see `inferCells`), which spares the garbage collector most of a big file.
 */
export interface CellColumn {
  text: string;
  starts: Uint32Array;
  ends: Uint32Array;
  unescaped: Map<number, string>;
}

/** The value of one cell ('' = empty). */
export function cellAt(column: CellColumn, i: number): string {
  const a = column.starts[i]!, b = column.ends[i]!;
  return a <= b ? column.text.slice(a, b) : column.unescaped.get(i)!;
}

export interface Cells {
  header: string[];
  columns: CellColumn[];
  rows: number;
}

/**
 * Cell offsets per column (same records and fields as `DelimitedParser`), resumable: `step(chars)`
 * reads whole records until it has gone `chars` characters further, so the main thread can scan
 * in slices measured in text, whatever the width of a row.
 */
export class CellScanner {
  readonly header: string[];
  rows = 0;
  readonly #text: string;
  readonly #delimiter: string;
  #pos: number;
  #capacity: number;
  #starts: Uint32Array[];
  #ends: Uint32Array[];
  readonly #unescaped: Map<number, string>[];
  #nextQuote = -1;
  #nextDelim = -1;

  constructor(text: string, delimiter: string, start = 0) {
    keepWarm(CellScanner, () => { const scanner = new CellScanner('a;b\n1;"2"\n3;4\n', ';'); scanner.step(); return scanner; });
    const header = new DelimitedParser(text, delimiter, start);
    this.header = header.header;
    this.#text = text;
    this.#delimiter = delimiter;
    this.#pos = header.position;
    // a first guess from the header's length, doubled when short
    this.#capacity = Math.max(16, Math.ceil(((text.length - this.#pos) / Math.max(8, this.#pos - start)) * 1.2));
    this.#starts = this.header.map(() => new Uint32Array(this.#capacity));
    this.#ends = this.header.map(() => new Uint32Array(this.#capacity));
    this.#unescaped = this.header.map(() => new Map<number, string>());
  }

  get done(): boolean { return this.#pos >= this.#text.length || !this.header.length; }
  /** Share of the text read, 0–1. */
  get progress(): number { return this.#text.length ? Math.min(1, this.#pos / this.#text.length) : 1; }

  /** The columns read so far. */
  cells(): Cells {
    const text = this.#text;
    return { header: this.header, rows: this.rows, columns: this.header.map((_, c) => ({ text, starts: this.#starts[c]!, ends: this.#ends[c]!, unescaped: this.#unescaped[c]! })) };
  }

  /** Reads records until `chars` more characters are read (a record is never split); true when done. */
  step(chars = Infinity): boolean {
    const text = this.#text, delimiter = this.#delimiter;
    const width = this.header.length;
    const length = text.length;
    const delim = delimiter.charCodeAt(0);
    const unescaped = this.#unescaped;
    let starts = this.#starts, ends = this.#ends;
    let pos = this.#pos, rows = this.rows, nextQuote = this.#nextQuote, nextDelim = this.#nextDelim;
    const stop = Math.min(length, pos + chars);
    const find = (what: string, from: number): number => { const i = text.indexOf(what, from); return i < 0 ? Infinity : i; };
    const grow = (arrays: Uint32Array[]): Uint32Array[] => arrays.map((a) => { const b = new Uint32Array(this.#capacity); b.set(a); return b; });
    while (pos < stop && width) {
      if (rows === starts[0]!.length) {
        this.#capacity *= 2;
        starts = this.#starts = grow(starts);
        ends = this.#ends = grow(ends);
      }
      let lineEnd = text.indexOf('\n', pos);
      if (lineEnd < 0) lineEnd = length;
      if (nextQuote < pos) nextQuote = find('"', pos);
      if (nextQuote > lineEnd) {
        // no quote in this line: offsets of the delimiters found by indexOf
        const end = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        const from = pos;
        pos = lineEnd + 1;
        if (end === from) continue; // blank line
        let s = from, c = 0;
        while (c < width - 1) {
          if (nextDelim < s) nextDelim = find(delimiter, s);
          if (nextDelim >= end) break;
          starts[c]![rows] = s;
          ends[c++]![rows] = nextDelim;
          s = nextDelim + 1;
        }
        // the last column takes the rest up to the next delimiter (extra fields are dropped)
        if (nextDelim < s) nextDelim = find(delimiter, s);
        starts[c]![rows] = s;
        ends[c++]![rows] = Math.min(nextDelim, end);
        for (; c < width; c++) { starts[c]![rows] = 0; ends[c]![rows] = 0; }
        rows++;
        continue;
      }
      // RFC 4180 record, character by character (as DelimitedParser's quoted records)
      let i = pos, c = 0, empty = false;
      for (;;) {
        let a: number, b: number, value: string | undefined, doubled = false;
        if (text.charCodeAt(i) === 34) {
          a = ++i;
          let q: number;
          for (;;) {
            q = text.indexOf('"', i);
            if (q < 0) { q = length; i = length; break; }
            if (text.charCodeAt(q + 1) === 34) { doubled = true; i = q + 2; continue; }
            i = q + 1;
            break;
          }
          b = q;
          let j = i;
          while (j < length) { const k = text.charCodeAt(j); if (k === delim || k === 10 || k === 13) break; j++; }
          // anything between the closing quote and the delimiter is kept (lenient)
          if (doubled) value = unescapeQuoted(text.slice(a, b)) + text.slice(i, j);
          else if (j > i) value = text.slice(a, b) + text.slice(i, j);
          i = j;
        } else {
          a = i;
          let j = i;
          while (j < length) { const k = text.charCodeAt(j); if (k === delim || k === 10 || k === 13) break; j++; }
          b = i = j;
        }
        if (c === 0) empty = value === undefined ? a === b : value === '';
        if (c < width) {
          if (value === undefined) { starts[c]![rows] = a; ends[c]![rows] = b; } else { starts[c]![rows] = 1; ends[c]![rows] = 0; unescaped[c]!.set(rows, value); }
        }
        c++;
        const k = text.charCodeAt(i);
        if (k === delim) { i++; continue; }
        if (k === 13) i++;
        if (text.charCodeAt(i) === 10) i++;
        break;
      }
      pos = i;
      nextDelim = -1;
      // a blank record: one empty field
      if (c === 1 && empty) continue;
      for (; c < width; c++) { starts[c]![rows] = 0; ends[c]![rows] = 0; }
      rows++;
    }
    this.#pos = pos;
    this.rows = rows;
    this.#nextQuote = nextQuote;
    this.#nextDelim = nextDelim;
    return this.done;
  }
}

/** Whole text at once, as cell offsets per column. */
export function scanCells(text: string, delimiter: string, start = 0): Cells {
  const scanner = new CellScanner(text, delimiter, start);
  scanner.step();
  return scanner.cells();
}

const unescapeQuoted = (s: string): string => s.replace(/""/g, '"');
