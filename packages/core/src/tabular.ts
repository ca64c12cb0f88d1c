/**
 * The tabular API path: `/profile/` → ColumnInfo[], a Query compiled to the API's parameters
 * (API.md §2.4), pages fetched with URLs we build ourselves, the page-size maximum learnt from
 * the server's 400, and server aggregation with a fallback to local aggregation of `/data/csv/`.
 */
import type { Cell, ColumnInfo, ColumnType, ResolvedSource, Row } from './types.js';
import { CultureError } from './errors.js';
import { type ErrorBody, getJSON, readBody, readErrorBody, request, responseError } from './http.js';
import { type NormalizedQuery, type TypedClause, aggregateName } from './query.js';
import { isNumeric } from './columns.js';

// ---------- profile ----------

interface ProfileBody {
  profile: {
    header?: string[];
    columns?: Record<string, { python_type?: string; format?: string }>;
    profile?: Record<string, { tops?: unknown[]; nb_distinct?: number; nb_missing_values?: number; min?: unknown; max?: unknown }>;
    categorical?: string[];
  };
}

const PYTHON_TYPES: Record<string, ColumnType> = {
  int: 'integer', float: 'number', bool: 'boolean', date: 'date', datetime: 'datetime',
  datetime_aware: 'datetime', datetime_naive: 'datetime', json: 'json', string: 'string', binary: 'string',
};

const unquote = (name: string): string => name.replace(/^"+|"+$/g, '');

/** `{value, count}`, the swapped `{count: value, value: count}` of old analyses, or bare strings. */
function readTops(tops: unknown[] | undefined): ColumnInfo['tops'] {
  if (!Array.isArray(tops)) return undefined;
  return tops.map((t) => {
    if (typeof t === 'string' || typeof t === 'number') return { value: String(t), count: NaN };
    const { value, count } = t as { value: unknown; count: unknown };
    return typeof count === 'number' || typeof value !== 'number'
      ? { value: String(value), count: Number(count) }
      : { value: String(count), count: value };
  });
}

/** Turns a `/profile/` body into ColumnInfo[] (header order, `"` stripped, numeric min/max as numbers). */
export function columnsFromProfile(body: ProfileBody): ColumnInfo[] {
  const p = body.profile ?? ({} as ProfileBody['profile']);
  const strip = <T,>(record: Record<string, T> | undefined): Map<string, T> =>
    new Map(Object.entries(record ?? {}).map(([k, v]) => [unquote(k), v]));
  const types = strip(p.columns);
  const stats = strip(p.profile);
  const categorical = new Set((p.categorical ?? []).map(unquote));
  const header = (p.header ?? [...types.keys()]).map(unquote);
  return header.map((name) => {
    const t = types.get(name);
    const type = PYTHON_TYPES[t?.python_type ?? 'string'] ?? 'string';
    const s = stats.get(name);
    const info: ColumnInfo = { name, type };
    if (t?.format) info.format = t.format;
    if (categorical.has(name)) info.categorical = true;
    if (s?.nb_distinct !== undefined) info.distinct = s.nb_distinct;
    if (s?.nb_missing_values !== undefined) info.missing = s.nb_missing_values;
    for (const key of ['min', 'max'] as const) {
      const v = s?.[key];
      if (v === undefined || v === null) continue;
      info[key] = isNumeric(info) ? Number(v) : String(v);
    }
    const tops = readTops(s?.tops);
    if (tops) info.tops = tops;
    return info;
  });
}

export const resourceUrl = (source: ResolvedSource, path: string): string =>
  `${source.tabularApi}/resources/${source.resourceId}/${path}`;

export async function loadProfile(source: ResolvedSource, signal?: AbortSignal): Promise<ColumnInfo[]> {
  return columnsFromProfile(await getJSON<ProfileBody>(resourceUrl(source, 'profile/'), { signal }));
}

// ---------- query compilation ----------

const OPS: Record<TypedClause['op'], string> = {
  '=': 'exact', '!=': 'differs', '>': 'strictly_greater', '>=': 'greater', '<': 'strictly_less', '<=': 'less',
  '~': 'contains', '!~': 'notcontains', in: 'in', 'is empty': 'isnull', 'is not empty': 'isnotnull',
};
const SERVER_AGGREGATES: Record<string, string> = { sum: 'sum', count: 'count', mean: 'avg', min: 'min', max: 'max' };

const enc = encodeURIComponent;
const literal = (v: Cell | undefined): string => (v === null || v === undefined ? '' : String(v));

/*
 * The service percent-decodes the whole query string, then splits it on `&` and `=` (API.md §2.4):
 * no encoding protects a value holding them. Inside `or=(…)` it also splits on `,` `(` `)` and
 * `.`, and reads `"` as quoting; an `in` list splits on `,` and drops values with parentheses.
 * What it would misread never goes into the query string: that clause (or the search) runs
 * locally, after the server's other filters (see `serverFilters`).
 */
