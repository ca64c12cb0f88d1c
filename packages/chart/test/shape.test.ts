/**
 * The chart with shaped data (DESIGN.md § 5): aggregate expressions in `y` (and a scatter's `x`),
 * ratios of sums that cost one request, « Autres » computed by the same expression, decades and
 * dates written as text, split values counted, labels on axes, legends and tooltips.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { portal, DATASETS, RESOURCES, type Portal } from '../../../test/helpers/portal.js';
import '../src/culture-chart.js';
import type { CultureChart } from '../src/chart.js';
import type { CultureLoadDetail, CultureWarningDetail } from '@culture-widgets/ui';
import { clearCaches, resolveSource, runQuery } from '@culture-widgets/core';
import { loadVega } from '../src/renderer.js';

let p: Portal;
before(async function () {
  this.timeout(60000);
  await loadVega();
});
beforeEach(async () => {
  p = await portal();
});

/** A drawn chart and its `culture-load` (or the error it shows). */
async function chart(attrs: Record<string, string>): Promise<{ el: CultureChart; load: CultureLoadDetail }> {
  const box = await fixture<HTMLDivElement>(html`<div style="width:640px"></div>`);
  const el = document.createElement('culture-chart');
  el.setAttribute('api', p.api);
  el.setAttribute('tabular-api', p.tabularApi);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  const settled = new Promise<Event>((resolve) => {
    el.addEventListener('culture-load', resolve, { once: true });
    el.addEventListener('culture-error', resolve, { once: true });
  });
  box.append(el);
  const event = await settled;
  const alert = el.shadowRoot!.querySelector('[role=alert]');
  if (event.type === 'culture-error' || alert) throw new Error(`error shown: ${alert?.textContent ?? ''}`);
  return { el, load: (event as Event & { detail: CultureLoadDetail }).detail };
}

/** The drawn data, from the chart's CSV: header → column of values. */
function drawnData(el: CultureChart): { header: string[]; rows: string[][] } {
  const [head, ...lines] = el.chartCsv().replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  return { header: head!.split(';'), rows: lines.map((l) => l.split(';')) };
}
const num = (cell: string | undefined) => Number(String(cell).replace(',', '.'));
const texts = (el: CultureChart) => [...el.shadowRoot!.querySelectorAll('.view svg text')].map((t) => t.textContent);

