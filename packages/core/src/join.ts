/**
 * `join="pop on code_departement = DEP"` (DESIGN.md § 5): columns from another dataset, read as
 * `join.COLUMN`. The other side is grouped by its key (numbers summed, text: first value); keys
 * are compared normalised (INSEE codes: `1` = `01`, `2a` = `2A`, spaces; `20` matches neither
 * `2A` nor `2B`); the lookup is made on the element's grouping key, and keys without a match are
 * listed, never dropped.
 */
import type { Cell, ColumnInfo, Row } from './types.js';
import { CultureError } from './errors.js';
import { isCode } from './kinds.js';
import { normaliseCode } from './insee.js';

/** What the author wrote: the other side (a `<culture-source>` id or a dataset reference) and the two keys. */
export interface JoinRef {
  ref: string;
  left: string;
  right: string;
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** Reads one name: quoted (`"Code département"`, `""` for `"`) or bare up to `stop`. */
function readName(text: string, from: number, stop: string): { name: string; end: number } {
  let i = from;
  while (isSpace(text[i])) i++;
  if (text[i] === '"' || text[i] === "'") {
    const quote = text[i]!;
    let name = '';
    i++;
    for (;;) {
      if (i >= text.length) return { name: '', end: -1 };
      if (text[i] === quote) {
        if (text[i + 1] === quote) { name += quote; i += 2; continue; }
        i++;
        break;
      }
      name += text[i++];
    }
    return { name, end: i };
  }
  const start = i;
  while (i < text.length && !stop.includes(text[i]!)) i++;
  return { name: text.slice(start, i).trim(), end: i };
}

/** Parses `REF on LEFT = RIGHT`; names may be quoted. Throws `bad-expression` with the expected form. */
export function parseJoin(text: string): JoinRef {
  const source = text ?? '';
  const fail = (): never => { throw new CultureError('bad-expression', { reason: 'join-syntax', expression: source }); };
  // the first ` on ` outside quotes (a dataset URL has no spaces)
  let quote = '';
  let at = -1;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '"') { quote = c; continue; }
    if (isSpace(c) && /^\s+on\s/i.test(source.slice(i))) { at = i; break; }
  }
  if (at < 0) fail();
  const ref = source.slice(0, at).trim();
  const rest = source.slice(at).replace(/^\s+on\s/i, '');
  const left = readName(rest, 0, '=');
  if (!ref || !left.name || left.end < 0) fail();
  let i = left.end;
  while (isSpace(rest[i])) i++;
  if (rest[i] !== '=') fail();
  const right = readName(rest, i + 1, '');
  if (!right.name || right.end < 0 || rest.slice(right.end).trim() !== '') fail();
  return { ref: ref.replace(/^"(.*)"$/, '$1'), left: left.name, right: right.name };
}

/** Whether a key column holds INSEE-like codes (its format, or its name), so `1` and `01` are one key. */
export const isCodeColumn = (info: ColumnInfo | undefined): boolean => !!info && isCode(info);

/**
 * A key as compared: text trimmed (spaces inside collapsed); for code columns, INSEE codes in
 * their official form (`1` → `01`, `1001` → `01001`, `2a` → `2A`, `02A` → `2A`, `971.0` → `971`,
 * `75 056` → `75056`; `20` stays `20`, neither `2A` nor `2B`). Empty → null.
 */
export function joinKey(cell: Cell | undefined, code: boolean): string | null {
  if (cell === null || cell === undefined || cell === '') return null;
  const text = typeof cell === 'string' ? cell.trim().replace(/\s+/g, ' ') : String(cell);
  if (!text) return null;
  if (!code) return text;
  return normaliseCode(cell, 'departement') ?? normaliseCode(cell, 'commune') ?? text;
}

/** The other side, one record per normalised key. */
export interface JoinSide {
  values: Map<string, Record<string, Cell>>;
  columns: ColumnInfo[];
  /** Keys compared as INSEE codes. */
  code: boolean;
}

/**
 * Folds the other side's rows (already grouped by its key when the server could) by normalised
 * key: numbers summed, text: the first value.
 */
export function foldJoinSide(rows: Row[], key: string, columns: ColumnInfo[], code: boolean): JoinSide {
  const values = new Map<string, Record<string, Cell>>();
  const numeric = new Set(columns.filter((c) => c.type === 'number' || c.type === 'integer').map((c) => c.name));
  for (const row of rows) {
    const k = joinKey(row[key], code);
    if (k === null) continue;
    let record = values.get(k);
    if (!record) {
      record = {};
      for (const c of columns) record[c.name] = row[c.name] ?? null;
      values.set(k, record);
      continue;
    }
    for (const c of columns) {
      const v = row[c.name] ?? null;
      if (v === null) continue;
      const seen = record[c.name] ?? null;
      if (numeric.has(c.name) && typeof v === 'number') record[c.name] = typeof seen === 'number' ? seen + v : v;
      else if (seen === null) record[c.name] = v;
    }
  }
  return { values, columns, code };
}
