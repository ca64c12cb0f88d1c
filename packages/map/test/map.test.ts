import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DATASETS, portal, type Portal } from '../../../test/helpers/portal.js';
import { keep, mountMap } from './mount.js';
import type { CultureMap } from '../src/map.js';
import type { CultureWarningDetail } from '@culture-widgets/ui';

declare global {
  interface Window {
    __xss?: boolean;
  }
}

let p: Portal;
before(async () => {
  p = await portal();
});

/** A map with tiles off, on this file's portal scope. */
const mount = (attrs: Record<string, string>) => mountMap(p, attrs);

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element, selector: string) => shadow(el).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const shown = (el: CultureMap) => el.drawnSummary.points + el.drawnSummary.clustered;

describe('<culture-map> points', () => {
  it('finds Latitude / Longitude columns and clusters the ~1,200 museums', async () => {
    const { el, event } = await mount({ dataset: DATASETS.museumList });
    expect(event.type).to.equal('culture-load');
    const rows = (event as CustomEvent & { detail: { rows: number } }).detail.rows;
    expect(rows).to.be.greaterThan(1000);
    // above 1,000 points: clustered by default, every point counted once
    expect(el.drawnSummary.clusters).to.be.greaterThan(0);
    expect(shown(el)).to.equal(rows);
    const badges = [...shadow(el).querySelectorAll('.cluster-badge')];
    expect(badges.length).to.equal(el.drawnSummary.clusters);
    expect(badges[0].closest('[role="button"]')?.getAttribute('aria-label')).to.match(/lieux : zoomer/);
    expect(text(el, 'details.features summary')).to.match(/Liste des lieux/);
    expect(text(el, '.citation')).to.match(/Source/);
  });

  it('cluster="false" draws every point, and zooming on a cluster splits it', async () => {
    const { el } = await mount({ dataset: DATASETS.museumList, cluster: 'false' });
    expect(el.drawnSummary.clusters).to.equal(0);
    expect(el.drawnSummary.points).to.be.greaterThan(1000);
    el.setAttribute('cluster', 'true');
    await el.updateComplete;
    const before = el.drawnSummary.clusters;
    expect(before).to.be.greaterThan(0);
    const badge = shadow(el).querySelector<HTMLElement>('.leaflet-marker-icon.cluster')!;
    badge.click();
    await waitUntil(() => el.drawnSummary.points > 0 || el.drawnSummary.clusters !== before, 'cluster did not split');
    expect(el.leafletMap!.getZoom()).to.be.greaterThan(5);
  });

  it('reads a single "lat,lon" column (festivals, a file with no tabular API)', async () => {
    const { el, event } = await mount({ dataset: DATASETS.festivals });
    expect(event.type, text(el, '[role="alert"]')).to.equal('culture-load');
    expect(shown(el)).to.be.greaterThan(0);
    const list = shadow(el).querySelectorAll('details.features li').length;
    expect(list).to.be.greaterThan(0);
  });

  it('places GeoJSON features and reports those without a geometry', async () => {
    const { el, event } = await mount({ dataset: DATASETS.places, label: 'nom' });
    expect(event.type, text(el, '[role="alert"]')).to.equal('culture-load');
    expect(shown(el)).to.equal(357);
    expect(text(el, '.notes')).to.match(/^3 lignes sans coordonnées valides ne sont pas placées sur la carte\./);
    const first = shadow(el).querySelector('details.features li button')!.textContent!;
    expect(first).to.match(/^(Musée|Théâtre|Cinéma|Bibliothèque|Conservatoire|Salle|Centre|Monument|Archives|Scène)/);
  });

  it('reads geo_point_2d arrays of a JSON export', async () => {
    const { el, event } = await mount({ dataset: DATASETS.monuments });
    expect(event.type, text(el, '[role="alert"]')).to.equal('culture-load');
    expect(shown(el)).to.be.greaterThan(0);
  });

  it('colours by category and sizes by value, with legends', async () => {
    const { el } = await mount({ dataset: DATASETS.places, color: 'type_equipement', size: 'fauteuils' });
    const legend = text(el, '.legend');
    // legend titles are readable names (`type_equipement` → « Type équipement »)
    expect(legend).to.contain('Type équipement').and.to.contain('Fauteuils');
    expect(legend).to.match(/Théâtre \(\d+\)/).and.to.match(/Autres \(\d+\)/);
    expect(shadow(el).querySelectorAll('.legend .swatch.dot').length).to.be.within(2, 8);
    expect(shadow(el).querySelectorAll('.legend .swatch.circle').length).to.be.greaterThan(0);
    expect(el.drawnSummary.clusters).to.equal(0);
  });

  it('opens a text popup and fires culture-select from the list of places', async () => {
    const { el } = await mount({ dataset: DATASETS.places, label: 'nom', popup: 'commune, type_equipement' });
    const button = shadow(el).querySelector<HTMLButtonElement>('details.features li button')!;
    const selected = new Promise<Event>((resolve) => el.addEventListener('culture-select', resolve, { once: true }));
    button.click();
    const event = (await selected) as Event & { detail: { row: Record<string, unknown>; values: Record<string, unknown> } };
    expect(event.detail.row.nom).to.equal(button.textContent);
    expect(event.detail.values).to.deep.equal({ nom: button.textContent });
    const popup = shadow(el).querySelector('.leaflet-popup-content .popup')!;
    expect(popup.querySelector('.popup-title')!.textContent).to.equal(button.textContent);
    expect([...popup.querySelectorAll('dt')].map((d) => d.textContent)).to.deep.equal(['Commune', 'Type équipement']);
  });

  it('lets the page scroll until the map is clicked', async () => {
    const { el } = await mount({ dataset: DATASETS.places });
    const map = el.leafletMap!;
    expect(map.scrollWheelZoom.enabled()).to.equal(false);
    map.fire('click');
    expect(map.scrollWheelZoom.enabled()).to.equal(true);
    map.fire('blur');
    expect(map.scrollWheelZoom.enabled()).to.equal(false);
  });

  it('says when tiles cannot load, and keeps the data on the map', async () => {
    const { el } = await mount({ dataset: DATASETS.places, tiles: `${p.base}/no-tiles-here/{z}/{x}/{y}.png` });
    await waitUntil(() => shadow(el).querySelector('.tiles-failed'), 'no tiles notice', { timeout: 10000 });
    expect(text(el, '.tiles-failed')).to.match(/fond de carte/);
    expect(shown(el)).to.equal(357);
    // under the map, not over the points; and no credit for tiles that never came
    expect(shadow(el).querySelector('.frame .tiles-failed')).to.equal(null);
    await el.updateComplete;
    expect(shadow(el).querySelector('.attribution')).to.equal(null);
  });

  it('heatmap: a density layer with its legend, never clustered', async () => {
    const { el } = await mount({ dataset: DATASETS.museumList, mode: 'heatmap' });
    expect(el.drawnSummary.clusters).to.equal(0);
    expect(el.drawnSummary.points).to.be.greaterThan(0);
    await waitUntil(() => text(el, '.legend').includes('Lieux par zone'), 'no density legend');
    expect(shadow(el).querySelectorAll('.legend .swatch').length).to.be.greaterThan(1);
  });

  it('draws territory outlines under the points and puts overseas places in insets', async () => {
    const { el } = await mount({ dataset: DATASETS.museumList, outline: 'region', boundaries: p.staticUrl('geo/{level}.geojson') });
    await waitUntil(() => el.shadowRoot!.querySelector('.inset-label'), 'no insets');
    const labels = [...shadow(el).querySelectorAll('.inset-label')].map((l) => l.textContent);
    expect(labels).to.deep.equal(['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']);
    // fetched once, lazily (points alone never fetch boundaries)
    await waitUntil(async () => (await p.requests('geo/regions.geojson')).length === 1, 'outlines not fetched', { timeout: 15000 });
  });

  it('keeps the inset names inside a narrow map', async () => {
    const { el } = await mount({ dataset: DATASETS.museumList, style: 'width: 360px' });
    await waitUntil(() => el.shadowRoot!.querySelector('.inset-label'), 'no insets');
    const box = el.leafletMap!.getContainer().getBoundingClientRect();
    for (const label of shadow(el).querySelectorAll('.inset-label')) {
      const r = label.getBoundingClientRect();
      expect(r.left, label.textContent!).to.be.at.least(box.left);
      expect(r.right, label.textContent!).to.be.at.most(box.right);
    }
  });

  it('fits a phone-width map: a shorter box, refitted when the width changes', async () => {
    const { el } = await mount({ dataset: DATASETS.museumList });
    const map = el.leafletMap!;
    const wide = map.getZoom();
    el.style.width = '375px';
    await waitUntil(() => map.getZoom() < wide, 'not refitted to the narrower box');
    const height = map.getContainer().getBoundingClientRect().height;
    expect(height).to.be.below(360);
    expect(height).to.be.at.least(240);
  });

  it('reaches cluster markers with the keyboard: Enter zooms in', async () => {
    const { el } = await mount({ dataset: DATASETS.museumList });
    const marker = shadow(el).querySelector<HTMLElement>('.leaflet-marker-icon.cluster')!;
    expect(marker.tabIndex).to.equal(0);
    const zoom = el.leafletMap!.getZoom();
    marker.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.leafletMap!.getZoom() > zoom, 'Enter did not zoom');
  });

  it('forgives case and accents in the column names it is given', async () => {
    const { el, event } = await mount({ dataset: DATASETS.museumList, lat: 'latitude', lon: 'LONGITUDE', label: 'nom officiel du musee', cluster: 'false' });
    expect(event.type, text(el, '[role="alert"]')).to.equal('culture-load');
    expect(shadow(el).querySelector('details.features li button')!.textContent).to.match(/musée|écomusée|Musée|maison/i);
  });

  it('names an unknown column in an error', async () => {
    const { el, event } = await mount({ dataset: DATASETS.places, color: 'nope' });
    expect(event.type).to.equal('culture-error');
    expect(text(el, '[role="alert"]')).to.contain('nope');
  });

  it('restyles with the theme without losing the view', async () => {
    const { el } = await mount({ dataset: DATASETS.places, tiles: 'none' });
    el.leafletMap!.setView([45, 4], 8, { animate: false });
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    expect(el.dataset.scheme).to.equal('dark');
    expect(el.leafletMap!.getZoom()).to.equal(8);
  });

  it('a category keeps its colour when the source filters change (colours follow the unfiltered data)', async () => {
    await import('@culture-widgets/source/culture-source.js');
    const source = document.createElement('culture-source') as HTMLElement & { setFilter(key: string, clauses: unknown[]): void };
    source.id = 'lieux-couleurs';
    source.setAttribute('dataset', DATASETS.places);
    source.setAttribute('api', p.api);
    source.setAttribute('tabular-api', p.tabularApi);
    document.body.append(source);
    keep(source);
    const { el } = await mount({ source: 'lieux-couleurs', color: 'type_equipement' });
    const colorOf = (value: string) =>
      [...shadow(el).querySelectorAll<HTMLElement>('.legend li')].find((li) => li.textContent!.startsWith(`${value} (`))?.querySelector<HTMLElement>('.swatch')?.style.background;
    const legend = () => [...shadow(el).querySelectorAll('.legend li')].map((li) => li.textContent!.trim());
    const before = colorOf('Monument');
    expect(before, legend().join(' | ')).to.be.a('string');
    const reloaded = new Promise((resolve) => el.addEventListener('culture-load', resolve, { once: true }));
    source.setFilter('type_equipement', [{ column: 'type_equipement', op: 'in', values: ['Monument', 'Archives'] }]);
    await reloaded;
    await el.updateComplete;
    expect(legend()).to.have.length(3); // the title and two categories
    expect(colorOf('Monument')).to.equal(before);
  });

  it('is accessible (axe)', async () => {
    const { el } = await mount({ dataset: DATASETS.places, color: 'type_equipement' });
    await expect(el).to.be.accessible();
  });
});

