/**
 * Vega-Lite compiled at build time (`src/template.ts`, decision 0017): every spec of the matrix has
 * its template, and the template filled with the spec's values is exactly what Vega-Lite compiles
 * (spec and warnings), so the chart draws what it drew when Vega-Lite ran in the page. A shape no
 * template foresaw is still drawn: Vega-Lite compiles it then.
 */
import { expect } from '@open-wc/testing';
import { compile, type TopLevelSpec } from 'vega-lite';
import { buildChartSpec } from '../src/spec.js';
import { toChartData } from '../src/data.js';
import { resolveChart } from '../src/options.js';
import { createView } from '../src/renderer.js';
import { fillTemplate, templateKey, templateName, type Template } from '../src/template.js';
import { EDITORIAL_CASES, SHAPES, columns, type MatrixCase } from './matrix-cases.js';

function specOf({ options, rows }: MatrixCase, width = 480, caption?: { title: string; lines: string[] }): TopLevelSpec {
  const chart = resolveChart(columns, options);
  return buildChartSpec({ chart, rows: [], data: toChartData(rows, chart), width, ...(caption ? { caption } : {}) });
}

/** What Vega-Lite compiles, with its warnings, as JSON (how templates are stored). */
function compiled(spec: TopLevelSpec): Template {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...args: unknown[]) => (warnings.push(args.map(String).join(' ')), logger),
    error: () => logger,
    info: () => logger,
    debug: () => logger,
  };
  return JSON.parse(JSON.stringify({ spec: compile(spec, { logger: logger as never }).spec, warnings })) as Template;
}

async function templateOf(key: string): Promise<Template | undefined> {
  const url = new URL(`../templates/${templateName(key)}.js`, import.meta.url).href;
  return import(url).then((m: { default: Template }) => m.default, () => undefined);
}

describe('Vega-Lite templates compiled at build time', function () {
  this.timeout(20000);

  it('a value is a sentinel in the key; equal titles share one, numbers and ranges by property', () => {
    const spec = { title: 'T', layer: [{ encoding: { x: { title: 'A', axis: { labelLimit: 140 } } } }, { encoding: { x: { title: 'A', axis: { labelLimit: 140 } } } }], width: 140 };
    const { key, values } = templateKey(spec);
    expect(values).to.deep.equal(['T', 'A', 140, 140]);
    expect(key).to.not.match(/"A"|140\b/);
    expect(fillTemplate(JSON.parse(key) as unknown, values)).to.deep.equal(spec);
  });

  it('a value filled in is never read again, whatever it holds', () => {
    expect(fillTemplate({ title: '__tpl0__, __tpl1__' }, ['__tpl1__', 'B'])).to.deep.equal({ title: '__tpl1__, B' });
  });

  it('a string in an expression is filled as a string literal, a whole array as the array', () => {
    const template = { expr: 'format(datum.value, "d") + "__tpl0__"', range: ['__tpl1__'], values: [{ __tpl: '__tpl2__' }], text: 'a __tpl0__ b' };
    expect(fillTemplate(template, ['"M"\\', ['#000', '#fff'], [{ x: 1 }]])).to.deep.equal({
      expr: 'format(datum.value, "d") + "\\"M\\"\\\\"', range: ['#000', '#fff'], values: [{ x: 1 }], text: 'a "M"\\ b',
    });
  });

  for (const c of [...SHAPES, ...EDITORIAL_CASES]) {
    it(c.name, async () => {
      const spec = specOf(c);
      const { key, values } = templateKey(spec);
      const template = await templateOf(key);
      expect(template, 'a template for this spec (packages/chart/build/templates.mjs)').to.exist;
      expect(fillTemplate(template!, values)).to.deep.equal(compiled(spec));
    });
  }

  it('an exported image (title, source, licence and date drawn in) has its template too', async () => {
    for (const c of SHAPES) {
      const spec = specOf(c, 640, { title: 'Entrées « 2024 »', lines: ['Source : Ministère', 'Licence : Etalab', 'Drawn on 5 December 2026', 'Jointure : INSEE'] });
      const { key, values } = templateKey(spec);
      const template = await templateOf(key);
      expect(template, c.name).to.exist;
      expect(fillTemplate(template!, values), c.name).to.deep.equal(compiled(spec));
    }
  });

  it('a spec of a shape no template foresaw is compiled by Vega-Lite in the page, and drawn', async () => {
    const spec = specOf(SHAPES.find((c) => c.options.type === 'line')!) as TopLevelSpec & { layer: { mark: Record<string, unknown> }[] };
    spec.layer[0]!.mark['strokeDash'] = [2, 2];
    expect(await templateOf(templateKey(spec).key), 'no template for a dashed line').to.equal(undefined);
    const debug = console.debug;
    const said: unknown[] = [];
    console.debug = (...args: unknown[]) => said.push(...args);
    try {
      const view = await createView(spec, { renderer: 'none' });
      await view.runAsync();
      const svg = await view.toSVG();
      view.finalize();
      expect(svg).to.contain('stroke-dasharray="2,2"');
    } finally {
      console.debug = debug;
    }
    expect(said.join(' ')).to.match(/no compiled template/);
  });
});
