import { expect } from '@open-wc/testing';
import { clearCaches, configureCore, load, loadColumns, resolveSource, runQuery } from '../src/index.js';
import type { ColumnInfo, Progress, QueryResult } from '../src/index.js';
import { lastParse, workersStarted } from '../src/worker-client.js';
import { DATASETS, portal } from '../../../test/helpers/portal.js';
import type { Portal } from '../../../test/helpers/portal.js';

const byName = (result: { columns: ColumnInfo[] }) => Object.fromEntries(result.columns.map((c) => [c.name, c]));

describe('file path against the sample portal', function () {
  this.timeout(60000);
  let p: Portal;
  const spec = (dataset: string) => ({ dataset, api: p.api, tabularApi: p.tabularApi });
  beforeEach(async () => { clearCaches(); p = await portal(); });

  it('reads the festivals CSV (quoted ; values, multi-line cells, odd column names) in a worker', async () => {
    const progress: Progress[] = [];
    const result = await load(spec(DATASETS.festivals), {}, { onProgress: (e) => progress.push(e) });
    expect(result.path).to.equal('file');
    expect(lastParse).to.equal('worker');
    expect(result.rows.length).to.be.greaterThan(100);
    expect(progress.at(-1)!.loaded).to.be.greaterThan(0);
    expect(progress.at(-1)!.loaded).to.equal(progress.at(-1)!.total ?? progress.at(-1)!.loaded);
    const names = result.columns.map((c) => c.name);
    expect(names.some((n) => n.includes("'") || n.includes('°') || n.includes('('))).to.equal(true);
    const texts = result.rows.flatMap((r) => Object.values(r)).filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => t.includes('\n'))).to.equal(true);
    expect(texts.some((t) => t.includes(';'))).to.equal(true);
    expect(Object.values(byName(result)).some((c) => c.format === 'latlon_wgs')).to.equal(true);
  });

  it('reads the windows-1252 spending file: decimal commas, thousands, percents, dates, codes', async () => {
    const result = await load(spec(DATASETS.spending), {});
    const cols = Object.values(byName(result));
    expect(cols.some((c) => c.type === 'date')).to.equal(true);
    expect(cols.some((c) => c.format === 'percent')).to.equal(true);
    expect(cols.filter((c) => c.type === 'number' || c.type === 'integer').length).to.be.greaterThan(1);
    const text = JSON.stringify(result.rows);
    expect(text).to.match(/[éèà]/);
    expect(text).not.to.contain('\uFFFD');
    const codes = cols.find((c) => /d[ée]partement/i.test(c.name) && /code/i.test(c.name));
    if (codes) expect(codes.type).to.equal('string');
  });

  it('reads a GeoJSON resource, keeping each geometry in __geometry', async () => {
    const result = await load(spec(DATASETS.places), { limit: 5 });
    const geometry = byName(result).__geometry!;
    expect(geometry).to.include({ type: 'json', format: 'geojson' });
    expect(JSON.parse(result.rows[0]!.__geometry as string).type).to.equal('Point');
  });

  it('reads a JSON array of records (Opendatasoft export, geo_point_2d)', async () => {
    const result = await load(spec(DATASETS.monuments), {});
    expect(result.rows.length).to.be.greaterThan(10);
    expect(Object.values(byName(result)).some((c) => c.format === 'latlon_wgs')).to.equal(true);
  });

  it('filters, groups and sorts a file locally', async () => {
    const cols = await loadColumns(await resolveSource(spec(DATASETS.festivals)));
    const group = cols.find((c) => c.categorical && c.type === 'string')!;
    const result = await load(spec(DATASETS.festivals), { groupBy: [group.name], aggregates: [{ op: 'count' }], sort: [{ column: 'count', descending: true }] });
    const counts = result.rows.map((r) => r.count as number);
    expect(counts).to.deep.equal([...counts].sort((a, b) => b - a));
    expect(result.total).to.equal(result.rows.length);
  });

  it('downloads and parses a file once for several queries', async () => {
    await Promise.all([load(spec(DATASETS.festivals), { limit: 1 }), load(spec(DATASETS.festivals), { limit: 2 })]);
    await load(spec(DATASETS.festivals), { limit: 3 });
    expect(await p.requests('/static/')).to.have.length(1);
  });

  it('parses on the main thread, in slices, when no worker can start', async () => {
    const previous = configureCore({ workerUrl: `${p.base}/no-such-worker.js` });
    try {
      const result = await load(spec(DATASETS.festivals), { limit: 3 });
      expect(result.rows).to.have.length(3);
      expect(lastParse).to.equal('main');
    } finally { configureCore(previous); }
  });

  it('parses the next file in the worker the last file left (its code warm, no new worker), but never in a kept worker of another script', async () => {
    const first = await load(spec(DATASETS.festivals), {});
    const started = workersStarted;
    clearCaches();
    const again = await load(spec(DATASETS.festivals), {});
    expect(again.path).to.equal('file');
    expect(lastParse).to.equal('worker');
    expect(workersStarted).to.equal(started);
    expect(again.rows).to.deep.equal(first.rows);
    expect(again.columns).to.deep.equal(first.columns);
    const previous = configureCore({ workerUrl: `${p.base}/no-such-worker.js` });
    try {
      clearCaches();
      await load(spec(DATASETS.festivals), { limit: 3 });
      expect(lastParse).to.equal('main');
    } finally { configureCore(previous); }
  });

  it('gives the same table from the worker and from the main thread', async () => {
    const viaWorker = await load(spec(DATASETS.spending), {});
    clearCaches();
    const previous = configureCore({ useWorker: false });
    let onMain: QueryResult;
    try { onMain = await load(spec(DATASETS.spending), {}); } finally { configureCore(previous); }
    expect(onMain.rows).to.deep.equal(viaWorker.rows);
    expect(onMain.columns).to.deep.equal(viaWorker.columns);
  });

  it('keeps hostile values, names and titles as plain strings on the file path', async () => {
    const source = await resolveSource(spec(DATASETS.hostile));
    const result = await runQuery({ ...source, tabular: false, key: `${source.key}|file` }, {});
    const texts = result.rows.flatMap((r) => Object.values(r)).filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => /<(img|script|svg)/i.test(t))).to.equal(true);
    expect(result.columns.some((c) => /[<>]/.test(c.name))).to.equal(true);
    expect((window as { __xss?: boolean }).__xss).to.equal(undefined);
  });

  it('aborts mid-download', async () => {
    const big = await resolveSource(spec(DATASETS.ticketing));
    const file = { ...big, tabular: false, key: `${big.key}|file` }; // 53 MB file, read from the file path
    const controller = new AbortController();
    let seen = 0;
    const code = await runQuery(file, { limit: 1 }, {
      signal: controller.signal,
      onProgress: ({ loaded }) => { seen = loaded; if (loaded > 0) controller.abort(); },
    }).then(() => 'ok', (e: { code: string }) => e.code);
    expect(code).to.equal('aborted');
    expect(seen).to.be.greaterThan(0);
    expect(seen).to.be.lessThan(53000132);
  });
});
