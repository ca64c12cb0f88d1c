/**
 * From what a page author typed (`dataset`, `resource`, `src`) to a ResolvedSource: the resource
 * to read, the path that can read it, and what its citation needs.
 */
import type { Citation, ResolvedSource, SourceSpec } from './types.js';
import type { LoadOptions } from './types.js';
import { CultureError } from './errors.js';
import { DEFAULT_API, DEFAULT_TABULAR_API } from './config.js';
import { getJSON } from './http.js';
import { LICENSES } from './licenses.js';
import { SharedCache } from './share.js';
import { decodeText } from './columns.js';

/** The parts of a udata resource core reads. */
export interface UdataResource {
  id: string;
  title?: string;
  format?: string;
  url: string;
  latest?: string;
  filetype?: string;
  type?: string;
  filesize?: number | null;
  mime?: string;
  last_modified?: string;
  extras?: Record<string, unknown>;
}

/** The parts of a udata dataset core reads. */
export interface UdataDataset {
  id: string;
  slug?: string;
  title: string;
  page?: string;
  license?: string;
  last_modified?: string;
  last_update?: string;
  organization?: { name?: string; page?: string } | null;
  owner?: { first_name?: string; last_name?: string; page?: string } | null;
  resources?: UdataResource[] | { href: string };
}

/** A resource as the builder's picker shows it. */
export interface ResourceSummary {
  id: string;
  title: string;
  format: string;
  /** The tabular API serves it. */
  tabular: boolean;
  url: string;
  filesize?: number;
}

