import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '@culture-widgets/table/culture-table.js';
import '@culture-widgets/chart/culture-chart.js';
import '@culture-widgets/map/culture-map.js';
import '@culture-widgets/kpi/culture-kpi.js';
import '../src/culture-builder.js';
import type { CultureMap } from '@culture-widgets/map';
import type { CultureBuilder } from '../src/index.js';
import { portal, DATASETS, type Portal } from '../../../test/helpers/portal.js';
import { load, nextLoad, openBuilder, ui } from './builder-ui.js';

describe('<culture-builder> proposes what each element chooses itself', function () {
  this.timeout(60000);
  let p: Portal;
  before(async () => {
    p = await portal();
  });

  /** The builder on `dataset`, showing the card `card` (or what it recommends), once its preview is drawn. */
  async function proposed(dataset: string, card?: string): Promise<{ builder: CultureBuilder; preview: HTMLElement }> {
    const builder = await openBuilder(p);
    const u = ui(builder);
    await load(builder, dataset);
    if (card && !u.card(card).checked) {
      const drawn = nextLoad(builder);
      u.card(card).click();
      await drawn;
    }
    await (u.preview() as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    return { builder, preview: u.preview()! };
  }

  /** The same element left to its own `auto`: only the data attributes. */
  async function bare(tag: string, dataset: string): Promise<HTMLElement & { updateComplete: Promise<boolean> }> {
    const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<boolean> };
    for (const [name, value] of Object.entries({ dataset, api: p.api, 'tabular-api': p.tabularApi, lang: 'fr' })) el.setAttribute(name, value);
    el.style.width = '640px';
    const loaded = oneEvent(el, 'culture-load');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await loaded;
    await el.updateComplete;
    return el;
  }

  const said = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.trim();

  for (const dataset of [DATASETS.museums, DATASETS.spending, DATASETS.monuments]) {
    it(`chart on ${dataset}: the line card is the chart <culture-chart> draws alone`, async () => {
      const { preview } = await proposed(dataset, 'Courbe');
      const own = await bare('culture-chart', dataset);
      expect(said(preview, '#description')).to.equal(said(own, '#description'));
    });
  }

  it('the geolocated museums list opens as a map: the points <culture-map> finds alone', async () => {
    const { builder, preview } = await proposed(DATASETS.museumList);
    expect(preview.localName).to.equal('culture-map');
    expect(ui(builder).card('Carte des lieux').checked).to.equal(true);
    expect(preview.getAttribute('lat')).to.equal('Latitude');
    const own = (await bare('culture-map', DATASETS.museumList)) as unknown as CultureMap;
    expect((preview as CultureMap).drawnSummary).to.deep.equal(own.drawnSummary);
    expect(said(preview, 'details.features summary')).to.equal(said(own, 'details.features summary'));
  });

  for (const dataset of [DATASETS.festivals, DATASETS.places]) {
    it(`map on ${dataset}: the same map as <culture-map> alone`, async () => {
      const { preview } = await proposed(dataset, 'Carte des lieux');
      const own = (await bare('culture-map', dataset)) as unknown as CultureMap;
      expect((preview as CultureMap).drawnSummary).to.deep.equal(own.drawnSummary);
      expect(said(preview, 'details.features summary')).to.equal(said(own, 'details.features summary'));
    });
  }

  it('table on the museums: the columns <culture-table> shows alone', async () => {
    const { preview } = await proposed(DATASETS.museums, 'Tableau');
    const own = await bare('culture-table', DATASETS.museums);
    const headers = (el: Element) => [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(headers(preview)).to.deep.equal(headers(own));
  });

  it('every card draws its thumbnail from the data, the recommended one first', async () => {
    const { builder } = await proposed(DATASETS.museums);
    const u = ui(builder);
    expect(u.q('.gallery .card .badge')!.closest('.card')!.querySelector('input')!.checked).to.equal(true);
    const names = u.all('.gallery .card-name').map((n) => u.text(n));
    expect(names[0]).to.equal('Courbe');
    expect(names).to.include.members(['Barres verticales', 'Barres horizontales', 'Secteurs', 'Carte des territoires', 'Tableau']);
    // each picture gets marks once its numbers are in
    await waitUntil(() => u.all('.gallery svg.thumb').every((svg) => svg.childElementCount > 0), 'a thumbnail stayed empty', { timeout: 20000 });
    // bars by category: the region with most entries is the longest bar
    const drawn = nextLoad(builder);
    u.card('Barres horizontales').click();
    await drawn;
    expect(u.preview()!.getAttribute('type')).to.equal('bar');
    expect(u.preview()!.getAttribute('x')).to.equal('region');
    expect(u.text(u.card('Barres horizontales').closest('.card')!.querySelector('.card-what'))).to.equal('Total par région');
  });
});
