/**
 * Base maps: `ign` (Plan IGN v2 from the Géoplateforme, the default: French, free, no key),
 * `osm`, `none`, or any `{z}/{x}/{y}` URL template given by the author.
 */
/** A preset, or a tile URL template. */
export type TileSetting = 'ign' | 'osm' | 'none' | (string & {});

export interface TileSpec {
  url: string;
  /** Text and link of the attribution (rendered by us as text, never as HTML). */
  attribution: { text: string; href?: string }[];
  maxZoom: number;
}

export const TILE_PRESETS: Record<'ign' | 'osm', TileSpec> = {
  ign: {
    url:
      'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2' +
      '&STYLE=normal&FORMAT=image/png&TILEMATRIXSET=PM&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
    attribution: [{ text: '© IGN – Plan IGN v2', href: 'https://geoservices.ign.fr/' }],
    maxZoom: 19,
  },
  osm: {
    url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    attribution: [{ text: '© les contributeurs d’OpenStreetMap', href: 'https://www.openstreetmap.org/copyright' }],
    maxZoom: 19,
  },
};

/** The tiles for the `tiles` attribute; `undefined` for `none`, `null` for a value that names no tiles. */
export function tileSpec(value: string | undefined): TileSpec | undefined | null {
  const v = (value ?? 'ign').trim();
  if (v === 'none' || v === 'false') return undefined;
  if (v === 'ign' || v === '') return TILE_PRESETS.ign;
  if (v === 'osm') return TILE_PRESETS.osm;
  // A template: only http(s), and it must name the tile coordinates.
  if (/^https?:\/\//i.test(v) && /\{z\}/.test(v) && /\{x\}/.test(v) && /\{y\}/.test(v)) {
    let host = '';
    try {
      host = new URL(v.replace(/[{}]/g, '')).host;
    } catch {
      return null;
    }
    return { url: v, attribution: [{ text: host }], maxZoom: 19 };
  }
  return null;
}
