/**
 * The sample portal answers like data.gouv.fr, seen from a real browser (so CORS is real too).
 * Every test works in its own scope (`portal()`), so request counts and faults stay its own.
 */
import { expect } from '@open-wc/testing';
import { CULTURE_ORG, DATASETS, DATASET_IDS, RESOURCES, portal } from '../helpers/portal.js';
import type { Portal } from '../helpers/portal.js';

type Json = Record<string, any>;

const MUSEUM_ROWS = 13332; // 1,212 museums × 11 years
const getJson = async (url: string): Promise<{ status: number; body: Json; res: Response }> => {
  const res = await fetch(url);
  return { status: res.status, body: await res.json(), res };
};

describe('sample portal: udata', () => {
  let p: Portal;
  beforeEach(async () => { p = await portal(); });

  it('serves a dataset by slug and by id, with real-looking metadata', async () => {
    const { status, body } = await getJson(`${p.api}/1/datasets/${DATASETS.museums}/`);
    expect(status).to.equal(200);
    expect(body.id).to.equal(DATASET_IDS.museums);
    expect(body.page).to.equal(`https://www.data.gouv.fr/fr/datasets/${DATASETS.museums}/`);
    expect(body.license).to.equal('lov2');
    expect(body.organization).to.include({ id: '534fff91a3a7292c64a77f73', name: 'Ministère de la Culture' });
    const main = body.resources.find((r: Json) => r.id === RESOURCES.museums);
    expect(main.extras['analysis:parsing:parsing_table']).to.match(/^[0-9a-f]{32}$/);
    expect(main.extras['check:status']).to.equal(200);
    expect(main.url.startsWith(`${p.base}/s/${p.scope}/static/`), main.url).to.equal(true);
    expect(main.latest).to.equal(`${p.api}/1/datasets/r/${RESOURCES.museums}`);
    const notice = body.resources.find((r: Json) => r.id === RESOURCES.museumsNotice);
    expect(notice.extras).not.to.have.property('analysis:parsing:parsing_table');

    const byId = await getJson(`${p.api}/1/datasets/${DATASET_IDS.museums}/`);
    expect(byId.body.slug).to.equal(DATASETS.museums);
  });

  it('redirects an old slug to the current one', async () => {
    const res = await fetch(`${p.api}/1/datasets/${DATASETS.museumsOldSlug}/`);
    expect(res.redirected).to.equal(true);
    expect(res.url).to.equal(`${p.api}/1/datasets/${DATASETS.museums}/`);
    expect((await res.json()).slug).to.equal(DATASETS.museums);
    expect((await p.requests((r) => r.path === `/api/1/datasets/${DATASETS.museumsOldSlug}/`)).map((r) => r.status)).to.deep.equal([301]);
  });

  it('answers 404 JSON for an unknown dataset and 410 for a deleted one', async () => {
    const missing = await getJson(`${p.api}/1/datasets/nope/`);
    expect(missing).to.deep.include({ status: 404, body: { message: 'Not found' } });
    const gone = await getJson(`${p.api}/1/datasets/${DATASETS.deleted}/`);
    expect(gone.status).to.equal(410);
  });

  it('searches with AND of words, accents ignored, and pages with absolute links', async () => {
    const { body } = await getJson(`${p.api}/1/datasets/?q=${encodeURIComponent('musées France')}&page_size=1`);
    expect(body.total).to.be.greaterThan(1);
    expect(body.page_size).to.equal(1);
    expect(body.next_page).to.equal(`${p.api}/1/datasets/?q=mus%C3%A9es+France&page_size=1&page=2`);
    expect(body.previous_page).to.equal(null);
    const slugs = (await getJson(`${p.api}/1/datasets/?q=musees+localisation`)).body.data.map((d: Json) => d.slug);
    expect(slugs).to.deep.equal([DATASETS.museumList]);
    expect((await getJson(`${p.api}/1/datasets/?q=zzzz`)).body.total).to.equal(0);
    const culture = await getJson(`${p.api}/1/datasets/?organization=534fff91a3a7292c64a77f73&page_size=50`);
    expect(culture.body.data.map((d: Json) => d.slug)).to.include(DATASETS.ticketing).and.not.include(DATASETS.spending);
  });

  it('serves API v2: datasets with resource links, resources with their dataset id', async () => {
    const v2 = await getJson(`${p.api}/2/datasets/${DATASETS.museums}/`);
    expect(v2.body.resources).to.include({ rel: 'subsection', total: 2 });
    const { body } = await getJson(`${p.api}/2/datasets/resources/${RESOURCES.festivals}/`);
    expect(body.dataset_id).to.equal(DATASET_IDS.festivals);
    expect(body.resource.format).to.equal('csv');
    expect(body.resource.extras).not.to.have.property('analysis:parsing:parsing_table');
  });

  it('redirects /datasets/r/{rid} (302) to the file, and lists the licences', async () => {
    const res = await fetch(`${p.api}/1/datasets/r/${RESOURCES.spending}`);
    expect(res.redirected).to.equal(true);
    expect(res.url).to.match(/\/static\/resources\/depenses-culturelles-des-departements\//);
    expect((await p.requests(`/r/${RESOURCES.spending}`))[0].status).to.equal(302);
    const licenses = (await getJson(`${p.api}/1/datasets/licenses/`)).body.map((l: Json) => l.id);
    expect(licenses).to.include.members(['lov2', 'fr-lo', 'odc-odbl', 'notspecified']);
  });

  it('serves the hostile dataset with payloads in every text, and organisations', async () => {
    const { body } = await getJson(`${p.api}/1/datasets/${DATASETS.hostile}/`);
    expect(body.title).to.include('onerror="window.__xss=true"');
    expect(body.organization.page).to.match(/^javascript:/);
    const profile = (await getJson(`${p.tabularApi}/resources/${RESOURCES.hostile}/profile/`)).body.profile;
    expect(profile.header.every((name: string) => /[<'"]/.test(name)), profile.header.join(' | ')).to.equal(true);
    const org = await getJson(`${p.api}/1/organizations/${CULTURE_ORG}/`);
    expect(org.body).to.include({ slug: 'ministere-de-la-culture-et-de-la-communication', url: 'https://www.culture.gouv.fr' });
  });

  it('writes CORS check extras: allowed for the ODS export, absent for the no-CORS host', async () => {
    const monuments = (await getJson(`${p.api}/1/datasets/${DATASETS.monuments}/`)).body.resources[0];
    expect(monuments.filetype).to.equal('remote');
    expect(monuments.extras['check:cors:allow-origin']).to.equal('*');
    const noCors = (await getJson(`${p.api}/1/datasets/${DATASETS.noCors}/`)).body.resources[0];
    expect(noCors.url.startsWith(p.remote)).to.equal(true);
    expect(noCors.extras).to.have.property('check:cors:status');
    expect(noCors.extras).not.to.have.property('check:cors:allow-origin');
  });
});

describe('sample portal: tabular API', () => {
  let p: Portal;
  let data: (query: string, rid?: string) => Promise<{ status: number; body: Json }>;
  const total = async (query: string) => (await data(query)).body.meta.total as number;
  beforeEach(async () => {
    p = await portal();
    data = async (query, rid = RESOURCES.museums) => {
      const { status, body } = await getJson(`${p.tabularApi}/resources/${rid}/data/?${query}`);
      return { status, body };
    };
  });

  it('describes a resource and its csv-detective profile', async () => {
    const meta = await getJson(`${p.tabularApi}/resources/${RESOURCES.museums}/`);
    expect(meta.body.links.map((l: Json) => l.rel)).to.deep.equal(['profile', 'data', 'swagger']);
    const { body } = await getJson(`${p.tabularApi}/resources/${RESOURCES.museums}/profile/`);
    expect(body.dataset_id).to.equal(DATASET_IDS.museums);
    expect(body.profile.header[0]).to.equal('IDPatrimostat');
    expect(body.profile.columns.annee).to.deep.equal({ python_type: 'int', format: 'year', score: 1.25 });
    expect(body.profile.columns.codeInseeCommune.python_type).to.equal('string');
    expect(body.profile.profile.annee).to.include({ min: '2014', max: '2024', nb_distinct: 11 });
    expect(body.profile.profile.total.nb_missing_values).to.be.greaterThan(0);
    expect(body.profile.categorical).to.include('annee');
    expect(body.profile).to.include({ separator: ';', encoding: 'utf-8', total_lines: MUSEUM_ROWS });
  });

  it('pages with meta, links, 1-based __id and typed values', async () => {
    const { body } = await data('');
    expect(body.meta).to.deep.equal({ page: 1, page_size: 20, total: MUSEUM_ROWS });
    expect(body.data).to.have.length(20);
    expect(body.data[0].__id).to.equal(1);
    expect(body.data[0].annee).to.equal(2014);
    expect(body.data[0].codeInseeCommune).to.be.a('string');
    expect(body.links.prev).to.equal(null);
    expect(body.links.next).to.equal(`${p.tabularApi}/resources/${RESOURCES.museums}/data/?page=2&page_size=20`);
    const list = (await data('page_size=1', RESOURCES.museumList)).body.data[0];
    expect(list['Date arrêté attribution appellation']).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(list.Latitude).to.be.a('number');
    expect(list['Code Postal']).to.match(/^\d{5}$/);
  });

  it('implements every filter operator', async () => {
    const year = 1212;
    expect(await total('annee__exact=2020')).to.equal(year);
    expect(await total('annee__differs=2020')).to.equal(MUSEUM_ROWS - year);
    expect(await total('annee__in=2019,2020')).to.equal(2 * year);
    expect(await total('annee__notin=2019,2020')).to.equal(MUSEUM_ROWS - 2 * year);
    expect(await total('annee__less=2015')).to.equal(2 * year);
    expect(await total('annee__strictly_less=2015')).to.equal(year);
    expect(await total('annee__greater=2023')).to.equal(2 * year);
    expect(await total('annee__strictly_greater=2023')).to.equal(year);
    const nulls = await total('total__isnull');
    expect(nulls).to.be.greaterThan(0);
    expect(await total('total__isnotnull')).to.equal(MUSEUM_ROWS - nulls);
    const bretagne = (await data('region__contains=bretagne&page_size=200')).body.data.map((r: Json) => r.region);
    expect(new Set(bretagne)).to.include('BRETAGNE').and.include('Bretagne');
    expect(await total('region__contains=bretagne') + await total('region__notcontains=bretagne')).to.equal(MUSEUM_ROWS);
    expect(await total('or=(annee__exact.2014,annee__exact.2024)')).to.equal(2 * year);
    expect(await total('or=(annee__exact.2014,and(annee__exact.2024,total__isnull))')).to.be.within(year + 1, 2 * year - 1);
  });

  it('returns only the requested columns, without __id', async () => {
    const { body } = await data('columns=nom_du_musee,total&page_size=1');
    expect(Object.keys(body.data[0])).to.deep.equal(['nom_du_musee', 'total']);
  });

  it('sorts NULLs first on desc and last on asc, like PostgreSQL', async () => {
    const desc = (await data('total__sort=desc&page_size=5')).body.data.map((r: Json) => r.total);
    expect(desc).to.deep.equal([null, null, null, null, null]);
    const top = (await data('total__sort=desc&total__isnotnull&page_size=3')).body.data.map((r: Json) => r.total);
    expect(top[0]).to.be.a('number');
    expect(top).to.deep.equal([...top].sort((a, b) => b - a));
    const asc = (await data('total__sort=asc&page_size=3')).body.data.map((r: Json) => r.total);
    expect(asc[0]).to.be.a('number');
    expect(asc[0]).to.be.at.most(asc[1]);
  });

  it('refuses page sizes above 200 and malformed queries with the real JSON errors', async () => {
    expect((await data('page_size=200')).status).to.equal(200);
    expect(await data('page_size=201')).to.deep.equal({
      status: 400,
      body: { errors: [{ code: null, title: 'Invalid query string', detail: 'Page size exceeds allowed maximum: 200' }] },
    });
    const unknown = await data('limit=1');
    expect(unknown.status).to.equal(400);
    expect(unknown.body.errors[0].detail).to.equal("Malformed query: argument 'limit=1' could not be parsed");
    const twoEquals = await data('nom_du_musee__exact=a=b');
    expect(twoEquals.status).to.equal(400);
    expect(twoEquals.body.errors[0].detail).to.equal("Malformed query: argument 'nom_du_musee__exact=a=b' could not be parsed");
  });

  it('aggregates where allowed, answers 403 elsewhere', async () => {
    const { body } = await data('annee__groupby&total__sum&page_size=50');
    expect(body.data).to.have.length(11);
    expect(Object.keys(body.data[0])).to.deep.equal(['annee', 'total__sum']);
    expect(body.meta).not.to.have.property('total');
    expect(body.data[0].total__sum).to.be.greaterThan(1000);
    const refused = await data('Commune__groupby&Latitude__avg', RESOURCES.museumList);
    expect(refused).to.deep.equal({
      status: 403,
      body: { errors: [{ code: null, title: 'Unauthorized parameters', detail: `Aggregation parameters \`groupby\`, \`avg\` are not allowed for resource '${RESOURCES.museumList}'` }] },
    });
  });

  it('passes PostgREST errors through with an object detail', async () => {
    const { status, body } = await data('nombre_piscines__exact=1');
    expect(status).to.equal(400);
    expect(body.errors[0].title).to.equal('Database error');
    expect(body.errors[0].detail).to.include({ code: '42703', details: null, hint: null });
    expect(body.errors[0].detail.message).to.match(/^column [0-9a-f]{32}\.nombre_piscines does not exist$/);
    expect((await data('annee__exact=deux-mille')).body.errors[0].detail.code).to.equal('22P02');
  });

  it('leaves links.next un-encoded, as the real service does', async () => {
    const { body } = await data(`region__exact=${encodeURIComponent('Île-de-France')}&page_size=10`);
    expect(body.meta.total).to.be.greaterThan(10);
    expect(body.links.next).to.equal(`${p.tabularApi}/resources/${RESOURCES.museums}/data/?region__exact=Île-de-France&page=2&page_size=10`);
  });

  it('answers plain-text 404 for unknown resources and 410 for deleted ones', async () => {
    for (const rid of ['00000000-0000-4000-8000-000000000000', RESOURCES.festivals]) {
      const res = await fetch(`${p.tabularApi}/resources/${rid}/data/`);
      expect(res.status).to.equal(404);
      expect(await res.text()).to.equal('404: Not Found');
    }
    const gone = await fetch(`${p.tabularApi}/resources/${RESOURCES.deleted}/profile/`);
    expect(gone.status).to.equal(410);
    expect(await gone.text()).to.match(/^Resource c0ffee10-.* has been permanently deleted on /);
  });

  it('exports CSV with the same filters, refused above 50,000 rows', async () => {
    const res = await fetch(`${p.tabularApi}/resources/${RESOURCES.museums}/data/csv/?annee__exact=2020`);
    expect(res.headers.get('content-disposition')).to.equal(`attachment; filename="${RESOURCES.museums}.csv"`);
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0].startsWith('__id,IDPatrimostat,IDMuseofile,region')).to.equal(true);
    expect(lines).to.have.length(1213);
    const big = await getJson(`${p.tabularApi}/resources/${RESOURCES.ticketing}/data/csv/`);
    expect(big.status).to.equal(403);
    expect(big.body.errors[0].title).to.equal('Output is too long');
  });

  it('serves the 500,000-row resource', async () => {
    const { body } = await data('page_size=1', RESOURCES.ticketing);
    expect(body.meta.total).to.equal(500000);
    const sorted = await data('recette__sort=desc&recette__isnotnull&page_size=2', RESOURCES.ticketing);
    expect(sorted.body.data[0].recette).to.be.at.least(sorted.body.data[1].recette);
  });
});

describe('sample portal: files', () => {
  let p: Portal;
  beforeEach(async () => { p = await portal(); });
  const bytesOf = async (slug: string) => {
    const dataset = (await getJson(`${p.api}/1/datasets/${slug}/`)).body;
    const res = await fetch(dataset.resources[0].url);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).to.equal(bytes.length);
    expect(dataset.resources[0].filesize).to.equal(bytes.length);
    return bytes;
  };

  it('keeps the byte-level traps: BOM, double BOM + CRLF, windows-1252', async () => {
    const list = await bytesOf(DATASETS.museumList);
    expect([...list.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const festivals = await bytesOf(DATASETS.festivals);
    expect([...festivals.slice(0, 6)]).to.deep.equal([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(festivals)).to.include('\r\n').and.include("N° d'édition");
    const spending = await bytesOf(DATASETS.spending);
    expect(spending.includes(0x80), '€ as windows-1252').to.equal(true);
    const text = new TextDecoder('windows-1252').decode(spending);
    expect(text.split('\r\n')[0]).to.include('Dépenses culturelles totales (€)').and.include('Acquisitions d’œuvres (€)');
    expect(text).to.match(/\n1;Ain;/);
  });

  it('serves the GeoJSON, the ODS-style JSON and the generated boundaries', async () => {
    const places = JSON.parse(new TextDecoder().decode(await bytesOf(DATASETS.places)));
    expect(places.type).to.equal('FeatureCollection');
    expect(places.features[0].geometry.coordinates).to.have.length(2);
    const monuments = JSON.parse(new TextDecoder().decode(await bytesOf(DATASETS.monuments)));
    expect(monuments[0].geo_point_2d[0]).to.be.within(40, 52); // [lat, lon]
    const regions = await fetch(p.staticUrl('geo/regions.geojson'));
    expect(regions.status).to.equal(200);
    expect((await regions.json()).type).to.equal('FeatureCollection');
  });

  it('hosts a file without CORS: the browser cannot read it', async () => {
    const url = (await getJson(`${p.api}/1/datasets/${DATASETS.noCors}/`)).body.resources[0].url;
    let error: unknown;
    await fetch(url).catch((e) => { error = e; });
    expect(error).to.be.instanceOf(TypeError);
    expect((await p.requests((r) => r.host === 'remote'))[0]).to.include({ method: 'GET', status: 200 });
  });
});

describe('sample portal: faults and scopes', () => {
  let p: Portal;
  const url = () => `${p.api}/1/datasets/${DATASETS.museums}/`;
  beforeEach(async () => { p = await portal(); });

  it('injects a status with Retry-After, a given number of times', async () => {
    await p.fault({ match: DATASETS.museums, status: 503, retryAfter: 2, times: 1 });
    const first = await fetch(url());
    expect(first.status).to.equal(503);
    expect(first.headers.get('retry-after')).to.equal('2');
    expect((await fetch(url())).status).to.equal(200);
    await p.fault({ match: '/data/', status: 429, retryAfter: 1 });
    const limited = await fetch(`${p.tabularApi}/resources/${RESOURCES.museums}/data/`);
    expect(limited.status).to.equal(429);
    expect(limited.headers.get('retry-after')).to.equal('1');
    await p.clearFaults();
    expect((await fetch(`${p.tabularApi}/resources/${RESOURCES.museums}/data/`)).status).to.equal(200);
  });

  it('adds latency', async () => {
    await p.fault({ match: DATASETS.museums, latency: 300 });
    const start = performance.now();
    expect((await fetch(url())).status).to.equal(200);
    expect(performance.now() - start).to.be.at.least(290);
  });

  it('hangs until the client aborts', async () => {
    await p.fault({ match: DATASETS.museums, hang: true });
    const controller = new AbortController();
    const pending = fetch(url(), { signal: controller.signal }).then(() => 'answered', (e: Error) => e.name);
    // abort once the portal holds the request
    for (let i = 0; i < 100 && (await p.requests(DATASETS.museums)).length === 0; i++) {
      await new Promise(requestAnimationFrame);
    }
    controller.abort();
    expect(await pending).to.equal('AbortError');
  });

  it('truncates a body mid-way', async () => {
    await p.fault({ match: DATASETS.museums, truncate: true });
    const res = await fetch(url());
    expect(res.status).to.equal(200);
    let error: unknown;
    await res.text().catch((e) => { error = e; });
    expect(error).to.be.instanceOf(TypeError);
  });

  it('keeps request logs and faults per scope', async () => {
    const other = await portal();
    await other.fault({ match: '', status: 500 });
    await fetch(url());
    await fetch(`${p.tabularApi}/resources/${RESOURCES.museums}/data/?page=2`);
    const mine = await p.requests();
    expect(mine.map((r) => r.path)).to.deep.equal([`/api/1/datasets/${DATASETS.museums}/`, `/tabular/api/resources/${RESOURCES.museums}/data/`]);
    expect(mine[1]).to.include({ method: 'GET', query: 'page=2', status: 200 });
    expect(await other.requests()).to.deep.equal([]);
    expect((await fetch(`${other.api}/1/datasets/licenses/`)).status).to.equal(500);
  });
});
