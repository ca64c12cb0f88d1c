// npm run bench: runs every bench/<area>-*.mjs that exports `run()`, and prints one table.
// Each benchmark measures against a baseline in the same process and browser, so the ratio
// means something on a noisy machine; nothing here is ever a test assertion.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

if (!existsSync('dist/culture-widgets.js')) execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });

const only = process.argv[2]; // e.g. `npm run bench -- table`
const files = readdirSync('bench')
  .filter((f) => /^[a-z]+-[\w-]+\.mjs$/.test(f) && f !== 'run.mjs' && (!only || f.startsWith(only)))
  .sort();

const rows = [];
for (const file of files) {
  const mod = await import(pathToFileURL(`bench/${file}`).href);
  if (typeof mod.run !== 'function') continue;
  console.log(`\n▶ ${file}`);
  try {
    for (const row of (await mod.run()) ?? []) rows.push({ file, ...row });
  } catch (error) {
    console.error(`  ${file} failed: ${error.stack ?? error}`);
    rows.push({ file, name: 'failed', value: NaN, unit: String(error.message ?? error) });
  }
}

const fmt = (n) => (n === undefined || n === null ? '' : Number.isFinite(n) ? (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2)) : String(n));
const table = [
  '| benchmark | measure | value | baseline | ratio | goal |',
  '| --- | --- | ---: | ---: | ---: | --- |',
  ...rows.map((r) => `| ${r.file.replace('.mjs', '')} | ${r.name} | ${fmt(r.value)} ${r.unit ?? ''} | ${r.baseline === undefined ? '' : `${fmt(r.baseline)} ${r.unit ?? ''}`} | ${fmt(r.ratio)} | ${r.goal ?? ''} |`),
].join('\n');
console.log(`\n${table}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.md', `${table}\n`);
