/**
 * What a popup, a tooltip or a list item says about a row, as plain text: a title and
 * name/value lines. The controller turns it into DOM nodes with `textContent`, so data is never
 * read as HTML (Leaflet's `bindPopup(string)` would: CVE-2025-69993).
 */
import { formatCell, formatCompact, formatNumber, nameKey, type ColumnInfo, type Lang, type Row } from '@culture-widgets/core';

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
    candidates.find((c) => NAME_HINTS.test(nameKey(c.name)) && !/code|id$/.test(nameKey(c.name)))?.name ??
    candidates.find((c) => !c.categorical && !c.format)?.name
  );
}

/** A number for a legend: compact when large (`1,6 M`), at most two decimals otherwise. */
export function legendNumber(value: number, lang: Lang): string {
  return Math.abs(value) >= 10_000 ? formatCompact(value, lang) : formatNumber(value, lang, { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 });
}

/**
 * A row's popup: the `label` column as title, then the `popup` columns (default: up to six other
 * non-empty columns, coordinates left out).
 */
export function popupModel(
  row: Row,
  options: { label?: string; popup?: string[]; exclude?: string[]; columns?: readonly ColumnInfo[]; titleOf?: (name: string) => string },
  lang: Lang,
): PopupModel {
  const info = (name: string) => options.columns?.find((c) => c.name === name);
  const text = (name: string) => formatCell(row[name], info(name), lang).trim();
  const title = options.label ? text(options.label) : '';
  const names = options.popup?.length
    ? options.popup
    : (options.columns?.map((c) => c.name) ?? Object.keys(row)).filter((n) => n !== options.label && !options.exclude?.includes(n) && !n.startsWith('__')).slice(0, 6);
  const fields = names.map((name) => ({ name: options.titleOf?.(name) ?? name, value: text(name) })).filter((f) => f.value !== '');
  return { title, fields };
}

/** One line for a tooltip or a list entry: the title, else the first field. */
export const summary = (model: PopupModel): string =>
  model.title || (model.fields[0] ? `${model.fields[0].name} : ${model.fields[0].value}` : '');
