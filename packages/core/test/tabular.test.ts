import { expect } from '@open-wc/testing';
import { categoryOrder, clearCaches, configureCore, load, loadColumns, normalizeQuery, resolveSource, runQuery, toTabularParams, columnsFromProfile } from '../src/index.js';
import { serverFilters } from '../src/tabular.js';
import type { ColumnInfo, Query } from '../src/index.js';
import { DATASETS, RESOURCES, portal } from '../../../test/helpers/portal.js';
import type { Portal } from '../../../test/helpers/portal.js';

const columns: ColumnInfo[] = [
  { name: 'annee', type: 'integer' }, { name: 'total', type: 'integer' }, { name: 'region', type: 'string' },
  { name: 'Nom officiel du musée', type: 'string' }, { name: 'montant', type: 'number' }, { name: 'date', type: 'date' },
  { name: 'Type de voie (rue, Avenue, boulevard, etc.)', type: 'string' },
];
const params = (query: Query): string => toTabularParams(normalizeQuery(query, columns)).join('&');

describe('toTabularParams (API.md §2.4)', () => {
  const table: [string, Query, string][] = [
    ['= exact', { filters: [{ column: 'annee', op: '=', value: '2020' }] }, 'annee__exact=2020'],
    ['!= differs', { filters: [{ column: 'region', op: '!=', value: 'Corse' }] }, 'region__differs=Corse'],
    ['> strictly_greater', { filters: [{ column: 'annee', op: '>', value: '2020' }] }, 'annee__strictly_greater=2020'],
    ['>= greater', { filters: [{ column: 'annee', op: '>=', value: '2020' }] }, 'annee__greater=2020'],
    ['< strictly_less', { filters: [{ column: 'annee', op: '<', value: '2020' }] }, 'annee__strictly_less=2020'],
    ['<= less', { filters: [{ column: 'annee', op: '<=', value: '2020' }] }, 'annee__less=2020'],
    ['~ contains', { filters: [{ column: 'region', op: '~', value: 'île' }] }, 'region__contains=%C3%AEle'],
    ['!~ notcontains', { filters: [{ column: 'region', op: '!~', value: 'a.b c' }] }, 'region__notcontains=a.b%20c'],
    ['in with commas', { filters: [{ column: 'region', op: 'in', values: ['Bretagne', 'Pays de la Loire'] }] }, 'region__in=Bretagne,Pays%20de%20la%20Loire'],
    ['is empty → bare isnull', { filters: [{ column: 'total', op: 'is empty' }] }, 'total__isnull'],
    ['is not empty → bare isnotnull', { filters: [{ column: 'total', op: 'is not empty' }] }, 'total__isnotnull'],
    ['encoded column names', { filters: [{ column: 'Nom officiel du musée', op: '=', value: "L'Été" }] }, 'Nom%20officiel%20du%20mus%C3%A9e__exact=L\'%C3%89t%C3%A9'],
    ['French decimal values for number columns', { filters: [{ column: 'montant', op: '>', value: '2 901,60' }] }, 'montant__strictly_greater=2901.6'],
    ['DD/MM/YYYY values for date columns', { filters: [{ column: 'date', op: '>=', value: '05/03/2021' }] }, 'date__greater=2021-03-05'],
    ['sort', { sort: [{ column: 'annee' }] }, 'annee__sort=asc'],
    ['a descending sort with a limit keeps the empty values (no implicit filter)', { sort: [{ column: 'total', descending: true }], limit: 10 }, 'total__sort=desc'],
    ['a descending sort without limit', { sort: [{ column: 'total', descending: true }] }, 'total__sort=desc'],
    ['columns', { columns: ['annee', 'Nom officiel du musée'] }, 'columns=annee,Nom%20officiel%20du%20mus%C3%A9e'],
    ['group-by and aggregates, bare flags, mean → avg', { groupBy: ['region'], aggregates: [{ op: 'sum', column: 'total' }, { op: 'mean', column: 'total' }, { op: 'count' }] }, 'region__groupby&total__sum&total__avg&region__count'],
    ['search over the text columns with or=(…), names quoted (API.md §2.4)', { search: 'jazz' },
      'or=(%22region%22__contains.jazz,%22Nom%20officiel%20du%20mus%C3%A9e%22__contains.jazz,%22Type%20de%20voie%20(rue%2C%20Avenue%2C%20boulevard%2C%20etc.)%22__contains.jazz)'],
    ['search over the text columns returned only', { search: 'jazz', columns: ['annee', 'region'] }, 'or=(%22region%22__contains.jazz)&columns=annee,region'],
    // what the service would split on never reaches the query string (run locally instead)
    ['a value holding & or = is left out', { filters: [{ column: 'region', op: '=', value: 'BRETAGNE&annee__exact=2014' }, { column: 'annee', op: '>', value: '2015' }] }, 'annee__strictly_greater=2015'],
    ['an in value holding a comma or parentheses is left out', { filters: [{ column: 'region', op: 'in', values: ['a,b', 'c'] }] }, ''],
    ['a search holding . , ( ) is left out', { search: 'st. (x)' }, ''],
  ];
  for (const [name, query, expected] of table) it(name, () => expect(params(query)).to.equal(expected));

  it('says when a clause or the search could not be sent (the rest runs locally)', () => {
    const check = (query: Query) => serverFilters(normalizeQuery(query, columns)).complete;
    expect(check({ filters: [{ column: 'region', op: '=', value: 'Bretagne' }], search: 'jazz' })).to.equal(true);
    expect(check({ filters: [{ column: 'region', op: '=', value: 'a&b' }] })).to.equal(false);
    expect(check({ filters: [{ column: 'region', op: 'in', values: Array.from({ length: 400 }, (_, i) => `valeur ${i}`) }] })).to.equal(false);
    expect(check({ search: 'a=b' })).to.equal(false);
  });

  it('refuses a text operator on a number column and a non-number value', () => {
    expect(() => params({ filters: [{ column: 'annee', op: '~', value: '20' }] })).to.throw().with.property('code', 'bad-filter');
    expect(() => params({ filters: [{ column: 'annee', op: '>', value: 'deux mille' }] })).to.throw().with.property('code', 'bad-filter');
  });
  it('refuses unknown columns, listing the available ones', () => {
    try {
      params({ filters: [{ column: 'regions', op: '=', value: 'x' }] });
      expect.fail();
    } catch (e) {
      expect((e as { code: string }).code).to.equal('unknown-column');
      expect((e as { details: { available: string[] } }).details.available).to.deep.equal(columns.map((c) => c.name));
    }
  });
});

