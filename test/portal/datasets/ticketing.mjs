// Billetterie du spectacle vivant: 500,000 ticket lines generated in memory, on first use.
import { COMMUNES } from '../france.mjs';
import { prng, seedOf } from '../prng.mjs';
import { buildTable, cell } from '../table.mjs';
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
const VENUE_KINDS = ['Théâtre', 'Scène nationale', 'Opéra', 'Salle des fêtes', 'Espace culturel', 'Zénith', 'Auditorium', 'La Halle'];

let table;
/** Generated straight into column arrays (row objects for 500,000 lines would cost ~200 MB). */
function generate() {
  if (table) return table;
  const rnd = prng(seedOf('billetterie'));
  const venues = [];
  for (let v = 0; v < 1500; v++) {
    const commune = COMMUNES[Math.floor(rnd.next() ** 1.6 * COMMUNES.length)];
    venues.push({ commune, name: `${rnd.pick(VENUE_KINDS)} ${v % 7 === 0 ? `de ${commune.nom}` : `n° ${v + 1}`}`, main: rnd.int(0, DISCIPLINES.length - 1) });
  }
  const days = [];
  for (let t = Date.UTC(2019, 0, 1); t <= Date.UTC(2024, 11, 31); t += 86400000) days.push(new Date(t).toISOString().slice(0, 10));
  table = buildTable(TICKETING_COLUMNS, [], TICKETING_ROWS);
  for (let i = 0; i < TICKETING_ROWS; i++) {
    const venue = venues[Math.floor(rnd.next() ** 2 * venues.length)];
    let day = days[Math.floor(rnd.next() * days.length)];
    if (day.startsWith('2020-0') && day > '2020-03-15' && rnd.chance(0.9)) day = days[Math.floor(rnd.next() * 400)];
    const tarif = TARIFS[rnd.weighted([45, 25, 15, 8, 7])];
    const free = tarif === 'Exonéré' || tarif === 'Invitation';
    const nb = rnd.chance(0.01) ? null : 1 + Math.floor(rnd.next() ** 3 * 8);
    const price = free ? 0 : rnd.chance(0.02) ? null : Math.round((8 + 45 * rnd.next() ** 2) * (tarif === 'Plein tarif' ? 1 : 0.7) * 100) / 100;
    const dep = venue.commune.departement;
    table.push([day, Number(day.slice(0, 4)), dep.regionNom, dep.code, venue.commune.nom, venue.commune.insee, venue.name,
      rnd.chance(0.7) ? DISCIPLINES[venue.main] : rnd.pick(DISCIPLINES), tarif, nb, price,
      nb === null || price === null ? null : Math.round(nb * price * 100) / 100]);
  }
  return table;
}

export const ticketingTable = generate;

/** The source file (~53 MB, `;`, UTF-8), written from the table on first download. */
export function ticketingCsv() {
  const t = generate();
  const chunks = [Buffer.from(`${t.columns.map((c) => c.name).join(';')}\n`)];
  const lines = [];
  for (let i = 0; i < t.length; i++) {
    lines.push(t.columns.map((c) => field(cell(c, i), ';')).join(';'));
    if (lines.length === 20000 || i === t.length - 1) {
      chunks.push(Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
      lines.length = 0;
    }
  }
  return Buffer.concat(chunks);
}
