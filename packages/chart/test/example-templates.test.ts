/**
 * Every chart of the example pages is drawn from a template compiled at build time (decision
 * 0017), on a phone and on a wide screen: the pages we show never make their reader download
 * Vega-Lite. The charts are read from the pages themselves, so a chart added to an example is
 * tried too. A chart fed by a `<culture-source>` (the dashboard's) is left out: it needs its page.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { portal, type Portal } from '../../../test/helpers/portal.js';
import '../src/culture-chart.js';

const PAGES = ['article', 'formats', 'museum', 'par-habitant'];
/** The width a chart gets on these pages: a 390 px phone, a half and a whole column at 1280 px. */
const WIDTHS = [358, 468, 960];

async function chartsOf(page: string): Promise<Record<string, string>[]> {
  const text = await (await fetch(`/examples/${page}.html`)).text();
  const doc = new DOMParser().parseFromString(text, 'text/html');
  return [...doc.querySelectorAll('culture-chart:not([source])')].map((el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])));
}

/** Draws the chart in a box `width` px wide; resolves with what it said in debug lines. */
async function draw(p: Portal, attributes: Record<string, string>, width: number): Promise<string> {
  const said: unknown[] = [];
  const debug = console.debug;
  console.debug = (...args: unknown[]) => said.push(...args);
  const box = await fixture<HTMLDivElement>(html`<div></div>`);
  box.style.width = `${width}px`;
  const el = document.createElement('culture-chart');
  for (const [name, value] of Object.entries({ ...attributes, api: p.api, 'tabular-api': p.tabularApi })) el.setAttribute(name, value);
  try {
    const loaded = oneEvent(el, 'culture-load');
    box.append(el);
    await loaded;
    await waitUntil(() => el.shadowRoot!.querySelector('.view svg'), 'no chart drawn', { timeout: 30000 });
  } finally {
    console.debug = debug;
    box.remove();
  }
  return said.join(' ');
}

describe('the example pages draw every chart from its template', function () {
  this.timeout(120000);
  for (const page of PAGES) {
    it(`examples/${page}.html`, async () => {
      const p = await portal();
      const charts = await chartsOf(page);
      expect(charts, 'charts on the page').to.not.be.empty;
      for (const [i, attributes] of charts.entries()) {
        for (const width of WIDTHS) {
          expect(await draw(p, attributes, width), `chart ${i + 1} (${attributes['title'] ?? attributes['type']}) at ${width} px`).to.not.match(/no compiled template/);
        }
      }
    });
  }
});
