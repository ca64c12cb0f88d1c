import { expect } from '@open-wc/testing';
import { parseFilter, type ColumnInfo } from '@culture-widgets/core';
import { changeRow, filterOf, isComplete, opsFor, rowsOf } from '../src/filter-builder.js';
import { galleryOf, kindOf } from '../src/gallery.js';
import { applyDecade, applyPerCapita, applyRate, applySplit, computedNames, freeName, removeComputed, removeJoin } from '../src/recipes.js';
import { recentDatasets, rememberDataset } from '../src/recent.js';

const columns: ColumnInfo[] = [
  { name: 'region', type: 'string', categorical: true, distinct: 18 },
  { name: 'codeInseeCommune', type: 'string', format: 'code_commune_insee', distinct: 900 },
  { name: 'annee', type: 'integer', format: 'year', min: 2014, max: 2024, distinct: 11, categorical: true },
  { name: 'gratuit', type: 'integer' },
  { name: 'total', type: 'integer' },
];

describe('the filter builder, pure', () => {
  it('reads a filter into rows and writes it back with core’s grammar', () => {
    const filter = `annee >= 2018; region in BRETAGNE|"Pays de la Loire"; total is not empty`;
    const rows = rowsOf(filter)!;
    expect(rows).to.have.length(3);
    expect(parseFilter(filterOf(rows))).to.deep.equal(parseFilter(filter));
    expect(rowsOf('annee >>= 2')).to.equal(undefined);
  });

  it('writes only the complete conditions', () => {
    const rows = [{ column: 'annee', op: '>=' as const, value: '2018' }, { column: 'region', op: '=' as const }, { column: 'region', op: 'in' as const, values: [] }];
    expect(rows.map(isComplete)).to.deep.equal([true, false, false]);
    expect(filterOf(rows)).to.equal('annee >= 2018');
  });

  it('numbers and years compare, text matches', () => {
    expect(opsFor(columns[2])).to.include.members(['>=', '<']).and.not.include('~');
    expect(opsFor(columns[0])).to.include.members(['~', 'in']).and.not.include('>=');
  });

  it('a new column keeps a condition that still means something, drops the value', () => {
    expect(changeRow({ column: 'annee', op: '>=', value: '2018' }, { column: 'region' }, columns)).to.deep.equal({ column: 'region', op: '=' });
    expect(changeRow({ column: 'region', op: '!=', value: 'x' }, { column: 'annee' }, columns)).to.deep.equal({ column: 'annee', op: '!=' });
    expect(changeRow({ column: 'region', op: '=', value: 'BRETAGNE' }, { op: 'in' }, columns)).to.deep.equal({ column: 'region', op: 'in', values: ['BRETAGNE'] });
    expect(changeRow({ column: 'region', op: 'in', values: ['A', 'B'] }, { op: '!=' }, columns)).to.deep.equal({ column: 'region', op: '!=', value: 'A' });
    expect(changeRow({ column: 'region', op: '=', value: 'A' }, { op: 'is empty' }, columns)).to.deep.equal({ column: 'region', op: 'is empty' });
  });
});

