/**
 * The little of the udata catalogue the builder browses before any widget exists: a dataset's
 * resources, and a search with the Ministry of Culture's datasets first. Pure fetch wrappers.
 */

export interface ResourceSummary {
  id: string;
  title: string;
  format: string;
  filesize?: number;
  /** The tabular API serves it (server filters, sorting, aggregation). */
  tabular: boolean;
}

export interface DatasetSummary {
  id: string;
  slug: string;
  title: string;
  organization?: string;
  page?: string;
  /** Published by a culture organisation (the Ministry, its operators). */
  culture: boolean;
  resources: ResourceSummary[];
}

/** Data files a widget can read (documentation PDFs and zips are left out). */
const READABLE = /^(csv|tsv|txt|json|geojson|xls|xlsx|ods|parquet)$/i;

/** A dataset id or slug from what the user pasted: a page URL, a slug, an id. */
export function datasetRefFrom(input: string): string {
  const text = input.trim();
  try {
    const url = new URL(text);
    const parts = url.pathname.split('/').filter(Boolean);
    const at = parts.indexOf('datasets');
    if (at >= 0 && parts[at + 1] && parts[at + 1] !== 'r') return decodeURIComponent(parts[at + 1]!);
    return text;
  } catch {
    return text;
  }
}

const CULTURE = /cultur|patrimoine|mus[ée]e/i;

interface UdataDataset {
  id: string;
  slug: string;
  title: string;
  page?: string;
  tags?: string[];
  organization?: { name?: string; slug?: string } | null;
  resources?: { id: string; title?: string; format?: string; filesize?: number | null; type?: string; extras?: Record<string, unknown> }[];
}

function toSummary(d: UdataDataset): DatasetSummary {
  const org = d.organization ?? undefined;
  return {
    id: d.id,
    slug: d.slug,
    title: d.title,
    ...(org?.name ? { organization: org.name } : {}),
    ...(d.page ? { page: d.page } : {}),
    culture: CULTURE.test(`${org?.slug ?? ''} ${org?.name ?? ''}`) || (d.tags ?? []).some((t) => CULTURE.test(t)),
    resources: (d.resources ?? [])
      .filter((r) => r.type !== 'documentation')
      .map((r) => ({
        id: r.id,
        title: r.title || r.id,
        format: (r.format ?? '').toLowerCase(),
        ...(r.filesize ? { filesize: r.filesize } : {}),
        tabular: Boolean(r.extras?.['analysis:parsing:parsing_table']),
      })),
  };
}

async function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { signal: signal ?? null, headers: { accept: 'application/json' } });
  if (!response.ok) throw new CatalogError(response.status);
  return response.json();
}

export class CatalogError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
    this.name = 'CatalogError';
  }
}

const apiBase = (api: string) => api.replace(/\/+$/, '');

/** The dataset and the resources a widget can read (tabular ones first). */
export async function fetchDataset(api: string, ref: string, signal?: AbortSignal): Promise<DatasetSummary> {
  const body = (await getJson(`${apiBase(api)}/1/datasets/${encodeURIComponent(ref)}/`, signal)) as UdataDataset;
  const dataset = toSummary(body);
  const readable = dataset.resources.filter((r) => r.tabular || READABLE.test(r.format));
  const ordered = [...readable].sort((a, b) => Number(b.tabular) - Number(a.tabular));
  return { ...dataset, resources: ordered.length ? ordered : dataset.resources };
}

/** Datasets matching the words, culture producers first (the search's own order otherwise). */
export async function searchDatasets(api: string, query: string, signal?: AbortSignal): Promise<DatasetSummary[]> {
  const params = new URLSearchParams({ q: query, page_size: '20' });
  const body = (await getJson(`${apiBase(api)}/1/datasets/?${params}`, signal)) as { data?: UdataDataset[] };
  const found = (body.data ?? []).map(toSummary);
  return [...found.filter((d) => d.culture), ...found.filter((d) => !d.culture)];
}