describe('columnsFromProfile', () => {
  it('strips quotes, types columns, turns numeric min/max into numbers and accepts swapped tops', () => {
    const cols = columnsFromProfile({ profile: {
      header: ['"annee"', 'nom'],
      columns: { '"annee"': { python_type: 'int', format: 'year' }, nom: { python_type: 'string', format: 'string' } },
      profile: { '"annee"': { min: '2014', max: '2024', nb_distinct: 11, nb_missing_values: 0, tops: [{ count: '2020', value: 3 } as unknown as object] }, nom: { tops: ['a', 'b'] } },
      categorical: ['"annee"'],
    } });
    expect(cols[0]).to.deep.equal({ name: 'annee', type: 'integer', format: 'year', categorical: true, distinct: 11, missing: 0, min: 2014, max: 2024, tops: [{ value: '2020', count: 3 }] });
    expect(cols[1]!.tops![0]!.value).to.equal('a');
  });
});

describe('tabular path against the sample portal', function () {
  this.timeout(30000);
  let p: Portal;
  const spec = (dataset: string) => ({ dataset, api: p.api, tabularApi: p.tabularApi });
  beforeEach(async () => { clearCaches(); p = await portal(); });

  it('reads the profile', async () => {
    const cols = await loadColumns(await resolveSource(spec(DATASETS.museums)));
    const annee = cols.find((c) => c.name === 'annee')!;
    expect(annee.type).to.equal('integer');
    expect(annee.min).to.be.a('number');
    expect(cols.map((c) => c.name)).to.include.members(['nom_du_musee', 'codeInseeCommune', 'total']);
  });

  it('asks one aligned page for a table page', async () => {
    const result = await load(spec(DATASETS.museums), { sort: [{ column: 'annee' }], limit: 20, offset: 40 });
    expect(result.rows).to.have.length(20);
    expect(result.path).to.equal('tabular');
    const data = await p.requests('/data/');
    expect(data).to.have.length(1);
    expect(data[0]!.query).to.equal('annee__sort=asc&page=3&page_size=20');
    expect(result.total).to.be.greaterThan(10000);
  });

  it('pages through results with URLs it builds, and learns the page-size maximum from the 400', async () => {
    await p.fault({ match: 'page_size=200', status: 400, body: { errors: [{ code: null, title: 'Invalid query string', detail: 'Page size exceeds allowed maximum: 50' }] } });
    const result = await load(spec(DATASETS.museums), { filters: [{ column: 'annee', op: '=', value: '2020' }], limit: 130, offset: 5 });
    expect(result.rows).to.have.length(130);
    const sizes = (await p.requests('/data/')).map((r) => /page_size=(\d+)/.exec(r.query)![1]);
    expect(sizes[0]).to.equal('200');
    expect(sizes.slice(1).every((s) => s === '50')).to.equal(true);
    // rows continue across pages in order
    const again = await load(spec(DATASETS.museums), { filters: [{ column: 'annee', op: '=', value: '2020' }], limit: 1, offset: 134 });
    expect(again.rows[0]).to.deep.equal(result.rows[129]);
  });

  it('reads every row through /data/csv/ when there are too many pages', async () => {
    const result = await load(spec(DATASETS.museums), { filters: [{ column: 'annee', op: '>=', value: '2016' }], columns: ['annee', 'total'] });
    expect(result.rows.length).to.equal(result.total);
    expect(result.rows.length).to.be.greaterThan(2200);
    expect(await p.requests('/data/csv/')).to.have.length(1);
  });

  it('a descending sort puts the empty values last and keeps every row: filled rows, then empty ones, with their counts', async () => {
    const all = await load(spec(DATASETS.museums), { limit: 20 });
    const sorted = await load(spec(DATASETS.museums), { sort: [{ column: 'total', descending: true }], limit: 20 });
    expect(sorted.total).to.equal(all.total);
    expect(sorted.rows.map((r) => r.total)).not.to.include(null);
    expect(sorted.rows[0]!.total as number).to.be.at.least(sorted.rows[19]!.total as number);
    const last = await load(spec(DATASETS.museums), { sort: [{ column: 'total', descending: true }], limit: 20, offset: all.total - 20 });
    expect(last.total).to.equal(all.total);
    expect(last.rows.map((r) => r.total)).to.deep.equal(new Array(20).fill(null));
    const queries = (await p.requests('/data/')).map((r) => r.query);
    expect(queries).to.include('total__isnotnull&total__sort=desc&page=1&page_size=20');
    expect(queries.some((q) => /^total__isnull&page=\d+&page_size=\d+$/.test(q))).to.equal(true);
  });

  it('never lets a filter value add API parameters: a value holding & or = is filtered locally', async () => {
    const injected = await load(spec(DATASETS.museums), { filters: [{ column: 'region', op: '=', value: 'BRETAGNE&annee__exact=2014' }], limit: 20 });
    expect(injected.total).to.equal(0);
    expect(injected.path).to.equal('tabular-local');
    const sent = (await p.requests()).map((r) => decodeURIComponent(r.query));
    expect(sent.filter((q) => q.includes('annee__exact'))).to.deep.equal([]);
    // the other clauses still go to the server, and a real value with `&` is found
    const both = await load(spec(DATASETS.museums), { filters: [{ column: 'annee', op: '=', value: '2015' }, { column: 'nom_du_musee', op: '~', value: 'a=b&c' }], limit: 5 });
    expect(both.total).to.equal(0);
    const csv = await p.requests('/data/csv/');
    expect(csv.map((r) => r.query)).to.include('annee__exact=2015');
  });

  it('aggregates on the server when allowed', async () => {
    const result = await load(spec(DATASETS.museums), { groupBy: ['annee'], aggregates: [{ op: 'sum', column: 'total' }] });
    expect(result.path).to.equal('tabular');
    expect(result.rows).to.have.length(11);
    expect(result.rows[0]).to.have.keys(['annee', 'total__sum']);
    const q = (await p.requests('/data/'))[0]!.query;
    expect(q).to.contain('annee__groupby&total__sum');
    expect(await p.requests('/data/csv/')).to.have.length(0);
  });

  it('falls back to local aggregation of /data/csv/ when the server refuses (403)', async () => {
    const result = await load(spec(DATASETS.museumList), { groupBy: ['Région administrative'], aggregates: [{ op: 'count' }], sort: [{ column: 'count', descending: true }], limit: 3 });
    expect(result.path).to.equal('tabular-local');
    expect(result.rows).to.have.length(3);
    expect(result.rows[0]!.count as number).to.be.greaterThan(result.rows[2]!.count as number - 1);
    const requests = await p.requests('/data/');
    expect(requests.map((r) => r.status)).to.deep.equal([403, 200]);
    expect(requests[1]!.path).to.contain('/data/csv/');
  });

  it('falls back to local aggregation when the aggregation request fails without CORS headers (403 from a gateway)', async () => {
    await p.fault({ match: '__groupby', status: 403, cors: false });
    const result = await load(spec(DATASETS.museums), { groupBy: ['annee'], aggregates: [{ op: 'sum', column: 'total' }] }).catch((error: Error) => error);
    if (result instanceof Error) expect.fail(result.message);
    expect(result.path).to.equal('tabular-local');
    expect(result.rows).to.have.length(11);
    expect(await p.requests('/data/csv/')).to.have.length(1);
  });

  it('reads the file when /data/csv/ is too long (more than 50,000 rows)', async () => {
    await p.fault({ match: '/data/csv/', status: 403, body: { errors: [{ code: null, title: 'Output is too long', detail: 'The output has more than 50000 rows, please consider downloading the source file directly' }] } });
    const result = await load(spec(DATASETS.museumList), { groupBy: ['Région administrative'], aggregates: [{ op: 'median', column: 'Latitude' }] });
    expect(result.path).to.equal('file');
    expect(result.rows.length).to.be.greaterThan(5);
    expect(await p.requests('/static/')).to.have.length(1);
  });

  it('shares identical loads: two at once and one later make one request', async () => {
    const query: Query = { filters: [{ column: 'annee', op: '=', value: '2021' }], limit: 10 };
    const [a, b] = await Promise.all([load(spec(DATASETS.museums), query), load(spec(DATASETS.museums), query)]);
    const c = await load(spec(DATASETS.museums), query);
    expect(a.rows).to.deep.equal(b.rows);
    expect(c.rows).to.deep.equal(a.rows);
    expect(await p.requests('/data/')).to.have.length(1);
    expect(await p.requests('/profile/')).to.have.length(1);
  });

  it('orders a column\'s values as the unfiltered data does: from the profile, else a grouped count', async () => {
    const source = await resolveSource(spec(DATASETS.museums));
    const columns = await loadColumns(source);
    // the tabular profile lists each column's most frequent values: no request
    expect(await categoryOrder(source, columns, 'departement')).to.deep.equal(columns.find((c) => c.name === 'departement')!.tops!.map((t) => t.value));
    expect(await p.requests('/data/')).to.have.length(0);
    // a file's profile lists them for categorical columns only: the others are counted, most frequent first
    const places = await resolveSource(spec(DATASETS.places));
    const placeColumns = await loadColumns(places);
    expect(placeColumns.find((c) => c.name === 'commune')!.tops).to.equal(undefined);
    const order = await categoryOrder(places, placeColumns, 'commune');
    expect(order.length).to.be.greaterThan(25);
    const counts = (await load(spec(DATASETS.places), { groupBy: ['commune'], aggregates: [{ op: 'count', as: 'n' }] })).rows;
    const n = new Map(counts.map((r) => [String(r['commune']), Number(r['n'])]));
    for (let i = 1; i < order.length; i++) expect(n.get(order[i - 1]!)!).to.be.at.least(n.get(order[i]!)!);
  });

  it('keeps hostile values as plain strings', async () => {
    const result = await load(spec(DATASETS.hostile), { limit: 50 });
    const texts = result.rows.flatMap((r) => Object.values(r)).filter((v) => typeof v === 'string') as string[];
    expect(texts.some((t) => t.includes('<'))).to.equal(true);
    expect(result.columns.some((c) => /[<>]/.test(c.name))).to.equal(true);
    expect(result.source.citation.datasetTitle).to.contain('<');
    expect((window as { __xss?: boolean }).__xss).to.equal(undefined);
  });

  it('uses the default arquero/eval-free setting only for files', async () => {
    const previous = configureCore({ evalAllowed: false });
    try {
      const result = await load(spec(DATASETS.museums), { limit: 1 });
      expect(result.path).to.equal('tabular');
    } finally { configureCore(previous); }
  });

  it('knows which resource it read', async () => {
    const result = await load(spec(DATASETS.museums), { limit: 1 });
    expect(result.source.resourceId).to.equal(RESOURCES.museums);
    const again = await runQuery(result.source, { limit: 1 });
    expect(again).to.equal(result);
  });
});

