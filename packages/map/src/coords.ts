/**
 * Where the points are: which columns hold coordinates (detected from the column profile and a
 * sample of values, or named by the author), and each row's position. Rows without a valid
 * position are counted, never dropped silently.
 */
import { cellNumber, geometryOf, isGeometryColumn, isLatitude, isLongitude, isNumeric, isPairColumn, readPair, type ColumnInfo, type Geometry, type Row } from '@culture-widgets/core';

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
const inBox = (lat: number, lon: number, [a, b, c, d]: [number, number, number, number]) => lat >= a && lat <= b && lon >= c && lon <= d;
const inFrance = (lat: number, lon: number) => FRANCE.some((box) => inBox(lat, lon, box));
/** In metropolitan France (Corsica included). */
export const isMetropolitan = (lat: number, lon: number): boolean => inBox(lat, lon, FRANCE[0]!);
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
  values.length > 0 && values.filter((v) => geometryOf(v as object) !== undefined).length >= values.length * 0.8;

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
  const lat = names.find((n) => info(n)?.format?.startsWith('latitude_wgs')) ?? names.find((n) => isLatitude(info(n) ?? { name: n }));
  const lon = names.find((n) => info(n)?.format?.startsWith('longitude_wgs')) ?? names.find((n) => isLongitude(info(n) ?? { name: n }));
  if (lat && lon && lat !== lon) return { kind: 'latlon', lat, lon };

  const pairFormat = names.find((n) => ['latlon_wgs', 'lonlat_wgs'].includes(info(n)?.format ?? ''));
  if (pairFormat) return pairSpec(pairFormat, rows, info(pairFormat)?.format);
  const geometry = names.find((n) => isGeometryColumn(info(n) ?? { name: n }));
  if (geometry && looksLikeGeometry(sample(rows, geometry))) return { kind: 'geometry', column: geometry };
  const named = names.filter((n) => isPairColumn({ name: n }));
  const others = names.filter((n) => !named.includes(n) && !isNumeric(info(n)));
  for (const name of [...named, ...others]) {
    const values = sample(rows, name);
    if (looksLikePairs(values)) return pairSpec(name, rows);
    if (looksLikeGeometry(values)) return { kind: 'geometry', column: name };
  }
  return undefined;
}

/** [lon, lat] of a point, or the centre of the shape's bounding box. */
function centreOf(g: Geometry): [number, number] | undefined {
  if (g.type === 'Point') {
    return readPair(g.coordinates);
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
    lat = cellNumber(row[spec.lat]);
    lon = cellNumber(row[spec.lon]);
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
