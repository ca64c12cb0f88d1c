/**
 * The open formats beyond CSV, read from the sample portal: spreadsheets (XLSX, ODS, XLS), XML,
 * Parquet (a resource, and the Parquet copy of a big tabular resource), a mislabelled file, and
 * every file that must be refused with a message naming it and the reason.
 */
import { expect } from '@open-wc/testing';
import { CultureError, clearCaches, configureCore, load, type QueryResult, type SourceSpec } from '../src/index.js';
import { lastParse } from '../src/worker-client.js';
import { DATASETS, RESOURCES, portal, type Portal } from '../../../test/helpers/portal.js';

const HEADER = ['Identifiant Muséofile', 'Nom du musée', 'Région', 'Département', 'Commune', "Date d'appellation", 'Entrées 2023', 'Ouvert', 'Latitude'];

async function failure(promise: Promise<unknown>): Promise<CultureError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(CultureError);
    return error as CultureError;
  }
  throw new Error('expected a failure');
}

describe('open formats', function () {
  this.timeout(60000);
  let p: Portal;
  const spec = (resource: string, more: Partial<SourceSpec> = {}): SourceSpec => ({ dataset: DATASETS.formats, resource, api: p.api, tabularApi: p.tabularApi, ...more });

  beforeEach(async () => {
    clearCaches();
    p = await portal();
  });

  /** The museums sheet, whatever the format: header, row count, types, one known row. */
  function expectMuseums(result: QueryResult): void {
    expect(result.columns.map((c) => c.name)).to.deep.equal(HEADER);
    expect(result.total).to.equal(120);
    const type = (name: string) => result.columns.find((c) => c.name === name)?.type;
    expect([type("Date d'appellation"), type('Entrées 2023'), type('Ouvert'), type('Latitude'), type('Département')])
      .to.deep.equal(['date', 'integer', 'boolean', 'number', 'string']);
    expect(result.rows[1]).to.deep.equal({
      'Identifiant Muséofile': 'M0002', 'Nom du musée': 'Musée du Textile', Région: 'Nouvelle-Aquitaine', Département: '16',
      Commune: 'Cognac', "Date d'appellation": '2003-02-01', 'Entrées 2023': 5511, Ouvert: true, Latitude: 45.686975,
    });
    expect(result.rows[0]!['Entrées 2023']).to.equal(null);
  }

  it('reads an XLSX whose header sits below a title row', async () => {
    const result = await load(spec(RESOURCES.xlsx), { limit: 3 });
    expect(result.path).to.equal('file');
    expectMuseums(result);
  });

  it('reads a workbook and Parquet on the main thread when no worker can start', async () => {
    const previous = configureCore({ useWorker: false });
    try {
      expectMuseums(await load(spec(RESOURCES.xlsx), { limit: 3 }));
      expect(lastParse).to.equal('main');
      const parquet = await load(spec(RESOURCES.parquet), { limit: 2 });
      expect(lastParse).to.equal('main');
      expect(parquet.rows[1]!.nom_du_musee).to.equal('Musée du Textile');
    } finally {
      configureCore(previous);
    }
  });

  it('reads the same workbook as ODS and as XLS', async () => {
    expectMuseums(await load(spec(RESOURCES.ods), { limit: 3 }));
    expectMuseums(await load(spec(RESOURCES.xls), { limit: 3 }));
  });

  it('reads a sheet by name or number, merged two-row headers joined', async () => {
    const expected = ['Musée', 'Région', 'Entrées 2023 payantes', 'Entrées 2023 gratuites', 'Entrées 2023 total'];
    const byName = await load(spec(RESOURCES.xlsx, { sheet: 'Fréquentation' }), { limit: 2 });
    expect(byName.columns.map((c) => c.name)).to.deep.equal(expected);
    expect(byName.total).to.equal(120);
    expect(byName.rows[1]).to.deep.equal({ Musée: 'Musée du Textile', Région: 'Nouvelle-Aquitaine', 'Entrées 2023 payantes': 3307, 'Entrées 2023 gratuites': 2204, 'Entrées 2023 total': 5511 });
    const byNumber = await load(spec(RESOURCES.ods, { sheet: '2' }), { limit: 2 });
    expect(byNumber.columns.map((c) => c.name)).to.deep.equal(expected);
    const error = await failure(load(spec(RESOURCES.xlsx, { sheet: 'Budget' }), { limit: 2 }));
    expect(error.messageIn('fr')).to.equal('Le fichier Excel « liste-officielle-museesdf-20220127-data.xlsx » n’a pas de feuille « Budget ». Feuilles : « Musées », « Fréquentation ».');
  });

  it('reads an XML file: the repeated element, attributes and children as columns, namespaces dropped', async () => {
    const result = await load(spec(RESOURCES.xml), { limit: 3 });
    expect(result.columns.map((c) => c.name)).to.deep.equal(['id', 'ouvert', 'nom', 'region', 'departement', 'commune', 'appellation', 'entrees.annee', 'entrees', 'lat', 'long', 'domaines.domaine']);
    expect(result.total).to.equal(120);
    const type = (name: string) => result.columns.find((c) => c.name === name)?.type;
    expect([type('appellation'), type('entrees'), type('lat'), type('ouvert')]).to.deep.equal(['date', 'integer', 'number', 'boolean']);
    expect(result.rows[0]).to.include({ id: 'M0001', nom: 'Musée du Jouet', departement: '17', entrees: null, 'domaines.domaine': 'Archéologie;Histoire' });
    expect(result.rows[1]).to.include({ id: 'M0002', entrees: 5511, lat: 45.686975, ouvert: true });
    const named = await load(spec(RESOURCES.xml, { record: 'mdf:musee' }), { limit: 1 });
    expect(named.total).to.equal(120);
    const error = await failure(load(spec(RESOURCES.xml, { record: 'exposition' }), { limit: 1 }));
    expect(error.messageIn('en')).to.equal('The XML file “musees-de-france.xml” has no “exposition” element.');
  });

  it('reads a Parquet resource by ranges, only the columns a query needs', async () => {
    const result = await load(spec(RESOURCES.parquet), { groupBy: ['region'], aggregates: [{ op: 'sum', column: 'entrees_2023' }], sort: [{ column: 'region' }] });
    expect(result.path).to.equal('file');
    expect(result.columns.map((c) => c.name)).to.deep.equal(['region', 'entrees_2023__sum']);
    expect(result.rows.length).to.be.greaterThan(3);
    const rows = await load(spec(RESOURCES.parquet), { limit: 2 });
    expect(rows.total).to.equal(120);
    expect(rows.rows[1]).to.deep.equal({
      identifiant_museofile: 'M0002', nom_du_musee: 'Musée du Textile', region: 'Nouvelle-Aquitaine', departement: '16',
      date_appellation: '2003-02-01', entrees_2023: 5511, ouvert: true, latitude: 45.686975,
    });
    const requests = await p.requests('musees-de-france.parquet');
    expect(requests.length).to.be.greaterThan(0);
    expect(requests.every((r) => r.status === 206 && /^bytes=\d+-\d+$/.test(r.range ?? ''))).to.equal(true);
  });

  it('reads a spreadsheet declared as CSV as a spreadsheet', async () => {
    expectMuseums(await load(spec(RESOURCES.mislabelled), { limit: 3 }));
  });
});

