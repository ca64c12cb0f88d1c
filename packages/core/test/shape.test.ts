/**
 * One table of shaped queries (DESIGN.md § 5), three paths: the tabular API (server groups, then
 * re-grouped here, or the CSV export when rows are needed), arquero over the file, and the
 * eval-free engine over the file. They must give the same shaped rows; each case also says which
 * path ran each step and checks the numbers a reader would see.
 */
import { expect } from '@open-wc/testing';
import { clearCaches, configureCore, loadSentences, resolveSource, runQuery } from '../src/index.js';
import type { CultureError, Query, QueryResult, ResolvedSource, Row } from '../src/index.js';
import { DATASETS, RESOURCES, portal } from '../../../test/helpers/portal.js';
import type { Portal } from '../../../test/helpers/portal.js';

// these tests word core's errors themselves: elements load the sentences on their own (decision 0016)
before(() => Promise.all([loadSentences('fr'), loadSentences('en')]));

/** Means and ratios differ in the last bits between summing orders: compare at 9 digits. */
const round = (rows: Row[]): Row[] => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(9)) : v])));

const byKey = (rows: Row[], key: string): Map<unknown, Row> => new Map(rows.map((r) => [r[key], r]));

interface Case {
  dataset: keyof typeof DATASETS;
  query: (p: Portal) => Query;
  /** Steps of the tabular path, as `step:path`. */
  steps: string[];
  check: (result: QueryResult) => void;
}

