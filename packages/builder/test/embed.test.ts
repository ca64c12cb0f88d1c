import { expect, waitUntil } from '@open-wc/testing';
import { HEIGHT_MESSAGE, buildIframeSnippet, createWidget, mountEmbed, reportHeight, type HeightMessage } from '../src/index.js';
import { HOSTS_META, foreignSite } from '../src/embed.js';
import '../../../examples/embed-resizer.js';
import { parseSnippet } from './paste.js';

const HOSTILE = `"><img src=x onerror="window.__xss=true"><script>window.__xss=true</script>`;
const xss = () => (window as { __xss?: boolean }).__xss;

/** A fake parent window that records what the embed posts. */
function recorder(): { target: Window; messages: HeightMessage[] } {
  const messages: HeightMessage[] = [];
  return { target: { postMessage: (m: HeightMessage) => messages.push(m) } as unknown as Window, messages };
}

describe('embed page logic', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('main');
    document.body.append(root);
  });
  afterEach(() => root.remove());

  it('creates the element named by the query, attributes set as plain text', () => {
    const mounted = mountEmbed(root, `?element=chart&dataset=${encodeURIComponent(HOSTILE)}&title=${encodeURIComponent(HOSTILE)}&type=line&onload=x`);
    const el = root.firstElementChild!;
    expect(el.localName).to.equal('culture-chart');
    expect(el.getAttribute('dataset')).to.equal(HOSTILE);
    expect(el.getAttribute('title')).to.equal(HOSTILE);
    expect(el.getAttribute('type')).to.equal('line');
    expect(el.hasAttribute('onload')).to.equal(false);
    expect(root.querySelector('img, script')).to.equal(null);
    expect(xss()).to.equal(undefined);
    mounted.stop();
  });

  it('says so, in an alert, when the query names no widget', () => {
    mountEmbed(root, '?element=script&dataset=d');
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('mal configuré');
    expect(root.querySelector('script')).to.equal(null);
  });

  it('makes the background transparent on request', () => {
    const { element } = mountEmbed(root, '?element=table&dataset=d&bg=transparent');
    expect(element!.style.getPropertyValue('--culture-background')).to.equal('transparent');
    expect(document.documentElement.classList.contains('transparent')).to.equal(true);
    document.documentElement.classList.remove('transparent');
  });

  it('posts its height, then again when the content grows, with the id', async () => {
    const { target, messages } = recorder();
    const box = document.createElement('div');
    box.style.height = '100px';
    root.append(box);
    const stop = reportHeight(root, target, 'w1');
    expect(messages[0]).to.deep.equal({ type: HEIGHT_MESSAGE, height: 100, id: 'w1' });
    box.style.height = '250px';
    await waitUntil(() => messages.length === 2, 'no second height message');
    expect(messages[1]).to.deep.equal({ type: HEIGHT_MESSAGE, height: 250, id: 'w1' });
    stop();
  });

  it('refuses a link that would read data from a site the page does not allow, and says which', () => {
    for (const query of [
      'element=chart&dataset=d&api=https%3A%2F%2Fevil.example%2Fapi',
      'element=table&tabular-api=https%3A%2F%2Fevil.example%2Ftabular&dataset=d',
      'element=table&src=https%3A%2F%2Fevil.example%2Fdata.csv',
      'element=table&dataset=https%3A%2F%2Fevil.example%2Fdatasets%2Fx.csv',
      'element=map&dataset=d&tiles=https%3A%2F%2Fevil.example%2F%7Bz%7D%2F%7Bx%7D%2F%7By%7D.png',
      'element=map&dataset=d&boundaries=https%3A%2F%2Fevil.example%2F%7Blevel%7D.geojson',
    ]) {
      const mounted = mountEmbed(root, `?${query}`);
      expect(mounted.element?.localName ?? 'none', query).to.equal('none');
      expect(root.querySelector('[role="alert"]')?.textContent ?? '', query).to.contain('(evil.example)');
      mounted.stop();
    }
  });

  it("allows data.gouv.fr's hosts, the page's own origin and the hosts the deployment lists", () => {
    const meta = Object.assign(document.createElement('meta'), { name: HOSTS_META, content: 'http://127.0.0.1:4790 data.example.org' });
    document.head.append(meta);
    try {
      for (const query of [
        'element=chart&dataset=d&api=https%3A%2F%2Fwww.data.gouv.fr%2Fapi&tabular-api=https%3A%2F%2Ftabular-api.data.gouv.fr%2Fapi',
        'element=map&dataset=d&boundaries=https%3A%2F%2Fetalab-datasets.geo.data.gouv.fr%2F%7Blevel%7D.geojson&tiles=osm',
        `element=table&src=${encodeURIComponent(`${location.origin}/data.csv`)}`,
        'element=table&dataset=d&api=http%3A%2F%2F127.0.0.1%3A4790%2Fapi',
        'element=table&src=https%3A%2F%2Fdata.example.org%2Fx.csv',
      ]) {
        const mounted = mountEmbed(root, `?${query}`);
        expect(mounted.element?.localName, query).to.match(/^culture-/);
        mounted.stop();
      }
      expect(foreignSite({ element: 'table', attributes: { src: 'http://127.0.0.1:4791/x.csv' } }, document)).to.equal('127.0.0.1:4791');
    } finally {
      meta.remove();
    }
  });

  it('says a parameter is too long instead of dropping it (a filter left out would show everything)', () => {
    const filter = `region in ${Array.from({ length: 300 }, (_, i) => `Région ${i}`).join('|')}`;
    const mounted = mountEmbed(root, `?element=table&dataset=d&filter=${encodeURIComponent(filter)}`);
    expect(mounted.element?.localName ?? 'none').to.equal('none');
    expect(root.querySelector('[role="alert"]')?.textContent ?? '').to.match(/« filter » .* trop long \(3[\s\u202f]?\d{3} caractères, au plus 2[\s\u202f]000\)/);
    mounted.stop();
  });

  it('mounts a dashboard, and refuses one whose widget reads a site it does not allow', () => {
    const query = new URLSearchParams({ element: 'dashboard', dataset: 'd' });
    query.append('control', 'region');
    query.append('widget', 'element=kpi&value=count()');
    query.append('widget', 'element=table&search=true');
    const mounted = mountEmbed(root, `?${query}`);
    expect(mounted.element!.className).to.equal('culture-dashboard');
    expect([...mounted.element!.querySelectorAll('*')].map((el) => el.localName)).to.deep.equal(['culture-source', 'culture-filter', 'culture-filter', 'culture-kpi-row', 'culture-kpi', 'culture-table']);
    expect(mounted.element!.querySelector('culture-table')!.getAttribute('source')).to.equal('d');
    mounted.stop();
    query.append('widget', `element=map&mode=points&tiles=${encodeURIComponent('https://evil.example/{z}/{x}/{y}.png')}`);
    const refused = mountEmbed(root, `?${query}`);
    expect(refused.element).to.equal(undefined);
    expect(root.querySelector('[role="alert"]')!.textContent).to.contain('(evil.example)');
  });

  it('createWidget never parses markup', () => {
    const el = createWidget({ element: 'map', attributes: { label: '<b>x</b>' } });
    expect(el.localName).to.equal('culture-map');
    expect(el.getAttribute('label')).to.equal('<b>x</b>');
    expect(el.childNodes).to.have.length(0);
  });

  it('height=100000000 draws a chart at most 5,000 px tall, with a warning, instead of freezing the page', async function () {
    this.timeout(30000);
    // registered here, last: the tests above create charts they never mean to load
    await import('@culture-widgets/chart/culture-chart.js');
    const { portal, DATASETS } = await import('../../../test/helpers/portal.js');
    const p = await portal();
    const query = new URLSearchParams({ element: 'chart', dataset: DATASETS.museums, api: p.api, 'tabular-api': p.tabularApi, x: 'annee', y: 'total', height: '100000000' });
    const listed = Object.assign(document.createElement('meta'), { name: HOSTS_META, content: p.base }); // the deployment lists the portal
    document.head.append(listed);
    const warned = new Promise<CustomEvent>((resolve) => root.addEventListener('culture-warning', (e) => resolve(e as CustomEvent), { once: true }));
    const loaded = new Promise((resolve) => root.addEventListener('culture-load', resolve, { once: true }));
    const mounted = mountEmbed(root, `?${query}`);
    await loaded;
    expect((await warned).detail).to.include({ code: 'clamped', attribute: 'height', value: '100000000', accepted: '5000' });
    expect(root.firstElementChild!.shadowRoot!.querySelector('.view svg')!.getBoundingClientRect().height).to.be.at.most(5100);
    mounted.stop();
    listed.remove();
  });
});

