// Measures what a page downloads for each CDN entry: the entry plus its static imports (first
// load), and everything it may import later (lazy chunks), minified and gzipped.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const importsOf = (file) => {
  const code = readFileSync(file, 'utf8');
  const near = (m) => resolve(dirname(file), m[1]);
  return {
    stat: [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.[^"']+)["']/g)].map(near),
    lazy: [...code.matchAll(/import\(\s*["'](\.[^"']+)["']\s*\)/g)].map(near),
  };
};

/**
 * The files a page downloads for `entry`: `first` is the entry and its static imports (first
 * load), `later` what those may import dynamically, transitively (lazy chunks). Shared with the
 * bench/*-size.mjs benchmarks.
 */
export function importGraph(entry) {
  const first = new Set();
  const later = new Set();
  const walk = (file, into) => {
    // the regexes may catch an import written in a string (unminified builds): skip what is not there
    if (first.has(file) || later.has(file) || !existsSync(file)) return;
    into.add(file);
    const { stat, lazy } = importsOf(file);
    for (const f of stat) walk(f, into);
    for (const f of lazy) walk(f, later);
  };
  walk(resolve(entry), first);
  return { first: [...first], later: [...later] };
}

/** Bytes of `files` gzipped one by one at level 9, as a CDN serves them. */
export const gzipSize = (files) => files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);

const measure = (files) => ({ min: files.reduce((n, f) => n + readFileSync(f).length, 0), gzip: gzipSize(files) });

export function bundleSizes(dir) {
  return readdirSync(dir)
    .filter((f) => /^culture-[\w-]+\.js$/.test(f))
    .sort()
    .map((name) => {
      const { first, later } = importGraph(join(dir, name));
      return { name, first: measure(first), all: measure([...first, ...later]) };
    });
}

/**
 * The lazy boundaries of decisions 0007 and 0013, checked on the built files: source modules
 * (matched on the paths in the source maps) that an entry's first load must not hold. Returns
 * one sentence per breach, naming the entry and the module that came in statically.
 */
export function lazyBreaches(dir, rules) {
  return Object.entries(rules).flatMap(([entry, forbidden]) =>
    importGraph(join(dir, entry)).first.flatMap((file) => {
      const map = `${file}.map`;
      const sources = existsSync(map) ? JSON.parse(readFileSync(map, 'utf8')).sources : [];
      return sources.filter((s) => forbidden.test(s)).map((s) => `${entry}: ${s.replace(/^(\.\.\/)+/, '')} is in the first load (it must load lazily)`);
    }),
  );
}

const kib = (n) => (n / 1024).toFixed(1);
export function formatSizeReport(rows) {
  return [
    '| bundle | first load min KiB | first load gzip KiB | with lazy min KiB | with lazy gzip KiB |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| dist/${r.name} | ${kib(r.first.min)} | ${kib(r.first.gzip)} | ${kib(r.all.min)} | ${kib(r.all.gzip)} |`),
  ].join('\n');
}
