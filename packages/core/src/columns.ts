/**
 * Column rules, written once for every package: what a column holds (number, year, date,
 * measure, category, code, coordinates), how a name the author typed finds a column, the list
 * grammar of attributes (`columns`, `y`, `popup`…), how a cell reads as a number. INSEE codes
 * and their level: insee.ts; a cell as text for the reader: `formatCell` (format.ts).
 */
import type { Cell, ColumnInfo } from './types.js';
import { CultureError } from './errors.js';
import { readNumber } from './values.js';

// --- names -----------------------------------------------------------------------------------

/** How names and labels are compared: no accents, lower case, spaces trimmed and collapsed. */
export const foldText = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().replace(/\s+/g, ' ').toLowerCase();

/** The words of a name, folded and joined by `_`: `Géocodage xy` → `geocodage_xy`. */
export const nameKey = (name: string): string => foldText(name).replace(/[^a-z0-9°]+/g, '_').replace(/^_|_$/g, '');
/** `codeInseeCommune` → `code Insee Commune`, `IDPatrimostat` → `ID Patrimostat`. */
const camelWords = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');

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
  const s = text ?? '';
  let i = 0;
  while (i < s.length) {
    while (/\s/.test(s[i] ?? '')) i++;
    let item = '';
    if ((s[i] === '-' || s[i] === '+') && QUOTES.includes(s[i + 1] ?? '-')) item = s[i++]!;
    if (QUOTES.includes(s[i] ?? '-')) {
      const quote = s[i++];
      for (; i < s.length; i++) {
        if (s[i] !== quote) item += s[i];
        else if (s[i + 1] === quote) item += s[i++];
        else break;
      }
      i++;
      while (i < s.length && s[i] !== ',') i++;
    } else {
      const end = s.indexOf(',', i);
      item = s.slice(i, end < 0 ? s.length : end).trim();
      i = end < 0 ? s.length : end;
    }
    if (item) items.push(item);
    i++; // the comma
  }
  return items;
}

/** One column name (`x`, `code`…): quoted like a list item, or bare (then it may hold commas). */
export function parseName(text: string | null | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  return QUOTES.includes(trimmed[0]!) && trimmed.endsWith(trimmed[0]!) ? parseList(trimmed)[0] : trimmed;
}

