import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { portal, DATASETS, type Portal } from '../../../test/helpers/portal.js';
import '../src/culture-kpi.js';
import type { CultureKpi } from '../src/kpi.js';

let p: Portal;
beforeEach(async () => {
  p = await portal();
});

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
const root = (el: CultureKpi) => el.shadowRoot!;
const text = (el: CultureKpi, part: string) => spaces(root(el).querySelector(`[part~=${part}]`)?.textContent ?? '');

/** A tile in a box of `width` px, reading the sample portal; resolves once it settled. */
async function kpi(attrs: Record<string, string>, width = 320): Promise<CultureKpi> {
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px"></div>`);
  const el = document.createElement('culture-kpi');
  el.setAttribute('api', p.api);
  el.setAttribute('tabular-api', p.tabularApi);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  const settled = new Promise((resolve) => {
    el.addEventListener('culture-load', resolve, { once: true });
    el.addEventListener('culture-error', resolve, { once: true });
  });
  box.append(el);
  await settled;
  await el.updateComplete;
  return el;
}

const museums = { dataset: DATASETS.museums };
/** Aggregate requests the portal saw (`/data/` with a group-by or an aggregate). */
const aggregates = async () => (await p.requests('/data/')).filter((r) => /__(sum|count|avg|min|max|groupby)/.test(r.query));

