// The datasets the README, the docs and the examples name are served by the sample portal under
// the same slugs as on data.gouv.fr, and a former slug redirects to the current one, as udata does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { startPortal } from './server.mjs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pages = ['README.md', 'docs/embedding.md', ...readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.html')).map((f) => `examples/${f}`)];

test('every dataset the README, the docs and the examples name is served; the former slug redirects', async () => {
  const named = new Map();
  for (const page of pages) {
    for (const [, slug] of read(page).matchAll(/dataset[=:]"?([a-z0-9-]+)/g)) if (!named.has(slug)) named.set(slug, page);
  }
  assert.ok(named.has('frequentation-des-musees-de-france-1'), "the README's example");
  const portal = await startPortal({ thread: false });
  try {
    for (const [slug, page] of named) {
      const res = await fetch(`${portal.url}/api/1/datasets/${slug}/`);
      assert.equal(res.status, 200, `${slug} (${page})`);
      assert.equal((await res.json()).slug, slug);
    }
    const former = await fetch(`${portal.url}/api/1/datasets/frequentation-des-musees-de-france/`, { redirect: 'manual' });
    assert.equal(former.status, 301);
    assert.equal(former.headers.get('location'), `${portal.url}/api/1/datasets/frequentation-des-musees-de-france-1/`);
  } finally {
    await portal.close();
  }
});
