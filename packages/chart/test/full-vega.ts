/**
 * The full `vega` build with the expression interpreter, for `runtime.test.ts`: loaded in an
 * iframe (its own module instances, so every transform it registers stays there), it draws a Vega
 * spec to SVG as the element did before the runtime was cut.
 */
import { View, Warn, parse } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';

async function renderFull(json: string): Promise<string> {
  const view = new View(parse(JSON.parse(json), undefined, { ast: true }), { expr: expressionInterpreter, renderer: 'none', logLevel: Warn });
  try {
    await view.runAsync();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

(window as Window & { renderFull?: typeof renderFull }).renderFull = renderFull;
