/**
 * Boundary files (GeoJSON of régions, départements, communes) are not datasets: core loads them
 * as documents, lazily, once per URL for the whole page.
 */
import { CultureError, loadDocument } from '@culture-widgets/core';
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

/**
 * The boundaries at `url`, through core (timeout, retries, a size cap, the caller's abort), fetched
 * once per page for every map that needs them; anything but a FeatureCollection is `parse`.
 */
export async function loadBoundaries(url: string, signal?: AbortSignal): Promise<FeatureCollection> {
  const fc = await loadDocument<FeatureCollection>(url, { signal });
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new CultureError('parse', { url });
  return fc;
}
