// The tabular API's query grammar (api-tabular core/query.py) and the PostgREST semantics behind
// it, evaluated over a column table. Errors carry the exact status and body the real service sends.
import { cell, compareText, ranks } from './table.mjs';

export const PAGE_SIZE_DEFAULT = 20;
/** Production's maximum (API.md §2.5); the service's code default is 50 (a scope may choose it). */
export const PAGE_SIZE_MAX = 200;
export const EXPORT_MAX_ROWS = 50000;

/** An HTTP answer that stops the query. */
export class Reply extends Error {
  constructor(status, body, type = 'json') {
    super(typeof body === 'string' ? body : JSON.stringify(body));
    Object.assign(this, { status, body, type });
  }
}

const envelope = (title, detail) => ({ errors: [{ code: null, title, detail }] });
const malformed = (message) => new Reply(400, envelope('Invalid query string', `Malformed query: ${message}`));
const pgError = (status, code, message, hint = null) =>
  new Reply(status, envelope('Database error', { code, details: null, hint, message }));
const serverError = () => new Reply(500, '500 Internal Server Error\n\nServer got itself in trouble', 'text');

/** aiohttp's `request.query_string`: the query string percent-decoded as a whole. */
export function decodeQueryString(raw) {
  const text = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%([0-9a-f]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
  }
}

/** Python's int(): surrounding spaces and a sign are fine, anything else is a crash (500). */
function pyInt(text) {
  if (!/^\s*[+-]?\d+\s*$/.test(text)) throw serverError();
  return parseInt(text, 10);
}

function columnAndOperator(argument) {
  const parts = argument.split('__');
  const op = parts.pop().toLowerCase();
  return { column: parts.join('__'), op };
}

const FILTER_OPS = new Set(['exact', 'differs', 'isnull', 'isnotnull', 'contains', 'notcontains', 'in', 'notin',
  'less', 'greater', 'strictly_less', 'strictly_greater']);
const AGGREGATORS = ['avg', 'count', 'max', 'min', 'sum', 'groupby'];

/** add_filter(): one `col__op=value` → a condition, a sort, a select, or nothing (page params). */
function addFilter(argument, value, inOperator, query) {
  if (argument === 'page' || argument === 'page_size') {
    if (inOperator) throw malformed(`Argument \`${argument}\` can't be set within an operator`);
    return null;
  }
  if (argument === 'columns') {
    if (inOperator) throw malformed(`Argument \`${argument}\` can't be set within an operator`);
    query.selects++;
    query.columns = value.split(',');
    return null;
  }
  if (argument.includes('__')) {
    const { column, op } = columnAndOperator(argument);
    if (op === 'sort') {
      if (inOperator) throw malformed(`Argument \`${argument}\` can't be set within an operator`);
      query.sorts.push({ column, spec: value });
      return null;
    }
    if (FILTER_OPS.has(op)) return { column, op, value };
  }
  throw malformed(`argument '${argument}=${value}' could not be parsed`);
}

function splitTopLevel(text) {
  const parts = [];
  let current = '';
  let depth = 0;
  for (const char of text) {
    if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) { parts.push(current); current = ''; continue; }
    current += char;
  }
  if (current) parts.push(current);
  return parts;
}

