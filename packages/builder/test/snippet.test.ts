import { expect } from '@open-wc/testing';
import type { ColumnInfo } from '@culture-widgets/core';
import {
  DEFAULT_CDN_BASE,
  buildIframeSnippet,
  buildShareLink,
  buildSnippet,
  cultureFirst,
  readableResources,
  defaultsFromProfile,
  elementFor,
  escapeAttribute,
  optionKey,
  optionWords,
  optionsOf,
  parseEmbedParams,
  buildDashboardHtml,
  sourceId,
  type DashboardConfig,
  type WidgetConfig,
} from '../src/index.js';
import { parseSnippet } from './paste.js';

const HOSTILE = `"><script>window.__xss=true</script><img src=x onerror="window.__xss=true">'&`;

const inert = parseSnippet;

const chart: WidgetConfig = {
  element: 'chart',
  attributes: { dataset: 'frequentation-des-musees-de-france-1', type: 'line', x: 'annee', y: 'total', aggregate: 'sum' },
};

describe('buildSnippet', () => {
  it('loads the library from the CDN, then writes the element with its attributes', () => {
    const snippet = buildSnippet(chart);
    expect(snippet).to.equal(
      `<script type="module" src="${DEFAULT_CDN_BASE}culture-widgets.js"></script>\n` +
        '<culture-chart\n  type="line"\n  x="annee"\n  y="total"\n  aggregate="sum"\n  dataset="frequentation-des-musees-de-france-1">\n</culture-chart>',
    );
    expect(DEFAULT_CDN_BASE).to.match(/^https:\/\/cdn\.jsdelivr\.net\/npm\/culture-widgets@\d+\.\d+\.\d+\/dist\/$/);
  });

  const cases: [string, WidgetConfig, string][] = [
    ['omits defaults (type auto, theme auto, default APIs)', { element: 'chart', attributes: { dataset: 'd', type: 'auto', theme: 'auto', api: 'https://www.data.gouv.fr/api' } }, '<culture-chart dataset="d"></culture-chart>'],
    ['omits empty values', { element: 'table', attributes: { dataset: 'd', columns: '', sort: '' } }, '<culture-table dataset="d"></culture-table>'],
    ['drops unknown attributes', { element: 'table', attributes: { dataset: 'd', onclick: 'alert(1)', style: 'x' } }, '<culture-table dataset="d"></culture-table>'],
    ['drops attributes of another element', { element: 'table', attributes: { dataset: 'd', x: 'annee', mode: 'points' } }, '<culture-table dataset="d"></culture-table>'],
    ['drops invalid select values', { element: 'chart', attributes: { dataset: 'd', type: 'pie"><b>' } }, '<culture-chart dataset="d"></culture-chart>'],
    ['writes a true boolean bare', { element: 'table', attributes: { dataset: 'd', search: 'true', download: 'false' } }, '<culture-table search dataset="d"></culture-table>'],
    ['keeps a non-default API', { element: 'map', attributes: { dataset: 'd', api: 'http://127.0.0.1:4790/api' } }, '<culture-map dataset="d" api="http://127.0.0.1:4790/api"></culture-map>'],
    ['drops a javascript: URL', { element: 'map', attributes: { dataset: 'd', tiles: 'javascript:alert(1)' } }, '<culture-map dataset="d"></culture-map>'],
    ['keeps a tiles preset', { element: 'map', attributes: { dataset: 'd', tiles: 'osm' } }, '<culture-map tiles="osm" dataset="d"></culture-map>'],
    ['omits the default tiles', { element: 'map', attributes: { dataset: 'd', tiles: 'ign' } }, '<culture-map dataset="d"></culture-map>'],
  ];
  for (const [name, config, element] of cases) {
    it(name, () => {
      expect(buildSnippet(config, { scriptBase: 'https://cdn.example/' }).split('\n').slice(1).join('\n')).to.equal(element);
    });
  }

  it('escapes hostile values so they stay one attribute value', () => {
    const config: WidgetConfig = { element: 'chart', attributes: { dataset: HOSTILE, title: HOSTILE, x: HOSTILE, filter: `nom = "a" ; b < 3 & c > 2` } };
    const snippet = buildSnippet(config);
    expect(snippet).not.to.contain('<script>window');
    expect(snippet).not.to.contain('<img');
    const fragment = inert(snippet);
    expect(fragment.querySelectorAll('img')).to.have.length(0);
    expect(fragment.querySelectorAll('script')).to.have.length(1);
    const el = fragment.querySelector('culture-chart')!;
    expect(el.getAttribute('dataset')).to.equal(HOSTILE);
    expect(el.getAttribute('title')).to.equal(HOSTILE);
    expect(el.getAttribute('x')).to.equal(HOSTILE);
    expect(el.getAttribute('filter')).to.equal(`nom = "a" ; b < 3 & c > 2`);
    expect(el.getAttributeNames()).to.deep.equal(['x', 'title', 'dataset', 'filter']);
  });

  it('escapes a hostile CDN base', () => {
    const fragment = inert(buildSnippet(chart, { scriptBase: 'https://cdn.example/"><img src=x onerror=alert(1)>/' }));
    expect(fragment.querySelectorAll('img')).to.have.length(0);
    expect(fragment.querySelector('script')!.getAttribute('src')).to.equal('https://cdn.example/"><img src=x onerror=alert(1)>/culture-widgets.js');
  });

  it('escapes the five characters of attribute context', () => {
    expect(escapeAttribute(`<a href="x" title='y'>&amp;</a>`)).to.equal('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});

describe('buildIframeSnippet', () => {
  it('points at embed.html with the config in the query, a title and the resizer', () => {
    const snippet = buildIframeSnippet({ ...chart, attributes: { ...chart.attributes, title: 'Entrées' } }, { embedBase: 'https://example.org/cw' });
    const fragment = inert(snippet);
    const iframe = fragment.querySelector('iframe')!;
    const url = new URL(iframe.getAttribute('src')!);
    expect(url.origin + url.pathname).to.equal('https://example.org/cw/embed.html');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      element: 'chart', type: 'line', x: 'annee', y: 'total', aggregate: 'sum', title: 'Entrées', dataset: 'frequentation-des-musees-de-france-1',
    });
    expect(iframe.getAttribute('title')).to.equal('Entrées');
    expect(iframe.getAttribute('height')).to.equal('480');
    // a host page under style-src 'self' refuses inline styles: the frame's border goes by attribute
    expect(iframe.hasAttribute('style')).to.equal(false);
    expect(iframe.getAttribute('frameborder')).to.equal('0');
    expect(fragment.querySelector('script')!.getAttribute('src')).to.equal('https://example.org/cw/embed-resizer.js');
  });

  it('asks for a transparent background when told', () => {
    const iframe = inert(buildIframeSnippet(chart, { embedBase: 'https://e.org/', transparent: true })).querySelector('iframe')!;
    expect(new URL(iframe.src).searchParams.get('bg')).to.equal('transparent');
  });

  it('keeps hostile titles and values inside the attributes', () => {
    const config: WidgetConfig = { element: 'table', attributes: { dataset: HOSTILE } };
    const fragment = inert(buildIframeSnippet(config, { embedBase: 'https://e.org/', title: HOSTILE }));
    expect(fragment.querySelectorAll('img')).to.have.length(0);
    expect(fragment.querySelectorAll('script')).to.have.length(1);
    const iframe = fragment.querySelector('iframe')!;
    expect(iframe.getAttribute('title')).to.equal(HOSTILE);
    expect(new URL(iframe.src).searchParams.get('dataset')).to.equal(HOSTILE);
  });
});

describe('share link and parseEmbedParams', () => {
  it('round-trips a config through the share link', () => {
    const config: WidgetConfig = {
      element: 'map',
      attributes: { dataset: 'liste-et-localisation-des-musees-de-france', coords: 'geolocalisation', popup: 'Nom officiel du musée,Ville', filter: "Région administrative = 'Île-de-France'" },
    };
    const link = buildShareLink(config, 'https://example.org/builder.html?old=1#x');
    expect(link.startsWith('https://example.org/builder.html?element=map&')).to.equal(true);
    expect(link).not.to.contain('#');
    expect(parseEmbedParams(new URL(link).searchParams)).to.deep.equal({ config, tooLong: [], transparent: false });
  });

  const cases: [string, string, unknown][] = [
    ['no element', 'dataset=d', null],
    ['an element that is not a widget', 'element=builder&dataset=d', null],
    ['an element name with markup', 'element=chart"><script>', null],
    ['unknown keys ignored', 'element=table&dataset=d&onload=alert(1)&innerHTML=<b>', { config: { element: 'table', attributes: { dataset: 'd' } }, tooLong: [], transparent: false }],
    ['invalid values dropped', 'element=chart&dataset=d&type=evil&limit=ten&height=300', { config: { element: 'chart', attributes: { dataset: 'd', height: '300' } }, tooLong: [], transparent: false }],
    ['non-http APIs dropped', 'element=chart&dataset=d&api=javascript:alert(1)&tabular-api=data:text/html,x', { config: { element: 'chart', attributes: { dataset: 'd' } }, tooLong: [], transparent: false }],
    ['hostile strings kept as plain strings', `element=table&dataset=${encodeURIComponent(HOSTILE)}`, { config: { element: 'table', attributes: { dataset: HOSTILE } }, tooLong: [], transparent: false }],
    ['control characters become spaces', 'element=table&dataset=a%0Ab%00c', { config: { element: 'table', attributes: { dataset: 'a b c' } }, tooLong: [], transparent: false }],
    ['transparent background and id', 'element=map&dataset=d&bg=transparent&id=w-1', { config: { element: 'map', attributes: { dataset: 'd' } }, tooLong: [], transparent: true, id: 'w-1' }],
    ['a hostile id dropped', 'element=map&dataset=d&id=%22%3E%3Cb', { config: { element: 'map', attributes: { dataset: 'd' } }, tooLong: [], transparent: false }],
    ['an over-long value left out, and said (the embed page refuses it)', `element=table&dataset=d&filter=${'a'.repeat(3000)}`, { config: { element: 'table', attributes: { dataset: 'd' } }, tooLong: [{ name: 'filter', length: 3000 }], transparent: false }],
  ];
  for (const [name, query, expected] of cases) {
    it(name, () => {
      expect(parseEmbedParams(new URLSearchParams(query))).to.deep.equal(expected);
    });
  }
});

describe('dashboards: one source, its filters, the widgets reading it', () => {
  const dashboard: DashboardConfig = {
    data: { dataset: 'frequentation-des-musees-de-france-1', resource: 'r1', api: 'http://127.0.0.1:4790/api' },
    controls: ['region', "Lieu (bâtiment, site)"],
    widgets: [
      { element: 'chart', attributes: { type: 'bar', x: 'region', y: 'total', aggregate: 'sum', dataset: 'other', filter: 'annee >= 2018' } },
      { element: 'kpi', attributes: { value: 'sum(total)', label: 'Entrées' } },
      { element: 'table', attributes: { search: 'true' } },
    ],
  };

  it('writes the source once, a filter per column and the summary, key figures in a row, widgets reading the source', () => {
    expect(buildDashboardHtml(dashboard)).to.equal([
      '<culture-source\n  id="frequentation-des-musees-de-france-1"\n  dataset="frequentation-des-musees-de-france-1"\n  resource="r1"\n  api="http://127.0.0.1:4790/api">\n</culture-source>',
      '<culture-filter source="frequentation-des-musees-de-france-1" column="region"></culture-filter>',
      '<culture-filter source="frequentation-des-musees-de-france-1" column="Lieu (bâtiment, site)"></culture-filter>',
      '<culture-filter source="frequentation-des-musees-de-france-1"></culture-filter>',
      '<culture-kpi-row>\n  <culture-kpi\n    source="frequentation-des-musees-de-france-1"\n    value="sum(total)"\n    label="Entrées">\n  </culture-kpi>\n</culture-kpi-row>',
      '<culture-chart\n  source="frequentation-des-musees-de-france-1"\n  type="bar"\n  x="region"\n  y="total"\n  aggregate="sum"\n  filter="annee &gt;= 2018">\n</culture-chart>',
      '<culture-table source="frequentation-des-musees-de-france-1" search></culture-table>',
    ].join('\n'));
    expect(sourceId({ ...dashboard, data: { src: 'https://static.example/x/Musées 2024.csv?x=1' } })).to.equal('musees-2024-csv');
    expect(sourceId({ ...dashboard, data: {} })).to.equal('donnees');
  });

  it('goes through its embed link and back, each widget validated like a single one', () => {
    const link = buildShareLink(dashboard, 'https://example.org/builder.html');
    const params = parseEmbedParams(new URL(link).searchParams)!;
    expect(params.dashboard).to.deep.equal({
      data: dashboard.data,
      controls: dashboard.controls,
      // a widget's own data attributes go: the source says which data
      widgets: [{ element: 'chart', attributes: { type: 'bar', x: 'region', y: 'total', aggregate: 'sum', filter: 'annee >= 2018' } }, dashboard.widgets[1], dashboard.widgets[2]],
    });
    const hostile = new URLSearchParams({ element: 'dashboard', dataset: HOSTILE, api: 'javascript:alert(1)' });
    hostile.append('widget', 'element=script&x=1');
    hostile.append('widget', `element=chart&title=${encodeURIComponent(HOSTILE)}&type=evil`);
    expect(parseEmbedParams(hostile)).to.deep.equal({
      dashboard: { data: { dataset: HOSTILE }, controls: [], widgets: [{ element: 'chart', attributes: { title: HOSTILE } }] }, tooLong: [], transparent: false,
    });
    const iframe = inert(buildIframeSnippet(dashboard, { embedBase: 'https://e.org/' })).querySelector('iframe')!;
    expect(iframe.getAttribute('title')).to.equal('Entrées');
    expect(new URL(iframe.src).searchParams.getAll('widget')).to.have.length(3);
  });
});

describe('option schema', () => {
  it('lists every attribute of DESIGN.md §2, once per element, with French and English words', () => {
    const names = (e: 'table' | 'chart' | 'map') => optionsOf(e).map((o) => o.name);
    const data = ['dataset', 'resource', 'src', 'sheet', 'record', 'source', 'filter', 'api', 'tabular-api', 'lang', 'theme', 'compute', 'labels', 'join', 'refine-on-click'];
    expect(names('table')).to.have.members([...data, 'columns', 'sort', 'page-size', 'search', 'download', 'bars', 'height', 'title']);
    expect(names('chart')).to.have.members([
      ...data, 'type', 'x', 'y', 'group', 'aggregate', 'stack', 'sort', 'limit', 'time-unit', 'facet', 'y-min', 'y-max', 'unit', 'title', 'description', 'height',
      'highlight', 'reference', 'cumulative', 'colors', 'x-title', 'y-title',
    ]);
    expect(names('map')).to.have.members([
      ...data, 'mode', 'lat', 'lon', 'coords', 'label', 'popup', 'color', 'size', 'cluster', 'code', 'level', 'value', 'aggregate', 'boundaries', 'outline', 'tiles',
    ]);
    for (const e of ['table', 'chart', 'map'] as const) {
      for (const o of optionsOf(e)) {
        const [fr, en] = [optionWords('fr'), optionWords('en')].map((words) => words[optionKey(e, o)]);
        expect(fr.label && en.label && fr.help && en.help, `${e} ${o.name}`).to.be.ok;
        if (o.kind !== 'select') continue;
        expect(o.options?.length, o.name).to.be.greaterThan(0);
        // every value of a closed set has a name in both languages
        for (const value of o.options!) expect([fr.values?.[value], en.values?.[value]], `${e} ${o.name}=${value}`).to.not.include(undefined);
      }
    }
  });
});

const col = (name: string, type: ColumnInfo['type'], extra: Partial<ColumnInfo> = {}): ColumnInfo => ({ name, type, ...extra });
const museums = [
  col('IDPatrimostat', 'string'), col('IDMuseofile', 'string'), col('region', 'string', { categorical: true }),
  col('departement', 'string'), col('nom_du_musee', 'string'), col('ville', 'string'),
  col('codeInseeCommune', 'string', { format: 'code_commune_insee' }), col('annee', 'integer', { format: 'year' }),
  col('payant', 'integer'), col('gratuit', 'integer'), col('total', 'integer'), col('individuel', 'integer'), col('scolaires', 'integer'),
];
const places = [
  col('Nom officiel du musée', 'string'), col('Ville', 'string'), col('Code Postal', 'string', { format: 'code_postal' }),
  col('Latitude', 'number', { format: 'latitude_wgs' }), col('Longitude', 'number', { format: 'longitude_wgs' }), col('geolocalisation', 'string', { format: 'latlon_wgs' }),
];

describe('defaultsFromProfile: each element’s own auto choice, written down', () => {
  const wgs84 = [col('Nom du lieu', 'string'), col('Latitude (WGS84)', 'number'), col('Longitude (WGS84)', 'number'), col('Commune', 'string', { categorical: true })];
  const cases: [string, ColumnInfo[], 'table' | 'chart' | 'map', Record<string, string>][] = [
    ['chart: years on x, the total-like measure, summed', museums, 'chart', { x: 'annee', y: 'total', aggregate: 'sum', type: 'line' }],
    ['chart: a category and the first measure without years', [col('discipline', 'string', { categorical: true }), col('code', 'integer'), col('budget', 'number')], 'chart', { x: 'discipline', y: 'budget', aggregate: 'sum', type: 'bar' }],
    ['chart: a measure whose name holds a comma is quoted', [col('discipline', 'string', { categorical: true }), col('Jauge (places, assises)', 'integer')], 'chart', { x: 'discipline', y: '"Jauge (places, assises)"', aggregate: 'sum', type: 'bar' }],
    ['chart: a count when nothing is numeric', [col('discipline', 'string', { categorical: true })], 'chart', { x: 'discipline', aggregate: 'count', type: 'bar' }],
    ['chart: a list of places counts rows per category, never by date', [...places, col('Région', 'string', { categorical: true }), col('Date arrêté', 'date')], 'chart', { x: 'Région', aggregate: 'count', type: 'bar' }],
    ['map: latitude and longitude columns, the name as label', places, 'map', { mode: 'points', lat: 'Latitude', lon: 'Longitude', label: 'Nom officiel du musée' }],
    ['map: Latitude (WGS84) / Longitude (WGS84)', wgs84, 'map', { mode: 'points', lat: 'Latitude (WGS84)', lon: 'Longitude (WGS84)', label: 'Nom du lieu' }],
    ['map: INSEE codes for a choropleth (a count, as the map does)', museums, 'map', { mode: 'choropleth', code: 'codeInseeCommune' }],
    ['map: nothing to place', [col('a', 'string')], 'map', {}],
    ['table: every column', museums, 'table', {}],
  ];
  for (const [name, columns, element, expected] of cases) {
    it(name, () => expect(defaultsFromProfile(columns, element)).to.deep.equal(expected));
  }

  it('map: one "lat, lon" column, read from a few rows', () => {
    const columns = [col('nom', 'string'), col('Géocodage xy', 'string')];
    expect(defaultsFromProfile(columns, 'map', [{ nom: 'a', 'Géocodage xy': '48.85,2.35' }])).to.deep.equal({ mode: 'points', coords: 'Géocodage xy', label: 'nom' });
  });

  it('opens a resource whose rows have places as a map, else as a chart', () => {
    expect(elementFor(places)).to.equal('map');
    expect(elementFor(wgs84)).to.equal('map');
    expect(elementFor(museums)).to.equal('chart');
  });
});

describe('catalogue helpers', () => {
  it('puts culture producers first, keeping the search order otherwise', () => {
    const found = [
      { title: 'a', organization: 'INSEE' },
      { title: 'b', organization: 'Ministère de la Culture' },
      { title: 'c' },
      { title: 'd', organization: 'Centre des monuments nationaux' },
    ];
    expect(cultureFirst(found).map((d) => d.title)).to.deep.equal(['b', 'd', 'a', 'c']);
  });

  it('keeps the resources a widget can read, tabular first', () => {
    const r = (id: string, format: string, tabular = false) => ({ id, title: id, format, tabular, url: `https://x/${id}` });
    expect(readableResources([r('pdf', 'pdf'), r('csv', 'csv'), r('tab', 'xlsx', true), r('geo', 'geojson'), r('zip', 'zip')]).map((x) => x.id))
      .to.deep.equal(['tab', 'csv', 'geo']);
  });
});
