// The sample portal: a local stand-in for www.data.gouv.fr, tabular-api.data.gouv.fr,
// static.data.gouv.fr and one producer's server without CORS. Plain node:http.
//
//   main host   /api/…             udata (CORS when an Origin is sent, like udata)
//               /tabular/api/…     tabular API (CORS always)
//               /tabular/health/
//               /static/…          files, CORS always (static.data.gouv.fr)
//               /__admin/…         request logs, fault injection, settings (never scoped)
//   remote host /…                 files without any CORS header
//
// Every route also answers under /s/<scope>/…, and every URL the portal writes keeps the prefix,
// so parallel test files can count their own requests and inject faults without colliding.
import { createServer, STATUS_CODES } from 'node:http';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { DATASETS, findFile, findParquetCopy, lazy } from './catalog.mjs';
import { fileBytes, parquetBytes, udata } from './udata.mjs';
import { tabular } from './tabular.mjs';

const LOG_LIMIT = 5000;
// 1×1 transparent PNG, for organisation logos
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function cors(extra = {}) {
  return { 'access-control-allow-origin': '*', 'access-control-expose-headers': '*', ...extra };
}

/** Splits `/s/<scope>/rest` → { scope, prefix, rest }. */
function unscope(pathname) {
  const m = pathname.match(/^\/s\/([^/]+)(\/.*)$/);
  return m ? { scope: decodeURIComponent(m[1]), prefix: `/s/${m[1]}`, rest: m[2] } : { scope: '', prefix: '', rest: pathname };
}

async function boundaries(name) {
  try {
    const geo = await import('./geo/boundaries.mjs');
    return typeof geo[name] === 'function' ? geo[name]() : null;
  } catch (error) {
    if (error.code === 'ERR_MODULE_NOT_FOUND') return null;
    throw error;
  }
}

async function staticFile(host, path) {
  const geo = host === 'static' && path.match(/^geo\/(regions|departements)\.geojson$/);
  if (geo) {
    const collection = await boundaries(geo[1] === 'regions' ? 'regions' : 'departements');
    if (collection) return { status: 200, body: JSON.stringify(collection), type: 'application/geo+json' };
  }
  if (host === 'static' && path.startsWith('avatars/')) return { status: 200, body: PNG, type: 'image/png' };
  const copy = host === 'static' && findParquetCopy(path);
  if (copy) return { status: 200, body: parquetBytes(copy.resource), type: 'application/vnd.apache.parquet', ranges: true };
  const found = findFile(host, path);
  if (!found || found.dataset.deleted) {
    return { status: 404, body: '<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center></body></html>', type: 'text/html' };
  }
  return { status: 200, body: fileBytes(found.resource), type: found.resource.file.contentType, ranges: true, headers: { 'last-modified': new Date(found.resource.last_modified).toUTCString() } };
}

/**
 * A 206 for a `Range: bytes=a-b` (or `a-`) request on a static file, as an object store answers;
 * a suffix range or several ranges get the whole file, like many servers.
 */
function ranged(reply, header) {
  const m = /^bytes=(\d+)-(\d*)$/.exec(header ?? '');
  const body = reply.body;
  if (!m || !Buffer.isBuffer(body)) return reply;
  const start = Number(m[1]);
  const end = Math.min(m[2] === '' ? body.length - 1 : Number(m[2]), body.length - 1);
  if (start >= body.length || end < start) {
    return { status: 416, body: '', headers: { ...reply.headers, 'content-range': `bytes */${body.length}` } };
  }
  return { ...reply, status: 206, body: body.subarray(start, end + 1), headers: { ...reply.headers, 'content-range': `bytes ${start}-${end}/${body.length}` } };
}

/**
 * Starts the portal and resolves to `{ url, remoteUrl, close() }`. By default it runs in a worker
 * thread: generating the big files (seconds of CPU) must not stall the test runner's own server.
 */
export async function startPortal({ port = 0, remotePort = 0, host = '127.0.0.1', warm = false, thread = true, pageSizeMax } = {}) {
  const options = { port, remotePort, host, warm, pageSizeMax };
  if (!thread || !isMainThread) return serve(options);
  const worker = new Worker(new URL(import.meta.url), { workerData: options });
  worker.unref(); // never keeps the process alive on its own
  const started = await new Promise((ok, fail) => {
    worker.once('message', ok);
    worker.once('error', fail);
  });
  worker.on('error', (error) => console.error('[portal]', error));
  return {
    url: started.url,
    remoteUrl: started.remoteUrl,
    close: () => worker.terminate().then(() => undefined),
  };
}