const SPLITS_QUERY = /[&=]/;
const SPLITS_LIST = /[&=,()"]/;
const SPLITS_GROUP = /[&=,.()"]/;
/** A parameter longer than this risks the server's URL limit: the clause runs locally. */
const MAX_PARAM_LENGTH = 2000;

/** A column name the service reads back whole once quoted inside `or=(…)`: no `&` `=` `"`, commas only within parentheses. */
function quotableInGroup(name: string): boolean {
  if (SPLITS_QUERY.test(name) || name.includes('"')) return false;
  let depth = 0;
  for (const char of name) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return false;
    else if (char === ',' && depth === 0) return false;
  }
  return depth === 0;
}

/** One clause as a query-string parameter, or undefined when the service would misread it. */
function clauseParam(f: TypedClause): string | undefined {
  if (SPLITS_QUERY.test(f.column)) return undefined;
  const name = `${enc(f.column)}__${OPS[f.op]}`;
  if (f.op === 'is empty' || f.op === 'is not empty') return name; // bare flag
  const values = f.op === 'in' ? (f.typedValues ?? []).map(literal) : [literal(f.typed)];
  if (values.some((v) => (f.op === 'in' ? SPLITS_LIST : SPLITS_QUERY).test(v))) return undefined;
  const param = `${name}=${values.map(enc).join(',')}`;
  return param.length > MAX_PARAM_LENGTH ? undefined : param;
}

/** The search as `or=("col"__contains.needle,…)` over its columns, or undefined when it must run locally. */
function searchParam(q: NormalizedQuery): string | undefined {
  const needle = q.search?.trim() ?? '';
  if (SPLITS_GROUP.test(needle) || !q.searchColumns.every(quotableInGroup)) return undefined;
  // names are quoted, as API.md §2.4 says works for names with spaces, commas, dots or parentheses
  const param = `or=(${q.searchColumns.map((c) => `${enc(`"${c}"`)}__contains.${enc(needle)}`).join(',')})`;
  return param.length > MAX_PARAM_LENGTH ? undefined : param;
}

/**
 * The filter and search parameters (shared by `/data/` and `/data/csv/`). `complete` is false when
 * a clause or the search could not be sent: the caller then finishes the query locally.
 */
export function serverFilters(q: NormalizedQuery): { params: string[]; complete: boolean } {
  const params: string[] = [];
  let complete = true;
  for (const f of q.filters) {
    const param = clauseParam(f);
    if (param === undefined) complete = false;
    else params.push(param);
  }
  if (q.search?.trim() && q.searchColumns.length) {
    const param = searchParam(q);
    if (param === undefined) complete = false;
    else params.push(param);
  }
  return { params, complete };
}

/** Whether the server can run this aggregation (median is not among its operators). */
export const serverCanAggregate = (q: NormalizedQuery): boolean =>
  q.aggregates.every((a) => a.op in SERVER_AGGREGATES && (a.column || q.groupBy.length > 0));

/** The parameters of a `/data/` request, without paging: filters, search, columns, sort, group-by. */
export function toTabularParams(q: NormalizedQuery): string[] {
  const parts = serverFilters(q).params;
  if (q.aggregates.length) {
    for (const g of q.groupBy) parts.push(`${enc(g)}__groupby`);
    for (const a of q.aggregates) parts.push(`${enc(a.column ?? q.groupBy[0]!)}__${SERVER_AGGREGATES[a.op]}`);
    return parts; // sorted locally: the API refuses to sort on an aggregate
  }
  if (q.columns) parts.push(`columns=${q.columns.map(enc).join(',')}`);
  const first = q.sort[0]; // one sort goes to the server (several `order=` are not reliable)
  if (first) parts.push(`${enc(first.column)}__sort=${first.descending ? 'desc' : 'asc'}`);
  return parts;
}

// ---------- requests ----------

interface DataPage {
  data: Record<string, unknown>[];
  meta?: { page?: number; page_size?: number; total?: number };
}

/**
 * Page sizes (API.md §2.5): the service's code caps a page at 50 rows, production at 200. A first
 * load needing at most 50 rows asks exactly that (valid everywhere: no 400, no retry). Beyond, a
 * page of 200 is tried once per API and page: its answer (200 rows, or the 400 naming the
 * maximum) is learnt and shared, and the widgets asking meanwhile wait for it.
 */
const SAFE_PAGE_SIZE = 50;
const LARGE_PAGE_SIZE = 200;
/** Pages of one query past which the browser reads `/data/csv/` (or the file) instead. */
const MAX_PAGES = 10;
/** What each tabular API was seen to accept for a large page. */
const pageSizeMax = new Map<string, number>();
/** The large page in flight that will tell an API's maximum. */
const probes = new Map<string, Promise<unknown>>();

/** A page for more than 50 rows: the API's maximum when known, else 200 (which will tell it). */
const largePageSize = (tabularApi: string): number => pageSizeMax.get(tabularApi) ?? LARGE_PAGE_SIZE;

/** A refusal the caller may work around (aggregation not allowed, CSV too long). */
export class Refused extends Error {
  constructor(readonly status: number, readonly body: ErrorBody) { super(`refused ${status}`); }
}

/** The page size was too big: the caller starts over with `size` (its pages are numbered by size). */
class PageSizeLearnt extends Error {
  constructor(readonly size: number) { super('page size'); }
}

async function requestPage(source: ResolvedSource, params: string[], page: number, pageSize: number, signal?: AbortSignal): Promise<DataPage> {
  const url = `${resourceUrl(source, 'data/')}?${[...params, `page=${page}`, `page_size=${pageSize}`].join('&')}`;
  const response = await request(url, { signal });
  if (response.ok) {
    if (pageSize > SAFE_PAGE_SIZE) pageSizeMax.set(source.tabularApi, Math.max(pageSize, pageSizeMax.get(source.tabularApi) ?? 0));
    return readBody(response, (r) => r.json() as Promise<DataPage>, signal);
  }
  if (response.status === 400 || response.status === 403) {
    const body = await readErrorBody(response);
    const detail = typeof body.detail === 'string' ? body.detail : '';
    const max = /page size exceeds allowed maximum:\s*(\d+)/i.exec(detail);
    if (max && Number(max[1]) < pageSize) {
      pageSizeMax.set(source.tabularApi, Number(max[1]));
      throw new PageSizeLearnt(Number(max[1]));
    }
    const error = await responseError(response, body);
    if (error.code === 'unknown-column') throw error;
    throw new Refused(response.status, body);
  }
  throw await responseError(response);
}

/** One page; a large page waits for the API's first large page to tell its maximum. */
async function fetchPage(source: ResolvedSource, params: string[], page: number, pageSize: number, signal?: AbortSignal): Promise<DataPage> {
  const api = source.tabularApi;
  if (pageSize <= SAFE_PAGE_SIZE || pageSizeMax.has(api)) {
    const max = pageSizeMax.get(api);
    if (max !== undefined && max < pageSize) throw new PageSizeLearnt(max);
    return requestPage(source, params, page, pageSize, signal);
  }
  const probe = probes.get(api);
  if (probe) {
    await probe.catch(() => undefined);
    return fetchPage(source, params, page, pageSize, signal);
  }
  const attempt = requestPage(source, params, page, pageSize, signal);
  probes.set(api, attempt);
  void attempt.catch(() => undefined).finally(() => { if (probes.get(api) === attempt) probes.delete(api); });
  return attempt;
}

/** JSON cells as core cells: objects become JSON text, `__id` is dropped. */
function toRow(record: Record<string, unknown>, rename: Map<string, string>): Row {
  const row: Row = {};
  for (const [k, v] of Object.entries(record)) {
    if (k === '__id') continue;
    row[rename.get(k) ?? k] = v === undefined ? null : typeof v === 'object' && v !== null ? JSON.stringify(v) : (v as Cell);
  }
  return row;
}

/** Runs `read` again with the learnt page size when the server refused the first one. */
async function sized<T>(read: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof PageSizeLearnt)) throw error;
    }
  }
}

