import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import { portal, DATASETS, type Portal } from '../../../test/helpers/portal.js';
import '../src/culture-chart.js';
import type { CultureChart } from '../src/chart.js';
import type { CultureWarningDetail } from '@culture-widgets/ui';
import { loadVega } from '../src/renderer.js';

type Attrs = Record<string, string>;

let p: Portal;
before(async function () {
  // The dev server transforms Vega's ~40 modules on first import: do it once, outside the timings.
  this.timeout(60000);
  await loadVega();
});
beforeEach(async () => {
  p = await portal();
});
afterEach(async () => {
  await resetMouse();
});

/** A chart in a box of `width` px, reading the sample portal. */
async function chart(attrs: Attrs, width = 640): Promise<CultureChart> {
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px"></div>`);
  const el = document.createElement('culture-chart');
  el.setAttribute('api', p.api);
  el.setAttribute('tabular-api', p.tabularApi);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  box.append(el);
  return el;
}

const root = (el: CultureChart) => el.shadowRoot!;
/** ICU versions differ on which no-break space they put in numbers: compare as spaces. */
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const svgOf = (el: CultureChart) => root(el).querySelector<SVGSVGElement>('.view svg');

/** Waits for the drawing (or fails with what the element shows instead). */
async function drawn(el: CultureChart, timeout = 15000): Promise<SVGSVGElement> {
  await waitUntil(() => svgOf(el) || root(el).querySelector('[role=alert]'), 'nothing drawn', { timeout });
  const alert = root(el).querySelector('[role=alert]');
  if (alert) throw new Error(`error shown: ${alert.textContent}`);
  return svgOf(el)!;
}