describe('<culture-map> French places', () => {
  it('open on metropolitan France with the overseas insets, not on the world, when a few places are far away', async () => {
    const q = await portal();
    const dataset = await (await fetch(`${q.api}/1/datasets/${DATASETS.places}/`)).json();
    // (no-store: the browser's cache would answer the map's own request without the fault)
    const geojson = await (await fetch(dataset.resources[0].url, { cache: 'no-store' })).json();
    const far = [[-149.57, -17.53, 'Papeete'], [166.45, -22.27, 'Nouméa'], [48.85, 2.35, 'latitude et longitude inversées']]
      .map(([lon, lat, nom]) => ({ type: 'Feature', properties: { nom }, geometry: { type: 'Point', coordinates: [lon, lat] } }));
    await q.fault({ match: 'lieux-culturels.geojson', status: 200, body: { ...geojson, features: [...geojson.features, ...far] } });
    const { el, event } = await mountMap(q, { dataset: DATASETS.places });
    expect(event.type, text(el, '[role="alert"]')).to.equal('culture-load');
    const map = el.leafletMap!;
    expect(map.getZoom()).to.be.at.least(4.5);
    const center = map.getCenter();
    expect(center.lat).to.be.within(42, 50);
    expect(center.lng).to.be.within(-6, 6);
    // the insets are drawn, the far places are still there, and the note says where they went
    expect([...shadow(el).querySelectorAll('.inset-label')].map((l) => l.textContent)).to.include('Guadeloupe');
    expect(text(el, '.notes')).to.contain('3 lieux hors de France métropolitaine et des départements d’outre-mer ne sont pas dans la vue de départ');
  });

  it('never write an inset name over a point, even on a phone', async () => {
    const { el } = await mount({ dataset: DATASETS.museumList, cluster: 'false' });
    el.style.width = '360px';
    await waitUntil(() => el.leafletMap!.getSize().x <= 360, 'not resized');
    el.leafletMap!.invalidateSize();
    const map = el.leafletMap!;
    const { insetPosition } = await import('../src/choropleth.js');
    const container = map.getContainer().getBoundingClientRect();
    const labels = [...shadow(el).querySelectorAll<HTMLElement>('.inset-label')].map((l) => l.getBoundingClientRect());
    expect(labels).to.have.length(5);
    const rows = (await (await fetch(`${p.tabularApi}/resources/c0ffee02-0000-4000-8000-000000000001/data/csv/`)).text()).trim().split('\n').slice(1);
    const covered: string[] = [];
    for (const line of rows) {
      const [lat, lon] = /"?(-?\d+\.\d+), (-?\d+\.\d+)"?/.exec(line)?.slice(1).map(Number) ?? [];
      if (lat === undefined) continue;
      const at = map.latLngToContainerPoint(insetPosition(lat, lon!));
      const x = container.left + at.x;
      const y = container.top + at.y;
      if (labels.some((r) => x >= r.left - 4 && x <= r.right + 4 && y >= r.top - 4 && y <= r.bottom + 4)) covered.push(`${lat}, ${lon}`);
    }
    expect(covered).to.deep.equal([]);
    // and every name is whole inside the map
    for (const r of labels) expect(r.left).to.be.at.least(container.left);
  });
});

