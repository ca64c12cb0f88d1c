// Dépenses culturelles des départements: file only, windows-1252, `;`, CRLF, decimal commas,
// `1 234` thousands (some with a no-break space), `24,7%`, DD/MM/YYYY dates, empty cells and
// département codes as a spreadsheet left them (`1` for `01`, `2A`, `971`).
import { DEPARTEMENTS } from '../france.mjs';
import { prng, seedOf } from '../prng.mjs';
import { encodeWindows1252, toCsv } from '../csv.mjs';

export const SPENDING_COLUMNS = [
  'Code département', 'Département', 'Région', 'Population (hab.)', 'Dépenses culturelles totales (€)',
  'Dépenses de fonctionnement (€)', "Dépenses d'investissement (€)", 'Dépenses par habitant (€)',
  'Part du budget départemental', 'Acquisitions d’œuvres (€)', 'Date de mise à jour',
];

/** "1 234 567,89": French grouping, with a regular or a no-break space. */
function french(value, decimals, nbsp) {
  const [int, dec] = value.toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, nbsp ? '\u00a0' : ' ');
  return dec ? `${grouped},${dec}` : grouped;
}

export function spendingRows() {
  const rnd = prng(seedOf('depenses'));
  return DEPARTEMENTS.map((dep) => {
    const population = Math.round(Math.exp(12.9 + 0.7 * rnd.normal()));
    const perHead = 8 + 30 * rnd.next();
    const total = population * perHead;
    const investment = total * (0.1 + 0.3 * rnd.next());
    const nbsp = rnd.chance(0.1);
    const missing = rnd.chance(0.06);
    const code = /^0[1-5]$/.test(dep.code) ? dep.code.slice(1) : dep.code;
    return [
      code, dep.nom, dep.regionNom, french(population, 0, nbsp),
      missing ? '' : french(total, 2, nbsp), missing ? '' : french(total - investment, 2, nbsp),
      missing ? '' : french(investment, 2, nbsp), missing ? '' : french(perHead, 1, false),
      `${french(0.5 + 3 * rnd.next(), 1, false)}%`, rnd.chance(0.3) ? '' : french(20000 * rnd.next() ** 2 * 50, 2, nbsp),
      `${String(rnd.int(1, 28)).padStart(2, '0')}/${String(rnd.int(1, 12)).padStart(2, '0')}/2024`,
    ];
  });
}

export const spendingCsv = () => encodeWindows1252(toCsv(SPENDING_COLUMNS, spendingRows(), { eol: '\r\n' }));
