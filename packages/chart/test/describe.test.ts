import { expect } from '@open-wc/testing';
import type { Row } from '@culture-widgets/core';
import { toChartData } from '../src/data.js';
import { describeChart } from '../src/describe.js';
import { resolveChart, type ChartOptions } from '../src/options.js';
import { attendance, budgets, museums } from './profiles.js';

/** ICU versions differ on which no-break space they put in `2,8 M` or `10 %`: compare as spaces. */
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

function describe2(options: ChartOptions, rows: Row[], columns = attendance): string {
  const chart = resolveChart(columns, options);
  return spaces(describeChart(toChartData(rows, chart), chart));
}

const years: Row[] = [
  { annee: 2019, total__sum: 2_500_000 },
  { annee: 2020, total__sum: 900_000 },
  { annee: 2021, total__sum: 1_400_000 },
  { annee: 2022, total__sum: 2_750_000 },
];

describe('describeChart', () => {
  const cases: [string, ChartOptions, Row[], string][] = [
    [
      'a line over years, in French',
      { x: 'annee', y: ['total'] },
      years,
      'Graphique en courbes : total (somme) par annee. De 2019 à 2022. Maximum : 2,8 M (2022). Minimum : 900\u202f000 (2020). ' +
        'Tendance : en hausse (+10\u00a0% sur la période). Dernière valeur : 2,8 M (2022).',
    ],
    [
      'a line over years, in English',
      { x: 'annee', y: ['total'], lang: 'en' },
      years,
      'Line chart: total (sum) by annee. From 2019 to 2022. Maximum: 2.8M (2022). Minimum: 900,000 (2020). ' +
        'Trend: rising (+10% over the period). Latest value: 2.8M (2022).',
    ],
    [
      'a falling trend with a unit',
      { x: 'annee', y: ['total'], unit: '€', lang: 'en' },
      [{ annee: 2020, total__sum: 100 }, { annee: 2021, total__sum: 50 }],
      'Line chart: total (sum, €) by annee. From 2020 to 2021. Maximum: 100\u00a0€ (2020). Minimum: 50\u00a0€ (2021). ' +
        'Trend: falling (-50% over the period). Latest value: 50\u00a0€ (2021).',
    ],
    [
      'a flat trend',
      { x: 'annee', y: ['total'], lang: 'en' },
      [{ annee: 2020, total__sum: 100 }, { annee: 2021, total__sum: 101 }],
      'Line chart: total (sum) by annee. From 2020 to 2021. Maximum: 101 (2021). Minimum: 100 (2020). Trend: stable. Latest value: 101 (2021).',
    ],
    [
      'a top N of categories, with the folded rest',
      { x: 'region', y: ['total'], limit: 2, lang: 'en' },
      [{ region: 'Bretagne', total__sum: 300 }, { region: 'Corse', total__sum: 10 }, { region: 'Normandie', total__sum: 200 }],
      'Bar chart: total (sum) by region. 3 categories. Maximum: 300 (Bretagne). Minimum: 200 (Normandie). One more value makes “Others”.',
    ],
    [
      'a top N whose « Autres » outgrows every bar (left off, said)',
      { x: 'region', y: ['total'], limit: 1, lang: 'en' },
      [{ region: 'Bretagne', total__sum: 300 }, { region: 'Corse', total__sum: 250 }, { region: 'Normandie', total__sum: 200 }],
      'Bar chart: total (sum) by region. 1 category. Maximum: 300 (Bretagne). Minimum: 300 (Bretagne). The 2 other values are grouped into “Others”. ' +
        '“Others”: 450, not drawn (larger than every bar).',
    ],
    [
      'series',
      { type: 'column', x: 'annee', y: ['total'], group: 'region' },
      [
        { annee: 2020, region: 'Bretagne', total__sum: 10 },
        { annee: 2020, region: 'Corse', total__sum: 5 },
        { annee: 2021, region: 'Bretagne', total__sum: 20 },
        { annee: 2021, region: 'Corse', total__sum: 10 },
      ],
      'Histogramme : total (somme) par annee, region. 2 séries. De 2020 à 2021. Les chiffres qui suivent additionnent les séries. Maximum : 30 (2021). Minimum : 15 (2020). ' +
        'Tendance : en hausse (+100\u00a0% sur la période). Dernière valeur : 30 (2021).',
    ],
    ['no data', { x: 'annee', y: ['total'] }, [], 'Graphique en courbes : total (somme) par annee. Aucune donnée à afficher.'],
  ];
  for (const [name, options, rows, expected] of cases) {
    it(name, () => expect(describe2(options, rows)).to.equal(spaces(expected)));
  }

  it('a scatter plot names both axes and counts the points', () => {
    const chart = resolveChart(budgets, { x: 'population', y: ['depenses'], lang: 'en' });
    const rows = [{ population: 1000, depenses: 5 }, { population: 2000, depenses: 9 }];
    expect(spaces(describeChart(toChartData(rows, chart), chart))).to.equal(
      'Scatter plot: depenses by population. 2 points. Maximum: 9 (population: 2,000). Minimum: 5 (population: 1,000).',
    );
  });

  it('the empty category (« (vide) ») is neither the maximum nor the minimum', () => {
    const text = describe2({ type: 'bar', x: 'region', y: ['total'] }, [
      { region: 'Bretagne', total__sum: 300 }, { region: '', total__sum: 900 }, { region: 'Corse', total__sum: 10 }, { region: null, total__sum: 1 },
    ]);
    expect(text).to.contain('Maximum : 300 (Bretagne). Minimum : 10 (Corse).');
    expect(text).not.to.contain('((vide))');
  });

  it('one category, one point: singular words (« 1 catégorie », « 1 point »)', () => {
    expect(describe2({ type: 'bar', x: 'region', y: ['total'] }, [{ region: 'Bretagne', total__sum: 300 }])).to.contain('1 catégorie. ');
    const chart = resolveChart(budgets, { x: 'population', y: ['depenses'], lang: 'en' });
    expect(spaces(describeChart(toChartData([{ population: 1000, depenses: 5 }], chart), chart))).to.contain(': depenses by population. 1 point. ');
  });

  it('folded series are said, and the trend is the total over the series', () => {
    const rows = ['A', 'B', 'C'].flatMap((region, i) => [{ annee: 2020, region, total__sum: 10 * (i + 1) }, { annee: 2021, region, total__sum: 20 * (i + 1) }]);
    const chart = resolveChart(attendance, { type: 'line', x: 'annee', y: ['total'], group: 'region', limit: 2, lang: 'en' });
    expect(spaces(describeChart(toChartData(rows, chart), chart))).to.equal(
      'Line chart: total (sum) by annee, region. 3 series. From 2020 to 2021. The figures that follow add the series up. Maximum: 120 (2021). Minimum: 60 (2020). ' +
        'Trend: rising (+100% over the period). Latest value: 120 (2021). One more series makes “Others”.',
    );
  });

  it('a count per category', () => {
    const text = describe2({ lang: 'fr' }, [{ 'Région administrative': 'Bretagne', count: 40 }, { 'Région administrative': 'Corse', count: 6 }], museums);
    expect(text).to.equal(
      'Diagramme en barres : Nombre de lignes par Région administrative. 2 catégories. Maximum : 40 (Bretagne). Minimum : 6 (Corse).',
    );
  });
});
