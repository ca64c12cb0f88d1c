/**
 * `<culture-table>` on the open formats of the sample portal: `sheet` and `record` pick what is
 * read, a file that is not a table is refused in the element with a link to download it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { clearCaches } from '@culture-widgets/core';
import type { CultureErrorEvent, CultureLoadEvent } from '@culture-widgets/ui';
import { DATASETS, RESOURCES, portal, type Portal } from '../../../test/helpers/portal.js';
import '../src/culture-table.js';
import '../../source/src/culture-source.js';

type Settled = CultureLoadEvent | CultureErrorEvent;

function settled(el: HTMLElement): Promise<Settled> {
  return new Promise((resolve) => {
    const done = (event: Event) => {
      el.removeEventListener('culture-load', done);
      el.removeEventListener('culture-error', done);
      resolve(event as Settled);
    };
    el.addEventListener('culture-load', done);
    el.addEventListener('culture-error', done);
  });
}

async function mount(p: Portal, attributes: Record<string, string>): Promise<{ el: HTMLElement; event: Settled }> {
  const el = document.createElement('culture-table');
  for (const [name, value] of Object.entries({ api: p.api, 'tabular-api': p.tabularApi, lang: 'fr', 'page-size': '5', ...attributes })) el.setAttribute(name, value);
  const event = settled(el);
  (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
  const result = await event;
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return { el, event: result };
}

const headers = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').trim());

describe('<culture-table> on open formats', function () {
  this.timeout(60000);
  let p: Portal;
  beforeEach(async () => {
    clearCaches();
    p = await portal();
  });

  it('shows the sheet named by `sheet`, its two-row header joined', async () => {
    const { el, event } = await mount(p, { dataset: DATASETS.formats, resource: RESOURCES.xlsx, sheet: 'Fréquentation' });
    expect(event.type).to.equal('culture-load');
    expect((event as CultureLoadEvent).detail.total).to.equal(120);
    expect(headers(el).some((h) => h.includes('Entrées 2023 payantes'))).to.equal(true);
  });

  it('reads the XML record element named by `record` (and `<culture-source>` passes it on)', async () => {
    const box = await fixture<HTMLDivElement>(html`<div>
      <culture-source id="xml" api=${p.api} tabular-api=${p.tabularApi} dataset=${DATASETS.formats} resource=${RESOURCES.xml} record="mdf:musee"></culture-source>
    </div>`);
    const el = document.createElement('culture-table');
    el.setAttribute('source', 'xml');
    el.setAttribute('page-size', '5');
    const event = settled(el);
    box.append(el);
    expect(((await event) as CultureLoadEvent).detail.total).to.equal(120);
  });

  it('refuses a PDF with a clear message, an alert and a link to the file', async () => {
    const { el, event } = await mount(p, { dataset: DATASETS.badFiles, resource: RESOURCES.pdf });
    expect(event.type).to.equal('culture-error');
    const detail = (event as CultureErrorEvent).detail;
    expect(detail.code).to.equal('unsupported-format');
    expect(detail.message).to.contain('« presentation.pdf » est au format PDF');
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('au format PDF');
    const link = alert.querySelector('a')!;
    expect(link.getAttribute('href')).to.match(/^http:\/\/.*presentation\.pdf$/);
    expect(link.textContent).to.equal('Télécharger le fichier');
    await expect(el).to.be.accessible();
  });

  it('names a password-protected workbook in the alert, in English too', async () => {
    const { event } = await mount(p, { dataset: DATASETS.badFiles, resource: RESOURCES.protectedXlsx, lang: 'en' });
    expect((event as CultureErrorEvent).detail.message).to.equal('The Excel file “classeur-protege.xlsx” is password-protected: it cannot be read in the page.');
  });
});