describe('<culture-chart> with shaped data', function () {
  this.timeout(60000);

  it('a ratio of sums per year: one groupby request, titled by its name', async () => {
    const { el, load } = await chart({ dataset: DATASETS.museums, x: 'annee', y: 'taux = sum(gratuit) / sum(total) * 100', unit: '%' });
    const requests = await p.requests(`/resources/${RESOURCES.museums}/data/`);
    expect(requests).to.have.length(1);
    expect(requests[0]!.query).to.contain('annee__groupby').and.to.contain('gratuit__sum').and.to.contain('total__sum');
    expect(load.steps.map((s) => `${s.step}:${s.path}`)).to.deep.equal(['groups:tabular', 'regroup:local']);
    const { header, rows } = drawnData(el);
    expect(header).to.deep.equal(['annee', 'taux (%)']);
    expect(rows).to.have.length(11);
    for (const row of rows) expect(num(row[1])).to.be.within(30, 60);
    expect(texts(el)).to.include('Taux (%)'); // the axis title: the name, readable
    expect(el.shadowRoot!.querySelector('#description')!.textContent).to.match(/^Graphique en courbes : Taux \(%\) par Année/);
  });

  it('a bare column takes the aggregate: y="gratuit / total" is a ratio of sums', async () => {
    const { el } = await chart({ dataset: DATASETS.museums, x: 'annee', y: 'gratuit / total' });
    clearCaches();
    const source = await resolveSource({ dataset: DATASETS.museums, api: p.api, tabularApi: p.tabularApi });
    const check = await runQuery(source, { filters: [{ column: 'annee', op: '=', value: '2019' }], measures: 'r = sum(gratuit) / sum(total)' });
    const row2019 = drawnData(el).rows.find((r) => r[0] === '2019')!;
    expect(num(row2019[1])).to.be.closeTo(check.rows[0]!.r as number, 1e-9);
  });

  it('« Autres » is the same expression over the folded groups, not a sum of ratios', async () => {
    const { el } = await chart({ dataset: DATASETS.museums, type: 'bar', x: 'region', y: 'part = sum(gratuit) / sum(total)', filter: 'annee = 2019', limit: '3' });
    const { rows } = drawnData(el);
    const other = rows.find((r) => r[0] === 'Autres')!;
    const kept = rows.filter((r) => r[0] !== 'Autres').map((r) => r[0]!);
    expect(kept).to.have.length(3);
    const source = await resolveSource({ dataset: DATASETS.museums, api: p.api, tabularApi: p.tabularApi });
    const rest = await runQuery(source, { filters: [{ column: 'annee', op: '=', value: '2019' }, { column: 'region', op: 'in', values: kept }], measures: 'r = sum(gratuit) / sum(total)' });
    const whole = await runQuery(source, { filters: [{ column: 'annee', op: '=', value: '2019' }], measures: 'g = sum(gratuit), t = sum(total)' });
    const keptSums = await runQuery(source, { filters: [{ column: 'annee', op: '=', value: '2019' }, { column: 'region', op: 'in', values: kept }], measures: 'g = sum(gratuit), t = sum(total)' });
    const expected = ((whole.rows[0]!.g as number) - (keptSums.rows[0]!.g as number)) / ((whole.rows[0]!.t as number) - (keptSums.rows[0]!.t as number));
    expect(num(other[1])).to.be.closeTo(expected, 1e-9);
    expect(rest.rows[0]!.r).not.to.equal(num(other[1]));
  });

  it('time-unit="decade" of a date written as text: the server groups by the text, columns in decade order', async () => {
    const { el, load } = await chart({ dataset: DATASETS.museofile, x: 'date_creation', 'time-unit': 'decade', aggregate: 'count' });
    expect(load.steps.map((s) => `${s.step}:${s.path}`)).to.deep.equal(['groups:tabular', 'regroup:local']);
    const requests = await p.requests(`/resources/${RESOURCES.museofile}/data/`);
    expect(requests.every((r) => r.query.includes('date_creation__groupby'))).to.equal(true);
    const decades = drawnData(el).rows.map((r) => r[0]);
    expect(decades[0]).to.equal('1790-1799');
    expect(decades.filter((d) => d !== '(vide)')).to.deep.equal([...decades.filter((d) => d !== '(vide)')].sort());
    expect(el.shadowRoot!.querySelectorAll('.view svg .mark-rect.role-mark path').length).to.equal(decades.length);
    expect(texts(el)).to.include('Date création'); // the axis keeps the column's (readable) name
  });

  it('time-unit="decade" of a year column, and time-unit="year" of a date written as text', async () => {
    const { el } = await chart({ dataset: DATASETS.museums, x: 'annee', y: 'total', 'time-unit': 'decade' });
    expect(drawnData(el).rows.map((r) => r[0])).to.deep.equal(['2010-2019', '2020-2029']);
    const { el: years } = await chart({ dataset: DATASETS.museofile, x: 'date_creation', 'time-unit': 'year', aggregate: 'count' });
    const first = drawnData(years).rows[0]!;
    expect(first[0]).to.match(/^1\d{3}$/);
  });

  it('split + count: each value of « Archéologie;Beaux-Arts » is counted', async () => {
    const { el, load } = await chart({ dataset: DATASETS.museofile, compute: "domaine = split(dompal, ';')", x: 'domaine', aggregate: 'count', type: 'bar' });
    expect(load.steps[0]).to.include({ step: 'rows', path: 'tabular-local' });
    const rows = drawnData(el).rows;
    expect(rows.find((r) => r[0] === 'Archéologie')?.[1]).to.equal('337');
  });

  it('labels name the axes, legends and tooltips; the CSV keeps the names', async () => {
    const { el } = await chart({ dataset: DATASETS.museums, type: 'column', x: 'annee', y: 'payant, gratuit', filter: 'annee >= 2022', labels: 'annee: Année de visite; payant: Entrées payantes' });
    expect(texts(el)).to.include('Année de visite');
    expect(texts(el)).to.include('Entrées payantes');
    expect(drawnData(el).header).to.deep.equal(['annee', 'payant', 'gratuit']);
  });

  it('a scatter of groups with an expression on x: one point per group', async () => {
    const { el } = await chart({
      dataset: DATASETS.ticketing, type: 'scatter', group: 'discipline',
      x: 'prix = sum(recette) / sum(nb_billets)', y: 'billets = sum(nb_billets)',
    });
    const { header, rows } = drawnData(el);
    expect(header[0]).to.equal('discipline');
    expect(rows).to.have.length(10);
    for (const row of rows) expect(num(row[1])).to.be.within(1, 60);
  });

  it('bad input: an unknown function or column is an error naming it; time-unit on text that is no date is said', async () => {
    const error = await chart({ dataset: DATASETS.museums, x: 'annee', y: 'somme(total)' }).then(() => '', (e: Error) => e.message);
    expect(error).to.match(/Fonction inconnue « somme ».*sum, count/);
    const column = await chart({ dataset: DATASETS.museums, x: 'annee', y: 'sum(totl) / sum(gratuit)' }).then(() => '', (e: Error) => e.message);
    expect(column).to.match(/Colonne inconnue « totl ».*« total »/);
    const warnings: CultureWarningDetail[] = [];
    document.addEventListener('culture-warning', (e) => warnings.push((e as Event & { detail: CultureWarningDetail }).detail));
    await chart({ dataset: DATASETS.museums, x: 'region', y: 'total', 'time-unit': 'quarter' });
    await waitUntil(() => warnings.some((w) => w.attribute === 'time-unit'), 'warned');
  });
});
