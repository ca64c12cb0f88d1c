/**
 * An element removed from the page while it loads stops everything it started: tabular requests,
 * file downloads, boundaries, the builder's lookups. Counted on the sample portal: after removal,
 * no request of the scope is still open.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../packages/culture-widgets/src/index.js';
import { DATASETS, RESOURCES, portal, type Portal, type PortalRequest } from '../helpers/portal.js';

const open = async (...portals: Portal[]): Promise<string[]> =>
  (await Promise.all(portals.map((p) => p.requests((r: PortalRequest) => r.open)))).flat().map((r) => `${r.path}?${r.query}`);

/**
 * The browser opens at most 6 connections per host: the widgets waiting on `127.0.0.1` would
 * starve the others. `localhost` reaches the same portal through another pool.
 */
const otherHost = (url: string): string => url.replace('//127.0.0.1:', '//localhost:');

function element(tag: string, p: Portal, attrs: Record<string, string>, host = (url: string) => url): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries({ api: host(p.api), 'tabular-api': host(p.tabularApi), ...attrs })) el.setAttribute(name, value);
  return el;
}

describe('removed while loading', function () {
  this.timeout(40000);

  it('a table, a chart, a map, a filter and the builder leave no request open on the portal', async () => {
    const slow = await portal(); // catalogue and profiles at once; rows wait, files trickle
    await slow.fault({ match: '/static/', trickle: 20000 });
    await slow.fault({ match: '/data/', latency: 20000 });
    const geo = await portal(); // data at once, boundaries slow
    await geo.fault({ match: 'geo/', trickle: 20000 });
    const lookup = await portal(); // the builder's catalogue lookup waits
    await lookup.fault({ match: `/api/1/datasets/${DATASETS.museumList}/`, latency: 20000 });

    const box = document.createElement('div');
    document.body.append(box);
    const source = element('culture-source', slow, { id: 'slow-source', dataset: DATASETS.museums });
    const filter = document.createElement('culture-filter');
    filter.setAttribute('source', 'slow-source');
    filter.setAttribute('column', 'region');
    const builder = element('culture-builder', lookup, {}, otherHost) as HTMLElement & { restoreFrom(search: string): void };
    box.append(
      element('culture-table', slow, { dataset: DATASETS.museums }),
      element('culture-chart', slow, { dataset: DATASETS.festivals, x: 'Discipline dominante', aggregate: 'count' }),
      element('culture-map', slow, { dataset: DATASETS.places, tiles: 'none' }),
      element('culture-map', geo, { dataset: DATASETS.spending, tiles: 'none', boundaries: otherHost(geo.staticUrl('geo/{level}.geojson')) }, otherHost),
      source,
      filter,
      builder,
    );
    await customElements.whenDefined('culture-builder'); // the umbrella loads each element as its tag appears
    builder.restoreFrom(`?element=table&dataset=${DATASETS.museumList}`);

    // everything is on its way: the tabular API, file downloads, the boundaries, the builder's lookup
    const started = [`${RESOURCES.museums}/data/`, 'lieux-culturels.geojson', 'festivals-global', 'geo/departements', `/api/1/datasets/${DATASETS.museumList}/`];
    const seen = async () => (await Promise.all([slow, geo, lookup].map((p) => p.requests()))).flat().map((r) => r.path);
    await waitUntil(async () => {
      const paths = await seen();
      return started.every((part) => paths.some((path) => path.includes(part)));
    }, 'not everything started', { timeout: 15000, interval: 100 }).catch(async (error) => {
      throw new Error(`${String(error)}: ${JSON.stringify(await seen())}`);
    });
    expect((await open(slow, geo, lookup)).length).to.be.above(4);

    box.remove();
    await waitUntil(async () => (await open(slow, geo, lookup)).length === 0, undefined, { timeout: 5000, interval: 100 }).catch(() => undefined);
    expect(await open(slow, geo, lookup)).to.deep.equal([]);
  });
});

describe('put back in the page', function () {
  this.timeout(30000);

  it('a table removed while loading loads again when it comes back; one moved while loading just goes on', async () => {
    const p = await portal();
    await p.fault({ match: '/data/', latency: 1500, times: 1 });
    const table = element('culture-table', p, { dataset: DATASETS.museums });
    const loaded = () => new Promise<CustomEvent>((resolve) => table.addEventListener('culture-load', (e) => resolve(e as CustomEvent), { once: true }));
    const first = document.createElement('div');
    const second = document.createElement('div');
    document.body.append(first, second);
    try {
      first.append(table);
      await waitUntil(async () => (await p.requests('/data/')).length === 1, 'no request', { timeout: 10000 });
      table.remove();
      await waitUntil(async () => (await p.requests((r) => r.open)).length === 0, 'still open', { timeout: 5000 });
      let done = loaded();
      second.append(table);
      expect((await done).detail.rows).to.equal(20);
      expect(await p.requests('/data/')).to.have.length(2); // the aborted one, then a new one

      // moved in one go (removed and appended in the same turn): nothing is aborted
      await p.fault({ match: '/data/', latency: 800, times: 1 });
      done = loaded();
      table.setAttribute('filter', 'annee = 2020');
      await waitUntil(async () => (await p.requests('annee__exact')).length === 1, 'no request', { timeout: 10000 });
      first.append(table);
      expect((await done).detail.rows).to.equal(20);
      expect((await p.requests('annee__exact')).map((r) => r.status)).to.deep.equal([200]);
    } finally {
      first.remove();
      second.remove();
    }
  });
});
