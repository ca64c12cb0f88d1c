/**
 * Choropleth data: the rows of a `groupBy code` query folded onto official codes (several raw
 * spellings — `1`, `01` — may name one place), joined to boundary features by code; overseas
 * territories moved into insets next to the metropole.
 */
import { cellNumber, normaliseCode, type AggregateOp, type Level, type Row } from '@culture-widgets/core';
import { isMetropolitan } from './coords.js';

export interface CodeValue {
  code: string;
  value: number;
  /** Source rows (groups) folded into this code. */
  rows: Row[];
}

export interface Folded {
  values: Map<string, CodeValue>;
  /** Groups whose code is not a code at this level. */
  invalid: number;
}

/**
 * One value per official code. When a query already grouped rows, raw spellings of the same
 * code are combined: sums and counts add up, min / max keep theirs; means and medians are
 * averaged weighted by nothing better (the server did not see them as one group).
 */
export function foldByCode(
  rows: Row[], codeColumn: string, valueColumn: string, level: Level, op: AggregateOp = 'sum', combine?: (rows: Row[]) => Row,
): Folded {
  const values = new Map<string, CodeValue>();
  const counts = new Map<string, number>();
  let invalid = 0;
  for (const row of rows) {
    const code = normaliseCode(row[codeColumn], level);
    if (!code) {
      invalid++;
      continue;
    }
    const v = cellNumber(row[valueColumn]);
    const seen = values.get(code);
    if (!seen) {
      values.set(code, { code, value: v ?? NaN, rows: [row] });
      counts.set(code, v === undefined ? 0 : 1);
      continue;
    }
    seen.rows.push(row);
    if (v === undefined) continue;
    const n = counts.get(code) ?? 0;
    counts.set(code, n + 1);
    if (Number.isNaN(seen.value)) seen.value = v;
    else if (op === 'sum' || op === 'count') seen.value += v;
    else if (op === 'min') seen.value = Math.min(seen.value, v);
    else if (op === 'max') seen.value = Math.max(seen.value, v);
    else seen.value = (seen.value * n + v) / (n + 1);
  }
  // an expression (a ratio) is not added up: the same expression over the folded groups
  if (combine) {
    for (const entry of values.values()) {
      if (entry.rows.length > 1) entry.value = cellNumber(combine(entry.rows)[valueColumn]) ?? NaN;
    }
  }
  return { values, invalid };
}

export interface BoundaryFeature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates: unknown } | null;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

const CODE_KEYS = ['code', 'code_insee', 'insee', 'INSEE_REG', 'INSEE_DEP', 'INSEE_COM', 'code_dept', 'code_reg', 'id'];
const NAME_KEYS = ['nom', 'name', 'libelle', 'NOM', 'NOM_M', 'nom_officiel'];

/** The code of a boundary feature, in its official form at `level`. */
export function featureCode(feature: BoundaryFeature, level: Level): string | undefined {
  const p = feature.properties ?? {};
  for (const key of CODE_KEYS) if (p[key] !== undefined) return normaliseCode(p[key], level);
  return undefined;
}

/** The name of a boundary feature, as text. */
export function featureName(feature: BoundaryFeature): string {
  const p = feature.properties ?? {};
  for (const key of NAME_KEYS) if (typeof p[key] === 'string') return p[key] as string;
  return '';
}

// --- overseas insets -------------------------------------------------------------------------

/** Overseas territories by département and région code, with the box they are drawn in. */
const OVERSEAS: { codes: string[]; name: string; bounds: [number, number, number, number] }[] = [
  { codes: ['971', '01'], name: 'Guadeloupe', bounds: [15.8, 16.55, -61.85, -61.15] },
  { codes: ['972', '02'], name: 'Martinique', bounds: [14.35, 14.9, -61.25, -60.8] },
  { codes: ['973', '03'], name: 'Guyane', bounds: [2.1, 5.8, -54.6, -51.5] },
  { codes: ['974', '04'], name: 'La Réunion', bounds: [-21.4, -20.85, 55.2, 55.85] },
  { codes: ['976', '06'], name: 'Mayotte', bounds: [-13.05, -12.6, 45.0, 45.3] },
];

/** Where each inset sits: a column of boxes in the Bay of Biscay, west of Brittany and the Landes. */
export const INSET_BOXES = OVERSEAS.map((o, i) => {
  const top = 48.6 - i * 1.5;
  return { name: o.name, south: top - 1.35, north: top, west: -9.6, east: -7.6 };
});

const overseasIndex = (lat: number, lon: number) =>
  OVERSEAS.findIndex(({ bounds: [s, n, w, e] }) => lat >= s - 0.3 && lat <= n + 0.3 && lon >= w - 0.3 && lon <= e + 0.3);

/** Moves a position inside an overseas territory into its inset; other positions are unchanged. */
export function insetPosition(lat: number, lon: number): [number, number] {
  const i = overseasIndex(lat, lon);
  if (i < 0) return [lat, lon];
  const [s, n, w, e] = OVERSEAS[i].bounds;
  const box = INSET_BOXES[i];
  // Same scale on both axes (in degrees, with longitudes shrunk by cos(latitude)) so shapes keep theirs.
  const kx = Math.cos((((s + n) / 2) * Math.PI) / 180) / Math.cos((46 * Math.PI) / 180);
  const scale = Math.min((box.east - box.west) / ((e - w) * kx), (box.north - box.south) / (n - s)) * 0.9;
  const cy = (box.north + box.south) / 2;
  const cx = (box.east + box.west) / 2;
  return [cy + (lat - (s + n) / 2) * scale, cx + (lon - (w + e) / 2) * kx * scale];
}

/** True when some position lies overseas (the map then shows the insets). */
export const isOverseas = (lat: number, lon: number): boolean => overseasIndex(lat, lon) >= 0;

/** Share of places that must be in France (metropole or an inset) for the map to open on France. */
const FRENCH_SHARE = 0.9;

/**
 * The places a map of French places opens on: those in metropolitan France and the overseas
 * départements (drawn in insets), when nearly all of them are. A few far places (the Pacific, a
 * swapped latitude) then stay on the map, out of the opening view, instead of zooming it out to the
 * whole world. Undefined when the places are not French (the view fits them all).
 */
export function frenchFocus<P extends { lat: number; lon: number }>(places: readonly P[]): P[] | undefined {
  const french = places.filter((p) => isMetropolitan(p.lat, p.lon) || isOverseas(p.lat, p.lon));
  if (!french.length || french.length < places.length * FRENCH_SHARE) return undefined;
  return french;
}

/** A copy of a geometry with every position moved by `insetPosition`. */
export function insetGeometry<G extends { type: string; coordinates: unknown }>(geometry: G): G {
  const move = (c: unknown): unknown => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [lat, lon] = insetPosition(c[1] as number, c[0] as number);
      return [lon, lat];
    }
    return Array.isArray(c) ? c.map(move) : c;
  };
  return { ...geometry, coordinates: move(geometry.coordinates) };
}
