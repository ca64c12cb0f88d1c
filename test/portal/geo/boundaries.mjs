// Generated administrative boundaries for the sample portal: NOT the real IGN / INSEE shapes.
//
// Each département is the set of points whose nearest "seed" is one of its seeds (a Voronoi
// cell): its chef-lieu, plus a few anchor points where the chef-lieu alone sits too far off
// centre. Cells are clipped to a coarse outline of France written below by hand, so the result
// reads as a plausible map of France at a glance. Régions are the union of their départements'
// cells (shared edges cancelled out), so choropleths at both levels line up exactly.
// Coordinates are public facts typed from memory, rounded; codes and names follow the INSEE COG.

/** code, name, région code, chef-lieu [lat, lon], extra anchor points [[lat, lon]…] */
const DEPARTEMENTS = [
  ['01', 'Ain', '84', [46.205, 5.226], [[46.0, 5.6]]],
  ['02', 'Aisne', '32', [49.564, 3.62]],
  ['03', 'Allier', '84', [46.566, 3.333]],
  ['04', 'Alpes-de-Haute-Provence', '93', [44.092, 6.236]],
  ['05', 'Hautes-Alpes', '93', [44.559, 6.079], [[44.75, 6.55]]],
  ['06', 'Alpes-Maritimes', '93', [43.703, 7.266], [[44.0, 7.0]]],
  ['07', 'Ardèche', '84', [44.735, 4.599], [[44.75, 4.3]]],
  ['08', 'Ardennes', '44', [49.762, 4.726]],
  ['09', 'Ariège', '76', [42.965, 1.607]],
  ['10', 'Aube', '44', [48.297, 4.074]],
  ['11', 'Aude', '76', [43.213, 2.349], [[43.05, 2.6]]],
  ['12', 'Aveyron', '76', [44.351, 2.575], [[44.2, 2.85]]],
  ['13', 'Bouches-du-Rhône', '93', [43.296, 5.37], [[43.55, 4.8]]],
  ['14', 'Calvados', '28', [49.183, -0.371]],
  ['15', 'Cantal', '84', [44.926, 2.44], [[45.1, 2.75]]],
  ['16', 'Charente', '75', [45.648, 0.156]],
  ['17', 'Charente-Maritime', '75', [46.16, -1.151], [[45.75, -0.75]]],
  ['18', 'Cher', '24', [47.081, 2.399]],
  ['19', 'Corrèze', '75', [45.267, 1.77], [[45.4, 2.1]]],
  ['2A', 'Corse-du-Sud', '94', [41.919, 8.738], [[41.7, 9.1]]],
  ['2B', 'Haute-Corse', '94', [42.697, 9.45], [[42.4, 9.0]]],
  ['21', "Côte-d'Or", '27', [47.322, 5.041], [[47.45, 4.6]]],
  ['22', "Côtes-d'Armor", '53', [48.514, -2.765], [[48.5, -3.3]]],
  ['23', 'Creuse', '75', [46.171, 1.871], [[46.05, 2.1]]],
  ['24', 'Dordogne', '75', [45.184, 0.721]],
  ['25', 'Doubs', '27', [47.238, 6.024], [[47.05, 6.4]]],
  ['26', 'Drôme', '84', [44.933, 4.892], [[44.55, 5.15]]],
  ['27', 'Eure', '28', [49.024, 1.151]],
  ['28', 'Eure-et-Loir', '24', [48.446, 1.489]],
  ['29', 'Finistère', '53', [47.996, -4.102], [[48.4, -4.2]]],
  ['30', 'Gard', '76', [43.837, 4.36], [[44.1, 4.1]]],
  ['31', 'Haute-Garonne', '76', [43.605, 1.444], [[43.1, 0.8]]],
  ['32', 'Gers', '76', [43.646, 0.586]],
  ['33', 'Gironde', '75', [44.838, -0.579], [[44.7, -1.0], [45.2, -0.85]]],
  ['34', 'Hérault', '76', [43.611, 3.877], [[43.5, 3.3]]],
  ['35', 'Ille-et-Vilaine', '53', [48.117, -1.678]],
  ['36', 'Indre', '24', [46.811, 1.686]],
  ['37', 'Indre-et-Loire', '24', [47.394, 0.685]],
  ['38', 'Isère', '84', [45.188, 5.724], [[45.5, 5.3]]],
  ['39', 'Jura', '27', [46.675, 5.555], [[46.9, 5.75]]],
  ['40', 'Landes', '75', [43.89, -0.5], [[44.1, -1.0]]],
  ['41', 'Loir-et-Cher', '24', [47.586, 1.335]],
  ['42', 'Loire', '84', [45.44, 4.387], [[45.8, 4.1]]],
  ['43', 'Haute-Loire', '84', [45.043, 3.885]],
  ['44', 'Loire-Atlantique', '52', [47.218, -1.554], [[47.4, -1.9]]],
  ['45', 'Loiret', '24', [47.903, 1.909], [[47.9, 2.4]]],
  ['46', 'Lot', '76', [44.448, 1.441], [[44.65, 1.7]]],
  ['47', 'Lot-et-Garonne', '75', [44.203, 0.616], [[44.35, 0.4]]],
  ['48', 'Lozère', '76', [44.518, 3.5]],
  ['49', 'Maine-et-Loire', '52', [47.478, -0.563]],
  ['50', 'Manche', '28', [49.116, -1.091], [[49.5, -1.45], [48.7, -1.3]]],
  ['51', 'Marne', '44', [48.957, 4.363]],
  ['52', 'Haute-Marne', '44', [48.111, 5.139]],
  ['53', 'Mayenne', '52', [48.073, -0.77]],
  ['54', 'Meurthe-et-Moselle', '44', [48.692, 6.184], [[49.2, 5.85]]],
  ['55', 'Meuse', '44', [48.773, 5.16], [[49.1, 5.35]]],
  ['56', 'Morbihan', '53', [47.658, -2.76], [[47.85, -3.1]]],
  ['57', 'Moselle', '44', [49.12, 6.176], [[48.95, 6.8]]],
  ['58', 'Nièvre', '27', [46.99, 3.159], [[47.15, 3.6]]],
  ['59', 'Nord', '32', [50.629, 3.057], [[50.2, 3.7]]],
  ['60', 'Oise', '32', [49.43, 2.081], [[49.4, 2.6]]],
  ['61', 'Orne', '28', [48.432, 0.091], [[48.65, -0.3]]],
  ['62', 'Pas-de-Calais', '32', [50.291, 2.778], [[50.55, 2.0]]],
  ['63', 'Puy-de-Dôme', '84', [45.778, 3.087]],
  ['64', 'Pyrénées-Atlantiques', '75', [43.295, -0.371], [[43.25, -1.05]]],
  ['65', 'Hautes-Pyrénées', '76', [43.233, 0.078], [[42.9, 0.15]]],
  ['66', 'Pyrénées-Orientales', '76', [42.699, 2.895], [[42.55, 2.35]]],
  ['67', 'Bas-Rhin', '44', [48.573, 7.752], [[48.75, 7.5]]],
  ['68', 'Haut-Rhin', '44', [48.079, 7.358], [[47.75, 7.3]]],
  ['69', 'Rhône', '84', [45.764, 4.836], [[45.95, 4.6]]],
  ['70', 'Haute-Saône', '27', [47.622, 6.155]],
  ['71', 'Saône-et-Loire', '27', [46.307, 4.829], [[46.65, 4.4]]],
  ['72', 'Sarthe', '52', [48.006, 0.199]],
  ['73', 'Savoie', '84', [45.564, 5.918], [[45.45, 6.5]]],
  ['74', 'Haute-Savoie', '84', [45.899, 6.129], [[46.05, 6.5]]],
  ['75', 'Paris', '11', [48.857, 2.352]],
  ['76', 'Seine-Maritime', '28', [49.443, 1.099], [[49.7, 0.7]]],
  ['77', 'Seine-et-Marne', '11', [48.54, 2.66], [[48.75, 3.05], [48.4, 2.95]]],
  ['78', 'Yvelines', '11', [48.805, 2.12], [[48.8, 1.8]]],
  ['79', 'Deux-Sèvres', '75', [46.323, -0.465], [[46.65, -0.3]]],
  ['80', 'Somme', '32', [49.894, 2.296], [[50.0, 1.8]]],
  ['81', 'Tarn', '76', [43.929, 2.148], [[43.7, 2.3]]],
  ['82', 'Tarn-et-Garonne', '76', [44.018, 1.355]],
  ['83', 'Var', '93', [43.124, 5.928], [[43.45, 6.3]]],
  ['84', 'Vaucluse', '93', [43.949, 4.806], [[44.0, 5.2]]],
  ['85', 'Vendée', '52', [46.67, -1.426]],
  ['86', 'Vienne', '75', [46.58, 0.34]],
  ['87', 'Haute-Vienne', '75', [45.834, 1.261]],
  ['88', 'Vosges', '44', [48.173, 6.449], [[48.2, 6.0]]],
  ['89', 'Yonne', '27', [47.798, 3.567]],
  ['90', 'Territoire de Belfort', '27', [47.64, 6.863]],
  ['91', 'Essonne', '11', [48.629, 2.441], [[48.5, 2.25]]],
  ['92', 'Hauts-de-Seine', '11', [48.892, 2.207]],
  ['93', 'Seine-Saint-Denis', '11', [48.909, 2.439]],
  ['94', 'Val-de-Marne', '11', [48.79, 2.455]],
  ['95', "Val-d'Oise", '11', [49.036, 2.076], [[49.1, 2.35]]],
  ['971', 'Guadeloupe', '01', [15.998, -61.726]],
  ['972', 'Martinique', '02', [14.616, -61.059]],
  ['973', 'Guyane', '03', [4.937, -52.326]],
  ['974', 'La Réunion', '04', [-20.882, 55.45]],
  ['976', 'Mayotte', '06', [-12.78, 45.228]],
];

