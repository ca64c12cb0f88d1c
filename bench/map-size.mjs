// What a map-only page downloads: dist/culture-map.js and the chunks it imports statically,
// gzipped (goal ≤ 60 KB), then the lazy chunk with Leaflet and supercluster (~44 KB of it is
// Leaflet), and whether Vega or arquero sneaked into the first load (arquero may come lazily,
// when a file is parsed; Vega never).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSize, importGraph } from '../scripts/sizes.mjs';

const ENTRY = `${process.env.BENCH_DIST ?? 'dist'}/culture-map.js`;

const markers = { vega: /vega-lite|expressionInterpreter/, arquero: /fromArrow/ };

export async function run() {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} missing: run npm run build`);
  const { first: files, later: lazy } = importGraph(ENTRY);
  const gzip = gzipSize(files);
  const entryOnly = gzipSize([resolve(ENTRY)]);
  const min = files.reduce((n, f) => n + readFileSync(f).length, 0);
  const found = (name) => files.some((f) => markers[name].test(readFileSync(f, 'utf8')));
  // the lazy chunk holding Leaflet (and what it imports that the first load does not have)
  const leafletChunk = lazy.find((f) => /leaflet-pane|Leaflet/.test(readFileSync(f, 'utf8')));
  const leaflet = leafletChunk ? importGraph(leafletChunk).first.filter((f) => !files.includes(f)) : [];
  const leafletGzip = gzipSize(leaflet);
  console.log(`  first load: ${files.length} files (${files.map((f) => f.split('/').pop()).join(', ')}), lazy chunks: ${lazy.length}`);
  return [
    { name: 'dist/culture-map.js first load (with shared chunks), gzip', value: gzip / 1000, unit: 'KB', goal: '≤ 60 KB' },
    { name: 'dist/culture-map.js alone, gzip', value: entryOnly / 1000, unit: 'KB' },
    { name: 'dist/culture-map.js first load, minified', value: min / 1000, unit: 'KB' },
    { name: 'lazy Leaflet + supercluster chunk(s), gzip', value: leafletGzip / 1000, unit: 'KB', goal: 'loaded on connect, beside the data' },
    { name: 'map page total (first load + Leaflet), gzip', value: (gzip + leafletGzip) / 1000, unit: 'KB' },
    { name: 'Vega in the map first load (1 = yes)', value: found('vega') ? 1 : 0, unit: '', goal: '0' },
    { name: 'arquero in the map first load (1 = yes)', value: found('arquero') ? 1 : 0, unit: '', goal: '0 (lazy, file path only)' },
  ];
}
