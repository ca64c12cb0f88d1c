import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { portal, DATASETS } from '../../../test/helpers/portal.js';
import '../src/culture-chart.js';
import type { CultureChart } from '../src/chart.js';

async function drawn(el: CultureChart): Promise<SVGSVGElement> {
  await waitUntil(() => el.shadowRoot?.querySelector('.view svg') && el.view, 'chart not drawn', { timeout: 15000 });
  return el.shadowRoot!.querySelector('.view svg')!;
}

describe('<culture-chart> smoke', () => {
  it('draws museum attendance by year', async () => {
    const p = await portal();
    const el = await fixture<CultureChart>(html`<culture-chart dataset=${DATASETS.museums} api=${p.api} tabular-api=${p.tabularApi} x="annee" y="total"></culture-chart>`);
    const svg = await drawn(el);
    console.log(svg.querySelectorAll('.mark-line path').length, svg.querySelectorAll('.mark-symbol path').length);
    console.log(JSON.stringify(await p.requests()));
    console.log(el.shadowRoot!.querySelector('#description')!.textContent);
  });
});
