// A small static file server for the examples, dist/ and benchmarks (no dependencies).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.geojson': 'application/geo+json',
};

/**
 * Serves `root`. `transform(path, text)` may rewrite HTML/JS on the way out (the --live switch);
 * `headers(path)` adds headers (a Content-Security-Policy for the CSP checks). Every answer allows
 * any origin (CORS): a snippet copied from the builder loads `dist/culture-widgets.js` from here
 * into pages of other origins (module scripts are fetched with CORS), the builder's sandboxed
 * trial page among them.
 */
export function serveStatic({ root = '.', port = 0, host = '127.0.0.1', index = '/examples/', transform, headers } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/') {
      res.writeHead(302, { location: index }).end();
      return;
    }
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      let body = await readFile(path);
      const type = types[extname(path)] ?? 'application/octet-stream';
      if (transform && /^(text|application\/json)/.test(type)) body = Buffer.from(transform(url.pathname, body.toString('utf8')));
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', 'access-control-allow-origin': '*', ...(headers?.(url.pathname) ?? {}) });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' }).end('404: Not Found');
    }
  });
  return new Promise((ok) =>
    server.listen(port, host, () => ok({ server, url: `http://${host}:${server.address().port}`, close: () => server.close() })),
  );
}
