/**
 * The expression grammar, computed columns, aggregate expressions, join keys and labels, as
 * input → output tables (pure: no request).
 */
import { expect } from '@open-wc/testing';
import {
  CultureError, CultureWarning, checkCompute, checkMeasures, columnTitle, joinKey, measureTitle, takesAggregate, parseDefinitions, parseExpression, parseJoin,
  parseLabels, formatLabels, readableName, loadSentences,
} from '../src/index.js';
import type { Cell, ColumnInfo, Row } from '../src/index.js';
import { compileRow, readCentury, readDateParts } from '../src/compute.js';
import { evaluateMeasure } from '../src/measures.js';

// these tests word core's errors themselves: elements load the sentences on their own (decision 0016)
before(() => Promise.all([loadSentences('fr'), loadSentences('en')]));

const columns: ColumnInfo[] = [
  { name: 'annee', type: 'integer', format: 'year' },
  { name: 'total', type: 'integer' },
  { name: 'gratuit', type: 'integer' },
  { name: 'regions', type: 'string' },
  { name: 'dompal', type: 'string' },
  { name: 'date_creation', type: 'string' },
  { name: 'ouverture', type: 'date' },
  { name: "Date d'ouverture", type: 'string' },
  { name: 'siecle', type: 'string' },
];

/** Runs `compute` on rows and returns the named column. */
function computeOn(compute: string, rows: Row[], name: string, lang: 'fr' | 'en' = 'fr'): Cell[] {
  const computed = checkCompute(compute, columns);
  const c = computed.find((x) => x.name === name)!;
  const get = compileRow(c.expr, (n) => (i) => rows[i]![n] ?? null, { lang });
  return rows.map((_, i) => get(i));
}

/** The error a function throws, or a failure. */
function errorOf(run: () => unknown): CultureError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(CultureError);
    return error as CultureError;
  }
  throw new Error('no error thrown');
}

describe('expression grammar', () => {
  it('reads numbers with a decimal point, columns, quoted names, text, calls and lists', () => {
    const e = parseExpression(`sum("Date d'ouverture") / 2.5 + bin(total, 0|10000|100000) - split(dompal, ';')`);
    expect(e.type).to.equal('binary');
    const defs = parseDefinitions(`taux = sum(gratuit) / sum(total) * 100, count()`, { separator: ',', named: false });
    expect(defs.map((d) => [d.name, d.named])).to.deep.equal([['taux', true], ['count()', false]]);
  });

  it('keeps operator precedence and parentheses', () => {
    const rows = [{ total: 10, gratuit: 4 }];
    expect(computeOn('x = total - gratuit * 2', rows, 'x')).to.deep.equal([2]);
    expect(computeOn('x = (total - gratuit) * 2', rows, 'x')).to.deep.equal([12]);
    expect(computeOn('x = -gratuit + 1.5', rows, 'x')).to.deep.equal([-2.5]);
  });

  const syntax: [string, string, string][] = [
    ['x = sum(total))', 'unexpected-close', ')'],
    ['x = total +', 'unexpected-end', ''],
    ['x = total * 1,5', 'unexpected-token', ','],
    ["x = split(dompal, ';)", 'unbalanced-quote', "'"],
    ['x = "Date d\'ouverture', 'unbalanced-name-quote', '"'],
    ['x = total # 2', 'unexpected-character', '#'],
    ['decade(annee)', 'missing-name', 'decade'],
    ['x = 12abc', 'bad-number', '12abc'],
  ];
  for (const [text, reason, token] of syntax) {
    it(`names the bad token: ${text}`, () => {
      const error = errorOf(() => checkCompute(text, columns));
      expect(error.code).to.equal('bad-expression');
      expect(error.details.reason).to.equal(reason);
      expect(error.details.token).to.equal(token);
      expect(error.messageIn('fr')).to.contain('Expression invalide');
      expect(error.messageIn('fr')).to.contain(text);
      expect(error.messageIn('en')).to.contain('Invalid expression');
    });
  }

  it('an unknown column lists the available ones, computed columns included', () => {
    const error = errorOf(() => checkCompute('decennie = decade(anne); x = decennie', columns));
    expect(error.code).to.equal('unknown-column');
    expect(error.details.column).to.equal('anne');
    expect(error.messageIn('fr')).to.contain('« annee »');
    expect(error.messageIn('en')).to.contain('Available columns');
  });

  it('an unknown function lists the functions', () => {
    const error = errorOf(() => checkCompute('x = decenie(annee)', columns));
    expect(error.code).to.equal('unknown-function');
    expect(error.messageIn('fr')).to.match(/Fonction inconnue « decenie ».*year, month, decade, century, bin, split, clean/);
    const measure = errorOf(() => checkMeasures('somme(total)', columns));
    expect(measure.code).to.equal('unknown-function');
    expect(measure.messageIn('en')).to.contain('sum, count, distinct, mean, median, min, max');
  });

  it('refuses split on numbers, a shadowing name, aggregates in compute, a nested split', () => {
    expect(errorOf(() => checkCompute("x = split(total, ';')", columns)).details.reason).to.equal('split-number');
    const shadow = errorOf(() => checkCompute('Total = total * 2', columns));
    expect(shadow.details.reason).to.equal('shadows');
    expect(shadow.messageIn('fr')).to.contain('existe déjà');
    expect(errorOf(() => checkCompute('x = sum(total)', columns)).details.reason).to.equal('aggregate-in-compute');
    expect(errorOf(() => checkCompute("d = split(dompal, ';'); x = lower(d)", columns)).details.reason).to.equal('split-nested');
    expect(errorOf(() => checkCompute('x = bin(total, 100|10)', columns)).details.reason).to.equal('bin-order');
  });
});

