import type { CultureWarning } from './errors.js';
import type { AGGREGATE_OPS } from './query.js';

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
  /** Direct URL of a file (CSV, JSON, GeoJSON, XLSX / XLS / ODS, XML, Parquet): no catalogue involved. */
  src?: string;
  /** Spreadsheets: the sheet to read, by name or 1-based number (default the first). */
  sheet?: string;
  /** XML: the name of the repeated record element (default: found in the file). */
  record?: string;
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
  /** A column made by `compute` (DESIGN.md § 5), not read from the resource. */
  computed?: true;
  /**
   * In a result: the values of an ordinal computed column (`month`, `decade`, `century`, `bin`)
   * in their natural order (« janvier » before « février », « IXe siècle » before « XIXe siècle »).
   */
  order?: string[];
}

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** The formats core reads; `unknown` is decided from the bytes. */
export type FileFormat = 'csv' | 'json' | 'geojson' | 'xlsx' | 'xls' | 'ods' | 'xml' | 'parquet' | 'unknown';

/** A Parquet file to read by ranges: its URL and, when the catalogue says, its size in bytes. */
export interface ParquetCopy {
  url: string;
  /** Bytes (`analysis:parsing:parquet_size`); without it, a HEAD request asks. */
  size?: number;
}

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
  /**
   * Where the data comes from (`host[:port]` of the catalogue, or of the file for a `src`) when it
   * is not data.gouv.fr: a citation never passes another site's data off as data.gouv.fr's.
   */
  host?: string;
}

/** A resource, once the user's input has been resolved. */
export interface ResolvedSource {
  /** Stable identity, used to share fetches between widgets. */
  key: string;
  datasetId?: string;
  resourceId?: string;
  /** The file itself (its permanent link when known). */
  fileUrl: string;
  /** What the catalogue or the file name says; the bytes have the last word (see `sniffFormat`). */
  format: FileFormat;
  /** data.gouv.fr's Parquet copy of a tabular resource (`analysis:parsing:parquet_url`). */
  parquet?: ParquetCopy;
  /** Spreadsheets: the sheet asked for (name or 1-based number). */
  sheet?: string;
  /** XML: the record element asked for. */
  record?: string;
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

export type AggregateOp = (typeof AGGREGATE_OPS)[number];

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
  /** Free text, case-insensitive, over the text columns returned (all, or those of `columns`). */
  search?: string;
  /** Columns to return, in order; default all. */
  columns?: string[];
  sort?: SortKey[];
  /** With `aggregates`: one row per group. */
  groupBy?: string[];
  aggregates?: Aggregate[];
  limit?: number;
  offset?: number;
  /** Computed columns (`compute="decennie = decade(annee)"`), usable in every field above. */
  compute?: string;
  /**
   * Aggregate expressions, a comma list (`taux = sum(gratuit) / sum(total) * 100, count()`): one
   * result column each, one row per group of `groupBy`. A bare column takes `aggregate`.
   */
  measures?: string;
  /** What a bare column of `measures` takes (the element's `aggregate`); default `sum`. */
  aggregate?: AggregateOp;
  /** Columns from another dataset, read as `join.COLUMN` in `measures` and `columns`. */
  join?: JoinSpec;
  /** Language of computed labels (months, centuries, bins); default `fr`. */
  lang?: Lang;
}

/** `join="pop on code_departement = DEP"`, with the other side resolved to a source. */
export interface JoinSpec {
  /** The other dataset (a `<culture-source>`'s spec, or a dataset reference). */
  source: SourceSpec;
  /** Its own filters and computed columns (a `<culture-source>`'s). */
  filters?: FilterClause[];
  compute?: string;
  /** The key column of this resource (the element's grouping key) and of the other one. */
  left: string;
  right: string;
  /** What the author wrote for the other side (`pop`), for messages. */
  ref?: string;
}

/** Which path ran one step of a shaped query (culture-load's detail). */
export interface ShapeStep {
  /** `groups`: aggregates asked by group; `regroup`: groups combined here; `rows`: rows read; `spellings`: `clean`'s labels; `join`: the other side. */
  step: 'groups' | 'regroup' | 'rows' | 'spellings' | 'join';
  path: DataPath | 'local';
  /** The local engine, for steps run here. */
  engine?: 'eval-free' | 'arquero';
  /** Why rows were needed (`split`, `median`, `distinct`, `row-arithmetic`…). */
  reasons?: string[];
}

/**
 * Which path answered: the tabular API, the tabular API's CSV aggregated locally, data.gouv.fr's
 * Parquet copy of the resource (read by ranges), or the file.
 */
export type DataPath = 'tabular' | 'tabular-local' | 'parquet' | 'file';

export interface QueryResult {
  rows: Row[];
  columns: ColumnInfo[];
  /** Rows (or groups) matching the query before `limit` / `offset`. */
  total: number;
  path: DataPath;
  source: ResolvedSource;
  /** Notes for the reader raised while answering (shown under the widget, `culture-warning`). */
  warnings?: CultureWarning[];
  /** For a query with `compute`, `measures` or `join`: which path ran each step. */
  steps?: ShapeStep[];
  /** Join keys of this resource that found no match on the other side (listed in a note). */
  unmatched?: string[];
  /** The dataset `join` read its columns from: cited under the widget with the element's own. */
  joined?: ResolvedSource;
  /**
   * Combines aggregated rows (the ones folded into « Autres ») with the same expressions; a
   * measure that cannot be combined (median, distinct) comes back empty.
   */
  combine?: (rows: Row[]) => Row;
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
  | 'unsupported-format'
  | 'bad-filter'
  | 'bad-url'
  | 'unknown-column'
  | 'no-source'
  | 'bad-expression'
  | 'unknown-function'
  | 'server'
  | 'aborted';

/** What a `culture-warning` says happened: a value not in the attribute's set, a size clamped. */
export type WarningCode = 'invalid-value' | 'clamped' | 'unmatched';