/** A search hit for the builder. */
export interface DatasetSummary {
  id: string;
  slug: string;
  title: string;
  organization?: string;
  page?: string;
  lastModified?: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const trimSlash = (url: string): string => url.replace(/\/+$/, '');

/** What the user's text names: a dataset (id or slug), a resource id, or neither (a file URL). */
export interface ParsedInput {
  dataset?: string;
  resource?: string;
  file?: string;
}

/**
 * Reads any form a user pastes: an id, a slug, a www.data.gouv.fr or culture.data.gouv.fr page
 * (with or without `/fr/`, with `#/resources/{rid}`), `/datasets/r/{rid}`, a tabular-api URL,
 * an `/api/…/datasets/…` URL, or a resource UUID.
 */
export function parseInput(text: string): ParsedInput {
  const input = text.trim();
  if (!/^[a-z]+:\/\//i.test(input)) {
    if (UUID.test(input) && UUID.exec(input)![0].length === input.length) return { resource: input.toLowerCase() };
    return { dataset: input.replace(/^\/+|\/+$/g, '') };
  }
  let url: URL;
  try { url = new URL(input); } catch { return { file: input }; }
  const path = decodeText(url.pathname);
  const fragment = /resources?[/=]([0-9a-f-]{36})/i.exec(url.hash)?.[1] ?? url.searchParams.get('resource_id') ?? undefined;
  const byRid = /\/datasets\/r\/([0-9a-f-]{36})/i.exec(path)?.[1] // permanent link
    ?? /\/resources\/([0-9a-f-]{36})(\/|$)/i.exec(path)?.[1]; // tabular-api, api/2/datasets/resources
  if (byRid) return { resource: byRid.toLowerCase() };
  const slug = /\/(?:datasets|jeux-de-donnees|donnees)\/([^/]+)/i.exec(path)?.[1];
  if (slug) return { dataset: slug, ...(fragment ? { resource: fragment.toLowerCase() } : {}) };
  if (fragment) return { resource: fragment.toLowerCase() };
  return { file: input };
}

const extrasOf = (r: UdataResource): Record<string, unknown> => r.extras ?? {};

/** The tabular API serves it: parsed into a table, no parsing error, and the file answered. */
export function isTabular(resource: UdataResource): boolean {
  const extras = extrasOf(resource);
  const status = Number(extras['check:status'] ?? 200);
  return Boolean(extras['analysis:parsing:parsing_table']) && !extras['analysis:parsing:error'] && !(status >= 400);
}

/** Format from the catalogue, else the file name (the bytes have the last word: detect.ts). */
export function formatOf(format: string | undefined, url: string): ResolvedSource['format'] {
  for (const f of [format ?? '', /\.([a-z]+)(?:[?#].*)?$/i.exec(url)?.[1] ?? '']) {
    const name = f.toLowerCase().trim().replace(/^(txt|tsv)$/, 'csv').replace('xlsm', 'xlsx');
    if (/^(csv|json|geojson|xlsx|xls|ods|xml|parquet)$/.test(name)) return name as ResolvedSource['format'];
  }
  return 'unknown';
}

/** The default resource: the first one the tabular API serves, else the first file core reads. */
export function chooseResource(resources: UdataResource[]): UdataResource | undefined {
  return resources.find(isTabular) ?? resources.find((r) => formatOf(r.format, r.url) !== 'unknown');
}

/** From the `check:cors:*` extras (hydra's preflight on remote files): false = the browser can't read it. */
function corsOf(resource: UdataResource, api: string): boolean | undefined {
  const extras = extrasOf(resource);
  const allow = extras['check:cors:allow-origin'];
  if (typeof allow === 'string') return allow === '*' || allow.length > 0;
  if ('check:cors:status' in extras || 'check:cors:error' in extras) return false;
  try {
    if (new URL(resource.url).origin === new URL(api).origin) return true;
  } catch { /* relative or odd URL: unknown */ }
  return undefined;
}

/** data.gouv.fr itself, or one of its hosts (www, tabular-api, static, object.files…). */
export const isDataGouv = (hostname: string): boolean => hostname === 'data.gouv.fr' || hostname.endsWith('.data.gouv.fr');

/** `{ host }` for a citation, when the data does not come from data.gouv.fr. */
function hostOf(url: string): Pick<Citation, 'host'> {
  try {
    const { host, hostname } = new URL(url, globalThis.location?.href);
    return isDataGouv(hostname) ? {} : { host };
  } catch {
    return {};
  }
}

export function citationOf(dataset: UdataDataset, resource?: UdataResource): Citation {
  const license = dataset.license ?? undefined;
  const known = license ? LICENSES[license] : undefined;
  const owner = dataset.owner ? [dataset.owner.first_name, dataset.owner.last_name].filter(Boolean).join(' ') : undefined;
  return {
    datasetTitle: dataset.title,
    datasetUrl: dataset.page ?? '',
    producer: dataset.organization?.name ?? (owner || undefined),
    producerUrl: dataset.organization?.page ?? dataset.owner?.page,
    license,
    licenseTitle: known?.title,
    licenseUrl: known?.url,
    lastModified: resource?.last_modified ?? dataset.last_update ?? dataset.last_modified,
    resourceTitle: resource?.title,
  };
}

function toSource(api: string, tabularApi: string, dataset: UdataDataset, resource: UdataResource): ResolvedSource {
  const extras = extrasOf(resource);
  const size = resource.filesize ?? Number(extras['analysis:content-length'] ?? NaN);
  // hydra's Parquet copy (API.md § 2.10)
  const parquet = extras['analysis:parsing:parquet_url'];
  return {
    key: `${api}|${resource.id}`,
    datasetId: dataset.id,
    resourceId: resource.id,
    fileUrl: resource.url,
    format: formatOf(resource.format, resource.url),
    parquet: typeof parquet === 'string' ? { url: parquet, size: extras['analysis:parsing:parquet_size'] as number } : undefined,
    tabular: isTabular(resource),
    cors: corsOf(resource, api),
    ...(Number.isFinite(size) && size! > 0 ? { filesize: size! } : {}),
    api,
    tabularApi,
    citation: { ...citationOf(dataset, resource), ...hostOf(api) },
  };
}

const datasets = new SharedCache<UdataDataset>(32);
const sources = new SharedCache<ResolvedSource>(64);

/** `{api}/1/datasets/{id-or-slug}/`, following renamed-slug redirects; shared per page. */
export function fetchDataset(api: string, idOrSlug: string, options: LoadOptions = {}): Promise<UdataDataset> {
  const url = `${api}/1/datasets/${encodeURIComponent(idOrSlug)}/`;
  return datasets.run(url, (signal) => getJSON<UdataDataset>(url, { signal }), options.signal);
}

async function resourcesOf(api: string, dataset: UdataDataset, signal?: AbortSignal): Promise<UdataResource[]> {
  if (Array.isArray(dataset.resources)) return dataset.resources;
  const page = await getJSON<{ data: UdataResource[] }>(`${api}/2/datasets/${dataset.id}/resources/?page_size=100`, { signal });
  return page.data;
}

/**
 * A file address the page may fetch: http(s) (or a page's own `blob:`), relative ones resolved
 * against the page. Anything else (`javascript:`, `data:`, `file:`…) is refused by name, not left
 * to fail as a network or CORS error.
 */
function checkedFileUrl(file: string, attribute: string): string {
  let url: URL;
  try {
    url = new URL(file, globalThis.location?.href);
  } catch {
    throw new CultureError('bad-url', { url: file, attribute });
  }
  if (!['http:', 'https:', 'blob:'].includes(url.protocol)) throw new CultureError('bad-url', { url: file, attribute });
  return file;
}

function fromFile(src: string, api: string, tabularApi: string): ResolvedSource {
  const name = decodeText(new URL(src, globalThis.location?.href).pathname.split('/').pop() || src);
  return {
    key: `src|${src}`,
    fileUrl: src,
    format: formatOf(undefined, src),
    tabular: false,
    api,
    tabularApi,
    citation: { datasetTitle: name, datasetUrl: src, ...hostOf(src) },
  };
}

export const apiOf = (spec: SourceSpec): string => trimSlash(spec.api || DEFAULT_API);
export const tabularApiOf = (spec: SourceSpec): string => trimSlash(spec.tabularApi || DEFAULT_TABULAR_API);

async function resolveUncached(spec: SourceSpec, signal: AbortSignal): Promise<ResolvedSource> {
  const api = apiOf(spec);
  const tabularApi = tabularApiOf(spec);
  const fromDataset = spec.dataset ? parseInput(spec.dataset) : {};
  const fromResource = spec.resource ? parseInput(spec.resource) : {};
  const file = fromResource.file ?? fromDataset.file ?? spec.src;
  const rid = fromResource.resource ?? fromDataset.resource;
  const datasetRef = fromDataset.dataset ?? fromResource.dataset;
  if (!datasetRef && !rid) {
    if (file) return fromFile(checkedFileUrl(file, spec.src === file ? 'src' : 'resource'), api, tabularApi);
    throw new CultureError('not-found', { reason: 'empty-spec' });
  }
  let dataset: UdataDataset;
  if (datasetRef) {
    dataset = await fetchDataset(api, datasetRef, { signal });
  } else {
    const found = await getJSON<{ resource: UdataResource; dataset_id: string }>(`${api}/2/datasets/resources/${rid}/`, { signal });
    dataset = await fetchDataset(api, found.dataset_id, { signal });
    if (!Array.isArray(dataset.resources)) dataset = { ...dataset, resources: [found.resource] };
  }
  const resources = await resourcesOf(api, dataset, signal);
  const resource = rid ? resources.find((r) => r.id.toLowerCase() === rid) : chooseResource(resources);
  if (!resource) throw new CultureError('not-found', { dataset: dataset.id, resource: rid, reason: 'no-resource' });
  return toSource(api, tabularApi, dataset, resource);
}

/**
 * Dataset / resource / src → the resource to read, with its citation. Cached per page. The sheet
 * and the record element change how its file is read: they are part of its key.
 */
export function resolveSource(spec: SourceSpec, options: LoadOptions = {}): Promise<ResolvedSource> {
  const { sheet, record } = spec;
  const key = JSON.stringify([apiOf(spec), tabularApiOf(spec), spec.dataset ?? '', spec.resource ?? '', spec.src ?? '', sheet, record]);
  return sources.run(key, async (signal) => {
    const source = await resolveUncached(spec, signal);
    return sheet || record ? { ...source, key: `${source.key}|${sheet ?? ''}|${record ?? ''}`, sheet, record } : source;
  }, options.signal);
}

/** The resources of a dataset, for the builder's resource picker. */
export async function listResources(spec: SourceSpec, options: LoadOptions = {}): Promise<ResourceSummary[]> {
  const api = apiOf(spec);
  const parsed = spec.dataset ? parseInput(spec.dataset) : {};
  let ref = parsed.dataset;
  if (!ref) {
    const source = await resolveSource(spec, options);
    ref = source.datasetId;
    if (!ref) return [{ id: source.key, title: source.citation.datasetTitle, format: source.format, tabular: false, url: source.fileUrl }];
  }
  const dataset = await fetchDataset(api, ref, options);
  const resources = await resourcesOf(api, dataset, options.signal);
  return resources.map((r) => ({
    id: r.id,
    title: r.title || r.url,
    format: (r.format || formatOf(undefined, r.url)).toLowerCase(),
    tabular: isTabular(r),
    url: r.url,
    ...(r.filesize ? { filesize: r.filesize } : {}),
  }));
}

/** Full-text search of the catalogue (`/api/1/datasets/?q=`), for the builder. */
export async function searchDatasets(api: string | undefined, q: string, options: { signal?: AbortSignal; pageSize?: number } = {}): Promise<DatasetSummary[]> {
  const base = trimSlash(api || DEFAULT_API);
  const url = `${base}/1/datasets/?q=${encodeURIComponent(q)}&page_size=${options.pageSize ?? 20}`;
  const page = await getJSON<{ data: UdataDataset[] }>(url, { signal: options.signal });
  return page.data.map((d) => ({
    id: d.id,
    slug: d.slug ?? d.id,
    title: d.title,
    organization: d.organization?.name ?? undefined,
    page: d.page,
    lastModified: d.last_update ?? d.last_modified,
  }));
}

/**
 * Whether the catalogue at `api` answers, asking the cheapest thing it serves (its list of
 * licences): throws `network` or `timeout` when nothing answers, a typed error for a bad answer.
 */
export async function pingCatalogue(api: string | undefined, options: { signal?: AbortSignal } = {}): Promise<void> {
  await getJSON<unknown>(`${trimSlash(api || DEFAULT_API)}/1/datasets/licenses/`, { signal: options.signal });
}

/** Forget cached resolutions (tests). */
export function clearResolveCache(): void {
  datasets.clear();
  sources.clear();
}
