/**
 * How one cell reads: a pure description (kind + text, maybe a safe href or a bar), so the
 * rendering stays a dumb template and every rule here is tested as a table. Data is text: the
 * template puts `text` in a text node and `href` in an attribute, never HTML.
 */
import { cellNumber, formatCell, readBoolean, type Cell, type ColumnInfo, type Lang, type Row } from '@culture-widgets/core';
import { safeUrl } from '@culture-widgets/ui';

export type CellView =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; text: string; value: number }
  | { kind: 'boolean'; text: string; value: boolean }
  | { kind: 'link'; text: string; href: string };

/** Cell text that is a link: an absolute http(s) address, or one starting with `www.`. */
const LINK = /^(https?:\/\/|www\.)[^\s<>"]+$/i;

/**
 * How a table shows a cell: kind and text (numbers keep their value for bars, URLs become links).
 * The text is core's `formatCell`, the one way every widget writes a cell.
 */
export function cellView(value: Cell | undefined, column: ColumnInfo, lang: Lang): CellView {
  const text = formatCell(value, column, lang);
  if (text === '') return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', text, value };
  const truth = typeof value === 'boolean' ? value : typeof value === 'string' && column.type === 'boolean' ? readBoolean(value) : undefined;
  if (truth !== undefined) return { kind: 'boolean', text, value: truth };
  const href = typeof value === 'string' && !/^(date|datetime)$/.test(column.type) && LINK.test(value.trim()) ? safeUrl(value) : undefined;
  return href ? { kind: 'link', text: value as string, href } : { kind: 'text', text };
}

/** Min and max a bar column is drawn against: the profile's when known, widened by the rows. */
export function barDomain(column: ColumnInfo, rows: readonly Row[]): [number, number] {
  let low = 0;
  let high = 0;
  const widen = (value: unknown) => {
    const number = typeof value === 'boolean' ? undefined : cellNumber(value);
    if (number !== undefined) {
      low = Math.min(low, number);
      high = Math.max(high, number);
    }
  };
  widen(column.min);
  widen(column.max);
  for (const row of rows) widen(row[column.name]);
  return [low, high];
}

/**
 * Where a bar sits in its cell, in percent of the cell width. Bars start at zero, so a negative
 * value grows to the left of the zero line and a positive one to its right.
 */
export function barGeometry(value: Cell | undefined, [low, high]: [number, number]): { left: number; width: number } | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || high === low) return null;
  const span = high - low;
  const from = Math.min(0, value);
  const clamp = (x: number) => Math.max(0, Math.min(100, x));
  return { left: clamp(((from - low) / span) * 100), width: clamp((Math.abs(value) / span) * 100) };
}
