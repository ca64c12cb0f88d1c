/**
 * The chart's editorial options as input → output tables: highlight, reference, cumulative,
 * sort by delta, titles, colours, a scatter of groups, and the warnings for what cannot apply.
 */
import { expect } from '@open-wc/testing';
import type { Row } from '@culture-widgets/core';
import { chartQuery, toChartData } from '../src/data.js';
import { describeChart } from '../src/describe.js';
import { parseReferences, resolveChart, type ChartOptions } from '../src/options.js';
import { buildChartSpec } from '../src/spec.js';
import { chartTable } from '../src/twin.js';
import { attendance } from './profiles.js';

type Json = Record<string, any>;
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const byRegion: Row[] = [
  { region: 'Bretagne', total__sum: 400 },
  { region: 'Normandie', total__sum: 300 },
  { region: 'Occitanie', total__sum: 200 },
  { region: 'Corse', total__sum: 100 },
];
const byYear: Row[] = [2019, 2020, 2021, 2022].map((annee, i) => ({ annee, total__sum: [100, 40, 60, 120][i]! }));
const regionYears: Row[] = [
  { region: 'Bretagne', annee: 2019, total__sum: 100 }, { region: 'Bretagne', annee: 2022, total__sum: 130 },
  { region: 'Normandie', annee: 2019, total__sum: 200 }, { region: 'Normandie', annee: 2022, total__sum: 150 },
  { region: 'Corse', annee: 2019, total__sum: 50 }, { region: 'Corse', annee: 2022, total__sum: 90 },
];

function prepare(options: ChartOptions, rows: Row[]) {
  const chart = resolveChart(attendance, options);
  return { chart, data: toChartData(rows, chart) };
}

describe('highlight', () => {
  it('a value keeps its bar in colour, the others grey; the summary says so', () => {
    const { chart, data } = prepare({ type: 'bar', x: 'region', y: ['total'], highlight: 'normandie' }, byRegion);
    expect(data.values.map((v) => [v.x, v.highlight])).to.deep.equal([['Bretagne', false], ['Normandie', true], ['Occitanie', false], ['Corse', false]]);
    const spec = buildChartSpec({ chart, rows: [], data, width: 500, theme: { palette: ['#111111'], other: '#999999' } }) as Json;
    expect(spec.data.values.map((v: Json) => v.fill)).to.deep.equal(['#999999', '#111111', '#999999', '#999999']);
    expect(spaces(describeChart(data, chart))).to.contain('Mis en évidence : Normandie ; le reste en gris.');
  });

  it('a filter expression is tested on the drawn values', () => {
    const { data } = prepare({ type: 'bar', x: 'region', y: ['total'], highlight: 'total >= 300' }, byRegion);
    expect(data.values.filter((v) => v.highlight).map((v) => v.x)).to.deep.equal(['Bretagne', 'Normandie']);
  });

  it('a whole series: the legend greys the other series', () => {
    const { chart, data } = prepare({ type: 'line', x: 'annee', y: ['total'], group: 'region', highlight: 'Corse' }, regionYears);
    expect(data.highlightSeries).to.deep.equal(['Corse']);
    const spec = buildChartSpec({ chart, rows: [], data, width: 500, theme: { palette: ['#111111', '#222222', '#333333'], other: '#999999' } }) as Json;
    const range = spec.layer[0].encoding.color.scale.range as string[];
    expect(range[data.series.indexOf('Corse')]).not.to.equal('#999999');
    expect(range.filter((c) => c === '#999999')).to.have.length(2);
  });

  it('a value that is not drawn is a note, not an error (« Autres » never matches)', () => {
    const missing = prepare({ type: 'bar', x: 'region', y: ['total'], highlight: 'Atlantide' }, byRegion);
    expect(missing.data.highlightMissing).to.equal(true);
    expect(missing.data.values.every((v) => v.highlight === undefined), 'nothing greyed').to.equal(true);
    const folded = prepare({ type: 'bar', x: 'region', y: ['total'], limit: 2, highlight: 'Corse' }, byRegion);
    expect(folded.data.highlightMissing).to.equal(true);
  });

  it('an expression on an unknown column is a warning naming the drawn fields', () => {
    const { chart } = prepare({ type: 'bar', x: 'region', y: ['total'], highlight: 'nope > 3' }, byRegion);
    expect(chart.highlight).to.equal(undefined);
    expect(chart.warnings).to.deep.equal([{ attribute: 'highlight', value: 'nope > 3', reason: 'highlight-invalid', accepted: 'region, total' }]);
  });
});