describe('<culture-map> one way to write a cell, one list grammar, warnings', () => {
  it('a popup writes a year as 2019, never « 2 019 »; numbers keep their separators', async () => {
    const { el } = await mount({ dataset: DATASETS.monuments, label: 'monument', popup: "annee, 'frequentation'" });
    shadow(el).querySelector<HTMLButtonElement>('details.features li button')!.click();
    await waitUntil(() => shadow(el).querySelector('.leaflet-popup-content .popup'), 'no popup');
    const values = [...shadow(el).querySelectorAll('.leaflet-popup-content dd')].map((d) => d.textContent);
    expect([...shadow(el).querySelectorAll('.leaflet-popup-content dt')].map((d) => d.textContent)).to.deep.equal(['Année', 'Fréquentation']);
    expect(values[0]).to.match(/^20(19|2[0-2])$/);
    expect(values[1]).to.match(/^\d{1,3}([\u202f\u00a0 ]\d{3})+$/);
  });

  /** A map of `attrs` on the sample portal, once loaded, with the culture-warning details it fired. */
  async function warnedMap(attrs: Record<string, string>) {
    const warnings: CultureWarningDetail[] = [];
    const el = document.createElement('culture-map');
    el.addEventListener('culture-warning', (e) => warnings.push(e.detail));
    for (const [k, v] of Object.entries({ api: p.api, 'tabular-api': p.tabularApi, ...attrs })) el.setAttribute(k, v);
    el.style.width = '640px';
    const loaded = new Promise((resolve) => el.addEventListener('culture-load', resolve, { once: true }));
    document.body.append(el);
    keep(el);
    await loaded;
    await el.updateComplete;
    return { el, warnings };
  }

  it('aggregate without value is said (it applies to value); the areas count rows', async () => {
    const { warnings } = await warnedMap({
      dataset: DATASETS.spending, mode: 'choropleth', aggregate: 'mean', tiles: 'none', boundaries: p.staticUrl('geo/{level}.geojson'),
    });
    expect(warnings.map((w) => [w.attribute, w.value, w.message])).to.deep.equal([
      ['aggregate', 'mean', 'aggregate="mean" ignoré : il s’applique à value (exemple : value="total" aggregate="mean").'],
    ]);
  });

  it('size on a column without numbers: said (culture-warning), and points of one size drawn with no empty size legend', async () => {
    const { el, warnings } = await warnedMap({ dataset: DATASETS.museumList, size: 'Commune', filter: "'Région administrative' = Bretagne", tiles: 'none' });
    expect(warnings.map((w) => [w.attribute, w.value, w.message])).to.deep.equal([['size', 'Commune', 'size : « Commune » ne contient pas de nombres ; ignoré.']]);
    expect(text(el, '[part=warning]')).to.equal('size : « Commune » ne contient pas de nombres ; ignoré.');
    expect(shadow(el).querySelector('.legend-title')).to.equal(null);
    expect(el.drawnSummary.points).to.equal(61);
  });

  it('mode, cluster, level and tiles out of their set: said, and the default drawn', async () => {
    const { el, warnings } = await warnedMap({ dataset: DATASETS.places, mode: 'carte', cluster: 'parfois', tiles: 'google' });
    expect(warnings.map((w) => [w.attribute, w.value, w.accepted])).to.deep.include.members([['mode', 'carte', 'auto'], ['cluster', 'parfois', 'auto'], ['tiles', 'google', 'ign']]);
    expect(el.drawnSummary.points).to.be.greaterThan(300);
    expect(text(el, '[part=warning]')).to.contain('mode="carte"');
  });
});

