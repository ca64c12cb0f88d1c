import type { CultureWarning } from './errors.js';

/**
 * The shapes every package shares. Elements only ever see these: they never talk to an API,
 * never parse a file, never know which path answered a query.
 */

/** What the page author wrote on an element (or a `<culture-source>`). */
export interface SourceSpec {
  /** data.gouv.fr dataset id, slug or page URL (www.data.gouv.fr, culture.data.gouv.fr…). */
  dataset?: string;
  /** Resource id (UUID) or any URL naming it (`/datasets/r/{rid}`, `#/resources/{rid}`, tabular-api). */
  resource?: string;
  /** Direct URL of a CSV, JSON or GeoJSON file: no catalogue involved. */
  src?: string;
  /** udata API base, default `https://www.data.gouv.fr/api`. */
  api?: string;
  /** Tabular API base, default `https://tabular-api.data.gouv.fr/api`. */
  tabularApi?: string;
}

export type Lang = 'fr' | 'en';

/** Value types of loaded cells. `date` / `datetime` cells are ISO strings (`YYYY-MM-DD`…). */
export type ColumnType = 'number' | 'integer' | 'boolean' | 'date' | 'datetime' | 'string' | 'json';

/** What a column holds, read from the tabular `/profile/` or inferred from the file the same way. */
export interface ColumnInfo {
  name: string;
  type: ColumnType;
  /**
   * csv-detective format when known: `year`, `code_departement`, `code_region`, `code_commune_insee`,
   * `code_postal`, `latitude_wgs`, `longitude_wgs`, `latlon_wgs`, `url`, `percent`, `date_fr`…
   */
  format?: string;
  /** Fewer than ~25 distinct values. */
  categorical?: boolean;
  distinct?: number;
  missing?: number;
  min?: number | string;
  max?: number | string;
  /** Most frequent values (strings, as the profile gives them). */
  tops?: { value: string; count: number }[];
}

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** What a citation under a widget needs (the Licence Ouverte asks for it). */
export interface Citation {
  datasetTitle: string;
  /** Dataset page on the portal; for a bare `src`, the file URL. */
  datasetUrl: string;
  producer?: string;
  producerUrl?: string;
  /** Licence id as udata gives it (`lov2`, `fr-lo`, `odc-odbl`…). */
  license?: string;
  /** Human label (`Licence Ouverte / Open Licence version 2.0`). */
  licenseTitle?: string;
  licenseUrl?: string;
  /** ISO date of the last update of the data. */
  lastModified?: string;
  resourceTitle?: string;
}

/** A resource, once the user's input has been resolved. */
export interface ResolvedSource {
  /** Stable identity, used to share fetches between widgets. */
  key: string;
  datasetId?: string;
  resourceId?: string;
  /** The file itself (its permanent link when known). */
  fileUrl: string;
  format: 'csv' | 'json' | 'geojson' | 'unknown';
  /** The tabular API serves this resource (server filters, sort, paging, maybe aggregation). */
  tabular: boolean;
  /** From the portal's `check:cors:*` extras when known: false means the browser cannot fetch the file. */
  cors?: boolean;
  /** File size in bytes when the catalogue knows it. */
  filesize?: number;
  api: string;
  tabularApi: string;
  citation: Citation;
}

export type FilterOp = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~' | 'in' | 'is empty' | 'is not empty';

/** One clause of the filter grammar (DESIGN.md §2): `COLUMN OP VALUE`. */
export interface FilterClause {
  column: string;
  op: FilterOp;
  /** For every operator but `in`, `is empty`, `is not empty`. */
  value?: string;
  /** For `in`. */
  values?: string[];
}

export type AggregateOp = 'sum' | 'count' | 'mean' | 'median' | 'min' | 'max';

export interface Aggregate {
  op: AggregateOp;
  /** The column aggregated; absent for a row `count`. */
  column?: string;
  /** Name of the result column; default `${column}__${op}` (as the tabular API names it), or `count`. */
  as?: string;
}

export interface SortKey {
  column: string;
  descending?: boolean;
}

/** One query model for every element and every path (tabular, arquero, eval-free). */
export interface Query {
  filters?: FilterClause[];
  /** Free text, case-insensitive, over the text columns. */
  search?: string;
  /** Columns to return, in order; default all. */
  columns?: string[];
  sort?: SortKey[];
  /** With `aggregates`: one row per group. */
  groupBy?: string[];
  aggregates?: Aggregate[];
  limit?: number;
  offset?: number;
}

/** Which path answered: the tabular API, the tabular API's CSV aggregated locally, or the file. */
export type DataPath = 'tabular' | 'tabular-local' | 'file';

export interface QueryResult {
  rows: Row[];
  columns: ColumnInfo[];
  /** Rows (or groups) matching the query before `limit` / `offset`. */
  total: number;
  path: DataPath;
  source: ResolvedSource;
  /** Notes for the reader raised while answering (shown under the widget, `culture-warning`). */
  warnings?: CultureWarning[];
}

export interface Progress {
  loaded: number;
  /** Bytes expected, when the server says. */
  total?: number;
}

export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export type ErrorCode =
  | 'not-found'
  | 'gone'
  | 'network'
  | 'timeout'
  | 'cors'
  | 'rate-limited'
  | 'too-large'
  | 'parse'
  | 'bad-filter'
  | 'unknown-column'
  | 'no-source'
  | 'server'
  | 'aborted';

/** What a `culture-warning` says happened: a value not in the attribute's set, a size clamped. */
export type WarningCode = 'invalid-value' | 'clamped';
