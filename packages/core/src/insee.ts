/**
 * INSEE codes as real files write them (`1` for `01`, `1001` for `01001`, `2a`, `971.0`) brought
 * back to the official form, and the level (région, département, commune) guessed from them.
 */
import type { ColumnInfo } from './types.js';
import { nameKey } from './columns.js';

export type Level = 'region' | 'departement' | 'commune';

/** The 18 région codes (COG 2016+). */
export const REGION_CODES = new Set(['01', '02', '03', '04', '06', '11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94']);

const raw = (value: unknown): string | undefined => {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toUpperCase().replace(/\s+/g, '').replace(/\.0+$/, '');
  return text || undefined;
};

/** The official form of a code at a level, or undefined when it cannot be one. */
export function normaliseCode(value: unknown, level: Level): string | undefined {
  const text = raw(value);
  if (!text) return undefined;
  switch (level) {
    case 'region':
      return /^\d{1,2}$/.test(text) ? text.padStart(2, '0') : undefined;
    case 'departement':
      if (/^(2A|2B)$/.test(text)) return text;
      if (/^0?[2][AB]$/.test(text)) return text.slice(-2);
      if (/^97\d$/.test(text)) return text;
      return /^\d{1,2}$/.test(text) && text !== '0' && text !== '00' ? text.padStart(2, '0') : undefined;
    case 'commune':
      if (/^\d{4,5}$/.test(text)) return text.padStart(5, '0');
      if (/^0?2[AB]\d{3}$/.test(text)) return text.slice(-5);
      return undefined;
  }
}

/** The level a column holds: its csv-detective format, its name, then its values. */
export function guessLevel(column: ColumnInfo | undefined, values: unknown[]): Level {
  const format = column?.format ?? '';
  if (format === 'code_region') return 'region';
  if (format === 'code_departement') return 'departement';
  if (format.startsWith('code_commune')) return 'commune';
  const texts = values.map(raw).filter((v): v is string => !!v);
  const long = texts.filter((t) => t.length >= 4).length;
  if (texts.length && long >= texts.length * 0.5) return 'commune';
  const name = column ? nameKey(column.name).split('_') : [];
  if (name.some((w) => w === 'reg' || w.startsWith('region'))) return 'region';
  if (name.some((w) => w.startsWith('dep') || w === 'dpt')) return 'departement';
  if (name.some((w) => w.startsWith('commune') || w === 'com' || w === 'insee')) return 'commune';
  // Only région codes and few of them: régions; anything else (2A, 971, 13…): départements.
  const distinct = new Set(texts.map((t) => normaliseCode(t, 'region') ?? t));
  return distinct.size > 0 && distinct.size <= 18 && [...distinct].every((c) => REGION_CODES.has(c)) ? 'region' : 'departement';
}

/** The INSEE code column when the author named none: its format first, then its name. */
export function findCodeColumn(columns: readonly ColumnInfo[]): ColumnInfo | undefined {
  const formats = ['code_departement', 'code_region', 'code_commune_insee', 'code_commune'];
  for (const f of formats) {
    const c = columns.find((col) => col.format === f);
    if (c) return c;
  }
  return columns.find((c) => /(^|_)(code|insee|dep|reg)(_|$)/.test(nameKey(c.name)) && !/postal/.test(nameKey(c.name)));
}
