// The real elements on one <culture-source>: they move together, and the page asks the portal
// once per distinct query (a file-only dataset: the file once, whatever the filters).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { CultureLoadEvent } from '@culture-widgets/ui';
import '@culture-widgets/table/culture-table.js';
import '@culture-widgets/chart/culture-chart.js';
import '@culture-widgets/map/culture-map.js';
import { portal, DATASETS, type Portal } from '../../../test/helpers/portal.js';
import '../src/culture-source.js';
import '../src/culture-filter.js';
import type { CultureFilter } from '../src/filter.js';
import type { CultureSource } from '../src/source.js';

const TIMEOUT = { timeout: 60000 };
const REGION = 'Région principale de déroulement';
const DISCIPLINE = 'Discipline dominante';

/** The last `culture-load` of each widget, recorded from the start. */
function recordLoads(root: HTMLElement) {
  const loads = new Map<Element, CultureLoadEvent[]>();
  root.addEventListener('culture-load', (e) => {
    const list = loads.get(e.target as Element) ?? [];
    list.push(e as CultureLoadEvent);
    loads.set(e.target as Element, list);
  });
  return loads;
}

const tableColumn = (table: Element, index: number) =>
  [...table.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td')[index]?.textContent?.trim());

const ready = (filter: CultureFilter) =>
  waitUntil(() => filter.shadowRoot!.querySelector('.values') && !filter.shadowRoot!.querySelector('.busy'), 'filter ready', TIMEOUT);

const box = (filter: CultureFilter, value: string) =>
  [...filter.shadowRoot!.querySelectorAll<HTMLInputElement>('.values input')].find((b) => b.value === value)!;

describe('<culture-source> with the real table, chart and map', function () {
  this.timeout(150000);
  let p: Portal;
  beforeEach(async () => {
    p = await portal();
  });

  it('keeps a table, a chart and a map in step on a file-only dataset, downloading the file once', async () => {
    const host = document.createElement('div');
    host.lang = 'fr';
    const loads = recordLoads(host);
    document.body.append(host);
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <culture-source id="f" dataset=${DATASETS.festivals} api=${p.api} tabular-api=${p.tabularApi}></culture-source>
        <culture-filter source="f" column=${REGION} label="Région"></culture-filter>
        <culture-filter source="f" column=${DISCIPLINE} label="Discipline"></culture-filter>
        <culture-table source="f" columns=${`Nom du festival, ${REGION}, ${DISCIPLINE}`} page-size="50"></culture-table>
        <culture-chart source="f" type="bar" x=${DISCIPLINE} aggregate="count"></culture-chart>
        <culture-map source="f" coords="Géocodage xy" label="Nom du festival" tiles="none"></culture-map>
      </div>`,
      { parentNode: host },
    );
    const [region, discipline] = [...wrapper.querySelectorAll<CultureFilter>('culture-filter')] as [CultureFilter, CultureFilter];
    const widgets = [...wrapper.querySelectorAll('culture-table, culture-chart, culture-map')];
    const loaded = (n: number) => widgets.every((w) => (loads.get(w)?.length ?? 0) >= n);
    await waitUntil(() => loaded(1), 'every widget loads', TIMEOUT);
    await ready(region);
    await ready(discipline);
    const mapAll = loads.get(widgets[2]!)!.at(-1)!.detail.rows;

    box(region, 'Bretagne').click();
    await waitUntil(() => loaded(2), 'every widget reloads', TIMEOUT);
    await waitUntil(() => tableColumn(widgets[0]!, 1).length > 0 && tableColumn(widgets[0]!, 1).every((r) => r === 'Bretagne'), 'the table shows Breton festivals', TIMEOUT);
    const bretons = tableColumn(widgets[0]!, 1).length;
    expect(loads.get(widgets[0]!)!.at(-1)!.detail.total).to.equal(bretons);
    expect(loads.get(widgets[2]!)!.at(-1)!.detail.rows).to.be.at.most(bretons).and.below(mapAll);
    // the discipline counts now add up to the Breton festivals
    await ready(discipline);
    await waitUntil(
      () =>
        [...discipline.shadowRoot!.querySelectorAll('.count')].reduce((n, c) => n + Number(c.textContent!.replace(/\D/g, '')), 0) === bretons,
      'discipline counts follow',
      TIMEOUT,
    );

    box(discipline, 'Musique').click();
    await waitUntil(() => loaded(3), 'every widget reloads again', TIMEOUT);
    await waitUntil(() => tableColumn(widgets[0]!, 2).length > 0 && tableColumn(widgets[0]!, 2).every((d) => d === 'Musique'), 'Breton music festivals', TIMEOUT);
    expect(loads.get(widgets[1]!)!.at(-1)!.detail.rows).to.equal(1, 'one bar left');

    const files = await p.requests((r) => r.path.includes('/static/resources/'));
    expect(files, 'the file is downloaded once for the whole page').to.have.length(1);
    expect(await p.requests('/data/')).to.have.length(0);
    await expect(region).to.be.accessible();
  });

  it('asks the tabular API once per distinct query when a filter changes', async () => {
    const host = document.createElement('div');
    host.lang = 'fr';
    const loads = recordLoads(host);
    document.body.append(host);
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <culture-source id="m" dataset=${DATASETS.museums} api=${p.api} tabular-api=${p.tabularApi} filter="annee >= 2020"></culture-source>
        <culture-filter source="m" column="region"></culture-filter>
        <culture-table source="m" columns="nom_du_musee, region, annee, total" page-size="10"></culture-table>
        <culture-table source="m" columns="nom_du_musee, region, annee, total" page-size="10"></culture-table>
        <culture-chart source="m" type="line" x="annee" y="total" aggregate="sum"></culture-chart>
      </div>`,
      { parentNode: host },
    );
    const source = wrapper.querySelector<CultureSource>('culture-source')!;
    const region = wrapper.querySelector<CultureFilter>('culture-filter')!;
    const widgets = [...wrapper.querySelectorAll('culture-table, culture-chart')];
    const loaded = (n: number) => widgets.every((w) => (loads.get(w)?.length ?? 0) >= n);
    await waitUntil(() => loaded(1), 'every widget loads', TIMEOUT);
    await ready(region);
    const before = (await p.requests('/data/')).length;

    box(region, 'Normandie').click();
    await waitUntil(() => loaded(2), 'every widget reloads', TIMEOUT);
    await waitUntil(() => tableColumn(widgets[0]!, 1).every((r) => r === 'Normandie'), 'Normandy only', TIMEOUT);
    expect(tableColumn(widgets[1]!, 1)).to.deep.equal(tableColumn(widgets[0]!, 1));
    const after = (await p.requests('/data/')).slice(before).map((r) => r.query);
    // two tables with the same query share one request; the chart has its own; the facet does not move
    expect(after, after.join('\n')).to.have.length(2);
    expect(after.every((q) => q.includes('region__exact=Normandie'))).to.be.true;
    expect(source.filters).to.have.length(2);
  });

  it('turns a click on a chart bar into a filter (refine-on-click), shown by the control', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="fr">
        <culture-source id="c" dataset=${DATASETS.festivals} api=${p.api} tabular-api=${p.tabularApi}></culture-source>
        <culture-filter source="c" column=${DISCIPLINE} label="Discipline"></culture-filter>
        <culture-chart source="c" type="bar" x=${DISCIPLINE} aggregate="count" sort="-y" refine-on-click></culture-chart>
      </div>`,
    );
    const source = wrapper.querySelector<CultureSource>('culture-source')!;
    const filter = wrapper.querySelector<CultureFilter>('culture-filter')!;
    const chart = wrapper.querySelector('culture-chart')!;
    const bar = () => chart.shadowRoot!.querySelector<SVGGraphicsElement>('svg.marks .mark-rect path');
    await waitUntil(bar, 'the chart is drawn', TIMEOUT);
    await ready(filter);
    const biggest = [...filter.shadowRoot!.querySelectorAll<HTMLInputElement>('.values input')][0]!.value;
    const box = bar()!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await waitUntil(() => source.filters.length === 1, 'the click filters the source', TIMEOUT);
    expect(source.filters).to.deep.equal([{ column: DISCIPLINE, op: '=', value: biggest }]);
    await waitUntil(() => filter.shadowRoot!.querySelector<HTMLInputElement>('.values input:checked')?.value === biggest, 'the control shows it', TIMEOUT);
    expect(filter.shadowRoot!.querySelector('.chip')!.textContent!.trim()).to.equal(`Discipline : ${biggest}×`);
  });
});