/** Waits for the drawing or an alert; the alert's text ('' once drawn), for assertions. */
async function alertShown(el: CultureChart, timeout = 15000): Promise<string> {
  await waitUntil(() => svgOf(el) || root(el).querySelector('[role=alert]'), 'nothing drawn', { timeout });
  await el.updateComplete;
  return (root(el).querySelector('[role=alert]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const marks = (svg: SVGSVGElement, mark: string) => svg.querySelectorAll(`.mark-${mark}.role-mark path`).length;

async function tableRows(el: CultureChart): Promise<number> {
  await openMenuAndChoose(el, /tableau|table/i);
  // the table view loads when it is first opened
  await waitUntil(() => root(el).querySelector('.data-table table'), 'no data table');
  return root(el).querySelectorAll('.data-table tbody tr').length;
}

async function openMenuAndChoose(el: CultureChart, label: RegExp): Promise<void> {
  root(el).querySelector<HTMLButtonElement>('.menu-button')!.click();
  await el.updateComplete;
  const item = [...root(el).querySelectorAll<HTMLButtonElement>('[role=menuitem]')].find((b) => label.test(b.textContent ?? ''));
  item!.click();
  await el.updateComplete;
}

const museums = { dataset: DATASETS.museums };
const museumList = { dataset: DATASETS.museumList };

describe('<culture-chart> draws each type', () => {
  it('line: one line and a point per year', async () => {
    const svg = await drawn(await chart({ ...museums, type: 'line', x: 'annee', y: 'total' }));
    expect(marks(svg, 'line')).to.equal(1);
    expect(marks(svg, 'symbol')).to.equal(11); // 2014…2024
  });

  it('column: a bar per year', async () => {
    const svg = await drawn(await chart({ ...museums, type: 'column', x: 'annee', y: 'total' }));
    expect(marks(svg, 'rect')).to.equal(11);
  });

  it('column stacked: a bar per year and measure', async () => {
    const svg = await drawn(await chart({ ...museums, type: 'column', x: 'annee', y: 'payant, gratuit', stack: 'true' }));
    expect(marks(svg, 'rect')).to.equal(22);
  });

  it('bar: the top N, « Autres » left off (larger than every bar) and said in the text', async () => {
    const el = await chart({ ...museums, type: 'bar', x: 'nom_du_musee', y: 'total', limit: '5', filter: 'annee = 2024' });
    const svg = await drawn(el);
    expect(marks(svg, 'rect')).to.equal(5);
    const labels = [...svg.querySelectorAll('.role-axis-label text')].map((t) => t.textContent);
    expect(labels).not.to.include('Autres');
    expect(el.shadowRoot!.querySelector('[part=note]')?.textContent).to.match(/^« Autres » : .+, non représenté/);
  });

  it('area: one area per series, many series folded', async () => {
    const svg = await drawn(await chart({ ...museums, type: 'area', x: 'annee', y: 'total', group: 'region', limit: '3' }));
    expect(marks(svg, 'area')).to.equal(4);
  });

  it('pie and donut: a slice per category', async () => {
    for (const type of ['pie', 'donut']) {
      const svg = await drawn(await chart({ ...museumList, type, x: 'Région administrative', limit: '4' }));
      expect(marks(svg, 'arc'), type).to.equal(5);
    }
  });

  it('heatmap: a cell per year and region drawn, as many as the table\'s values (a row per year)', async () => {
    const el = await chart({ ...museums, type: 'heatmap', x: 'annee', y: 'total', group: 'region' });
    const svg = await drawn(el);
    const cells = marks(svg, 'rect');
    expect(cells).to.be.greaterThan(11);
    expect(await tableRows(el)).to.equal(11);
    const values = [...root(el).querySelectorAll('.data-table tbody td:not(:first-child)')].filter((td) => !td.querySelector('.empty'));
    expect(values).to.have.length(cells);
  });

  it('scatter: a point per row', async () => {
    const el = await chart({ ...museums, type: 'scatter', x: 'payant', y: 'gratuit', filter: 'annee = 2024' });
    const svg = await drawn(el);
    const points = marks(svg, 'symbol');
    expect(points).to.be.greaterThan(100);
    expect(await tableRows(el)).to.equal(points);
  });

  it('auto: attendance by year is a line, a list of museums is a count per region', async () => {
    const line = await drawn(await chart({ ...museums }));
    expect(marks(line, 'line')).to.equal(1);
    const bars = await drawn(await chart({ ...museumList }));
    expect(marks(bars, 'rect')).to.be.within(10, 20);
  });

  it('time-unit: 2,192 days of ticket sales grouped on the server, bucketed into 72 months', async function () {
    // the portal generates the 500,000 rows on first use and groups them in memory: slow on a busy machine
    this.timeout(60000);
    const el = await chart({ dataset: DATASETS.ticketing, type: 'column', x: 'date_representation', y: 'nb_billets', 'time-unit': 'yearmonth' }, 900);
    const svg = await drawn(el, 50000);
    expect(marks(svg, 'rect')).to.equal(72); // 2019-01 … 2024-12
    const labels = [...svg.querySelectorAll('.role-axis-label text')].map((t) => t.textContent);
    expect(labels.some((l) => /janv\.? 2020|janvier 2020|2020/.test(l ?? ''))).to.equal(true);
  });

  it('facet: small multiples', async () => {
    const svg = await drawn(await chart({ ...museums, type: 'line', x: 'annee', y: 'total', facet: 'region', height: '80' }, 900));
    expect(marks(svg, 'line')).to.equal(13); // 12 regions + « Autres »
  });
});

describe('<culture-chart> asks core for aggregates', () => {
  it('aggregates on the server when the tabular API allows it', async () => {
    await drawn(await chart({ ...museums, x: 'annee', y: 'total' }));
    const data = await p.requests('/data/');
    expect(data.length).to.be.greaterThan(0);
    for (const r of data) expect(`${r.path}?${decodeURIComponent(r.query)}`).to.match(/annee__groupby/);
    expect(await p.requests('/data/csv/')).to.have.length(0);
  });

  it('falls back on local aggregation when the API refuses (403)', async () => {
    const el = await chart({ ...museumList, type: 'bar', x: 'Région administrative' });
    await drawn(el);
    const refused = await p.requests((r) => r.status === 403);
    expect(refused.length).to.be.greaterThan(0);
    expect(marks(svgOf(el)!, 'rect')).to.be.within(10, 20); // a bar per region, counted locally
  });

  it('never downloads the 500,000 rows of the ticketing resource', async function () {
    this.timeout(60000);
    await drawn(await chart({ dataset: DATASETS.ticketing }), 50000);
    expect(await p.requests('/data/csv/')).to.have.length(0);
    expect(await p.requests('/static/')).to.have.length(0);
    for (const r of await p.requests('/data/')) expect(decodeURIComponent(r.query)).to.match(/__groupby/);
  });
});

describe('<culture-chart> states and events', () => {
  it('shows the skeleton first, then fires culture-load once drawn', async () => {
    await p.fault({ match: '/data/', latency: 300 });
    const el = await chart({ ...museums, x: 'annee', y: 'total' });
    await el.updateComplete;
    expect(root(el).querySelector('[part=loading][aria-busy=true]')).to.exist;
    const event = await oneEvent(el, 'culture-load');
    expect(event.detail.rows).to.equal(11);
    expect(svgOf(el)).to.exist;
  });

  it('empty: a filter matching nothing says so', async () => {
    const el = await chart({ ...museums, x: 'annee', y: 'total', filter: 'region = Atlantide' });
    await waitUntil(() => root(el).querySelector('[part=empty]'), 'no empty state', { timeout: 15000 });
    expect(svgOf(el)).to.equal(null);
  });

  it('empty: a culture-load with 0 rows, and the real values closest to an equality filter, with their counts', async () => {
    const el = await chart({ ...museums, x: 'annee', y: 'total', filter: 'region = Bretagnee' });
    const loads: [number, number][] = [];
    el.addEventListener('culture-load', (e) => loads.push([e.detail.rows, e.detail.total]));
    await waitUntil(() => root(el).querySelector('[part=empty]'), 'no empty state', { timeout: 15000 });
    await el.updateComplete;
    expect(loads).to.deep.equal([[0, 0]]);
    const notice = (root(el).querySelector('[part=empty]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(notice).to.match(/^Aucune ligne pour region = Bretagnee\. Valeurs proches : Bretagne \([\d\u202f ]+\), BRETAGNE \([\d\u202f ]+\)$/);
  });

  it('empty: groups whose values are all empty draw nothing either', async () => {
    const el = await chart({ ...museums, x: 'annee', y: 'total', filter: 'total is empty' });
    await waitUntil(() => root(el).querySelector('[part=empty]'), 'no empty state', { timeout: 15000 });
    expect(svgOf(el)).to.equal(null);
  });

  it('a gateway refusing the aggregation without CORS headers: aggregated locally, not « Le réseau ne répond pas »', async () => {
    await p.fault({ match: '__groupby', status: 403, cors: false });
    const el = await chart({ ...museums, type: 'line', x: 'annee', y: 'total' });
    expect(await alertShown(el)).to.equal('');
    expect(marks(svgOf(el)!, 'symbol')).to.equal(11);
    expect(await p.requests('/data/csv/')).to.have.length(1);
  });

  it('three charts on an API capped at 50 rows a page: no 400 and one request each (API.md §2.5)', async () => {
    await p.configure({ pageSizeMax: 50 });
    const charts = await Promise.all([
      chart({ ...museums, type: 'line', x: 'annee', y: 'total' }),
      chart({ ...museums, type: 'column', x: 'annee', y: 'gratuit' }),
      chart({ ...museums, type: 'column', x: 'annee', aggregate: 'count' }),
    ]);
    for (const el of charts) expect(await alertShown(el)).to.equal('');
    const data = await p.requests('/data/');
    expect(data.filter((r) => r.status! >= 400).map((r) => r.query)).to.deep.equal([]);
    expect(data).to.have.length(3);
  });

  it('error: a deleted dataset shows an alert and fires culture-error', async () => {
    const el = await chart({ dataset: DATASETS.deleted });
    const event = await oneEvent(el, 'culture-error');
    await el.updateComplete;
    expect(event.detail.code).to.be.a('string');
    expect(root(el).querySelector('[role=alert]')).to.exist;
  });

  it('error: an unknown column is named', async () => {
    const el = await chart({ ...museums, x: 'nope' });
    const event = await oneEvent(el, 'culture-error');
    await el.updateComplete;
    expect(event.detail.code).to.equal('unknown-column');
    expect(root(el).querySelector('[role=alert]')!.textContent).to.contain('nope');
  });

  it('culture-select: clicking a bar gives its category and value', async () => {
    const el = await chart({ ...museumList, type: 'column', x: 'Région administrative', limit: '3' });
    const svg = await drawn(el);
    const bar = svg.querySelector('.mark-rect.role-mark path')!;
    const box = bar.getBoundingClientRect();
    setTimeout(() => void sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] }));
    const event = await oneEvent(el, 'culture-select');
    const region = event.detail.values?.['Région administrative'];
    expect(region).to.be.a('string').and.not.equal('Autres');
    expect(event.detail.row['Nombre de lignes']).to.be.a('number');
  });

  it('the tooltip is plain text, formatted for the locale', async () => {
    const el = await chart({ ...museums, type: 'column', x: 'annee', y: 'total' });
    const svg = await drawn(el);
    const bar = svg.querySelector('.mark-rect.role-mark path')!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(bar.x + bar.width / 2), Math.round(bar.y + bar.height - 5)] });
    await waitUntil(() => root(el).querySelector('.tooltip'), 'no tooltip');
    const tip = root(el).querySelector('.tooltip')!;
    expect(tip.textContent).to.match(/^Année\u00a0: 2014\nTotal \(somme\)\u00a0: [\d\u202f]+$/);
    expect(tip.children).to.have.length(0);
  });

  it('generates the text alternative in the page language, or uses description', async () => {
    const el = await chart({ ...museums, x: 'annee', y: 'total', lang: 'en' });
    await drawn(el);
    const drawing = root(el).querySelector('[part=chart]')!;
    expect(drawing.getAttribute('aria-describedby')).to.equal('description keys');
    expect(root(el).querySelector('#description')!.textContent).to.match(/^Line chart: Total \(sum\) by Année\. From 2014 to 2024\./);
    el.setAttribute('description', 'Ma description');
    await el.updateComplete;
    expect(root(el).querySelector('#description')!.textContent).to.equal('Ma description');
  });
});

