// The tabular grammar and its PostgreSQL semantics, checked in Node on a tiny table:
// `node --test test/portal/query.test.mjs`. (The browser tests in portal.test.ts cover the HTTP side.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Reply, parseQuery, runQuery } from './query.mjs';
import { buildTable, profileOf } from './table.mjs';

const table = buildTable(
  [{ name: 'ville', type: 'string' }, { name: 'annee', type: 'int' }, { name: 'total', type: 'int' }, { name: 'prix', type: 'float' }, { name: 'a__b', type: 'string' }],
  [
    ['Lyon', 2020, 10, 1.5, 'x'],
    ['Paris', 2020, null, 2.5, 'y'],
    ['Lille', 2021, 30, null, 'x'],
    ['Ajaccio', 2021, 30, 0.5, null],
    ['Paris, 15e', 2021, 5, 3, 'y'],
  ],
);
const run = (qs, aggregation = true) => runQuery(table, parseQuery(qs, { rid: 'r', aggregation }), 'tbl');
const ids = (qs) => run(qs).rows.map((r) => r.__id);
const fails = (qs, status, detail, aggregation) => {
  assert.throws(() => run(qs, aggregation), (e) => {
    assert.ok(e instanceof Reply);
    assert.equal(e.status, status);
    if (detail !== undefined) assert.deepEqual(e.body.errors[0].detail, detail);
    return true;
  });
};

test('filters with SQL NULL semantics', () => {
  assert.deepEqual(ids('total__exact=30'), [3, 4]);
  assert.deepEqual(ids('total__differs=30'), [1, 2, 5]); // NULL is distinct from 30
  assert.deepEqual(ids('total__less=10'), [1, 5]);
  assert.deepEqual(ids('total__strictly_greater=10'), [3, 4]);
  assert.deepEqual(ids('ville__contains=PAR'), [2, 5]);
  assert.deepEqual(ids('ville__notcontains=par'), [1, 3, 4]);
  assert.deepEqual(ids('ville__in=Lyon,"Paris, 15e"'), [1, 5]);
  assert.deepEqual(ids('ville__notin=Lyon,Lille'), [2, 4, 5]);
  assert.deepEqual(ids('a__b__exact=x'), [1, 3]); // column = everything before the last `__`
  assert.deepEqual(ids('prix__isnull'), [3]);
  assert.deepEqual(ids('or=(total__isnull,and(annee__exact.2021,prix__less."1.0"))'), [2, 4]);
  assert.deepEqual(ids('ville__contains=l_on'), [1]); // `_` is a LIKE wildcard
});

test('sorts: NULLs last on asc, first on desc, ties by __id, several keys', () => {
  assert.deepEqual(ids('total__sort=asc'), [5, 1, 3, 4, 2]);
  assert.deepEqual(ids('total__sort=desc'), [2, 3, 4, 1, 5]);
  assert.deepEqual(ids('total__sort=desc.nullslast'), [3, 4, 1, 5, 2]);
  assert.deepEqual(ids('annee__sort=desc&ville__sort=asc'), [4, 3, 5, 1, 2]);
});

test('aggregates', () => {
  const { rows, total } = run('annee__groupby&total__sum&prix__avg&ville__count');
  assert.equal(total, undefined);
  assert.deepEqual(rows, [
    { annee: 2020, total__sum: 10, prix__avg: 2, ville__count: 2 },
    { annee: 2021, total__sum: 65, prix__avg: 1.75, ville__count: 3 },
  ]);
  assert.deepEqual(run('annee__groupby&total__max&annee__sort=desc').rows, [{ annee: 2021, total__max: 30 }, { annee: 2020, total__max: 10 }]);
  fails('total__sum&annee__groupby', 403, "Aggregation parameters `sum`, `groupby` are not allowed for resource 'r'", false);
  fails('columns=ville&annee__groupby&total__sum', 400, 'Malformed query: the argument `columns` cannot be set alongside aggregators');
});

test('errors as the real service sends them', () => {
  fails('limit=1', 400, "Malformed query: argument 'limit=1' could not be parsed");
  fails('ville__exact=a=b', 400, "Malformed query: argument 'ville__exact=a=b' could not be parsed");
  fails('ville__exact=a%26b=c', 400); // decoded before splitting: `&` and `=` in values break
  fails('annee__groupby=', 400, "Malformed query: argument 'annee__groupby=' could not be parsed");
  fails('or=(total__greater.3.5)', 400, "Malformed query: argument 'total__greater.3.5' could not be parsed");
  fails('foo', 500);
  fails('page=deux', 500);
  fails('page_size=201', 400, 'Page size exceeds allowed maximum: 200');
  fails('nope__exact=1', 400, { code: '42703', details: null, hint: null, message: 'column tbl.nope does not exist' });
  fails('total__exact=1.5', 400, { code: '22P02', details: null, hint: null, message: 'invalid input syntax for type bigint: "1.5"' });
  fails('total__contains=1', 404);
});

test('pages and columns', () => {
  const q = parseQuery('columns=ville,total&page=2&page_size=2', { rid: 'r', aggregation: false });
  assert.deepEqual(runQuery(table, q, 'tbl'), { rows: [{ ville: 'Lille', total: 30 }, { ville: 'Ajaccio', total: 30 }], total: 5 });
  assert.equal(q.offset, 2);
});

test('profile: csv-detective shape, min/max as strings', () => {
  const profile = profileOf(table);
  assert.deepEqual(profile.header, ['ville', 'annee', 'total', 'prix', 'a__b']);
  assert.deepEqual(profile.profile.total, {
    tops: [{ count: 2, value: '30' }, { count: 1, value: '10' }, { count: 1, value: '5' }],
    nb_distinct: 3, nb_missing_values: 1, min: '5', max: '30', mean: 18.75, std: profile.profile.total.std,
  });
  assert.equal(profile.profile.prix.min, '0.5');
  assert.equal(profile.profile.prix.max, '3.0');
  assert.deepEqual(profile.columns.annee, { python_type: 'int', format: 'int', score: 1 });
});