describe('computed columns', () => {
  it('year, month, decade from years, dates and dates written as text', () => {
    const rows = [
      { date_creation: '05/03/1994' }, { date_creation: '1987-11-02' }, { date_creation: '2003-07-14 10:30:00' },
      { date_creation: '1999-12' }, { date_creation: '1950' }, { date_creation: 'inconnue' }, { date_creation: null },
    ];
    expect(computeOn('y = year(date_creation)', rows, 'y')).to.deep.equal([1994, 1987, 2003, 1999, 1950, null, null]);
    expect(computeOn('m = month(date_creation)', rows, 'm')).to.deep.equal(['mars', 'novembre', 'juillet', 'décembre', null, null, null]);
    expect(computeOn('m = month(date_creation)', rows, 'm', 'en').slice(0, 2)).to.deep.equal(['March', 'November']);
    expect(computeOn('d = decade(date_creation)', rows, 'd')).to.deep.equal(['1990-1999', '1980-1989', '2000-2009', '1990-1999', '1950-1959', null, null]);
    expect(computeOn('d = decade(annee)', [{ annee: 2019 }, { annee: 2020 }], 'd')).to.deep.equal(['2010-2019', '2020-2029']);
    expect(readDateParts('2021-03-05')).to.deep.equal({ year: 2021, month: 3 });
  });

  it('century from a year, a date or text', () => {
    const texts: [Cell, number | undefined][] = [
      ['XVIIe siècle', 17], ['17e s.', 17], ['2e moitié du XIXe siècle', 19], ['1er quart du XVIIIe siècle', 18],
      ['XIXe-XXe siècles', 19], ['Ier siècle', 1], ['IVe siècle av. J.-C.', -4], ['vers 1650', 17], [1801, 19], [1900, 19],
      [1901, 20], ['2e moitié du 19e siècle', 19], ['17ème siècle', 17], ['inconnu', undefined], [null, undefined],
    ];
    for (const [cell, century] of texts) expect(readCentury(cell), String(cell)).to.equal(century);
    expect(computeOn('s = century(siecle)', [{ siecle: '2e moitié du XIXe siècle' }, { siecle: '17e s.' }, { siecle: 'IVe siècle av. J.-C.' }], 's'))
      .to.deep.equal(['XIXe siècle', 'XVIIe siècle', 'IVe siècle av. J.-C.']);
    expect(computeOn('s = century(siecle)', [{ siecle: 'Ier siècle' }, { siecle: '21e s.' }], 's', 'en')).to.deep.equal(['1st century', '21st century']);
  });

  it('bin: lower edge included, below the first edge, above the last', () => {
    const rows = [{ total: -5 }, { total: 0 }, { total: 9999 }, { total: 10000 }, { total: 250000 }, { total: null }];
    expect(computeOn('t = bin(total, 0|10000|100000)', rows, 't')).to.deep.equal([
      'moins de 0', '0 – 10\u202f000', '0 – 10\u202f000', '10\u202f000 – 100\u202f000', '100\u202f000 et plus', null,
    ]);
    expect(computeOn('t = bin(total, 1000)', [{ total: 10 }, { total: 1000 }], 't', 'en')).to.deep.equal(['under 1,000', '1,000 and over']);
  });

  it('split shows the values of a cell trimmed, without empty or repeated values', () => {
    expect(computeOn("d = split(dompal, ';')", [{ dompal: ' Archéologie;Beaux-Arts;;Archéologie ' }, { dompal: '' }], 'd'))
      .to.deep.equal(['Archéologie; Beaux-Arts', null]);
  });

  it('lower, upper, trim, coalesce, and clean without spellings keeps the trimmed label', () => {
    const rows = [{ regions: '  Île-de-France ', dompal: null, total: 3 }];
    expect(computeOn('x = lower(regions)', rows, 'x')).to.deep.equal(['  île-de-france ']);
    expect(computeOn('x = upper(trim(regions))', rows, 'x')).to.deep.equal(['ÎLE-DE-FRANCE']);
    expect(computeOn("x = coalesce(dompal, 'Inconnu')", rows, 'x')).to.deep.equal(['Inconnu']);
    expect(computeOn('x = clean(regions)', rows, 'x')).to.deep.equal(['Île-de-France']);
  });

  it('a division by zero or by an empty cell is empty, never Infinity', () => {
    const rows = [{ total: 0, gratuit: 3 }, { total: null, gratuit: 3 }, { total: 4, gratuit: 3 }];
    expect(computeOn('p = gratuit / total', rows, 'p')).to.deep.equal([null, null, 0.75]);
  });

  it('types the computed columns for elements', () => {
    const computed = checkCompute("d = decade(annee); y = year(ouverture); t = bin(total, 0|10); s = split(dompal, ';'); p = gratuit / total", columns);
    expect(computed.map((c) => [c.name, c.info.type, c.info.format ?? ''])).to.deep.equal([
      ['d', 'string', 'decade'], ['y', 'integer', 'year'], ['t', 'string', 'bin'], ['s', 'string', ''], ['p', 'number', ''],
    ]);
    expect(computed.map((c) => c.sources)).to.deep.equal([['annee'], ['ouverture'], ['total'], ['dompal'], ['gratuit', 'total']]);
    expect(computed[3]!.split).to.deep.equal({ separator: ';' });
  });
});