/** A chart and every `culture-warning` it fires, from the start. */
async function chartWarnings(attrs: Attrs): Promise<{ el: CultureChart; warnings: CultureWarningDetail[] }> {
  const warnings: CultureWarningDetail[] = [];
  const box = await fixture<HTMLDivElement>(html`<div style="width:640px"></div>`);
  const el = document.createElement('culture-chart');
  el.addEventListener('culture-warning', (e) => warnings.push(e.detail));
  for (const [name, value] of Object.entries({ api: p.api, 'tabular-api': p.tabularApi, ...attrs })) el.setAttribute(name, value);
  box.append(el);
  return { el, warnings };
}

describe('<culture-chart> attribute values out of their set or range are said, and the default drawn', () => {
  it('aggregate="ratio" draws the sum, with a culture-warning, a note and a console line', async () => {
    const { el, warnings } = await chartWarnings({ ...museums, x: 'annee', y: 'total', aggregate: 'ratio' });
    await drawn(el);
    expect(warnings).to.deep.equal([{
      code: 'invalid-value', attribute: 'aggregate', value: 'ratio', accepted: '',
      message: warnings[0]?.message,
    }]);
    expect(warnings[0]!.message).to.contain('sum, count, mean, median, min, max');
    expect(root(el).querySelector('[part=warning]')!.textContent).to.contain('aggregate="ratio"');
    expect(el.chartCsv().split(/\r?\n/)[0]).to.contain('total (somme)');
  });

  it('unknown type, sort and time-unit fall back on auto with a warning each', async () => {
    const { el, warnings } = await chartWarnings({ ...museums, x: 'annee', y: 'total', type: 'camembert', sort: 'z', 'time-unit': 'siecle' });
    await drawn(el);
    expect(warnings.map((w) => [w.attribute, w.value, w.accepted])).to.deep.equal([['type', 'camembert', 'auto'], ['sort', 'z', ''], ['time-unit', 'siecle', '']]);
    expect(root(el).querySelector('[part=chart]')!.getAttribute('aria-label')).to.equal('Graphique en courbes');
  });

  it('a huge height is clamped to 5,000 px and a huge limit to 1,000, with warnings', async () => {
    const { el, warnings } = await chartWarnings({ ...museumList, x: 'Région administrative', height: '20000', limit: '1e9' });
    const svg = await drawn(el);
    expect(warnings.map((w) => [w.code, w.attribute, w.accepted])).to.deep.equal([['clamped', 'limit', '1000'], ['clamped', 'height', '5000']]);
    expect(svg.getBoundingClientRect().height).to.be.at.most(5100);
  });

  it('a fixed attribute takes its note away and fires nothing more', async () => {
    const { el, warnings } = await chartWarnings({ ...museums, x: 'annee', y: 'total', aggregate: 'ratio' });
    await drawn(el);
    el.setAttribute('aggregate', 'mean');
    await waitUntil(() => root(el).querySelector<HTMLElement>('[part=warning]')?.hidden !== false, 'the note stays');
    expect(warnings).to.have.length(1);
  });

  it('reads quoted names in x and y like every list (one grammar)', async () => {
    const el = await chart({ dataset: DATASETS.festivals, x: "'Discipline dominante'", y: "'Jauge (places, estimation)'" });
    await waitUntil(() => svgOf(el) || root(el).querySelector('[role=alert]'), 'nothing drawn', { timeout: 15000 });
    expect(root(el).querySelector('[role=alert]')?.textContent ?? null).to.equal(null);
    expect(marks(svgOf(el)!, 'rect')).to.equal(6);
  });
});