describe('files refused clearly', function () {
  this.timeout(60000);
  let p: Portal;
  const fail = (resource: string) => failure(load({ dataset: DATASETS.badFiles, resource, api: p.api, tabularApi: p.tabularApi }, { limit: 5 }));

  beforeEach(async () => {
    clearCaches();
    p = await portal();
  });

  it('a truncated zip', async () => {
    const error = await fail(RESOURCES.truncatedXlsx);
    expect(error.code).to.equal('parse');
    expect(error.messageIn('fr')).to.equal('Le fichier Excel « classeur-tronque.xlsx » est endommagé ou incomplet : il n’a pas pu être lu.');
  });

  it('a password-protected workbook', async () => {
    const error = await fail(RESOURCES.protectedXlsx);
    expect(error.messageIn('en')).to.equal('The Excel file “classeur-protege.xlsx” is password-protected: it cannot be read in the page.');
  });

  it('an empty sheet', async () => {
    const error = await fail(RESOURCES.emptySheet);
    expect(error.messageIn('fr')).to.equal('Le fichier Excel « feuille-vide.xlsx » a une feuille « Feuil1 » vide : aucune donnée à afficher.');
  });

  it('an XML file with no repeated element', async () => {
    const error = await fail(RESOURCES.reportXml);
    expect(error.messageIn('fr')).to.equal('Le fichier XML « rapport.xml » ne contient pas d’élément répété (un enregistrement par ligne) : aucun tableau à en tirer.');
  });

  it('a Parquet file compressed with a codec no browser reader has', async () => {
    const error = await fail(RESOURCES.lzoParquet);
    expect(error.messageIn('fr')).to.equal('Le fichier Parquet « codec-lzo.parquet » est compressé en LZO, que le navigateur ne sait pas lire (lus : Snappy, Zstandard, Gzip, LZ4).');
  });

  it('a PDF, refused before it is downloaded, with a link to it', async () => {
    const error = await fail(RESOURCES.pdf);
    expect(error.code).to.equal('unsupported-format');
    expect(error.messageIn('fr')).to.equal('Le fichier « presentation.pdf » est au format PDF, que ce composant ne lit pas (il lit CSV, JSON, GeoJSON, XLSX, XLS, ODS, XML, Parquet). Téléchargez le fichier pour l’ouvrir.');
    expect(String(error.details.download)).to.match(/presentation\.pdf$/);
    expect(await p.requests('presentation.pdf')).to.have.length(0);
  });
});

