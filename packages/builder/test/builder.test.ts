import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '@culture-widgets/table/culture-table.js';
import '@culture-widgets/chart/culture-chart.js';
import '@culture-widgets/map/culture-map.js';
import '../src/culture-builder.js';
import type { CultureMap } from '@culture-widgets/map';
import type { CultureBuilder } from '../src/index.js';
import { portal, DATASETS, RESOURCES, type Portal } from '../../../test/helpers/portal.js';
import { parseSnippet } from './paste.js';

const MUSEUMS_PAGE = `https://www.data.gouv.fr/fr/datasets/${DATASETS.museums}/`;
const xss = () => (window as { __xss?: boolean }).__xss;

type LoadDetail = { rows: number; total: number };

/** What a user sees and touches, inside the builder's shadow root. */
function ui(builder: CultureBuilder) {
  const root = builder.shadowRoot!;
  const q = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
  return {
    q,
    async waitFor<T extends Element = HTMLElement>(selector: string, message = selector): Promise<T> {
      await waitUntil(() => q(selector), `never showed ${message}`, { timeout: 15000 });
      return q<T>(selector)!;
    },
    /** Types into a field and commits it, as a user leaving the field does. */
    type(selector: string, value: string) {
      const input = q<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    },
    choose(selector: string, value: string) {
      const select = q<HTMLSelectElement>(selector)!;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    },
    button(text: string): HTMLButtonElement {
      const found = [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === text);
      if (!found) throw new Error(`no button "${text}"`);
      return found;
    },
    preview: () => q('#preview')?.firstElementChild as HTMLElement | null,
  };
}

/** Resolves with the next `culture-load` the preview announces. */
const nextLoad = (builder: CultureBuilder) =>
  oneEvent(builder, 'culture-load').then((e) => (e as CustomEvent<LoadDetail>).detail);

async function openBuilder(p: Portal): Promise<CultureBuilder> {
  return fixture<CultureBuilder>(html`<culture-builder lang="fr" api=${p.api} tabular-api=${p.tabularApi} embed-base="https://embed.example/cw/"></culture-builder>`);
}

