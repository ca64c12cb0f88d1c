import { expect, fixture, html as testHtml, waitUntil } from '@open-wc/testing';
import { LitElement, html, render } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { defineElement, findById, pageScheme, renderCitation, safeUrl, ThemeController, type ThemeSetting } from '../src/index.js';

@customElement('ui-theme-probe')
class ThemeProbe extends LitElement {
  @property({ reflect: true }) theme: ThemeSetting = 'auto';
  readonly controller = new ThemeController(this);
  override render() {
    return html`${this.controller.scheme}`;
  }
}

describe('ui: theme', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('data-fr-theme');
    document.documentElement.removeAttribute('data-fr-scheme');
  });

  it('reads the DSFR resolved theme before its scheme choice', () => {
    document.documentElement.setAttribute('data-fr-scheme', 'light');
    document.documentElement.setAttribute('data-fr-theme', 'dark');
    expect(pageScheme()).to.equal('dark');
    document.documentElement.removeAttribute('data-fr-theme');
    expect(pageScheme()).to.equal('light');
  });

  it('follows the page live when auto, and an explicit theme otherwise', async () => {
    const probe = await fixture<ThemeProbe>(testHtml`<ui-theme-probe></ui-theme-probe>`);
    expect(probe.dataset.scheme).to.equal('light');
    document.documentElement.setAttribute('data-fr-theme', 'dark');
    await waitUntil(() => probe.dataset.scheme === 'dark', 'the host follows the DSFR switch');
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('dark');
    probe.theme = 'light';
    await probe.updateComplete;
    expect(probe.dataset.scheme).to.equal('light');
  });
});

describe('ui: defineElement', () => {
  it('registers once and only warns when a second copy defines the tag again', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement('ui-define-probe', First);
      defineElement('ui-define-probe', First);
      expect(warnings).to.have.length(0);
      defineElement('ui-define-probe', Second);
      expect(warnings).to.have.length(1);
      expect(customElements.get('ui-define-probe')).to.equal(First);
    } finally {
      console.warn = warn;
    }
  });
});

describe('ui: findById', () => {
  it('finds a source in the document, in its own shadow tree, or in another shadow root', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const outer = host.attachShadow({ mode: 'open' });
    render(html`<span id="inside"></span><div id="nested"></div>`, outer);
    const nested = (outer.getElementById('nested') as HTMLElement).attachShadow({ mode: 'open' });
    render(html`<i id="deep"></i><b id="widget"></b>`, nested);
    const plain = document.createElement('p');
    plain.id = 'in-document';
    document.body.append(plain);
    const widget = nested.getElementById('widget')!;
    try {
      expect(findById(widget, 'deep')?.tagName).to.equal('I');
      expect(findById(widget, 'inside')?.tagName).to.equal('SPAN');
      expect(findById(widget, 'in-document')).to.equal(plain);
      expect(findById(plain, 'deep')?.tagName).to.equal('I');
      expect(findById(plain, 'nowhere')).to.equal(null);
    } finally {
      host.remove();
      plain.remove();
    }
  });
});

describe('ui: citation', () => {
  it('links only http(s) URLs', () => {
    expect(safeUrl('https://www.data.gouv.fr/fr/datasets/x/')).to.equal('https://www.data.gouv.fr/fr/datasets/x/');
    expect(safeUrl('javascript:window.__xss=true')).to.equal(undefined);
    expect(safeUrl('data:text/html,<script>1</script>')).to.equal(undefined);
    expect(safeUrl('')).to.equal(undefined);
  });

  it('shows title, producer, licence and date, as text', () => {
    const target = document.createElement('div');
    render(
      renderCitation(
        {
          datasetTitle: '<img src=x onerror="window.__xss=true">Musées',
          datasetUrl: 'javascript:window.__xss=true',
          producer: 'Ministère de la Culture',
          producerUrl: 'https://www.data.gouv.fr/fr/organizations/ministere-de-la-culture/',
          license: 'lov2',
          licenseTitle: 'Licence Ouverte / Open Licence version 2.0',
          lastModified: '2025-03-12T10:00:00+00:00',
        },
        'fr',
      ),
      target,
    );
    expect(target.querySelector('img')).to.equal(null);
    expect(target.textContent).to.contain('<img src=x onerror="window.__xss=true">Musées');
    expect(target.textContent).to.contain('Producteur : Ministère de la Culture');
    expect(target.textContent).to.contain('12 mars 2025');
    const links = [...target.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    // the dataset link was a javascript: URL, so only the producer is linked
    expect(links).to.deep.equal(['https://www.data.gouv.fr/fr/organizations/ministere-de-la-culture/']);
    expect((window as { __xss?: boolean }).__xss).to.equal(undefined);
  });
});
