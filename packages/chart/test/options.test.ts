import { expect } from '@open-wc/testing';
import { loadSentences, type CultureError } from '@culture-widgets/core';
import {
  autoChart, autoChartOf, chooseChartType, resolveChart,
  type ChartOptions, type ChartType,
} from '../src/options.js';
import { attendance, budgets, museums, tickets } from './profiles.js';

// these tests word core's errors themselves: elements load the sentences on their own (decision 0016)
before(() => Promise.all([loadSentences('fr'), loadSentences('en')]));

describe('chooseChartType (type="auto")', () => {
  const cases: [string, Parameters<typeof chooseChartType>[0], ChartOptions, ChartType][] = [
    ['a year on x → line', attendance, { x: 'annee', y: ['total'] }, 'line'],
    ['nothing named, a year and a measure → line', attendance, {}, 'line'],
    ['a date on x → line', tickets, { x: 'date', y: ['billets'] }, 'line'],
    ['a category with few values → column', tickets, { x: 'discipline', y: ['billets'] }, 'column'],
    ['a category with ~20 values → bar', attendance, { x: 'region', y: ['total'] }, 'bar'],
    ['many categories → bar', attendance, { x: 'nom_du_musee', y: ['total'] }, 'bar'],
    ['no measure at all → count per category (bar)', museums, {}, 'bar'],
    ['two numbers → scatter', budgets, { x: 'population', y: ['depenses'] }, 'scatter'],
    ['two numbers with an aggregate → column', budgets, { x: 'population', y: ['depenses'], aggregate: 'mean' }, 'column'],
    ['an explicit type wins', attendance, { type: 'pie', x: 'region' }, 'pie'],
  ];
  for (const [name, columns, options, expected] of cases) {
    it(name, () => expect(chooseChartType(columns, options)).to.equal(expected));
  }
});

describe('resolveChart', () => {
  it('fills the blanks of the museum attendance resource: total by year, summed', () => {
    const chart = resolveChart(attendance, {});
    expect(chart).to.include({ type: 'line', x: 'annee', xKind: 'year', aggregate: 'sum', sort: 'x', stack: 'none', lang: 'fr' });
    expect(chart.y).to.deep.equal(['total']);
  });

  it('counts rows per region when the resource has no measure', () => {
    const chart = resolveChart(museums, { lang: 'en' });
    expect(chart).to.include({ type: 'bar', x: 'Région administrative', aggregate: 'count', sort: '-y', lang: 'en' });
    expect(chart.y).to.deep.equal([]);
    expect(chart.limit).to.equal(undefined);
  });

  it('keeps a top 10 of a category with hundreds of values', () => {
    expect(resolveChart(attendance, { x: 'nom_du_musee', y: ['total'] }).limit).to.equal(10);
    expect(resolveChart(attendance, { x: 'nom_du_musee', y: ['total'], limit: 5 }).limit).to.equal(5);
  });

  it('keeps six slices in a pie, one measure, no group', () => {
    const chart = resolveChart(attendance, { type: 'pie', x: 'region', y: ['total', 'payant'], group: 'annee' });
    expect(chart).to.include({ type: 'pie', limit: 6 });
    expect(chart.y).to.deep.equal(['total']);
    expect(chart.group).to.equal(undefined);
  });

  it('maps stack, sort, time unit and bounds', () => {
    const chart = resolveChart(tickets, {
      type: 'area', x: 'date', y: ['billets'], group: 'discipline', stack: 'normalize', sort: '-x',
      timeUnit: 'yearmonth', yMin: 0, yMax: 100, unit: '€', height: 250,
    });
    expect(chart).to.include({ stack: 'normalize', sort: '-x', timeUnit: 'yearmonth', yMin: 0, yMax: 100, unit: '€', height: 250, group: 'discipline' });
    expect(resolveChart(tickets, { type: 'area', x: 'date', y: ['billets'] }).stack).to.equal('zero');
    expect(resolveChart(tickets, { type: 'column', x: 'discipline', y: ['billets'], stack: true }).stack).to.equal('zero');
  });

  it('draws a scatter of raw points (no aggregate)', () => {
    const chart = resolveChart(budgets, { x: 'population', y: ['depenses'] });
    expect(chart).to.include({ type: 'scatter', xKind: 'quantitative' });
    expect(chart.aggregate).to.equal(undefined);
  });

  it('forgives case and accents in column names', () => {
    const chart = resolveChart(museums, { x: 'region administrative', group: 'DEPARTEMENT' });
    expect(chart).to.include({ x: 'Région administrative', group: 'Département' });
  });

  it('a sum, mean or median of a text column is an error naming it, never a line of zeros', () => {
    let error: CultureError | undefined;
    try {
      resolveChart(attendance, { type: 'line', x: 'annee', y: ['region'] });
    } catch (e) {
      error = e as CultureError;
    }
    expect(error?.code).to.equal('bad-expression');
    expect(error?.messageIn('fr')).to.equal(
      'y : « region » n’est pas une colonne de nombres : la somme ne s’en calcule pas. Colonnes de nombres : « payant », « gratuit », « total », « individuel », « scolaires ». ' +
        'Pour compter les lignes, ne donnez pas de y (ou aggregate="count").',
    );
    expect(() => resolveChart(attendance, { type: 'line', x: 'annee', y: ['region'], aggregate: 'mean' })).to.throw().with.property('code', 'bad-expression');
    // a count, a minimum or a maximum of text are understood
    expect(resolveChart(attendance, { type: 'line', x: 'annee', y: ['region'], aggregate: 'count' }).aggregate).to.equal('count');
  });

  it('throws unknown-column for a column the resource does not have', () => {
    for (const options of [{ x: 'nope' }, { y: ['nope'] }, { group: 'nope' }, { facet: 'nope' }]) {
      expect(() => resolveChart(attendance, options)).to.throw().with.property('code', 'unknown-column');
    }
  });
});