describe('aggregate expressions', () => {
  it('a bare column takes the element aggregate; calls are shared', () => {
    const [m] = checkMeasures('gratuit / total', columns);
    expect(m!.calls.map((c) => c.key)).to.deep.equal(['sum(gratuit)', 'sum(total)']);
    const [n] = checkMeasures('total', columns, { aggregate: 'mean' });
    expect(n!.calls.map((c) => c.key)).to.deep.equal(['mean(total)']);
    const [k] = checkMeasures('taux = sum(gratuit) / sum(total) * 100', columns);
    const values: Record<string, Cell> = { 'sum(gratuit)': 25, 'sum(total)': 200 };
    expect(evaluateMeasure(k!, (key) => values[key] ?? null, () => null)).to.equal(12.5);
    expect(evaluateMeasure(k!, (key) => (key === 'sum(total)' ? 0 : 3), () => null)).to.equal(null);
  });

  it('join columns, count(), distinct and errors', () => {
    const [m] = checkMeasures('sum(total) / join.population * 1000', columns, { joinColumns: ['population'] });
    expect(m!.joins).to.deep.equal(['population']);
    expect(evaluateMeasure(m!, () => 500, () => 1000)).to.equal(500);
    expect(errorOf(() => checkMeasures('sum(join.population)', columns, { joinColumns: ['population'] })).details.reason).to.equal('aggregate-of-join');
    expect(errorOf(() => checkMeasures('sum(regions)', columns)).details.reason).to.equal('not-a-number');
    expect(errorOf(() => checkMeasures('join.pop', columns)).details.reason).to.equal('join-without-join');
    expect(checkMeasures('count(), distinct(regions)', columns).map((x) => x.info.type)).to.deep.equal(['integer', 'integer']);
  });
});