describe('the Parquet copy of a big tabular resource', function () {
  this.timeout(90000);
  let p: Portal;
  const visits = (): SourceSpec => ({ dataset: DATASETS.visits, api: p.api, tabularApi: p.tabularApi });
  const byRegion = { groupBy: ['region'], aggregates: [{ op: 'sum' as const, column: 'entrees' }], sort: [{ column: 'region' }] };
  const copyBytes = async () => (await p.requests('hydra-parquet')).reduce((sum, r) => sum + (r.bytes ?? 0), 0);

  beforeEach(async () => {
    clearCaches();
    p = await portal();
  });

  it('sums a column by region from two columns of the copy, never the CSV export nor the file', async () => {
    const result = await load(visits(), byRegion);
    expect(result.path).to.equal('parquet');
    expect(lastParse).to.equal('worker'); // decoded in the worker, the ranges fetched by the page
    expect(result.rows.length).to.be.greaterThan(5);
    expect(await p.requests('/data/csv/')).to.have.length(0);
    expect(await p.requests('entrees-lieux-culturels-2019-2024.csv')).to.have.length(0);
    const size = Number((await (await fetch(`${p.api}/1/datasets/${DATASETS.visits}/`)).json()).resources[0].extras['analysis:parsing:parquet_size']);
    expect(await copyBytes()).to.be.lessThan(size * 0.25);
  });

  it('gives the same groups as the CSV export, and skips row groups the filter excludes', async () => {
    const query = { ...byRegion, filters: [{ column: 'annee', op: '=' as const, value: '2024' }] };
    const copy = await load(visits(), query);
    expect(copy.path).to.equal('parquet');
    const read = await copyBytes();
    clearCaches();
    const previous = configureCore({ parquetFrom: Infinity });
    try {
      const csv = await load(visits(), query);
      expect(csv.path).to.equal('tabular-local');
      expect(copy.rows).to.deep.equal(csv.rows);
    } finally {
      configureCore(previous);
    }
    clearCaches();
    const q = await portal();
    await load({ dataset: DATASETS.visits, api: q.api, tabularApi: q.tabularApi }, byRegion);
    const all = (await q.requests('hydra-parquet')).reduce((sum, r) => sum + (r.bytes ?? 0), 0);
    expect(read).to.be.lessThan(all * 0.6);
  });

  it('reads the whole copy when the server ignores Range (within the size cap)', async () => {
    await p.fault({ match: 'hydra-parquet', ignoreRange: true });
    const result = await load(visits(), byRegion);
    expect(result.path).to.equal('parquet');
    const requests = await p.requests('hydra-parquet');
    expect(requests.map((r) => r.status)).to.deep.equal([200]);
  });

  it('falls back to the CSV export when the copy cannot be read', async () => {
    await p.fault({ match: 'hydra-parquet', status: 403 });
    const result = await load(visits(), { ...byRegion, filters: [{ column: 'annee', op: '=', value: '2019' }] });
    expect(result.path).to.equal('tabular-local');
  });
});