/** Names back into the list grammar, quoting those that need it. */
export const formatList = (names: readonly string[]): string =>
  names.map((n) => (/[,"']/.test(n) || n !== n.trim() ? `"${n.replace(/"/g, '""')}"` : n)).join(', ');

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

type Named = Pick<ColumnInfo, 'name'> & Partial<ColumnInfo>;

export const isNumeric = (c: Named | undefined): boolean => c?.type === 'number' || c?.type === 'integer';

const YEAR_NAME = /annee|year|^an$|millesime|exercice/;
const inYears = (v: unknown): boolean => v === undefined || (Number(v) >= 1000 && Number(v) <= 2100);
/** A year: csv-detective's `year`, or whole numbers named like one within 1000–2100. Never thousands-separated. */
export const isYear = (c: Named | undefined): boolean =>
  !!c && (c.format === 'year' || (c.type === 'integer' && YEAR_NAME.test(foldText(c.name)) && inYears(c.min) && inYears(c.max)));

export const isTemporal = (c: Named | undefined): boolean =>
  c?.type === 'date' || c?.type === 'datetime' || /^date/.test(c?.format ?? '');

const CODE_FORMAT = /^(code_|siren|siret|insee)|_insee/;
const CODE_WORDS = /(^|_)(code|insee|cog|postal|cp|siren|siret|id|identifiant|ref|reference|numero|n°|tel|telephone|uai|finess)(_|$)/;
/** An identifier, even when it looks numeric (codes lose their leading zeros as numbers). */
export const isCode = (c: Named): boolean => CODE_FORMAT.test(c.format ?? '') || CODE_WORDS.test(nameKey(camelWords(c.name)));

const PROJECTED = /l93|lambert|2154/;
const axisName = (name: string, words: RegExp): boolean => {
  const key = nameKey(name);
  return !PROJECTED.test(key) && words.test(key);
};
/** `Latitude (WGS84)`, `lat`, `y`, `coord_y`; csv-detective's `latitude_wgs`. */
export const isLatitude = (c: Named): boolean =>
  /^latitude/.test(c.format ?? '') || axisName(c.name, /(^|_)(lat|latitude)(_|$)|^y(_?wgs84)?$|^coord_?y(_|$)/);
export const isLongitude = (c: Named): boolean =>
  /^longitude/.test(c.format ?? '') || axisName(c.name, /(^|_)(lon|lng|long|longitude)(_|$)|^x(_?wgs84)?$|^coord_?x(_|$)/);

const PAIR_NAME = /(^|_)(geolocalisation|geocodage|geoloc|coordonnees|coords?|coordinates|geo_point(_2d)?|geopoint|position|localisation|latlon|lonlat|gps|xy|wgs84)(_|$)/;
const GEOMETRY_NAME = /^(geometry|geom|geo_shape|geojson|the_geom|shape|__geometry)$/;
/** Names of one column holding both coordinates (`geolocalisation`, `geo_point_2d`, `Géocodage xy`). */
export const isPairColumn = (c: Named): boolean => /^(latlon|lonlat)/.test(c.format ?? '') || PAIR_NAME.test(nameKey(c.name));
/** Names of a GeoJSON geometry column. */
export const isGeometryColumn = (c: Named): boolean => c.format === 'geojson' || GEOMETRY_NAME.test(c.name.toLowerCase());
/** Anything that places rows on a map. */
export const isCoordinate = (c: Named): boolean => isLatitude(c) || isLongitude(c) || isPairColumn(c) || isGeometryColumn(c);

/** A number worth adding up: not a year, a date, a code or a coordinate. */
export const isMeasure = (c: Named): boolean => isNumeric(c) && !isYear(c) && !isTemporal(c) && !isCode(c) && !isCoordinate(c);

/** Text (or yes / no) read as categories: not links, not coordinates. */
export const isCategory = (c: Named): boolean =>
  (c.type === 'string' || c.type === 'boolean') && !/^(url|latlon|lonlat|geojson)/.test(c.format ?? '');

// --- coordinates in a cell -------------------------------------------------------------------

/** The two numbers of a pair cell (`"46.2, 5.5"`, `"46,2 ; 5,5"`, `[46.2, 5.5]`, `{lat, lon}`), in the order written. */
export function readPair(value: unknown): [number, number] | undefined {
  if (Array.isArray(value)) return pairOf(value[0], value[1]);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const lat = o.lat ?? o.latitude;
    return lat === undefined ? undefined : pairOf(lat, o.lon ?? o.lng ?? o.longitude);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/^[[(]|[\])]$/g, '');
  // "46.2, 5.5" / "46.2,5.5" / "46,2 ; 5,5" / "46.2 5.5" ("46,2,5,5" would be ambiguous: a decimal comma needs `;`)
  const m = /^([-+]?\d+(?:[.,]\d+)?)\s*[;,]\s*([-+]?\d+(?:[.,]\d+)?)$/.exec(text) ?? /^([-+]?\d+(?:\.\d+)?)\s+([-+]?\d+(?:\.\d+)?)$/.exec(text);
  if (m) return pairOf(m[1], m[2]);
  return text.startsWith('{') ? readPair(parseJson(value)) : undefined;
}

const pairOf = (a: unknown, b: unknown): [number, number] | undefined => {
  const x = typeof a === 'boolean' ? undefined : cellNumber(a);
  const y = typeof b === 'boolean' ? undefined : cellNumber(b);
  return x === undefined || y === undefined ? undefined : [x, y];
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}

/** A GeoJSON geometry from a cell (object or JSON text). */
export function geometryOf(value: Cell | object | undefined): Geometry | undefined {
  const g = typeof value === 'string' && value.trimStart().startsWith('{') ? parseJson(value) : value;
  if (!g || typeof g !== 'object') return undefined;
  const { type, coordinates, geometries } = g as Geometry;
  if (typeof type !== 'string') return undefined;
  return Array.isArray(type === 'GeometryCollection' ? geometries : coordinates) ? (g as Geometry) : undefined;
}
