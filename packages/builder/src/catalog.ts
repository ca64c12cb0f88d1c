/**
 * The catalogue as the builder browses it, on top of core: what a pasted link names, the
 * resources a widget can read, and a search with culture producers first.
 */
import {
  listResources,
  parseInput,
  resolveSource,
  searchDatasets,
  type DatasetSummary,
  type ResourceSummary,
} from '@culture-widgets/core';

/** A dataset opened in the builder. */
export interface OpenedDataset {
  /** What the snippet's `dataset` attribute says: the slug or id from the link. */
  ref: string;
  /** A direct file URL instead of a catalogue entry: the snippet says `src`. */
  src?: string;
  title: string;
  organization?: string;
  /** Resources a widget can read, tabular ones first. */
  resources: ResourceSummary[];
  /** The resource the link itself named (`#/resources/{rid}`, `/datasets/r/{rid}`). */
  linkedResource?: string;
}

/** Data files a widget can read (documentation PDFs and archives are left out). */
const READABLE = /^(csv|tsv|json|geojson)$/i;

export function readableResources(resources: ResourceSummary[]): ResourceSummary[] {
  const readable = resources.filter((r) => r.tabular || READABLE.test(r.format));
  return [...readable].sort((a, b) => Number(b.tabular) - Number(a.tabular));
}

const CULTURE = /cultur|patrimoine|mus[ée]e|monuments? nationaux|archives/i;

/** Culture producers first (the Ministry, its operators); the search's own order otherwise. */
export function cultureFirst<T extends { organization?: string }>(found: T[]): T[] {
  const culture = (d: T) => CULTURE.test(d.organization ?? '');
  return [...found.filter(culture), ...found.filter((d) => !culture(d))];
}

export const isCultureProducer = (organization: string | undefined): boolean => CULTURE.test(organization ?? '');

/** Opens whatever the user pasted: a page URL, a slug, an id, a resource link, a file URL. */
export async function openDataset(
  input: string,
  apis: { api: string; tabularApi: string },
  signal?: AbortSignal,
): Promise<OpenedDataset> {
  const parsed = parseInput(input);
  if (parsed.file) {
    const source = await resolveSource({ ...apis, src: parsed.file }, { signal });
    const title = source.citation.datasetTitle;
    return { ref: '', src: parsed.file, title, resources: [{ id: source.key, title, format: source.format, tabular: false, url: parsed.file }] };
  }
  const spec = { ...apis, ...(parsed.dataset ? { dataset: parsed.dataset } : {}), ...(parsed.resource ? { resource: parsed.resource } : {}) };
  if (!spec.dataset && !spec.resource) spec.dataset = input.trim();
  const [resources, source] = await Promise.all([listResources(spec, { signal }), resolveSource(spec, { signal })]);
  const citation = source.citation;
  return {
    ref: spec.dataset ?? source.datasetId ?? input.trim(),
    title: citation.datasetTitle,
    ...(citation.producer ? { organization: citation.producer } : {}),
    resources: readableResources(resources),
    ...(parsed.resource ? { linkedResource: parsed.resource } : {}),
  };
}

/** Catalogue search, culture producers first. */
export async function searchCatalogue(api: string, query: string, signal?: AbortSignal): Promise<DatasetSummary[]> {
  return cultureFirst(await searchDatasets(api, query, { signal }));
}