describe('<culture-map> choropleth', () => {
  const spending = () => ({
    dataset: DATASETS.spending,
    code: 'Code département',
    value: 'Dépenses culturelles totales (€)',
    boundaries: p.staticUrl('geo/{level}.geojson'),
  });

  it('colours départements from their codes, with a legend and « pas de données »', async () => {
    const { el, event } = await mount(spending());
    expect(event.type, text(el, '[role="alert"]')).to.equal('culture-load');
    const paths = [...shadow(el).querySelectorAll<SVGPathElement>('path.area')];
    expect(paths.length).to.equal(101);
    const legend = [...shadow(el).querySelectorAll<HTMLElement>('.legend li')];
    // the value named as a chart names it: the column, then what is taken of it
    expect(legend[0].textContent).to.equal('Dépenses culturelles totales (€) (somme)');
    const swatches = legend.slice(1).map((li) => li.querySelector<HTMLElement>('.swatch')!.style.background);
    expect(swatches.length).to.equal(6);
    expect(legend.at(-1)!.textContent).to.contain('pas de données');
    // every area takes a legend colour (normalised to rgb() like the swatches)
    const probe = document.createElement('span');
    document.body.append(probe);
    const rgb = (c: string) => ((probe.style.color = c), getComputedStyle(probe).color);
    const legendColors = new Set(swatches.map(rgb));
    for (const path of paths) expect(legendColors.has(rgb(path.getAttribute('fill')!)), path.getAttribute('class')!).to.equal(true);
    // `2` in the file is département 02, coloured like data; some rows (01 among them) have no value
    const noData = rgb(swatches.at(-1)!);
    const aisne = shadow(el).querySelector('path.area-02')!;
    expect(rgb(aisne.getAttribute('fill')!)).to.not.equal(noData);
    expect(rgb(shadow(el).querySelector('path.area-01')!.getAttribute('fill')!)).to.equal(noData);
    expect(shadow(el).querySelector('path.area-2A')).to.exist;
    expect(shadow(el).querySelector('path.area-971')).to.exist;
    const noDataRows = [...shadow(el).querySelectorAll('details.features tbody tr')].filter((tr) => tr.textContent!.includes('pas de données'));
    for (const tr of noDataRows) {
      const code = tr.querySelector('td')!.textContent!;
      expect(rgb(shadow(el).querySelector(`path.area-${code}`)!.getAttribute('fill')!)).to.equal(noData);
    }
    probe.remove();
  });

  it('lists areas in a table and fires culture-select with the code', async () => {
    const { el } = await mount(spending());
    const rows = shadow(el).querySelectorAll('details.features tbody tr');
    expect(rows.length).to.equal(101);
    const selected = new Promise<Event>((resolve) => el.addEventListener('culture-select', resolve, { once: true }));
    rows[0].querySelector('button')!.click();
    const event = (await selected) as Event & { detail: { values: Record<string, unknown> } };
    expect(Object.keys(event.detail.values)).to.deep.equal(['Code département']);
    expect(shadow(el).querySelector('.leaflet-popup-content .popup-title')!.textContent).to.equal(rows[0].querySelector('button')!.textContent);
  });

  it('counts rows per région when no value is given', async () => {
    const { el, event } = await mount({ dataset: DATASETS.places, code: 'code_region', boundaries: p.staticUrl('geo/{level}.geojson') });
    expect(event.type, text(el, '[role="alert"]')).to.equal('culture-load');
    expect(shadow(el).querySelectorAll('path.area').length).to.equal(18);
    expect(text(el, '.legend')).to.contain('Nombre de lignes');
  });

  it('is accessible (axe)', async () => {
    const { el } = await mount(spending());
    await expect(el).to.be.accessible();
  });

  it('loads boundaries through core: a 503 is retried, two maps share one download', async () => {
    const boundaries = `${p.staticUrl('geo/{level}.geojson')}?shared`;
    await p.fault({ match: 'departements.geojson?shared', status: 503, retryAfter: 0, times: 1 });
    const [a, b] = await Promise.all([mount({ ...spending(), boundaries }), mount({ ...spending(), boundaries })]);
    expect([a.event.type, b.event.type]).to.deep.equal(['culture-load', 'culture-load']);
    const asked = (await p.requests('departements.geojson')).filter((r) => r.query === 'shared');
    expect(asked.map((r) => r.status)).to.deep.equal([503, 200]);
  });

  it('shows an error when the boundaries cannot be loaded', async () => {
    const { el, event } = await mount({ ...spending(), boundaries: p.staticUrl('geo/nope-{level}.geojson') });
    expect(event.type).to.equal('culture-error');
    expect(text(el, '[role="alert"]')).to.match(/contours/);
  });
});