const REGIONS = [
  ['01', 'Guadeloupe'], ['02', 'Martinique'], ['03', 'Guyane'], ['04', 'La Réunion'], ['06', 'Mayotte'],
  ['11', 'Île-de-France'], ['24', 'Centre-Val de Loire'], ['27', 'Bourgogne-Franche-Comté'],
  ['28', 'Normandie'], ['32', 'Hauts-de-France'], ['44', 'Grand Est'], ['52', 'Pays de la Loire'],
  ['53', 'Bretagne'], ['75', 'Nouvelle-Aquitaine'], ['76', 'Occitanie'], ['84', 'Auvergne-Rhône-Alpes'],
  ['93', "Provence-Alpes-Côte d'Azur"], ['94', 'Corse'],
];

/** Coarse coastlines and borders, [lon, lat], one closed ring per land mass (first point not repeated). */
const LANDS = {
  mainland: [
    [2.55, 51.09], [3.15, 50.79], [3.65, 50.46], [4.15, 49.98], [4.82, 50.16], [4.88, 49.8], [5.45, 49.5],
    [5.95, 49.45], [6.37, 49.46], [6.73, 49.17], [7.05, 49.12], [7.5, 49.05], [8.2, 48.97], [7.8, 48.6],
    [7.58, 48.1], [7.56, 47.6], [7.1, 47.5], [6.85, 47.35], [6.45, 46.98], [6.1, 46.6], [6.12, 46.3],
    [6.35, 46.4], [6.8, 46.4], [6.82, 46.14], [7.04, 45.93], [6.8, 45.7], [7.13, 45.26], [6.63, 45.1],
    [6.9, 44.85], [6.95, 44.43], [7.67, 44.18], [7.53, 43.79], [7.27, 43.69], [7.12, 43.56], [6.64, 43.27],
    [6.2, 43.1], [5.93, 43.08], [5.4, 43.2], [5.0, 43.35], [4.6, 43.35], [4.2, 43.45], [3.7, 43.4],
    [3.45, 43.28], [3.1, 43.1], [3.03, 42.55], [3.17, 42.44], [2.7, 42.35], [1.78, 42.5], [1.45, 42.6],
    [0.7, 42.85], [0.0, 42.7], [-0.75, 42.95], [-1.45, 43.05], [-1.78, 43.37], [-1.56, 43.48],
    [-1.33, 44.3], [-1.25, 44.65], [-1.16, 45.5], [-1.05, 45.6], [-1.2, 46.15], [-1.8, 46.5],
    [-2.15, 46.85], [-2.2, 47.27], [-2.55, 47.3], [-3.1, 47.5], [-3.37, 47.7], [-4.35, 47.8],
    [-4.7, 48.05], [-4.78, 48.35], [-4.75, 48.55], [-4.0, 48.72], [-3.5, 48.82], [-2.8, 48.55],
    [-2.3, 48.67], [-2.0, 48.65], [-1.5, 48.63], [-1.6, 48.84], [-1.6, 49.2], [-1.95, 49.72],
    [-1.62, 49.65], [-1.26, 49.67], [-1.1, 49.39], [-0.25, 49.3], [0.1, 49.49], [0.37, 49.76],
    [1.08, 49.93], [1.55, 50.2], [1.6, 50.73], [1.58, 50.87], [1.85, 50.96], [2.37, 51.05],
  ],
  corse: [
    [9.45, 43.0], [9.48, 42.7], [9.55, 42.1], [9.4, 41.6], [9.25, 41.37], [9.1, 41.39], [8.8, 41.6],
    [8.62, 41.9], [8.6, 42.2], [8.7, 42.55], [9.1, 42.72], [9.33, 43.0],
  ],
  971: [
    [-61.8, 16.33], [-61.78, 16.05], [-61.7, 15.95], [-61.58, 16.0], [-61.55, 16.22], [-61.45, 16.2],
    [-61.2, 16.25], [-61.18, 16.35], [-61.42, 16.5], [-61.55, 16.3], [-61.65, 16.35],
  ],
  972: [
    [-61.23, 14.85], [-61.1, 14.88], [-60.95, 14.75], [-60.82, 14.58], [-60.85, 14.4], [-61.08, 14.45],
    [-61.18, 14.6], [-61.1, 14.68],
  ],
  973: [
    [-54.0, 5.75], [-53.0, 5.6], [-52.3, 5.0], [-51.6, 4.2], [-51.8, 3.4], [-52.3, 2.5], [-52.9, 2.2],
    [-53.8, 2.3], [-54.2, 2.2], [-54.5, 2.5], [-54.1, 3.6], [-54.4, 4.6], [-54.45, 5.5],
  ],
  974: [
    [55.45, -20.87], [55.7, -20.93], [55.84, -21.1], [55.8, -21.3], [55.6, -21.39], [55.35, -21.3],
    [55.22, -21.1], [55.3, -20.95],
  ],
  976: [
    [45.04, -12.66], [45.2, -12.64], [45.25, -12.78], [45.22, -12.95], [45.12, -13.0], [45.05, -12.9],
    [45.1, -12.78],
  ],
};

