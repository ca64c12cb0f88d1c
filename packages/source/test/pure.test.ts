import { expect } from '@open-wc/testing';
import type { ColumnInfo, FilterClause } from '@culture-widgets/core';
import {
  byColumn,
  chipsOf,
  clausesFromValues,
  pickValues,
  readHashFilter,
  withFilter,
  withoutChip,
  writeHashFilter,
} from '../src/filters.js';
import {
  chooseControl,
  matchFacets,
  rangeBounds,
  rangeClauses,
  rangeValues,
  searchClauses,
  selectedValues,
  toFacets,
  valuesClauses,
} from '../src/controls.js';
import { filterMessages } from '../src/messages.js';

const col = (c: Partial<ColumnInfo>): ColumnInfo => ({ name: 'c', type: 'string', ...c });

describe('source: pure helpers', () => {
  it('keeps each key’s clauses apart and drops empty ones', () => {
    let live = withFilter(new Map(), 'region', [{ column: 'region', op: '=', value: 'Bretagne' }]);
    live = withFilter(live, 'annee', [{ column: 'annee', op: '>=', value: '2015' }]);
    live = withFilter(live, 'region', null);
    expect([...live.keys()]).to.deep.equal(['annee']);
    expect(withFilter(live, 'annee', []).size).to.equal(0);
  });

  it('groups restored clauses by column', () => {
    const clauses: FilterClause[] = [
      { column: 'annee', op: '>=', value: '2015' },
      { column: 'region', op: 'in', values: ['Bretagne', 'Normandie'] },
      { column: 'annee', op: '<=', value: '2020' },
    ];
    expect([...byColumn(clauses)].map(([k, v]) => [k, v.length])).to.deep.equal([['annee', 2], ['region', 1]]);
  });

  it('turns click values into = and is empty clauses', () => {
    const map = clausesFromValues({ region: 'Bretagne', annee: 2020, ville: null });
    expect(map.get('region')).to.deep.equal([{ column: 'region', op: '=', value: 'Bretagne' }]);
    expect(map.get('annee')).to.deep.equal([{ column: 'annee', op: '=', value: '2020' }]);
    expect(map.get('ville')).to.deep.equal([{ column: 'ville', op: 'is empty' }]);
  });

  it('picks the click values a refine-on-click widget asks for', () => {
    const row = { region: 'Bretagne', annee: 2020, total: 5 };
    expect(pickValues('', { row, values: { region: 'Bretagne' } })).to.deep.equal({ region: 'Bretagne' });
    expect(pickValues('', { row })).to.equal(undefined);
    expect(pickValues('', { row, values: {} })).to.equal(undefined);
    expect(pickValues('region, annee', { row })).to.deep.equal({ region: 'Bretagne', annee: 2020 });
    expect(pickValues('annee', { row, values: { annee: 2021 } })).to.deep.equal({ annee: 2021 });
    expect(pickValues('nope', { row })).to.equal(undefined);
  });

  it('reads and writes its own part of the hash, keeping the others', () => {
    const hash = writeHashFilter('#carte', 'musees', 'region in Bretagne|Normandie');
    expect(hash).to.equal('#carte&musees=region%20in%20Bretagne%7CNormandie');
    expect(readHashFilter(hash, 'musees')).to.equal('region in Bretagne|Normandie');
    const two = writeHashFilter(hash, 'festivals', 'discipline = Musique; x = a&b=c');
    expect(readHashFilter(two, 'festivals')).to.equal('discipline = Musique; x = a&b=c');
    expect(readHashFilter(two, 'musees')).to.equal('region in Bretagne|Normandie');
    expect(writeHashFilter(writeHashFilter(two, 'musees', ''), 'festivals', '')).to.equal('#carte');
    expect(writeHashFilter('', 'musees', '')).to.equal('');
    expect(readHashFilter('#musees=%E0%A4%A', 'musees')).to.equal(undefined);
  });

  it('makes one chip per value and removes values one by one', () => {
    const m = filterMessages('fr');
    const clause: FilterClause = { column: 'région', op: 'in', values: ['Bretagne', 'Normandie'] };
    const live = new Map([['région', [clause, { column: 'région', op: '!=', value: 'Corse' } as FilterClause]]]);
    const chips = chipsOf(live, m);
    expect(chips.map((c) => c.text)).to.deep.equal(['Région : Bretagne', 'Région : Normandie', 'Région ≠ Corse']);
    expect(withoutChip(live.get('région')!, chips[0]!)).to.deep.equal([
      { column: 'région', op: '=', value: 'Normandie' },
      { column: 'région', op: '!=', value: 'Corse' },
    ]);
    expect(withoutChip([clause], { ...chips[0]!, clause: { column: 'région', op: '=', value: 'x' } })).to.deep.equal([clause]);
    expect(withoutChip([{ column: 'région', op: '!=', value: 'Corse' }], chips[2]!)).to.equal(null);
    expect(chipsOf(new Map([['n', [{ column: 'n', op: '~', value: 'abbaye' }]]]), filterMessages('en'))[0]!.text).to.equal('N contains abbaye'); // readable names
    const labels = new Map([['région', 'Région']]);
    expect(chipsOf(live, m, labels).map((c) => c.text)).to.deep.equal(['Région : Bretagne', 'Région : Normandie', 'Région ≠ Corse']);
  });

  it('chooses a control from the column profile', () => {
    expect(chooseControl(col({ type: 'integer', format: 'year', categorical: true, distinct: 11 }))).to.equal('range');
    expect(chooseControl(col({ type: 'number', distinct: 900 }))).to.equal('range');
    expect(chooseControl(col({ type: 'date' }))).to.equal('range');
    expect(chooseControl(col({ type: 'boolean' }))).to.equal('select');
    expect(chooseControl(col({ type: 'string', categorical: true, distinct: 18 }))).to.equal('checkboxes');
    expect(chooseControl(col({ type: 'string', distinct: 40 }))).to.equal('checkboxes');
    expect(chooseControl(col({ type: 'string', distinct: 1200 }))).to.equal('search');
    expect(chooseControl(col({ type: 'string' }))).to.equal('search');
  });

  it('orders facets, drops empty values and keeps the selected ones', () => {
    const rows = [
      { region: 'Normandie', __count: 3 },
      { region: null, __count: 9 },
      { region: 'Bretagne', __count: 7 },
      { region: 'Corse', __count: 3 },
    ];
    const facets = toFacets(rows, col({ name: 'region' }), ['Guyane']);
    expect(facets.map((f) => `${f.value}:${f.count}`)).to.deep.equal(['Bretagne:7', 'Corse:3', 'Normandie:3', 'Guyane:0']);
    const years = toFacets([{ a: 2020, __count: 1 }, { a: 2015, __count: 5 }], col({ name: 'a', type: 'integer' }));
    expect(years.map((f) => f.value)).to.deep.equal(['2015', '2020']);
    expect(matchFacets(facets, 'norm').map((f) => f.value)).to.deep.equal(['Normandie']);
    expect(matchFacets(facets, 'CORSÉ').map((f) => f.value)).to.deep.equal(['Corse']);
  });

  it('round-trips control states and clauses', () => {
    expect(valuesClauses('r', [])).to.equal(null);
    expect(valuesClauses('r', ['a'])).to.deep.equal([{ column: 'r', op: '=', value: 'a' }]);
    expect(valuesClauses('r', ['a', 'b', 'a'])).to.deep.equal([{ column: 'r', op: 'in', values: ['a', 'b'] }]);
    expect(selectedValues(valuesClauses('r', ['a', 'b'])!)).to.deep.equal(['a', 'b']);
    expect(rangeClauses('y', ' 2015 ', '')).to.deep.equal([{ column: 'y', op: '>=', value: '2015' }]);
    expect(rangeValues(rangeClauses('y', '2015', '2020')!)).to.deep.equal({ min: '2015', max: '2020' });
    expect(rangeClauses('y', '', ' ')).to.equal(null);
    expect(searchClauses('n', '  abbaye ')).to.deep.equal([{ column: 'n', op: '~', value: 'abbaye' }]);
    expect(searchClauses('n', ' ')).to.equal(null);
    expect(rangeBounds(col({ type: 'date', min: '2020-01-05T00:00:00', max: '2024-12-31' }))).to.deep.equal({
      min: '2020-01-05',
      max: '2024-12-31',
    });
    expect(rangeBounds(col({ type: 'integer', min: '2014', max: 2024 }))).to.deep.equal({ min: '2014', max: '2024' });
  });
});
