/** The key figure's pure side as input → output tables: compare's rule, the plan, the reading, the words. */
import { expect } from '@open-wc/testing';
import { loadSentences, parseFilter, type ColumnInfo, type QueryResult, type Row } from '@culture-widgets/core';
import { baseFilters, compareFigure, planKpi, readFigure, type KpiFigure } from '../src/figure.js';
import { compareName, comparisonText, describeKpi, formatFigure, sparkline } from '../src/text.js';

// these tests word core's errors themselves: elements load the sentences on their own (decision 0016)
before(() => Promise.all([loadSentences('fr'), loadSentences('en')]));

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const columns: ColumnInfo[] = [
  { name: 'annee', type: 'integer', format: 'year' },
  { name: 'regions', type: 'string' },
  { name: 'nom_du_musee', type: 'string' },
  { name: 'total', type: 'integer' },
  { name: 'gratuit', type: 'integer' },
];

describe('baseFilters: compare replaces the clauses of filter on its columns', () => {
  const cases: [string, string, string][] = [
    ['annee = 2024; regions = BRETAGNE', 'annee = 2019', 'regions = BRETAGNE; annee = 2019'],
    ['annee = 2024; regions = BRETAGNE', 'regions = *', 'annee = 2024'],
    ['annee = 2024', 'Annee = 2019', 'annee = 2019'],
    ['annee >= 2020; annee <= 2024', 'annee = 2019', 'annee = 2019'],
    ['', 'annee = 2019', 'annee = 2019'],
  ];
  for (const [filter, compare, expected] of cases) {
    it(`${filter || '(none)'} + ${compare}`, () => {
      const base = baseFilters(filter ? parseFilter(filter) : [], parseFilter(compare), columns);
      expect(base).to.deep.equal(parseFilter(expected));
    });
  }
});

describe('planKpi: the fewest queries', () => {
  const plan = (value: string, filter: string, compare?: string, trend?: string) =>
    planKpi({ value, filters: filter ? parseFilter(filter) : [], ...(compare ? { compare: parseFilter(compare) } : {}), ...(trend ? { trend } : {}), columns });

  it('no comparison: one query, no group', () => {
    const p = plan('sum(total)', 'annee = 2024');
    expect(p.queries).to.deep.equal([{ measures: 'sum(total)', filters: parseFilter('annee = 2024') }]);
    expect(p.measure).to.equal('sum(total)');
  });

  it('compare on one column: one query grouped by it, asking only the two years', () => {
    const p = plan('sum(gratuit) / sum(total)', 'annee = 2024; regions = Bretagne', 'annee = 2019');
    expect(p.queries).to.have.length(1);
    expect(p.queries[0]).to.deep.equal({
      measures: 'sum(gratuit) / sum(total)',
      filters: [...parseFilter('regions = Bretagne'), { column: 'annee', op: 'in', values: ['2024', '2019'] }],
      groupBy: ['annee'], limit: 10000,
    });
  });

  it('compare="regions = *" (a share of the whole): grouped by region, no clause on it', () => {
    const p = plan('sum(total)', 'annee = 2024; regions = Bretagne', 'regions = *');
    expect(p.queries).to.deep.equal([{ measures: 'sum(total)', filters: parseFilter('annee = 2024'), groupBy: ['regions'], limit: 10000 }]);
  });

  it('a trend along the compared column: still one query (every year)', () => {
    const p = plan('sum(total)', 'annee = 2024', 'annee = 2019', 'annee');
    expect(p.queries).to.deep.equal([{ measures: 'sum(total)', groupBy: ['annee'], limit: 10000 }]);
  });

  it('a share with a trend along another column: one query grouped by both', () => {
    const p = plan('sum(total)', 'annee = 2024; regions = Bretagne', 'regions = *', 'annee');
    expect(p.queries).to.deep.equal([{ measures: 'sum(total)', groupBy: ['regions', 'annee'], limit: 10000 }]);
  });

  it('a median cannot combine groups: one query each (value, base, trend)', () => {
    const p = plan('median(total)', 'regions = Bretagne', 'regions = *', 'annee');
    expect(p.kind).to.equal('separate');
    expect(p.queries).to.deep.equal([
      { measures: 'median(total)', filters: parseFilter('regions = Bretagne') },
      { measures: 'median(total)' },
      { measures: 'median(total)', filters: parseFilter('regions = Bretagne'), groupBy: ['annee'], limit: 10000 },
    ]);
  });

  it('a median of one group per side stays one query', () => {
    const p = plan('median(total)', 'annee = 2024', 'annee = 2019');
    expect(p.kind).to.equal('merged');
    expect(p.queries).to.have.length(1);
  });

  it('one expression only; unknown columns are named', () => {
    expect(() => plan('sum(total), sum(gratuit)', '')).to.throw(/une seule expression|one expression/);
    expect(() => plan('sum(visiteurs)', '')).to.throw(/visiteurs/);
    expect(() => plan('sum(total)', '', undefined, 'decennie')).to.throw(/decennie/);
  });
});

/** A grouped answer, as core gives it (combine sums the parts of a ratio of sums). */
function answer(rows: Row[], measure: string): QueryResult {
  return {
    rows, total: rows.length, path: 'tabular', source: {} as never,
    columns: [{ name: 'annee', type: 'integer' }, { name: 'regions', type: 'string' }, { name: measure, type: 'number' }],
    combine: (part: Row[]) => ({ [measure]: part.reduce((s, r) => s + Number(r[measure]), 0) }),
  };
}