describe('reference', () => {
  it('parses keywords, numbers with a dot for decimals, labels', () => {
    expect(parseReferences('median, 1000000: objectif, 2.5, mean: moyenne nationale, foo, 1,5')).to.deep.equal({
      references: [
        { kind: 'median' }, { kind: 'value', value: 1_000_000, label: 'objectif' }, { kind: 'value', value: 2.5 },
        { kind: 'mean', label: 'moyenne nationale' }, { kind: 'value', value: 1 }, { kind: 'value', value: 5 },
      ],
      invalid: ['foo'],
    });
  });

  it('computes the mean and median of the drawn values, labelled, in the summary', () => {
    const { chart, data } = prepare({ type: 'column', x: 'region', y: ['total'], reference: 'mean, median, 350: objectif' }, byRegion);
    expect(data.references.map((r) => [r.value, spaces(r.text)])).to.deep.equal([
      [250, 'moyenne : 250'], [250, 'médiane : 250'], [350, 'objectif : 350'],
    ]);
    expect(spaces(describeChart(data, chart))).to.contain('Lignes de référence : moyenne : 250 ; médiane : 250 ; objectif : 350.');
    const spec = buildChartSpec({ chart, rows: [], data, width: 500 }) as Json;
    const rules = spec.layer.filter((l: Json) => l.mark.type === 'rule');
    expect(rules.map((l: Json) => l.encoding.y.datum)).to.deep.equal([250, 250, 350]);
  });

  it('a stack takes the height of each stack; « Autres » is left out', () => {
    const { data } = prepare({ type: 'column', x: 'annee', y: ['total'], group: 'region', stack: true, reference: 'mean' }, regionYears);
    expect(data.references[0]!.value).to.equal((350 + 370) / 2);
    const top = prepare({ type: 'column', x: 'region', y: ['total'], limit: 2, reference: 'mean' }, byRegion);
    expect(top.data.references[0]!.value).to.equal(350);
  });

  it('what is not a number or a keyword, or a chart without value axis, is a warning', () => {
    expect(resolveChart(attendance, { x: 'region', y: ['total'], reference: 'moyen' }).warnings).to.deep.equal([
      { attribute: 'reference', value: 'moyen', reason: 'reference-invalid', accepted: 'mean, median, 1000000: label' },
    ]);
    const pie = resolveChart(attendance, { type: 'pie', x: 'region', y: ['total'], reference: 'mean' });
    expect(pie.references).to.deep.equal([]);
    expect(pie.warnings.map((w) => w.reason)).to.deep.equal(['reference-unused']);
  });
});