if (!isMainThread && workerData?.port !== undefined) {
  serve(workerData).then(({ url, remoteUrl }) => parentPort.postMessage({ url, remoteUrl }));
}

async function serve({ port, remotePort, host, warm, pageSizeMax }) {
  const logs = new Map(); // scope → [{ method, path, query, status }]
  const faults = new Map(); // scope → [spec]
  const settings = new Map(); // scope → { pageSizeMax }
  if (pageSizeMax) settings.set('', { pageSizeMax }); // the unscoped default (cli --page-size-max)
  const sockets = new Set();
  let origin = '';
  let remoteOrigin = '';

  function log(scope, entry) {
    let list = logs.get(scope);
    if (!list) logs.set(scope, (list = []));
    list.push(entry);
    if (list.length > LOG_LIMIT) list.shift();
  }

  function takeFault(scope, target) {
    const list = faults.get(scope);
    if (!list) return null;
    let decoded = target;
    try { decoded = decodeURIComponent(target); } catch { /* keep raw */ }
    const fault = list.find((f) => target.includes(f.match ?? '') || decoded.includes(f.match ?? ''));
    if (!fault) return null;
    if (fault.times !== undefined && --fault.times <= 0) list.splice(list.indexOf(fault), 1);
    return fault;
  }

  async function admin(req, url) {
    const headers = cors({ 'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS', 'access-control-allow-headers': '*' });
    const reply = (status, body) => ({ status, body: JSON.stringify(body), type: 'application/json', headers });
    const scope = url.searchParams.get('scope') ?? '';
    if (url.pathname === '/__admin/requests' && req.method === 'GET') return reply(200, logs.get(scope) ?? []);
    if (url.pathname === '/__admin/requests' && req.method === 'DELETE') { logs.delete(scope); return reply(200, { ok: true }); }
    if (url.pathname === '/__admin/faults' && req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const spec = JSON.parse(raw || '{}');
      const key = spec.scope ?? '';
      if (!faults.has(key)) faults.set(key, []);
      faults.get(key).push({ ...spec });
      return reply(201, { ok: true });
    }
    if (url.pathname === '/__admin/faults' && req.method === 'DELETE') { faults.delete(scope); return reply(200, { ok: true }); }
    if (url.pathname === '/__admin/settings' && req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const { scope: key = '', ...values } = JSON.parse(raw || '{}');
      settings.set(key, { ...settings.get(key), ...values });
      return reply(200, { ok: true });
    }
    return reply(404, { message: 'Not found' });
  }

  /** The answer of the portal itself, before faults. */
  async function answer(req, remote, url, prefix, rest, scope) {
    const ctx = {
      ...settings.get(''), ...settings.get(scope),
      api: `${origin}${prefix}/api`,
      tabular: `${origin}${prefix}/tabular`,
      static: `${origin}${prefix}/static`,
      remote: `${remoteOrigin}${prefix}`,
    };
    if (remote) return staticFile('remote', rest.slice(1));
    const rawQuery = url.search.slice(1);
    if (rest.startsWith('/api/')) {
      const fullObjects = /^true$/i.test(req.headers['x-get-datasets-full-objects'] ?? '');
      const res = udata(rest.slice(4), url.searchParams, { ...ctx, fullObjects }, url.search);
      // udata adds CORS only when the request carries an Origin (udata/cors.py)
      const headers = req.headers.origin ? { ...cors(), vary: 'Origin' } : { vary: 'Origin' };
      return { ...res, headers: { ...headers, ...res.headers } };
    }
    const permalink = rest.match(/^\/(?:fr\/)?datasets\/r\/([^/]+)\/?$/);
    if (permalink) {
      // the site's permanent link (older `latest` values), CORS-enabled like the API
      return { ...udata(`/1/datasets/r/${permalink[1]}`, url.searchParams, ctx, url.search), headers: cors() };
    }
    if (rest.startsWith('/tabular/')) {
      const res = tabular(rest.slice(8), rawQuery, ctx);
      return { ...res, headers: { ...cors(), ...res.headers } };
    }
    if (rest.startsWith('/static/')) {
      const res = await staticFile('static', decodeURIComponent(rest.slice(8)));
      return { ...res, headers: { ...cors(), ...res.headers } };
    }
    return { status: 404, body: '404: Not Found', type: 'text/plain; charset=utf-8', headers: cors() };
  }

  function send(res, reply, fault) {
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body ?? Buffer.alloc(0);
    const headers = { ...reply.headers, 'content-length': body.length };
    if (reply.ranges) headers['accept-ranges'] = 'bytes';
    if (reply.type) headers['content-type'] = reply.type;
    res.writeHead(reply.status, headers);
    if (fault?.trickle && body.length > 1) {
      // the body in 20 slices over `trickle` ms: a download still running
      const slice = Math.ceil(body.length / 20);
      let at = 0;
      const next = () => {
        if (res.destroyed) return;
        const end = Math.min(body.length, at + slice);
        res.write(body.subarray(at, end));
        at = end;
        if (at < body.length) setTimeout(next, fault.trickle / 20);
        else res.end();
      };
      next();
      return;
    }
    if (fault?.truncate && body.length > 1) {
      // half the promised body, then the connection drops
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
      return;
    }
    res.end(body);
  }

  function faultReply(fault, reply, remote) {
    if (!fault.status) return reply;
    // `cors: false`: a gateway's refusal without CORS headers (the browser sees a network error)
    const headers = remote || fault.cors === false ? {} : cors();
    if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
    Object.assign(headers, fault.headers);
    const body = fault.body === undefined ? `${fault.status}: ${STATUS_CODES[fault.status] ?? ''}`
      : typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
    const type = fault.body !== undefined && typeof fault.body !== 'string' ? 'application/json' : 'text/plain; charset=utf-8';
    return { status: fault.status, body, type, headers };
  }

  const handler = (remote) => async (req, res) => {
    try {
      const url = new URL(req.url, 'http://portal.invalid');
      if (!remote && url.pathname.startsWith('/__admin/')) {
        if (req.method === 'OPTIONS') return send(res, { status: 204, headers: cors({ 'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS', 'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*', 'access-control-max-age': '600' }) });
        return send(res, await admin(req, url));
      }
      const { scope, prefix, rest } = unscope(url.pathname);
      const entry = { method: req.method, path: rest, query: url.search.slice(1), status: null, host: remote ? 'remote' : 'main', open: true };
      log(scope, entry);
      // open until the answer is sent whole or the client gives up (an abort closes the connection)
      res.on('close', () => { entry.open = false; });
      if (req.method === 'OPTIONS') {
        entry.status = 204;
        if (remote) return send(res, { status: 405, body: '' }); // the producer's server knows nothing of CORS
        return send(res, { status: 204, headers: cors({ 'access-control-allow-methods': 'GET, HEAD, OPTIONS', 'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*', 'access-control-max-age': '600', vary: 'Origin' }) });
      }
      const fault = takeFault(scope, `${rest}${url.search}`);
      if (fault?.latency) await new Promise((ok) => setTimeout(ok, fault.latency));
      if (fault?.hang) return; // never answered; the socket closes when the client gives up
      let reply = fault?.status ? null : await answer(req, remote, url, prefix, rest, scope);
      if (fault) reply = faultReply(fault, reply, remote);
      // `ignoreRange`: a server that answers every request with the whole file
      if (reply.ranges && req.headers.range && !fault?.ignoreRange) reply = ranged(reply, req.headers.range);
      entry.status = reply.status;
      entry.range = req.headers.range ?? null;
      entry.bytes = typeof reply.body === 'string' ? Buffer.byteLength(reply.body) : reply.body?.length ?? 0;
      send(res, reply, fault);
    } catch (error) {
      console.error('[portal]', req.url, error);
      if (!res.headersSent) send(res, { status: 500, body: '500 Internal Server Error', headers: cors() });
    }
  };

  const listen = (p, remote) => new Promise((ok, fail) => {
    const server = createServer(handler(remote));
    server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
    server.once('error', fail);
    server.listen(p, host, () => ok(server));
  });
  const main = await listen(port, false);
  const remoteServer = await listen(remotePort, true);
  const name = host.includes(':') ? `[${host}]` : host;
  origin = `http://${name}:${main.address().port}`;
  // build the 500,000-row table now, while the test runner is still launching its browser
  if (warm) setTimeout(() => { for (const d of DATASETS) for (const r of d.resources) if (r.tabular && !d.deleted) lazy(r, 'table', () => r.tabular.table()); }, 20).unref();
  remoteOrigin = `http://${name}:${remoteServer.address().port}`;
  return {
    url: origin,
    remoteUrl: remoteOrigin,
    close() {
      for (const socket of sockets) socket.destroy();
      return Promise.all([main, remoteServer].map((s) => new Promise((ok) => s.close(() => ok()))));
    },
  };
}
