import { expect } from '@open-wc/testing';
import type { ColumnInfo } from '@culture-widgets/core';
import { ariaSort, nextSort, parseSort, resolveSort, selectColumns } from '../src/columns.js';
import { barDomain, barGeometry, cellView } from '../src/cells.js';
import { blocksFor, blocksToKeep, pageWindow, virtualWindow } from '../src/paging.js';
import { downloadFilename, downloadQuery } from '../src/download.js';

const NBSP = /[\u202f\u00a0]/g;
const col = (name: string, type: ColumnInfo['type'] = 'string', extra: Partial<ColumnInfo> = {}): ColumnInfo => ({ name, type, ...extra });
const museums = [col('__id', 'integer'), col('nom_du_musee'), col('Région administrative'), col('annee', 'integer', { format: 'year' }), col('total', 'integer')];

describe('columns', () => {
  const selections: [string[], string[], string[]][] = [
    [[], ['nom_du_musee', 'Région administrative', 'annee', 'total'], []],
    [['total', 'nom_du_musee'], ['total', 'nom_du_musee'], []],
    [['region administrative', 'TOTAL'], ['Région administrative', 'total'], []],
    [['total', 'nope', 'total'], ['total'], ['nope']],
    [['__id'], ['nom_du_musee', 'Région administrative', 'annee', 'total'], ['__id']],
    [['nope'], ['nom_du_musee', 'Région administrative', 'annee', 'total'], ['nope']],
  ];
  for (const [requested, names, unknown] of selections) {
    it(`selectColumns(${requested.join('|')})`, () => {
      const result = selectColumns(requested, museums);
      expect(result.columns.map((c) => c.name)).to.deep.equal(names);
      expect(result.unknown).to.deep.equal(unknown);
    });
  }

  const sorts: [string, { column: string; descending?: boolean }[]][] = [
    ['', []],
    ['-total', [{ column: 'total', descending: true }]],
    ['annee, -total', [{ column: 'annee' }, { column: 'total', descending: true }]],
    ['+annee', [{ column: 'annee' }]],
    ['-"Région administrative"', [{ column: 'Région administrative', descending: true }]],
  ];
  for (const [text, keys] of sorts) it(`parseSort(${JSON.stringify(text)})`, () => expect(parseSort(text)).to.deep.equal(keys));

  it('resolveSort keeps known columns with their real names', () => {
    expect(resolveSort(parseSort('-TOTAL, nope'), museums)).to.deep.equal([{ column: 'total', descending: true }]);
  });

  it('a header click cycles ascending → descending → none, another column restarts', () => {
    expect(nextSort([], 'total')).to.deep.equal([{ column: 'total' }]);
    expect(nextSort([{ column: 'total' }], 'total')).to.deep.equal([{ column: 'total', descending: true }]);
    expect(nextSort([{ column: 'total', descending: true }], 'total')).to.deep.equal([]);
    expect(nextSort([{ column: 'total', descending: true }], 'annee')).to.deep.equal([{ column: 'annee' }]);
    expect(ariaSort([{ column: 'total', descending: true }], 'total')).to.equal('descending');
    expect(ariaSort([{ column: 'total' }], 'total')).to.equal('ascending');
    expect(ariaSort([{ column: 'total' }], 'annee')).to.equal('none');
  });
});

