/**
 * Spreadsheets (XLSX, XLS, ODS) as tables, with SheetJS (`@e965/xlsx`, 0.20.3: the registry's
 * `xlsx` 0.18.5 has known vulnerabilities). Loaded on first use only, in the parse worker.
 *
 * Ministry exports put a title (often merged across the columns) and a source line above the
 * header: the header is found as for a CSV, the first row as wide as most rows. Merged header
 * cells give their text to every column they span, and a two-row header (« Entrées 2023 » over
 * « payantes », « gratuites », « total ») becomes « Entrées 2023 payantes »… Cells keep their
 * type: numbers from the number, dates from the date format (no time zone involved), then each
 * column goes through the same inference as a CSV (codes keep their leading zeros, `2 901,60`
 * written as text is a number).
 */
import { read, SSF, type CellObject, type Range, type WorkBook } from '@e965/xlsx';
import { fileErrors } from './file-messages.js';
import { inferColumn } from './infer.js';
import type { Table } from './table.js';

export interface SpreadsheetOptions {
  /** Sheet name or 1-based number; default the first. */
  sheet?: string;
  format: 'xlsx' | 'xls' | 'ods';
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A cell as the text a CSV would hold: numbers in JavaScript notation, dates in ISO. */
function cellText(cell: CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null || cell.t === 'z' || cell.t === 'e') return '';
  if (cell.t === 'd' && cell.v instanceof Date) return cell.v.toISOString().replace(/T00:00:00\.000Z$/, '').replace(/\.000Z$/, '');
  if (cell.t === 'n' && typeof cell.v === 'number' && cell.z && SSF.is_date(cell.z)) {
    const d = SSF.parse_date_code(cell.v);
    const day = `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
    return d.H || d.M || d.S ? `${day}T${pad(d.H)}:${pad(d.M)}:${pad(Math.floor(d.S))}` : day;
  }
  if (cell.t === 'b') return cell.v ? 'true' : 'false';
  return String(cell.v).trim();
}

function openBook(bytes: Uint8Array, sheet: string | undefined, format: string): WorkBook {
  try {
    return read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false, cellHTML: false, cellFormula: false, ...(sheet ? {} : { sheets: 0 }) });
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    if (/password|encrypt/i.test(message)) throw fileErrors.error('parse', { format }, 'encrypted');
    throw fileErrors.error('parse', { format, cause: message }, 'corrupt');
  }
}

/** The sheet asked for: a name (case and spaces forgiven) or a 1-based number. */
function pickSheet(book: WorkBook, wanted: string | undefined, format: string): string {
  const names = book.SheetNames;
  if (!wanted) return names[0]!;
  const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();
  const byName = names.find((n) => n === wanted) ?? names.find((n) => norm(n) === norm(wanted));
  if (byName) return byName;
  if (/^\d+$/.test(wanted.trim()) && Number(wanted) >= 1 && Number(wanted) <= names.length) return names[Number(wanted) - 1]!;
  throw fileErrors.error('parse', { sheet: wanted, available: names, format }, 'unknown-sheet');
}

/** Index of the header row: the first row at least as wide as most of the first 30 (title rows are narrower). */
function headerRow(widths: number[]): number {
  const counts = new Map<number, number>();
  for (const w of widths.slice(0, 30)) if (w > 0) counts.set(w, (counts.get(w) ?? 0) + 1);
  let mode = 0, best = 0;
  for (const [w, n] of counts) if (n > best || (n === best && w > mode)) { mode = w; best = n; }
  return Math.max(0, widths.findIndex((w) => w >= mode && w > 0));
}

/** Reads one sheet of a workbook into typed columns. */
export function parseSpreadsheet(bytes: Uint8Array, { sheet, format }: SpreadsheetOptions): Table {
  const book = openBook(bytes, sheet, format);
  const name = pickSheet(book, sheet, format);
  // with a sheet asked for, the whole book was read to know the names; SheetJS parses each lazily otherwise
  const ws = book.Sheets[name] ?? openBook(bytes, name, format).Sheets[name];
  const rows: (CellObject | undefined)[][] = (ws?.['!data'] as (CellObject | undefined)[][] | undefined) ?? [];
  const texts = rows.map((row) => (row ?? []).map(cellText));
  const widths = texts.map((row) => { let w = row.length; while (w > 0 && row[w - 1] === '') w--; return w; });
  if (!widths.some((w) => w > 0)) throw fileErrors.error('parse', { sheet: name, format }, 'empty-sheet');
  let top = headerRow(widths);
  const merges: Range[] = (ws?.['!merges'] as Range[] | undefined) ?? [];
  // a merge above the header that reaches down to it, or spans columns over it: a two-row header
  if (top > 0 && merges.some((m) => m.s.r === top - 1 && (m.e.r >= top || m.e.c > m.s.c) && m.e.c < widths[top]! + 1 && widths[top - 1]! > 1)) top--;
  // merged header cells give their text to every cell they span
  for (const m of merges) {
    if (m.s.r > top + 1 || m.e.r < top) continue;
    const text = texts[m.s.r]?.[m.s.c] ?? '';
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) (texts[r] ??= [])[c] = text;
  }
  let first = top + 1;
  let header = texts[top]!;
  const below = texts[top + 1] ?? [];
  const twoRows = merges.some((m) => m.s.r === top && (m.e.r > top || m.e.c > m.s.c)) && below.length > 0 && below.every((t) => t === '' || Number.isNaN(Number(t)));
  if (twoRows) {
    const width = Math.max(header.length, below.length);
    header = Array.from({ length: width }, (_, c) => {
      const a = header[c] ?? '', b = below[c] ?? '';
      return a === b || !b ? a : !a ? b : `${a} ${b}`;
    });
    first++;
  }
  const width = Math.max(...widths.slice(first), header.length);
  const body = texts.slice(first).filter((row) => row.some((t) => t !== ''));
  const seen = new Map<string, number>();
  const names = Array.from({ length: width }, (_, c) => {
    const raw = (header[c] ?? '').replace(/\s+/g, ' ').trim() || `colonne_${c + 1}`;
    const n = (seen.get(raw) ?? 0) + 1;
    seen.set(raw, n);
    return n > 1 ? `${raw}_${n}` : raw;
  });
  const table: Table = { columns: [], data: [], length: body.length };
  names.forEach((column, c) => {
    const { info, data } = inferColumn(column, body.map((row) => row[c] ?? ''));
    table.columns.push(info);
    table.data.push(data);
  });
  return table;
}
