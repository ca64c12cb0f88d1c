/**
 * The map with shaped data (DESIGN.md § 5): an aggregate expression as `value`, a population
 * joined from another dataset, computed code columns, labels in the legend and popups.
 */
import { expect } from '@open-wc/testing';
import { DATASETS, RESOURCES, portal, type Portal } from '../../../test/helpers/portal.js';
import { keep, mountMap } from './mount.js';
import '../../source/src/culture-source.js';
import type { CultureLoadDetail } from '@culture-widgets/ui';

let p: Portal;
beforeEach(async () => {
  p = await portal();
});

function source(id: string, attrs: Record<string, string>): HTMLElement {
  const el = keep(document.createElement('culture-source'));
  el.id = id;
  el.setAttribute('api', p.api);
  el.setAttribute('tabular-api', p.tabularApi);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  return el;
}

/** A map on the portal's boundaries. */
const mount = (attrs: Record<string, string>) => mountMap(p, { boundaries: p.staticUrl('geo/{level}.geojson'), ...attrs });

const text = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const detail = (event: Event) => (event as Event & { detail: CultureLoadDetail }).detail;

describe('<culture-map> with shaped data', function () {
  this.timeout(60000);

  it('a per-capita choropleth over 500,000 rows downloads none of them: two groupby requests', async () => {
    source('pop', { dataset: DATASETS.population });
    const { el, event } = await mount({
      dataset: DATASETS.ticketing, code: 'code_departement',
      value: 'billets = sum(nb_billets) / join.PMUN * 1000', join: 'pop on code_departement = DEP',
      labels: 'billets: Billets pour 1 000 habitants',
    });
    expect(event.type, text(el, '[role="alert"]')).to.equal('culture-load');
    expect(detail(event).steps.map((s) => `${s.step}:${s.path}`).sort()).to.deep.equal(['groups:tabular', 'join:tabular', 'regroup:local']);
    const ticketing = await p.requests(`/resources/${RESOURCES.ticketing}/`);
    const population = await p.requests(`/resources/${RESOURCES.population}/`);
    // no row of the 500,000 downloaded: no CSV export, no file, only grouped requests
    expect(ticketing.filter((r) => r.path.includes('/data/csv/'))).to.have.length(0);
    expect(await p.requests((r) => r.path.includes('billetterie') && r.path.includes('/static/'))).to.have.length(0);
    const data = ticketing.filter((r) => r.path.endsWith('/data/'));
    expect(data.length).to.equal(1);
    expect(data[0]!.query).to.contain('code_departement__groupby').and.to.contain('nb_billets__sum');
    expect(population.filter((r) => r.path.endsWith('/data/'))).to.have.length(1);
    expect(text(el, '.legend-title')).to.equal('Billets pour 1 000 habitants');
    // the joined dataset is cited too (the Licence Ouverte asks every reuse to name its sources)
    const citations = [...el.shadowRoot!.querySelectorAll('.citation')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
    expect(citations).to.have.length(2);
    // (the sample portal is not data.gouv.fr: its host is named)
    expect(citations[1]).to.match(/^Données jointes : Population légale des départements \(2021\) \(données de [\d.:]+\) · Producteur : Observatoire des politiques culturelles/);
    const cells = [...el.shadowRoot!.querySelectorAll('details.features tbody tr')];
    expect(cells.length).to.be.greaterThan(90);
    // `01` (ticketing) found `1` (the population file): Ain has a value
    const ain = cells.find((tr) => tr.querySelector('td')?.textContent === '01');
    expect(ain?.querySelector('td.number')?.textContent).to.match(/^\d/);
  });

  it('a ratio of sums as value, and a computed code column', async () => {
    const { el, event } = await mount({
      dataset: DATASETS.museofile, compute: 'dep = upper(code_departement)', code: 'dep',
      value: 'surface_moyenne = sum(surface) / count(surface)',
    });
    expect(event.type, text(el, '[role="alert"]')).to.equal('culture-load');
    expect(text(el, '.legend-title')).to.equal('Surface moyenne');
    expect(detail(event).steps.map((s) => `${s.step}:${s.path}`)).to.deep.equal(['groups:tabular', 'regroup:local']);
  });

  it('keys without a match are listed in a note and in the event, never dropped', async () => {
    source('pop', { dataset: DATASETS.population });
    const warnings: string[] = [];
    document.addEventListener('culture-warning', (e) => warnings.push((e as Event & { detail: { message: string } }).detail.message));
    const { el, event } = await mount({
      dataset: DATASETS.museofile, code: 'code_departement', value: 'count() / join.PMUN * 1000000', join: 'pop on code_departement = DEP',
    });
    expect(detail(event).unmatched).to.deep.equal(['975', '977']);
    expect(text(el, '[part="warning"]')).to.equal('2 codes sans correspondance dans « pop » : 975, 977');
    expect(warnings).to.include('2 codes sans correspondance dans « pop » : 975, 977');
  });

  it('an unnamed value is called in words in the legend and the table (never « count() / join.PMUN * 1000000 »)', async () => {
    source('pop', { dataset: DATASETS.population });
    const { el } = await mount({
      dataset: DATASETS.museofile, code: 'code_departement', value: 'count() / join.PMUN * 1000000', join: 'pop on code_departement = DEP',
    });
    const words = 'Nombre de lignes / PMUN × 1 000 000';
    expect(text(el, '.legend-title').replace(/[\u00a0\u202f]/g, ' ')).to.equal(words);
    expect(text(el, 'details.features thead th:last-child').replace(/[\u00a0\u202f]/g, ' ')).to.equal(words);
  });

  const errors: [string, Record<string, string>, RegExp][] = [
    ['a syntax error names the token', { value: 'sum(total))' }, /Expression invalide : parenthèse fermante en trop dans « sum\(total\)\) »/],
    ['an unknown function lists the functions', { value: 'somme(total)' }, /Fonction inconnue « somme ».*sum, count, distinct/],
    ['an unknown column lists the columns', { value: 'sum(totl) / sum(gratuit)' }, /Colonne inconnue « totl ».*« total »/],
    ['a join source that fails', { value: 'count() / join.PMUN', join: 'population-inconnue on departement = DEP' }, /Jointure « population-inconnue » : Jeu de données ou ressource introuvable/],
    ['a join key missing on the other side', { value: 'count() / join.PMUN', join: `${DATASETS.population} on departement = CODE` }, /Colonne inconnue « CODE » dans le jeu de données joint/],
    ['a compute name shadowing a column', { compute: 'total = gratuit * 2', value: 'total' }, /« total » existe déjà dans les données/],
  ];
  for (const [name, attrs, message] of errors) {
    it(`bad input: ${name}`, async () => {
      const { el, event } = await mount({ dataset: DATASETS.museums, code: 'departement', ...attrs });
      expect(event.type).to.equal('culture-error');
      expect((event as Event & { detail: { message: string } }).detail.message).to.match(message);
      expect(text(el, '[role="alert"]')).to.match(message);
    });
  }
});
