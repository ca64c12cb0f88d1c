import { expect } from '@open-wc/testing';
import { clearCaches, isDataGouv, listResources, parseInput, resolveSource, searchDatasets } from '../src/index.js';
import { DATASETS, DATASET_IDS, RESOURCES, portal } from '../../../test/helpers/portal.js';
import type { Portal } from '../../../test/helpers/portal.js';

describe('parseInput', () => {
  const rid = RESOURCES.museums;
  const table: [string, object][] = [
    [DATASET_IDS.museums, { dataset: DATASET_IDS.museums }],
    ['frequentation-des-musees-de-france-1', { dataset: 'frequentation-des-musees-de-france-1' }],
    ['https://www.data.gouv.fr/fr/datasets/frequentation-des-musees-de-france-1/', { dataset: 'frequentation-des-musees-de-france-1' }],
    ['https://www.data.gouv.fr/datasets/frequentation-des-musees-de-france-1', { dataset: 'frequentation-des-musees-de-france-1' }],
    [`https://www.data.gouv.fr/fr/datasets/frequentation-des-musees-de-france-1/#/resources/${rid}`, { dataset: 'frequentation-des-musees-de-france-1', resource: rid }],
    ['https://culture.data.gouv.fr/datasets/frequentation-des-musees-de-france-1', { dataset: 'frequentation-des-musees-de-france-1' }],
    [`https://www.data.gouv.fr/fr/datasets/r/${rid}`, { resource: rid }],
    [`https://www.data.gouv.fr/api/1/datasets/r/${rid}`, { resource: rid }],
    [`https://tabular-api.data.gouv.fr/api/resources/${rid}/data/?annee__exact=2020`, { resource: rid }],
    [`https://www.data.gouv.fr/api/2/datasets/resources/${rid}/`, { resource: rid }],
    [rid, { resource: rid }],
    [rid.toUpperCase(), { resource: rid }],
    ['https://example.org/files/musees.csv', { file: 'https://example.org/files/musees.csv' }],
  ];
  for (const [input, expected] of table) {
    it(`reads ${input}`, () => expect(parseInput(input)).to.deep.equal(expected));
  }
});

