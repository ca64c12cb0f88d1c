/**
 * Clustering without Leaflet: supercluster indexes the places once (a k-d tree per zoom level),
 * then each view asks for what is visible at its zoom. 50,000 points index in well under a second
 * and a view query costs microseconds, so panning never re-clusters everything (see bench/).
 */
import Supercluster from 'supercluster';
import type { Place } from './coords.js';

export type ClusterSetting = 'auto' | 'on' | 'off';

/** Above this many points, `cluster="auto"` clusters. */
export const AUTO_CLUSTER = 1000;

export const shouldCluster = (count: number, setting: ClusterSetting): boolean =>
  setting === 'on' || (setting === 'auto' && count > AUTO_CLUSTER);

/** Reads the `cluster` attribute: `auto` (default), `true`/`on`, `false`/`off`. */
export function parseClusterSetting(value: string | null | undefined): ClusterSetting {
  const v = (value ?? '').trim().toLowerCase();
  if (v === 'false' || v === 'off' || v === 'no' || v === '0') return 'off';
  if (v === 'true' || v === 'on' || v === 'yes' || v === '' && value !== undefined && value !== null) return 'on';
  return 'auto';
}

export type ViewItem =
  | { kind: 'cluster'; id: number; count: number; lat: number; lon: number }
  | { kind: 'point'; place: Place };

export interface ClusterIndex {
  /** What to draw in `bbox` ([west, south, east, north]) at `zoom`. */
  view(bbox: [number, number, number, number], zoom: number): ViewItem[];
  /** The zoom at which a cluster breaks apart (to zoom on it). */
  expansionZoom(id: number): number;
  /** The places inside a cluster (for its popup or list). */
  leaves(id: number, limit?: number): Place[];
}

type Props = { i: number };

/** Indexes places for clustering; `radius` is in pixels. */
export function clusterIndex(places: Place[], radius = 50, maxZoom = 16): ClusterIndex {
  // extent 256: radius in screen pixels of Leaflet's 256-px tiles (supercluster assumes 512)
  const index = new Supercluster<Props, Record<string, never>>({ radius, maxZoom, minPoints: 2, extent: 256 });
  index.load(
    places.map((p, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })),
  );
  return {
    view(bbox, zoom) {
      return index.getClusters(bbox, Math.round(zoom)).map((f): ViewItem => {
        const [lon, lat] = f.geometry.coordinates;
        const props = f.properties as Partial<Supercluster.ClusterProperties> & Partial<Props>;
        return props.cluster
          ? { kind: 'cluster', id: props.cluster_id!, count: props.point_count!, lat, lon }
          : { kind: 'point', place: places[props.i!] };
      });
    },
    expansionZoom: (id) => index.getClusterExpansionZoom(id),
    leaves: (id, limit = Infinity) => index.getLeaves(id, limit).map((f) => places[f.properties.i]),
  };
}

/** Cluster badge size in pixels, growing with the log of the count. */
export const clusterSize = (count: number): number => Math.round(28 + 8 * Math.log10(Math.max(1, count)));

/** Short count for a badge: `1 234` → `1,2 k`. */
export function shortCount(count: number, lang: 'fr' | 'en'): string {
  const locale = lang === 'en' ? 'en-GB' : 'fr-FR';
  return new Intl.NumberFormat(locale, { notation: count >= 10000 ? 'compact' : 'standard', maximumFractionDigits: 1 }).format(count);
}

export interface GridCell {
  lat: number;
  lon: number;
  count: number;
}

/** Points counted on a grid of `size` degrees (the heat map's density), cells centred on their points. */
export function densityGrid(places: Place[], size: number): GridCell[] {
  const cells = new Map<string, { lat: number; lon: number; count: number }>();
  for (const p of places) {
    const key = `${Math.floor(p.lat / size)}:${Math.floor(p.lon / size)}`;
    const c = cells.get(key);
    if (c) {
      c.lat += p.lat;
      c.lon += p.lon;
      c.count++;
    } else cells.set(key, { lat: p.lat, lon: p.lon, count: 1 });
  }
  return [...cells.values()].map((c) => ({ lat: c.lat / c.count, lon: c.lon / c.count, count: c.count }));
}
