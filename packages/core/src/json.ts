/**
 * JSON files as tables: arrays of records (Opendatasoft exports, `{results: […]}` API pages) and
 * GeoJSON FeatureCollections. A GeoJSON feature's properties become columns and its geometry is
 * kept, as GeoJSON text, in an added `__geometry` column (type `json`, format `geojson`) so a map
 * can draw the features. Coordinates objects (`geo_point_2d: [lat, lon]` or `{lat, lon}`) become
 * `"lat, lon"` text with format `latlon_wgs`, like the same column in a CSV.
 */
import type { Cell } from './types.js';
import { inferColumn, jsonColumn } from './infer.js';
import { type Table, GEOMETRY_COLUMN } from './table.js';
import { CultureError } from './errors.js';

export { GEOMETRY_COLUMN };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function latLon(value: Json): string | undefined {
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')) return `${value[0]}, ${value[1]}`;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const lat = value.lat ?? value.latitude;
    const lon = value.lon ?? value.lng ?? value.longitude;
    if (typeof lat === 'number' && typeof lon === 'number' && Object.keys(value).length === 2) return `${lat}, ${lon}`;
  }
  return undefined;
}

/** Builds typed columns from records: JSON types when consistent, else text inference as for CSV. */
export function tableFromRecords(records: Record<string, Json>[], extra: Record<string, { values: Cell[]; format?: string }> = {}): Table {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) if (!seen.has(key)) { seen.add(key); names.push(key); }
  const table: Table = { columns: [], data: [], length: records.length };
  for (const name of names) {
    const raw = records.map((r) => (r[name] === undefined ? null : r[name]!));
    const present = raw.filter((v) => v !== null);
    let column;
    if (present.length && present.every((v) => typeof v === 'number')) {
      column = jsonColumn(name, raw as Cell[], present.every((v) => Number.isInteger(v)) ? 'integer' : 'number');
    } else if (present.length && present.every((v) => typeof v === 'boolean')) {
      column = jsonColumn(name, raw as Cell[], 'boolean');
    } else if (present.length && present.every((v) => typeof v === 'object')) {
      const pairs = present.map(latLon);
      if (pairs.every((p) => p !== undefined)) {
        column = inferColumn(name, raw.map((v) => (v === null ? null : latLon(v)!)));
      } else {
        column = jsonColumn(name, raw.map((v) => (v === null ? null : JSON.stringify(v))), 'json',
          present.every((v) => !Array.isArray(v) && typeof (v as { type?: unknown }).type === 'string' && 'coordinates' in (v as object)) ? 'geojson' : undefined);
      }
    } else {
      column = inferColumn(name, raw.map((v) => (v === null ? null : typeof v === 'object' ? JSON.stringify(v) : String(v))));
    }
    table.columns.push(column.info);
    table.data.push(column.data);
  }
  for (const [name, { values, format }] of Object.entries(extra)) {
    const column = jsonColumn(name, values, 'json', format);
    table.columns.push(column.info);
    table.data.push(column.data);
  }
  return table;
}

interface Feature { type: 'Feature'; properties?: Record<string, Json> | null; geometry?: Json }

/** Parses JSON text: a GeoJSON FeatureCollection (or Feature), an array of records, or `{results|data|records: […]}`. */
export function parseJSONTable(text: string): Table {
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch (error) {
    throw new CultureError('parse', { cause: String(error) });
  }
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    if (json.type === 'FeatureCollection' || json.type === 'Feature') {
      const features = (json.type === 'Feature' ? [json] : (json.features as Json[] | undefined) ?? []) as unknown as Feature[];
      return tableFromRecords(
        features.map((f) => f.properties ?? {}),
        { [GEOMETRY_COLUMN]: { values: features.map((f) => (f.geometry ? JSON.stringify(f.geometry) : null)), format: 'geojson' } },
      );
    }
    const list = json.results ?? json.data ?? json.records;
    if (Array.isArray(list)) json = list;
  }
  if (!Array.isArray(json)) throw new CultureError('parse', { reason: 'not-a-table' });
  // Opendatasoft's old exports wrap each record as {fields: {…}, geometry}
  const records = json.map((r) => (r && typeof r === 'object' && !Array.isArray(r) && r.fields && typeof r.fields === 'object' ? r.fields : r));
  if (!records.every((r) => r && typeof r === 'object' && !Array.isArray(r))) throw new CultureError('parse', { reason: 'not-records' });
  return tableFromRecords(records as Record<string, Json>[]);
}
