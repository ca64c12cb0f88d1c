// The tabular API (tabular-api.data.gouv.fr): resource meta, profile, data, CSV/JSON exports.
import { createHash } from 'node:crypto';
import { DATASETS, findResource, lazy } from './catalog.mjs';
import { fileUrl } from './udata.mjs';
import { profileOf } from './table.mjs';
import { EXPORT_MAX_ROWS, Reply, parseQuery, runQuery } from './query.mjs';
import { field } from './csv.mjs';

const START = new Date().toISOString();
const json = (status, body) => ({ status, body: JSON.stringify(body), type: 'application/json' });
const text = (status, body) => ({ status, body, type: 'text/plain; charset=utf-8' });

/** What tables_index knows: the table, or a 404 / 410 answer. */
function tabularResource(rid) {
  const found = findResource(rid);
  if (!found?.resource.tabular) throw text(404, '404: Not Found');
  const { dataset, resource } = found;
  if (dataset.deleted) {
    throw text(410, `Resource ${rid} has been permanently deleted on ${dataset.deleted} by its producer. ` +
      `You can find more information about this resource at https://www.data.gouv.fr/datasets/${dataset.id}`);
  }
  return { dataset, resource, table: lazy(resource, 'table', () => resource.tabular.table()) };
}

const parsingTable = (resource) => createHash('md5').update(`https://static.data.gouv.fr/${resource.file.path}`).digest('hex');

/** Routes under `/tabular`; `path` starts after it (`/api/resources/…`, `/health/`). */
export function tabular(path, rawQuery, ctx) {
  try {
    return route(path, rawQuery, ctx);
  } catch (error) {
    if (error instanceof Reply) return error.type === 'text' ? text(error.status, error.body) : json(error.status, error.body);
    if (error && error.status) return error;
    throw error;
  }
}

function route(path, rawQuery, ctx) {
  if (path === '/health/') return json(200, { status: 'ok', version: '0.4.1', uptime_since: START });
  if (path === '/api/aggregation-exceptions/') return json(200, { allowed: false, exceptions: exceptions() });
  const m = path.match(/^\/api\/resources\/([^/]+)\/(profile\/|data\/|data\/csv\/|data\/json\/|swagger\/)?$/);
  if (!m) return text(404, '404: Not Found');
  const [, rid, sub = ''] = m;
  // /data/ checks its query string before looking the resource up, as api-tabular does
  const options = { rid, aggregation: aggregationAllowed(rid), pageSizeMax: ctx.pageSizeMax };
  const query = sub.startsWith('data/') ? parseQuery(rawQuery, { ...options, paginate: sub === 'data/' }) : null;
  const { dataset, resource, table } = tabularResource(rid);
  const base = `${ctx.tabular}/api/resources/${rid}`;
  if (sub === '') {
    return json(200, {
      created_at: resource.last_modified, url: fileUrl(resource, ctx),
      links: [{ href: `${base}/profile/`, type: 'GET', rel: 'profile' },
        { href: `${base}/data/`, type: 'GET', rel: 'data' },
        { href: `${base}/swagger/`, type: 'GET', rel: 'swagger' }],
    });
  }
  if (sub === 'profile/') {
    const profile = lazy(resource, 'profile', () => profileOf(table, { separator: resource.tabular.separator }));
    return json(200, { profile, deleted_at: null, dataset_id: dataset.id, indexes: null });
  }
  if (sub === 'swagger/') return { status: 200, body: swagger(rid, table), type: 'application/octet-stream' };
  if (sub === 'data/') {
    const { rows, total } = runQuery(table, query, parsingTable(resource));
    // links are rebuilt from the DECODED parameters, without re-encoding (api-tabular url.py)
    const kept = query.parts.filter((p) => !p.startsWith('page'));
    const link = (page) => `${base}/data/?${[...kept, `page=${page}`, `page_size=${query.pageSize}`].join('&')}`;
    const hasNext = total !== undefined ? query.pageSize + query.offset < total : rows.length >= query.pageSize;
    const body = {
      data: rows,
      links: { profile: `${base}/profile/`, swagger: `${base}/swagger/`, next: hasNext ? link(query.page + 1) : null, prev: query.page > 1 ? link(query.page - 1) : null },
      meta: { page: query.page, page_size: query.pageSize },
    };
    if (total !== undefined) body.meta.total = total;
    return json(200, body);
  }
  // exports: same filters, no paging, refused above 50,000 rows
  const { rows } = runQuery(table, query, parsingTable(resource), { max: EXPORT_MAX_ROWS });
  if (!rows || rows.length > EXPORT_MAX_ROWS) {
    return json(403, { errors: [{ code: null, title: 'Output is too long', detail: `The output has more than ${EXPORT_MAX_ROWS} rows, please consider downloading the source file directly` }] });
  }
  const disposition = (ext) => ({ 'content-disposition': `attachment; filename="${rid}.${ext}"` });
  if (sub === 'data/json/') return { ...json(200, rows), headers: disposition('json') };
  const header = rows.length ? Object.keys(rows[0]) : ['__id', ...table.columns.map((c) => c.name)];
  const lines = [header.map((h) => field(h, ',')).join(',')];
  for (const row of rows) lines.push(header.map((h) => field(row[h], ',')).join(','));
  return { status: 200, body: `${lines.join('\n')}\n`, type: 'text/csv; charset=utf-8', headers: disposition('csv') };
}

// Operators the per-resource swagger advertises for each python type (api-tabular swagger.py)
const COMPARE = ['less', 'greater', 'strictly_less', 'strictly_greater'];
const OPS = {
  string: ['exact', 'differs', 'isnull', 'isnotnull', 'contains', 'notcontains', 'in', 'notin', ...COMPARE, 'sort', 'groupby', 'count'],
  date: ['exact', 'differs', 'isnull', 'isnotnull', 'contains', 'notcontains', 'in', 'notin', ...COMPARE, 'sort', 'groupby', 'count'],
  int: ['exact', 'differs', 'isnull', 'isnotnull', 'in', 'notin', ...COMPARE, 'sort', 'groupby', 'count', 'avg', 'max', 'min', 'sum'],
  bool: ['exact', 'differs', 'isnull', 'isnotnull', 'sort', 'groupby', 'count'],
};
OPS.float = OPS.int;

/** The per-resource OpenAPI (YAML): one query parameter per column and allowed operator. */
function swagger(rid, table) {
  const q = JSON.stringify;
  const params = [
    '        - name: page\n          in: query\n          schema:\n            type: integer\n            default: 1',
    '        - name: page_size\n          in: query\n          schema:\n            type: integer\n            default: 20',
    '        - name: columns\n          in: query\n          schema:\n            type: string',
  ];
  for (const column of table.columns) {
    for (const op of OPS[column.type] ?? OPS.string) {
      params.push(`        - name: ${q(`${column.name}__${op}`)}\n          in: query\n          required: false\n` +
        `          description: ${q(`${op} on column ${column.name}`)}\n          schema:\n            type: string`);
    }
  }
  return `openapi: 3.0.3\ninfo:\n  title: Resource data API\n  version: 1.0.0\npaths:\n  /api/resources/${rid}/data/:\n` +
    `    get:\n      summary: Get data of resource ${rid}\n      parameters:\n${params.join('\n')}\n`;
}

/** ALLOW_AGGREGATION_EXCEPTIONS: the resources where groupby and aggregates are allowed. */
function exceptions() {
  return DATASETS.flatMap((d) => d.resources.filter((r) => r.tabular?.aggregation).map((r) => r.id));
}

const aggregationAllowed = (rid) => exceptions().includes(rid);
