// Vega-Lite compiled at build time (docs/decisions/0017-vega-lite-templates.md): every spec of
// template-cases.ts is split into its key and values (src/template.ts); each key is compiled once
// by Vega-Lite into a template, and every case checks that its filled template equals what
// `vl.compile` gives it (spec and warnings). A key with a case that differs gets no template: its
// charts compile in the browser. Writes packages/chart/templates/<name>.js, one module a key.
//   node packages/chart/build/templates.mjs [--force]   (skipped when its inputs did not change)
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const TEMPLATES = join(root, 'packages/chart/templates');
const STAMP = join(TEMPLATES, 'stamp.json');

/**
 * template-cases.ts and src/template.ts, bundled for node (vega-lite stays an import), and a hash
 * of every file the bundle read, of Vega-Lite's version and of this script: the templates change
 * only when it does.
 */
async function bundle(dir) {
  const file = join(dir, 'cases.mjs');
  const { metafile } = await build({
    stdin: {
      contents: `export * from './packages/chart/build/template-cases.ts'; export * from './packages/chart/src/template.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    conditions: ['source'],
    external: ['vega-lite', 'vega'],
    outfile: file,
    metafile: true,
    logLevel: 'error',
  });
  const hash = createHash('sha256');
  const read = [...Object.keys(metafile.inputs).filter((f) => f !== '<stdin>').map((f) => join(root, f)), join(root, 'node_modules/vega-lite/package.json'), fileURLToPath(import.meta.url)];
  for (const path of read.sort()) hash.update(relative(root, path)).update(readFileSync(path));
  return { file, stamp: hash.digest('hex') };
}

function compiler(vl) {
  return (spec) => {
    const warnings = [];
    const logger = {
      level: () => logger,
      warn: (...args) => (warnings.push(args.map(String).join(' ')), logger),
      error: (...args) => {
        throw new Error(args.map(String).join(' '));
      },
      info: () => logger,
      debug: () => logger,
    };
    // as JSON: the template is stored so (an `undefined` property and one absent are alike)
    return JSON.parse(JSON.stringify({ spec: vl.compile(spec, { logger }).spec, warnings }));
  };
}

export async function generateTemplates({ force = false, log = console.log } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'culture-templates-'));
  try {
    const { file, stamp } = await bundle(dir);
    try {
      if (!force && JSON.parse(readFileSync(STAMP, 'utf8')).inputs === stamp) return;
    } catch {
      // no stamp: generate
    }
    await generate(await import(pathToFileURL(file).href), stamp, log);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function generate({ templateCases, templateKey, keySpec, fillTemplate, templateName }, stamp, log) {
  const started = Date.now();
  const vl = await import('vega-lite');
  const compile = compiler(vl);
  const templates = new Map(); // key → template, or null when a case proved it wrong
  const failures = [];
  let cases = 0;
  for (const c of templateCases()) {
    cases++;
    const { key, values } = templateKey(c.spec);
    if (!templates.has(key)) templates.set(key, compile(keySpec(key)));
    const template = templates.get(key);
    if (!template) continue;
    const expected = compile(c.spec);
    if (!isDeepStrictEqual(fillTemplate(template, values), expected)) {
      templates.set(key, null);
      failures.push(c.name);
    }
  }
  rmSync(TEMPLATES, { recursive: true, force: true });
  mkdirSync(TEMPLATES, { recursive: true });
  let written = 0;
  for (const [key, template] of templates) {
    if (!template) continue;
    writeFileSync(join(TEMPLATES, `${templateName(key)}.js`), `export default ${JSON.stringify(template)};\n`);
    written++;
  }
  writeFileSync(STAMP, JSON.stringify({ inputs: stamp, cases, keys: templates.size, written, failures }, null, 1));
  log(`templates: ${cases} cases, ${templates.size} keys, ${written} templates written, ${failures.length} cases differ${failures.length ? ` (first: ${failures.slice(0, 5).join('; ')})` : ''} — ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await generateTemplates({ force: process.argv.includes('--force') });