describe('readFigure', () => {
  it('picks the value and the base among the groups, and the trend along its column', () => {
    const p = planKpi({ value: 'sum(total)', filters: parseFilter('annee = 2024; regions = Bretagne'), compare: parseFilter('regions = *'), trend: 'annee', columns });
    const rows: Row[] = [
      { regions: 'Bretagne', annee: 2023, 'sum(total)': 10 }, { regions: 'Bretagne', annee: 2024, 'sum(total)': 12 },
      { regions: 'Corse', annee: 2023, 'sum(total)': 5 }, { regions: 'Corse', annee: 2024, 'sum(total)': 8 },
    ];
    const figure = readFigure(p, [answer(rows, 'sum(total)')]);
    expect(figure).to.deep.include({ value: 12, base: 20, valueAt: 2024 });
    expect(figure.trend).to.deep.equal([{ x: 2023, y: 10 }, { x: 2024, y: 12 }]);
  });

  it('a base that matches nothing is null (not 0)', () => {
    const p = planKpi({ value: 'sum(total)', filters: parseFilter('annee = 2024'), compare: parseFilter('annee = 1850'), columns });
    const figure = readFigure(p, [answer([{ annee: 2024, 'sum(total)': 7 }], 'sum(total)')]);
    expect(figure).to.deep.equal({ value: 7, base: null });
  });
});

describe('compareFigure: a change, a share, or why not', () => {
  const cases: [string, KpiFigure, 'change' | 'share', 'number' | 'percent', object][] = [
    ['a relative change', { value: 110, base: 100 }, 'change', 'number', { status: 'ok', amount: 0.1 }],
    ['a change of percentages, in points', { value: 0.45, base: 0.44 }, 'change', 'percent', { status: 'ok', points: true }],
    ['a share', { value: 25, base: 200 }, 'share', 'number', { status: 'ok', amount: 0.125 }],
    ['a base that matched nothing', { value: 1, base: null }, 'change', 'number', { status: 'no-base' }],
    ['a base of 0', { value: 1, base: 0 }, 'change', 'number', { status: 'zero-base' }],
    ['a share of 0', { value: 1, base: 0 }, 'share', 'number', { status: 'zero-base' }],
  ];
  for (const [name, figure, mode, format, expected] of cases) {
    it(name, () => expect(compareFigure(figure, mode, format)).to.deep.include(expected));
  }
  it('no compare, no comparison', () => expect(compareFigure({ value: 3 }, 'change', 'number')).to.equal(undefined));
  it('a value already in percent (unit="%"): a change in points', () =>
    expect(compareFigure({ value: 44.62, base: 44.07 }, 'change', 'number', '%')).to.deep.include({ status: 'ok', points: true, amount: 44.62 - 44.07 }));
});

describe('the words', () => {
  it('formats the number, a fraction as a percentage, compact, with the unit', () => {
    expect(spaces(formatFigure(13204257, 'number', 'entrées', 'fr'))).to.equal('13 204 257 entrées');
    expect(spaces(formatFigure(0.4462, 'percent', undefined, 'fr'))).to.equal('44,6 %');
    expect(spaces(formatFigure(13204257, 'compact', undefined, 'fr'))).to.equal('13,2 M');
    expect(formatFigure(1234.5, 'number', undefined, 'en')).to.equal('1,235');
  });

  it('names the base from compare, or compare-label', () => {
    expect(compareName(parseFilter('annee = 2019'), undefined, 'fr')).to.equal('2019');
    expect(compareName(parseFilter('regions = *'), undefined, 'fr')).to.equal('l’ensemble');
    expect(compareName(parseFilter('regions = *'), 'la France', 'fr')).to.equal('la France');
    expect(compareName(parseFilter('annee in 2018|2019'), undefined, 'en')).to.equal('2018, 2019');
  });

  it('says the change with its sign and an arrow direction; never +∞ % or NaN', () => {
    const say = (value: number, base: number | null, mode: 'change' | 'share' = 'change', format: 'number' | 'percent' = 'number') =>
      spaces(comparisonText(compareFigure({ value, base }, mode, format)!, '2019', 'fr').text);
    expect(say(110, 100)).to.equal('+10 % par rapport à 2019');
    expect(say(90, 100)).to.match(/^[−-]10 % par rapport à 2019$/);
    expect(say(100.01, 100)).to.equal('stable par rapport à 2019');
    expect(say(0.456, 0.44, 'change', 'percent')).to.equal('+1,6 point par rapport à 2019');
    expect(say(25, 200, 'share')).to.equal('12,5 % de 2019');
    expect(say(5, null)).to.equal('Pas de donnée pour 2019 : pas de comparaison.');
    expect(say(5, 0)).to.equal('2019 vaut 0 : évolution non calculable.');
    expect(comparisonText(compareFigure({ value: 110, base: 100 }, 'change', 'number')!, '2019', 'fr').direction).to.equal('up');
  });

  it('describes the figure, its base and the trend', () => {
    const text = describeKpi({
      label: 'Entrées en 2024', value: '12 entrées',
      comparison: { text: '+20 % par rapport à 2023', base: '2023 : 10 entrées' },
      trend: { points: [{ x: 2022, y: 4 }, { x: 2023, y: 10 }, { x: 2024, y: 12 }], column: columns[0]!, format: (n) => `${n} entrées` },
    }, 'fr');
    expect(text).to.equal('Entrées en 2024 : 12 entrées. +20 % par rapport à 2023 (2023 : 10 entrées). Évolution de 2022 à 2024 : de 4 entrées à 12 entrées, au plus haut 12 entrées (2024).');
  });

  it('draws the sparkline through the values, breaking at a gap', () => {
    const { d, dots } = sparkline([{ x: 1, y: 0 }, { x: 2, y: 10 }, { x: 3, y: null }, { x: 4, y: 5 }], 100, 20, 0);
    expect(d).to.equal('M0.0 20.0L33.3 0.0M100.0 10.0');
    expect(dots.map((p) => p.at)).to.deep.equal([1, 2, 4]);
  });
});