describe('<culture-chart> with a <culture-source>', () => {
  it('reads the source and, with refine-on-click, a click filters it', async () => {
    await import('@culture-widgets/source/culture-source.js');
    const box = await fixture<HTMLDivElement>(html`<div style="width:640px">
      <culture-source id="museums-src" dataset=${DATASETS.museumList} api=${p.api} tabular-api=${p.tabularApi}></culture-source>
      <culture-chart source="museums-src" type="column" x="Région administrative" limit="3" refine-on-click></culture-chart>
    </div>`);
    const el = box.querySelector('culture-chart')!;
    const svg = await drawn(el);
    expect(marks(svg, 'rect')).to.equal(3); // « Autres » outgrows the three regions: left off
    const bar = svg.querySelector('.mark-rect.role-mark path')!.getBoundingClientRect();
    const selected = oneEvent(el, 'culture-select');
    await sendMouse({ type: 'click', position: [Math.round(bar.x + bar.width / 2), Math.round(bar.y + bar.height / 2)] });
    const region = (await selected).detail.values!['Région administrative'];
    const source = box.querySelector('culture-source') as unknown as { filters: { column: string; value?: string }[] };
    await waitUntil(() => source.filters.some((f) => f.column === 'Région administrative' && f.value === region), 'source not refined');
    await waitUntil(() => svgOf(el) && marks(svgOf(el)!, 'rect') === 1, 'chart not narrowed to the clicked region');
  });
});

describe('<culture-chart> editorial options', () => {
  it('a series keeps its colour when the source filters change (one shared order request)', async () => {
    await import('@culture-widgets/source/culture-source.js');
    const box = await fixture<HTMLDivElement>(html`<div style="width:640px">
      <culture-source id="regions-src" dataset=${DATASETS.museums} api=${p.api} tabular-api=${p.tabularApi}></culture-source>
      <culture-chart source="regions-src" type="line" x="annee" y="total" group="region"></culture-chart>
      <culture-chart source="regions-src" type="column" x="annee" y="total" group="region" stack="true"></culture-chart>
    </div>`);
    const [line, columns] = [...box.querySelectorAll('culture-chart')];
    await drawn(line!);
    await drawn(columns!);
    const colorOf = (el: CultureChart, series: string) => {
      const legend = [...svgOf(el)!.querySelectorAll('.role-legend-label text')].map((t) => t.textContent);
      const symbols = [...svgOf(el)!.querySelectorAll('.role-legend-symbol path')];
      return symbols[legend.indexOf(series)]?.getAttribute('fill');
    };
    const legend = [...svgOf(line!)!.querySelectorAll('.role-legend-label text')].map((t) => t.textContent!);
    const kept = legend.find((s) => s !== 'Autres' && s !== legend[0])!;
    const before = colorOf(line!, kept);
    expect(before).to.be.a('string');
    expect(colorOf(columns!, kept), 'the same colour on both charts').to.equal(before);
    // the order both charts follow comes free with the profile (its most frequent values): no request
    expect(await p.requests((r) => /region__groupby/.test(decodeURIComponent(r.query)) && !/annee__groupby/.test(decodeURIComponent(r.query)))).to.have.length(0);
    const source = box.querySelector('culture-source') as unknown as { setFilter(key: string, clauses: unknown[]): void };
    const redrawn = oneEvent(line!, 'culture-load');
    source.setFilter('region', [{ column: 'region', op: 'in', values: [kept] }]);
    await redrawn;
    await waitUntil(() => [...svgOf(line!)!.querySelectorAll('.role-legend-label text')].length === 1, 'not filtered');
    expect(colorOf(line!, kept)).to.equal(before);
  });

  it('ignored values are said under the chart and in culture-warning; a missing highlight is a note', async () => {
    const warnings: { attribute?: string; code: string }[] = [];
    const el = await chart({ ...museums, type: 'pie', x: 'region', y: 'total', cumulative: 'share', reference: 'moyen', highlight: 'Atlantide' });
    el.addEventListener('culture-warning', (e) => warnings.push((e as CustomEvent).detail));
    await drawn(el);
    await waitUntil(() => warnings.length === 3, `warnings: ${JSON.stringify(warnings)}`);
    expect(warnings.map((w) => [w.attribute, w.code])).to.deep.equal([['cumulative', 'invalid-value'], ['reference', 'invalid-value'], ['highlight', 'unmatched']]);
    expect(root(el).querySelector('[part=warning]')!.textContent).to.equal([
      'cumulative ignoré : il s’applique aux histogrammes, barres, courbes et aires de sommes ou de comptes.',
      'reference : « moyen » n’est ni un nombre ni « mean » ou « median » ; ignoré.',
      'highlight : « Atlantide » n’apparaît pas dans le graphique.',
    ].join(' '));
    expect(root(el).querySelector('[role=alert]')).to.equal(null);
    el.setAttribute('cumulative', 'total');
    await waitUntil(() => warnings.some((w) => w.attribute === 'cumulative' && /sum, share/.test(JSON.stringify(w))), 'closed set said');
  });

  it('a highlighted top 10 with a median line and a Pareto share, said in the summary', async () => {
    const el = await chart({
      ...museums, type: 'bar', x: 'region', y: 'total', filter: 'annee = 2024', limit: '10',
      highlight: 'Bretagne', reference: 'median', cumulative: 'share',
    });
    const svg = await drawn(el);
    const description = spaces(root(el).querySelector('#description')!.textContent!);
    expect(description).to.match(/Part cumulée : \d+ % du total avec les \d+ premières catégories sur \d+\./);
    expect(description).to.contain('Mis en évidence : Bretagne ; le reste en gris.');
    expect(description).to.match(/Ligne de référence : médiane : /);
    const fills = new Set([...svg.querySelectorAll('.mark-rect.role-mark path')].map((p) => p.getAttribute('fill')));
    expect(fills.size).to.equal(2); // Bretagne in colour, the rest grey
    expect(svg.querySelectorAll('.mark-rule.role-mark line, .mark-rule.role-mark path').length).to.be.greaterThan(0);
    expect([...svg.querySelectorAll('text')].some((t) => /^médiane/.test(t.textContent ?? ''))).to.equal(true);
  });
});