// Distances are measured on a local equirectangular plane (lon scaled by cos lat) so cells look right.
const K = Math.cos((46.5 * Math.PI) / 180);
const toPlane = ([lon, lat]) => [lon * K, lat];
const toLonLat = ([x, y]) => [round(x / K), round(y)];
const round = (v) => Math.round(v * 1e4) / 1e4;

/**
 * Keeps the part of `ring` on the side of the bisector of (a, b) closer to a. A plain
 * Sutherland–Hodgman pass would join the pieces of a concave coast with zero-width bridges, so the
 * crossings are paired up along the bisector instead and each piece comes back as its own ring.
 */
function clipToBisector(ring, a, b) {
  const [nx, ny] = [b[0] - a[0], b[1] - a[1]];
  const c = (nx * (a[0] + b[0])) / 2 + (ny * (a[1] + b[1])) / 2;
  const side = (p) => c - (nx * p[0] + ny * p[1]); // >= 0: closer to a
  const start = ring.findIndex((p) => side(p) < 0);
  if (start < 0) return [ring];
  const chains = []; // each: [entry, …inside vertices…, exit]
  let chain = null;
  for (let k = 0; k < ring.length; k++) {
    const p = ring[(start + k) % ring.length];
    const q = ring[(start + k + 1) % ring.length];
    const sp = side(p);
    const sq = side(q);
    if (sp >= 0) chain.push(p);
    if ((sp >= 0) !== (sq >= 0)) {
      const t = sp / (sp - sq);
      const x = [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
      if (sp < 0) chain = [x];
      else { chain.push(x); chains.push(chain); chain = null; }
    }
  }
  if (chains.length <= 1) return chains;
  // Along the bisector, inside stretches run between crossings 0–1, 2–3…: each exit meets an entry.
  const along = (p) => -ny * p[0] + nx * p[1];
  const ends = chains.flatMap((ch, i) => [{ i, entry: true, t: along(ch[0]) }, { i, entry: false, t: along(ch.at(-1)) }]);
  ends.sort((u, v) => u.t - v.t);
  const nextChain = new Map();
  for (let k = 0; k + 1 < ends.length; k += 2) {
    const [u, v] = [ends[k], ends[k + 1]];
    const exit = u.entry ? v : u;
    const entry = u.entry ? u : v;
    nextChain.set(exit.i, entry.i);
  }
  const out = [];
  const used = new Set();
  for (let i = 0; i < chains.length; i++) {
    if (used.has(i)) continue;
    const piece = [];
    for (let j = i; j !== undefined && !used.has(j); j = nextChain.get(j)) {
      used.add(j);
      piece.push(...chains[j]);
    }
    if (piece.length >= 3) out.push(piece);
  }
  return out;
}

/** The Voronoi cell of `seed` among `seeds`, inside `land` (all in plane coordinates): one ring or more. */
function cell(seed, seeds, land) {
  let rings = [land];
  for (const other of seeds) {
    if (other === seed || rings.length === 0) continue;
    rings = rings.flatMap((ring) => clipToBisector(ring, seed, other));
  }
  return rings;
}

/** Which land mass a département lies on. */
const landOf = (code) => (code.length === 3 ? code : code.startsWith('2') && /[AB]/.test(code) ? 'corse' : 'mainland');

const closed = (ring) => [...ring, ring[0]];
const area = (ring) => ring.reduce((s, p, i) => {
  const q = ring[(i + 1) % ring.length];
  return s + p[0] * q[1] - q[0] * p[1];
}, 0) / 2;

/** Each département's cells (one per seed), in lon/lat, counter-clockwise. */
function departementRings() {
  const seeds = DEPARTEMENTS.flatMap(([code, , , chef, extra = []]) =>
    [chef, ...extra].map(([lat, lon]) => ({ code, p: toPlane([lon, lat]) })));
  const byCode = new Map();
  for (const [landName, land] of Object.entries(LANDS)) {
    const here = seeds.filter((s) => landOf(s.code) === landName);
    const plane = land.map(toPlane);
    for (const s of here) {
      for (const ring of cell(s.p, here.map((o) => o.p), plane)) {
        if (Math.abs(area(ring)) < 1e-6) continue;
        const ll = ring.map(toLonLat);
        if (area(ll) < 0) ll.reverse();
        byCode.set(s.code, [...(byCode.get(s.code) ?? []), ll]);
      }
    }
  }
  return byCode;
}

/**
 * Union of rings sharing edges: every directed edge whose reverse also appears is interior and
 * cancelled; what is left is chained back into outer rings. Vertices are compared rounded (1e-4°),
 * which is exact enough because adjacent cells are cut by the same bisectors.
 */
function union(rings) {
  const key = (p) => `${p[0]},${p[1]}`;
  const edges = new Map();
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i];
      const b = ring[(i + 1) % ring.length];
      if (key(a) === key(b)) continue;
      const reverse = `${key(b)}>${key(a)}`;
      if (edges.has(reverse)) edges.delete(reverse);
      else edges.set(`${key(a)}>${key(b)}`, [a, b]);
    }
  }
  const from = new Map();
  for (const [a, b] of edges.values()) from.set(key(a), [...(from.get(key(a)) ?? []), b]);
  const out = [];
  for (const [start] of from) {
    while (from.get(start)?.length) {
      const ring = [];
      let at = start;
      let guard = 0;
      while (from.get(at)?.length && guard++ < 10000) {
        const next = from.get(at).shift();
        ring.push(at.split(',').map(Number));
        at = key(next);
        if (at === start) break;
      }
      if (ring.length >= 3) out.push(ring);
    }
  }
  return out;
}

