/**
 * Where the points are: which columns hold coordinates (detected from the column profile and a
 * sample of values, or named by the author), and each row's position. Rows without a valid
 * position are counted, never dropped silently.
 */
import type { ColumnInfo, Row } from '@culture-widgets/core';

/** How a row's position is read. */
export type CoordSpec =
  | { kind: 'latlon'; lat: string; lon: string }
  /** One column holding both numbers (`"46.2, 5.5"`, `[46.2, 5.5]`, `{lat, lon}`), in this order. */
  | { kind: 'pair'; column: string; order: 'latlon' | 'lonlat' }
  /** A GeoJSON geometry (object or JSON text); points as they are, other shapes by their centre. */
  | { kind: 'geometry'; column: string };

/** What the author wrote: `lat` + `lon`, or `coords`. */
export interface CoordOptions {
  lat?: string;
  lon?: string;
  coords?: string;
}

export interface Place {
  lat: number;
  lon: number;
  row: Row;
  /** Index of the row in the result, stable across redraws. */
  index: number;
}

export interface Located {
  places: Place[];
  /** Rows whose coordinates are missing or out of range. */
  invalid: number;
}

/** Lower case, no accents, words separated by `_`: `Géocodage xy` → `geocodage_xy`. */
export const normaliseName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

const words = (name: string) => normaliseName(name).split('_');
const PROJECTED = /l93|lambert|2154/;

const isLatName = (name: string) => {
  const w = words(name);
  return !PROJECTED.test(normaliseName(name)) && (w.includes('latitude') || w.includes('lat') || w[0] === 'y' && w.length === 1);
};
const isLonName = (name: string) => {
  const w = words(name);
  return (
    !PROJECTED.test(normaliseName(name)) &&
    (w.includes('longitude') || w.includes('lon') || w.includes('lng') || w.includes('long') || (w[0] === 'x' && w.length === 1))
  );
};
const PAIR_NAMES = /(^|_)(geolocalisation|geocodage|geoloc|coordonnees|coords?|coordinates|geo_point(_2d)?|geopoint|position|localisation|latlon|lonlat|gps|xy|wgs84)(_|$)/;
const GEOMETRY_NAMES = /^(geometry|geom|geo_shape|geojson|the_geom|shape)$/;

/** A number from a cell: numbers as they are, text with a decimal point or a French comma. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return undefined;
  return Number(text);
}

/** The two numbers of a pair cell, in the order written. */
export function readPair(value: unknown): [number, number] | undefined {
  if (Array.isArray(value)) return pairOf(value[0], value[1]);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const lat = o.lat ?? o.latitude;
    const lon = o.lon ?? o.lng ?? o.longitude;
    return lat === undefined ? undefined : pairOf(lat, lon);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/^[[(]|[\])]$/g, '');
  // "46.2, 5.5" / "46.2,5.5" / "46,2 ; 5,5" / "46.2 5.5"
  const m = /^([-+]?\d+(?:[.,]\d+)?)\s*[;,]\s*([-+]?\d+(?:[.,]\d+)?)$/.exec(text) ??
    /^([-+]?\d+(?:\.\d+)?)\s+([-+]?\d+(?:\.\d+)?)$/.exec(text);
  if (!m) {
    if (text.startsWith('{')) return readPair(parseJson(value));
    return undefined;
  }
  // "46,2,5,5" would be ambiguous: the regexp above only takes a comma as decimal mark with `;`.
  return pairOf(m[1], m[2]);
}

const pairOf = (a: unknown, b: unknown): [number, number] | undefined => {
  const x = toNumber(a);
  const y = toNumber(b);
  return x === undefined || y === undefined ? undefined : [x, y];
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Boxes (lat, lon) where French places lie: metropole and Corsica, then the overseas départements. */
const FRANCE: [number, number, number, number][] = [
  [41, 51.6, -5.8, 10], // metropole + Corsica
  [15.7, 16.6, -61.9, -60.9], // Guadeloupe
  [14.3, 14.95, -61.3, -60.75], // Martinique
  [1.9, 6, -54.7, -51.4], // Guyane
  [-21.5, -20.8, 55.1, 55.9], // La Réunion
  [-13.1, -12.5, 44.9, 45.4], // Mayotte
  [46.7, 47.2, -56.5, -56.1], // Saint-Pierre-et-Miquelon
];
const inFrance = (lat: number, lon: number) => FRANCE.some(([a, b, c, d]) => lat >= a && lat <= b && lon >= c && lon <= d);
const valid = (lat: number, lon: number) =>
  Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat === 0 && lon === 0);

/** Which order a sample of pairs is written in: the one that puts more of them in France. */
export function pairOrder(pairs: [number, number][]): 'latlon' | 'lonlat' {
  let latlon = 0;
  let lonlat = 0;
  for (const [a, b] of pairs) {
    if (inFrance(a, b)) latlon++;
    else if (inFrance(b, a)) lonlat++;
    else if (Math.abs(a) > 90 && Math.abs(b) <= 90) lonlat++;
  }
  return lonlat > latlon ? 'lonlat' : 'latlon';
}

const SAMPLE = 200;
const sample = (rows: Row[], column: string): unknown[] => {
  const out: unknown[] = [];
  for (const row of rows) {
    const v = row[column];
    if (v !== null && v !== undefined && v !== '') out.push(v);
    if (out.length >= SAMPLE) break;
  }
  return out;
};

/** True when most sampled values of the column read as a pair of numbers. */
const looksLikePairs = (values: unknown[]) =>
  values.length > 0 && values.filter((v) => readPair(v) !== undefined).length >= values.length * 0.8;

