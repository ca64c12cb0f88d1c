/**
 * The file path loads lazily (docs/decisions/0007-lazy-file-path.md): a page that reads the tabular
 * API never downloads the parser, the worker client or the local engines. The dev server serves
 * one module per file, so the page's resource timings say which modules were fetched.
 */
import { expect } from '@open-wc/testing';
import { clearCaches, load } from '../src/index.js';
import { DATASETS, portal } from '../../../test/helpers/portal.js';

// csv.ts and infer.ts are also public exports of index.ts: unbundled, they load with it
const fileModules = /\/core\/src\/(file-path|file|json|parse|local|arquero-engine|worker-client)\.ts(\?|$)/;
const fetched = () => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => fileModules.test(name));

describe('the file path is a lazy chunk', function () {
  this.timeout(30000);

  it('a tabular read downloads none of it; the first file read does', async () => {
    clearCaches();
    const p = await portal();
    const tabular = await load({ dataset: DATASETS.museums, api: p.api, tabularApi: p.tabularApi }, { limit: 5 });
    expect(tabular.path).to.equal('tabular');
    expect(fetched()).to.deep.equal([]);
    const file = await load({ dataset: DATASETS.festivals, api: p.api, tabularApi: p.tabularApi }, { limit: 5 });
    expect(file.path).to.equal('file');
    expect(fetched().some((name) => name.includes('/file-path.ts'))).to.equal(true);
  });
});
