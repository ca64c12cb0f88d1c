import { expect } from '@open-wc/testing';
import { CultureError, findCodeColumn, guessLevel, loadSentences, normaliseCode, type ColumnInfo, type Level, type Row } from '@culture-widgets/core';
import { detectCoordinates, locate, pairOrder, positionOf } from '../src/coords.js';
import { breaks, classify, sequentialScale, categoryScale, sizeScale, niceStep, sequentialColors } from '../src/scales.js';
import { shouldCluster, parseClusterSetting, densityGrid } from '../src/cluster.js';
import { clusterIndex } from '../src/cluster-index.js';
import { foldByCode, insetPosition, featureCode } from '../src/choropleth.js';
import { popupModel, detectLabelColumn, legendNumber } from '../src/popup.js';
import { buildPlan, chooseMode, mapQuery, resolveColumns, type MapAttributes } from '../src/plan.js';

// these tests word core's errors themselves: elements load the sentences on their own (decision 0016)
before(() => Promise.all([loadSentences('fr'), loadSentences('en')]));

const col = (name: string, extra: Partial<ColumnInfo> = {}): ColumnInfo => ({ name, type: 'string', ...extra });

describe('coordinates', () => {
  it('tells lat,lon from lon,lat with French ranges, overseas included', () => {
    expect(pairOrder([[48.85, 2.35], [43.3, 5.4]])).to.equal('latlon');
    expect(pairOrder([[2.35, 48.85], [5.4, 43.3]])).to.equal('lonlat');
    expect(pairOrder([[-61.5, 16.2], [55.5, -21.1]])).to.equal('lonlat');
    expect(pairOrder([[16.2, -61.5], [-21.1, 55.5]])).to.equal('latlon');
  });

  const cases: [string, ColumnInfo[], Row[], object | undefined][] = [
    ['Latitude / Longitude columns', [col('Nom'), col('Latitude', { type: 'number' }), col('Longitude', { type: 'number' })],
      [{ Nom: 'a', Latitude: 46.2, Longitude: 5.5 }], { kind: 'latlon', lat: 'Latitude', lon: 'Longitude' }],
    ['formats latitude_wgs / longitude_wgs win over names', [col('y_wgs84', { format: 'latitude_wgs' }), col('x_wgs84', { format: 'longitude_wgs' }), col('lat_l93')],
      [], { kind: 'latlon', lat: 'y_wgs84', lon: 'x_wgs84' }],
    ['short names lat / lng', [col('lat'), col('lng')], [], { kind: 'latlon', lat: 'lat', lon: 'lng' }],
    ['Lambert 93 is not WGS84', [col('latitude_l93'), col('longitude_l93')], [{ latitude_l93: 6037008, longitude_l93: 650000 }], undefined],
    ['a "lat,lon" column named Géocodage xy', [col('Nom'), col('Géocodage xy')],
      [{ Nom: 'a', 'Géocodage xy': '48.85,2.35' }, { Nom: 'b', 'Géocodage xy': '43.3,5.4' }], { kind: 'pair', column: 'Géocodage xy', order: 'latlon' }],
    ['a "lon, lat" column found by its values', [col('Nom'), col('point')],
      [{ Nom: 'a', point: '2.35, 48.85' }, { Nom: 'b', point: '5.4, 43.3' }], { kind: 'pair', column: 'point', order: 'lonlat' }],
    ['format latlon_wgs', [col('geo', { format: 'latlon_wgs' })], [{ geo: '48.85, 2.35' }], { kind: 'pair', column: 'geo', order: 'latlon' }],
    ['geo_point_2d as an array', [col('nom'), col('geo_point_2d', { type: 'json' })],
      [{ nom: 'a', geo_point_2d: [48.85, 2.35] as unknown as string }], { kind: 'pair', column: 'geo_point_2d', order: 'latlon' }],
    ['a GeoJSON geometry object', [col('nom'), col('geometry', { type: 'json' })],
      [{ nom: 'a', geometry: { type: 'Point', coordinates: [2.35, 48.85] } as unknown as string }], { kind: 'geometry', column: 'geometry' }],
    ['a GeoJSON geometry as text', [col('nom'), col('geometry', { type: 'json' })],
      [{ nom: 'a', geometry: '{"type":"Point","coordinates":[2.35,48.85]}' }], { kind: 'geometry', column: 'geometry' }],
    ['nothing spatial', [col('annee', { type: 'integer' }), col('total', { type: 'number' })], [{ annee: 2020, total: 3 }], undefined],
  ];
  for (const [name, columns, rows, expected] of cases) {
    it(`detects ${name}`, () => {
      expect(detectCoordinates(columns, rows)).to.deep.equal(expected);
    });
  }

  it('takes the author’s lat / lon / coords first', () => {
    const columns = [col('Latitude'), col('Longitude'), col('pos'), col('a'), col('b')];
    expect(detectCoordinates(columns, [], { lat: 'a', lon: 'b' })).to.deep.equal({ kind: 'latlon', lat: 'a', lon: 'b' });
    expect(detectCoordinates(columns, [{ pos: '2.3, 48.8' }], { coords: 'pos' })).to.deep.equal({ kind: 'pair', column: 'pos', order: 'lonlat' });
  });

  it('counts rows without valid coordinates instead of dropping them silently', () => {
    const rows: Row[] = [
      { lat: 48.85, lon: 2.35 },
      { lat: '43,3', lon: '5,4' },
      { lat: null, lon: 2 },
      { lat: 'n/a', lon: 2 },
      { lat: 0, lon: 0 },
      { lat: 123, lon: 2 },
    ];
    const { places, invalid } = locate(rows, { kind: 'latlon', lat: 'lat', lon: 'lon' });
    expect(places.map((p) => [p.lat, p.lon, p.index])).to.deep.equal([[48.85, 2.35, 0], [43.3, 5.4, 1]]);
    expect(invalid).to.equal(4);
  });

  it('places shapes by the centre of their bounding box', () => {
    const row = { g: { type: 'Polygon', coordinates: [[[2, 48], [3, 48], [3, 49], [2, 49], [2, 48]]] } as unknown as string };
    expect(positionOf(row, { kind: 'geometry', column: 'g' })).to.deep.equal([48.5, 2.5]);
  });
});

