import { expect } from '@open-wc/testing';
import { portal } from '../helpers/portal.js';

interface CspResult {
  loads: string[];
  errors: string[];
  violations: string[];
  /** States the page brought on screen (tooltip, popup, chips…). */
  seen: string[];
  /** States the case expected on screen that never showed. */
  missing: string[];
}

/**
 * Opens strict.html (CSP `script-src 'self'; style-src 'self'`: no eval, no inline style) for one
 * case and waits for its report.
 */
async function underStrictCsp(name: string): Promise<CspResult> {
  const p = await portal();
  const frame = document.createElement('iframe');
  const query = new URLSearchParams({ case: name, api: p.api, 'tabular-api': p.tabularApi });
  frame.src = `/test/csp/strict.html?${query}`;
  frame.width = '1000';
  frame.height = '900';
  const result = new Promise<CspResult>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || event.data?.type !== 'csp-result') return;
      window.removeEventListener('message', onMessage);
      resolve(event.data as CspResult);
    };
    window.addEventListener('message', onMessage);
  });
  document.body.append(frame);
  try {
    return await result;
  } finally {
    frame.remove();
  }
}

describe('under a strict CSP (script-src self, style-src self: no eval, no inline style)', function () {
  this.timeout(90000);

  const cases: [name: string, loads: string[], errors: number, seen?: string[]][] = [
    ['table-tabular', ['culture-table'], 0],
    ['table-virtual', ['culture-table'], 0],
    ['table-file', ['culture-table'], 0],
    ['chart-server', ['culture-chart'], 0, ['tooltip', 'data table']],
    ['chart-file', ['culture-chart'], 0],
    ['map-points', ['culture-map'], 0, ['popup']],
    ['map-clusters', ['culture-map'], 0],
    ['map-choropleth', ['culture-map'], 0, ['popup']],
    ['map-heatmap', ['culture-map'], 0],
    ['linked', ['culture-table', 'culture-chart'], 0, ['chips']],
    ['formats', ['culture-table', 'culture-chart'], 0],
    ['states', ['culture-table', 'culture-map'], 2],
    ['builder', [], 0, ['preview']],
  ];
  for (const [name, loads, errors, seen = []] of cases) {
    it(`${name}: every state on screen, zero violations`, async () => {
      const result = await underStrictCsp(name);
      expect(result.violations, 'CSP violations').to.deep.equal([]);
      expect(result.missing, 'states never shown').to.deep.equal([]);
      expect(result.seen).to.include.members(seen);
      expect(result.errors, 'culture-error events').to.have.length(errors);
      expect([...new Set(result.loads)].sort()).to.include.members(loads);
    });
  }
});
