/**
 * What a popup, a tooltip or a list item says about a row, as plain text: a title and
 * name/value lines. The controller turns it into DOM nodes with `textContent`, so data is never
 * read as HTML (Leaflet's `bindPopup(string)` would: CVE-2025-69993).
 */
import type { ColumnInfo, Lang, Row } from '@culture-widgets/core';
import { normaliseName } from './coords.js';

export interface PopupField {
  name: string;
  value: string;
}

export interface PopupModel {
  title: string;
  fields: PopupField[];
}

const NAME_HINTS = /^(nom|name|titre|title|libelle|label|intitule|denomination|appellation|nom_officiel|nom_du_musee|nom_officiel_du_musee|nom_du_festival|nom_du_lieu|nom_du_monument|lieu|etablissement|raison_sociale)/;

/** A column that names each row (for titles), when the author gave no `label`. */
export function detectLabelColumn(columns: ColumnInfo[], exclude: string[] = []): string | undefined {
  const candidates = columns.filter((c) => !exclude.includes(c.name) && (c.type === 'string' || !c.type));
  return (
    candidates.find((c) => NAME_HINTS.test(normaliseName(c.name)) && !/code|id$/.test(normaliseName(c.name)))?.name ??
    candidates.find((c) => !c.categorical && !c.format)?.name
  );
}

/** Text for one cell, in the reader's locale. Empty cells say nothing. */
export function cellText(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 2 }).format(value);
  if (typeof value === 'boolean') return value ? (lang === 'en' ? 'yes' : 'oui') : lang === 'en' ? 'no' : 'non';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).trim();
}

/** A number for a legend: compact when large (`1,6 M`), at most two decimals otherwise. */
export function legendNumber(value: number, lang: Lang): string {
  // en-US, not en-GB: British compact notation writes millions as a lowercase « m », read as metres
  const locale = lang === 'en' ? 'en-US' : 'fr-FR';
  return Math.abs(value) >= 10_000
    ? new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value)
    : new Intl.NumberFormat(locale, { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 }).format(value);
}

/** Splits the `popup` attribute: a comma list of column names (names may be quoted). */
export function parseColumnList(text: string | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  const re = /\s*(?:"([^"]*)"|'([^']*)'|([^,]+))\s*(?:,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m[0] !== '') {
    const name = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (name) out.push(name);
  }
  return out;
}

/**
 * A row's popup: the `label` column as title, then the `popup` columns (default: up to six other
 * non-empty columns, coordinates left out).
 */
export function popupModel(
  row: Row,
  options: { label?: string; popup?: string[]; exclude?: string[]; columns?: string[] },
  lang: Lang,
): PopupModel {
  const title = options.label ? cellText(row[options.label], lang) : '';
  const names = options.popup?.length
    ? options.popup
    : (options.columns ?? Object.keys(row)).filter((n) => n !== options.label && !options.exclude?.includes(n) && !n.startsWith('__')).slice(0, 6);
  const fields = names
    .map((name) => ({ name, value: cellText(row[name], lang) }))
    .filter((f) => f.value !== '');
  return { title, fields };
}

/** One line for a tooltip or a list entry: the title, else the first field. */
export const summary = (model: PopupModel): string =>
  model.title || (model.fields[0] ? `${model.fields[0].name} : ${model.fields[0].value}` : '');
