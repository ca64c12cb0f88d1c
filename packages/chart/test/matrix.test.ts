/**
 * Every type × x kind × group × stack × facet, then every editorial option × type × x kind × group:
 * the spec compiles, Vega runs it headless (with the expression interpreter, as the element does)
 * without a single warning, draws a mark per value, and the data table twin holds exactly the
 * numbers the marks draw.
 */
import { expect } from '@open-wc/testing';
import type { Row } from '@culture-widgets/core';
import { buildChartSpec } from '../src/spec.js';
import { toChartData, type ChartDatum } from '../src/data.js';
import { CHART_TYPES, resolveChart, type ChartOptions, type ChartType } from '../src/options.js';
import { createView, loadVega } from '../src/renderer.js';
import { chartTable } from '../src/twin.js';
import { tickets } from './profiles.js';

const columns = [...tickets, { name: 'annee', type: 'integer' as const, format: 'year' }];
const xs = { nominal: 'discipline', year: 'annee', date: 'date' } as const;
type XKind = keyof typeof xs;

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

/** The datums behind the marks Vega drew (bars, slices, cells, points; a line is read through its points). */
function drawnDatums(root: unknown): ChartDatum[] {
  const out = new Map<number, ChartDatum>();
  const visit = (node: { items?: unknown[]; name?: string; marktype?: string; datum?: ChartDatum }, markName = '', marktype = '') => {
    if (node.datum && /(^|_)(main|points)_marks$/.test(markName) && marktype !== 'line' && marktype !== 'area' && node.datum.key !== undefined) {
      out.set(node.datum.key, node.datum);
    }
    for (const child of node.items ?? []) {
      const c = child as typeof node;
      visit(c, c.marktype ? (c.name ?? '') : markName, c.marktype ?? marktype);
    }
  };
  visit(root as never);
  return [...out.values()];
}

/** Draws headless; fails on any Vega-Lite or Vega warning; checks marks against the data table twin. */
async function drawAndCheck(options: ChartOptions, data: Row[]): Promise<string[]> {
  await loadVega();
  const chart = resolveChart(columns, options);
  const prepared = toChartData(data, chart);
  const spec = buildChartSpec({ chart, rows: [], data: prepared, width: 480 });
  const warnings: string[] = [];
  const view = await createView(spec, { renderer: 'none', onWarning: (w) => warnings.push(w) });
  await view.runAsync();
  const svg = await view.toSVG();
  const drawn = drawnDatums((view.scenegraph() as unknown as { root: unknown }).root);
  view.finalize();
  expect(warnings, 'Vega warnings').to.deep.equal([]);
  expect((svg.match(/role-mark/g) ?? []).length, 'mark groups').to.be.greaterThan(0);
  // every value with a number is drawn, and its cell in the twin holds what the mark draws
  const withValue = prepared.values.filter((v) => v.y !== null).map((v) => v.key);
  expect(drawn.map((d) => d.key).sort(), 'drawn values').to.include.members(withValue);
  const twin = chartTable(chart, prepared);
  for (const d of drawn) {
    const cell = twin.cells.get(d.key!)!;
    const column = twin.columns.find((c) => c.name === cell.column)!;
    const shown = twin.rows[cell.row]![cell.column] as number;
    const expected = column.format === 'percent' ? Math.round(d.y! * 10000) / 100 : d.y;
    expect(shown, `twin cell ${cell.column} of ${String(d.x)}`).to.equal(expected);
  }
  expect(twin.cells.size, 'one cell per value').to.equal(prepared.values.length);
  return chart.warnings.map((w) => w.reason);
}

describe('every type and option draws', () => {
  for (const type of CHART_TYPES) {
    for (const x of Object.keys(xs) as XKind[]) {
      for (const grouped of [false, true]) {
        for (const stack of [undefined, true, 'normalize'] as const) {
          for (const faceted of [false, true]) {
            if (faceted && x === 'nominal') continue; // the facet column is `discipline`
            if (stack && !grouped) continue;
            const options: ChartOptions = {
              type, x: type === 'scatter' ? 'prix' : xs[x], y: ['billets'],
              ...(grouped ? { group: 'salle' } : {}),
              ...(stack !== undefined ? { stack } : {}),
              ...(faceted ? { facet: 'discipline' } : {}),
              ...(x === 'date' ? { timeUnit: 'yearmonth' as const } : {}),
            };
            it(`${type} x=${x}${grouped ? ' group' : ''}${stack ? ` stack=${stack}` : ''}${faceted ? ' facet' : ''}`, async () => {
              await drawAndCheck(options, rows(x, grouped && type !== 'pie' && type !== 'donut', faceted));
            });
          }
        }
      }
    }
  }
});

/** The first x value, as `highlight` would name it. */
const firstX = { nominal: 'Danse', year: '2019', date: '2024-01-01' } as const;

const editorial: [string, (x: XKind, grouped: boolean) => Partial<ChartOptions>][] = [
  ['highlight a value', (x, grouped) => ({ highlight: grouped ? 'B' : firstX[x] })],
  ['highlight an expression', () => ({ highlight: 'billets >= 11' })],
  ['reference', () => ({ reference: 'mean, median, 12: objectif' })],
  ['cumulative sum', () => ({ cumulative: 'sum' })],
  ['cumulative share', () => ({ cumulative: 'share' })],
  ['sort delta', () => ({ sort: '-delta' })],
  ['titles', () => ({ xTitle: 'Abscisse', yTitle: 'Valeur' })],
  ['colors', () => ({ colors: 'B: #e1000f; Opéra: #000091; billets: #009081' })],
];

/** Options a type cannot draw are ignored with a warning (said in the note under the chart). */
const unused: Partial<Record<string, ChartType[]>> = {
  'cumulative sum': ['pie', 'donut', 'heatmap', 'scatter'],
  'cumulative share': ['pie', 'donut', 'heatmap', 'scatter'],
  reference: ['pie', 'donut', 'heatmap'],
};

describe('every editorial option × type draws', () => {
  for (const [name, option] of editorial) {
    for (const type of CHART_TYPES) {
      for (const x of Object.keys(xs) as XKind[]) {
        for (const grouped of [false, true]) {
          for (const stack of grouped && type !== 'scatter' ? [undefined, true] : [undefined]) {
            it(`${name}: ${type} x=${x}${grouped ? ' group' : ''}${stack ? ' stacked' : ''}`, async () => {
              const options: ChartOptions = {
                type, x: type === 'scatter' ? 'prix' : xs[x], y: ['billets'],
                ...(grouped ? { group: 'salle' } : {}),
                ...(stack ? { stack } : {}),
                ...(x === 'date' ? { timeUnit: 'yearmonth' as const } : {}),
                ...option(x, grouped),
              };
              // a pie draws one measure per slice, without series: its query groups by x alone
              const round = type === 'pie' || type === 'donut';
              const reasons = await drawAndCheck(options, rows(type === 'scatter' ? 'year' : x, grouped && !round, false));
              if (unused[name]?.includes(type)) expect(reasons.length, 'a warning says the option is unused').to.be.greaterThan(0);
            });
          }
        }
      }
    }
  }

  it('a scatter of groups draws one point per group', async () => {
    const options: ChartOptions = { type: 'scatter', x: 'prix', y: ['billets'], group: 'salle', aggregate: 'sum', highlight: 'A', reference: 'median' };
    await drawAndCheck(options, [{ salle: 'A', prix__sum: 5, billets__sum: 10 }, { salle: 'B', prix__sum: 8, billets__sum: 30 }]);
  });
});