describe('<culture-kpi> shows a key figure', () => {
  it('a total with its unit and its caption; culture-load; one request', async () => {
    const el = await kpi({ ...museums, value: 'sum(total)', filter: 'annee = 2024', unit: 'entrées', label: 'Entrées en 2024' });
    expect(text(el, 'label')).to.equal('Entrées en 2024');
    expect(text(el, 'value')).to.equal('13 204 257 entrées');
    expect(root(el).querySelector('[part=change]')).to.equal(null);
    expect(text(el, 'description')).to.equal('Entrées en 2024 : 13 204 257 entrées.');
    expect(await p.requests('/data/')).to.have.length(1);
  });

  it('the change against 2019: one grouped request, « par rapport à 2019 » with an arrow', async () => {
    const el = await kpi({ ...museums, value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 2019', unit: 'entrées' });
    expect(text(el, 'change')).to.match(/^▼ [−-]0,2 % par rapport à 2019$/);
    expect(text(el, 'description')).to.match(/[−-]0,2 % par rapport à 2019 \(2019 : 13 235 960 entrées\)\.$/);
    const requests = await aggregates();
    expect(requests).to.have.length(1);
    expect(decodeURIComponent(requests[0]!.query)).to.match(/annee__in=2024,2019/);
  });

  it('a share of free entries (a ratio of sums, as a percentage) with its change in points and a trend: still one request', async () => {
    const el = await kpi({
      ...museums, value: 'sum(gratuit) / sum(total)', format: 'percent', filter: 'annee = 2024', compare: 'annee = 2019', trend: 'annee',
      label: 'Part des entrées gratuites',
    });
    expect(text(el, 'value')).to.equal('44,6 %');
    expect(text(el, 'change')).to.equal('▲ +0,6 point par rapport à 2019');
    const line = root(el).querySelector('[part=trend] path.line')!;
    expect(line.getAttribute('d')!.split(/[ML]/).filter(Boolean)).to.have.length(11); // 2014…2024
    expect(root(el).querySelectorAll('[part=trend] path.dot')).to.have.length(2); // 2024 and 2019
    expect(text(el, 'trend')).to.equal('20142024');
    expect(text(el, 'description')).to.match(/Évolution de 2014 à 2024 : de 44,1 % à 44,6 %, au plus haut/);
    expect(await aggregates()).to.have.length(1);
  });

  it('Bretagne\'s share of France (compare="region = *", mode="share"): one request', async () => {
    const el = await kpi({ ...museums, value: 'sum(total)', filter: 'annee = 2024; region = Bretagne', compare: 'region = *', mode: 'share', 'compare-label': 'la France' });
    expect(text(el, 'change')).to.match(/^\d+,\d % de la France$/);
    expect(await aggregates()).to.have.length(1);
  });

  it('a median cannot combine groups: one request each, the trend one more', async () => {
    const el = await kpi({ ...museums, value: 'median(total)', filter: 'region = Bretagne', compare: 'region = *', trend: 'annee' });
    expect(text(el, 'change')).to.match(/par rapport à l’ensemble$/);
    // median is not a server operator: each query reads its rows once, through the CSV export
    expect(await p.requests('/data/csv/')).to.have.length(3);
    // a new base only its own query sees: the figure follows
    el.setAttribute('compare', 'region = Corse');
    await waitUntil(() => /par rapport à Corse$/.test(text(el, 'change')), 'the new base is not shown', { timeout: 15000 });
  });

  it('a new base the same grouped query answers: the figure is read again, not kept', async () => {
    // « every year » then « 2019 » (the builder's comparison picker): one query grouped by year for both
    const el = await kpi({ ...museums, value: 'sum(total)', filter: 'region = BRETAGNE; annee >= 2018', compare: 'annee = *' });
    const whole = text(el, 'change');
    el.setAttribute('compare', 'annee = 2019');
    await waitUntil(() => /^▲ \+1 244,3 % par rapport à 2019$/.test(text(el, 'change')), `the base stayed the old one (${whole} → ${text(el, 'change')})`, { timeout: 15000 });
  });

  it('where the API refuses to aggregate, the rows are read once for the value, the base and the trend', async () => {
    const el = await kpi({
      dataset: DATASETS.museumList, filter: 'Région administrative = Bretagne', compare: 'Région administrative = *', mode: 'share',
      trend: 'Département',
    });
    expect(text(el, 'value')).to.match(/^\d+$/);
    expect(text(el, 'change')).to.match(/% de l’ensemble$/);
    expect((await p.requests((r) => r.status === 403)).length).to.be.greaterThan(0);
    expect(await p.requests('/data/csv/')).to.have.length(1);
  });
});

describe('<culture-kpi> says what it cannot compute', () => {
  it('a compare matching no row: « pas de comparaison », never « +∞ % » or « NaN »', async () => {
    const el = await kpi({ ...museums, value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 1850' });
    expect(text(el, 'change')).to.equal('Pas de donnée pour 1850 : pas de comparaison.');
    expect(root(el).textContent).not.to.match(/∞|NaN/);
  });

  it('a base of 0: « évolution non calculable »', async () => {
    const el = await kpi({ ...museums, value: 'count(individuel)', filter: 'annee = 2024', compare: 'annee = 2015' });
    expect(text(el, 'change')).to.equal('2015 vaut 0 : évolution non calculable.');
  });

  it('a filter matching nothing: the empty state, and a culture-load of 0 rows out of 0', async () => {
    const loaded = new Promise<CustomEvent>((resolve) => document.addEventListener('culture-load', (e) => resolve(e as CustomEvent), { once: true }));
    const el = await kpi({ ...museums, value: 'sum(total)', filter: 'region = Atlantide' });
    expect(root(el).querySelector('[part=empty]')).to.exist;
    const { detail } = await loaded;
    expect([detail.rows, detail.total]).to.deep.equal([0, 0]);
  });

  it('an unknown column, a bad expression, a bad compare: an alert and culture-error', async () => {
    for (const attrs of [{ value: 'sum(visiteurs)' }, { value: 'sum(total' }, { value: 'sum(total)', compare: 'annee ?? 2019' }, { trend: 'decennie' }]) {
      const el = document.createElement('culture-kpi');
      el.setAttribute('api', p.api);
      el.setAttribute('tabular-api', p.tabularApi);
      el.setAttribute('dataset', DATASETS.museums);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      const failed = oneEvent(el, 'culture-error');
      document.body.append(el);
      const { detail } = await failed;
      await el.updateComplete;
      expect(root(el).querySelector('[role=alert]')!.textContent, JSON.stringify(attrs)).to.contain(detail.message.slice(0, 20));
      el.remove();
    }
  });

  it('mode="share" without compare, an unknown format: a note and culture-warning, the figure shown', async () => {
    const warnings: string[] = [];
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('culture-kpi');
    el.addEventListener('culture-warning', (e) => warnings.push((e as CustomEvent).detail.attribute));
    for (const [k, v] of Object.entries({ api: p.api, 'tabular-api': p.tabularApi, ...museums, value: 'sum(total)', mode: 'share', format: 'euros' })) el.setAttribute(k, v);
    box.append(el);
    await waitUntil(() => warnings.length === 2, `warnings: ${warnings.join()}`, { timeout: 15000 });
    expect(warnings.sort()).to.deep.equal(['format', 'mode']);
    expect(text(el as CultureKpi, 'warning')).to.contain('mode="share" ignoré');
    expect(text(el as CultureKpi, 'value')).to.match(/^[\d ]+$/);
  });

  it('aggregate without value is said (it applies to value), and the row count shown', async () => {
    const warned = new Promise<CustomEvent>((resolve) => document.addEventListener('culture-warning', (e) => resolve(e as CustomEvent), { once: true }));
    const el = await kpi({ ...museums, aggregate: 'mean', filter: 'annee = 2024' });
    const { detail } = await warned;
    expect([detail.attribute, detail.value]).to.deep.equal(['aggregate', 'mean']);
    expect(text(el, 'warning')).to.equal('aggregate="mean" ignoré : il s’applique à value (exemple : value="total" aggregate="mean").');
    expect(text(el, 'value')).to.equal('1 212');
  });

  it('an unknown mode names the mode used (« change est utilisé », accepted: change) and shows the change', async () => {
    const warned = new Promise<CustomEvent>((resolve) => document.addEventListener('culture-warning', (e) => resolve(e as CustomEvent), { once: true }));
    const el = await kpi({ ...museums, value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 2019', mode: 'evolution' });
    const { detail } = await warned;
    expect([detail.attribute, detail.value, detail.accepted]).to.deep.equal(['mode', 'evolution', 'change']);
    expect(text(el, 'warning')).to.contain('mode="evolution" n’est pas une valeur possible (change, share) : change est utilisé');
    expect(text(el, 'change')).to.match(/par rapport à 2019$/);
  });
});

describe('<culture-kpi> menu, states, accessibility', () => {
  it('shows the skeleton while loading', async () => {
    await p.fault({ match: '/data/', latency: 300 });
    const el = document.createElement('culture-kpi');
    for (const [k, v] of Object.entries({ api: p.api, 'tabular-api': p.tabularApi, ...museums })) el.setAttribute(k, v);
    document.body.append(el);
    await waitUntil(() => root(el as CultureKpi).querySelector('[part=loading][aria-busy=true]'), 'no skeleton');
    await oneEvent(el, 'culture-load');
    el.remove();
  });

  it('downloads the figure as CSV and as a PNG with its citation', async () => {
    const el = await kpi({ ...museums, value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 2019', trend: 'annee', label: 'Entrées en 2024' });
    const csv = el.kpiCsv().replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(csv[0]).to.equal('indicateur;valeur');
    expect(csv[1]).to.equal('Entrées en 2024;13204257');
    expect(csv[2]).to.equal('base (2019);13235960');
    expect(csv[3]).to.match(/^évolution;-0,00\d+$/);
    expect(csv.slice(4)).to.have.length(11);
    expect(el.exportImage()).to.match(/^data:image\/png;base64,/);
    root(el).querySelector<HTMLButtonElement>('.menu-button')!.click();
    await el.updateComplete;
    expect([...root(el).querySelectorAll('[role=menuitem]')].map((b) => b.textContent!.trim())).to.deep.equal([
      'Télécharger l’image (PNG)', 'Télécharger les données (CSV)',
    ]);
  });

  it('speaks English', async () => {
    const el = await kpi({ ...museums, value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 2019', lang: 'en' });
    expect(text(el, 'value')).to.equal('13,204,257');
    expect(text(el, 'change')).to.match(/^▼ [−-]0\.2% compared with 2019$/);
    expect(text(el, 'label')).to.equal('Total');
    // English punctuation: no space before the colon
    expect(text(el, 'description')).to.match(/\(2019: 13,235,960\)\.$/);
  });

  it('names its figure in words, under the page\'s labels: never « mean(total) » or « taux »', async () => {
    const captions = await Promise.all([
      kpi({ ...museums, value: 'mean(total)', filter: 'annee = 2024' }),
      kpi({ ...museums, value: 'taux = sum(gratuit) / sum(total) * 100', filter: 'annee = 2024' }),
      kpi({ ...museums, value: 'sum(gratuit) / sum(total)', format: 'percent', filter: 'annee = 2024', labels: 'gratuit: Entrées gratuites; total: Entrées' }),
      kpi({ ...museums, filter: 'annee = 2024' }),
    ]);
    expect(captions.map((el) => text(el, 'label'))).to.deep.equal(['Total (moyenne)', 'Taux', 'Entrées gratuites / Entrées', 'Nombre de lignes']);
  });

  it('a value already in percent (unit="%") changes in points, like a percentage', async () => {
    const el = await kpi({ ...museums, value: 'taux = sum(gratuit) / sum(total) * 100', unit: '%', filter: 'annee = 2024', compare: 'annee = 2019' });
    expect(text(el, 'value')).to.equal('44,62 %');
    expect(text(el, 'change')).to.equal('▲ +0,6 point par rapport à 2019');
  });

  it('is readable at 375 px: nothing overflows', async () => {
    const el = await kpi({ ...museums, value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 2019', unit: 'entrées', trend: 'annee', label: 'Entrées dans les musées de France en 2024' }, 343);
    const figure = root(el).querySelector('figure')!;
    expect(figure.scrollWidth).to.be.at.most(figure.clientWidth + 1);
    expect(el.getBoundingClientRect().width).to.be.at.most(343);
  });

  for (const theme of ['light', 'dark']) {
    it(`is accessible (axe), ${theme}`, async () => {
      const el = await kpi({ ...museums, value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 2019', trend: 'annee', theme });
      await expect(el).to.be.accessible();
      const figure = root(el).querySelector('figure')!;
      expect(figure.getAttribute('aria-describedby')).to.equal('description');
    });
  }

  it('prints without its menu, in one piece', async () => {
    const el = await kpi({ ...museums, value: 'sum(total)' });
    try {
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle(root(el).querySelector('.menu')!).display).to.equal('none');
      expect(getComputedStyle(el).breakInside).to.equal('avoid');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});

describe('<culture-kpi-row>', () => {
  it('lays the tiles side by side, one per row on a phone', async () => {
    await import('../src/culture-kpi.js');
    const row = await fixture<HTMLElement>(html`<div style="width:900px"><culture-kpi-row>
      <div class="t">a</div><div class="t">b</div><div class="t">c</div>
    </culture-kpi-row></div>`);
    const tops = () => [...row.querySelectorAll('.t')].map((t) => Math.round(t.getBoundingClientRect().top));
    expect(new Set(tops()).size).to.equal(1);
    row.style.width = '340px';
    await waitUntil(() => new Set(tops()).size === 3, 'not stacked on a phone');
  });
});
