/**
 * From the element's attributes and the loaded rows to what the map shows: which mode, which
 * columns, which query. Pure: the element only renders the plan and hands it to the controller.
 */
import {
  AGGREGATE_OPS, cellNumber, checkAggregated, findCodeColumn, formatList, guessLevel, isCoordinate, matchColumn, nameKey, normaliseCode, parseDefinitions, parseList, parseName,
  type Aggregate, type AggregateOp, type ColumnInfo, type FilterClause, type Level, type Query, type Row,
} from '@culture-widgets/core';
import { coordColumns, detectCoordinates, locate, type CoordSpec, type Located } from './coords.js';
import { foldByCode, type Folded } from './choropleth.js';
import { detectLabelColumn } from './popup.js';
import { parseClusterSetting, shouldCluster } from './cluster.js';
import { mapErrors } from './messages.js';

export const MAP_MODES = ['auto', 'points', 'choropleth', 'heatmap'] as const;
export type MapModeSetting = (typeof MAP_MODES)[number];
export type MapMode = MapModeSetting;

/** The attributes that shape the map (strings as the author wrote them). */
export interface MapAttributes {
  mode?: string;
  lat?: string;
  lon?: string;
  coords?: string;
  label?: string;
  popup?: string;
  color?: string;
  size?: string;
  cluster?: string;
  code?: string;
  level?: string;
  value?: string;
  aggregate?: string;
}

/** Points are loaded whole up to this many rows. */
export const MAX_POINTS = 100_000;
/** Name of the aggregated value in a choropleth query. */
export const VALUE = 'value';

export const aggregateOp = (a: MapAttributes): AggregateOp =>
  AGGREGATE_OPS.includes(a.aggregate as AggregateOp) ? (a.aggregate as AggregateOp) : a.value ? 'sum' : 'count';

export const LEVELS: Level[] = ['region', 'departement', 'commune'];
/** `region`, `departement`, `commune` (singular or plural, any case), else undefined. */
export const levelOf = (value: string | undefined): Level | undefined => {
  const v = value ? nameKey(value) : '';
  return LEVELS.find((l) => l === v) ?? (v === 'regions' ? 'region' : v === 'departements' ? 'departement' : v === 'communes' ? 'commune' : undefined);
};

/** Rows made of the profile's most frequent values: enough to sniff "lat, lon" columns before loading. */
const topsAsRows = (columns: ColumnInfo[]): Row[] => {
  const rows: Row[] = [];
  for (const c of columns) (c.tops ?? []).slice(0, 10).forEach((t, i) => ((rows[i] ??= {})[c.name] = t.value));
  return rows;
};

/** The mode once columns are known: the author's, else points when anything looks spatial, else areas by code. */
export function chooseMode(a: MapAttributes, columns: ColumnInfo[]): Exclude<MapMode, 'auto'> {
  const mode = (a.mode ?? 'auto') as MapMode;
  if (mode === 'points' || mode === 'heatmap' || mode === 'choropleth') return mode;
  if (a.code) return 'choropleth';
  if (a.lat || a.lon || a.coords) return 'points';
  if (detectCoordinates(columns, topsAsRows(columns))) return 'points';
  if (columns.some(isCoordinate)) return 'points';
  return findCodeColumn(columns) ? 'choropleth' : 'points';
}

/**
 * `<culture-map>`'s own choice over a profile, as the attributes that write it down (what the
 * builder proposes): the mode, where points are (`lat` + `lon`, or `coords`), their `label`, or
 * the INSEE `code` of a choropleth. A GeoJSON geometry needs no attribute. `sample`: a few rows
 * (else the profile's most frequent values) to read `"lat, lon"` columns from.
 */
export function autoMap(columns: ColumnInfo[], sample: Row[] = []): Record<string, string> {
  return autoMapOf(columns, sample, chooseMode({}, columns)) ?? {};
}

/**
 * The map of `mode` the element would draw with nothing else said, as attributes; undefined when
 * the data has nothing that mode shows: no places for points or a density, no INSEE code for
 * areas. The builder's gallery.
 */
export function autoMapOf(columns: ColumnInfo[], sample: Row[], mode: Exclude<MapMode, 'auto'>): Record<string, string> | undefined {
  if (mode === 'choropleth') {
    const code = findCodeColumn(columns);
    return code ? { mode, code: code.name } : undefined;
  }
  const spec = detectCoordinates(columns, sample.length ? sample : topsAsRows(columns));
  if (!spec) return undefined;
  const label = detectLabelColumn(columns, coordColumns(spec));
  const where: Record<string, string> = spec.kind === 'latlon' ? { lat: spec.lat, lon: spec.lon } : spec.kind === 'pair' ? { coords: spec.column } : {};
  return { mode, ...where, ...(label && mode === 'points' ? { label } : {}) };
}

/**
 * `value` as a column of the resource, or undefined when it is an aggregate expression
 * (`sum(total) / join.PMUN * 1000`, `taux = gratuit / total`): core checks and runs those.
 */
export function valueColumn(value: string | undefined, names: readonly string[]): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    return matchColumn(parseName(value) ?? value, names);
  } catch (error) {
    if (/[()+*/=]|\bjoin\./.test(value) || /\s-\s/.test(value)) return undefined;
    throw error; // a plain name that matches nothing: `unknown-column` with the available ones
  }
}

/** The result column of an expression `value` (`taux = gratuit / total` → `taux`, else its text). */
function expressionColumn(value: string): string {
  return parseDefinitions(value, { separator: ',', named: false })[0]?.name ?? value;
}