describe('<culture-map> hostile data and states', () => {
  it('keeps hostile labels, popups and legends inert', async () => {
    window.__xss = undefined;
    const { el, event } = await mount({ dataset: DATASETS.hostile, cluster: 'true' });
    expect(event.type, text(el, '[role="alert"]')).to.equal('culture-load');
    expect(el.drawnSummary.clusters).to.be.greaterThan(0);
    expect(shadow(el).querySelectorAll('details.features li button').length).to.equal(40);
    for (const button of shadow(el).querySelectorAll<HTMLButtonElement>('details.features li button')) button.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('.leaflet-popup-content')!.textContent).to.match(/<svg|<img|window\.__xss/);
    expect(shadow(el).querySelector('.leaflet-popup-content img, .leaflet-popup-content svg, .leaflet-popup-content script')).to.equal(null);
    expect(window.__xss).to.equal(undefined);
  });

  it('keeps a hostile category legend inert', async () => {
    window.__xss = undefined;
    const { el } = await mount({ dataset: DATASETS.hostile, color: 'région <img src=x onerror="window.__xss=true">' });
    expect(text(el, '.legend')).to.contain('<img src=x onerror="window.__xss=true">');
    expect(shadow(el).querySelector('.legend img')).to.equal(null);
    expect(window.__xss).to.equal(undefined);
  });

  it('shows a skeleton while loading, then the map', async () => {
    await p.fault({ match: '/datasets/', latency: 400, times: 1 });
    const el = document.createElement('culture-map');
    Object.entries({ api: p.api, 'tabular-api': p.tabularApi, tiles: 'none', dataset: DATASETS.places }).forEach(([k, v]) => el.setAttribute(k, v));
    const loaded = new Promise((resolve) => el.addEventListener('culture-load', resolve, { once: true }));
    document.body.append(el);
    keep(el);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="loading"]')).to.exist;
    await loaded;
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="loading"]')).to.equal(null);
    expect(shadow(el).querySelector('.leaflet-container')).to.exist;
  });

  it('shows an error for a deleted resource', async () => {
    const { el, event } = await mount({ dataset: DATASETS.deleted });
    expect(event.type).to.equal('culture-error');
    expect(shadow(el).querySelector('[role="alert"]')).to.exist;
  });

  it('says when no column holds coordinates', async () => {
    const { el, event } = await mount({ dataset: DATASETS.museums, mode: 'points' });
    expect(event.type).to.equal('culture-error');
    expect(text(el, '[role="alert"]')).to.match(/Aucune colonne de coordonnées/);
    await expect(el).to.be.accessible();
  });

  it('shows the empty state when the filter matches nothing', async () => {
    const { el, event } = await mount({ dataset: DATASETS.places, filter: 'nom = personne' });
    expect(event.type, JSON.stringify((event as CustomEvent).detail)).to.equal('culture-load');
    expect(shadow(el).querySelector('[part="empty"]')).to.exist;
    expect(shadow(el).querySelector('.leaflet-container')).to.equal(null);
  });

  it('an empty result is one culture-load with 0 rows, with the closest real values (file path)', async () => {
    const loads: number[] = [];
    const listen = (e: Event) => loads.push((e as CustomEvent).detail.rows);
    document.addEventListener('culture-load', listen);
    try {
      const { el, event } = await mount({ dataset: DATASETS.places, filter: 'region = bretagnee' });
      expect(event.type).to.equal('culture-load');
      expect(text(el, '[part="empty"]')).to.match(/^Aucune ligne pour region = bretagnee\. Valeurs proches : Bretagne \(\d+\)$/);
      await el.updateComplete;
      expect(loads).to.deep.equal([0]);
    } finally {
      document.removeEventListener('culture-load', listen);
    }
  });

  it('asks for a source when none is given', async () => {
    const el = document.createElement('culture-map');
    document.body.append(el);
    keep(el);
    await waitUntil(() => shadow(el).querySelector('[part="notice"]'), 'no notice');
    expect(text(el, '[part="notice"]')).to.match(/Aucune donnée/);
  });

  it('removes the Leaflet map on disconnect, and draws again when put back', async () => {
    const { el } = await mount({ dataset: DATASETS.places });
    expect(el.leafletMap).to.exist;
    const container = shadow(el).querySelector('.map')!;
    el.remove();
    expect(el.leafletMap).to.equal(undefined);
    expect(container.querySelector('.leaflet-pane')).to.equal(null);
    document.body.append(el);
    await waitUntil(() => el.leafletMap, 'not drawn again');
    expect(shown(el)).to.equal(357);
  });

  it('speaks English with lang="en"', async () => {
    const { el } = await mount({ dataset: DATASETS.places, lang: 'en' });
    expect(text(el, '.notes')).to.match(/^3 rows without valid coordinates are not on the map\./);
    expect(text(el, 'details.features summary')).to.match(/List of places/);
  });
});
