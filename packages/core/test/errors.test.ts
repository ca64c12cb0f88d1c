import { expect } from '@open-wc/testing';
import { CultureError, clearCaches, configureCore, load, loadSentences, parseFilter, resolveSource, runQuery } from '../src/index.js';
import type { ErrorCode, Query } from '../src/index.js';
import { DATASETS, portal } from '../../../test/helpers/portal.js';
import type { Portal } from '../../../test/helpers/portal.js';

// these tests word core's errors themselves: elements load the sentences on their own (decision 0016)
before(() => Promise.all([loadSentences('fr'), loadSentences('en')]));

/** The error a promise rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<CultureError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(CultureError);
    return error as CultureError;
  }
  expect.fail('expected a CultureError');
}

const expectMessages = (error: CultureError) => {
  expect(error.messageIn('fr')).to.be.a('string').and.not.equal(error.messageIn('en'));
  expect(error.messageIn('en').length).to.be.greaterThan(5);
};

describe('errors: a stable code and a message in French and English', function () {
  this.timeout(30000);
  let p: Portal;
  let restore: ReturnType<typeof configureCore>;
  const spec = (dataset: string) => ({ dataset, api: p.api, tabularApi: p.tabularApi });
  const some: Query = { limit: 5 };

  beforeEach(async () => {
    clearCaches();
    p = await portal();
    restore = configureCore({ maxRetryWait: 50 });
  });
  afterEach(() => configureCore(restore));

  const cases: [ErrorCode, string, () => Promise<unknown>][] = [
    ['not-found', 'unknown dataset', () => load(spec('aucun-jeu-de-donnees'), some)],
    ['not-found', 'tabular 404 in plain text, then the file 404 too', async () => {
      await p.fault({ match: '/profile/', status: 404, body: '404: Not Found' });
      await p.fault({ match: '/static/', status: 404, body: '404: Not Found' });
      return load(spec(DATASETS.museums), some);
    }],
    ['gone', 'deleted dataset (410)', () => load(spec(DATASETS.deleted), some)],
    ['gone', 'tabular 410 in plain text', async () => {
      await p.fault({ match: '/data/', status: 410, body: 'Resource has been permanently deleted on 2025-03-14 by its producer.' });
      return load(spec(DATASETS.museums), some);
    }],
    ['network', 'unreachable host', () => load({ dataset: DATASETS.museums, api: 'http://127.0.0.1:9/api' }, some)],
    ['network', 'connection dropped mid-body', async () => {
      await p.fault({ match: '/static/', truncate: true });
      return load(spec(DATASETS.festivals), some);
    }],
    ['network', 'tabular page cut halfway', async () => {
      await p.fault({ match: '/data/', truncate: true });
      return load(spec(DATASETS.museums), some);
    }],
    ['network', 'tabular profile cut halfway', async () => {
      await p.fault({ match: '/profile/', truncate: true });
      return load(spec(DATASETS.museums), some);
    }],
    ['network', 'tabular CSV export cut halfway', async () => {
      await p.fault({ match: '/data/csv/', truncate: true });
      return load(spec(DATASETS.museums), { groupBy: ['annee'], aggregates: [{ op: 'median', column: 'total' }] });
    }],
    ['timeout', 'no answer in time', async () => {
      configureCore({ timeout: 300 });
      await p.fault({ match: '/profile/', hang: true });
      return load(spec(DATASETS.museums), some);
    }],
    ['cors', 'file host without CORS headers', () => load(spec(DATASETS.noCors), some)],
    ['rate-limited', '429 after every retry', async () => {
      await p.fault({ match: '/data/', status: 429, retryAfter: 0 });
      return load(spec(DATASETS.museums), some);
    }],
    ['too-large', 'file over the cap', async () => {
      configureCore({ maxFileSize: 1000 });
      return load(spec(DATASETS.festivals), some);
    }],
    ['parse', 'broken JSON', async () => {
      await p.fault({ match: '/static/', status: 200, body: '{"type": "FeatureCollection", "features": [' });
      return load(spec(DATASETS.places), some);
    }],
    ['bad-filter', 'unbalanced quote', async () => parseFilter('region = "Bretagne')],
    ['unknown-column', 'column not in the profile', () => load(spec(DATASETS.museums), { filters: [{ column: 'regions', op: '=', value: 'Bretagne' }] })],
    ['unknown-column', 'PostgREST 42703 (object detail)', async () => {
      await p.fault({ match: '/data/', status: 400, body: { errors: [{ code: null, title: 'Database error', detail: { code: '42703', details: null, hint: null, message: 'column x.nombre does not exist' } }] } });
      return load(spec(DATASETS.museums), some);
    }],
    ['server', 'JSON envelope with a string detail', async () => {
      await p.fault({ match: '/data/', status: 400, body: { errors: [{ code: null, title: 'Invalid query string', detail: 'Malformed query: argument could not be parsed' }] } });
      return load(spec(DATASETS.museums), some);
    }],
    ['server', '500', async () => {
      await p.fault({ match: '/data/', status: 500, body: '500 Internal Server Error' });
      return load(spec(DATASETS.museums), some);
    }],
    ['aborted', 'signal aborted by the caller', async () => {
      const controller = new AbortController();
      const promise = load(spec(DATASETS.museums), some, { signal: controller.signal });
      controller.abort();
      return promise;
    }],
  ];

  for (const [code, name, run] of cases) {
    it(`${code}: ${name}`, async () => {
      const error = await failure(run());
      expect(error.code).to.equal(code);
      expectMessages(error);
    });
  }

  it('too-large links the file and says the size', async () => {
    configureCore({ maxFileSize: 1000 });
    const error = await failure(load(spec(DATASETS.festivals), some));
    expect(error.details.url).to.match(/^http/);
    expect(error.messageIn('fr')).to.contain('Mo');
  });

  it('refuses a file the catalogue says is too big before downloading it', async () => {
    const source = await resolveSource(spec(DATASETS.ticketing));
    configureCore({ maxFileSize: 1_000_000 });
    const error = await failure(runQuery({ ...source, tabular: false, key: 'big' }, some));
    expect(error.code).to.equal('too-large');
    expect(await p.requests('/static/')).to.have.length(0);
  });

  it('reads the file when the tabular API does not know a resource (404)', async () => {
    await p.fault({ match: '/profile/', status: 404, body: '404: Not Found' });
    const result = await load(spec(DATASETS.museums), some);
    expect(result.path).to.equal('file');
    expect(result.rows).to.have.length(5);
  });

  it('retries 503 honouring Retry-After, then succeeds', async () => {
    await p.fault({ match: '/data/', status: 503, retryAfter: 0, times: 2 });
    const result = await load(spec(DATASETS.museums), some);
    expect(result.rows).to.have.length(5);
    expect((await p.requests('/data/')).map((r) => r.status)).to.deep.equal([503, 503, 200]);
  });

  it('gives up after a bounded number of retries', async () => {
    await p.fault({ match: '/data/', status: 503, retryAfter: 0 });
    const error = await failure(load(spec(DATASETS.museums), some));
    expect(error.code).to.equal('server');
    expect(await p.requests('/data/')).to.have.length(4);
  });

  it('shared work survives one caller aborting', async () => {
    const controller = new AbortController();
    const first = load(spec(DATASETS.museums), some, { signal: controller.signal });
    const second = load(spec(DATASETS.museums), some);
    controller.abort();
    expect((await failure(first)).code).to.equal('aborted');
    expect((await second).rows).to.have.length(5);
  });
});
