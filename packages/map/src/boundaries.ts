/**
 * Boundary files (GeoJSON of régions, départements, communes) are not datasets: a small loader
 * fetches them lazily, once per URL for the whole page.
 */
import { CultureError, SharedCache } from '@culture-widgets/core';
import type { FeatureCollection } from './choropleth.js';
import type { Level } from '@culture-widgets/core';

/**
 * Default: the administrative boundaries Etalab publishes on data.gouv.fr ("Contours
 * administratifs", from the IGN's Admin Express), simplified. `{level}` becomes `regions`,
 * `departements` or `communes`.
 */
export const DEFAULT_BOUNDARIES = 'https://etalab-datasets.geo.data.gouv.fr/contours-administratifs/2024/geojson/{level}-100m.geojson';

const FILE_NAMES: Record<Level, string> = { region: 'regions', departement: 'departements', commune: 'communes' };

/** The URL for a level: the author's (with `{level}` filled in) or the default. */
export function boundariesUrl(template: string | undefined, level: Level): string {
  const url = template?.trim() || DEFAULT_BOUNDARIES;
  // communes at 100 m are tens of MB: the default takes the 1 km simplification for them
  const filled = url.replace('{level}', FILE_NAMES[level]);
  return !template && level === 'commune' ? filled.replace('-100m', '-1000m') : filled;
}

const cache = new SharedCache<FeatureCollection>(8);

/**
 * The boundaries at `url`, fetched once per page (a failed fetch is forgotten, to retry later);
 * the fetch stops when every map waiting for it has given up (`signal`).
 */
export function loadBoundaries(url: string, signal?: AbortSignal): Promise<FeatureCollection> {
  return cache.run(url, (shared) => fetchBoundaries(url, shared), signal);
}

async function fetchBoundaries(url: string, signal: AbortSignal): Promise<FeatureCollection> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new CultureError('network', { url, cause: String(error) });
  }
  if (!response.ok) throw new CultureError(response.status === 404 ? 'not-found' : 'server', { url, status: response.status });
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    if (signal.aborted) throw signal.reason;
    throw new CultureError('parse', { url });
  }
  const fc = body as FeatureCollection;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new CultureError('parse', { url });
  return fc;
}