/** Every page of a query expected to hold about `expected` rows, fetched until a short page. */
function allPages(source: ResolvedSource, params: string[], expected: number, signal?: AbortSignal): Promise<Record<string, unknown>[]> {
  return sized(async () => {
    // 50 when the profile says it is enough: a full page then only means there is more
    const size = expected <= SAFE_PAGE_SIZE ? SAFE_PAGE_SIZE : largePageSize(source.tabularApi);
    const out: Record<string, unknown>[] = [];
    for (let n = 1; ; n++) {
      const p = await fetchPage(source, params, n, size, signal);
      out.push(...p.data);
      // aggregations have no `meta.total`: a short page is the last
      if (p.data.length < size || (p.meta?.total !== undefined && out.length >= p.meta.total)) return out;
      if (n > 500) throw new CultureError('too-large', { rows: out.length });
    }
  });
}

/** How many groups a group-by may give, from the profile's distinct counts (Infinity when unknown). */
function expectedGroups(q: NormalizedQuery, columns: ColumnInfo[]): number {
  const byName = new Map(columns.map((c) => [c.name, c]));
  return q.groupBy.reduce((n, name) => {
    const c = byName.get(name);
    return c?.distinct === undefined ? Infinity : n * (c.distinct + (c.missing ? 1 : 0));
  }, 1);
}

