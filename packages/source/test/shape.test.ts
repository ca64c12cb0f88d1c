// Computed columns on a <culture-source> (DESIGN.md § 5): controls list their values with counts,
// in their natural order, and the linked widgets filter and show them.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@culture-widgets/table/culture-table.js';
import type { CultureLoadEvent } from '@culture-widgets/ui';
import { portal, DATASETS, type Portal } from '../../../test/helpers/portal.js';
import '../src/culture-source.js';
import '../src/culture-filter.js';
import type { CultureFilter } from '../src/filter.js';

const TIMEOUT = { timeout: 30000 };

const ready = (filter: CultureFilter) =>
  waitUntil(() => filter.shadowRoot!.querySelector('.values') && !filter.shadowRoot!.querySelector('.busy, [aria-busy]'), 'filter ready', TIMEOUT);
const labels = (filter: CultureFilter) =>
  [...filter.shadowRoot!.querySelectorAll('.values label')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
const box = (filter: CultureFilter, value: string) =>
  [...filter.shadowRoot!.querySelectorAll<HTMLInputElement>('.values input')].find((b) => b.value === value)!;

describe('<culture-source compute> with controls and a table', function () {
  this.timeout(90000);
  let p: Portal;
  beforeEach(async () => {
    p = await portal();
  });

  it('controls on computed columns: split values with their counts, decades in order; the table follows', async () => {
    const loads: CultureLoadEvent[] = [];
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr" @culture-load=${(e: CultureLoadEvent) => loads.push(e)}>
      <culture-source id="m" dataset=${DATASETS.museofile} api=${p.api} tabular-api=${p.tabularApi}
        compute="domaine = split(dompal, ';'); decennie = decade(date_creation); region_propre = clean(region)"></culture-source>
      <culture-filter source="m" column="domaine"></culture-filter>
      <culture-filter source="m" column="decennie"></culture-filter>
      <culture-table source="m" columns="nom, domaine, decennie, region_propre" page-size="10"
        labels="domaine: Domaines; region_propre: Région"></culture-table>
    </div>`);
    const [domains, decades] = [...wrapper.querySelectorAll<CultureFilter>('culture-filter')] as [CultureFilter, CultureFilter];
    const table = wrapper.querySelector('culture-table')!;
    await ready(domains);
    await ready(decades);
    // each value of « Archéologie;Beaux-Arts » counts once: 337 museums hold Archéologie
    expect(labels(domains)).to.include('Archéologie (337)');
    expect(domains.shadowRoot!.querySelector('legend')!.textContent).to.equal('Domaine');
    const decadeLabels = labels(decades).map((l) => l.replace(/ \(.*/, ''));
    expect(decadeLabels[0]).to.equal('1790-1799');
    expect(decadeLabels).to.deep.equal([...decadeLabels].sort());
    await waitUntil(() => loads.some((e) => e.target === table), 'table loaded', TIMEOUT);
    const headers = [...table.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.replace(/\s+/g, ' ').trim());
    expect(headers).to.deep.equal(['Nom', 'Domaines', 'Décennie', 'Région']);
    // a filter on the split column keeps whole museums (337), not one row per value
    loads.length = 0;
    box(domains, 'Archéologie').click();
    await waitUntil(() => loads.some((e) => e.target === table), 'table reloaded', TIMEOUT);
    const load = loads.find((e) => e.target === table)!;
    expect(load.detail.total).to.equal(337);
    expect(load.detail.steps.map((s) => `${s.step}:${s.path}`)).to.include('rows:tabular-local');
    const cells = [...table.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td')[1]!.textContent!);
    expect(cells.every((c) => c.includes('Archéologie'))).to.equal(true);
    // the decade control counts under the other control's filter
    await ready(decades);
    const total = labels(decades).reduce((sum, l) => sum + Number(/\((\d+)\)/.exec(l.replace(/\s/g, ''))?.[1] ?? 0), 0);
    expect(total).to.be.at.most(337);
  });

  it('labels on the source name its columns in every linked control and widget; a widget\'s own labels win', async () => {
    const loads: CultureLoadEvent[] = [];
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr" @culture-load=${(e: CultureLoadEvent) => loads.push(e)}>
      <culture-source id="m" dataset=${DATASETS.museofile} api=${p.api} tabular-api=${p.tabularApi}
        compute="r = clean(region); d = decade(date_creation)" labels="r: Région; d: Décennie de création"></culture-source>
      <culture-filter source="m" column="r"></culture-filter>
      <culture-table source="m" columns="nom, r, d" page-size="3" labels="nom: Musée"></culture-table>
    </div>`);
    const filter = wrapper.querySelector<CultureFilter>('culture-filter')!;
    const table = wrapper.querySelector('culture-table')!;
    await ready(filter);
    expect(filter.shadowRoot!.querySelector('legend')!.textContent).to.equal('Région');
    await waitUntil(() => loads.some((e) => e.target === table), 'table loaded', TIMEOUT);
    const headers = [...table.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.replace(/\s+/g, ' ').trim());
    expect(headers).to.deep.equal(['Musée', 'Région', 'Décennie de création']);
  });
});
