/**
 * Clustering without Leaflet: supercluster indexes the places once (a k-d tree per zoom level),
 * then each view asks for what is visible at its zoom. 50,000 points index in well under a second
 * and a view query costs microseconds, so panning never re-clusters everything (see bench/).
 */
import Supercluster from 'supercluster';
import type { Place } from './coords.js';

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
export function clusterIndex(places: Place[], radius = 60, maxZoom = 16): ClusterIndex {
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