/** Server-side aggregation: every group, with result columns renamed to the query's names. */
export async function aggregateOnServer(source: ResolvedSource, q: NormalizedQuery, columns: ColumnInfo[], signal?: AbortSignal): Promise<Row[]> {
  const rename = new Map(q.aggregates.map((a) => [`${a.column ?? q.groupBy[0]!}__${SERVER_AGGREGATES[a.op]}`, aggregateName(a)]));
  const records = await allPages(source, toTabularParams(q), expectedGroups(q, columns), signal);
  return records.map((r) => toRow(r, rename));
}

export interface RowsPage {
  rows: Row[];
  total: number;
}

/**
 * Rows `[offset, offset + limit)` (to the end without a limit) with their total, in as few
 * requests as possible: one page aligned on the limit when it can, else the covering pages;
 * undefined past `MAX_PAGES` pages (the caller reads `/data/csv/` or the file).
 */
function rowRange(source: ResolvedSource, params: string[], offset: number, limit: number | undefined, signal?: AbortSignal): Promise<RowsPage | undefined> {
  const none = new Map<string, string>();
  return sized(async () => {
    if (limit !== undefined && limit <= SAFE_PAGE_SIZE && offset % Math.max(limit, 1) === 0) {
      const size = Math.max(limit, 1);
      const p = await fetchPage(source, params, offset / size + 1, size, signal);
      return { rows: p.data.slice(0, limit).map((r) => toRow(r, none)), total: p.meta?.total ?? p.data.length };
    }
    // a small window off the page grid: pages of 50 (maybe two), never a large page to learn
    const size = limit !== undefined && limit <= SAFE_PAGE_SIZE ? SAFE_PAGE_SIZE : largePageSize(source.tabularApi);
    const first = Math.floor(offset / size) + 1;
    const p1 = await fetchPage(source, params, first, size, signal);
    const total = p1.meta?.total ?? p1.data.length;
    const end = Math.min(total, limit === undefined ? total : offset + limit);
    const last = Math.max(first, Math.ceil(end / size));
    if (last - first > MAX_PAGES) return undefined;
    const records = [...p1.data];
    for (let n = first + 1; n <= last; n++) records.push(...(await fetchPage(source, params, n, size, signal)).data);
    const skip = offset - (first - 1) * size;
    return { rows: records.slice(skip, skip + Math.max(0, end - offset)).map((r) => toRow(r, none)), total };
  });
}

/** The query with one more clause. */
const withClause = (q: NormalizedQuery, clause: TypedClause): NormalizedQuery => ({ ...q, filters: [...q.filters, clause] });

/**
 * Rows of a non-aggregated query, `offset` / `limit` honoured; undefined when too many pages.
 * PostgreSQL puts empty values first in a descending order; ours puts them last: the filled rows
 * are read first (`isnotnull`), then the empty ones (`isnull`, in file order), each with its count.
 */
export async function rowsOnServer(source: ResolvedSource, q: NormalizedQuery, signal?: AbortSignal): Promise<RowsPage | undefined> {
  const offset = q.offset ?? 0;
  const key = q.sort[0];
  // every clause on the column but `!=` (NULL-safe) and `is empty` already drops the empty values
  const keepsEmpty = key?.descending && !q.filters.some((f) => f.column === key.column && f.op !== '!=' && f.op !== 'is empty');
  if (!keepsEmpty) return rowRange(source, toTabularParams(q), offset, q.limit, signal);
  const filled = await rowRange(source, toTabularParams(withClause(q, { column: key.column, op: 'is not empty' })), offset, q.limit, signal);
  if (!filled) return undefined;
  const empty = await rowRange(
    source,
    toTabularParams({ ...withClause(q, { column: key.column, op: 'is empty' }), sort: [] }),
    Math.max(0, offset - filled.total),
    q.limit === undefined ? undefined : q.limit - filled.rows.length, // 0: only its count
    signal,
  );
  if (!empty) return undefined;
  return { rows: [...filled.rows, ...empty.rows], total: filled.total + empty.total };
}

/**
 * The streamed `/data/csv/` of the filtered rows (at most 50,000 rows, else `Refused` 403);
 * `columns` keeps only those (fewer bytes for a shaped query).
 */
export async function filteredCSV(source: ResolvedSource, q: NormalizedQuery, signal?: AbortSignal, columns?: string[]): Promise<string> {
  const { params } = serverFilters(q);
  if (columns?.length) params.push(`columns=${columns.map(enc).join(',')}`);
  const url = `${resourceUrl(source, 'data/csv/')}${params.length ? `?${params.join('&')}` : ''}`;
  const response = await request(url, { signal });
  if (response.ok) return readBody(response, (r) => r.text(), signal);
  if (response.status === 403 || response.status === 400) throw new Refused(response.status, await readErrorBody(response));
  throw await responseError(response);
}
