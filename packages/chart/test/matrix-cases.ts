/**
 * The chart's spec matrix: every type × x kind × group × stack × facet, then every editorial option
 * × type × x kind × group. `matrix.test.ts` draws each one and checks its marks; `runtime.test.ts`
 * checks our Vega runtime draws each one as the full `vega` build does.
 */
import type { Row } from '@culture-widgets/core';
import { CHART_TYPES, type ChartOptions } from '../src/options.js';
import { tickets } from './profiles.js';

export const columns = [...tickets, { name: 'annee', type: 'integer' as const, format: 'year' }];
const xs = { nominal: 'discipline', year: 'annee', date: 'date' } as const;
type XKind = keyof typeof xs;

export interface MatrixCase {
  name: string;
  options: ChartOptions;
  rows: Row[];
  /** The editorial option this case tries (second half of the matrix). */
  option?: string;
}

function rows(x: XKind, grouped: boolean, faceted: boolean): Row[] {
  const values = { nominal: ['Danse', 'Opéra', 'Cirque'], year: [2019, 2020, 2021], date: ['2024-01-05', '2024-02-10', '2024-03-15'] }[x];
  const out: Row[] = [];
  for (const [i, v] of values.entries()) {
    for (const [s, salle] of (grouped ? ['A', 'B'] : [undefined]).entries()) {
      for (const discipline of faceted ? ['F1', 'F2'] : [undefined]) {
        // B grows faster than A: `sort="delta"` has differences to order
        const row: Row = { [xs[x]]: v, billets__sum: 10 + i * (s + 1), billets: 10 + i, prix: 5 + i, prix__sum: 5 + i + s };
        if (salle) row['salle'] = salle;
        if (discipline && x !== 'nominal') row['discipline'] = discipline;
        out.push(row);
      }
    }
  }
  return out;
}

function* shapes(): Generator<MatrixCase> {
  for (const type of CHART_TYPES) {
    for (const x of Object.keys(xs) as XKind[]) {
      for (const grouped of [false, true]) {
        for (const stack of [undefined, true, 'normalize'] as const) {
          for (const faceted of [false, true]) {
            if (faceted && x === 'nominal') continue; // the facet column is `discipline`
            if (stack && !grouped) continue;
            yield {
              name: `${type} x=${x}${grouped ? ' group' : ''}${stack ? ` stack=${stack}` : ''}${faceted ? ' facet' : ''}`,
              options: {
                type, x: type === 'scatter' ? 'prix' : xs[x], y: ['billets'],
                ...(grouped ? { group: 'salle' } : {}),
                ...(stack !== undefined ? { stack } : {}),
                ...(faceted ? { facet: 'discipline' } : {}),
                ...(x === 'date' ? { timeUnit: 'yearmonth' as const } : {}),
              },
              rows: rows(x, grouped && type !== 'pie' && type !== 'donut', faceted),
            };
          }
        }
      }
    }
  }
}

/** The first x value, as `highlight` would name it. */
const firstX = { nominal: 'Danse', year: '2019', date: '2024-01-01' } as const;

const EDITORIAL: [string, (x: XKind, grouped: boolean) => Partial<ChartOptions>][] = [
  ['highlight a value', (x, grouped) => ({ highlight: grouped ? 'B' : firstX[x] })],
  ['highlight an expression', () => ({ highlight: 'billets >= 11' })],
  ['reference', () => ({ reference: 'mean, median, 12: objectif' })],
  ['cumulative sum', () => ({ cumulative: 'sum' })],
  ['cumulative share', () => ({ cumulative: 'share' })],
  ['sort delta', () => ({ sort: '-delta' })],
  ['titles', () => ({ xTitle: 'Abscisse', yTitle: 'Valeur' })],
  ['colors', () => ({ colors: 'B: #e1000f; Opéra: #000091; billets: #009081' })],
];

function* editorial(): Generator<MatrixCase> {
  for (const [name, option] of EDITORIAL) {
    for (const type of CHART_TYPES) {
      for (const x of Object.keys(xs) as XKind[]) {
        for (const grouped of [false, true]) {
          for (const stack of grouped && type !== 'scatter' ? [undefined, true] : [undefined]) {
            // a pie draws one measure per slice, without series: its query groups by x alone
            const round = type === 'pie' || type === 'donut';
            yield {
              name: `${name}: ${type} x=${x}${grouped ? ' group' : ''}${stack ? ' stacked' : ''}`,
              option: name,
              options: {
                type, x: type === 'scatter' ? 'prix' : xs[x], y: ['billets'],
                ...(grouped ? { group: 'salle' } : {}),
                ...(stack ? { stack } : {}),
                ...(x === 'date' ? { timeUnit: 'yearmonth' as const } : {}),
                ...option(x, grouped),
              },
              rows: rows(type === 'scatter' ? 'year' : x, grouped && !round, false),
            };
          }
        }
      }
    }
  }
}

/** A scatter of groups: one point per group. */
const scatterOfGroups: MatrixCase = {
  name: 'a scatter of groups draws one point per group',
  options: { type: 'scatter', x: 'prix', y: ['billets'], group: 'salle', aggregate: 'sum', highlight: 'A', reference: 'median' },
  rows: [{ salle: 'A', prix__sum: 5, billets__sum: 10 }, { salle: 'B', prix__sum: 8, billets__sum: 30 }],
};

export const SHAPES: readonly MatrixCase[] = [...shapes()];
export const EDITORIAL_CASES: readonly MatrixCase[] = [...editorial(), scatterOfGroups];
