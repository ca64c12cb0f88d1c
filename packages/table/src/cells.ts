/**
 * How one cell reads: a pure description (kind + text, maybe a safe href or a bar), so the
 * rendering stays a dumb template and every rule here is tested as a table. Data is text: the
 * template puts `text` in a text node and `href` in an attribute, never HTML.
 */
import { formatDate, formatNumber, formatPercent, type Cell, type ColumnInfo, type Lang, type Row } from '@culture-widgets/core';
import { tableMessages } from './messages.js';

export type CellView =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; text: string; value: number }
  | { kind: 'boolean'; text: string; value: boolean }
  | { kind: 'link'; text: string; href: string };

/** Only http and https; `www.musee.fr` gets https. Anything else (`javascript:`, `data:`…) is not a link. */
export function safeHref(text: string): string | null {
  const trimmed = text.trim();
  if (!/^(https?:\/\/|www\.)[^\s<>"]+$/i.test(trimmed)) return null;
  try {
    const url = new URL(/^www\./i.test(trimmed) ? `https://${trimmed}` : trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * How a table shows a cell: kind and text (numbers keep their value for bars, URLs become links).
 * core's `formatCell` gives the plain text; this adds what the table template needs.
 */
export function cellView(value: Cell | undefined, column: ColumnInfo, lang: Lang): CellView {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return { kind: 'empty' };
  }
  if (typeof value === 'boolean') return booleanView(value, lang);
  if (typeof value === 'number') return numberView(value, column, lang);
  switch (column.type) {
    case 'boolean': {
      const parsed = parseBoolean(value);
      if (parsed !== null) return booleanView(parsed, lang);
      break;
    }
    case 'date':
    case 'datetime':
      // core gives back what it cannot read as an ISO date, as it is
      return { kind: 'text', text: formatDate(value, lang) };
  }
  const href = safeHref(value);
  if (href) return { kind: 'link', text: value, href };
  return { kind: 'text', text: value };
}

/** The same cell as plain text: what a CSV or a screen-reader summary gets. */
export function cellText(view: CellView): string {
  return view.kind === 'empty' ? '' : view.text;
}

/** Min and max a bar column is drawn against: the profile's when known, widened by the rows. */
export function barDomain(column: ColumnInfo, rows: readonly Row[]): [number, number] {
  let low = 0;
  let high = 0;
  const widen = (value: unknown) => {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number === 'number' && Number.isFinite(number)) {
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

function numberView(value: number, column: ColumnInfo, lang: Lang): CellView {
  // A year is a label, not a quantity: `2 024` would read as a count.
  const text = column.format === 'year'
    ? String(value)
    : column.format === 'percent'
      ? formatPercent(value, lang, { points: true, digits: 2 })
      : formatNumber(value, lang);
  return { kind: 'number', text, value };
}

function booleanView(value: boolean, lang: Lang): CellView {
  const words = tableMessages(lang);
  return { kind: 'boolean', text: value ? words.yes : words.no, value };
}

function parseBoolean(text: string): boolean | null {
  const key = text.trim().toLowerCase();
  if (['true', 'vrai', 'oui', 'yes', '1'].includes(key)) return true;
  if (['false', 'faux', 'non', 'no', '0'].includes(key)) return false;
  return null;
}