describe('cells', () => {
  const cases: [unknown, ColumnInfo, 'fr' | 'en', string, string][] = [
    [1234.5, col('total', 'number'), 'fr', 'number', '1 234,5'],
    [1234.5, col('total', 'number'), 'en', 'number', '1,234.5'],
    [2024, col('annee', 'integer', { format: 'year' }), 'fr', 'number', '2024'],
    [24.7, col('part', 'number', { format: 'percent' }), 'fr', 'number', '24,7 %'],
    [null, col('total', 'number'), 'fr', 'empty', ''],
    ['', col('nom'), 'fr', 'empty', ''],
    ['   ', col('nom'), 'fr', 'empty', ''],
    [true, col('gratuit', 'boolean'), 'fr', 'boolean', 'Oui'],
    [false, col('gratuit', 'boolean'), 'en', 'boolean', 'No'],
    ['false', col('gratuit', 'boolean'), 'fr', 'boolean', 'Non'],
    ['2024-03-12', col('jour', 'date'), 'fr', 'text', '12 mars 2024'],
    ['2024-03-12', col('jour', 'date'), 'en', 'text', '12 March 2024'],
    ['12/03/2024', col('jour', 'date'), 'fr', 'text', '12/03/2024'],
    ['<img src=x onerror="window.__xss=true">', col('nom'), 'fr', 'text', '<img src=x onerror="window.__xss=true">'],
    ['https://www.musee.fr/a?b=1', col('url'), 'fr', 'link', 'https://www.musee.fr/a?b=1'],
    ['www.musee.fr', col('url', 'string', { format: 'url' }), 'fr', 'link', 'www.musee.fr'],
    ['javascript:window.__xss=true', col('url', 'string', { format: 'url' }), 'fr', 'text', 'javascript:window.__xss=true'],
  ];
  for (const [value, column, lang, kind, text] of cases) {
    it(`cellView(${JSON.stringify(value)}, ${column.type}${column.format ? `/${column.format}` : ''}, ${lang})`, () => {
      const view = cellView(value as never, column, lang);
      expect(view.kind).to.equal(kind);
      expect(view.kind === 'empty' ? '' : view.text.replace(NBSP, ' ')).to.equal(text);
    });
  }

  const hrefs: [string, string | null][] = [
    ['https://www.musee.fr', 'https://www.musee.fr/'],
    ['http://musee.fr/page', 'http://musee.fr/page'],
    ['www.musee.fr', 'https://www.musee.fr/'],
    [' WWW.Musee.fr/x ', 'https://www.musee.fr/x'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<script>', null],
    ['https://a.fr/"><script>', null],
    ['ftp://musee.fr', null],
    ['musee.fr', null],
    ['see https://musee.fr', null],
  ];
  for (const [text, href] of hrefs) {
    it(`a link cell: ${JSON.stringify(text)}`, () => {
      const view = cellView(text, col('site'), 'fr');
      expect(view.kind === 'link' ? view.href : null).to.equal(href);
    });
  }

  it('bars are measured from zero against the profile range widened by the rows', () => {
    expect(barDomain(col('total', 'integer', { min: '10', max: '200' }), [{ total: 400 }, { total: null }])).to.deep.equal([0, 400]);
    expect(barDomain(col('solde', 'number'), [{ solde: -50 }, { solde: 150 }])).to.deep.equal([-50, 150]);
  });
  const bars: [unknown, [number, number], { left: number; width: number } | null][] = [
    [50, [0, 200], { left: 0, width: 25 }],
    [200, [0, 200], { left: 0, width: 100 }],
    [-50, [-50, 150], { left: 0, width: 25 }],
    [100, [-50, 150], { left: 25, width: 50 }],
    [null, [0, 200], null],
    ['12', [0, 200], null],
    [5, [0, 0], null],
    [999, [0, 200], { left: 0, width: 100 }],
  ];
  for (const [value, domain, geometry] of bars) {
    it(`barGeometry(${JSON.stringify(value)}, ${domain})`, () => expect(barGeometry(value as never, domain)).to.deep.equal(geometry));
  }
});

describe('paging', () => {
  const pages: [number, number, number, { page: number; pages: number; first: number; last: number; offset: number }][] = [
    [0, 20, 12292, { page: 0, pages: 615, first: 1, last: 20, offset: 0 }],
    [614, 20, 12292, { page: 614, pages: 615, first: 12281, last: 12292, offset: 12280 }],
    [999, 20, 12292, { page: 614, pages: 615, first: 12281, last: 12292, offset: 12280 }],
    [-3, 20, 45, { page: 0, pages: 3, first: 1, last: 20, offset: 0 }],
    [0, 20, 0, { page: 0, pages: 1, first: 0, last: 0, offset: 0 }],
  ];
  for (const [page, size, total, expected] of pages) {
    it(`pageWindow(${page}, ${size}, ${total})`, () => expect(pageWindow(page, size, total)).to.deep.equal(expected));
  }


  it('the virtual window keeps only visible rows plus overscan', () => {
    const top = virtualWindow({ scrollTop: 0, viewportHeight: 400, rowHeight: 40, total: 500_000, overscan: 5 });
    expect(top).to.include({ start: 0, end: 16, before: 0 });
    const mid = virtualWindow({ scrollTop: 4000, viewportHeight: 400, rowHeight: 40, total: 1000, overscan: 5 });
    expect(mid).to.deep.equal({ start: 95, end: 116, before: 3800, after: 40000 - 3800 - 21 * 40, height: 40000 });
  });

  it('a body taller than the browser allows is scaled and still reaches the last row', () => {
    const input = { viewportHeight: 400, rowHeight: 40, total: 500_000, overscan: 5, maxHeight: 1_000_000 };
    const end = virtualWindow({ ...input, scrollTop: 1_000_000 });
    expect(end.height).to.equal(1_000_000);
    expect(end.end).to.equal(500_000);
    expect(end.before + (end.end - end.start) * 40 + end.after).to.be.closeTo(1_000_000, 0.001);
    expect(end.after).to.be.closeTo(0, 0.001);
    const half = virtualWindow({ ...input, scrollTop: 499_800 });
    expect(half.start).to.be.within(249_980, 250_000);
    expect(half.end - half.start).to.be.below(25);
  });

  it('blocks cover the window; neighbours are kept, far ones are not', () => {
    expect(blocksFor(95, 116, 50)).to.deep.equal([1, 2]);
    expect(blocksFor(0, 0, 50)).to.deep.equal([]);
    expect(blocksFor(0, 50, 50)).to.deep.equal([0]);
    expect([...blocksToKeep([0, 1], 1)].sort()).to.deep.equal([0, 1, 2]);
    expect(blocksToKeep([10], 1).has(3)).to.equal(false);
  });
});

describe('download', () => {
  it('keeps the view (filters, search, sort) but every page, up to the limit', () => {
    const view = { filters: [{ column: 'annee', op: '=' as const, value: '2020' }], search: 'louvre', sort: [{ column: 'total', descending: true }], offset: 40, limit: 20 };
    expect(downloadQuery(view, 1000)).to.deep.equal({ filters: view.filters, search: 'louvre', sort: view.sort, limit: 1000 });
  });

  const names: [string | undefined, string, string, string][] = [
    ['frequentation-des-musees-de-france', 'http://p/datasets/x', 'T', 'frequentation-des-musees-de-france.csv'],
    ['5d3f4e9a634f4146d7c8a1b2', 'http://p/fr/datasets/liste-des-festivals/', 'T', 'liste-des-festivals.csv'],
    ['https://www.data.gouv.fr/fr/datasets/mon-jeu/#/resources/abc', 'x', 'T', 'mon-jeu.csv'],
    [undefined, 'http://host/files/Musées 2024.csv', 'Fréquentation des musées (2024)', 'frequentation-des-musees-2024.csv'],
    [undefined, 'http://host/files/festivals.csv', '', 'festivals.csv'],
  ];
  for (const [dataset, url, title, filename] of names) {
    it(`downloadFilename(${dataset ?? url})`, () => {
      expect(downloadFilename({ citation: { datasetTitle: title, datasetUrl: url }, fileUrl: url }, dataset)).to.equal(filename);
    });
  }
});
