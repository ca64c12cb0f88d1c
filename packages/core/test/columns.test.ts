import { expect } from '@open-wc/testing';
import {
  CultureError, cellNumber, findColumn, formatCell, formatList, isCategory, isCode, isCoordinate, isLatitude, isLongitude, isMeasure,
  isYear, loadSentences, matchColumn, parseList, parseName, readPair, slugify, type ColumnInfo,
} from '../src/index.js';

// these tests word core's errors themselves: elements load the sentences on their own (decision 0016)
before(() => Promise.all([loadSentences('fr'), loadSentences('en')]));

const col = (name: string, extra: Partial<ColumnInfo> = {}): ColumnInfo => ({ name, type: 'string', ...extra });

describe('column rules: the list grammar', () => {
  const lists: [string | null | undefined, string[]][] = [
    [null, []],
    ['', []],
    ['a,b', ['a', 'b']],
    [' a , b ,,', ['a', 'b']],
    ['"Nom, prénom", total', ['Nom, prénom', 'total']],
    ["'Nom, du lieu'", ['Nom, du lieu']],
    ["'l''été'", ["l'été"]],
    ["L'Isle-Adam, Ville", ["L'Isle-Adam", 'Ville']],
    ['-"Jauge (places, estimation)", annee', ['-Jauge (places, estimation)', 'annee']],
  ];
  for (const [text, expected] of lists) it(`parseList(${JSON.stringify(text)})`, () => expect(parseList(text)).to.deep.equal(expected));

  it('reads one name quoted like a list item, or bare (commas and all)', () => {
    expect(parseName("'Nom, du lieu'")).to.equal('Nom, du lieu');
    expect(parseName(' Jauge (places, estimation) ')).to.equal('Jauge (places, estimation)');
    expect(parseName('  ')).to.equal(undefined);
  });

  it('writes lists back so they read the same', () => {
    const names = ['total', 'Nom, prénom', 'l\'été', 'a "b"'];
    expect(parseList(formatList(names))).to.deep.equal(names);
  });
});

describe('column rules: names', () => {
  it('finds a column forgiving case, accents and spaces, else names the available ones', () => {
    expect(matchColumn('region  administrative', ['Région administrative', 'total'])).to.equal('Région administrative');
    expect(findColumn('TOTAL', [col('total', { type: 'integer' })]).type).to.equal('integer');
    try {
      matchColumn('nombre', ['Région', 'annee']);
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(CultureError);
      expect((error as CultureError).messageIn('fr')).to.contain('Colonnes disponibles : « Région », « annee »');
      expect((error as CultureError).messageIn('en')).to.contain('Available columns: "Région", "annee"');
    }
  });

  it('slugifies for file names', () => expect(slugify("L'été, à Paris !")).to.equal('l-ete-a-paris'));
});

describe('column rules: cells', () => {
  const numbers: [unknown, number | undefined][] = [
    [46.2, 46.2], ['46.2', 46.2], ['46,2', 46.2], [' -1.5 ', -1.5], ['1 234,5', 1234.5], ['\u202f12\u00a0000', 12000],
    [true, 1], ['', undefined], ['abc', undefined], ['n/a', undefined], [null, undefined], [NaN, undefined],
  ];
  for (const [input, out] of numbers) it(`cellNumber(${JSON.stringify(input)}) → ${out}`, () => expect(cellNumber(input)).to.equal(out));

  const pairs: [unknown, [number, number] | undefined][] = [
    ['46.21, 5.55', [46.21, 5.55]],
    ['46.21,5.55', [46.21, 5.55]],
    ['46,21 ; 5,55', [46.21, 5.55]],
    ['[46.21, 5.55]', [46.21, 5.55]],
    [[46.21, 5.55], [46.21, 5.55]],
    [{ lat: 46.21, lon: 5.55 }, [46.21, 5.55]],
    ['{"lat": 46.21, "lon": 5.55}', [46.21, 5.55]],
    ['46.21', undefined],
    ['Paris', undefined],
    [null, undefined],
  ];
  for (const [input, out] of pairs) it(`readPair(${JSON.stringify(input)})`, () => expect(readPair(input)).to.deep.equal(out));

  it('never writes a year with a thousands separator', () => {
    expect(formatCell(2019, col('annee', { type: 'integer', format: 'year' }), 'fr')).to.equal('2019');
    expect(formatCell(2019, col('Année', { type: 'integer' }), 'fr')).to.equal('2019');
    expect(formatCell(2019, col('annee', { type: 'integer', min: 1990, max: 2024 }), 'en')).to.equal('2019');
    expect(formatCell(2019, col('total', { type: 'integer' }), 'en')).to.equal('2,019');
  });
});

describe('column rules: kinds', () => {
  const table: [string, ColumnInfo, (c: ColumnInfo) => boolean, boolean][] = [
    ['a year by format', col('x', { type: 'integer', format: 'year' }), isYear, true],
    ['a year by name', col('Année', { type: 'integer' }), isYear, true],
    ['not a year out of range', col('annees_ouverture', { type: 'integer', min: 1, max: 40 }), isYear, false],
    ['Latitude (WGS84)', col('Latitude (WGS84)', { type: 'number' }), isLatitude, true],
    ['Longitude (WGS84)', col('Longitude (WGS84)', { type: 'number' }), isLongitude, true],
    ['Lambert 93 is not WGS84', col('latitude_l93', { type: 'number' }), isLatitude, false],
    ['geo_point_2d places rows', col('geo_point_2d', { type: 'json' }), isCoordinate, true],
    ['Géocodage xy places rows', col('Géocodage xy'), isCoordinate, true],
    ['a total is a measure', col('total', { type: 'integer' }), isMeasure, true],
    ['a year is not a measure', col('annee', { type: 'integer' }), isMeasure, false],
    ['a code is not a measure', col('codeInseeCommune', { type: 'integer' }), isMeasure, false],
    ['an id is a code', col('IDPatrimostat', { type: 'integer' }), isCode, true],
    ['a latitude is not a measure', col('Latitude', { type: 'number' }), isMeasure, false],
    ['a region is a category', col('region'), isCategory, true],
    ['a link is not a category', col('site', { format: 'url' }), isCategory, false],
  ];
  for (const [name, column, test, expected] of table) it(name, () => expect(test(column)).to.equal(expected));
});