describe('the resizer obeys only our embed pages', () => {
  const height = (frame: HTMLIFrameElement) => frame.style.height;

  it('ignores a frame that is not an embed page', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<script>parent.postMessage({ type: 'culture-widgets:height', height: 999 }, '*')</script>`;
    const posted = new Promise((resolve) => window.addEventListener('message', (e) => e.source === frame.contentWindow && resolve(e), { once: true }));
    document.body.append(frame);
    try {
      await posted;
      await new Promise((resolve) => setTimeout(resolve)); // the resizer's listener ran before ours returned
      expect(height(frame)).to.equal('');
    } finally {
      frame.remove();
    }
  });

  it('ignores an embed page whose frame now shows another origin', async () => {
    // an embed.html iframe on this origin, navigated to a page of another origin that posts a height
    const frame = document.createElement('iframe');
    frame.src = new URL('./embed/embed.html?element=nothing', import.meta.url).href;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    try {
      await loaded;
      // the real embed page sized its frame; that height is forgotten before it navigates
      await waitUntil(() => height(frame) !== '', 'the embed page was not resized');
      frame.style.height = '';
      const other = new URL('./embed/embed.html?element=nothing', import.meta.url);
      other.hostname = other.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
      const posted = new Promise<MessageEvent>((resolve) => {
        const listen = (e: MessageEvent) => {
          if (e.source !== frame.contentWindow || e.origin !== other.origin) return;
          window.removeEventListener('message', listen);
          resolve(e);
        };
        window.addEventListener('message', listen);
      });
      frame.contentWindow!.location.href = other.href;
      const message = await posted;
      expect(message.data.type).to.equal('culture-widgets:height');
      await new Promise((resolve) => setTimeout(resolve));
      expect(height(frame)).to.equal('');
    } finally {
      frame.remove();
    }
  });
});

describe('iframe snippet round trip', () => {
  /** The fixture page, on another origin: 127.0.0.1 when the tests run on localhost, and back. */
  function crossOriginBase(): string {
    const here = new URL('./embed/', new URL(import.meta.url));
    here.hostname = here.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    return here.href;
  }

  it('renders in a cross-origin iframe that the resizer sizes to its content', async () => {
    const { portal, DATASETS } = await import('../../../test/helpers/portal.js');
    const p = await portal();
    const config = { element: 'table' as const, attributes: { dataset: DATASETS.museums, 'page-size': '5', api: p.api, 'tabular-api': p.tabularApi } };
    const snippet = buildIframeSnippet(config, { embedBase: crossOriginBase(), title: 'Fréquentation' });
    // The host page: the snippet's iframe (the resizer is already imported above).
    const iframe = parseSnippet(snippet).querySelector('iframe')!;
    expect(new URL(iframe.src).origin).not.to.equal(location.origin);
    const heights: number[] = [];
    const listener = (e: MessageEvent) => e.source === iframe.contentWindow && heights.push(e.data.height);
    window.addEventListener('message', listener);
    document.body.append(iframe);
    try {
      expect(iframe.getAttribute('height')).to.equal('480');
      // The table inside reads its rows from the portal, then the page reports its new height.
      await waitUntil(async () => (await p.requests('/data/')).length > 0, 'the embedded table never asked for its rows', { timeout: 15000, interval: 100 });
      const last = () => heights[heights.length - 1] ?? 0;
      // Five rows, header, pager and source line: taller than the loading skeleton (~200 px).
      await waitUntil(() => last() > 300, `the embed never reported the table's height (${heights.join(', ')})`, { timeout: 15000 });
      await waitUntil(() => iframe.style.height === `${last()}px`, 'the resizer did not size the iframe');
      expect(iframe.getBoundingClientRect().height).to.be.closeTo(last(), 1);
    } finally {
      window.removeEventListener('message', listener);
      iframe.remove();
    }
  });
});