describe('resolveSource against the sample portal', () => {
  let p: Portal;
  beforeEach(async () => { clearCaches(); p = await portal(); });
  const spec = (extra: object) => ({ api: p.api, tabularApi: p.tabularApi, ...extra });

  const forms: [string, () => object][] = [
    ['a dataset id', () => ({ dataset: DATASET_IDS.museums })],
    ['a slug', () => ({ dataset: DATASETS.museums })],
    ['a renamed slug (redirect followed)', () => ({ dataset: DATASETS.museumsOldSlug })],
    ['a www.data.gouv.fr/fr/ page URL', () => ({ dataset: `https://www.data.gouv.fr/fr/datasets/${DATASETS.museums}/` })],
    ['a page URL without /fr/', () => ({ dataset: `https://www.data.gouv.fr/datasets/${DATASETS.museums}/` })],
    ['a page URL with a #/resources/ fragment', () => ({ dataset: `https://www.data.gouv.fr/fr/datasets/${DATASETS.museums}/#/resources/${RESOURCES.museums}` })],
    ['a culture.data.gouv.fr URL', () => ({ dataset: `https://culture.data.gouv.fr/datasets/${DATASETS.museums}` })],
    ['a /datasets/r/ permanent link', () => ({ resource: `https://www.data.gouv.fr/fr/datasets/r/${RESOURCES.museums}` })],
    ['a tabular-api URL', () => ({ resource: `https://tabular-api.data.gouv.fr/api/resources/${RESOURCES.museums}/data/` })],
    ['a bare resource id', () => ({ resource: RESOURCES.museums })],
    ['a resource id in the dataset attribute', () => ({ dataset: RESOURCES.museums })],
  ];
  for (const [name, make] of forms) {
    it(`resolves ${name} through the configured api`, async () => {
      const source = await resolveSource(spec(make()));
      expect(source.resourceId).to.equal(RESOURCES.museums);
      expect(source.datasetId).to.equal(DATASET_IDS.museums);
      expect(source.tabular).to.equal(true);
      expect(source.format).to.equal('csv');
      expect(source.citation).to.include({
        datasetTitle: 'Fréquentation des Musées de France',
        producer: 'Ministère de la Culture',
        license: 'lov2',
        licenseTitle: 'Licence Ouverte / Open Licence version 2.0',
      });
      expect(source.citation.datasetUrl).to.contain(DATASETS.museums);
      expect(source.citation.lastModified).to.match(/^\d{4}-\d{2}-\d{2}/);
      // not data.gouv.fr: the citation names where the data comes from
      expect(source.citation.host).to.equal(new URL(p.api).host);
      const hosts = (await p.requests()).map((r) => r.host);
      expect(hosts.length).to.be.greaterThan(0);
    });
  }

  it('picks another resource of the dataset when asked', async () => {
    const source = await resolveSource(spec({ dataset: DATASETS.museums, resource: RESOURCES.museumsNotice }));
    expect(source.resourceId).to.equal(RESOURCES.museumsNotice);
    expect(source.tabular).to.equal(false);
  });

  it('chooses the first CSV / JSON / GeoJSON when no resource is tabular', async () => {
    expect((await resolveSource(spec({ dataset: DATASETS.places }))).format).to.equal('geojson');
    expect((await resolveSource(spec({ dataset: DATASETS.monuments }))).format).to.equal('json');
    expect((await resolveSource(spec({ dataset: DATASETS.festivals }))).tabular).to.equal(false);
  });

  it('reads a direct file (src) with no catalogue request', async () => {
    const url = `${p.remote}/exports/musees-de-france.csv`;
    const source = await resolveSource(spec({ src: url }));
    expect(source).to.include({ fileUrl: url, tabular: false, format: 'csv' });
    expect(source.citation.datasetTitle).to.equal('musees-de-france.csv');
    expect(source.citation.host).to.equal(new URL(url).host);
    expect(await p.requests()).to.have.length(0);
  });

  it("names no host for data.gouv.fr's own", () => {
    expect(['www.data.gouv.fr', 'tabular-api.data.gouv.fr', 'static.data.gouv.fr', 'data.gouv.fr'].every(isDataGouv)).to.equal(true);
    expect(['data.gouv.fr.evil.example', 'evildata.gouv.fr', '127.0.0.1'].some(isDataGouv)).to.equal(false);
  });

  it('resolves once per page for the same input', async () => {
    const s = spec({ dataset: DATASETS.museums });
    await Promise.all([resolveSource(s), resolveSource(s)]);
    await resolveSource(s);
    expect(await p.requests('/1/datasets/')).to.have.length(1);
  });

  it('knows a file without CORS from the catalogue', async () => {
    expect((await resolveSource(spec({ dataset: DATASETS.noCors }))).cors).to.equal(false);
  });

  it('fails with not-found and gone', async () => {
    const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: { code: string }) => e.code);
    expect(await codeOf(resolveSource(spec({ dataset: 'pas-de-jeu-pareil' })))).to.equal('not-found');
    expect(await codeOf(resolveSource(spec({ dataset: DATASETS.deleted })))).to.equal('gone');
  });

  it('lists resources for the builder', async () => {
    const list = await listResources(spec({ dataset: DATASETS.museums }));
    expect(list.map((r) => [r.id, r.tabular])).to.deep.equal([[RESOURCES.museums, true], [RESOURCES.museumsNotice, false]]);
    expect(list[0]!.format).to.equal('csv');
  });

  it('searches the catalogue for the builder', async () => {
    const hits = await searchDatasets(p.api, 'musées fréquentation');
    expect(hits.map((h) => h.slug)).to.include(DATASETS.museums);
    expect(hits[0]!.title).to.be.a('string');
  });
});