describe('the shaping recipes, pure', () => {
  it('a rate: a ratio of sums on a chart (in %), a row ratio on a table', () => {
    const rate = { numerator: 'gratuit', denominator: 'total', scale: 100, name: 'Taux' };
    expect(applyRate('chart', { x: 'annee', y: 'total', aggregate: 'sum' }, rate, ['gratuit', 'total'])).to.deep.equal({
      x: 'annee', unit: '%', labels: 'taux: Taux', y: 'taux = sum(gratuit) / sum(total) * 100',
    });
    expect(applyRate('table', { columns: 'region,total' }, { ...rate, scale: 1 }, ['total'])).to.deep.equal({
      columns: 'region,total,taux', labels: 'taux: Taux', compute: 'taux = gratuit / total',
    });
    expect(applyRate('map', { mode: 'choropleth', code: 'codeInseeCommune' }, rate, [])).to.include({ value: 'taux = sum(gratuit) / sum(total) * 100' });
  });

  it('decades: a computed column the chart draws on', () => {
    const next = applyDecade('chart', { x: 'annee', y: 'total', 'time-unit': 'year', compute: 'a = lower(region)' }, 'annee', ['annee', 'a']);
    expect(next).to.deep.equal({ x: 'decennie', y: 'total', compute: 'a = lower(region); decennie = decade(annee)' });
    expect(computedNames(next.compute)).to.deep.equal(['a', 'decennie']);
    expect(freeName('decennie', ['Décennie'])).to.equal('decennie_2');
  });

  it('split values, quoted the way core reads them', () => {
    expect(applySplit('chart', {}, "Sous-catégorie d'art", ';', [])).to.deep.equal({
      compute: `sous_categorie_d_art_valeur = split("Sous-catégorie d'art", ';')`,
      labels: "sous_categorie_d_art_valeur: Sous-catégorie d'art",
      x: 'sous_categorie_d_art_valeur',
    });
  });

  it('per inhabitant: the population joined by code, a measure per 1,000', () => {
    const p = { dataset: 'population-legale-des-departements', key: 'Code département', code: 'DEP', population: 'PMUN', scale: 1000, name: 'Pour 1 000 habitants' };
    expect(applyPerCapita('map', { mode: 'choropleth', aggregate: 'sum' }, { ...p, measure: 'total' }, [])).to.deep.equal({
      mode: 'choropleth', code: 'Code département', join: 'population-legale-des-departements on "Code département" = DEP',
      labels: 'pour_1_000_habitants: Pour 1 000 habitants', value: 'pour_1_000_habitants = sum(total) / join.PMUN * 1000',
    });
    expect(applyPerCapita('chart', {}, p, [])).to.include({ x: 'Code département', y: 'pour_1_000_habitants = count() / join.PMUN * 1000' });
  });

  it('removing a computed column or the join lets go of what used it', () => {
    const a = { compute: 'decennie = decade(annee); a = lower(region)', x: 'decennie', columns: 'decennie,total', labels: 'decennie: Décennie' };
    expect(removeComputed(a, 'decennie')).to.deep.equal({ compute: 'a = lower(region)', columns: 'total', labels: 'decennie: Décennie' });
    expect(removeJoin({ join: 'pop on code = DEP', value: 'v = sum(total) / join.PMUN', mode: 'choropleth' })).to.deep.equal({ mode: 'choropleth' });
  });
});

describe('the gallery, pure', () => {
  it('offers what the data allows, the elements’ own choice first', () => {
    const gallery = galleryOf(columns, []);
    expect(gallery[0]).to.deep.include({ kind: 'chart:line', recommended: true });
    expect(gallery.map((p) => p.kind)).to.include.members(['chart:column', 'chart:bar', 'chart:pie', 'map:choropleth', 'table']);
    expect(gallery.map((p) => p.kind)).not.to.include('map:points');
    expect(gallery.filter((p) => p.recommended)).to.have.length(1);
  });

  it('knows which card a configuration belongs to', () => {
    expect(kindOf('chart', { type: 'pie' })).to.equal('chart:pie');
    expect(kindOf('chart', { type: 'auto' })).to.equal('chart:column');
    expect(kindOf('map', { mode: 'choropleth' })).to.equal('map:choropleth');
    expect(kindOf('table', {})).to.equal('table');
  });
});

describe('recent datasets', () => {
  it('keeps the last ones per catalogue, the last first, once each; a storage that refuses keeps nothing', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    rememberDataset('https://a/api', { ref: 'x', title: 'X' }, storage);
    rememberDataset('https://a/api', { ref: 'y', title: 'Y' }, storage);
    rememberDataset('https://a/api', { ref: 'x', title: 'X' }, storage);
    rememberDataset('https://b/api', { ref: 'z', title: 'Z' }, storage);
    expect(recentDatasets('https://a/api', storage).map((d) => d.ref)).to.deep.equal(['x', 'y']);
    expect(recentDatasets('https://b/api', storage).map((d) => d.ref)).to.deep.equal(['z']);
    const refusing = { getItem: () => '{not json', setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } } as unknown as Storage;
    rememberDataset('https://a/api', { ref: 'x', title: 'X' }, refusing);
    expect(recentDatasets('https://a/api', refusing)).to.deep.equal([]);
  });
});
