/**
 * Every type × x kind × group × stack × facet: the spec compiles, Vega runs it headless (with the
 * expression interpreter, as the element does) and draws one mark item per datum.
 */
import { expect } from '@open-wc/testing';
import type { Row } from '@culture-widgets/core';
import { buildChartSpec } from '../src/spec.js';
import { toChartData } from '../src/data.js';
import { CHART_TYPES, resolveChart, type ChartOptions } from '../src/options.js';
import { loadVega } from '../src/renderer.js';
import { tickets } from './profiles.js';

const columns = [...tickets, { name: 'annee', type: 'integer' as const, format: 'year' }];
const xs = { nominal: 'discipline', year: 'annee', date: 'date' } as const;

function rows(x: keyof typeof xs, grouped: boolean, faceted: boolean): Row[] {
  const values = { nominal: ['Danse', 'Opéra', 'Cirque'], year: [2019, 2020, 2021], date: ['2024-01-05', '2024-02-10', '2024-03-15'] }[x];
  const out: Row[] = [];
  for (const [i, v] of values.entries()) {
    for (const salle of grouped ? ['A', 'B'] : [undefined]) {
      for (const discipline of faceted ? ['F1', 'F2'] : [undefined]) {
        const row: Row = { [xs[x]]: v, billets__sum: 10 + i, billets: 10 + i, prix: 5 + i };
        if (salle) row['salle'] = salle;
        if (discipline && x !== 'nominal') row['discipline'] = discipline;
        out.push(row);
      }
    }
  }
  return out;
}

describe('every type and option draws', () => {
  for (const type of CHART_TYPES) {
    for (const x of Object.keys(xs) as (keyof typeof xs)[]) {
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
              const { vega, vl, interpreter } = await loadVega();
              const chart = resolveChart(columns, options);
              const data = toChartData(rows(x, grouped, faceted), chart);
              const spec = buildChartSpec({ chart, rows: [], data, width: 480 });
              const view = new vega.View(vega.parse(vl.compile(spec).spec, undefined, { ast: true }), {
                expr: interpreter.expressionInterpreter, renderer: 'none',
              });
              await view.runAsync();
              const svg = await view.toSVG();
              view.finalize();
              const items = (svg.match(/role-mark/g) ?? []).length;
              expect(items, 'mark groups').to.be.greaterThan(0);
              expect(data.values.length).to.be.greaterThan(0);
            });
          }
        }
      }
    }
  }
});
