/**
 * One table of queries, three paths: the tabular API (sample portal), arquero over the file, and
 * the eval-free engine over the file. They must give the same rows. The engine choice is forced
 * with `configureCore({ evalAllowed })`: a real strict-CSP page can't run inside wtr's runner
 * (inline scripts), so the CSP page check itself is done outside these tests.
 */
import { expect } from '@open-wc/testing';
import { clearCaches, configureCore, localEngine, resolveSource, runQuery } from '../src/index.js';
import type { Query, ResolvedSource, Row } from '../src/index.js';
import { DATASETS, portal } from '../../../test/helpers/portal.js';

const queries: [string, Query][] = [
  ['filter = and >=, sort desc top-N', { filters: [{ column: 'region', op: '=', value: 'Bretagne' }, { column: 'annee', op: '>=', value: '2020' }], sort: [{ column: 'total', descending: true }], limit: 7, columns: ['nom_du_musee', 'annee', 'total'] }],
  ['!= and < and <=, ascending text sort', { filters: [{ column: 'annee', op: '!=', value: '2020' }, { column: 'annee', op: '<', value: '2017' }, { column: 'total', op: '<=', value: '3000' }], sort: [{ column: 'ville' }, { column: 'annee' }], limit: 12, columns: ['ville', 'annee', 'total'] }],
  ['> and contains', { filters: [{ column: 'ville', op: '~', value: 'saint' }, { column: 'total', op: '>', value: '20000' }], sort: [{ column: 'total' }], limit: 10, columns: ['ville', 'total'] }],
  ['not contains, in, empty', { filters: [{ column: 'region', op: 'in', values: ['Corse', 'Normandie'] }, { column: 'ville', op: '!~', value: 'a' }, { column: 'total', op: 'is empty' }], sort: [{ column: 'nom_du_musee' }], columns: ['nom_du_musee', 'ville', 'annee'] }],
  ['is not empty, offset page', { filters: [{ column: 'total', op: 'is not empty' }, { column: 'annee', op: '=', value: '2019' }], sort: [{ column: 'total', descending: true }], limit: 5, offset: 10, columns: ['IDMuseofile', 'total'] }],
  ['sort desc: empty values last, every row kept', { filters: [{ column: 'annee', op: '=', value: '2019' }], sort: [{ column: 'total', descending: true }], limit: 8, columns: ['IDMuseofile', 'total'] }],
  ['sort desc: the page where the filled values end and the empty ones start', { filters: [{ column: 'annee', op: '=', value: '2019' }], sort: [{ column: 'total', descending: true }], limit: 200, offset: 950, columns: ['IDMuseofile', 'total'] }],
  ['group by, sorted by a measure descending: empty groups last', { filters: [{ column: 'annee', op: '=', value: '2014' }], groupBy: ['nom_du_musee'], aggregates: [{ op: 'min', column: 'total' }], sort: [{ column: 'total__min', descending: true }], limit: 30, offset: 410 }],
  ['search', { search: 'magnin', sort: [{ column: 'annee' }], columns: ['nom_du_musee', 'annee'], limit: 20 }],
  ['group by with sum, count, mean, min, max', { groupBy: ['region'], aggregates: [{ op: 'sum', column: 'total' }, { op: 'count' }, { op: 'mean', column: 'total' }, { op: 'min', column: 'total' }, { op: 'max', column: 'total' }, { op: 'count', column: 'total' }] }],
  ['group by year, filtered, sorted by the sum, top 3', { filters: [{ column: 'region', op: '=', value: 'Occitanie' }], groupBy: ['annee'], aggregates: [{ op: 'sum', column: 'total' }], sort: [{ column: 'total__sum', descending: true }], limit: 3 }],
  ['median (not a server operator)', { groupBy: ['annee'], aggregates: [{ op: 'median', column: 'total' }, { op: 'sum', column: 'gratuit' }] }],
];

/** Means differ in the last bits between PostgreSQL-like and JS sums: compare at 9 digits. */
const round = (rows: Row[]): Row[] => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(9)) : v])));

describe('the same rows on every path', function () {
  this.timeout(60000);
  let tabular: ResolvedSource;
  let file: ResolvedSource;
  let restore: ReturnType<typeof configureCore>;

  before(async () => {
    clearCaches();
    const p = await portal();
    tabular = await resolveSource({ dataset: DATASETS.museums, api: p.api, tabularApi: p.tabularApi });
    file = { ...tabular, key: `${tabular.key}|file`, tabular: false };
    restore = configureCore({});
  });
  after(() => configureCore(restore));

  it('chooses arquero when eval is allowed and the eval-free engine otherwise', () => {
    configureCore({ evalAllowed: true });
    expect(localEngine()).to.equal('arquero');
    configureCore({ evalAllowed: false });
    expect(localEngine()).to.equal('eval-free');
  });

  for (const [name, query] of queries) {
    it(name, async () => {
      const server = await runQuery(tabular, query);
      configureCore({ evalAllowed: true });
      const arquero = await runQuery(file, query);
      configureCore({ evalAllowed: false });
      const evalFree = await runQuery(file, query);
      expect(server.path).to.match(/^tabular/);
      expect(arquero.path).to.equal('file');
      expect(server.rows.length, 'some rows').to.be.greaterThan(0);
      expect(round(arquero.rows), 'arquero = tabular').to.deep.equal(round(server.rows));
      expect(round(evalFree.rows), 'eval-free = tabular').to.deep.equal(round(server.rows));
      expect(arquero.total).to.equal(server.total);
      expect(evalFree.total).to.equal(server.total);
      expect(arquero.columns.map((c) => c.name)).to.deep.equal(server.columns.map((c) => c.name));
    });
  }
});
