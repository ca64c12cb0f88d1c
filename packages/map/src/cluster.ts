/** When to cluster, badge sizes and counts, densities: the small pure parts of clustering. */
import { formatCompact, formatNumber, type Lang } from '@culture-widgets/core';
import type { Place } from './coords.js';

/** Clustering, read from the `cluster` attribute. */
export type Clustering = 'auto' | 'on' | 'off';

/** Above this many points, `cluster="auto"` clusters. */
export const AUTO_CLUSTER = 1000;

export const shouldCluster = (count: number, setting: Clustering): boolean =>
  setting === 'on' || (setting === 'auto' && count > AUTO_CLUSTER);

/** What the `cluster` attribute accepts (`on` / `off`, `yes` / `no`, `0` read as `true` / `false`). */
export const CLUSTER_SETTINGS = ['auto', 'true', 'false'] as const;
export type ClusterSetting = (typeof CLUSTER_SETTINGS)[number];

/** Reads the `cluster` attribute: `auto` (default), `true`/`on`, `false`/`off`. */
export function parseClusterSetting(value: string | null | undefined): Clustering {
  const v = (value ?? '').trim().toLowerCase();
  if (v === 'false' || v === 'off' || v === 'no' || v === '0') return 'off';
  if (v === 'true' || v === 'on' || v === 'yes' || v === '' && value !== undefined && value !== null) return 'on';
  return 'auto';
}

/** Cluster badge size in pixels, growing with the log of the count. */
export const clusterSize = (count: number): number => Math.round(28 + 8 * Math.log10(Math.max(1, count)));

/** Short count for a badge: `1 234` → `1,2 k`. */
export function shortCount(count: number, lang: Lang): string {
  return count >= 10_000 ? formatCompact(count, lang) : formatNumber(count, lang, { maximumFractionDigits: 1 });
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