describe('<culture-builder> as a new user', () => {
  let p: Portal;
  let mochaOnError: OnErrorEventHandler;
  before(async () => {
    p = await portal();
    // "ResizeObserver loop completed with undelivered notifications" is a benign browser report
    // (the chart's observer sees its own height change while drawing, reported to its engineer);
    // mocha would count it as an uncaught error of whichever test runs.
    mochaOnError = window.onerror;
    window.onerror = function (message, ...rest) {
      if (String(message).includes('ResizeObserver loop')) return true;
      return mochaOnError?.call(this, message, ...rest);
    };
  });
  after(() => {
    window.onerror = mochaOnError;
  });

  it('pastes a link, picks a chart, tunes it, copies a snippet that renders the same chart elsewhere', async function () {
    this.timeout(60000);
    const builder = await openBuilder(p);
    const u = ui(builder);

    // Step 1: the field shows what a link looks like; paste the dataset page's link and load it.
    expect(u.q<HTMLInputElement>('#dataset-link')!.placeholder).to.equal('https://www.data.gouv.fr/fr/datasets/…');
    const firstLoad = nextLoad(builder);
    u.type('#dataset-link', MUSEUMS_PAGE);
    u.button('Charger').click();
    await u.waitFor('.dataset-title', 'the dataset title');
    expect(u.q('.dataset-title')!.textContent).to.match(/Fréquentation des musées/i);
    // Focus moves on to the next step for keyboard and screen-reader users.
    await waitUntil(() => builder.shadowRoot!.activeElement?.id === 'step2', 'focus did not move to step 2');

    // Step 2: the tabular resource is picked, its columns and first rows shown with their types.
    const radio = await u.waitFor<HTMLInputElement>('input[name="resource"]:checked');
    expect(radio).to.exist;
    const table = await u.waitFor('table.data', 'the preview table');
    const headers = [...table.querySelectorAll('th .column-name')].map((th) => th.textContent);
    expect(headers).to.include.members(['annee', 'total', 'region']);
    expect(table.querySelectorAll('tbody tr')).to.have.length(5);
    const anneeType = [...table.querySelectorAll('th')].find((th) => th.querySelector('.column-name')!.textContent === 'annee')!;
    expect(anneeType.querySelector('.column-type')!.textContent).to.match(/entier|nombre/);

    // Step 3: a chart is proposed, pre-filled from the profile, and previewed live.
    await u.waitFor('#opt-x');
    expect(u.q<HTMLInputElement>('input[name="element"]:checked')!.value).to.equal('chart');
    expect(u.q<HTMLSelectElement>('#opt-x')!.value).to.equal('annee');
    expect(u.q<HTMLInputElement>('#opt-y input[value="total"], fieldset input[name="y"][value="total"]')!.checked).to.equal(true);
    // A year is a number but not a measure: « Valeurs (y) » does not offer it.
    expect(u.q('#opt-y input[value="annee"], fieldset input[name="y"][value="annee"]')).to.equal(null);
    expect(u.q<HTMLSelectElement>('#opt-aggregate')!.value).to.equal('sum');
    const first = await firstLoad;
    expect(u.preview()!.localName).to.equal('culture-chart');
    expect(first.rows).to.equal(11); // 2014 → 2024

    // Change options: a column chart of the years since 2018, with a title.
    const tuned = nextLoad(builder);
    u.choose('#opt-type', 'column');
    u.type('#opt-title', 'Entrées depuis 2018');
    u.q<HTMLDetailsElement>('.options details.shared')!.open = true;
    u.type('#opt-filter', 'annee >= 2018');
    const after = await tuned;
    await waitUntil(() => u.preview()!.getAttribute('filter') === 'annee >= 2018');
    // The preview may announce once per change: wait for the one with the filter applied.
    let shown = after;
    while (shown.rows !== 7) shown = await nextLoad(builder);
    expect(u.preview()!.getAttribute('type')).to.equal('column');

    // Step 4: copy the snippet; the confirmation is announced.
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });
    try {
      u.button('Copier le code').click();
      await waitUntil(() => copied.length === 1);
      await waitUntil(() => u.q('.copy-block .copied')!.textContent === 'Copié !', 'no "Copié" confirmation');
      expect(u.q('.copy-block .copied')!.getAttribute('aria-live')).to.equal('polite');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
    const snippet = copied[0]!;
    expect(snippet).to.equal(u.q<HTMLTextAreaElement>('#copy-snippet')!.value);
    expect(snippet).to.match(/^<script type="module" src="https:\/\/cdn\.jsdelivr\.net\/npm\/culture-widgets@[\d.]+\/dist\/culture-widgets\.js"><\/script>\n<culture-chart/);

    // Paste the snippet's element into a blank container: the same chart, the same rows.
    const pasted = parseSnippet(snippet).querySelector('culture-chart')!;
    for (const name of ['type', 'x', 'y', 'aggregate', 'title', 'filter', 'dataset', 'resource', 'api', 'tabular-api']) {
      expect(pasted.getAttribute(name), name).to.equal(u.preview()!.getAttribute(name));
    }
    const blank = document.createElement('div');
    document.body.append(blank);
    try {
      const loaded = oneEvent(blank, 'culture-load').then((e) => (e as CustomEvent<LoadDetail>).detail);
      blank.append(document.importNode(pasted, true));
      expect((await loaded).rows).to.equal(shown.rows);
    } finally {
      blank.remove();
    }

    // The iframe snippet and the share link carry the same configuration.
    const iframe = u.q<HTMLTextAreaElement>('#copy-iframe')!.value;
    expect(iframe).to.contain('src="https://embed.example/cw/embed.html?element=chart&amp;');
    expect(iframe).to.contain('title="Entrées depuis 2018"');
    const share = new URL(u.q<HTMLTextAreaElement>('#copy-share')!.value);
    expect(share.searchParams.get('filter')).to.equal('annee >= 2018');
    expect(share.searchParams.get('type')).to.equal('column');
  });

  it('restores its state from a share link', async () => {
    const builder = document.createElement('culture-builder');
    builder.setAttribute('api', p.api);
    builder.setAttribute('tabular-api', p.tabularApi);
    builder.restoreFrom(`?element=table&dataset=${DATASETS.museums}&columns=nom_du_musee,annee,total&search=true&sort=-total`);
    const loaded = nextLoad(builder);
    document.body.append(builder);
    try {
      const u = ui(builder);
      await loaded;
      expect(u.q<HTMLInputElement>('input[name="element"]:checked')!.value).to.equal('table');
      expect(u.q<HTMLInputElement>('#opt-search')!.checked).to.equal(true);
      expect(u.q<HTMLInputElement>('#opt-sort')!.value).to.equal('-total');
      const preview = u.preview()!;
      expect(preview.localName).to.equal('culture-table');
      expect(preview.getAttribute('columns')).to.equal('nom_du_musee,annee,total');
      expect(u.q<HTMLTextAreaElement>('#copy-snippet')!.value).to.contain('search');
    } finally {
      builder.remove();
    }
  });

  it('fills the profile defaults when a link only names the data', async () => {
    const builder = document.createElement('culture-builder');
    builder.setAttribute('api', p.api);
    builder.setAttribute('tabular-api', p.tabularApi);
    builder.restoreFrom(`?element=chart&dataset=${DATASETS.museums}&filter=annee%20%3E%3D%202020`);
    const loaded = nextLoad(builder);
    document.body.append(builder);
    try {
      const u = ui(builder);
      expect((await loaded).rows).to.equal(5);
      expect(u.q<HTMLSelectElement>('#opt-x')!.value).to.equal('annee');
      expect(u.preview()!.getAttribute('y')).to.equal('total');
      expect(u.preview()!.getAttribute('filter')).to.equal('annee >= 2020');
      expect(u.preview()!.getAttribute('theme'), 'the element’s own reflected attribute is left alone').to.equal('auto');
    } finally {
      builder.remove();
    }
  });

  it('switching to a table or map fills that element’s defaults', async () => {
    const builder = await openBuilder(p);
    const u = ui(builder);
    const drawn = nextLoad(builder);
    u.type('#dataset-link', DATASETS.museums);
    u.button('Charger').click();
    await drawn;
    const tableChoice = await u.waitFor<HTMLInputElement>('input[name="element"][value="table"]');
    tableChoice.click();
    await waitUntil(() => u.preview()?.localName === 'culture-table');
    expect(u.preview()!.hasAttribute('columns'), 'every column, as the table shows them itself').to.equal(false);
    u.q<HTMLInputElement>('input[name="element"][value="map"]')!.click();
    await waitUntil(() => u.preview()?.localName === 'culture-map');
    expect(u.q<HTMLSelectElement>('#opt-mode')!.value).to.equal('choropleth');
    expect(u.q<HTMLSelectElement>('#opt-code')!.value).to.equal('codeInseeCommune');
  });

  it('searches the catalogue, culture datasets first, and loads the one chosen', async () => {
    const builder = await openBuilder(p);
    const u = ui(builder);
    u.q<HTMLDetailsElement>('details.search')!.open = true;
    u.type('#search', 'musées');
    u.button('Chercher').click();
    const first = await u.waitFor<HTMLButtonElement>('.result-list li button');
    expect(u.q('.results .status')!.textContent).to.match(/jeux? de données trouvés?/);
    expect(first.parentElement!.querySelector('.badge')?.textContent).to.equal('Culture');
    const drawn = nextLoad(builder);
    first.click();
    await u.waitFor('.dataset-title');
    await drawn;
    expect(u.q('.dataset-title')!.textContent).to.equal(first.textContent);
  });

  it('opens a resource’s permanent link on that resource', async () => {
    const builder = await openBuilder(p);
    const u = ui(builder);
    u.type('#dataset-link', `https://www.data.gouv.fr/fr/datasets/r/${RESOURCES.museumList}`);
    u.button('Charger').click();
    const radio = await u.waitFor<HTMLInputElement>('input[name="resource"]:checked');
    expect(radio.value).to.equal(RESOURCES.museumList);
    expect(u.q('.dataset-title')!.textContent).to.match(/musées de France/i);
    const snippet = await u.waitFor<HTMLTextAreaElement>('#copy-snippet');
    const el = parseSnippet(snippet.value).firstElementChild!.nextElementSibling!;
    expect(el.getAttribute('resource')).to.equal(RESOURCES.museumList);
    expect(el.getAttribute('dataset')).to.be.a('string').and.not.be.empty;
  });

  it('falls back to selecting the text when the clipboard refuses, and forgets "Copié" on change', async () => {
    const builder = await openBuilder(p);
    const u = ui(builder);
    u.type('#dataset-link', DATASETS.museums);
    u.button('Charger').click();
    await u.waitFor('#copy-share');
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    let allow = false;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async () => { if (!allow) throw new DOMException('denied', 'NotAllowedError'); } },
    });
    try {
      u.button('Copier le lien').click();
      const status = () => u.q('#copy-share')!.closest('.copy-block')!.querySelector('.copied')!.textContent!;
      await waitUntil(() => status().includes('Copie impossible'), 'no fallback message');
      const area = u.q<HTMLTextAreaElement>('#copy-share')!;
      expect(area.selectionEnd - area.selectionStart).to.equal(area.value.length);
      allow = true;
      u.button('Copier le lien').click();
      await waitUntil(() => status() === 'Copié !');
      u.choose('#opt-type', 'area');
      await waitUntil(() => status() === '', 'the confirmation outlived a change');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });

  it('speaks English on an English page', async () => {
    const builder = await fixture<CultureBuilder>(html`<culture-builder lang="en" api=${p.api} tabular-api=${p.tabularApi}></culture-builder>`);
    const u = ui(builder);
    expect(u.q('h2')!.textContent).to.equal('Build a widget');
    expect(u.q('label[for="dataset-link"]')!.textContent).to.equal('Link to the dataset on data.gouv.fr');
    u.type('#dataset-link', DATASETS.museums);
    u.button('Load').click();
    await u.waitFor('#opt-type');
    expect(u.q('label[for="opt-type"]')!.textContent).to.equal('Chart type');
    expect(u.button('Copy the code')).to.exist;
  });

  it('takes a direct file URL and writes a src snippet', async () => {
    const dataset = await (await fetch(`${p.api}/1/datasets/${DATASETS.festivals}/`)).json();
    const fileUrl: string = dataset.resources[0].url;
    const builder = await openBuilder(p);
    const u = ui(builder);
    const drawn = nextLoad(builder);
    u.type('#dataset-link', fileUrl);
    u.button('Charger').click();
    await drawn;
    const snippet = parseSnippet((await u.waitFor<HTMLTextAreaElement>('#copy-snippet')).value);
    // the festivals have places (« Géocodage xy »): they open as a map
    const el = snippet.querySelector('culture-map')!;
    expect(el.getAttribute('coords')).to.equal('Géocodage xy');
    expect(el.getAttribute('src')).to.equal(fileUrl);
    expect(el.hasAttribute('dataset')).to.equal(false);
    expect(el.hasAttribute('resource')).to.equal(false);
    const share = new URL(u.q<HTMLTextAreaElement>('#copy-share')!.value);
    expect(share.searchParams.get('src')).to.equal(fileUrl);
  });

  it('says so when the link leads nowhere', async () => {
    const builder = await openBuilder(p);
    const u = ui(builder);
    u.type('#dataset-link', 'https://www.data.gouv.fr/fr/datasets/nexiste-pas/');
    u.button('Charger').click();
    const alert = await u.waitFor('[role="alert"]');
    expect(alert.textContent).to.contain('introuvable');
  });

  it('keeps hostile titles, column names and values inert', async () => {
    const builder = await openBuilder(p);
    const u = ui(builder);
    u.type('#dataset-link', DATASETS.hostile);
    u.button('Charger').click();
    await u.waitFor('.dataset-title');
    await u.waitFor('table.data', 'the hostile columns');
    await u.waitFor('#copy-snippet', 'step 4');
    expect(u.q('table.data th .column-name')!.textContent).to.contain('<');
    expect(u.q('.dataset-title')!.textContent).to.contain('<');
    expect(builder.shadowRoot!.querySelectorAll('img, script, iframe')).to.have.length(0);
    const pasted = parseSnippet(u.q<HTMLTextAreaElement>('#copy-snippet')!.value);
    expect(pasted.querySelectorAll('img, iframe, svg')).to.have.length(0);
    expect(pasted.querySelectorAll('script')).to.have.length(1);
    expect(xss()).to.equal(undefined);
  });

  it('is accessible at each step', async () => {
    const builder = await openBuilder(p);
    await expect(builder).to.be.accessible();
    ui(builder).q<HTMLDetailsElement>('details.search')!.open = true;
    await expect(builder).to.be.accessible();
    const u = ui(builder);
    const drawn = nextLoad(builder);
    u.type('#dataset-link', DATASETS.museums);
    u.button('Charger').click();
    await drawn;
    await u.waitFor('#copy-share');
    for (const details of builder.shadowRoot!.querySelectorAll('details')) details.open = true;
    await builder.updateComplete;
    // svg-img-alt: Vega's mark groups inside the previewed chart (the chart's own check, reported).
    await expect(builder).to.be.accessible({ ignoredRules: ['svg-img-alt'] });
  });
});