describe('INSEE codes', () => {
  const table: [unknown, Level, string | undefined][] = [
    ['1', 'departement', '01'], [1, 'departement', '01'], ['01', 'departement', '01'], [' 13 ', 'departement', '13'],
    ['2a', 'departement', '2A'], ['2B', 'departement', '2B'], ['02A', 'departement', '2A'], ['971', 'departement', '971'],
    ['976.0', 'departement', '976'], ['0', 'departement', undefined], ['Ain', 'departement', undefined], [null, 'departement', undefined],
    ['1', 'region', '01'], ['84', 'region', '84'], [11, 'region', '11'], ['123', 'region', undefined],
    ['1001', 'commune', '01001'], [1001, 'commune', '01001'], ['75056', 'commune', '75056'], ['2A004', 'commune', '2A004'], ['12', 'commune', undefined],
  ];
  for (const [input, level, out] of table) {
    it(`${JSON.stringify(input)} as ${level} → ${out}`, () => expect(normaliseCode(input, level)).to.equal(out));
  }

  it('guesses the level from the format, the name, then the values', () => {
    expect(guessLevel(col('x', { format: 'code_region' }), ['1'])).to.equal('region');
    expect(guessLevel(col('x', { format: 'code_departement' }), ['11'])).to.equal('departement');
    expect(guessLevel(col('x', { format: 'code_commune_insee' }), ['1'])).to.equal('commune');
    expect(guessLevel(col('codeInseeCommune'), ['1001', '75056'])).to.equal('commune');
    expect(guessLevel(col('Code région'), ['11', '84'])).to.equal('region');
    expect(guessLevel(col('Code département'), ['11', '84'])).to.equal('departement');
    expect(guessLevel(col('code'), ['1', '2A', '971', '13'])).to.equal('departement');
    expect(guessLevel(col('code'), ['11', '84', '53'])).to.equal('region');
  });

  it('finds a code column by format, then by name (never a postcode)', () => {
    expect(findCodeColumn([col('Code Postal'), col('dep', { format: 'code_departement' })])?.name).to.equal('dep');
    expect(findCodeColumn([col('Code Postal'), col('Code département')])?.name).to.equal('Code département');
  });
});