describe('join keys', () => {
  it('normalises INSEE codes: 1 = 01, 2a = 2A, spaces; 20 matches neither 2A nor 2B', () => {
    const cases: [Cell, string | null][] = [
      ['1', '01'], [1, '01'], ['01', '01'], ['2a', '2A'], ['02A', '2A'], [' 2B ', '2B'], ['20', '20'],
      ['971', '971'], ['976', '976'], ['1001', '01001'], ['75 056', '75056'], ['971.0', '971'], ['', null], [null, null],
    ];
    for (const [cell, key] of cases) expect(joinKey(cell, true), String(cell)).to.equal(key);
    expect(joinKey(' Bretagne ', false)).to.equal('Bretagne');
  });

  it('parses « source on left = right » with quoted names', () => {
    expect(parseJoin('pop on code_departement = DEP')).to.deep.equal({ ref: 'pop', left: 'code_departement', right: 'DEP' });
    expect(parseJoin('https://www.data.gouv.fr/fr/datasets/population/ on "Code département" = "code dep"'))
      .to.deep.equal({ ref: 'https://www.data.gouv.fr/fr/datasets/population/', left: 'Code département', right: 'code dep' });
    expect(errorOf(() => parseJoin('pop code = DEP')).details.reason).to.equal('join-syntax');
  });
});

