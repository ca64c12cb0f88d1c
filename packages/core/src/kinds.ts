/**
 * The column kinds charts, maps and the builder reason with (column rules, part two): codes,
 * measures, categories, coordinates (`Latitude (WGS84)`, one `"lat, lon"` column, `geo_point_2d`,
 * GeoJSON) and reading a coordinate pair or a geometry from a cell.
 */
import type { Cell } from './types.js';
import { cellNumber, isNumeric, isTemporal, isYear, nameKey, type Named } from './columns.js';
import { camelWords } from './labels.js';


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