const looksLikeGeometry = (values: unknown[]) =>
  values.length > 0 &&
  values.filter((v) => geometryOf(v) !== undefined).length >= values.length * 0.8;

const pairSpec = (column: string, rows: Row[], hint?: string): CoordSpec => {
  const pairs = sample(rows, column).map(readPair).filter((p): p is [number, number] => !!p);
  const order = pairs.length ? pairOrder(pairs) : hint === 'lonlat_wgs' ? 'lonlat' : 'latlon';
  return { kind: 'pair', column, order };
};

/**
 * Finds how rows are placed: the author's `lat`/`lon`/`coords` first, then latitude/longitude
 * columns (by csv-detective format, then by name), then one "lat, lon" column, then a GeoJSON
 * geometry. `undefined` when nothing looks like coordinates.
 */
export function detectCoordinates(columns: ColumnInfo[], rows: Row[], options: CoordOptions = {}): CoordSpec | undefined {
  const names = columns.length ? columns.map((c) => c.name) : Object.keys(rows[0] ?? {});
  const info = (name: string) => columns.find((c) => c.name === name);
  if (options.lat && options.lon) return { kind: 'latlon', lat: options.lat, lon: options.lon };
  if (options.coords) {
    const values = sample(rows, options.coords);
    return looksLikeGeometry(values) && !looksLikePairs(values)
      ? { kind: 'geometry', column: options.coords }
      : pairSpec(options.coords, rows, info(options.coords)?.format);
  }
  const byFormat = (prefix: string) => names.find((n) => info(n)?.format?.startsWith(prefix));
  const lat = byFormat('latitude_wgs') ?? names.find(isLatName);
  const lon = byFormat('longitude_wgs') ?? names.find(isLonName);
  if (lat && lon && lat !== lon) return { kind: 'latlon', lat, lon };

  const pairFormat = names.find((n) => ['latlon_wgs', 'lonlat_wgs'].includes(info(n)?.format ?? ''));
  if (pairFormat) return pairSpec(pairFormat, rows, info(pairFormat)?.format);
  const geometry = names.find((n) => GEOMETRY_NAMES.test(normaliseName(n)) || info(n)?.format === 'geojson');
  if (geometry && looksLikeGeometry(sample(rows, geometry))) return { kind: 'geometry', column: geometry };
  const named = names.filter((n) => PAIR_NAMES.test(normaliseName(n)));
  const others = names.filter((n) => !named.includes(n) && info(n)?.type !== 'number' && info(n)?.type !== 'integer');
  for (const name of [...named, ...others]) {
    const values = sample(rows, name);
    if (looksLikePairs(values)) return pairSpec(name, rows);
    if (looksLikeGeometry(values)) return { kind: 'geometry', column: name };
  }
  return undefined;
}

interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}

/** A GeoJSON geometry from a cell (object or JSON text). */
export function geometryOf(value: unknown): Geometry | undefined {
  const g = typeof value === 'string' && value.trimStart().startsWith('{') ? parseJson(value) : value;
  if (!g || typeof g !== 'object') return undefined;
  const type = (g as Geometry).type;
  if (typeof type !== 'string') return undefined;
  if (type === 'GeometryCollection') return Array.isArray((g as Geometry).geometries) ? (g as Geometry) : undefined;
  return Array.isArray((g as Geometry).coordinates) ? (g as Geometry) : undefined;
}

/** [lon, lat] of a point, or the centre of the shape's bounding box. */
function centreOf(g: Geometry): [number, number] | undefined {
  if (g.type === 'Point') {
    const [lon, lat] = g.coordinates as unknown[];
    const p = pairOf(lon, lat);
    return p;
  }
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      x0 = Math.min(x0, c[0]);
      x1 = Math.max(x1, c[0]);
      y0 = Math.min(y0, c[1]);
      y1 = Math.max(y1, c[1]);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  if (g.type === 'GeometryCollection') g.geometries?.forEach((sub) => visit(sub.coordinates));
  else visit(g.coordinates);
  return Number.isFinite(x0) ? [(x0 + x1) / 2, (y0 + y1) / 2] : undefined;
}

/** The position of one row, or undefined when it has none (or one out of range). */
export function positionOf(row: Row, spec: CoordSpec): [lat: number, lon: number] | undefined {
  let lat: number | undefined;
  let lon: number | undefined;
  if (spec.kind === 'latlon') {
    lat = toNumber(row[spec.lat]);
    lon = toNumber(row[spec.lon]);
  } else if (spec.kind === 'pair') {
    const p = readPair(row[spec.column]);
    if (p) [lat, lon] = spec.order === 'latlon' ? p : [p[1], p[0]];
  } else {
    const g = geometryOf(row[spec.column]);
    const c = g && centreOf(g);
    if (c) [lon, lat] = c;
  }
  return lat !== undefined && lon !== undefined && valid(lat, lon) ? [lat, lon] : undefined;
}

/** Every row's position; rows without one are counted in `invalid`. */
export function locate(rows: Row[], spec: CoordSpec): Located {
  const places: Place[] = [];
  let invalid = 0;
  rows.forEach((row, index) => {
    const p = positionOf(row, spec);
    if (p) places.push({ lat: p[0], lon: p[1], row, index });
    else invalid++;
  });
  return { places, invalid };
}

/** Columns the coordinates are read from (left out of popups). */
export const coordColumns = (spec: CoordSpec | undefined): string[] =>
  !spec ? [] : spec.kind === 'latlon' ? [spec.lat, spec.lon] : [spec.column];
