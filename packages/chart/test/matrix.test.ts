/**
 * The spec matrix (`matrix-cases.ts`: every type × x kind × group × stack × facet, then every
 * editorial option × type × x kind × group): the spec compiles, Vega runs it headless (with the
 * expression interpreter, as the element does) without a single warning, draws a mark per value,
 * and the data table twin holds exactly the numbers the marks draw.
 */
import { expect } from '@open-wc/testing';
import type { Row } from '@culture-widgets/core';
import { buildChartSpec } from '../src/spec.js';
import { toChartData, type ChartDatum } from '../src/data.js';
import { resolveChart, type ChartOptions, type ChartType } from '../src/options.js';
import { createView, loadVega } from '../src/renderer.js';
import { chartTable } from '../src/twin.js';
import { EDITORIAL_CASES, SHAPES, columns } from './matrix-cases.js';

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
  for (const c of SHAPES) it(c.name, async () => void (await drawAndCheck(c.options, c.rows)));
});

/** Options a type cannot draw are ignored with a warning (said in the note under the chart). */
const unused: Partial<Record<string, ChartType[]>> = {
  'cumulative sum': ['pie', 'donut', 'heatmap', 'scatter'],
  'cumulative share': ['pie', 'donut', 'heatmap', 'scatter'],
  reference: ['pie', 'donut', 'heatmap'],
};

describe('every editorial option × type draws', () => {
  for (const c of EDITORIAL_CASES) {
    it(c.name, async () => {
      const reasons = await drawAndCheck(c.options, c.rows);
      if (c.option && unused[c.option]?.includes(c.options.type as ChartType)) expect(reasons.length, 'a warning says the option is unused').to.be.greaterThan(0);
    });
  }
});
