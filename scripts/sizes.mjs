// Measures what a page downloads for each CDN entry: the entry plus its static imports (first
// load), and everything it may import later (lazy chunks), minified and gzipped.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const importsOf = (file) => {
  const code = readFileSync(file, 'utf8');
  const stat = [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.[^"']+)["']/g)].map((m) => m[1]);
  const lazy = [...code.matchAll(/import\(\s*["'](\.[^"']+)["']\s*\)/g)].map((m) => m[1]);
  const abs = (rel) => resolve(dirname(file), rel);
  return { stat: stat.map(abs), lazy: lazy.map(abs) };
};

function closure(entry, followLazy) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const { stat, lazy } = importsOf(file);
    for (const f of followLazy ? [...stat, ...lazy] : stat) visit(f);
  };
  visit(entry);
  return [...seen];
}

const measure = (files) => {
  const min = files.reduce((n, f) => n + readFileSync(f).length, 0);
  const gzip = files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  return { min, gzip };
};

export function bundleSizes(dir) {
  return readdirSync(dir)
    .filter((f) => /^culture-[\w-]+\.js$/.test(f))
    .sort()
    .map((name) => {
      const entry = resolve(join(dir, name));
      return { name, first: measure(closure(entry, false)), all: measure(closure(entry, true)) };
    });
}

const kib = (n) => (n / 1024).toFixed(1);
export function formatSizeReport(rows) {
  return [
    '| bundle | first load min KiB | first load gzip KiB | with lazy min KiB | with lazy gzip KiB |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| dist/${r.name} | ${kib(r.first.min)} | ${kib(r.first.gzip)} | ${kib(r.all.min)} | ${kib(r.all.gzip)} |`),
  ].join('\n');
}