const geometry = (rings) => {
  const polygons = rings.filter((r) => area(r) > 0).map((r) => [closed(r)]);
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
};

let cache;
function build() {
  if (cache) return cache;
  const rings = departementRings();
  const departements = {
    type: 'FeatureCollection',
    features: DEPARTEMENTS.map(([code, nom, region]) => ({
      type: 'Feature',
      properties: { code, nom, region },
      geometry: geometry(union(rings.get(code) ?? [])),
    })),
  };
  const regions = {
    type: 'FeatureCollection',
    features: REGIONS.map(([code, nom]) => ({
      type: 'Feature',
      properties: { code, nom },
      geometry: geometry(union(DEPARTEMENTS.filter((d) => d[2] === code).flatMap(([c]) => rings.get(c) ?? []))),
    })),
  };
  cache = { departements, regions };
  return cache;
}

/** The 101 départements (96 metropolitan + 971–976), properties `{ code, nom, region }`. */
export const departements = () => build().departements;
/** The 18 régions, properties `{ code, nom }`. */
export const regions = () => build().regions;
/** Chefs-lieux, for fixtures that need a plausible point per département: `{ code, nom, region, lat, lon }`. */
export const chefsLieux = () => DEPARTEMENTS.map(([code, nom, region, [lat, lon]]) => ({ code, nom, region, lat, lon }));

// `node test/portal/geo/boundaries.mjs DIR` writes both files, to look at them.
if (typeof process !== 'undefined' && import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync, mkdirSync } = await import('node:fs');
  const dir = process.argv[2] ?? '.';
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/departements.geojson`, JSON.stringify(departements()));
  writeFileSync(`${dir}/regions.geojson`, JSON.stringify(regions()));
  console.log(`wrote ${dir}/departements.geojson and ${dir}/regions.geojson`);
}