describe('<culture-chart> names what it shows in words', () => {
  const legend = (svg: SVGSVGElement) => [...svg.querySelectorAll('.role-legend-label text')].map((t) => t.textContent);
  const headers = (el: CultureChart) => [...root(el).querySelectorAll('.data-table th')].map((th) => spaces(th.textContent!.trim()));

  it('unnamed aggregates: legend and table in words, in the order of y; the summary never adds a mean to a maximum', async () => {
    const el = await chart({ ...museums, type: 'column', x: 'annee', y: 'mean(total), median(total), max(total)', filter: 'annee >= 2023' });
    const svg = await drawn(el);
    expect(legend(svg)).to.deep.equal(['Total (moyenne)', 'Total (médiane)', 'Total (maximum)']);
    expect(await tableRows(el)).to.equal(2);
    expect(headers(el)).to.deep.equal(['Année', 'Total (moyenne)', 'Total (médiane)', 'Total (maximum)']);
    const cells = [...root(el).querySelectorAll('.data-table tbody td')].map((td) => Number(spaces(td.textContent!).replace(/\s/g, '').replace(',', '.')));
    const largest = Math.max(...cells.filter((_, i) => i % 4 !== 0));
    const description = spaces(root(el).querySelector('#description')!.textContent!);
    expect(description).to.contain(`Maximum : ${largest.toLocaleString('fr-FR').replace(/[\u00a0\u202f]/g, ' ')} (`);
  });

  it('a ratio without a name reads « Gratuit / Total » on its axis', async () => {
    const svg = await drawn(await chart({ ...museums, type: 'column', x: 'annee', y: 'gratuit / total' }));
    expect([...svg.querySelectorAll('.role-axis-title text')].map((t) => t.textContent)).to.include('Gratuit / Total');
  });

  it('the data table names series by their values as written (« Auvergne-Rhône-Alpes », « ILE-DE-France »)', async () => {
    const el = await chart({ ...museums, type: 'line', x: 'annee', y: 'total', group: 'region', filter: 'region in Auvergne-Rhône-Alpes|ILE-DE-France; annee >= 2022' });
    await drawn(el);
    await tableRows(el);
    expect(headers(el)).to.have.members(['Année', 'Auvergne-Rhône-Alpes', 'ILE-DE-France']);
  });

  it('decades of a date written as text: the table\'s first column is the date\'s title, not a formula', async () => {
    const el = await chart({ dataset: DATASETS.museofile, type: 'column', x: 'date_creation', 'time-unit': 'decade', y: 'count()' });
    await drawn(el);
    await tableRows(el);
    expect(headers(el)).to.deep.equal(['Date création', 'Nombre de lignes']);
  });

  it('two reference lines close to each other: each drawn once, their labels apart', async () => {
    const el = await chart({ ...museums, type: 'bar', x: 'region', y: 'total', filter: 'annee = 2024', limit: '10', reference: 'median, 1000000: objectif' });
    const svg = await drawn(el);
    expect(svg.querySelectorAll('.mark-rule.role-mark line, .mark-rule.role-mark path')).to.have.length(2);
    const labels = [...svg.querySelectorAll('.mark-text.role-mark text')].filter((t) => /^(médiane|objectif)/.test(t.textContent ?? ''));
    expect(labels).to.have.length(4); // each label and its halo, once
    const [median, goal] = [/^médiane/, /^objectif/].map((re) => labels.find((t) => re.test(t.textContent!))!.getBoundingClientRect());
    const apart = median!.bottom <= goal!.top || goal!.bottom <= median!.top || median!.right <= goal!.left || goal!.right <= median!.left;
    expect(apart, 'the labels overlap').to.equal(true);
  });
});

