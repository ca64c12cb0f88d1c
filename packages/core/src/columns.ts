/**
 * Column rules, written once for every package: how a name the author typed finds a column, the
 * list grammar of attributes (`columns`, `y`, `popup`…), how a cell reads as a number, and the
 * kinds every widget needs (number, year, date). The other kinds (measure, category, code,
 * coordinates): kinds.ts; INSEE codes and their level: insee.ts; a cell as text: `formatCell`.
 * (Three modules, so a table-only page never loads what only charts and maps need.)
 */
import type { ColumnInfo } from './types.js';
import { CultureError } from './errors.js';
import { readNumber } from './values.js';

// --- names -----------------------------------------------------------------------------------

/** How names and labels are compared: no accents, lower case, spaces trimmed and collapsed. */
export const foldText = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().replace(/\s+/g, ' ').toLowerCase();

/** The words of a name, folded and joined by `_`: `Géocodage xy` → `geocodage_xy`. */
export const nameKey = (name: string): string => foldText(name).replace(/[^a-z0-9°]+/g, '_').replace(/^_|_$/g, '');

/** A URL part percent-decoded, or as it is when it is malformed (`%E9` alone): never a URIError. */
export function decodeText(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `Fréquentation des musées (2024)` → `frequentation-des-musees-2024` (file names). */
export const slugify = (text: string | undefined): string =>
  foldText(text ?? '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');

/**
 * The real column a name refers to: exact, else the only one equal ignoring case, accents and
 * spaces (`region` finds `Région`). Throws `unknown-column` with the available names.
 */
export function matchColumn(name: string, names: readonly string[]): string {
  if (names.includes(name)) return name;
  const folded = foldText(name);
  const close = names.filter((c) => foldText(c) === folded);
  if (close.length === 1) return close[0]!;
  throw new CultureError('unknown-column', { column: name, available: [...names] });
}

/** `matchColumn` over a profile, giving the column itself. */
export function findColumn(name: string, columns: readonly ColumnInfo[]): ColumnInfo {
  const real = matchColumn(name, columns.map((c) => c.name));
  return columns.find((c) => c.name === real)!;
}

/** `findColumn`, or undefined for a name that matches nothing. */
export function columnNamed(name: string, columns: readonly ColumnInfo[]): ColumnInfo | undefined {
  try {
    return findColumn(name, columns);
  } catch {
    return undefined;
  }
}

// --- the list grammar ------------------------------------------------------------------------

const QUOTES = `"'`;
/**
 * `a, "b, c", 'd'` → `['a', 'b, c', 'd']`: the comma lists of attributes (`columns`, `y`, `popup`,
 * `sort`…). A name holding a comma is quoted with "…" or '…' (a doubled quote stands for itself);
 * a quote only opens at the start of a name or after a sort sign (`-"a, b"`), so `L'Isle` stays bare.
 */
export function parseList(text: string | null | undefined): string[] {
  const items: string[] = [];
  // an optional sign and a quoted name (a doubled quote inside stands for itself), or a bare name
  for (const m of (text ?? '').matchAll(/\s*(?:([-+]?)(["'])((?:(?!\2)[^]|\2\2)*)\2[^,]*|([^,]*))(?:,|$)/g)) {
    const item = m[2] ? m[1]! + m[3]!.replaceAll(m[2] + m[2], m[2]) : m[4]!.trim();
    if (item) items.push(item);
  }
  return items;
}

/** One column name (`x`, `code`…): quoted like a list item, or bare (then it may hold commas). */
export function parseName(text: string | null | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  return QUOTES.includes(trimmed[0]!) && trimmed.endsWith(trimmed[0]!) ? parseList(trimmed)[0] : trimmed;
}

/** Names back into the list grammar (`a,"b, c"`), quoting those that need it. */
export const formatList = (names: readonly string[]): string =>
  names.map((n) => (/[,"']/.test(n) || n !== n.trim() ? `"${n.replace(/"/g, '""')}"` : n)).join(',');

// --- cells -----------------------------------------------------------------------------------

/** A cell as a number: numbers as they are, text the French or English way (`1 234,5`), booleans 1 / 0. */
export function cellNumber(cell: unknown): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (typeof cell !== 'string') return undefined;
  const n = readNumber(cell.trim());
  return Number.isNaN(n) ? undefined : n;
}

// --- kinds -----------------------------------------------------------------------------------

/** A column as the rules need it: a name, and what the profile says when it says it. */
export type Named = Pick<ColumnInfo, 'name'> & Partial<ColumnInfo>;

export const isNumeric = (c: Named | undefined): boolean => c?.type === 'number' || c?.type === 'integer';

const YEAR_NAME = /annee|year|^an$|millesime|exercice/;
const inYears = (v: unknown): boolean => v === undefined || (Number(v) >= 1000 && Number(v) <= 2100);
/** A year: csv-detective's `year`, or whole numbers named like one within 1000–2100. Never thousands-separated. */
export const isYear = (c: Named | undefined): boolean =>
  !!c && (c.format === 'year' || (c.type === 'integer' && YEAR_NAME.test(foldText(c.name)) && inYears(c.min) && inYears(c.max)));

export const isTemporal = (c: Named | undefined): boolean =>
  c?.type === 'date' || c?.type === 'datetime' || /^date/.test(c?.format ?? '');