/**
 * The author's column names resolved to the resource's (`lat="latitude"` finds `Latitude`: case,
 * accents and spaces forgiven). Throws core's `unknown-column` error, which lists the columns.
 * An expression `value` is kept as written.
 */
export function resolveColumns(a: MapAttributes, columns: ColumnInfo[]): MapAttributes {
  const names = columns.map((c) => c.name);
  const real = (name?: string) => (name ? matchColumn(name, names) : undefined);
  const popup = a.popup ? formatList(parseList(a.popup).map((n) => real(n)!)) : undefined;
  return {
    ...a, lat: real(a.lat), lon: real(a.lon), coords: real(a.coords), label: real(a.label), popup,
    color: real(a.color), size: real(a.size), code: real(a.code), value: valueColumn(a.value, names) ?? a.value,
  };
}

/** The query for the plan: all rows for points, one row per code for areas (the server groups when allowed). */
export function mapQuery(a: MapAttributes, columns: ColumnInfo[], filters: FilterClause[]): Query {
  if (chooseMode(a, columns) !== 'choropleth') return { filters, limit: MAX_POINTS };
  const code = a.code ?? findCodeColumn(columns)?.name;
  if (!code) return { filters, limit: MAX_POINTS };
  const op = aggregateOp(a);
  // a sum of text would colour every area « 0 »: said before anything loads
  checkAggregated('value', columns.find((c) => c.name === a.value), op, columns);
  if (a.value && !valueColumn(a.value, columns.map((c) => c.name))) {
    // an aggregate expression, as written (messages quote it): a bare column in it takes `aggregate` (default sum)
    return { filters, groupBy: [code], measures: a.value, aggregate: op === 'count' ? 'sum' : op, limit: 50_000 };
  }
  const aggregate: Aggregate = op === 'count' || !a.value ? { op: 'count', as: VALUE } : { op, column: a.value, as: VALUE };
  return { filters, groupBy: [code], aggregates: [aggregate], limit: 50_000 };
}

export interface PointsPlan {
  mode: 'points' | 'heatmap';
  spec: CoordSpec;
  located: Located;
  label?: string;
  popup: string[];
  exclude: string[];
  color?: string;
  size?: string;
  /** `size` named a column without numbers: not drawn, said. */
  sizeIgnored?: string;
  cluster: boolean;
}

export interface AreasPlan {
  mode: 'choropleth';
  code: string;
  level: Level;
  folded: Folded;
  op: AggregateOp;
  value?: string;
  /** `value` is an aggregate expression (its legend says its name, not « somme de … »). */
  expression?: boolean;
}

export type Plan = PointsPlan | AreasPlan | { mode: 'none'; reason: 'no-coordinates' | 'no-code' | 'error'; error?: unknown };

/**
 * What the map shows for these rows. `combine` (core's, for aggregate expressions) recomputes a
 * value when several spellings of one code (`1`, `01`) fold together.
 */
export function buildPlan(a: MapAttributes, columns: ColumnInfo[], rows: Row[], combine?: (rows: Row[]) => Row): Plan {
  const mode = chooseMode(a, columns);
  if (mode === 'choropleth') {
    const code = a.code ?? findCodeColumn(columns)?.name;
    if (!code) return { mode: 'none', reason: 'no-code' };
    const info = columns.find((c) => c.name === code);
    const values = rows.map((r) => r[code]);
    // names where codes belong (« Bretagne »): said now, never read as communes whose boundaries load for nothing
    if (!a.level && values.length && !values.some((v) => LEVELS.some((level) => normaliseCode(v, level)))) {
      const examples = [...new Set(values.filter((v) => v !== null && v !== '').map(String))].slice(0, 3);
      return { mode: 'none', reason: 'error', error: mapErrors.error('unknown-column', { column: code, examples }, 'not-codes') };
    }
    const level = levelOf(a.level) ?? guessLevel(info, values);
    const op = aggregateOp(a);
    const expression = !!a.value && !valueColumn(a.value, columns.map((c) => c.name));
    // an expression's result column is its name (`taux = …`), else its text
    const key = expression ? expressionColumn(a.value!) : valueKey(rows, a.value, op);
    const folded = foldByCode(rows, code, key, level, op, expression ? combine : undefined);
    return { mode, code, level, folded, op, value: a.value, ...(expression ? { expression: true } : {}) };
  }
  const spec = detectCoordinates(columns, rows, { lat: a.lat, lon: a.lon, coords: a.coords });
  if (!spec) return { mode: 'none', reason: 'no-coordinates' };
  const located = locate(rows, spec);
  const exclude = coordColumns(spec);
  // circles sized by a column without numbers would all be dots: the size is dropped, and said
  const numbers = !!a.size && located.places.some((place) => cellNumber(place.row[a.size!]) !== undefined);
  const size = numbers ? a.size : undefined;
  return {
    mode,
    spec,
    located,
    label: a.label ?? detectLabelColumn(columns, exclude),
    popup: parseList(a.popup),
    exclude,
    color: a.color || undefined,
    size,
    ...(a.size && !numbers ? { sizeIgnored: a.size } : {}),
    // proportional circles and densities are never clustered
    cluster: mode === 'points' && !size && shouldCluster(located.places.length, parseClusterSetting(a.cluster)),
  };
}

/** Where the aggregate landed: our alias, else the tabular API's `col__op` naming, else `count`. */
function valueKey(rows: Row[], column: string | undefined, op: AggregateOp): string {
  const first = rows[0] ?? {};
  const candidates = [VALUE, column && `${column}__${op}`, 'count', column].filter((k): k is string => !!k);
  return candidates.find((k) => k in first) ?? VALUE;
}
