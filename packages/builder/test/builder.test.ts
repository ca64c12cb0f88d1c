import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@culture-widgets/table/culture-table.js';
import '@culture-widgets/chart/culture-chart.js';
import '@culture-widgets/map/culture-map.js';
import '@culture-widgets/kpi/culture-kpi.js';
import '../src/culture-builder.js';
import type { CultureBuilder } from '../src/index.js';
import { DATASETS, RESOURCES } from '../../../test/helpers/portal.js';
import { parseSnippet } from './paste.js';
import { load, nextLoad, openBuilder, ui, useSamplePortal } from './builder-ui.js';

const xss = () => (window as { __xss?: boolean }).__xss;

describe('<culture-builder> as a new user', function () {
  this.timeout(60000);
  const sample = useSamplePortal();

  it('says which catalogue it reads, and that it answers', async () => {
    const builder = await openBuilder(sample.p);
    const u = ui(builder);
    await waitUntil(() => u.q('.catalogue.online'), 'the catalogue never said it answers');
    expect(u.text(u.q('.catalogue'))).to.equal(`Données : ${new URL(sample.p.api).host} · en ligne`);
  });

  it('a catalogue that does not answer is said once, with « Réessayer », whatever the user tries', async () => {
    // a closed port: what `npm start -- --live` meets without a network
    const builder = await fixture<CultureBuilder>(html`<culture-builder lang="fr" api="http://127.0.0.1:9/api" tabular-api="http://127.0.0.1:9/tabular/api"></culture-builder>`);
    const u = ui(builder);
    const status = await u.waitFor('.catalogue.offline', 'the offline status', 30000);
    expect(u.text(status)).to.match(/^Données : 127\.0\.0\.1:9 ne répond pas/);
    expect(u.text(status)).not.to.match(/portail d’exemple|local/);
    u.type('#dataset-link', DATASETS.museums);
    u.button('Charger').click();
    await waitUntil(() => !u.q('.status[role="status"]'), 'the load never ended', { timeout: 30000 });
    u.tab('Chercher').click();
    await builder.updateComplete;
    u.type('#search', 'musées');
    u.button('Chercher').click();
    await waitUntil(() => !u.text(u.q('.results')).includes('Recherche'), 'the search never ended', { timeout: 30000 });
    await builder.updateComplete;
    const alerts = u.all('[role="alert"]');
    expect(alerts, alerts.map((a) => u.text(a)).join(' | ')).to.have.length(1);
    expect(alerts[0]!.querySelector('button')!.textContent!.trim()).to.equal('Réessayer');
  });

  it('searches the catalogue, culture datasets first, and loads the one chosen; « Récents » reopens it', async () => {
    const builder = await openBuilder(sample.p);
    const u = ui(builder);
    u.tab('Chercher').click();
    await builder.updateComplete;
    u.type('#search', 'musées');
    u.button('Chercher').click();
    const first = await u.waitFor<HTMLButtonElement>('.result-list li button', 'the results');
    expect(u.text(u.q('.results .status'))).to.match(/jeux? de données trouvés?/);
    expect(first.parentElement!.querySelector('.badge')?.textContent).to.equal('Culture');
    const drawn = nextLoad(builder);
    first.click();
    await u.waitFor('.dataset-title');
    await drawn;
    expect(u.text(u.q('.dataset-title'))).to.equal(u.text(first));
    // the dataset is remembered for this catalogue
    const again = await openBuilder(sample.p);
    const v = ui(again);
    v.tab('Récents').click();
    await again.updateComplete;
    const recent = v.q<HTMLButtonElement>('.recent-list li button')!;
    expect(v.text(recent)).to.equal(u.text(first));
    const reopened = nextLoad(again);
    recent.click();
    await reopened;
    expect(v.text(v.q('.dataset-title'))).to.equal(u.text(first));
  });

  it('restores its state from a share link', async () => {
    const builder = document.createElement('culture-builder');
    builder.setAttribute('api', sample.p.api);
    builder.setAttribute('tabular-api', sample.p.tabularApi);
    builder.restoreFrom(`?element=table&dataset=${DATASETS.museums}&columns=nom_du_musee,annee,total&search=true&sort=-total`);
    const loaded = nextLoad(builder);
    document.body.append(builder);
    try {
      const u = ui(builder);
      await loaded;
      expect(u.card('Tableau').checked).to.equal(true);
      expect(u.q<HTMLInputElement>('#opt-search')!.checked).to.equal(true);
      // the sort as a column and a direction, in words
      expect(u.shown('#opt-sort')).to.equal('Total');
      expect(u.shown('#opt-sort-direction')).to.equal('Du plus grand au plus petit (Z → A)');
      const preview = u.preview()!;
      expect(preview.localName).to.equal('culture-table');
      expect(preview.getAttribute('columns')).to.equal('nom_du_musee,annee,total');
      expect(u.q<HTMLTextAreaElement>('#copy-script')!.value).to.contain('search');
    } finally {
      builder.remove();
    }
  });

  it('fills the profile defaults when a link only names the data', async () => {
    const builder = document.createElement('culture-builder');
    builder.setAttribute('api', sample.p.api);
    builder.setAttribute('tabular-api', sample.p.tabularApi);
    builder.restoreFrom(`?element=chart&dataset=${DATASETS.museums}&filter=annee%20%3E%3D%202020`);
    const loaded = nextLoad(builder);
    document.body.append(builder);
    try {
      const u = ui(builder);
      expect((await loaded).rows).to.equal(5);
      expect(u.q<HTMLSelectElement>('#opt-x')!.value).to.equal('annee');
      expect(u.shown('#opt-x')).to.equal('Année');
      expect(u.preview()!.getAttribute('y')).to.equal('total');
      expect(u.preview()!.getAttribute('filter')).to.equal('annee >= 2020');
      expect(u.preview()!.getAttribute('theme'), 'the element’s own reflected attribute is left alone').to.equal('auto');
    } finally {
      builder.remove();
    }
  });

  it('opens a resource’s permanent link on that resource', async () => {
    const builder = await openBuilder(sample.p);
    const u = ui(builder);
    u.type('#dataset-link', `https://www.data.gouv.fr/fr/datasets/r/${RESOURCES.museumList}`);
    u.button('Charger').click();
    await u.waitFor('.dataset-title');
    expect(u.text(u.q('.dataset-title'))).to.match(/musées de France/i);
    const snippet = await u.waitFor<HTMLTextAreaElement>('#copy-script');
    const el = parseSnippet(snippet.value).querySelector('culture-map, culture-chart, culture-table')!;
    expect(el.getAttribute('resource')).to.equal(RESOURCES.museumList);
    expect(el.getAttribute('dataset')).to.be.a('string').and.not.be.empty;
  });

  it('a file its server refuses to share (no CORS) says so with a link to download it', async () => {
    const builder = await openBuilder(sample.p);
    const u = ui(builder);
    u.type('#dataset-link', DATASETS.noCors);
    u.button('Charger').click();
    const alert = await u.waitFor('.step [role="alert"]', 'the CORS error', 30000);
    expect(u.text(alert)).to.contain('CORS');
    const link = alert.querySelector<HTMLAnchorElement>('a[download]')!;
    expect(u.text(link)).to.equal('Télécharger le fichier');
    expect(link.href).to.match(/^http:\/\/.*\.csv$/);
  });

  it('speaks English on an English page', async () => {
    const builder = await fixture<CultureBuilder>(html`<culture-builder lang="en" api=${sample.p.api} tabular-api=${sample.p.tabularApi}></culture-builder>`);
    const u = ui(builder);
    expect(u.text(u.q('h2'))).to.equal('Build a widget');
    expect(u.text(u.q('label[for="dataset-link"]'))).to.equal('Link to the dataset on data.gouv.fr');
    u.type('#dataset-link', DATASETS.museums);
    u.button('Load').click();
    await u.waitFor('#opt-type');
    expect(u.text(u.q('label[for="opt-type"]'))).to.equal('Chart type');
    expect(u.text(u.q('.gallery legend'))).to.equal('What to show?');
    expect(u.shown('#opt-aggregate')).to.equal('Add up');
    expect(u.button('Copy the code')).to.exist;
  });

  it('takes a direct file URL and writes a src snippet', async () => {
    const dataset = await (await fetch(`${sample.p.api}/1/datasets/${DATASETS.festivals}/`)).json();
    const fileUrl: string = dataset.resources[0].url;
    const builder = await openBuilder(sample.p);
    const u = ui(builder);
    await load(builder, fileUrl);
    const snippet = parseSnippet((await u.waitFor<HTMLTextAreaElement>('#copy-script')).value);
    // the festivals have places (« Géocodage xy »): they open as a map
    const el = snippet.querySelector('culture-map')!;
    expect(el.getAttribute('coords')).to.equal('Géocodage xy');
    expect(el.getAttribute('src')).to.equal(fileUrl);
    expect(el.hasAttribute('dataset')).to.equal(false);
    expect(el.hasAttribute('resource')).to.equal(false);
    u.tab('Lien de partage').click();
    await builder.updateComplete;
    const share = new URL(u.q<HTMLTextAreaElement>('#copy-share')!.value);
    expect(share.searchParams.get('src')).to.equal(fileUrl);
  });

  it('says so when the link leads nowhere', async () => {
    const builder = await openBuilder(sample.p);
    const u = ui(builder);
    u.type('#dataset-link', 'https://www.data.gouv.fr/fr/datasets/nexiste-pas/');
    u.button('Charger').click();
    const alert = await u.waitFor('.step [role="alert"]');
    expect(u.text(alert)).to.contain('introuvable');
  });

  it('keeps hostile titles, column names and values inert', async () => {
    const builder = await openBuilder(sample.p);
    const u = ui(builder);
    u.type('#dataset-link', DATASETS.hostile);
    u.button('Charger').click();
    await u.waitFor('.dataset-title');
    await u.waitFor('table.data', 'the hostile columns');
    await u.waitFor('#copy-script', 'the copy step');
    // every picker, filter and label field is drawn with the hostile names
    for (const tab of ['Filtres', 'Transformer', 'Textes']) {
      u.tab(tab).click();
      await builder.updateComplete;
    }
    expect(u.q('table.data th .column-type')!.textContent).to.contain('<');
    expect(u.q('.dataset-title')!.textContent).to.contain('<');
    expect(builder.shadowRoot!.querySelectorAll('img, script, iframe')).to.have.length(0);
    const pasted = parseSnippet(u.q<HTMLTextAreaElement>('#copy-script')!.value);
    expect(pasted.querySelectorAll('img, iframe, svg')).to.have.length(0);
    expect(pasted.querySelectorAll('script')).to.have.length(1);
    expect(xss()).to.equal(undefined);
  });

});

