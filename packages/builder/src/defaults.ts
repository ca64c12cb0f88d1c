/**
 * Sensible first settings from the column profile, so the preview shows something meaningful
 * before the user touches anything. The elements have their own `auto` logic; writing the choice
 * down makes it visible (and editable) in the form and stable in the snippet. Pure.
 */
import { isCategory, isMeasure, isNumeric, isTemporal, isYear, type ColumnInfo } from '@culture-widgets/core';
import type { ElementKind } from './schema.js';

/** The table shows this many columns at first; the user adds the others in the form. */
export const TABLE_FIRST_COLUMNS = 8;

const PREFERRED_MEASURE = /^(total|nombre|nb|effectif|montant|valeur|count|value|amount)/i;

function firstMeasure(columns: ColumnInfo[]): ColumnInfo | undefined {
  const measures = columns.filter(isMeasure);
  return measures.find((c) => PREFERRED_MEASURE.test(c.name)) ?? measures[0];
}

/** `y` is a comma list: a name holding a comma cannot be written in it. */
const listable = (c: ColumnInfo) => !c.name.includes(',');

function chartDefaults(columns: ColumnInfo[]): Record<string, string> {
  const time = columns.find(isYear) ?? columns.find(isTemporal);
  const category =
    columns.find((c) => isCategory(c) && c.categorical) ?? columns.find((c) => isCategory(c));
  const x = time ?? category;
  const y = firstMeasure(columns.filter((c) => c !== x && listable(c)));
  const out: Record<string, string> = {};
  if (x) out.x = x.name;
  if (y) out.y = y.name;
  out.aggregate = y ? 'sum' : 'count';
  if (x) out.type = time ? 'line' : 'bar';
  return out;
}

const LAT = /^(lat|latitude|y)$/i;
const LON = /^(lon|lng|long|longitude|x)$/i;
const LATLON = /(g[ée]o.?(loc|point|codage)|coord|lat.?lon|geo_point)/i;
const INSEE_FORMAT = /^code_(commune_insee|departement|region)$/;
const INSEE_NAME = /(insee|code.?(commune|dep|d[ée]partement|r[ée]gion))/i;
const LABEL_NAME = /^(nom|name|titre|title|libell|intitul)/i;

function mapDefaults(columns: ColumnInfo[]): Record<string, string> {
  const out: Record<string, string> = {};
  const label = columns.find((c) => c.type === 'string' && LABEL_NAME.test(c.name));
  const lat = columns.find((c) => c.format === 'latitude_wgs') ?? columns.find((c) => isNumeric(c) && LAT.test(c.name));
  const lon = columns.find((c) => c.format === 'longitude_wgs') ?? columns.find((c) => isNumeric(c) && LON.test(c.name));
  const coords = columns.find((c) => c.format === 'latlon_wgs') ?? columns.find((c) => c.type === 'string' && LATLON.test(c.name));
  if (lat && lon) {
    Object.assign(out, { mode: 'points', lat: lat.name, lon: lon.name });
  } else if (coords) {
    Object.assign(out, { mode: 'points', coords: coords.name });
  } else {
    const code =
      columns.find((c) => INSEE_FORMAT.test(c.format ?? '')) ?? columns.find((c) => INSEE_NAME.test(c.name));
    if (code) {
      out.mode = 'choropleth';
      out.code = code.name;
      const value = firstMeasure(columns);
      if (value) Object.assign(out, { value: value.name, aggregate: 'sum' });
      else out.aggregate = 'count';
      return out;
    }
  }
  if (label && out.mode === 'points') out.label = label.name;
  return out;
}

function tableDefaults(columns: ColumnInfo[]): Record<string, string> {
  if (columns.length <= TABLE_FIRST_COLUMNS) return {};
  const first = columns.slice(0, TABLE_FIRST_COLUMNS);
  // `columns` is a comma list: a name holding a comma cannot be written in it, so show them all.
  if (first.some((c) => c.name.includes(','))) return {};
  return { columns: first.map((c) => c.name).join(',') };
}

/** First attributes for an element over these columns (only attributes worth writing). */
export function defaultsFromProfile(columns: ColumnInfo[], element: ElementKind): Record<string, string> {
  if (element === 'chart') return chartDefaults(columns);
  if (element === 'map') return mapDefaults(columns);
  return tableDefaults(columns);
}
