/**
 * `join="pop on code_departement = DEP"` (DESIGN.md § 5): columns from another dataset, read as
 * `join.COLUMN`. The other side is grouped by its key (numbers summed, text: first value); keys
 * are compared normalised (INSEE codes: `1` = `01`, `2a` = `2A`, spaces; `20` matches neither
 * `2A` nor `2B`); the lookup is made on the element's grouping key, and keys without a match are
 * listed, never dropped.
 */
import { isNumeric } from './columns.js';
import type { Cell, ColumnInfo, Row } from './types.js';
export { parseJoin, type JoinRef } from './join-syntax.js';
import { isCode } from './kinds.js';
import { normaliseCode } from './insee.js';

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
  const numeric = new Set(columns.filter(isNumeric).map((c) => c.name));
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
