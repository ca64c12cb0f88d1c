/** Formatting for elements: numbers, percentages, dates and cells, per locale, through Intl. */
import type { Cell, ColumnInfo, Lang, Row } from './types.js';
import { readableName } from './labels.js';
import { isYear } from './columns.js';
import { readBoolean } from './values.js';

// English numbers as en (1.2M), English dates day-first as en-GB (5 March 2024)
const locale = (lang: Lang, dates = false): string => (lang === 'en' ? (dates ? 'en-GB' : 'en') : 'fr-FR');
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n${lang}${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale(lang), options)));
  return f;
}

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d${lang}${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale(lang, true), options)));
  return f;
}

/** `1 234,5` (fr) / `1,234.5` (en); at most `maximumFractionDigits` decimals (default 2). */
export function formatNumber(value: number, lang: Lang = 'fr', options: Intl.NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return '';
  return numberFormat(lang, { maximumFractionDigits: 2, ...options }).format(value);
}

/** Short form for axes and legends: `1,2 M` (fr) / `1.2M` (en). */
export function formatCompact(value: number, lang: Lang = 'fr'): string {
  if (!Number.isFinite(value)) return '';
  return numberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/**
 * A percentage. `value` is a ratio (0.247 → `24,7 %`) unless `{ points: true }` says it is already
 * in percent (what a `24,7%` cell of a file becomes: 24.7).
 */
export function formatPercent(value: number, lang: Lang = 'fr', { points = false, digits = 1 } = {}): string {
  if (!Number.isFinite(value)) return '';
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: digits }).format(points ? value / 100 : value);
}

/**
 * An ISO date (`2024-03-05`, or a datetime) for reading: `5 mars 2024` / `5 March 2024`.
 * `style: 'short'` gives `05/03/2024`. A bare year or anything unparseable comes back as given.
 */
export function formatDate(value: string | number | Date, lang: Lang = 'fr', { style = 'long' as 'long' | 'short' } = {}): string {
  if (typeof value === 'string' && !/^\d{4}-\d{2}(-\d{2})?/.test(value)) return value;
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  // a date without time is a calendar day: read it in UTC so no time zone shifts it
  const date = value instanceof Date ? value : new Date(dateOnly ? `${value as string}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return String(value);
  const options: Intl.DateTimeFormatOptions = style === 'short'
    ? { day: '2-digit', month: '2-digit', year: 'numeric' }
    : { day: 'numeric', month: 'long', year: 'numeric' };
  if (dateOnly) options.timeZone = 'UTC';
  else if (typeof value === 'string' && /T\d{2}:\d{2}/.test(value)) { options.hour = '2-digit'; options.minute = '2-digit'; }
  return dateFormat(lang, options).format(date);
}

const booleans: Record<Lang, [string, string]> = { fr: ['Oui', 'Non'], en: ['Yes', 'No'] };

/**
 * A cell as the reader sees it, following its column: years without separators (never « 2 019 »),
 * percentages, numbers and dates for the locale, Oui / Non; text as it is. The one way every
 * widget writes a cell (table, popups, chart data table).
 */
export function formatCell(value: Cell | object | undefined, column: ColumnInfo | undefined, lang: Lang = 'fr'): string {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return '';
  const truth = typeof value === 'boolean' ? value : typeof value === 'string' && column?.type === 'boolean' ? readBoolean(value) : undefined;
  if (truth !== undefined) return booleans[lang][truth ? 0 : 1];
  if (typeof value === 'object' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (isYear(column)) return String(value);
    if (column?.format === 'percent') return formatPercent(value, lang, { points: true, digits: 2 });
    return formatNumber(value, lang);
  }
  if (column?.type === 'date' || column?.type === 'datetime') return formatDate(value, lang);
  return value;
}

/**
 * A readable label from a column name, an aggregate's result named as the tabular API names it
 * included: `nom_du_musee` → « Nom du musée », `total__sum` → « Total (sum) » (labels.ts's rule).
 */
export function columnLabel(name: string): string {
  const aggregate = /__(sum|count|mean|median|min|max)$/.exec(name);
  return aggregate ? `${readableName(name.slice(0, aggregate.index))} (${aggregate[1]})` : readableName(name);
}

export interface CSVOptions {
  /** Decimal mark of numbers: `,` for French Excel (which reads `;` files with decimal commas). Default `.`. */
  decimal?: '.' | ',';
}

/**
 * Text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, tab, CR: OWASP's
 * list). Numbers written as numbers (`-12`, `-0,25`) are not formulas and stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

const csvCell = (value: Cell | undefined, decimal: '.' | ','): string => {
  if (value === null || value === undefined) return '';
  // no thousands separator: Excel reads `1234,5` as a number, `1 234,5` as text
  let text = typeof value === 'number' && decimal === ',' ? String(value).replace('.', ',') : String(value);
  // OWASP CSV injection: a leading `'` makes the cell text in Excel and LibreOffice
  if (typeof value !== 'number' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * CSV for a download: `;`, UTF-8 BOM, RFC 4180 quoting, CRLF, so it opens in Excel;
 * `{ decimal: ',' }` writes `1234,5` for a French Excel. Cells and headers that would start a
 * formula get a leading `'` (every download of the project goes through here).
 */
export function toCSV(rows: Row[], columns: string[], { decimal = '.' }: CSVOptions = {}): string {
  const lines = [columns.map((c) => csvCell(c, decimal)).join(';')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c], decimal)).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The decimal mark of a download for a language: French Excel wants decimal commas. */
export const csvDecimal = (lang: Lang): '.' | ',' => (lang === 'fr' ? ',' : '.');