describe('cumulative', () => {
  it('sum: a running total along the years; the table keeps both', () => {
    const { chart, data } = prepare({ type: 'line', x: 'annee', y: ['total'], cumulative: 'sum' }, byYear);
    expect(data.values.map((v) => [v.x, v.value, v.y])).to.deep.equal([[2019, 100, 100], [2020, 40, 140], [2021, 60, 200], [2022, 120, 320]]);
    const { columns, rows } = chartTable(chart, data);
    expect(columns.map((c) => c.name)).to.deep.equal(['annee', 'total (somme)', 'Cumul']);
    expect(rows[1]).to.deep.equal({ annee: 2020, 'total (somme)': 40, Cumul: 140 });
    expect(spaces(describeChart(data, chart))).to.contain('Valeurs cumulées (total courant).');
  });

  it('share on bars: a Pareto chart, sorted by value, the line on a second axis', () => {
    const { chart, data } = prepare({ type: 'column', x: 'region', y: ['total'], cumulative: 'share', sort: 'x' }, byRegion);
    expect(chart.sort).to.equal('-y');
    expect(chart.warnings.map((w) => w.reason)).to.deep.equal(['sort-pareto']);
    expect(data.values.map((v) => [v.x, v.cumShare])).to.deep.equal([['Bretagne', 0.4], ['Normandie', 0.7], ['Occitanie', 0.9], ['Corse', 1]]);
    const spec = buildChartSpec({ chart, rows: [], data, width: 500 }) as Json;
    expect(spec.resolve).to.deep.equal({ scale: { y: 'independent' } });
    const pareto = spec.layer.find((l: Json) => l.name === 'pareto');
    expect(pareto.encoding.y).to.include({ field: 'cumShare' });
    expect(pareto.encoding.y.axis).to.include({ format: '.0%', orient: 'right' });
    expect(spaces(describeChart(data, chart))).to.contain('Part cumulée : 90 % du total avec les 3 premières catégories sur 4.');
    const { columns, rows } = chartTable(chart, data);
    expect(columns.find((c) => c.name === 'Part cumulée')).to.include({ format: 'percent' });
    expect(rows.map((r) => r['Part cumulée'])).to.deep.equal([40, 70, 90, 100]);
  });

  it('share counts « Autres » left off the bars in the whole', () => {
    const rows = [{ region: 'A', total__sum: 25 }, { region: 'B', total__sum: 25 }, { region: 'C', total__sum: 20 }, { region: 'D', total__sum: 30 }];
    const { data } = prepare({ type: 'bar', x: 'region', y: ['total'], limit: 2, cumulative: 'share' }, rows);
    expect(data.otherHidden).to.equal(45); // B and C
    expect(data.values.map((v) => v.cumShare)).to.deep.equal([0.3, 0.55]);
  });

  it('share on a line: the share of the total reached, in %', () => {
    const { chart, data } = prepare({ type: 'line', x: 'annee', y: ['total'], cumulative: 'share' }, byYear);
    expect(data.values.map((v) => v.y)).to.deep.equal([0.3125, 0.4375, 0.625, 1]);
    const spec = buildChartSpec({ chart, rows: [], data, width: 500 }) as Json;
    expect(spec.layer[0].encoding.y.axis.format).to.equal('.0%');
    expect(spec.layer[0].encoding.y.title).to.equal('Part cumulée');
  });

  it('on a pie or a mean: a warning, the chart draws without it (an unknown word is the element\'s closed-set warning)', () => {
    const pie = resolveChart(attendance, { type: 'pie', x: 'region', y: ['total'], cumulative: 'share' });
    expect(pie.cumulative).to.equal(undefined);
    expect(pie.warnings).to.deep.equal([{ attribute: 'cumulative', value: 'share', reason: 'cumulative-unused' }]);
    expect(resolveChart(attendance, { x: 'annee', y: ['total'], aggregate: 'mean', cumulative: 'sum' }).warnings[0]!.reason).to.equal('cumulative-unused');
  });
});

describe('sort="delta"', () => {
  it('orders grouped bars by the last series minus the first (2022 − 2019), series in their own order', () => {
    const { chart, data } = prepare({ type: 'column', x: 'region', y: ['total'], group: 'annee', sort: '-delta' }, regionYears.map((r) => ({ ...r })));
    const categories = [...new Set(data.values.map((v) => v.x))];
    expect(categories).to.deep.equal(['Corse', 'Bretagne', 'Normandie']); // +40, +30, −50
    expect(data.series).to.deep.equal(['2019', '2022']);
    expect(spaces(describeChart(data, chart))).to.contain('Catégories triées par l’écart entre 2022 et 2019, du plus grand au plus petit.');
    const up = prepare({ type: 'column', x: 'region', y: ['total'], group: 'annee', sort: 'delta' }, regionYears.map((r) => ({ ...r })));
    expect([...new Set(up.data.values.map((v) => v.x))]).to.deep.equal(['Normandie', 'Bretagne', 'Corse']);
  });

  it('two measures: the last listed minus the first', () => {
    const rows = [{ region: 'A', payant__sum: 10, gratuit__sum: 2 }, { region: 'B', payant__sum: 3, gratuit__sum: 8 }];
    const { data } = prepare({ type: 'bar', x: 'region', y: ['payant', 'gratuit'], sort: '-delta' }, rows);
    expect([...new Set(data.values.map((v) => v.x))]).to.deep.equal(['B', 'A']);
  });

  it('without series, a warning and the default order', () => {
    const chart = resolveChart(attendance, { type: 'bar', x: 'region', y: ['total'], sort: 'delta' });
    expect(chart.sort).to.equal('-y');
    expect(chart.warnings.map((w) => w.reason)).to.deep.equal(['sort-delta-unused']);
  });
});

describe('x-title, y-title', () => {
  it('title the axes, the tooltip and the table', () => {
    const { chart, data } = prepare({ type: 'column', x: 'annee', y: ['total'], xTitle: 'Année', yTitle: 'Entrées' }, byYear);
    const spec = buildChartSpec({ chart, rows: [], data, width: 500 }) as Json;
    expect(spec.encoding.x.title).to.equal('Année');
    expect(spec.encoding.y.title).to.equal('Entrées');
    expect(data.values[0]!.tip).to.equal('Année\u00a0: 2019\nEntrées\u00a0: 100');
    expect(chartTable(chart, data).columns.map((c) => c.name)).to.deep.equal(['Année', 'Entrées']);
  });
});

