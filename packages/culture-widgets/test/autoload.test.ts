/**
 * The umbrella holds no element: a tag loads its code when it appears. Checked the way a page
 * would notice: what the browser fetched (each source module is its own request under the test
 * server), which tags got defined, and the chart drawn.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { portal, DATASETS } from '../../../test/helpers/portal.js';
import { controls } from '../../../stories/controls.generated.js';
import { ELEMENT_MODULES, createAutoloader } from '../src/autoload.js';
import '../src/index.js';

// every module is a request under the test server: keep them all (the default keeps 250)
performance.setResourceTimingBufferSize(100_000);

/** Source modules of `pkg` the page fetched. */
const fetched = (pkg: string) =>
  performance.getEntriesByType('resource').map((e) => e.name).filter((url) => url.includes(`/packages/${pkg}/src/`));

describe('culture-widgets.js: an element loads when its tag appears', function () {
  this.timeout(40000);

  it('a page with a chart loads the chart, not the table, map, key figures, filters or builder', async () => {
    const p = await portal();
    const el = document.createElement('culture-chart');
    for (const [name, value] of Object.entries({ api: p.api, 'tabular-api': p.tabularApi, dataset: DATASETS.museums, type: 'line', x: 'annee', y: 'total' })) {
      el.setAttribute(name, value);
    }
    document.body.append(el);
    await customElements.whenDefined('culture-chart');
    await waitUntil(() => el.shadowRoot?.querySelector('.view svg'), 'no chart drawn', { timeout: 30000 });
    expect(fetched('chart')).not.to.deep.equal([]);
    for (const pkg of ['table', 'map', 'kpi', 'source', 'builder']) expect(fetched(pkg), pkg).to.deep.equal([]);
    for (const tag of ['culture-table', 'culture-map', 'culture-kpi', 'culture-source', 'culture-builder']) expect(customElements.get(tag), tag).to.equal(undefined);

    // its data table view is the table package's: it comes when opened, and defines no element
    el.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=menuitem]'));
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=menuitem]')].find((b) => /tableau/.test(b.textContent ?? ''))!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.data-table table'), 'no data table');
    expect(fetched('table')).not.to.deep.equal([]);
    expect(customElements.get('culture-table')).to.equal(undefined);
    el.remove();
  });

  it('a widget defined before its <culture-source> waits for it instead of saying it is missing', async () => {
    const p = await portal();
    // the chart's code is here (the test above), the source's is not: the chart links first
    expect(customElements.get('culture-chart')).not.to.equal(undefined);
    expect(customElements.get('culture-source')).to.equal(undefined);
    const wrapper = document.createElement('div');
    const source = document.createElement('culture-source');
    for (const [name, value] of Object.entries({ id: 'late-source', api: p.api, 'tabular-api': p.tabularApi, dataset: DATASETS.museums })) {
      source.setAttribute(name, value);
    }
    const chart = document.createElement('culture-chart');
    for (const [name, value] of Object.entries({ source: 'late-source', type: 'line', x: 'annee', y: 'total' })) chart.setAttribute(name, value);
    const errors: string[] = [];
    chart.addEventListener('culture-error', (e) => errors.push(e.detail.code));
    wrapper.append(chart, source);
    document.body.append(wrapper);
    await waitUntil(() => chart.shadowRoot?.querySelector('.view svg') || errors.length, 'no chart drawn', { timeout: 30000 });
    expect(errors).to.deep.equal([]);
    expect(chart.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    wrapper.remove();
  });

  it('customElements.whenDefined loads the element it waits for', async () => {
    expect(customElements.get('culture-kpi')).to.equal(undefined);
    await customElements.whenDefined('culture-kpi');
    expect(customElements.get('culture-kpi-row'), 'the same module registers the row').not.to.equal(undefined);
    const kpi = document.createElement('culture-kpi');
    expect(kpi).to.be.instanceOf(customElements.get('culture-kpi')!);
  });

  it('knows every element of the API', () => {
    expect(Object.keys(ELEMENT_MODULES).sort()).to.deep.equal(Object.keys(controls).sort());
  });
});

describe('createAutoloader', () => {
  /** Test elements: `auto-outer` renders `auto-inner` in its shadow root. */
  const loads: string[] = [];
  const define = (tag: string, shadow?: string) => async () => {
    loads.push(tag);
    customElements.define(tag, class extends HTMLElement {
      connectedCallback() {
        if (shadow && !this.shadowRoot) this.attachShadow({ mode: 'open' }).append(document.createElement(shadow));
      }
    });
  };
  let broken = 0;
  const autoloader = createAutoloader({
    'auto-outer': define('auto-outer', 'auto-inner'),
    'auto-inner': define('auto-inner'),
    'auto-late': define('auto-late'),
    'auto-broken': () => Promise.reject(new Error(`offline ${++broken}`)),
  });
  autoloader.watch(document);

  it('loads a tag once, then the tags its shadow root holds, then tags added there later', async () => {
    document.body.append(document.createElement('auto-outer'), document.createElement('auto-outer'));
    await waitUntil(() => customElements.get('auto-inner'), 'the tag in the shadow root was not loaded');
    const outer = document.querySelector('auto-outer')!;
    outer.shadowRoot!.append(document.createElement('auto-late'));
    await waitUntil(() => customElements.get('auto-late'), 'a tag added to a watched shadow root was not loaded');
    expect(loads).to.deep.equal(['auto-outer', 'auto-inner', 'auto-late']);
  });

  it('a module that fails to load is said in the console and tried again when its tag appears again', async () => {
    const errors: unknown[][] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      document.body.append(document.createElement('auto-broken'));
      await waitUntil(() => errors.length === 1, 'no console error');
      document.body.append(document.createElement('auto-broken'));
      await waitUntil(() => errors.length === 2, 'not tried again');
    } finally {
      console.error = error;
    }
    expect(String(errors[0]![0])).to.include('<auto-broken>');
    expect(broken).to.equal(2);
    expect(customElements.get('auto-broken')).to.equal(undefined);
  });
});
