// The www.data.gouv.fr catalogue API (udata): datasets, resources, search, licences.
import { createHash } from 'node:crypto';
import { DATASETS, ORGANIZATIONS, findDataset, findDatasetByOldSlug, findResource, lazy, parquetCopyPath } from './catalog.mjs';

export const LICENSES = [
  { id: 'lov2', title: 'Licence Ouverte / Open Licence version 2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence', alternate_urls: [], alternate_titles: [], flags: ['domain_specific'], maintainer: 'Etalab', active: true },
  { id: 'fr-lo', title: 'Licence Ouverte / Open Licence', url: 'https://github.com/etalab/licence-ouverte/blob/master/LO.md', alternate_urls: [], alternate_titles: [], flags: [], maintainer: 'Etalab', active: true },
  { id: 'odc-odbl', title: 'Open Data Commons Open Database License (ODbL)', url: 'https://opendatacommons.org/licenses/odbl/summary/', alternate_urls: [], alternate_titles: ['ODbL'], flags: ['okd_compliant'], maintainer: 'Open Data Commons', active: true },
  { id: 'notspecified', title: 'License Not Specified', url: null, alternate_urls: [], alternate_titles: [], flags: ['generic'], maintainer: null, active: true },
];

const WEB = 'https://www.data.gouv.fr/fr';
const json = (status, body, headers = {}) => ({ status, body: JSON.stringify(body), type: 'application/json', headers });
const notFound = (message = 'Not found') => json(404, { message });
const md5 = (text) => createHash('md5').update(text).digest('hex');
const sha1 = (bytes) => createHash('sha1').update(bytes).digest('hex');

/** Bytes of a resource's file (generated once). */
export function fileBytes(resource) {
  return lazy(resource, 'bytes', () => resource.file.bytes());
}

export function fileUrl(resource, ctx) {
  return resource.file.host === 'remote' ? `${ctx.remote}/${resource.file.path}` : `${ctx.static}/${resource.file.path}`;
}

function organizationRef(key, ctx) {
  const org = ORGANIZATIONS[key];
  if (!org) return null;
  return {
    id: org.id, name: org.name, acronym: org.acronym, slug: org.slug,
    logo: org.logo.includes(':') ? org.logo : `${ctx.static}/${org.logo}`,
    logo_thumbnail: org.logo.includes(':') ? org.logo : `${ctx.static}/${org.logo}`,
    badges: org.badges, page: org.page ?? `${WEB}/organizations/${org.slug}/`,
    uri: `${ctx.api}/1/organizations/${org.slug}/`, class: 'Organization',
  };
}

/** The Parquet copy hydra writes for a big tabular resource (generated once). */
export function parquetBytes(resource) {
  return lazy(resource, 'parquet', () => resource.parquet());
}

/** The `extras` hydra writes: check, analysis, and for the tabular ones, parsing (+ the Parquet copy). */
function extras(resource, size, checksum, ctx) {
  const lastModified = resource.last_modified;
  const e = {
    ...(checksum ? { 'analysis:checksum': checksum } : {}),
    'analysis:content-length': size,
    'analysis:last-modified-at': lastModified,
    'analysis:last-modified-detection': resource.file.host === 'remote' ? 'last-modified-header' : 'created-at',
    'analysis:mime-type': resource.mime === 'text/csv' ? 'text/plain' : resource.mime,
    'check:available': true,
    'check:date': '2025-11-20T03:12:45.118402+00:00',
    'check:headers:content-length': size,
    'check:headers:content-type': resource.file.contentType,
    'check:id': 48213000 + (parseInt(resource.id.slice(6, 8), 16) * 10) + parseInt(resource.id.slice(-1), 16),
    'check:status': 200,
    'check:timeout': false,
  };
  if (resource.tabular) {
    Object.assign(e, {
      'analysis:parsing:started_at': '2025-11-20T03:13:02.551872+00:00',
      'analysis:parsing:finished_at': '2025-11-20T03:13:09.204190+00:00',
      'analysis:parsing:parsing_table': md5(`https://static.data.gouv.fr/${resource.file.path}`),
    });
    if (resource.parquet) {
      Object.assign(e, {
        'analysis:parsing:parquet_url': `${ctx.static}/${parquetCopyPath(resource)}`,
        'analysis:parsing:parquet_size': parquetBytes(resource).length,
      });
    }
  }
  if (resource.file.cors !== undefined) {
    // hydra's OPTIONS probe of external URLs: allow-origin only when the host sends it
    e['check:cors:status'] = 200;
    if (resource.file.cors) {
      Object.assign(e, { 'check:cors:allow-origin': '*', 'check:cors:allow-methods': 'GET, HEAD, OPTIONS' });
    } else {
      e['check:cors:allow-methods'] = 'GET, HEAD';
    }
  }
  return { ...e, ...resource.extras };
}

/** Size and sha1 of a file, without generating the huge ones. */
function fileFacts(resource) {
  return lazy(resource, 'facts', () => {
    if (resource.file.size) return { size: resource.file.size, checksum: null };
    const bytes = fileBytes(resource);
    return { size: bytes.length, checksum: sha1(bytes) };
  });
}