describe('<culture-chart> menu', () => {
  it('opens with the keyboard, moves with arrows, closes with Escape', async () => {
    const el = await chart({ ...museums, x: 'annee', y: 'total' });
    await drawn(el);
    const button = root(el).querySelector<HTMLButtonElement>('.menu-button')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => root(el).activeElement?.getAttribute('role') === 'menuitem');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const items = [...root(el).querySelectorAll('[role=menuitem]')];
    expect(items.map((i) => i.textContent!.trim())).to.deep.equal([
      'Télécharger l’image (PNG)', 'Télécharger l’image (SVG)', 'Télécharger les données (CSV)', 'Afficher les données en tableau',
    ]);
    await sendKeys({ press: 'ArrowDown' });
    expect(root(el).activeElement).to.equal(items[1]);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(root(el).activeElement).to.equal(items[3]);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(root(el).querySelector('[role=menu]')).to.equal(null);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).activeElement).to.equal(button);
  });

  it('the table of y="payant, gratuit": a row per year, a column per measure, years without separators', async () => {
    const el = await chart({ ...museums, type: 'column', x: 'annee', y: 'payant, gratuit' });
    await drawn(el);
    expect(await tableRows(el)).to.equal(11);
    const headers = [...root(el).querySelectorAll('.data-table th')].map((th) => th.textContent!.trim());
    // on screen, readable names; in the CSV, the columns' own names
    expect(headers).to.deep.equal(['Année', 'Payant', 'Gratuit']);
    const first = [...root(el).querySelectorAll('.data-table tbody tr:first-child td')].map((td) => td.textContent!.trim());
    expect(first[0]).to.equal('2014');
    expect(first[1]).not.to.equal(first[2]);
    expect(el.chartCsv().replace(/^\uFEFF/, '').split(/\r?\n/)[0]).to.equal('annee;payant;gratuit');
  });

  it('shows the data as an accessible table and downloads it as CSV', async () => {
    const el = await chart({ ...museums, x: 'annee', y: 'total' });
    await drawn(el);
    expect(await tableRows(el)).to.equal(11);
    const headers = [...root(el).querySelectorAll('.data-table th')].map((th) => th.textContent!.trim());
    expect(headers.join('|')).to.match(/Année.*Total \(somme\)/);
    // a year is a label: never « 2 014 », in the table as in the file
    expect(root(el).querySelector('.data-table tbody td')!.textContent!.trim()).to.equal('2014');
    // the table view brings its styles with it
    expect(getComputedStyle(root(el).querySelector('.data-table table')!).fontVariantNumeric).to.equal('tabular-nums');
    const csv = el.chartCsv();
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).to.equal('annee;total (somme)');
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[1]).to.match(/^2014;\d+/);
    expect(csv.trim().split(/\r?\n/)).to.have.length(12);
  });

  it('downloads decimal commas for a French reader, decimal points for an English one', async () => {
    const el = await chart({ ...museums, x: 'annee', y: 'total', aggregate: 'mean', lang: 'fr' });
    await drawn(el);
    const values = (csv: string) => csv.trim().split(/\r?\n/).slice(1).map((line) => line.split(';')[1]!);
    expect(values(el.chartCsv()).some((v) => /^\d+,\d+$/.test(v))).to.equal(true);
    expect(values(el.chartCsv()).some((v) => v.includes('.'))).to.equal(false);
    el.setAttribute('lang', 'en');
    await waitUntil(() => values(el.chartCsv()).some((v) => /^\d+\.\d+$/.test(v)), 'English CSV', { timeout: 15_000 });
    expect(values(el.chartCsv()).some((v) => v.includes(','))).to.equal(false);
  });

  it('exports PNG and SVG with the title, source, licence and date drawn in', async () => {
    const el = await chart({ ...museums, x: 'annee', y: 'total', title: 'Entrées' });
    await drawn(el);
    const svg = await el.exportImage('svg');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const texts = [...doc.querySelectorAll('text, tspan')].map((t) => t.textContent);
    expect(texts).to.include('Entrées');
    expect(texts.some((t) => /^Source : Fréquentation/.test(t ?? ''))).to.equal(true);
    expect(texts.some((t) => /^Licence : /.test(t ?? ''))).to.equal(true);
    expect(texts.some((t) => /^Graphique réalisé le /.test(t ?? ''))).to.equal(true);
    const png = await el.exportImage('png');
    expect(png).to.match(/^data:image\/png;base64,/);
  });
});