describe('labels', () => {
  it('readable defaults re-accent and split names', () => {
    const cases: [string, string][] = [
      ['annee', 'Année'], ['codeInseeCommune', 'Code INSEE commune'], ['region', 'Région'], ['nom_du_musee', 'Nom du musée'],
      ['code_departement', 'Code département'], ['IDMuseofile', 'ID museofile'], ['date-de-creation', 'Date de création'],
      ['Région administrative', 'Région administrative'], ['siecle', 'Siècle'], ['categorie', 'Catégorie'], ['nb_billets', 'Nb billets'],
      // capitals: prose when a word is French (« NOM DU musée » before), a code otherwise
      ['NOM_DU_MUSEE', 'Nom du musée'], ['ID_MUSEE', 'ID musée'], ['REGION_INSEE', 'Région INSEE'],
      ['TXCOUVGLO_COM_2014', 'TXCOUVGLO COM 2014'], ['NUMDEP', 'NUMDEP'], ['DRAC', 'DRAC'],
    ];
    for (const [name, label] of cases) expect(readableName(name), name).to.equal(label);
  });

  it('the author\'s labels win, matched forgiving case and accents', () => {
    const labels = parseLabels(`annee: Année; nom_du_musee: Musée; "Date d'ouverture": Ouverture; total: 'Entrées : total'`);
    expect(columnTitle('annee', labels)).to.equal('Année');
    expect(columnTitle("Date d'ouverture", labels)).to.equal('Ouverture');
    expect(columnTitle('Total', labels)).to.equal('Entrées : total');
    expect(columnTitle('region', labels)).to.equal('Région');
    expect(errorOf(() => parseLabels('annee Année')).details.reason).to.equal('labels-syntax');
  });

  it('labels written back read the same (names and labels with « : », apostrophes, spaces)', () => {
    const labels = new Map([['annee', 'Année'], ["Date d'ouverture", 'Ouverture'], ['a: b', 'Taux : part'], ['x', ' espacé '], ['total', "L'entrée"]]);
    const text = formatLabels(labels);
    expect(text.startsWith("annee: Année; Date d'ouverture: Ouverture; ")).to.equal(true);
    expect([...parseLabels(text)]).to.deep.equal([...labels]);
    // a `;` cannot be held: it is written `,`
    expect([...parseLabels(formatLabels(new Map([['t', 'Taux ; part']])))]).to.deep.equal([['t', 'Taux , part']]);
  });

  it('a joined column is called by its own name (« PTOT », not « Join.ptot »), or by its label', () => {
    expect(columnTitle('join.PTOT')).to.equal('PTOT');
    expect(columnTitle('join.Département')).to.equal('Département');
    expect(columnTitle('join.PTOT', parseLabels('join.PTOT: Population'))).to.equal('Population');
  });

  it('keys of a join without a match are « codes » when they are codes, « valeurs » otherwise', () => {
    const say = (keys: string[]) => new CultureWarning('unmatched', { keys, count: keys.length, ref: 'pop' }).messageIn('fr');
    expect(say(['975', '977'])).to.equal('2 codes sans correspondance dans « pop » : 975, 977');
    expect(say(['2A'])).to.equal('1 code sans correspondance dans « pop » : 2A');
    expect(say(['Ain', 'Aisne'])).to.equal('2 valeurs sans correspondance dans « pop » : Ain, Aisne');
    expect(say(['Ain'])).to.equal('1 valeur sans correspondance dans « pop » : Ain');
  });

  it('aggregate applies to a bare column only (takesAggregate)', () => {
    const cases: [string | undefined, boolean][] = [
      ['total', true], ['gratuit / total', true], ['taux = sum(gratuit) / total', true], ['-total', true],
      ['count()', false], ['sum(total)', false], ['sum(total) / join.PTOT', false], ['', false], [undefined, false], ['sum(total', true],
    ];
    for (const [text, expected] of cases) expect(takesAggregate(text), String(text)).to.equal(expected);
  });

  it('an aggregate expression without a name is titled in words, never as code', () => {
    const title = (text: string, options: Partial<Parameters<typeof measureTitle>[1]> = {}) =>
      parseDefinitions(text, { separator: ',', named: false }).map((d) => measureTitle(d, { lang: 'fr', ...options }).replace(/[\u00a0\u202f]/g, ' '));
    expect(title('count(), count(total), distinct(nom_du_musee), mean(total), median(total), min(total), max(total), sum(total)')).to.deep.equal([
      'Nombre de lignes', 'Total (valeurs renseignées)', 'Nom du musée (valeurs distinctes)', 'Total (moyenne)', 'Total (médiane)',
      'Total (minimum)', 'Total (maximum)', 'Total (somme)',
    ]);
    // inside arithmetic a sum is the column itself; a bare column takes the element's aggregate
    expect(title('gratuit / total, sum(gratuit) / sum(total) * 100, count() / join.PTOT * 100000, (payant - gratuit) / total')).to.deep.equal([
      'Gratuit / Total', 'Gratuit / Total × 100', 'Nombre de lignes / PTOT × 100 000', '(Payant − Gratuit) / Total',
    ]);
    expect(title('gratuit / total', { aggregate: 'mean' })).to.deep.equal(['Gratuit (moyenne) / Total (moyenne)']);
    expect(title('taux = sum(gratuit) / sum(total)')).to.deep.equal(['Taux']);
    expect(title('sum(total)', { sumNote: false })).to.deep.equal(['Total']);
    expect(title('count(), mean(total)', { lang: 'en' })).to.deep.equal(['Number of rows', 'Total (mean)']);
    expect(title('sum(total)', { titleOf: () => 'Entrées' })).to.deep.equal(['Entrées (somme)']);
  });
});
