import { expect } from '@open-wc/testing';
import { bucketDate, chartQuery, toChartData, MAX_GROUPS, SCATTER_MAX_POINTS } from '../src/data.js';
import { resolveChart } from '../src/options.js';
import { attendance, budgets, museums, tickets } from './profiles.js';

describe('chartQuery', () => {
  it('groups and aggregates so the server does the work', () => {
    const chart = resolveChart(attendance, { x: 'annee', y: ['total', 'payant'], group: 'region' });
    expect(chartQuery(chart, [{ column: 'region', op: '=', value: 'Bretagne' }])).to.deep.equal({
      filters: [{ column: 'region', op: '=', value: 'Bretagne' }],
      groupBy: ['annee', 'region'],
      aggregates: [
        { op: 'sum', column: 'total', as: 'total__sum' },
        { op: 'sum', column: 'payant', as: 'payant__sum' },
      ],
      limit: MAX_GROUPS,
    });
  });

  it('a top N asks for the rows with a measure only (core adds no such filter itself)', () => {
    const chart = resolveChart(attendance, { x: 'region', y: ['total'], limit: 5 });
    expect(chartQuery(chart, [{ column: 'annee', op: '=', value: '2020' }]).filters).to.deep.equal([
      { column: 'annee', op: '=', value: '2020' },
      { column: 'total', op: 'is not empty' },
    ]);
    expect(chartQuery(resolveChart(attendance, { x: 'annee', y: ['total'] })).filters).to.equal(undefined);
  });

  it('counts rows when there is no measure', () => {
    const query = chartQuery(resolveChart(museums, {}));
    expect(query.groupBy).to.deep.equal(['Région administrative']);
    expect(query.aggregates).to.deep.equal([{ op: 'count', as: 'count' }]);
  });

  it('groups by the facet too', () => {
    const query = chartQuery(resolveChart(tickets, { x: 'date', y: ['billets'], facet: 'discipline' }));
    expect(query.groupBy).to.deep.equal(['date', 'discipline']);
  });

  it('never asks for every row of a resource: a scatter is bounded', () => {
    const query = chartQuery(resolveChart(budgets, { x: 'population', y: ['depenses'] }));
    expect(query).to.deep.equal({
      filters: [{ column: 'population', op: 'is not empty' }, { column: 'depenses', op: 'is not empty' }],
      columns: ['population', 'depenses'],
      limit: SCATTER_MAX_POINTS,
    });
    for (const type of ['column', 'bar', 'line', 'area', 'pie', 'donut', 'heatmap', 'auto'] as const) {
      const q = chartQuery(resolveChart(tickets, { type, x: 'salle', y: ['billets'] }));
      expect(q.aggregates, type).to.have.length(1);
      expect(q.limit, type).to.equal(MAX_GROUPS);
    }
  });
});

describe('toChartData', () => {
  const regions = [
    { region: 'Bretagne', total__sum: 300 },
    { region: 'Corse', total__sum: 10 },
    { region: 'Normandie', total__sum: 200 },
    { region: 'Occitanie', total__sum: 100 },
    { region: null, total__sum: 5 },
  ];

  it('orders categories by value, descending by default', () => {
    const chart = resolveChart(attendance, { x: 'region', y: ['total'] });
    const { values } = toChartData(regions, chart);
    expect(values.map((v) => [v.x, v.y, v.order])).to.deep.equal([
      ['Bretagne', 300, 0], ['Normandie', 200, 1], ['Occitanie', 100, 2], ['Corse', 10, 3], ['(vide)', 5, 4],
    ]);
  });

  const orders: [string, string[]][] = [
    ['y', ['(vide)', 'Corse', 'Occitanie', 'Normandie', 'Bretagne']],
    ['x', ['(vide)', 'Bretagne', 'Corse', 'Normandie', 'Occitanie']],
    ['-x', ['Occitanie', 'Normandie', 'Corse', 'Bretagne', '(vide)']],
  ];
  for (const [sort, expected] of orders) {
    it(`sort="${sort}"`, () => {
      const chart = resolveChart(attendance, { x: 'region', y: ['total'], sort: sort as 'x' });
      expect(toChartData(regions, chart).values.map((v) => v.x)).to.deep.equal(expected);
    });
  }

  it('keeps the top N and folds the rest into « Autres », last', () => {
    const chart = resolveChart(attendance, { x: 'region', y: ['total'], limit: 2 });
    const data = toChartData(regions, chart);
    expect(data.values.map((v) => [v.x, v.y])).to.deep.equal([['Bretagne', 300], ['Normandie', 200], ['Autres', 115]]);
    expect(data.folded).to.equal(3);
    const en = toChartData(regions, resolveChart(attendance, { x: 'region', y: ['total'], limit: 2, lang: 'en' }));
    expect(en.values.at(-1)?.x).to.equal('Others');
  });

  it('drops the rest of a mean rather than averaging averages', () => {
    const rows = regions.map((r) => ({ region: r.region, total__mean: r.total__sum }));
    const data = toChartData(rows, resolveChart(attendance, { x: 'region', y: ['total'], aggregate: 'mean', limit: 2 }));
    expect(data.values.map((v) => v.x)).to.deep.equal(['Bretagne', 'Normandie']);
    expect(data.folded).to.equal(3);
  });

  it('splits series by group and by measure', () => {
    const chart = resolveChart(attendance, { x: 'annee', y: ['payant', 'gratuit'], group: 'region' });
    const data = toChartData(
      [
        { annee: 2015, region: 'Bretagne', payant__sum: 2, gratuit__sum: 1 },
        { annee: 2014, region: 'Bretagne', payant__sum: 4, gratuit__sum: 3 },
      ],
      chart,
    );
    expect(data.values.map((v) => [v.x, v.series, v.y])).to.deep.equal([
      [2014, 'Bretagne · payant', 4], [2014, 'Bretagne · gratuit', 3], [2015, 'Bretagne · payant', 2], [2015, 'Bretagne · gratuit', 1],
    ]);
    expect(data.series).to.deep.equal(['Bretagne · payant', 'Bretagne · gratuit']);
  });

  it('reads numbers written as French text and skips rows without x', () => {
    const chart = resolveChart(attendance, { x: 'annee', y: ['total'] });
    const { values } = toChartData([{ annee: null, total__sum: 1 }, { annee: '2020', total__sum: '1 234,5' }, { annee: 2021, total__sum: 'n/a' }], chart);
    expect(values.map((v) => [v.x, v.y])).to.deep.equal([[2020, 1234.5], [2021, null]]);
  });
});

describe('bucketDate', () => {
  const cases: [string, Parameters<typeof bucketDate>[1], string | null][] = [
    ['2024-05-17', 'year', '2024-01-01'],
    ['2024-05-17', 'yearquarter', '2024-04-01'],
    ['2024-05-17', 'yearmonth', '2024-05-01'],
    ['2024-05-17', 'yearmonthdate', '2024-05-17'],
    ['2024-05-17', 'quarter', '2000-04-01'],
    ['2024-05-17', 'month', '2000-05-01'],
    ['2024-05-17', 'date', '2000-01-17'],
    ['2024-05-17', 'day', '2000-01-07'], // a Friday
    ['2024-05-17T10:00:00Z', 'yearmonth', '2024-05-01'],
    ['17/05/2024', 'year', null],
  ];
  for (const [iso, unit, expected] of cases) it(`${iso} by ${unit}`, () => expect(bucketDate(iso, unit)).to.equal(expected));
});
