/**
 * Our Vega runtime (`src/vega-runtime.ts`) on the whole spec matrix (every type × option): every
 * transform a compiled spec names is registered, and the SVG it draws is the full `vega` build's,
 * element for element and attribute for attribute. The full build runs in an iframe, whose module
 * instances are its own: its registrations never reach the runtime tested here.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { compile, type TopLevelSpec } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import { transforms } from 'vega-dataflow';
import { TRANSFORMS, View, Warn, parse } from '../src/vega-runtime.js';
import { buildChartSpec } from '../src/spec.js';
import { toChartData } from '../src/data.js';
import { resolveChart } from '../src/options.js';
import { EDITORIAL_CASES, SHAPES, columns, type MatrixCase } from './matrix-cases.js';

type Spec = ReturnType<typeof compile>['spec'];

/** Every transform type the spec names (data pipelines, marks, facets). */
function transformTypes(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => transformTypes(n, into));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'transform' && Array.isArray(value)) for (const t of value) into.add((t as { type: string }).type);
      transformTypes(value, into);
    }
  }
  return into;
}

function vegaSpec({ options, rows }: MatrixCase): Spec {
  const chart = resolveChart(columns, options);
  const spec: TopLevelSpec = buildChartSpec({ chart, rows: [], data: toChartData(rows, chart), width: 480 });
  return compile(spec).spec;
}

async function renderOurs(spec: Spec): Promise<string> {
  const view = new View(parse(spec, undefined, { ast: true }), { expr: expressionInterpreter, renderer: 'none', logLevel: Warn });
  try {
    await view.runAsync();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Clip paths and gradients are numbered by a counter of each Vega instance: numbered again in order. */
function normalized(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/\b(clip|gradient|pattern_?)\d+\b/g, (id, kind: string) => {
    if (!ids.has(id)) ids.set(id, `${kind}#${ids.size}`);
    return ids.get(id)!;
  });
}

describe('our Vega runtime draws every spec as the full vega build', function () {
  this.timeout(20000);
  let renderFull: (json: string) => Promise<string>;

  before(async () => {
    const frame = document.createElement('iframe');
    const loaded = new Promise((ok) => frame.addEventListener('load', ok, { once: true }));
    frame.srcdoc = `<!doctype html><script type="module" src="${new URL('./full-vega.ts', import.meta.url).href}"></script>`;
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & { renderFull?: typeof renderFull };
    await waitUntil(() => win.renderFull, 'the full vega build did not load', { timeout: 15000 });
    renderFull = win.renderFull!;
  });

  it('registers its transforms only: nothing in this page brought the whole of vega in', () => {
    // Vega-Lite's `vega` import goes to the shim (rollup and the test server alike)
    expect(Object.keys(transforms).sort()).to.deep.equal(Object.keys(TRANSFORMS).sort());
  });

  it('leaves out event streams, geo functions and TopoJSON: a spec using one fails with a message', () => {
    const events = { signals: [{ name: 'clicked', value: 0, on: [{ events: 'click', update: '1' }] }] };
    expect(() => parse(events as never, undefined, { ast: true })).to.throw(/not in the charts' Vega runtime/);
  });

  for (const c of [...SHAPES, ...EDITORIAL_CASES]) {
    it(c.name, async () => {
      const spec = vegaSpec(c);
      const missing = [...transformTypes(spec)].filter((type) => !Object.hasOwn(TRANSFORMS, type));
      expect(missing, 'transforms the runtime lacks (add them to src/vega-runtime.ts)').to.deep.equal([]);
      const [ours, full] = await Promise.all([renderOurs(spec), renderFull(JSON.stringify(spec))]);
      expect(ours).to.match(/^<svg/);
      expect(normalized(ours)).to.equal(normalized(full));
    });
  }
});