describe('errors name what is missing, in both languages', () => {
  it('no column to put on x: the available ones are listed', () => {
    try {
      resolveChart([{ name: 'site', type: 'string', format: 'url' }, { name: 'a', type: 'string', format: 'url' }]);
      expect.fail('should throw');
    } catch (error) {
      const e = error as CultureError;
      expect(e.code).to.equal('unknown-column');
      expect(e.messageIn('fr')).to.equal('Aucune colonne à placer sur l’axe horizontal. Colonnes disponibles : « site », « a ».');
      expect(e.messageIn('en')).to.equal('No column to draw on the horizontal axis. Available columns: "site", "a".');
    }
  });
});

describe('autoChartOf: the chart of a type the element draws with nothing else said (the builder\'s gallery)', () => {
  const cases: [string, Parameters<typeof autoChartOf>[0], ChartType, Record<string, string> | undefined][] = [
    ['a line along the years', attendance, 'line', { type: 'line', x: 'annee', y: 'total', aggregate: 'sum' }],
    ['bars by category, not by year', attendance, 'bar', { type: 'bar', x: 'region', y: 'total', aggregate: 'sum' }],
    ['slices by category', attendance, 'pie', { type: 'pie', x: 'region', y: 'total', aggregate: 'sum' }],
    ['a scatter of one measure against another, row by row', attendance, 'scatter', { type: 'scatter', x: 'payant', y: 'total' }],
    ['a heatmap: years by region', attendance, 'heatmap', undefined],
    ['no line without time', budgets, 'line', undefined],
    ['counted bars of a list without measures', museums, 'bar', { type: 'bar', x: 'Région administrative', aggregate: 'count' }],
    ['no scatter without two measures', museums, 'scatter', undefined],
    ['a heatmap of days by discipline', tickets, 'heatmap', { type: 'heatmap', x: 'date', y: 'prix', group: 'discipline', aggregate: 'sum' }],
  ];
  for (const [name, columns, type, expected] of cases) {
    it(name, () => expect(autoChartOf(columns, type)).to.deep.equal(expected));
  }

  it('with no type asked, the element\'s own choice (autoChart), unchanged', () => {
    expect(autoChart(attendance)).to.deep.equal({ type: 'line', x: 'annee', y: 'total', aggregate: 'sum' });
    expect(autoChart(museums)).to.deep.equal({ type: 'bar', x: 'Région administrative', aggregate: 'count' });
  });

  it('an identifier is no category: bars fall back on the column with the fewest values', () => {
    const columns = [{ name: 'ref', type: 'string', distinct: 1200 }, { name: 'region', type: 'string', distinct: 45 }, { name: 'surface', type: 'integer' }] as const;
    expect(autoChart([...columns])).to.include({ x: 'region' });
  });
});
