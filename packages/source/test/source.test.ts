import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import type { ColumnInfo, FilterClause, Query, Row } from '@culture-widgets/core';
import { CultureDataElement, CultureSelectEvent, type CultureErrorEvent, type DataState } from '@culture-widgets/ui';
import { portal, DATASETS, type Portal } from '../../../test/helpers/portal.js';
import '../src/culture-source.js';
import '../src/culture-filter.js';
import type { CultureSource } from '../src/source.js';
import { readableName } from '@culture-widgets/core';
import type { CultureFilter } from '../src/filter.js';

declare global {
  interface Window {
    __xss?: boolean;
  }
}

/**
 * The smallest linked widget: 20 rows, or one row per `group` value with the summed `total`.
 * It records every result it gets and can send a `culture-select` like a clicked bar.
 */
class TestRows extends CultureDataElement {
  @property() group?: string;
  loads = 0;

  get rows(): Row[] | undefined {
    return (this.data.value as DataState | undefined)?.result?.rows;
  }

  get filters(): FilterClause[] | undefined {
    return (this.data.value as DataState | undefined)?.filters;
  }


  protected buildQuery(_columns: ColumnInfo[], filters: FilterClause[]): Query {
    return this.group
      ? { filters, groupBy: [this.group], aggregates: [{ op: 'sum', column: 'total', as: 'total' }] }
      : { filters, limit: 20 };
  }

  override render() {
    return this.renderData();
  }

  protected renderReady(data: DataState) {
    this.loads++;
    return litHtml`<button type="button" @click=${() => this.pick(data.result.rows[0]!)}>${data.result.rows.length}</button>`;
  }

  /** What a chart does when a bar is clicked. */
  pick(row: Row, values: Record<string, string | number | null> | undefined = { region: row.region as string }) {
    this.renderRoot.querySelector('button')!.dispatchEvent(new CultureSelectEvent({ row, values }));
  }
}
customElements.define('test-rows', TestRows);

const TIMEOUT = { timeout: 15000 };

/** Every linked widget shows data for the source's current filters. */
async function settled(widgets: TestRows[], check: (rows: Row[], w: TestRows) => boolean = () => true, message = 'widgets settle') {
  await waitUntil(
    () => widgets.every((w) => w.rows !== undefined && !w.hasAttribute('aria-busy') && w.shadowRoot!.querySelector('.loading') === null && check(w.rows, w)),
    message,
    TIMEOUT,
  );
}

const facetsReady = (filter: CultureFilter) =>
  waitUntil(() => filter.shadowRoot!.querySelector('.values, select, .range, input[type="search"]') && !filter.shadowRoot!.querySelector('.busy, [aria-busy]'), 'the filter is ready', TIMEOUT);

const boxes = (filter: CultureFilter) => [...filter.shadowRoot!.querySelectorAll<HTMLInputElement>('.values input[type="checkbox"]')];
const boxFor = (filter: CultureFilter, value: string) => boxes(filter).find((b) => b.value === value)!;
const chips = (filter: CultureFilter) => [...filter.shadowRoot!.querySelectorAll<HTMLButtonElement>('.chip')];
const liveRegion = (filter: CultureFilter) => filter.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.trim();
const dataRequests = async (p: Portal) => (await p.requests('/data/')).map((r) => r.query);

function clearHash() {
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}

