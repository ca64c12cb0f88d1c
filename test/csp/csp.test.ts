import { expect } from '@open-wc/testing';
import { portal } from '../helpers/portal.js';

interface CspResult {
  loads: string[];
  errors: string[];
  violations: string[];
}

/** Opens strict.html (CSP `script-src 'self'`, no 'unsafe-eval') for one case and waits for its report. */
async function underStrictCsp(name: string): Promise<CspResult> {
  const p = await portal();
  const frame = document.createElement('iframe');
  const query = new URLSearchParams({ case: name, api: p.api, 'tabular-api': p.tabularApi });
  frame.src = `/test/csp/strict.html?${query}`;
  frame.style.cssText = 'width: 900px; height: 700px';
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

describe('under a strict CSP (script-src self, no unsafe-eval)', function () {
  this.timeout(60000);

  for (const [name, widgets] of [
    ['table-tabular', ['culture-table']],
    ['table-file', ['culture-table']],
    ['chart-server', ['culture-chart']],
    ['chart-file', ['culture-chart']],
    ['map', ['culture-map']],
    ['linked', ['culture-table']],
  ] as const) {
    it(`${name}: draws with zero violations`, async () => {
      const result = await underStrictCsp(name);
      expect(result.errors, 'culture-error events').to.deep.equal([]);
      expect(result.violations, 'CSP violations').to.deep.equal([]);
      expect(result.loads).to.deep.equal([...widgets]);
    });
  }
});