describe('<culture-builder> proposes what each element chooses itself', function () {
  this.timeout(60000);
  let p: Portal;
  before(async () => {
    p = await portal();
  });

  /** The builder on `dataset`, showing `element` (or what it proposes), once its preview is drawn. */
  async function proposed(dataset: string, element?: 'table' | 'chart' | 'map'): Promise<{ builder: CultureBuilder; preview: HTMLElement }> {
    const builder = await openBuilder(p);
    const u = ui(builder);
    let drawn = nextLoad(builder);
    u.type('#dataset-link', dataset);
    u.button('Charger').click();
    await drawn;
    if (element && u.preview()!.localName !== `culture-${element}`) {
      drawn = nextLoad(builder);
      u.q<HTMLInputElement>(`input[name="element"][value="${element}"]`)!.click();
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
    it(`chart on ${dataset}: the same chart as <culture-chart> alone`, async () => {
      const { preview } = await proposed(dataset, 'chart');
      const own = await bare('culture-chart', dataset);
      expect(said(preview, '#description')).to.equal(said(own, '#description'));
    });
  }

  it('the geolocated museums list opens as a map: the points <culture-map> finds alone', async () => {
    const { preview } = await proposed(DATASETS.museumList);
    expect(preview.localName).to.equal('culture-map');
    expect(preview.getAttribute('lat')).to.equal('Latitude');
    const own = (await bare('culture-map', DATASETS.museumList)) as unknown as CultureMap;
    expect((preview as CultureMap).drawnSummary).to.deep.equal(own.drawnSummary);
    expect(said(preview, 'details.features summary')).to.equal(said(own, 'details.features summary'));
  });

  for (const dataset of [DATASETS.festivals, DATASETS.places]) {
    it(`map on ${dataset}: the same map as <culture-map> alone`, async () => {
      const { preview } = await proposed(dataset, 'map');
      const own = (await bare('culture-map', dataset)) as unknown as CultureMap;
      expect((preview as CultureMap).drawnSummary).to.deep.equal(own.drawnSummary);
      expect(said(preview, 'details.features summary')).to.equal(said(own, 'details.features summary'));
    });
  }

  it('table on the museums: the columns <culture-table> shows alone', async () => {
    const { preview } = await proposed(DATASETS.museums, 'table');
    const own = await bare('culture-table', DATASETS.museums);
    const headers = (el: Element) => [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(headers(preview)).to.deep.equal(headers(own));
  });
});
