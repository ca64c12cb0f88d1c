/**
 * The filter grammar of DESIGN.md: clauses separated by `;`, each `COLUMN OP VALUE`.
 * Names and values may be quoted with "…" or '…' (a doubled quote inside stands for itself);
 * a quote only opens a quoted text at the start of a token, so `L'Isle-Adam` stays a bare value.
 */
import type { ColumnInfo, FilterClause, FilterOp } from './types.js';
import { CultureError } from './errors.js';
import { matchColumn } from './columns.js';

const SYMBOL_OPS: Record<string, FilterOp> = {
  '=': '=', '!=': '!=', '>': '>', '>=': '>=', '<': '<', '<=': '<=', '~': '~', '!~': '!~',
};
/** Values an `in` clause may list. */
export const MAX_IN_VALUES = 1000;
const OP_CHARS = '=!<>~';
const QUOTES = `"'`;
/** `String.includes('')` is true: the end of the text is in no set. */
const isIn = (set: string, c: string): boolean => c !== '' && set.includes(c);

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}
  get done(): boolean { return this.pos >= this.text.length; }
  get char(): string { return this.text[this.pos] ?? ''; }
  skipSpaces(): void { while (!this.done && /\s/.test(this.char)) this.pos++; }
  rest(): string { return this.text.slice(this.pos); }
  /** The clause being read, for error messages: from `start` to the next `;` (or the end). */
  clauseFrom(start: number): string {
    const end = this.text.indexOf(';', this.pos);
    return this.text.slice(start, end < 0 ? undefined : end).trim();
  }
}

function fail(reason: string, scanner: Scanner, start: number, extra: Record<string, unknown> = {}): never {
  throw new CultureError('bad-filter', { reason, clause: scanner.clauseFrom(start), ...extra });
}

function readQuoted(s: Scanner, start: number): string {
  const quote = s.char;
  let out = '';
  s.pos++;
  for (;;) {
    if (s.done) fail('unbalanced-quote', s, start);
    const c = s.char;
    s.pos++;
    if (c !== quote) { out += c; continue; }
    if (s.char === quote) { out += quote; s.pos++; continue; } // doubled quote
    return out;
  }
}

/** A bare column name runs until an operator symbol, or a spaced `in` / `is` keyword. */
function readBareColumn(s: Scanner): string {
  const from = s.pos;
  while (!s.done && !isIn(OP_CHARS, s.char) && s.char !== ';') {
    if (/\s/.test(s.char) && /^\s+(in|is)\s/i.test(s.rest())) break;
    s.pos++;
  }
  return s.text.slice(from, s.pos).trim();
}

function readOperator(s: Scanner, start: number): FilterOp {
  s.skipSpaces();
  if (isIn(OP_CHARS, s.char)) {
    const from = s.pos;
    while (!s.done && isIn(OP_CHARS, s.char)) s.pos++;
    const op = SYMBOL_OPS[s.text.slice(from, s.pos)];
    if (!op) fail('unknown-operator', s, start, { op: s.text.slice(from, s.pos) });
    return op;
  }
  const keyword = /^(in|is\s+not\s+empty|is\s+empty)(?=\s|$|;)/i.exec(s.rest());
  if (!keyword) fail(s.done || s.char === ';' ? 'missing-operator' : 'unknown-operator', s, start);
  s.pos += keyword[0].length;
  return keyword[0].toLowerCase().replace(/\s+/g, ' ') as FilterOp;
}

/** One value: quoted, or bare up to `stops` (trimmed). */
function readValue(s: Scanner, start: number, stops: string): string | undefined {
  s.skipSpaces();
  if (isIn(QUOTES, s.char)) {
    const value = readQuoted(s, start);
    s.skipSpaces();
    if (!s.done && !isIn(stops, s.char)) fail('unbalanced-quote', s, start);
    return value;
  }
  const from = s.pos;
  while (!s.done && !isIn(stops, s.char)) s.pos++;
  const value = s.text.slice(from, s.pos).trim();
  return value === '' ? undefined : value;
}

function readClause(s: Scanner): FilterClause {
  const start = s.pos;
  const column = isIn(QUOTES, s.char) ? readQuoted(s, start) : readBareColumn(s);
  if (column === '') fail('missing-column', s, start);
  // `annee contains 2015`: the bare name swallowed a word that is not an operator
  if ((s.done || s.char === ';') && /\s/.test(column)) fail('unknown-operator', s, start, { op: column.split(/\s+/)[1] });
  const op = readOperator(s, start);
  if (op === 'is empty' || op === 'is not empty') return { column, op };
  if (op === 'in') {
    const values: string[] = [];
    do {
      if (s.char === '|') s.pos++;
      const value = readValue(s, start, '|;');
      if (value === undefined) fail('missing-value', s, start);
      values.push(value);
    } while (s.char === '|');
    // a list that long is no filter a reader wrote: said, never 20,000 chips nor a URL no server reads
    if (values.length > MAX_IN_VALUES) fail('too-many-values', s, start, { column, count: values.length, max: MAX_IN_VALUES });
    return { column, op, values };
  }
  const value = readValue(s, start, ';');
  if (value === undefined) fail('missing-value', s, start);
  return { column, op, value };
}

/** Parses the filter grammar of DESIGN.md; throws `CultureError('bad-filter')`. */
export function parseFilter(text: string): FilterClause[] {
  const s = new Scanner(text ?? '');
  const clauses: FilterClause[] = [];
  for (;;) {
    while (!s.done && (s.char === ';' || /\s/.test(s.char))) s.pos++;
    if (s.done) return clauses;
    const start = s.pos;
    clauses.push(readClause(s));
    s.skipSpaces();
    if (!s.done && s.char !== ';') fail('unknown', s, start);
  }
}

const needsQuotes = (text: string, isColumn: boolean): boolean =>
  text === '' ||
  text !== text.trim() ||
  /[;|"']/.test(text) ||
  (isColumn && (/[=!<>~]/.test(text) || /\s(in|is)(\s|$)/i.test(text)));

const quote = (text: string, isColumn: boolean): string =>
  needsQuotes(text, isColumn) ? `"${text.replace(/"/g, '""')}"` : text;

/** Writes clauses back in the grammar (quoting where needed): `parseFilter(formatFilter(c))` equals `c`. */
export function formatFilter(clauses: FilterClause[]): string {
  return clauses.map((c) => {
    const column = quote(c.column, true);
    if (c.op === 'is empty' || c.op === 'is not empty') return `${column} ${c.op}`;
    if (c.op === 'in') return `${column} in ${(c.values ?? []).map((v) => quote(v, false)).join('|')}`;
    return `${column} ${c.op} ${quote(c.value ?? '', false)}`;
  }).join('; ');
}

/** Checks every clause against the profile, returning clauses that name the real columns. */
export function checkFilter(clauses: FilterClause[], columns: ColumnInfo[]): FilterClause[] {
  const names = columns.map((c) => c.name);
  return clauses.map((c) => ({ ...c, column: matchColumn(c.column, names) }));
}
