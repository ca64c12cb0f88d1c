import { expect } from '@open-wc/testing';
import { clearCaches, closestValues, loadColumns, resolveSource, suggestValues } from '../src/index.js';
import { DATASETS, portal, type Portal } from '../../../test/helpers/portal.js';

describe('closestValues: what an equality filter that matched nothing probably meant', () => {
  const values = [
    { value: 'BRETAGNE', count: 722 }, { value: 'Bretagne', count: 535 }, { value: 'Normandie', count: 523 },
    { value: 'Île-de-France', count: 1080 }, { value: 'ILE-DE-FRANCE', count: 90 }, { value: 'Grand Est', count: 1074 },
  ];
  it('one letter off, without case or accents; the most frequent first', () => {
    expect(closestValues('Bretagnee', values)).to.deep.equal([{ value: 'BRETAGNE', count: 722 }, { value: 'Bretagne', count: 535 }]);
    expect(closestValues('ile de france', values).map((v) => v.value)).to.deep.equal(['Île-de-France', 'ILE-DE-FRANCE']);
    expect(closestValues('grand-est', values).map((v) => v.value)).to.deep.equal(['Grand Est']);
  });
  it('nothing close, nothing said; never more than five', () => {
    expect(closestValues('Atlantide', values)).to.deep.equal([]);
    expect(closestValues('a', Array.from({ length: 9 }, (_, i) => ({ value: `a${i}`, count: i })))).to.have.length(5);
  });
});

describe('suggestValues against the sample portal', function () {
  this.timeout(30000);
  let p: Portal;
  const spec = (dataset: string) => ({ dataset, api: p.api, tabularApi: p.tabularApi });
  beforeEach(async () => { clearCaches(); p = await portal(); });

  it('counts the values on the server under the other filters (one group-by)', async () => {
    const source = await resolveSource(spec(DATASETS.museums));
    const columns = await loadColumns(source);
    const values = await suggestValues(source, columns, { column: 'region', op: '=', value: 'Bretagnee' }, [{ column: 'annee', op: '=', value: '2015' }]);
    expect(values.map((v) => v.value)).to.deep.equal(['BRETAGNE']);
    expect(values[0]!.count).to.be.above(50);
    const data = await p.requests('/data/');
    expect(data.map((r) => r.query)).to.deep.equal(['annee__exact=2015&region__groupby&region__count&page=1&page_size=200']);
  });

  it('reads the profile\'s most frequent values when the API refuses to group (no download)', async () => {
    const source = await resolveSource(spec(DATASETS.museumList));
    const columns = await loadColumns(source);
    const values = await suggestValues(source, columns, { column: 'Région administrative', op: '=', value: 'bretagnee' }, []);
    expect(values).to.deep.equal([{ value: 'Bretagne', count: 61 }]);
    expect(await p.requests('/data/csv/')).to.have.length(0);
  });
});