export function resourceJson(resource, ctx) {
  const { size, checksum } = fileFacts(resource);
  return {
    id: resource.id,
    title: resource.title,
    description: resource.description,
    filetype: resource.file.host === 'remote' || resource.file.cors !== undefined ? 'remote' : 'file',
    type: resource.type,
    format: resource.format,
    url: fileUrl(resource, ctx),
    latest: `${ctx.api}/1/datasets/r/${resource.id}`,
    checksum: checksum ? { type: 'sha1', value: checksum } : null,
    filesize: size,
    mime: resource.mime,
    created_at: resource.created_at,
    last_modified: resource.last_modified,
    metrics: { views: 1000 + (size % 9000) },
    harvest: null,
    extras: extras(resource, size, checksum, ctx),
    preview_url: resource.tabular ? `https://explore.data.gouv.fr/fr/resources/${resource.id}` : null,
    schema: null,
    internal: { created_at_internal: resource.created_at, last_modified_internal: resource.last_modified },
  };
}

export function datasetJson(dataset, ctx, version = 1) {
  const resources = dataset.resources.map((r) => resourceJson(r, ctx));
  const body = {
    id: dataset.id,
    title: dataset.title,
    acronym: null,
    slug: dataset.slug,
    description: dataset.description,
    description_short: dataset.description.split('\n')[0].slice(0, 200),
    created_at: dataset.created_at,
    last_modified: dataset.last_modified,
    last_update: dataset.last_modified,
    deleted: null,
    archived: null,
    featured: false,
    private: false,
    tags: dataset.tags,
    badges: [],
    resources,
    community_resources: [],
    frequency: dataset.frequency,
    frequency_date: null,
    harvest: null,
    extras: {},
    metrics: { dataservices: 0, discussions: 2, discussions_open: 0, followers: 31, resources_downloads: 18204, reuses: 3, views: 25410 },
    organization: organizationRef(dataset.organization, ctx),
    owner: null,
    temporal_coverage: dataset.temporal_coverage,
    spatial: dataset.spatial,
    license: dataset.license,
    access_type: 'open',
    access_audiences: [],
    authorization_request_url: null,
    access_type_reason_category: null,
    access_type_reason: null,
    uri: `${ctx.api}/1/datasets/${dataset.slug}/`,
    page: dataset.page ?? `${WEB}/datasets/${dataset.slug}/`,
    quality: {
      all_resources_available: true, dataset_description_quality: true, has_open_format: true,
      has_resources: true, license: true, resources_documentation: true, score: 0.89, spatial: true,
      temporal_coverage: Boolean(dataset.temporal_coverage), update_frequency: true, update_fulfilled_in_time: true,
    },
    internal: { created_at_internal: dataset.created_at, last_modified_internal: dataset.last_modified },
    contact_points: [],
    schema: null,
    permissions: { delete: false, edit: false, edit_resources: false },
  };
  if (version === 2) {
    body.resources = { rel: 'subsection', href: `${ctx.api}/2/datasets/${dataset.id}/resources/?page=1&page_size=50`, type: 'GET', total: resources.length };
    body.community_resources = { rel: 'subsection', href: `${ctx.api}/2/datasets/community_resources/?dataset_id=${dataset.id}&page=1&page_size=50`, type: 'GET', total: 0 };
  }
  return body;
}

const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function searchable(dataset) {
  return fold([dataset.title, dataset.slug, dataset.description, ...dataset.tags, ORGANIZATIONS[dataset.organization]?.name ?? ''].join(' '));
}

function positiveInt(params, name, fallback) {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw json(400, { errors: { [name]: `${name} must be a positive integer` }, message: 'Input payload validation failed' });
  return Number(raw);
}

function pager(items, params, ctx, path, defaultSize) {
  const page = positiveInt(params, 'page', 1);
  const pageSize = positiveInt(params, 'page_size', defaultSize);
  const link = (p) => {
    const q = new URLSearchParams(params);
    q.set('page', String(p));
    return `${ctx.api}${path}?${q}`;
  };
  const start = (page - 1) * pageSize;
  return {
    data: items.slice(start, start + pageSize),
    next_page: start + pageSize < items.length ? link(page + 1) : null,
    page,
    page_size: pageSize,
    previous_page: page > 1 ? link(page - 1) : null,
    total: items.length,
  };
}

function search(params, ctx) {
  const words = fold(params.get('q') ?? '').split(/[^a-z0-9]+/).filter(Boolean);
  const org = params.get('organization');
  const tags = params.getAll('tag');
  let found = DATASETS.filter((d) => !d.deleted
    && words.every((w) => searchable(d).includes(w))
    && (!org || ORGANIZATIONS[d.organization]?.id === org)
    && tags.every((t) => d.tags.includes(t)));
  const sort = params.get('sort');
  if (sort) {
    const key = sort.replace(/^-/, '');
    const field = { title: 'title', created: 'created_at', last_update: 'last_modified' }[key];
    if (field) found = [...found].sort((a, b) => a[field].localeCompare(b[field]) * (sort.startsWith('-') ? -1 : 1));
  }
  return json(200, pager(found.map((d) => datasetJson(d, ctx)), params, ctx, '/1/datasets/', 20));
}