describe('<culture-source> + <culture-filter>', function () {
  this.timeout(25000);
  let p: Portal;

  beforeEach(async () => {
    p = await portal();
    clearHash();
  });
  afterEach(clearHash);

  async function mount(body: ReturnType<typeof html>) {
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr">${body}</div>`);
    return {
      source: wrapper.querySelector<CultureSource>('culture-source')!,
      widgets: [...wrapper.querySelectorAll<TestRows>('test-rows')],
      filters: [...wrapper.querySelectorAll<CultureFilter>('culture-filter')],
      wrapper,
    };
  }

  const museums = () =>
    html`<culture-source id="s" dataset=${DATASETS.museums} api=${p.api} tabular-api=${p.tabularApi}></culture-source>`;

  it('keeps linked widgets in step, one request per distinct query and per change', async () => {
    const { source, widgets, filters } = await mount(html`
      ${museums()}
      <culture-filter source="s" column="region"></culture-filter>
      <culture-filter source="s" column="departement" type="checkboxes"></culture-filter>
      <test-rows source="s"></test-rows>
      <test-rows source="s"></test-rows>
      <test-rows source="s" group="annee"></test-rows>
    `);
    const [region, departement] = filters as [CultureFilter, CultureFilter];
    await settled(widgets);
    await facetsReady(region);
    await facetsReady(departement);
    expect(region.shadowRoot!.querySelector('fieldset legend')!.textContent).to.equal('Région'); // a readable name
    const before = await dataRequests(p);
    // 20 rows (shared by two widgets), sums by year, the values of each of the two filters
    expect(before).to.have.length(4);
    expect(new Set(before).size).to.equal(4);
    // five elements, one catalogue lookup and one profile
    expect(await p.requests('/profile/')).to.have.length(1);
    expect(await p.requests((r) => r.path.includes('/1/datasets/'))).to.have.length(1);
    expect(boxes(departement).length).to.be.greaterThan(50);

    const changed = oneEvent(source, 'culture-filter-change');
    boxFor(region, 'Bretagne').click();
    expect((await changed).detail.filters).to.deep.equal([{ column: 'region', op: '=', value: 'Bretagne' }]);
    await settled(widgets, (_rows, w) => w.filters!.length === 1, 'widgets refilter');
    await waitUntil(() => boxes(departement).length <= 5, 'the other facet narrows to Breton départements', TIMEOUT);
    await facetsReady(departement);
    expect(widgets[0]!.rows!.every((r) => r.region === 'Bretagne')).to.be.true;
    expect(widgets[1]!.rows).to.deep.equal(widgets[0]!.rows);
    const after = (await dataRequests(p)).slice(before.length);
    // the rows (shared), the yearly sums, the départements under the new filter; not the regions' own facet
    expect(after).to.have.length(3);
    expect(new Set(after).size).to.equal(3);
    expect(boxFor(region, 'Bretagne').checked).to.be.true;
    expect(boxes(region).length).to.be.greaterThan(10, 'the own facet still lists every region');
  });

  it('renders every control type, chosen from the profile or forced', async () => {
    const { filters } = await mount(html`
      ${museums()}
      <culture-filter source="s" column="annee"></culture-filter>
      <culture-filter source="s" column="region" type="select" label="Région"></culture-filter>
      <culture-filter source="s" column="region" type="select" multiple label="Régions"></culture-filter>
      <culture-filter source="s" column="nom_du_musee"></culture-filter>
      <culture-filter source="s" column="REGION"></culture-filter>
    `);
    for (const f of filters) await facetsReady(f);
    const [range, select, multi, search, checkboxes] = filters.map((f) => f.shadowRoot!) as ShadowRoot[];
    const [min, max] = [...range!.querySelectorAll<HTMLInputElement>('input[type="number"]')];
    expect([min!.min, min!.max, min!.step]).to.deep.equal(['2014', '2024', '1']);
    expect(max!.placeholder).to.equal('2024');
    expect(select!.querySelector('label')!.textContent).to.equal('Région');
    expect(select!.querySelector('select')!.multiple).to.be.false;
    expect(select!.querySelector('option')!.textContent!.trim()).to.equal('Toutes les valeurs');
    expect(multi!.querySelector('select')!.multiple).to.be.true;
    expect(search!.querySelector('input[type="search"]')).to.exist;
    expect(checkboxes!.querySelectorAll('.values input').length).to.be.greaterThan(10);
    // a long list gets a value search box
    const valueSearch = checkboxes!.querySelector<HTMLInputElement>('#values-search')!;
    valueSearch.value = 'bret';
    valueSearch.dispatchEvent(new Event('input'));
    await filters[4]!.updateComplete;
    // (the data spells some regions in capitals: both are listed, as the data has them)
    const found = [...checkboxes!.querySelectorAll<HTMLInputElement>('.values input')].map((b) => b.value.toLowerCase());
    expect(found).to.include('bretagne');
    expect(found.every((v) => v === 'bretagne')).to.be.true;
    for (const f of filters) await expect(f).to.be.accessible();
  });

  it('a long list scrolls in its own framed box: a row half scrolled away is never under the search box', async () => {
    const { filters } = await mount(html`${museums()}<culture-filter source="s" column="region" style="display:block;width:20rem"></culture-filter>`);
    await facetsReady(filters[0]!);
    const root = filters[0]!.shadowRoot!;
    const search = root.querySelector('#values-search')!.getBoundingClientRect();
    const list = root.querySelector<HTMLElement>('.values')!;
    list.scrollTop = 12; // the first row half gone
    const box = list.getBoundingClientRect();
    const style = getComputedStyle(list);
    expect(box.top - search.bottom, 'room between the search box and the list').to.be.at.least(8);
    expect(style.borderTopStyle, 'the list is framed').to.equal('solid');
    expect(parseFloat(style.paddingTop)).to.be.above(0);
    // what shows just under the list's top edge belongs to the list, not to the search box
    const under = root.elementFromPoint(box.left + 12, box.top + 2);
    expect(under === list || list.contains(under)).to.equal(true);
  });

  it('applies a select, a multiple select, a range and a text search', async () => {
    const { source, widgets, filters } = await mount(html`
      ${museums()}
      <culture-filter source="s" column="annee"></culture-filter>
      <culture-filter source="s" column="region" type="select"></culture-filter>
      <culture-filter source="s" column="departement" type="select" multiple></culture-filter>
      <culture-filter source="s" column="nom_du_musee" type="search"></culture-filter>
      <test-rows source="s"></test-rows>
    `);
    for (const f of filters) await facetsReady(f);
    const [range, select, multi, search] = filters as CultureFilter[];

    const [min] = [...range!.shadowRoot!.querySelectorAll<HTMLInputElement>('input')];
    min!.value = '2020';
    min!.dispatchEvent(new Event('change'));
    await settled(widgets, (rows) => rows.length > 0 && rows.every((r) => Number(r.annee) >= 2020), 'range applied');

    const el = select!.shadowRoot!.querySelector('select')!;
    el.value = 'Normandie';
    el.dispatchEvent(new Event('change'));
    await settled(widgets, (rows) => rows.every((r) => r.region === 'Normandie' && Number(r.annee) >= 2020), 'select applied');

    await facetsReady(multi!);
    const options = [...multi!.shadowRoot!.querySelectorAll<HTMLOptionElement>('option')];
    expect(options.length).to.be.greaterThan(1).and.lessThan(10);
    options[0]!.selected = true;
    options[1]!.selected = true;
    options[0]!.parentElement!.dispatchEvent(new Event('change'));
    const picked = [options[0]!.value, options[1]!.value];
    expect(source.getFilter('departement')).to.deep.equal([{ column: 'departement', op: 'in', values: picked }]);
    await settled(widgets, (rows) => rows.every((r) => picked.includes(r.departement as string)), 'multiple select applied');

    const box = search!.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    box.value = 'musée';
    box.dispatchEvent(new Event('input'));
    await waitUntil(() => source.getFilter('nom_du_musee').length === 1, 'the search applies after a pause', TIMEOUT);
    expect(source.getFilter('nom_du_musee')).to.deep.equal([{ column: 'nom_du_musee', op: '~', value: 'musée' }]);
    await settled(widgets, (rows) => rows.every((r) => String(r.nom_du_musee).toLowerCase().includes('musée')), 'search applied');
  });

  it('is usable with the keyboard: space checks, chips remove, reset clears, changes are announced', async () => {
    const { source, filters, widgets } = await mount(html`
      ${museums()}
      <culture-filter source="s" column="region"></culture-filter>
      <test-rows source="s"></test-rows>
    `);
    const [region] = filters as [CultureFilter];
    await facetsReady(region);
    boxFor(region, 'Bretagne').focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => liveRegion(region) === '1 filtre actif : Région : Bretagne.', 'announced', TIMEOUT);
    boxFor(region, 'Normandie').focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => chips(region).length === 2, 'two chips', TIMEOUT);
    expect(source.getFilter('region')).to.deep.equal([{ column: 'region', op: 'in', values: ['Bretagne', 'Normandie'] }]);
    expect(chips(region).map((c) => c.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Région : Bretagne×', 'Région : Normandie×']);
    expect(chips(region)[0]!.getAttribute('aria-label')).to.equal('Retirer le filtre Région : Bretagne');
    await settled(widgets, (rows) => rows.every((r) => r.region === 'Bretagne' || r.region === 'Normandie'));

    chips(region)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => chips(region).length === 1, 'the chip is removed', TIMEOUT);
    expect(source.getFilter('region')).to.deep.equal([{ column: 'region', op: '=', value: 'Normandie' }]);
    expect(region.shadowRoot!.activeElement).to.equal(chips(region)[0], 'focus stays on the chips');
    expect(liveRegion(region)).to.equal('1 filtre actif : Région : Normandie.');

    const reset = region.shadowRoot!.querySelector<HTMLButtonElement>('.reset')!;
    expect(reset.textContent).to.equal('Réinitialiser');
    reset.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => chips(region).length === 0, 'reset', TIMEOUT);
    expect(source.filters).to.deep.equal([]);
    expect(region.shadowRoot!.activeElement).to.be.instanceOf(HTMLInputElement);
    expect(liveRegion(region)).to.equal('Aucun filtre actif.');
    await settled(widgets, (rows) => rows.length === 20 && widgets[0]!.filters!.length === 0);
    await expect(region).to.be.accessible();
  });

  it('applies a range typed with the keyboard (Enter)', async () => {
    const { source, filters } = await mount(html`${museums()}<culture-filter source="s" column="annee" label="Année"></culture-filter>`);
    const [range] = filters as [CultureFilter];
    await facetsReady(range);
    const [min, max] = [...range.shadowRoot!.querySelectorAll<HTMLInputElement>('input')];
    expect(range.shadowRoot!.querySelector('legend')!.textContent).to.equal('Année');
    expect(min!.labels![0]!.textContent!.trim()).to.equal('Minimum');
    min!.focus();
    await sendKeys({ type: '2016' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => source.filters.length === 1, 'min applied', TIMEOUT);
    max!.focus();
    await sendKeys({ type: '2018' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => source.filters.length === 2, 'max applied on leaving the field', TIMEOUT);
    expect(source.filters).to.deep.equal([
      { column: 'annee', op: '>=', value: '2016' },
      { column: 'annee', op: '<=', value: '2018' },
    ]);
    await waitUntil(() => chips(range).length === 2, 'two chips', TIMEOUT);
    expect(chips(range).map((c) => c.textContent!.trim())).to.deep.equal(['Année ≥ 2016×', 'Année ≤ 2018×']);
    await expect(range).to.be.accessible();
  });

  it('keeps the filter attribute of the source and summarises every live filter', async () => {
    const { source, filters, widgets } = await mount(html`
      <culture-source id="s" dataset=${DATASETS.museums} api=${p.api} tabular-api=${p.tabularApi} filter="annee = 2023"></culture-source>
      <culture-filter source="s"></culture-filter>
      <test-rows source="s"></test-rows>
    `);
    const [summary] = filters as [CultureFilter];
    await settled(widgets, (rows) => rows.every((r) => r.annee === 2023));
    expect(summary.shadowRoot!.textContent).to.contain('Aucun filtre actif');
    source.setFilter('region', [{ column: 'region', op: '=', value: 'Corse' }]);
    source.setFilter('total', [{ column: 'total', op: '>=', value: '1000' }]);
    await waitUntil(() => chips(summary).length === 2, 'every live filter has a chip', TIMEOUT);
    expect(liveRegion(summary)).to.equal('2 filtres actifs : Région : Corse, Total ≥ 1000.');
    expect(source.filters).to.have.length(3);
    await settled(widgets, (rows) => rows.every((r) => r.annee === 2023 && r.region === 'Corse' && Number(r.total) >= 1000));
    // a control added later names its key: the summary's chips follow
    const control = document.createElement('culture-filter');
    control.setAttribute('source', 's');
    control.setAttribute('column', 'region');
    control.setAttribute('label', 'Territoire');
    summary.after(control);
    await waitUntil(() => chips(summary)[0]!.textContent!.trim().startsWith('Territoire : Corse'), 'the summary uses the label', TIMEOUT);
    // the control reads out its own changes; the summary does not repeat them
    const said = liveRegion(summary);
    source.setFilter('region', [{ column: 'region', op: '=', value: 'Guyane' }]);
    await waitUntil(() => liveRegion(control as CultureFilter) === '1 filtre actif : Territoire : Guyane.', 'the control speaks', TIMEOUT);
    expect(liveRegion(summary)).to.equal(said);
    summary.shadowRoot!.querySelector<HTMLButtonElement>('.reset')!.click();
    await waitUntil(() => chips(summary).length === 0, 'reset all', TIMEOUT);
    expect(liveRegion(summary)).to.equal('Aucun filtre actif.');
    expect(source.filters).to.deep.equal([{ column: 'annee', op: '=', value: '2023' }]);
    await expect(summary).to.be.accessible();
  });

  it('turns a click in a refine-on-click widget into a filter, shown by the matching control', async () => {
    const { source, widgets, filters } = await mount(html`
      ${museums()}
      <culture-filter source="s" column="region"></culture-filter>
      <test-rows source="s" group="region" refine-on-click></test-rows>
      <test-rows source="s"></test-rows>
    `);
    const [chart, table] = widgets as [TestRows, TestRows];
    await settled(widgets);
    const normandie = chart.rows!.find((r) => r.region === 'Normandie')!;
    chart.pick(normandie);
    await settled(widgets, (rows) => rows.length > 0 && rows.every((r) => r.region === 'Normandie'), 'refined');
    expect(source.filters).to.deep.equal([{ column: 'region', op: '=', value: 'Normandie' }]);
    await facetsReady(filters[0]!);
    expect(boxFor(filters[0]!, 'Normandie').checked).to.be.true;
    expect(chips(filters[0]!)).to.have.length(1);
    // a widget without refine-on-click does not filter
    table.pick(table.rows![0]!, { region: 'Corse' });
    await table.updateComplete;
    expect(source.filters).to.deep.equal([{ column: 'region', op: '=', value: 'Normandie' }]);
    // refine-on-click="columns" takes them from the clicked row (a table sends no values)
    table.setAttribute('refine-on-click', 'annee');
    const row = table.rows!.find((r) => r.annee !== null)!;
    table.pick(row, undefined);
    await settled([table], (rows) => rows.every((r) => r.annee === row.annee && r.region === 'Normandie'), 'refined by a row');
    expect(source.getFilter('annee')).to.deep.equal([{ column: 'annee', op: '=', value: String(row.annee) }]);
  });

  it('mirrors filters in the URL hash, restores them on load, and follows the back button', async () => {
    history.replaceState(null, '', `#s=${encodeURIComponent('region in Bretagne|Normandie')}`);
    const { source, widgets, filters } = await mount(
      html`<culture-source id="s" url-sync dataset=${DATASETS.museums} api=${p.api} tabular-api=${p.tabularApi}></culture-source>
        <culture-filter source="s" column="region"></culture-filter>
        <test-rows source="s"></test-rows>`,
    );
    const [region] = filters as [CultureFilter];
    expect(source.filters).to.deep.equal([{ column: 'region', op: 'in', values: ['Bretagne', 'Normandie'] }]);
    await settled(widgets, (rows) => rows.length > 0 && rows.every((r) => r.region === 'Bretagne' || r.region === 'Normandie'), 'restored');
    await facetsReady(region);
    expect(boxFor(region, 'Normandie').checked).to.be.true;

    boxFor(region, 'Bretagne').click();
    await waitUntil(() => location.hash === '#s=region%20%3D%20Normandie', `hash follows (${location.hash})`, TIMEOUT);
    await settled(widgets, (rows) => rows.every((r) => r.region === 'Normandie'));
    region.shadowRoot!.querySelector<HTMLButtonElement>('.reset')!.click();
    await waitUntil(() => location.hash === '', 'no filter, no hash', TIMEOUT);

    history.back();
    await waitUntil(() => source.getFilter('region').length === 1, 'back: one region again', TIMEOUT);
    expect(source.filters).to.deep.equal([{ column: 'region', op: '=', value: 'Normandie' }]);
    history.back();
    await waitUntil(() => source.getFilter('region')[0]?.op === 'in', 'back: two regions again', TIMEOUT);
    await settled(widgets, (rows) => rows.some((r) => r.region === 'Bretagne'));
    await waitUntil(() => boxFor(region, 'Bretagne')?.checked, 'the control follows the history', TIMEOUT);
  });

  it('renders hostile values as text', async () => {
    window.__xss = undefined;
    const { filters } = await mount(html`
      <culture-source id="s" dataset=${DATASETS.hostile} api=${p.api} tabular-api=${p.tabularApi}></culture-source>
      <culture-filter source="s" column=${HOSTILE_COLUMN} type="checkboxes"></culture-filter>
      <culture-filter source="s" column=${HOSTILE_COLUMN} type="select"></culture-filter>
    `);
    for (const f of filters) await facetsReady(f);
    const [list] = filters as [CultureFilter];
    const labels = [...list.shadowRoot!.querySelectorAll('.values label')].map((l) => l.textContent!);
    expect(labels.some((t) => t.includes('<img src=x'))).to.be.true;
    expect(list.shadowRoot!.querySelector('legend')!.textContent).to.equal(readableName(HOSTILE_COLUMN)); // « Région <img …> », as text
    expect(list.shadowRoot!.querySelector('.values img, .values script, .values svg')).to.equal(null);
    boxes(list)[0]!.click();
    await waitUntil(() => chips(list).length === 1, 'a hostile chip', TIMEOUT);
    expect(chips(list)[0]!.querySelector('img, script')).to.equal(null);
    await new Promise(requestAnimationFrame);
    expect(window.__xss).to.equal(undefined);
  });

  it('an unknown type is said and the control chosen from the profile; a quoted column is read', async () => {
    const warnings: string[][] = [];
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr" @culture-warning=${(e: CustomEvent) => warnings.push([e.detail.attribute, e.detail.value, e.detail.accepted])}>
      ${museums()}<culture-filter source="s" column="'region'" type="liste"></culture-filter></div>`);
    const filter = wrapper.querySelector<CultureFilter>('culture-filter')!;
    await waitUntil(() => filter.shadowRoot!.querySelector('.values input, [role="alert"]'), 'the filter is ready', TIMEOUT);
    expect(filter.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? null).to.equal(null);
    expect(warnings).to.deep.equal([['type', 'liste', 'auto']]);
    expect(filter.shadowRoot!.querySelectorAll('.values input').length).to.be.greaterThan(10);
    expect(filter.shadowRoot!.querySelector('[part=warning]')!.textContent).to.contain('type="liste"');
  });

  it('shows an error when the source id is missing', async () => {
    const errors: CultureErrorEvent[] = [];
    const record = (e: Event) => errors.push(e as CultureErrorEvent);
    document.addEventListener('culture-error', record);
    const el = await fixture<CultureFilter>(html`<culture-filter lang="fr" source="nulle-part" column="region"></culture-filter>`);
    await waitUntil(() => errors.length === 1, 'culture-error', TIMEOUT);
    document.removeEventListener('culture-error', record);
    expect(errors[0]!.detail.code).to.equal('no-source');
    expect(errors[0]!.target === el).to.be.true;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Aucune source « nulle-part »');
    await expect(el).to.be.accessible();
  });

  it('asks for a source when the attribute is absent', async () => {
    const el = await fixture<CultureFilter>(html`<culture-filter lang="fr" column="region"></culture-filter>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'error state', TIMEOUT);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('Indiquez la source à filtrer');
  });

  it('says which source is missing on a linked widget too', async () => {
    const el = await fixture<TestRows>(html`<test-rows lang="fr" source="introuvable"></test-rows>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'error state', TIMEOUT);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('Aucune source « introuvable »');
  });

  it('shows an error for an unknown column, in English when the page is', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en">${museums()}<culture-filter source="s" column="nope"></culture-filter></div>`);
    const el = wrapper.querySelector('culture-filter')!;
    let detail = undefined as CultureErrorEvent['detail'] | undefined;
    el.addEventListener('culture-error', (e) => (detail = e.detail));
    await waitUntil(() => detail, 'culture-error', TIMEOUT);
    expect(detail!.code).to.equal('unknown-column');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('nope');
  });
});

/** A column of the hostile dataset whose values are HTML payloads. */
const HOSTILE_COLUMN = 'région <img src=x onerror="window.__xss=true">';