describe('<culture-chart> hostile dataset', () => {
  it('neutralises spreadsheet formulas in the data CSV', async () => {
    const el = await chart({ dataset: DATASETS.hostile, type: 'bar', x: '=HYPERLINK("http://evil.example")', aggregate: 'count' });
    expect(await alertShown(el)).to.equal('');
    const cells = el.chartCsv().slice(1).trim().split('\r\n').flatMap((line) => line.split(';')).map((cell) => cell.replace(/^"/, ''));
    expect(cells[0]).to.equal(`'=HYPERLINK(""http://evil.example"")"`);
    expect(cells.filter((cell) => /^[=+@\t\r-]/.test(cell))).to.deep.equal([]);
    expect(cells.filter((cell) => /^'[=+@-]/.test(cell)).length).to.be.greaterThan(3);
  });

  it('titles, labels, tooltips, table and exported SVG stay text', async () => {
    (window as { __xss?: boolean }).__xss = undefined;
    const el = await chart({ dataset: DATASETS.hostile, title: '<img src=x onerror="window.__xss=true">' });
    const svg = await drawn(el);
    // axis titles and labels hold the payloads as text
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(texts.some((t) => t.includes('window.__xss'))).to.equal(true);
    // no element was made from data anywhere in the shadow root
    expect(root(el).querySelectorAll('img, script, iframe, object, embed')).to.have.length(0);
    for (const node of root(el).querySelectorAll('*')) {
      for (const attr of node.getAttributeNames()) expect(attr.startsWith('on'), `${node.tagName} ${attr}`).to.equal(false);
    }
    // tooltip
    const mark = svg.querySelector('.role-mark path')!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(mark.x + 1), Math.round(mark.y + 1)] });
    await aTimeout(0);
    const tip = root(el).querySelector('.tooltip');
    if (tip) expect(tip.children).to.have.length(0);
    // the data table
    await tableRows(el);
    expect(root(el).querySelectorAll('.data-table img, .data-table script')).to.have.length(0);
    // the exported image
    const exported = await el.exportImage('svg');
    const doc = new DOMParser().parseFromString(exported, 'image/svg+xml');
    expect(doc.querySelectorAll('script, foreignObject, image, img')).to.have.length(0);
    for (const node of doc.querySelectorAll('*')) {
      for (const attr of node.getAttributeNames()) expect(/^on/i.test(attr), `${node.tagName} ${attr}`).to.equal(false);
    }
    const host = document.createElement('div');
    host.append(document.importNode(doc.documentElement, true));
    document.body.append(host);
    await new Promise((r) => requestAnimationFrame(r));
    host.remove();
    await aTimeout(50);
    expect((window as { __xss?: boolean }).__xss).to.equal(undefined);
  });
});

describe('<culture-chart> lifecycle', () => {
  it('an attribute change mid-flight draws the last request only', async () => {
    await p.fault({ match: '/data/', latency: 200, times: 1 });
    const el = await chart({ ...museums, type: 'line', x: 'annee', y: 'total' });
    await el.updateComplete;
    el.setAttribute('type', 'column');
    el.setAttribute('x', 'region');
    el.setAttribute('limit', '4');
    const svg = await drawn(el);
    await waitUntil(() => marks(svg, 'rect') === 4, 'column chart of regions not drawn');
    expect(marks(svg, 'line')).to.equal(0);
  });

  it('options that need no new data redraw without asking the server again', async () => {
    const el = await chart({ ...museums, type: 'bar', x: 'region', y: 'total', limit: '5' });
    const svg = await drawn(el);
    expect(marks(svg, 'rect')).to.equal(5);
    const before = (await p.requests('/data/')).length;
    el.setAttribute('limit', '3');
    el.setAttribute('sort', 'x');
    await waitUntil(() => svgOf(el) && marks(svgOf(el)!, 'rect') === 3, 'not redrawn with 3 (« Autres » left off)');
    expect((await p.requests('/data/')).length).to.equal(before);
  });

  it('an option that changes the query asks it again, whichever it is (the query is its own key)', async () => {
    const el = await chart({ ...museums, type: 'column', x: 'annee', y: 'total' });
    await drawn(el);
    const before = await p.requests('/data/');
    // a top N (there was none) ranks the groups by their measure: rows without it are left out of the query
    el.setAttribute('limit', '3');
    await waitUntil(async () => (await p.requests('/data/')).length > before.length, 'the query was not asked again');
    expect((await p.requests('/data/')).slice(before.length).some((r) => /total__isnotnull/.test(r.query))).to.equal(true);
  });

  it('switches language live', async () => {
    const el = await chart({ ...museums, x: 'annee', y: 'total' });
    await drawn(el);
    expect(root(el).querySelector('#description')!.textContent).to.match(/^Graphique en courbes/);
    el.setAttribute('lang', 'en');
    await waitUntil(() => /^Line chart/.test(root(el).querySelector('#description')?.textContent ?? ''), 'not in English');
    await waitUntil(() => [...svgOf(el)!.querySelectorAll('text')].some((t) => t.textContent === 'Total (sum)'), 'axis not redrawn in English');
  });

  it('follows the width of its container, finalizing the replaced view', async () => {
    const el = await chart({ ...museums, x: 'annee', y: 'total' }, 700);
    const svg = await drawn(el);
    expect(Math.round(svg.getBoundingClientRect().width)).to.be.within(680, 700);
    const first = el.view!;
    let finalized = 0;
    const original = first.finalize.bind(first);
    first.finalize = () => {
      finalized++;
      return original();
    };
    let loads = 0;
    el.addEventListener('culture-load', () => loads++);
    el.parentElement!.style.width = '375px';
    await waitUntil(() => el.view !== first && svgOf(el), 'not redrawn');
    await waitUntil(() => Math.round(svgOf(el)!.getBoundingClientRect().width) <= 375, 'not narrower');
    expect(finalized).to.equal(1);
    expect(loads, 'a resize is not a new load').to.equal(0);
  });

  it('prints at the width of the page, without the menu', async () => {
    const el = await chart({ ...museums, x: 'annee', y: 'total' }, 500);
    await drawn(el);
    el.parentElement!.style.width = '';
    try {
      await emulateMedia({ media: 'print' });
      const menu = root(el).querySelector<HTMLElement>('.menu')!;
      expect(getComputedStyle(menu).display).to.equal('none');
      const svg = svgOf(el)!.getBoundingClientRect().width;
      expect(Math.abs(svg - el.getBoundingClientRect().width)).to.be.lessThan(2);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('disconnecting finalizes the view', async () => {
    const el = await chart({ ...museums, x: 'annee', y: 'total' });
    await drawn(el);
    const view = el.view!;
    let finalized = 0;
    const original = view.finalize.bind(view);
    view.finalize = () => {
      finalized++;
      return original();
    };
    el.remove();
    expect(finalized).to.equal(1);
    expect(el.view).to.equal(undefined);
  });

  it('re-reads the palette when the theme changes', async () => {
    const el = await chart({ ...museums, x: 'annee', y: 'total', theme: 'light' });
    const svg = await drawn(el);
    const stroke = () => svgOf(el)!.querySelector('.mark-line path')!.getAttribute('stroke');
    expect(stroke()).to.equal('#000091');
    el.setAttribute('theme', 'dark');
    await waitUntil(() => svgOf(el) && stroke() === '#8585f6', 'dark palette not applied');
    void svg;
  });
});

describe('<culture-chart> keyboard', () => {
  const status = (el: CultureChart) => spaces(root(el).querySelector('[role=status]')!.textContent!.trim());
  const ring = (el: CultureChart) => root(el).querySelector<HTMLElement>('.focus-ring')!;
  async function press(el: CultureChart, key: string): Promise<string> {
    await sendKeys({ press: key });
    await el.updateComplete;
    return status(el);
  }
  /** The focus ring surrounds this drawn mark. */
  function ringAround(el: CultureChart, mark: Element): void {
    const r = ring(el).getBoundingClientRect();
    const m = mark.getBoundingClientRect();
    expect(ring(el).hidden, 'ring shown').to.equal(false);
    expect(r.left).to.be.at.most(m.left + 1);
    expect(r.right).to.be.at.least(m.right - 1);
    expect(r.top).to.be.at.most(m.top + 1);
    expect(r.bottom).to.be.at.least(m.bottom - 1);
  }

  it('walks a line: → ← Home End, each value announced with its year and value', async () => {
    const el = await chart({ ...museums, type: 'line', x: 'annee', y: 'total' });
    const svg = await drawn(el);
    const box = root(el).querySelector<HTMLElement>('.chart')!;
    expect(box.getAttribute('tabindex')).to.equal('0');
    box.focus();
    expect(await press(el, 'ArrowRight')).to.match(/^Année : 2014, Total \(somme\) : [\d ]+\. 1 sur 11\.$/);
    ringAround(el, svg.querySelectorAll('.mark-symbol path')[0]!);
    expect(await press(el, 'ArrowRight')).to.match(/^Année : 2015, .* 2 sur 11\.$/);
    expect(await press(el, 'End')).to.match(/^Année : 2024, .* 11 sur 11\.$/);
    ringAround(el, svg.querySelectorAll('.mark-symbol path')[10]!);
    expect(await press(el, 'ArrowRight')).to.match(/11 sur 11\.$/); // stays on the last value
    expect(await press(el, 'Home')).to.match(/^Année : 2014/);
    // sighted keyboard users read the same text in the tooltip next to the point
    expect(spaces(root(el).querySelector('.tooltip')!.textContent!)).to.match(/^Année : 2014\nTotal \(somme\) : /);
    await press(el, 'Escape');
    expect(ring(el).hidden).to.equal(true);
  });

  it('walks a bar chart: ↓ ↑ along the bars, series with → ←', async () => {
    const el = await chart({ ...museums, type: 'bar', x: 'region', y: 'total', limit: '4', filter: 'annee >= 2023', group: 'annee' }, 700);
    const svg = await drawn(el);
    root(el).querySelector<HTMLElement>('.chart')!.focus();
    const first = await press(el, 'ArrowDown');
    expect(first).to.match(/^Région : [^,]+, Année : 202[34], Total \(somme\) : [\d ]+\. 1 sur \d\.$/);
    const region = /^Région : ([^,]+),/.exec(first)![1];
    const next = await press(el, 'ArrowDown');
    expect(next).to.match(/2 sur \d\.$/);
    expect(next).not.to.contain(`Région : ${region},`);
    // across series: the same region, the other year
    await press(el, 'ArrowUp');
    const otherYear = await press(el, 'ArrowRight');
    expect(otherYear).to.contain(`Région : ${region},`);
    expect(otherYear.match(/Année : (\d+)/)![1]).not.to.equal(first.match(/Année : (\d+)/)![1]);
    expect(svg.querySelectorAll('.mark-rect path').length).to.be.greaterThan(4);
  });

  it('walks a donut: every arrow walks the slices, with their share', async () => {
    const el = await chart({ ...museumList, type: 'donut', x: 'Région administrative', limit: '4' });
    await drawn(el);
    root(el).querySelector<HTMLElement>('.chart')!.focus();
    expect(await press(el, 'ArrowRight')).to.match(/^Région administrative : [^,]+, Nombre de lignes : \d+, \d+(,\d)? %\. 1 sur 5\.$/);
    expect(await press(el, 'ArrowDown')).to.match(/2 sur 5\.$/);
    expect(await press(el, 'End')).to.match(/^Région administrative : Autres, .* 5 sur 5\.$/);
    expect(await press(el, 'ArrowLeft')).to.match(/4 sur 5\.$/);
  });

  it('Enter selects the value the keyboard stands on', async () => {
    const el = await chart({ ...museumList, type: 'column', x: 'Région administrative', limit: '3' });
    await drawn(el);
    root(el).querySelector<HTMLElement>('.chart')!.focus();
    await press(el, 'ArrowRight');
    const selected = oneEvent(el, 'culture-select');
    await sendKeys({ press: 'Enter' });
    const { detail } = await selected;
    expect(detail.values?.['Région administrative']).to.be.a('string').and.not.equal('Autres');
  });

  for (const theme of ['light', 'dark']) {
    it(`the focus is visible in the ${theme} theme`, async () => {
      const el = await chart({ ...museums, type: 'column', x: 'annee', y: 'total', theme });
      await drawn(el);
      root(el).querySelector<HTMLElement>('.chart')!.focus();
      await press(el, 'ArrowRight');
      const style = getComputedStyle(ring(el));
      expect(style.borderTopWidth).to.equal('2px');
      expect(style.borderTopColor).to.equal(theme === 'dark' ? 'rgb(76, 155, 255)' : 'rgb(10, 118, 246)');
      expect(style.display).not.to.equal('none');
    });
  }
});

describe('<culture-chart> accessibility', () => {
  for (const theme of ['light', 'dark']) {
    it(`is accessible (axe), ${theme}`, async () => {
      const el = await chart({ ...museums, x: 'annee', y: 'total', title: 'Entrées', theme });
      await drawn(el);
      await expect(el).to.be.accessible();
      await openMenuAndChoose(el, /tableau/);
      await expect(el).to.be.accessible();
    });
  }
});