describe('colors', () => {
  const theme = { palette: ['#111111', '#222222', '#333333'], other: '#999999' };

  it('follow the unfiltered order: a filter never repaints a category', () => {
    const order = ['Normandie', 'Bretagne', 'Corse'];
    const all = prepare({ type: 'line', x: 'annee', y: ['total'], group: 'region' }, regionYears);
    const one = prepare({ type: 'line', x: 'annee', y: ['total'], group: 'region' }, regionYears.filter((r) => r.region === 'Corse'));
    const colorOf = (p: typeof all, series: string) => {
      const spec = buildChartSpec({ chart: p.chart, rows: [], data: p.data, width: 500, theme, orders: { series: order } }) as Json;
      return spec.layer[0].encoding.color.scale.range[p.data.series.indexOf(series)];
    };
    expect(colorOf(all, 'Corse')).to.equal('#333333');
    expect(colorOf(one, 'Corse')).to.equal('#333333');
    expect(colorOf(all, 'Normandie')).to.equal('#111111');
  });

  it('the author\'s colours win; a colour a browser cannot read is a warning', () => {
    const { chart, data } = prepare({ type: 'pie', x: 'region', y: ['total'], colors: 'corse: #e1000f; Bretagne: pas-une-couleur!' }, byRegion);
    expect(chart.warnings).to.deep.equal([{ attribute: 'colors', value: 'Bretagne: pas-une-couleur!', reason: 'color-invalid', accepted: 'Musique: #000091; Théâtre: #e1000f' }]);
    const spec = buildChartSpec({ chart, rows: [], data, width: 500, theme }) as Json;
    const slices = [...data.values].sort((a, b) => a.order - b.order).map((v) => v.x);
    expect(spec.encoding.color.scale.range[slices.indexOf('Corse')]).to.equal('#e1000f');
  });
});

describe('a scatter of groups', () => {
  it('asks for one group per point, x and y aggregated, and draws one point per group', () => {
    const chart = resolveChart(attendance, { type: 'scatter', x: 'payant', y: ['gratuit'], group: 'region', aggregate: 'sum' });
    expect(chart.byGroup).to.equal(true);
    expect(chartQuery(chart)).to.deep.include({
      groupBy: ['region'],
      aggregates: [{ op: 'sum', column: 'payant', as: 'payant__sum' }, { op: 'sum', column: 'gratuit', as: 'gratuit__sum' }],
    });
    const data = toChartData([{ region: 'Bretagne', payant__sum: 10, gratuit__sum: 4 }, { region: 'Corse', payant__sum: 2, gratuit__sum: 1 }], chart);
    expect(data.values.map((v) => [v.label, v.x, v.y])).to.deep.equal([['Corse', 2, 1], ['Bretagne', 10, 4]]);
    expect(data.series).to.deep.equal([]);
    expect(data.values[0]!.tip).to.equal('region\u00a0: Corse\npayant (somme)\u00a0: 2\ngratuit (somme)\u00a0: 1');
    expect(chartTable(chart, data).columns.map((c) => c.name)).to.deep.equal(['region', 'payant (somme)', 'gratuit (somme)']);
    expect(spaces(describeChart(data, chart))).to.contain('Un point par region (2 points).');
  });
});

describe('the data table twin', () => {
  it('y="payant, gratuit": one row per year, a column per measure, years without separators', () => {
    const chart = resolveChart(attendance, { type: 'column', x: 'annee', y: ['payant', 'gratuit'] });
    const data = toChartData([{ annee: 2001, payant__sum: 10, gratuit__sum: 3 }, { annee: 2002, payant__sum: 12, gratuit__sum: 4 }], chart);
    const { columns, rows } = chartTable(chart, data);
    expect(columns).to.deep.equal([
      { name: 'annee', type: 'integer', format: 'year' }, { name: 'payant', type: 'number' }, { name: 'gratuit', type: 'number' },
    ]);
    expect(rows).to.deep.equal([{ annee: 2001, payant: 10, gratuit: 3 }, { annee: 2002, payant: 12, gratuit: 4 }]);
  });

  it('a group: a column per series, named by its value', () => {
    const chart = resolveChart(attendance, { type: 'line', x: 'annee', y: ['total'], group: 'region' });
    const { columns, rows } = chartTable(chart, toChartData(regionYears, chart));
    expect(columns.map((c) => c.name)).to.deep.equal(['annee', 'Normandie', 'Bretagne', 'Corse']);
    expect(rows[0]).to.deep.equal({ annee: 2019, Normandie: 200, Bretagne: 100, Corse: 50 });
  });
});