describe('scales', () => {
  it('nice steps and breaks', () => {
    expect([0.7, 1.5, 2.2, 4, 7, 130].map(niceStep)).to.deep.equal([1, 2, 2.5, 5, 10, 200]);
    expect(breaks([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 5, 'nice')).to.deep.equal([20, 40, 60, 80]);
    expect(breaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, 'quantile')).to.deep.equal([3, 5, 7, 9]);
    expect(breaks([5, 5, 5], 5)).to.deep.equal([]);
    expect(breaks([], 5)).to.deep.equal([]);
  });

  it('classifies against thresholds', () => {
    const t = [10, 20];
    expect([0, 10, 15, 20, 99].map((v) => classify(v, t))).to.deep.equal([0, 1, 1, 2, 2]);
  });

  it('sequential colours go from pale to the base colour', () => {
    const colors = sequentialColors(3, '#000091', '#ffffff');
    expect(colors[2]).to.equal('#000091');
    expect(colors[0]).to.not.equal(colors[1]);
    const scale = sequentialScale([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { base: '#000091', background: '#ffffff', noData: '#cccccc' });
    expect(scale.classes.length).to.equal(5);
    expect(scale.classes.map((c) => c.count)).to.deep.equal([2, 2, 2, 2, 2]);
    expect(scale.colorOf(10)).to.equal('#000091');
    expect(scale.colorOf(undefined)).to.equal('#cccccc');
    expect(scale.colorOf(NaN)).to.equal('#cccccc');
  });

  it('categories: most frequent first, the rest folded into one colour', () => {
    const s = categoryScale(['a', 'b', 'a', 'c', 'd', 'a', 'b'], ['#1', '#2', '#3'], '#o');
    expect(s.categories.map((c) => [c.value, c.count, c.color])).to.deep.equal([['a', 3, '#1'], ['b', 2, '#2']]);
    expect(s.other).to.deep.equal({ value: '', color: '#o', count: 2 });
    expect(s.colorOf('d')).to.equal('#o');
  });

  it('categories: colours follow the unfiltered order, whatever is shown', () => {
    const order = ['Musée', 'Patrimoine', 'Théâtre'];
    const all = categoryScale(['Musée', 'Patrimoine', 'Patrimoine', 'Théâtre'], ['#1', '#2', '#3', '#4'], '#o', order);
    const filtered = categoryScale(['Patrimoine', 'Patrimoine', 'Théâtre'], ['#1', '#2', '#3', '#4'], '#o', order);
    expect(all.colorOf('Patrimoine')).to.equal('#2');
    expect(filtered.colorOf('Patrimoine')).to.equal('#2');
    expect(filtered.categories.map((c) => [c.value, c.color])).to.deep.equal([['Patrimoine', '#2'], ['Théâtre', '#3']]);
  });

  it('proportional circles: area follows the value', () => {
    const s = sizeScale([100, 25, 0], 20);
    expect(sequentialColors(2, '#000000', '#ffffff')[0]).to.equal('#d9d9d9');
    expect(s.radiusOf(100)).to.equal(20);
    expect(s.radiusOf(25)).to.equal(10);
    expect(s.radiusOf(undefined)).to.equal(2);
    expect(s.steps.map((x) => x.value)).to.deep.equal([100, 20, 5]);
  });
});

describe('clusters', () => {
  const places = Array.from({ length: 3000 }, (_, i) => ({ lat: 43 + (i % 60) / 10, lon: -1 + Math.floor(i / 60) / 6, row: { i }, index: i }));

  it('counts every point once at every zoom', () => {
    const index = clusterIndex(places);
    for (const zoom of [3, 6, 9, 14]) {
      const items = index.view([-180, -85, 180, 85], zoom);
      const total = items.reduce((s, it) => s + (it.kind === 'cluster' ? it.count : 1), 0);
      expect(total, `zoom ${zoom}`).to.equal(3000);
    }
    const cluster = index.view([-180, -85, 180, 85], 4).find((it) => it.kind === 'cluster');
    if (cluster?.kind !== 'cluster') throw new Error('expected a cluster');
    expect(index.leaves(cluster.id).length).to.equal(cluster.count);
    expect(index.expansionZoom(cluster.id)).to.be.greaterThan(4);
  });

  it('clusters automatically above 1,000 points', () => {
    expect(shouldCluster(1000, 'auto')).to.equal(false);
    expect(shouldCluster(1001, 'auto')).to.equal(true);
    expect(shouldCluster(5, 'on')).to.equal(true);
    expect(shouldCluster(50000, 'off')).to.equal(false);
    expect([null, 'auto', '', 'true', 'off', 'false'].map(parseClusterSetting)).to.deep.equal(['auto', 'auto', 'on', 'on', 'off', 'off']);
  });

  it('density grid keeps the total', () => {
    const cells = densityGrid(places, 1);
    expect(cells.reduce((s, c) => s + c.count, 0)).to.equal(3000);
  });
});

describe('choropleth data', () => {
  it('folds raw spellings of one code together', () => {
    const rows: Row[] = [
      { dep: '1', v: 10 }, { dep: '01', v: 5 }, { dep: '2a', v: 1 }, { dep: '971', v: '2,5' }, { dep: 'x', v: 3 }, { dep: '13', v: null },
    ];
    const { values, invalid } = foldByCode(rows, 'dep', 'v', 'departement', 'sum');
    expect([...values.values()].map((c) => [c.code, c.value])).to.deep.equal([['01', 15], ['2A', 1], ['971', 2.5], ['13', NaN]]);
    expect(invalid).to.equal(1);
    expect(foldByCode([{ d: '1', v: 4 }, { d: '01', v: 2 }], 'd', 'v', 'departement', 'max').values.get('01')?.value).to.equal(4);
  });

  it('reads codes of boundary features whatever the property name', () => {
    const f = (properties: Record<string, unknown>) => ({ type: 'Feature' as const, properties, geometry: null });
    expect(featureCode(f({ code: '1' }), 'departement')).to.equal('01');
    expect(featureCode(f({ INSEE_DEP: '2A' }), 'departement')).to.equal('2A');
    expect(featureCode(f({ nom: 'x' }), 'departement')).to.equal(undefined);
  });

  it('moves overseas positions into insets and leaves the metropole alone', () => {
    expect(insetPosition(48.85, 2.35)).to.deep.equal([48.85, 2.35]);
    const [lat, lon] = insetPosition(-21.1, 55.5);
    expect(lat).to.be.within(41, 49);
    expect(lon).to.be.within(-9, -7);
  });
});

describe('popups as text', () => {
  it('writes legend millions with a capital M in English', () => {
    expect(legendNumber(1_600_000, 'en')).to.equal('1.6M');
    expect(legendNumber(1_600_000, 'fr')).to.match(/^1,6\s*M$/);
  });

  it('title from label, fields from popup, empty cells left out', () => {
    const row: Row = { nom: '<img src=x onerror=alert(1)>', ville: 'Lyon', total: 1234.5, vide: null, lat: 1, lon: 2 };
    expect(popupModel(row, { label: 'nom', popup: ['ville', 'total', 'vide'] }, 'fr')).to.deep.equal({
      title: '<img src=x onerror=alert(1)>',
      fields: [{ name: 'ville', value: 'Lyon' }, { name: 'total', value: '1\u202f234,5' }],
    });
    expect(popupModel(row, { label: 'nom', exclude: ['lat', 'lon'] }, 'en').fields.map((f) => f.name)).to.deep.equal(['ville', 'total']);
  });

  it('finds a naming column', () => {
    expect(detectLabelColumn([col('Région'), col('Nom officiel du musée'), col('Latitude')])).to.equal('Nom officiel du musée');
  });
});

describe('plan', () => {
  const museums = [col('Région administrative'), col('Nom officiel du musée'), col('Latitude', { type: 'number', format: 'latitude_wgs' }), col('Longitude', { type: 'number', format: 'longitude_wgs' })];
  const attendance = [col('codeInseeCommune', { format: 'code_commune_insee' }), col('annee', { type: 'integer' }), col('total', { type: 'integer' })];
  const festivals = [col('Nom du festival'), col('Code Insee commune'), col('Géocodage xy')];

  it('chooses the mode from the attributes, then the columns', () => {
    const table: [MapAttributes, ColumnInfo[], string][] = [
      [{}, museums, 'points'],
      [{}, attendance, 'choropleth'],
      [{}, festivals, 'points'], // a "lat,lon" name wins over the INSEE code column
      [{ code: 'Région administrative' }, museums, 'choropleth'],
      [{ mode: 'heatmap' }, museums, 'heatmap'],
      [{ mode: 'points' }, attendance, 'points'],
      [{ coords: 'x' }, attendance, 'points'],
    ];
    for (const [attrs, columns, mode] of table) expect(chooseMode(attrs, columns), JSON.stringify(attrs)).to.equal(mode);
  });

  it('asks core for rows, or for one aggregated row per code', () => {
    expect(mapQuery({}, museums, [])).to.deep.equal({ filters: [], limit: 100_000 });
    expect(mapQuery({}, attendance, [])).to.deep.equal({
      filters: [], groupBy: ['codeInseeCommune'], aggregates: [{ op: 'count', as: 'value' }], limit: 50_000,
    });
    expect(mapQuery({ code: 'codeInseeCommune', value: 'total', aggregate: 'mean' }, attendance, []).aggregates).to.deep.equal([
      { op: 'mean', column: 'total', as: 'value' },
    ]);
  });

  it('a sum, mean or median of a text value is an error naming it, before anything loads (never a map « de 0 à 0 »)', () => {
    const spending = [col('dep'), col('region'), col('depenses', { type: 'number' })];
    let error: CultureError | undefined;
    try {
      mapQuery({ code: 'dep', value: 'region' }, spending, []);
    } catch (e) {
      error = e as CultureError;
    }
    expect(error?.code).to.equal('bad-expression');
    expect(error?.messageIn('fr')).to.equal(
      'value : « region » n’est pas une colonne de nombres : la somme ne s’en calcule pas. Colonnes de nombres : « depenses ». ' +
        'Pour compter les lignes, ne donnez pas de value (ou aggregate="count").',
    );
    expect(() => mapQuery({ code: 'dep', value: 'region', aggregate: 'mean' }, spending, [])).to.throw().with.property('code', 'bad-expression');
    expect(mapQuery({ code: 'dep', value: 'region', aggregate: 'count' }, spending, []).aggregates).to.deep.equal([{ op: 'count', as: 'value' }]);
  });

  it('builds a choropleth plan whatever the aggregate column is named', () => {
    const rows: Row[] = [{ dep: '1', total__sum: 5 }, { dep: '01', total__sum: 2 }, { dep: '2A', total__sum: 1 }];
    const plan = buildPlan({ code: 'dep', value: 'total' }, [col('dep'), col('total', { type: 'number' })], rows);
    if (plan.mode !== 'choropleth') throw new Error(plan.mode);
    expect(plan.level).to.equal('departement');
    expect([...plan.folded.values].map(([k, v]) => [k, v.value])).to.deep.equal([['01', 7], ['2A', 1]]);
  });

  it('resolves column names forgiving case and accents, and refuses unknown ones', () => {
    expect(resolveColumns({ lat: 'latitude', label: 'nom officiel du musee', popup: "region administrative, 'latitude'" }, museums)).to.include({
      lat: 'Latitude', label: 'Nom officiel du musée', popup: 'Région administrative,Latitude',
    });
    expect(() => resolveColumns({ color: 'nope' }, museums)).to.throw(/nope/);
  });

  it('a code column holding names, not codes, is said before any boundary is fetched (not read as communes)', () => {
    const rows: Row[] = [{ region: 'Bretagne', total__sum: 5 }, { region: 'Normandie', total__sum: 2 }, { region: 'Corse', total__sum: 1 }];
    const plan = buildPlan({ code: 'region', value: 'total' }, [col('region'), col('total', { type: 'number' })], rows);
    if (plan.mode !== 'none' || !(plan.error instanceof CultureError)) throw new Error(plan.mode);
    expect(plan.error.messageIn('fr')).to.equal(
      'La colonne « region » ne contient pas de codes INSEE (Bretagne, Normandie, Corse) : une carte par territoire lit des codes (35, 2A, 75056).',
    );
    // with a level named, codes of another level are a note on the map, not this error
    expect(buildPlan({ code: 'region', level: 'departement', value: 'total' }, [col('region'), col('total', { type: 'number' })], rows).mode).to.equal('choropleth');
  });

  it('reports when nothing places the rows', () => {
    expect(buildPlan({ mode: 'points' }, attendance, [{ codeInseeCommune: '1001', annee: 2020, total: 3 }])).to.deep.equal({ mode: 'none', reason: 'no-coordinates' });
  });
});