describe('page sizes (API.md §2.5): the maximum is 50 or 200 depending on the deployment', function () {
  this.timeout(30000);
  let p: Portal;
  const spec = (dataset: string) => ({ dataset, api: p.api, tabularApi: p.tabularApi });
  const sum: Query = { groupBy: ['annee'], aggregates: [{ op: 'sum', column: 'total' }] };

  for (const max of [50, 200]) {
    it(`a first load needing at most 50 rows makes one request and no 4xx (maximum ${max})`, async () => {
      clearCaches();
      p = await portal();
      await p.configure({ pageSizeMax: max });
      const results = await Promise.all([
        load(spec(DATASETS.museums), { limit: 20 }), // a table's first page
        load(spec(DATASETS.museums), { sort: [{ column: 'annee' }], limit: 20, offset: 40 }),
        load(spec(DATASETS.museums), { ...sum, filters: [{ column: 'region', op: '=', value: 'BRETAGNE' }] }), // a chart: 11 groups
        load(spec(DATASETS.museums), { groupBy: ['annee'], aggregates: [{ op: 'count' }] }), // 11 years by the profile
      ]);
      expect(results[3]!.rows).to.have.length(11);
      const data = await p.requests('/data/');
      expect(data.filter((r) => r.status! >= 400).map((r) => r.query)).to.deep.equal([]);
      expect(data).to.have.length(4);
      expect(data.map((r) => Number(/page_size=(\d+)/.exec(r.query)![1])).sort((a, b) => a - b)).to.deep.equal([20, 20, 50, 50]);
    });
  }

  it('beyond 50 rows on a 50-row maximum: one 400, learnt once and shared by concurrent loads', async () => {
    clearCaches();
    p = await portal();
    await p.configure({ pageSizeMax: 50 });
    const [museums, towns, rows] = await Promise.all([
      load(spec(DATASETS.museums), { groupBy: ['nom_du_musee'], aggregates: [{ op: 'sum', column: 'total' }] }),
      load(spec(DATASETS.museums), { groupBy: ['ville'], aggregates: [{ op: 'count' }] }),
      load(spec(DATASETS.museums), { filters: [{ column: 'annee', op: '=', value: '2020' }], limit: 120 }),
    ]);
    expect(museums.rows.length).to.be.above(400);
    expect(towns.rows.length).to.be.above(100);
    expect(rows.rows).to.have.length(120);
    const refused = (await p.requests('/data/')).filter((r) => r.status === 400);
    expect(refused).to.have.length(1);
    // a later widget knows the maximum already
    await load(spec(DATASETS.museums), { groupBy: ['codeInseeCommune'], aggregates: [{ op: 'count' }] });
    expect((await p.requests('/data/')).filter((r) => r.status === 400)).to.have.length(1);
  });

  it('beyond 50 rows on a 200-row maximum: pages of 200, no 400', async () => {
    clearCaches();
    p = await portal();
    const result = await load(spec(DATASETS.museums), { groupBy: ['nom_du_musee'], aggregates: [{ op: 'sum', column: 'total' }] });
    expect(result.rows.length).to.be.above(400);
    const data = await p.requests('/data/');
    expect(data.filter((r) => r.status === 400)).to.deep.equal([]);
    expect(data.every((r) => r.query.includes('page_size=200'))).to.equal(true);
  });
});
