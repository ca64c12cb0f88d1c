// Billetterie du spectacle vivant: 500,000 ticket lines generated in memory, on first use,
// straight into column arrays (row objects for 500,000 lines would cost ~200 MB and seconds).
import { COMMUNES } from '../france.mjs';
import { prng, seedOf } from '../prng.mjs';
import { columnTable } from '../table.mjs';
import { field } from '../csv.mjs';

export const TICKETING_ROWS = 500000;

export const TICKETING_COLUMNS = [
  { name: 'date_representation', type: 'date', format: 'date' },
  { name: 'annee', type: 'int', format: 'year' },
  { name: 'region', type: 'string', format: 'region' },
  { name: 'code_departement', type: 'string', format: 'code_departement' },
  { name: 'commune', type: 'string', format: 'commune' },
  { name: 'code_insee', type: 'string', format: 'code_commune_insee' },
  { name: 'lieu', type: 'string', format: 'string' },
  { name: 'discipline', type: 'string', format: 'string' },
  { name: 'type_tarif', type: 'string', format: 'string' },
  { name: 'nb_billets', type: 'int', format: 'int' },
  { name: 'prix_moyen', type: 'float', format: 'float' },
  { name: 'recette', type: 'float', format: 'float' },
];

const DISCIPLINES = ['Théâtre', 'Danse', 'Musique classique', 'Opéra', 'Cirque', 'Arts de la rue', 'Humour',
  'Chanson', 'Jazz', 'Musiques actuelles'];
const TARIFS = ['Plein tarif', 'Tarif réduit', 'Abonnement', 'Exonéré', 'Invitation'];
const TARIF_CUMULATIVE = [0.45, 0.7, 0.85, 0.93, 1];
const VENUE_KINDS = ['Théâtre', 'Scène nationale', 'Opéra', 'Salle des fêtes', 'Espace culturel', 'Zénith', 'Auditorium', 'La Halle'];

/** A dictionary column: code 0 is NULL. */
function dictionary(values) {
  const dict = [null];
  const index = new Map();
  const codeOf = (v) => {
    if (!index.has(v)) { index.set(v, dict.length); dict.push(v); }
    return index.get(v);
  };
  return { dict, codes: values.map(codeOf) };
}

let table;
function generate() {
  if (table) return table;
  const rnd = prng(seedOf('billetterie'));
  const n = TICKETING_ROWS;
  const venues = [];
  for (let v = 0; v < 1500; v++) {
    const commune = COMMUNES[Math.floor(rnd.next() ** 1.6 * COMMUNES.length)];
    venues.push({ commune, name: `${rnd.pick(VENUE_KINDS)} ${v % 7 === 0 ? `de ${commune.nom}` : `n° ${v + 1}`}`, main: rnd.int(0, DISCIPLINES.length - 1) });
  }
  const days = [];
  for (let t = Date.UTC(2019, 0, 1); t <= Date.UTC(2024, 11, 31); t += 86400000) days.push(new Date(t).toISOString().slice(0, 10));
  const years = days.map((day) => Number(day.slice(0, 4)));
  const lockdown = [days.indexOf('2020-03-16'), days.indexOf('2020-10-01')];
  // per-venue codes of the columns that follow from the venue
  const venueColumns = [
    dictionary(venues.map((v) => v.commune.departement.regionNom)),
    dictionary(venues.map((v) => v.commune.departement.code)),
    dictionary(venues.map((v) => v.commune.nom)),
    dictionary(venues.map((v) => v.commune.insee)),
    dictionary(venues.map((v) => v.name)),
  ];
  const cols = {
    day: new Uint32Array(n), year: new Float64Array(n), venue: venueColumns.map(() => new Uint32Array(n)),
    discipline: new Uint32Array(n), tarif: new Uint32Array(n), nb: new Float64Array(n), price: new Float64Array(n), amount: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const v = Math.floor(rnd.next() ** 2 * venues.length);
    let d = Math.floor(rnd.next() * days.length);
    if (d >= lockdown[0] && d < lockdown[1] && rnd.next() < 0.9) d = Math.floor(rnd.next() * 400); // theatres closed
    const r = rnd.next();
    let tarif = 0;
    while (r > TARIF_CUMULATIVE[tarif]) tarif++;
    const free = tarif >= 3;
    const nb = rnd.next() < 0.01 ? NaN : 1 + Math.floor(rnd.next() ** 3 * 8);
    const price = free ? 0 : rnd.next() < 0.02 ? NaN : Math.round((8 + 45 * rnd.next() ** 2) * (tarif === 0 ? 1 : 0.7) * 100) / 100;
    cols.day[i] = d + 1;
    cols.year[i] = years[d];
    for (let k = 0; k < venueColumns.length; k++) cols.venue[k][i] = venueColumns[k].codes[v];
    cols.discipline[i] = 1 + (rnd.next() < 0.7 ? venues[v].main : Math.floor(rnd.next() * DISCIPLINES.length));
    cols.tarif[i] = tarif + 1;
    cols.nb[i] = nb;
    cols.price[i] = price;
    cols.amount[i] = Math.round(nb * price * 100) / 100; // NaN (NULL) when either is
  }
  table = columnTable(TICKETING_COLUMNS, [
    { codes: cols.day, dict: [null, ...days] }, { values: cols.year },
    ...venueColumns.map((c, k) => ({ codes: cols.venue[k], dict: c.dict })),
    { codes: cols.discipline, dict: [null, ...DISCIPLINES] }, { codes: cols.tarif, dict: [null, ...TARIFS] },
    { values: cols.nb }, { values: cols.price }, { values: cols.amount },
  ], n);
  return table;
}

export const ticketingTable = generate;

/** The source file (~53 MB, `;`, UTF-8), written from the table on first download. */
export function ticketingCsv() {
  const t = generate();
  const columns = t.columns;
  // each dictionary entry is escaped once, not once per row
  const texts = columns.map((c) => (c.numeric ? null : c.dict.map((v) => (v === null ? '' : field(v, ';')))));
  const chunks = [Buffer.from(`${columns.map((c) => c.name).join(';')}\n`)];
  let block = '';
  for (let i = 0; i < t.length; i++) {
    let line = '';
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k];
      const text = c.numeric ? (Number.isNaN(c.values[i]) ? '' : String(c.values[i])) : texts[k][c.codes[i]];
      line += k ? `;${text}` : text;
    }
    block += `${line}\n`;
    if (i % 20000 === 19999 || i === t.length - 1) {
      chunks.push(Buffer.from(block, 'utf8'));
      block = '';
    }
  }
  return Buffer.concat(chunks);
}