const cases: Record<string, Case> = {
  'ratio of sums per group': {
    dataset: 'museums',
    query: () => ({ groupBy: ['annee'], measures: 'taux = sum(gratuit) / sum(total) * 100, total' }),
    steps: ['groups:tabular', 'regroup:local'],
    check: ({ rows }) => {
      expect(rows.map((r) => r.annee)).to.deep.equal([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
      for (const r of rows) expect(r.taux).to.be.within(30, 60);
    },
  },
  'decade of a year column (the server groups by year)': {
    dataset: 'museums',
    query: () => ({ compute: 'decennie = decade(annee)', groupBy: ['decennie'], measures: 'total, musees = count()' }),
    steps: ['groups:tabular', 'regroup:local'],
    check: ({ rows, columns }) => {
      expect(rows.map((r) => r.decennie)).to.deep.equal(['2010-2019', '2020-2029']);
      expect(rows.map((r) => r.musees)).to.deep.equal([1212 * 6, 1212 * 5]);
      expect(columns.find((c) => c.name === 'decennie')).to.include({ computed: true, format: 'decade' });
    },
  },
  'decade of a date written as text': {
    dataset: 'museofile',
    query: () => ({ compute: 'decennie = decade(date_creation)', groupBy: ['decennie'], measures: 'count()' }),
    steps: ['groups:tabular', 'regroup:local'],
    check: ({ rows, columns }) => {
      const decades = rows.map((r) => r.decennie);
      expect(decades[0]).to.equal('1790-1799');
      expect(decades.at(-1)).to.equal(null); // the undated museums, last
      expect(decades).to.include('1990-1999');
      expect(columns.find((c) => c.name === 'decennie')!.order![0]).to.equal('1790-1799');
    },
  },
  'split + count': {
    dataset: 'museofile',
    query: () => ({ compute: "domaine = split(dompal, ';')", groupBy: ['domaine'], measures: 'count()', sort: [{ column: 'count()', descending: true }] }),
    steps: ['rows:tabular-local'],
    check: ({ rows }) => {
      const counts = byKey(rows, 'domaine');
      expect(counts.get('Archéologie')!['count()']).to.equal(337);
      expect(counts.get('Beaux-Arts')!['count()']).to.equal(387);
      expect(rows[0]!.domaine).to.equal('Beaux-Arts');
      expect(counts.has(null)).to.equal(true); // museums with no domain: one empty group
    },
  },
  'clean': {
    dataset: 'museofile',
    query: () => ({ compute: 'region_propre = clean(region)', groupBy: ['region_propre'], measures: 'count(), surface' }),
    steps: ['spellings:tabular', 'groups:tabular', 'regroup:local'],
    check: ({ rows }) => {
      const names = rows.map((r) => r.region_propre);
      expect(names).to.include('Île-de-France');
      expect(names).to.include("Provence-Alpes-Côte d'Azur");
      expect(names).not.to.include('BRETAGNE');
      expect(names).not.to.include('Ile de France');
      expect(rows.length).to.equal(18 + 2); // 18 régions + the two overseas collectivities
    },
  },
  'bin': {
    dataset: 'museofile',
    query: () => ({ compute: 'taille = bin(surface, 0|500|2000|10000)', groupBy: ['taille'], measures: 'count(), mean(collections)' }),
    steps: ['groups:tabular', 'regroup:local'],
    check: ({ rows }) => {
      expect(rows.map((r) => r.taille)).to.deep.equal(['0 – 500', '500 – 2\u202f000', '2\u202f000 – 10\u202f000', '10\u202f000 et plus', null]);
    },
  },
  'century from text': {
    dataset: 'museofile',
    query: () => ({ compute: 'siecle_batiment = century(siecle)', groupBy: ['siecle_batiment'], measures: 'count()' }),
    steps: ['groups:tabular', 'regroup:local'],
    check: ({ rows }) => {
      const names = rows.map((r) => r.siecle_batiment);
      expect(names.slice(0, 3)).to.deep.equal(['XIIe siècle', 'XIIIe siècle', 'XIVe siècle']);
      expect(names.slice(-2)).to.deep.equal(['XXe siècle', null]); // « XIXe-XXe siècles »: the first one named
      expect(names.indexOf('IXe siècle')).to.equal(-1);
    },
  },
  'a join with unmatched keys': {
    dataset: 'museofile',
    query: (p) => ({
      groupBy: ['code_departement'],
      measures: 'musees = count(), par_million = count() / join.PMUN * 1000000',
      join: { source: { dataset: DATASETS.population, api: p.api, tabularApi: p.tabularApi }, left: 'code_departement', right: 'DEP', ref: 'pop' },
    }),
    steps: ['join:tabular', 'groups:tabular', 'regroup:local'],
    check: (result) => {
      expect(result.unmatched).to.deep.equal(['975', '977']);
      expect(result.warnings!.map((w) => w.messageIn('fr'))).to.deep.equal(['2 codes sans correspondance dans « pop » : 975, 977']);
      expect(result.warnings![0]!.messageIn('en')).to.equal('2 keys without a match in “pop”: 975, 977');
      const rows = byKey(result.rows, 'code_departement');
      expect(rows.get('975')).to.include({ musees: 1, par_million: null }); // listed, never dropped
      expect(rows.get('01')!.par_million).to.be.greaterThan(0); // `01` found `1`
      expect(rows.get('2A')!.par_million).to.be.greaterThan(0);
    },
  },
  'a filter on a computed column, median and distinct (rows)': {
    dataset: 'museofile',
    query: () => ({
      compute: "domaine = split(dompal, ';'); decennie = decade(date_creation)",
      filters: [{ column: 'domaine', op: '=', value: 'Archéologie' }],
      groupBy: ['decennie'], measures: 'count(), median(surface), distinct(code_departement)',
    }),
    steps: ['rows:tabular-local'],
    check: ({ rows }) => {
      // a filter on a split column keeps whole rows: counts add up to the museums with Archéologie
      expect(rows.reduce((s, r) => s + (r['count()'] as number), 0)).to.equal(337);
    },
  },
};

const stepsOf = (r: QueryResult): string[] => (r.steps ?? []).map((s) => `${s.step}:${s.path}`);

describe('shaped queries: the same result on every path', function () {
  this.timeout(90000);
  let p: Portal;
  const sources = new Map<string, { tabular: ResolvedSource; file: ResolvedSource }>();
  let restore: ReturnType<typeof configureCore>;

  before(async () => {
    clearCaches();
    p = await portal();
    for (const name of ['museums', 'museofile'] as const) {
      const tabular = await resolveSource({ dataset: DATASETS[name], api: p.api, tabularApi: p.tabularApi });
      sources.set(name, { tabular, file: { ...tabular, key: `${tabular.key}|file`, tabular: false } });
    }
    restore = configureCore({});
  });
  after(() => configureCore(restore));

  for (const [name, c] of Object.entries(cases)) {
    it(name, async () => {
      const { tabular, file } = sources.get(c.dataset)!;
      const query = c.query(p);
      configureCore({ evalAllowed: false });
      const server = await runQuery(tabular, query);
      configureCore({ evalAllowed: true });
      const arquero = await runQuery(file, query);
      configureCore({ evalAllowed: false });
      const evalFree = await runQuery(file, query);
      expect(stepsOf(server).filter((s) => !s.startsWith('join') || c.steps.includes(s)).sort()).to.deep.equal([...c.steps].sort());
      expect(evalFree.steps!.find((s) => s.step === 'rows')).to.include({ path: 'file', engine: 'eval-free' });
      expect(arquero.steps!.find((s) => s.step === 'rows')).to.include({ path: 'file', engine: 'arquero' });
      expect(server.rows.length, 'some rows').to.be.greaterThan(0);
      expect(round(arquero.rows), 'arquero = tabular').to.deep.equal(round(server.rows));
      expect(round(evalFree.rows), 'eval-free = tabular').to.deep.equal(round(server.rows));
      const shape = (r: QueryResult) => r.columns.map((col) => [col.name, col.type, col.computed ?? false, col.order ?? []]);
      expect(shape(arquero)).to.deep.equal(shape(server));
      expect(evalFree.total).to.equal(server.total);
      c.check(server);
    });
  }

  it('a ratio of sums costs one groupby request', async () => {
    clearCaches();
    const q = await portal();
    const source = await resolveSource({ dataset: DATASETS.museums, api: q.api, tabularApi: q.tabularApi });
    const result = await runQuery(source, { groupBy: ['annee'], measures: 'taux = gratuit / total' });
    expect(result.rows).to.have.length(11);
    const data = await q.requests(`/resources/${RESOURCES.museums}/data/`);
    expect(data).to.have.length(1);
    expect(data[0]!.query).to.contain('annee__groupby');
    expect(data[0]!.query).to.contain('gratuit__sum');
    expect(data[0]!.query).to.contain('total__sum');
  });

  it('« Autres » is the same expression over the folded groups', async () => {
    const { tabular } = sources.get('museums')!;
    const result = await runQuery(tabular, { groupBy: ['annee'], measures: 'taux = sum(gratuit) / sum(total), total, m = mean(total), med = median(total)' });
    const rest = result.rows.slice(8);
    const other = result.combine!(rest);
    const sum = (k: string) => rest.reduce((s, r) => s + (r[k] as number), 0);
    expect(other.total).to.equal(sum('total'));
    expect(other.m).to.be.a('number');
    expect(other.med).to.equal(null); // a median of medians would lie
    const ratio = await runQuery(tabular, { filters: [{ column: 'annee', op: '>=', value: String(rest[0]!.annee) }], measures: 'taux = sum(gratuit) / sum(total), m = mean(total)' });
    expect(Number((other.taux as number).toPrecision(9))).to.equal(Number((ratio.rows[0]!.taux as number).toPrecision(9)));
    expect(Number((other.m as number).toPrecision(9))).to.equal(Number((ratio.rows[0]!.m as number).toPrecision(9)));
  });

  it('row mode: computed columns and joined columns on each row, the server paging', async () => {
    const { tabular } = sources.get('museofile')!;
    const result = await runQuery(tabular, {
      compute: "decennie = decade(date_creation); domaines = split(dompal, ';'); part = collections / surface",
      columns: ['nom', 'decennie', 'domaines', 'part', 'join.PMUN', 'join.Département'],
      filters: [{ column: 'code_departement', op: 'in', values: ['01', '975'] }],
      sort: [{ column: 'nom' }], limit: 50,
      join: { source: { dataset: DATASETS.population, api: p.api, tabularApi: p.tabularApi }, left: 'code_departement', right: 'DEP' },
    });
    expect(result.steps!.map((s) => `${s.step}:${s.path}`)).to.include('rows:tabular');
    expect(result.columns.map((c) => c.name)).to.deep.equal(['nom', 'decennie', 'domaines', 'part', 'join.PMUN', 'join.Département']);
    const ain = result.rows.find((r) => r['join.Département'] === 'Ain')!;
    expect(ain['join.PMUN']).to.be.a('number');
    expect(result.unmatched).to.deep.equal(['975']);
    expect(result.rows.some((r) => typeof r.decennie === 'string' && /^\d{4}-\d{4}$/.test(r.decennie))).to.equal(true);
  });

  it('row mode sorted by a computed column reads the rows, in natural order', async () => {
    const { tabular } = sources.get('museofile')!;
    const result = await runQuery(tabular, { compute: 'siecle_batiment = century(siecle)', columns: ['ref', 'siecle_batiment'], sort: [{ column: 'siecle_batiment' }], limit: 5000 });
    expect(result.steps![0]).to.include({ step: 'rows', path: 'tabular-local' });
    const order = result.columns[1]!.order!;
    const values = result.rows.map((r) => r.siecle_batiment).filter((v) => v !== null);
    expect(values.map((v) => order.indexOf(v as string))).to.deep.equal(values.map((v) => order.indexOf(v as string)).sort((a, b) => a - b));
  });

  it('rows needed on a big resource read its Parquet copy (the needed columns only), not the CSV', async () => {
    const q = await portal();
    const source = await resolveSource({ dataset: DATASETS.visits, api: q.api, tabularApi: q.tabularApi });
    const result = await runQuery(source, { compute: 'decennie = decade(annee)', groupBy: ['categorie'], measures: 'median(entrees), n = count()', filters: [{ column: 'annee', op: '>=', value: '2023' }] });
    expect(result.steps!.map((s) => `${s.step}:${s.path}`)).to.deep.equal(['rows:parquet']);
    expect(result.steps![0]!.reasons).to.deep.equal(['median']);
    expect(result.rows.reduce((sum, r) => sum + (r.n as number), 0)).to.equal(200_000 - Math.ceil((200_000 * 4) / 6)); // 2023 and 2024
    expect(await q.requests('/data/csv/')).to.have.length(0);
    expect((await q.requests('.parquet')).length).to.be.greaterThan(0);
  });

  describe('bad input', () => {
    const join = (over: Record<string, unknown>) => ({ source: { dataset: DATASETS.population, api: p.api, tabularApi: p.tabularApi }, left: 'code_departement', right: 'DEP', ref: 'pop', ...over });

    it('a join source that fails says which join', async () => {
      const { tabular } = sources.get('museofile')!;
      const error = await runQuery(tabular, { groupBy: ['code_departement'], measures: 'count() / join.PMUN', join: join({ source: { dataset: 'population-inexistante', api: p.api, tabularApi: p.tabularApi } }) })
        .then(() => undefined, (e: CultureError) => e);
      expect(error!.code).to.equal('not-found');
      expect(error!.messageIn('fr')).to.match(/^Jointure « pop » : /);
    });

    it('a join source the browser may not read (CORS), or that does not answer (timeout), says which join', async () => {
      const { tabular } = sources.get('museofile')!;
      const cors = await runQuery(tabular, { groupBy: ['code_departement'], measures: 'count()', join: join({ source: { dataset: DATASETS.noCors, api: p.api, tabularApi: p.tabularApi }, right: 'code_insee', ref: 'sans-cors' }) })
        .then(() => undefined, (e: CultureError) => e);
      expect(cors!.code).to.equal('cors');
      expect(cors!.messageIn('fr')).to.match(/^Jointure « sans-cors » : Le serveur qui héberge ce fichier/);
      const q = await portal();
      await q.fault({ match: `/resources/${RESOURCES.population}/`, hang: true });
      const previous = configureCore({ timeout: 300, retries: 0 });
      try {
        const source = await resolveSource({ dataset: DATASETS.museofile, api: q.api, tabularApi: q.tabularApi });
        const timeout = await runQuery(source, { groupBy: ['code_departement'], measures: 'count() / join.PMUN', join: join({ source: { dataset: DATASETS.population, api: q.api, tabularApi: q.tabularApi } }) })
          .then(() => undefined, (e: CultureError) => e);
        expect(timeout!.code).to.equal('timeout');
        expect(timeout!.messageIn('en')).to.equal('Join “pop”: The server took too long to answer.');
      } finally {
        configureCore(previous);
        await q.clearFaults();
      }
    });

    it('a key column missing on either side names it', async () => {
      const { tabular } = sources.get('museofile')!;
      const right = await runQuery(tabular, { groupBy: ['code_departement'], measures: 'count() / join.PMUN', join: join({ right: 'CODE' }) }).then(() => undefined, (e: CultureError) => e);
      expect(right!.code).to.equal('unknown-column');
      expect(right!.messageIn('fr')).to.contain('dans le jeu de données joint');
      expect(right!.messageIn('fr')).to.contain('« DEP »');
      const left = await runQuery(tabular, { groupBy: ['code_departement'], measures: 'count()', join: join({ left: 'code_dep' }) }).then(() => undefined, (e: CultureError) => e);
      expect(left!.code).to.equal('unknown-column');
      const ungrouped = await runQuery(tabular, { groupBy: ['region'], measures: 'count()', join: join({}) }).then(() => undefined, (e: CultureError) => e);
      expect(ungrouped!.details.reason).to.equal('join-key-not-grouped');
      const column = await runQuery(tabular, { groupBy: ['code_departement'], measures: 'count() / join.POP', join: join({}) }).then(() => undefined, (e: CultureError) => e);
      expect(column!.messageIn('en')).to.contain('join.PMUN');
    });

    it('a division by an empty or zero value is empty, never Infinity', async () => {
      const { tabular } = sources.get('museums')!;
      const result = await runQuery(tabular, { groupBy: ['annee'], measures: 'r = sum(total) / (sum(gratuit) - sum(gratuit)), s = sum(total) / sum(individuel)' });
      expect(result.rows.every((r) => r.r === null)).to.equal(true);
      expect(result.rows.find((r) => r.annee === 2014)!.s).to.equal(null); // no `individuel` before 2018
    });
  });
});
