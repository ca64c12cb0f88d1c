import { expect } from '@open-wc/testing';
import { CultureError, checkFilter, formatFilter, loadSentences, parseFilter } from '../src/index.js';
import type { FilterClause } from '../src/index.js';

// these tests word core's errors themselves: elements load the sentences on their own (decision 0016)
before(() => Promise.all([loadSentences('fr'), loadSentences('en')]));

const cases: [string, FilterClause[]][] = [
  ['annee >= 2015', [{ column: 'annee', op: '>=', value: '2015' }]],
  ['annee = 2015', [{ column: 'annee', op: '=', value: '2015' }]],
  ['annee != 2015', [{ column: 'annee', op: '!=', value: '2015' }]],
  ['annee > 2015', [{ column: 'annee', op: '>', value: '2015' }]],
  ['annee < 2015', [{ column: 'annee', op: '<', value: '2015' }]],
  ['annee <= 2015', [{ column: 'annee', op: '<=', value: '2015' }]],
  ['ville ~ saint', [{ column: 'ville', op: '~', value: 'saint' }]],
  ['ville !~ saint', [{ column: 'ville', op: '!~', value: 'saint' }]],
  ['region in Bretagne|Normandie', [{ column: 'region', op: 'in', values: ['Bretagne', 'Normandie'] }]],
  ['total is empty', [{ column: 'total', op: 'is empty' }]],
  ['total is not empty', [{ column: 'total', op: 'is not empty' }]],
  ['total IS NOT EMPTY', [{ column: 'total', op: 'is not empty' }]],
  ['annee >= 2015; regions in Bretagne|Normandie; total is not empty', [
    { column: 'annee', op: '>=', value: '2015' },
    { column: 'regions', op: 'in', values: ['Bretagne', 'Normandie'] },
    { column: 'total', op: 'is not empty' },
  ]],
  ['"Région administrative" = "Île-de-France"', [{ column: 'Région administrative', op: '=', value: 'Île-de-France' }]],
  ["'Nom officiel du musée' ~ 'musée d''art'", [{ column: 'Nom officiel du musée', op: '~', value: "musée d'art" }]],
  ['Région administrative = Bretagne', [{ column: 'Région administrative', op: '=', value: 'Bretagne' }]],
  ['ville = L\'Isle-Adam', [{ column: 'ville', op: '=', value: "L'Isle-Adam" }]],
  ['"a;b" = "x;y"', [{ column: 'a;b', op: '=', value: 'x;y' }]],
  ['"Temp (°C)" > 20', [{ column: 'Temp (°C)', op: '>', value: '20' }]],
  ['d in "A;B"|\'C|D\'|E', [{ column: 'd', op: 'in', values: ['A;B', 'C|D', 'E'] }]],
  ['  ;; a=1 ;  ', [{ column: 'a', op: '=', value: '1' }]],
  ['', []],
  ['total = 2 901,60', [{ column: 'total', op: '=', value: '2 901,60' }]],
];

describe('parseFilter', () => {
  for (const [text, expected] of cases) {
    it(`parses ${JSON.stringify(text)}`, () => {
      expect(parseFilter(text)).to.deep.equal(expected);
    });
    it(`round-trips ${JSON.stringify(text)} through formatFilter`, () => {
      expect(parseFilter(formatFilter(expected))).to.deep.equal(expected);
    });
  }

  const bad: [string, string, RegExp, RegExp][] = [
    ['annee == 2015', 'unknown-operator', /opérateur inconnu/, /unknown operator/],
    ['annee => 2015', 'unknown-operator', /opérateur inconnu/, /unknown operator/],
    ['annee contains 2015', 'unknown-operator', /opérateur inconnu/, /unknown operator/],
    ['"annee >= 2015', 'unbalanced-quote', /guillemet non fermé/, /unbalanced quote/],
    ['ville = "Paris', 'unbalanced-quote', /guillemet non fermé/, /unbalanced quote/],
    ['annee >=', 'missing-value', /valeur manquante/, /missing value/],
    ['region in Bretagne|', 'missing-value', /valeur manquante/, /missing value/],
    ['annee', 'missing-operator', /opérateur manquant/, /missing operator/],
    ['= 3', 'missing-column', /colonne manquant/, /missing column/],
  ];
  for (const [text, reason, fr, en] of bad) {
    it(`refuses ${JSON.stringify(text)} (${reason}) in French and English`, () => {
      let error: unknown;
      try { parseFilter(text); } catch (e) { error = e; }
      expect(error).to.be.instanceOf(CultureError);
      const e = error as CultureError;
      expect(e.code).to.equal('bad-filter');
      expect(e.details.reason).to.equal(reason);
      expect(e.messageIn('fr')).to.match(fr);
      expect(e.messageIn('en')).to.match(en);
    });
  }
});

describe('parseFilter: lists no reader wrote', () => {
  it('refuses an in list of more than 1,000 values, saying how many (never 20,000 chips nor an unreadable URL)', () => {
    let error: unknown;
    try { parseFilter(`region in ${Array.from({ length: 20000 }, (_, i) => `v${i}`).join('|')}`); } catch (e) { error = e; }
    expect((error as CultureError | undefined)?.details?.reason).to.equal('too-many-values');
    const e = error as CultureError;
    expect(e.messageIn('fr')).to.match(/^Filtre invalide : trop de valeurs pour « region in … » \(20[\s\u202f]000, au plus 1[\s\u202f]000\)\.$/);
    expect(e.messageIn('en')).to.match(/too many values for “region in …” \(20,000, at most 1,000\)/);
    expect(parseFilter(`region in ${Array.from({ length: 1000 }, (_, i) => `v${i}`).join('|')}`)[0]!.values).to.have.length(1000);
  });
});

describe('checkFilter', () => {
  const columns = [{ name: 'Région', type: 'string' as const }, { name: 'annee', type: 'integer' as const }];
  it('finds a column ignoring case and accents', () => {
    expect(checkFilter(parseFilter('region = Bretagne'), columns)[0]!.column).to.equal('Région');
  });
  it('names the available columns when one is unknown', () => {
    try {
      checkFilter(parseFilter('regions = Bretagne'), columns);
      expect.fail('should throw');
    } catch (e) {
      const error = e as CultureError;
      expect(error.code).to.equal('unknown-column');
      expect(error.messageIn('fr')).to.contain('« Région », « annee »');
      expect(error.messageIn('en')).to.contain('"Région", "annee"');
    }
  });
});