/** find_arg_val(): `col__op.val`, `"col.umn"__op.val`, `col__op."val.ue"`, `"col.umn"__op."val.ue"`. */
function findArgVal(param) {
  const quotes = (param.match(/"/g) ?? []).length;
  const fail = () => malformed(`argument '${param}' could not be parsed`);
  if (![0, 2, 4].includes(quotes)) throw fail();
  const colOp = param.match(/^"[^"]*"__[a-z]+/);
  const val = param.match(/\."[^"]*"$/);
  if (quotes === 0) {
    const split = param.split('.');
    if (split.length !== 2) throw fail();
    return split;
  }
  if (quotes === 4) {
    if (!colOp || !val) throw fail();
    return [colOp[0].replace(/"/g, ''), val[0].slice(1)];
  }
  if (!colOp) {
    if (!val) throw serverError(); // IndexError in the real code
    return [param.split('.')[0], val[0].slice(1)];
  }
  return [colOp[0].replace(/"/g, ''), param.split('.').pop()];
}

/** PostgREST strips the double quotes around a value inside a logic tree. */
const unquote = (value) => (value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);

function parseOperator(text, operator, topLevel, query) {
  if (!text.endsWith(')')) throw malformed(`argument '${text}' could not be parsed`);
  const prefix = `${operator}${topLevel ? '=' : ''}(`;
  const children = [];
  for (const param of splitTopLevel(text.slice(prefix.length, -1))) {
    if (param.startsWith('and(') || param.startsWith('or(')) {
      children.push(parseOperator(param, param.split('(')[0], false, query));
    } else if (param.endsWith('__isnull') || param.endsWith('__isnotnull')) {
      children.push(addFilter(param.replace(/"/g, ''), null, true, query));
    } else {
      const [argument, value] = findArgVal(param);
      const condition = addFilter(argument, value, true, query);
      children.push({ ...condition, value: unquote(condition.value) });
    }
  }
  return { logic: operator, children };
}

/**
 * Parses a `/data/` query string exactly as api-tabular does (split on `&`, then on `=`), after
 * percent-decoding it as a whole: an encoded `&` or `=` inside a value breaks the query, as it does
 * on the real service. Returns { parts, page, pageSize, filters, sorts, columns, aggregators }.
 */
export function parseQuery(rawQuery, { rid, aggregation, paginate = true, pageSizeMax = PAGE_SIZE_MAX }) {
  const decoded = decodeQueryString(rawQuery);
  const parts = decoded ? decoded.split('&') : [];
  const params = new URLSearchParams(rawQuery);
  const query = { parts, filters: [], sorts: [], columns: null, selects: 0, aggregators: new Map() };
  if (paginate) {
    query.page = pyInt(params.get('page') ?? '1');
    query.pageSize = pyInt(params.get('page_size') ?? String(PAGE_SIZE_DEFAULT));
    if (query.pageSize > pageSizeMax) {
      throw new Reply(400, envelope('Invalid query string', `Page size exceeds allowed maximum: ${pageSizeMax}`));
    }
    query.offset = query.page > 1 ? query.pageSize * (query.page - 1) : 0;
  }
  for (const part of parts) {
    if (part.startsWith('or=(')) {
      query.filters.push(parseOperator(part, 'or', true, query));
      continue;
    }
    const split = part.split('=');
    if (split.length === 2) {
      const condition = addFilter(split[0], split[1], false, query);
      if (condition) query.filters.push(condition);
    } else if (split.length === 1) {
      const op = split[0].split('__')[1];
      if (op === undefined) throw serverError(); // IndexError in the real code
      if (op === 'isnull' || op === 'isnotnull') {
        query.filters.push(addFilter(split[0], null, false, query));
      } else {
        const parsed = split[0].includes('__') ? columnAndOperator(split[0]) : {};
        if (!AGGREGATORS.includes(parsed.op)) throw malformed(`argument '${split[0]}' could not be parsed`);
        if (!query.aggregators.has(parsed.op)) query.aggregators.set(parsed.op, []);
        query.aggregators.get(parsed.op).push(parsed.column);
      }
    } else {
      throw malformed(`argument '${part}' could not be parsed`);
    }
  }
  if (query.aggregators.size && !aggregation) {
    throw new Reply(403, envelope('Unauthorized parameters',
      `Aggregation parameters \`${[...query.aggregators.keys()].join('`, `')}\` are not allowed for resource '${rid}'`));
  }
  if (query.aggregators.size) query.selects++;
  if (query.selects > 1) throw malformed('the argument `columns` cannot be set alongside aggregators');
  return query;
}

// ---------------------------------------------------------------------------------------------
// Evaluation (what PostgreSQL would do)

const PG_TYPES = { int: 'bigint', float: 'double precision', date: 'date', bool: 'boolean', string: 'text' };

function resolveColumn(table, name, tableName) {
  const column = table.byName.get(name);
  if (!column) throw pgError(400, '42703', `column ${tableName}.${name} does not exist`);
  return column;
}

/** Casts a literal to the column's type, failing like PostgreSQL does. */
function castLiteral(column, text) {
  const type = column.type;
  const invalid = (code = '22P02') => pgError(400, code, `invalid input syntax for type ${PG_TYPES[type]}: "${text}"`);
  if (type === 'int') {
    if (!/^\s*[+-]?\d+\s*$/.test(text)) throw invalid();
    return Number(text);
  }
  if (type === 'float') {
    const n = Number(text);
    if (text.trim() === '' || (Number.isNaN(n) && text.trim() !== 'NaN')) throw invalid();
    return n;
  }
  if (type === 'date') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) throw invalid('22007');
    return text.trim();
  }
  if (type === 'bool') {
    const t = text.trim().toLowerCase();
    if (['t', 'true', 'yes', 'on', '1', 'y'].includes(t)) return 'true';
    if (['f', 'false', 'no', 'off', '0', 'n'].includes(t)) return 'false';
    throw invalid();
  }
  return text;
}

/** PostgREST `in.(a,b,"c,d")`. */
function listValues(text) {
  const values = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|([^,]*))\s*(?:,|$)/g;
  let m;
  while ((m = re.exec(text)) && m[0] !== '') values.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]);
  return values;
}

/** ILIKE with PostgREST's `*` wildcard (and SQL's own `%` and `_`). */
function likeRegExp(pattern) {
  let source = '';
  for (const char of pattern) {
    if (char === '*' || char === '%') source += '[\\s\\S]*';
    else if (char === '_') source += '[\\s\\S]';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

/**
 * Compiles a condition to `(row) => boolean` (SQL NULL counts as false). String columns are
 * tested once per dictionary entry, then per row through a mask.
 */
function compileCondition(table, condition, tableName) {
  const column = resolveColumn(table, condition.column, tableName);
  const { op } = condition;
  if (op === 'isnull') return column.numeric ? (i) => Number.isNaN(column.values[i]) : (i) => column.codes[i] === 0;
  if (op === 'isnotnull') return column.numeric ? (i) => !Number.isNaN(column.values[i]) : (i) => column.codes[i] !== 0;
  let test; // (value) => boolean for a non-null value
  if (op === 'contains' || op === 'notcontains') {
    if (column.type !== 'string' && column.type !== 'date') {
      throw pgError(404, '42883', `operator does not exist: ${PG_TYPES[column.type]} ~~* unknown`,
        'No operator matches the given name and argument types. You might need to add explicit type casts.');
    }
    const re = likeRegExp(`*${condition.value}*`);
    test = op === 'contains' ? (v) => re.test(v) : (v) => !re.test(v);
  } else if (op === 'in' || op === 'notin') {
    const values = new Set(listValues(condition.value).map((v) => castLiteral(column, v)));
    test = op === 'in' ? (v) => values.has(v) : (v) => !values.has(v);
  } else {
    const literal = castLiteral(column, condition.value);
    const cmp = column.numeric ? (v) => (v < literal ? -1 : v > literal ? 1 : 0)
      : column.type === 'date' || column.type === 'bool' ? (v) => (v < literal ? -1 : v > literal ? 1 : 0)
        : (v) => compareText(v, literal);
    test = {
      exact: (v) => (column.numeric ? v === literal : v === literal),
      differs: (v) => v !== literal,
      less: (v) => cmp(v) <= 0,
      greater: (v) => cmp(v) >= 0,
      strictly_less: (v) => cmp(v) < 0,
      strictly_greater: (v) => cmp(v) > 0,
    }[op];
  }
  const whenNull = op === 'differs'; // IS DISTINCT FROM: NULL differs from any value
  if (column.numeric) {
    const values = column.values;
    return (i) => (Number.isNaN(values[i]) ? whenNull : test(values[i]));
  }
  const mask = new Uint8Array(column.dict.length);
  for (let code = 1; code < column.dict.length; code++) mask[code] = test(column.dict[code]) ? 1 : 0;
  mask[0] = whenNull ? 1 : 0;
  const codes = column.codes;
  return (i) => mask[codes[i]] === 1;
}

function compileFilter(table, node, tableName) {
  if (!node.logic) return compileCondition(table, node, tableName);
  const children = node.children.map((child) => compileFilter(table, child, tableName));
  return node.logic === 'or' ? (i) => children.some((f) => f(i)) : (i) => children.every((f) => f(i));
}

function parseSort(table, { column: name, spec }, tableName) {
  const [dir = 'asc', nulls, ...rest] = String(spec).split('.');
  if (!['asc', 'desc'].includes(dir) || rest.length || (nulls && !['nullsfirst', 'nullslast'].includes(nulls))) {
    throw pgError(400, 'PGRST100', `"failed to parse order (${name}.${spec})" (line 1, column ${name.length + 2})`);
  }
  const column = resolveColumn(table, name, tableName);
  const descending = dir === 'desc';
  // PostgreSQL: NULLS LAST on ascending, NULLS FIRST on descending, unless told otherwise
  const nullsFirst = nulls ? nulls === 'nullsfirst' : descending;
  return { column, descending, nullsFirst };
}

/** Each row's rank in the column's sort order (-1 = NULL), and the number of distinct ranks. */
function rowRanks(column) {
  if (column.rowRanks) return column.rowRanks;
  const n = column.numeric ? column.values.length : column.codes.length;
  const rank = new Int32Array(n);
  let m;
  if (column.numeric) {
    const values = column.values;
    const sorted = new Float64Array(n);
    let count = 0;
    for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) sorted[count++] = values[i];
    const distinct = sorted.subarray(0, count).sort();
    m = 0;
    for (let k = 0; k < count; k++) if (k === 0 || distinct[k] !== distinct[m - 1]) distinct[m++] = distinct[k];
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (Number.isNaN(v)) { rank[i] = -1; continue; }
      let lo = 0;
      let hi = m - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (distinct[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      rank[i] = lo;
    }
  } else {
    const byCode = ranks(column);
    const codes = column.codes;
    for (let i = 0; i < n; i++) rank[i] = codes[i] === 0 ? -1 : byCode[codes[i]] - 1;
    m = column.dict.length - 1;
  }
  return (column.rowRanks = { rank, m });
}

/** Stable counting sort of row indices on one key: ties keep their incoming order. */
function countingSort(indices, { column, descending, nullsFirst }) {
  const { rank, m } = rowRanks(column);
  const bucket = (i) => (rank[i] < 0 ? (nullsFirst ? 0 : m + 1) : 1 + (descending ? m - 1 - rank[i] : rank[i]));
  const starts = new Uint32Array(m + 3);
  for (const i of indices) starts[bucket(i) + 1]++;
  for (let b = 1; b < starts.length; b++) starts[b] += starts[b - 1];
  const out = new Uint32Array(indices.length);
  for (const i of indices) out[starts[bucket(i)]++] = i;
  return out;
}

/** Multi-key sort as successive stable passes, last key first (ties end up in `__id` order). */
function sortIndices(indices, sorts) {
  let order = indices;
  for (let k = sorts.length - 1; k >= 0; k--) order = countingSort(order, sorts[k]);
  return order;
}

/** Every row of the table in one column's order, computed once per direction. */
function columnOrder(table, sort) {
  const key = `${sort.descending ? 'desc' : 'asc'}.${sort.nullsFirst ? 'first' : 'last'}`;
  sort.column.orders ??= {};
  return (sort.column.orders[key] ??= sortIndices(Uint32Array.from({ length: table.length }, (_, i) => i), [sort]));
}

/** Row indices matching the filters, in the requested order (cached per table). */
function selectRows(table, query, tableName) {
  const predicates = query.filters.map((f) => compileFilter(table, f, tableName));
  const sorts = query.sorts.map((s) => parseSort(table, s, tableName));
  const key = JSON.stringify([query.filters, query.sorts]);
  table.cache ??= new Map();
  const hit = table.cache.get(key);
  if (hit) return hit;
  const n = table.length;
  // one sort key: walk that column's cached order (sorted once), filtering on the way
  const single = sorts.length === 1 ? columnOrder(table, sorts[0]) : null;
  let indices;
  if (predicates.length === 0) {
    indices = single ?? Uint32Array.from({ length: n }, (_, i) => i);
  } else {
    const out = new Uint32Array(n);
    let count = 0;
    outer: for (let k = 0; k < n; k++) {
      const i = single ? single[k] : k;
      for (const p of predicates) if (!p(i)) continue outer;
      out[count++] = i;
    }
    indices = out.slice(0, count);
  }
  if (sorts.length > 1) indices = sortIndices(indices, sorts);
  table.cache.set(key, indices);
  if (table.cache.size > 16) table.cache.delete(table.cache.keys().next().value);
  return indices;
}

function rowOf(table, i, names) {
  const row = {};
  if (!names) row.__id = i + 1;
  for (const column of names ? names : table.columns) row[column.name] = cell(column, i);
  return row;
}

/** GROUP BY + aggregate functions, PostgREST-style: result columns `col__op`. */
function aggregate(table, indices, query, tableName) {
  const groupBy = (query.aggregators.get('groupby') ?? []).map((n) => resolveColumn(table, n, tableName));
  const outputs = [];
  for (const [op, names] of query.aggregators) {
    for (const name of names) {
      const column = resolveColumn(table, name, tableName);
      if (op === 'groupby') { outputs.push({ op, column, name }); continue; }
      if ((op === 'sum' || op === 'avg') && !column.numeric) {
        throw pgError(404, '42883', `function ${op}(${PG_TYPES[column.type]}) does not exist`,
          'No function matches the given name and argument types. You might need to add explicit type casts.');
      }
      outputs.push({ op, column, name: `${name}__${op}` });
    }
  }
  const measures = outputs.filter((o) => o.op !== 'groupby');
  if (!measures.length) {
    // groupby alone only selects the columns (no GROUP BY without an aggregate)
    return [...indices].map((i) => Object.fromEntries(outputs.map((o) => [o.name, cell(o.column, i)])));
  }
  const groups = new Map();
  const keyOf = groupBy.length === 1
    ? (groupBy[0].numeric ? (i) => groupBy[0].values[i] : (i) => groupBy[0].codes[i])
    : (i) => groupBy.map((c) => (c.numeric ? c.values[i] : c.codes[i])).join('\u0001');
  for (const i of indices) {
    const key = keyOf(i);
    let group = groups.get(key);
    if (!group) {
      group = { first: i, acc: measures.map(() => ({ count: 0, sum: 0, min: null, max: null })) };
      groups.set(key, group);
    }
    measures.forEach((m, k) => {
      const v = cell(m.column, i);
      if (v === null) return;
      const acc = group.acc[k];
      acc.count++;
      if (m.column.numeric) acc.sum += v;
      const lower = m.column.numeric ? v < acc.min : compareText(String(v), String(acc.min)) < 0;
      const higher = m.column.numeric ? v > acc.max : compareText(String(v), String(acc.max)) > 0;
      if (acc.min === null || lower) acc.min = v;
      if (acc.max === null || higher) acc.max = v;
    });
  }
  const rows = [];
  for (const group of groups.values()) {
    const row = {};
    let k = 0;
    for (const o of outputs) {
      if (o.op === 'groupby') { row[o.name] = cell(o.column, group.first); continue; }
      const acc = group.acc[k++];
      row[o.name] = o.op === 'count' ? acc.count
        : o.op === 'sum' ? (acc.count ? acc.sum : null)
          : o.op === 'avg' ? (acc.count ? acc.sum / acc.count : null)
            : acc[o.op];
    }
    rows.push(row);
  }
  if (!query.sorts.length) {
    // hash aggregates come back in no particular order; ours: by group keys
    const names = groupBy.map((c) => c.name);
    rows.sort((a, b) => {
      for (const name of names) {
        const x = a[name];
        const y = b[name];
        if (x === y) continue;
        if (x === null) return 1;
        if (y === null) return -1;
        return typeof x === 'number' ? x - y : compareText(x, y);
      }
      return 0;
    });
  }
  return rows;
}

/**
 * Runs a parsed query. Returns { rows, total } (total undefined for aggregates) for one page,
 * or every row when `query.page` is undefined (exports; `rows` null when more than `max`).
 */
export function runQuery(table, query, tableName, { max = Infinity } = {}) {
  const names = query.columns?.map((name) => resolveColumn(table, name, tableName));
  if (query.aggregators.size) {
    for (const s of query.sorts) {
      const grouped = query.aggregators.get('groupby') ?? [];
      if (!grouped.includes(s.column)) resolveColumn(table, s.column, tableName);
    }
  }
  const indices = selectRows(table, query, tableName);
  const hasMeasures = [...query.aggregators.keys()].some((op) => op !== 'groupby');
  if (query.aggregators.size) {
    const rows = aggregate(table, indices, query, tableName);
    const page = query.page === undefined ? rows : rows.slice(query.offset, query.offset + Math.max(0, query.pageSize));
    return { rows: page, total: hasMeasures ? undefined : rows.length };
  }
  if (indices.length > max) return { rows: null, total: indices.length };
  const start = query.page === undefined ? 0 : query.offset;
  const end = query.page === undefined ? indices.length : Math.min(indices.length, start + Math.max(0, query.pageSize));
  const rows = [];
  for (let k = start; k < end; k++) rows.push(rowOf(table, indices[k], names));
  return { rows, total: indices.length };
}