/** `{dataset}` accepts id or slug; an old slug redirects; a deleted dataset is gone. */
function lookup(idOrSlug, ctx, rest, version, search) {
  const dataset = findDataset(idOrSlug);
  if (dataset) return dataset.deleted ? json(410, { message: 'Dataset has been deleted' }) : dataset;
  const renamed = findDatasetByOldSlug(idOrSlug);
  if (renamed) return { status: 301, headers: { location: `${ctx.api}/${version}/datasets/${renamed.slug}/${rest}${search}` }, body: '' };
  return notFound();
}

/** Routes under `/api`; `path` starts after it (`/1/datasets/…`). */
export function udata(path, params, ctx, search_) {
  try {
    return route(path, params, ctx, search_);
  } catch (error) {
    if (error && error.status) return error;
    throw error;
  }
}

function route(path, params, ctx, searchString) {
  let m;
  if (path === '/1/datasets/' || path === '/2/datasets/search/') return search(params, ctx);
  if (path === '/1/datasets/licenses/') return json(200, LICENSES);
  if ((m = path.match(/^\/1\/datasets\/r\/([^/]+)\/?$/))) {
    const found = findResource(m[1]);
    if (!found || found.dataset.deleted) return notFound('Resource not found');
    return { status: 302, headers: { location: fileUrl(found.resource, ctx) }, body: '' };
  }
  if ((m = path.match(/^\/2\/datasets\/resources\/([^/]+)\/$/))) {
    const found = findResource(m[1]);
    if (!found) return notFound();
    if (found.dataset.deleted) return json(410, { message: 'Dataset has been deleted' });
    return json(200, { resource: resourceJson(found.resource, ctx), dataset_id: found.dataset.id });
  }
  if ((m = path.match(/^\/1\/organizations\/([^/]+)\/$/))) {
    const org = Object.values(ORGANIZATIONS).find((o) => o.id === m[1] || o.slug === m[1]);
    if (!org) return notFound();
    const key = Object.keys(ORGANIZATIONS).find((k) => ORGANIZATIONS[k] === org);
    const datasets = DATASETS.filter((d) => !d.deleted && d.organization === key).length;
    return json(200, { ...organizationRef(key, ctx), url: org.url, description: `${org.name} sur data.gouv.fr.`,
      created_at: '2014-05-17T14:29:37.000000+00:00', last_modified: '2025-06-01T00:00:00.000000+00:00', deleted: null,
      metrics: { datasets, dataservices: 0, followers: 120, members: 4, reuses: 12, views: 50210 } });
  }
  if ((m = path.match(/^\/(1|2)\/datasets\/([^/]+)$/)) && m[2] !== 'licenses') {
    // Flask's strict slashes: redirect to the canonical URL
    return { status: 308, headers: { location: `${ctx.api}${path}/${searchString}` }, body: '' };
  }
  if ((m = path.match(/^\/1\/organizations\/([^/]+)\/datasets\/$/))) {
    const org = Object.values(ORGANIZATIONS).find((o) => o.id === m[1] || o.slug === m[1]);
    if (!org) return notFound();
    const list = DATASETS.filter((d) => !d.deleted && ORGANIZATIONS[d.organization] === org);
    return json(200, pager(list.map((d) => datasetJson(d, ctx)), params, ctx, path, 20));
  }
  if ((m = path.match(/^\/(1|2)\/datasets\/([^/]+)\/(.*)$/))) {
    const [, version, idOrSlug, rest] = m;
    const dataset = lookup(decodeURIComponent(idOrSlug), ctx, rest, version, searchString);
    if (dataset.status) return dataset;
    if (rest === '') {
      const body = datasetJson(dataset, ctx, Number(version));
      if (version === '2' && ctx.fullObjects) {
        // X-Get-Datasets-Full-Objects: licence and frequency as objects instead of ids
        body.license = LICENSES.find((l) => l.id === dataset.license) ?? { id: dataset.license, title: dataset.license, url: null };
        body.frequency = { id: dataset.frequency, label: dataset.frequency };
      }
      return json(200, body);
    }
    if (version === '2' && rest === 'resources/') {
      const list = dataset.resources.map((r) => resourceJson(r, ctx))
        .filter((r) => (!params.get('type') || r.type === params.get('type'))
          && (!params.get('q') || r.title.toLowerCase().includes(params.get('q').toLowerCase())));
      return json(200, pager(list, params, ctx, path, 50));
    }
    const r = rest.match(/^resources\/([^/]+)\/$/);
    if (version === '1' && r) {
      const resource = dataset.resources.find((x) => x.id === r[1]);
      return resource ? json(200, resourceJson(resource, ctx)) : notFound();
    }
  }
  return notFound();
}
