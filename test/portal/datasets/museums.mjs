// The Musées de France: one generated list of ~1,200 museums, published twice like the real
// data: a yearly attendance file (2014–2024) and a list with addresses and coordinates.
import { DEPARTEMENTS, postalCode, shout } from '../france.mjs';
import { prng, seedOf } from '../prng.mjs';
import { buildTable } from '../table.mjs';
import { BOM, toCsv } from '../csv.mjs';

const KINDS = [
  'Musée des Beaux-Arts', "Musée d'Art et d'Histoire", 'Musée archéologique', "Muséum d'Histoire naturelle",
  'Musée de la Marine', 'Musée des Arts décoratifs', "Musée d'Art moderne", "Musée d'Art contemporain",
  'Musée départemental', 'Musée municipal', 'Musée de la Céramique', 'Musée du Textile', 'Écomusée',
  'Musée de la Résistance et de la Déportation', "Musée d'Ethnographie", 'Musée du Vin', 'Musée de la Dentelle',
  'Musée lapidaire', "Musée de l'Horlogerie", 'Musée de la Photographie', 'Musée du Jouet', 'Musée de la Préhistoire',
  "Musée de l'Imprimerie", 'Musée de la Mine', 'Musée de la Faïence', 'Musée du Peigne et de la Plasturgie',
  'Maison natale', 'Château-musée', 'Musée des Augustins', 'Musée du Vieux Pays',
];
const PEOPLE = [
  'Fabre', 'Ingres', 'Toulouse-Lautrec', 'Matisse', 'Bonnat-Helleu', 'Calvet', 'Granet', 'Crozatier', 'Denon',
  'Magnin', 'Courbet', 'Rolin', 'Despiau-Wlérick', 'Goya', 'Girodet', 'Hébert', 'Cantini', 'Bertrand', 'Dupuy',
  'Sandelin', 'Vivenel', 'Antoine Lécuyer', 'Baron Gérard', 'Paul Dini', 'Eugène Boudin', 'Camille Claudel',
  'Jean Lurçat', 'Nicéphore Niépce', 'Pierre-André Benoit', 'Georges Pompidou', 'Louis Jourdan', 'César Filhol',
];
const STREETS = ['place de la Mairie', "rue de l'Église", 'rue du Musée', 'place du Château', 'rue Victor-Hugo',
  'avenue de la République', 'quai des Arts', 'rue Jean-Jaurès', 'place Georges-Pompidou', 'rue du Général-de-Gaulle'];
const PLACES = ['', '', '', 'Ancien évêché', 'Hôtel de ville', 'Château', 'Abbaye', 'Ancien collège des Jésuites'];

const lower = (text) => text.charAt(0).toLowerCase() + text.slice(1);

let cache;
/** ~1,200 museums, always the same ones. */
export function museums() {
  if (cache) return cache;
  const rnd = prng(seedOf('musees-de-france'));
  const weights = DEPARTEMENTS.map((d) => (d.code === '75' ? 60 : d.code.length === 3 ? 3 : 8 + d.communes.length * 3));
  const perCommune = new Map();
  cache = [];
  for (let k = 0; k < 1212; k++) {
    const dep = DEPARTEMENTS[rnd.weighted(weights)];
    const commune = rnd.chance(0.45) || dep.communes.length === 1 ? dep.communes[0] : rnd.pick(dep.communes.slice(1));
    const seq = (perCommune.get(commune.insee) ?? 0) + 1;
    perCommune.set(commune.insee, seq);
    const kind = rnd.chance(0.25) ? `Musée ${rnd.pick(PEOPLE)}` : rnd.pick(KINDS);
    const nom = rnd.chance(0.35) ? `${kind} de ${commune.nom}` : kind;
    const base = Math.round(Math.exp(8.6 + 1.25 * rnd.normal()) * (dep.code === '75' ? 6 : 1));
    cache.push({
      museofile: `M${String(k + 1).padStart(4, '0')}`,
      patrimostat: `${commune.insee.replace(/[AB]/, '0')}${String(seq).padStart(2, '0')}`,
      nom,
      nomOfficiel: lower(nom),
      commune: { ...commune, departement: dep },
      adresse: `${rnd.int(1, 40)} ${rnd.pick(STREETS)}`,
      lieu: rnd.pick(PLACES),
      codePostal: postalCode({ departement: dep }, rnd),
      telephone: `0${rnd.int(1, 5)} ${[0, 0, 0, 0].map(() => String(rnd.int(10, 99))).join(' ')}`,
      url: rnd.chance(0.15) ? '' : `${rnd.chance(0.3) ? 'https://' : ''}www.musee-${k + 1}.fr/`,
      lat: +(commune.lat + rnd.normal() * 0.01).toFixed(6),
      lon: +(commune.lon + rnd.normal() * 0.01).toFixed(6),
      appellation: rnd.chance(0.7) ? '2003-02-01' : `${rnd.int(2004, 2022)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`,
      base: Math.max(300, base),
      fragile: rnd.chance(0.1),
    });
  }
  return cache;
}

// ---------------------------------------------------------------------------------------------
// Fréquentation des musées de France (tabular, aggregation allowed)

export const ATTENDANCE_COLUMNS = [
  { name: 'IDPatrimostat', type: 'string', format: 'string' },
  { name: 'IDMuseofile', type: 'string', format: 'string' },
  { name: 'region', type: 'string', format: 'region' },
  { name: 'departement', type: 'string', format: 'departement' },
  { name: 'nom_du_musee', type: 'string', format: 'string' },
  { name: 'ville', type: 'string', format: 'commune' },
  { name: 'codeInseeCommune', type: 'string', format: 'code_commune_insee' },
  { name: 'annee', type: 'int', format: 'year' },
  { name: 'payant', type: 'int', format: 'int' },
  { name: 'gratuit', type: 'int', format: 'int' },
  { name: 'total', type: 'int', format: 'int' },
  { name: 'individuel', type: 'int', format: 'int' },
  { name: 'scolaires', type: 'int', format: 'int' },
];

const YEAR_FACTOR = { 2020: 0.38, 2021: 0.55, 2022: 0.92 };

/** The région label as written in a given year: old régions in capitals before 2016, drift after. */
function regionLabel(dep, year, rnd) {
  if (year < 2016) return shout(dep.ancienneRegion);
  const r = rnd.next();
  if (r < 0.03) return shout(dep.regionNom);
  if (r < 0.05) return dep.regionNom.replace('Î', 'I').replace('ô', 'o');
  if (r < 0.06 && dep.region === '11') return 'ILE-DE-France';
  return dep.regionNom;
}

let attendanceRows;
export function attendanceRowsList() {
  if (attendanceRows) return attendanceRows;
  const rnd = prng(seedOf('frequentation'));
  attendanceRows = [];
  for (let year = 2014; year <= 2024; year++) {
    for (const m of museums()) {
      const dep = m.commune.departement;
      const row = [m.patrimostat, m.museofile, regionLabel(dep, year, rnd), dep.nom, m.nom, m.commune.nom,
        m.commune.insee, year, null, null, null, null, null];
      const closed = m.fragile && rnd.chance(0.5);
      if (!closed && !rnd.chance(0.06)) {
        const total = Math.round(m.base * (YEAR_FACTOR[year] ?? 1) * (0.85 + 0.3 * rnd.next()));
        const payant = Math.round(total * (0.35 + 0.45 * rnd.next()));
        row[8] = payant;
        row[9] = total - payant;
        row[10] = rnd.chance(0.04) ? null : total; // "total" left empty although counts exist
        if (year >= 2018) {
          const scolaires = Math.round(total * 0.12 * rnd.next());
          row[11] = total - scolaires;
          row[12] = scolaires;
        }
      }
      attendanceRows.push(row);
    }
  }
  return attendanceRows;
}

export const attendanceTable = () => buildTable(ATTENDANCE_COLUMNS, attendanceRowsList());
export const attendanceCsv = () =>
  Buffer.from(toCsv(ATTENDANCE_COLUMNS.map((c) => c.name), attendanceRowsList()), 'utf8');

// ---------------------------------------------------------------------------------------------
// Liste et localisation des musées de France (tabular, BOM, aggregation refused)

export const LIST_COLUMNS = [
  { name: 'Région administrative', type: 'string', format: 'region' },
  { name: 'Département', type: 'string', format: 'departement' },
  { name: 'Identifiant Muséofile', type: 'string', format: 'string' },
  { name: 'Commune', type: 'string', format: 'commune' },
  { name: 'Nom officiel du musée', type: 'string', format: 'string' },
  { name: 'Adresse', type: 'string', format: 'adresse' },
  { name: 'Lieu (bâtiment, site, etc.)', type: 'string', format: 'string' },
  { name: 'Code Postal', type: 'string', format: 'code_postal' },
  { name: 'Téléphone', type: 'string', format: 'string' },
  { name: 'URL', type: 'string', format: 'url' },
  { name: 'Latitude', type: 'float', format: 'latitude_wgs' },
  { name: 'Longitude', type: 'float', format: 'longitude_wgs' },
  { name: 'geolocalisation', type: 'string', format: 'latlon_wgs' },
  { name: 'Date arrêté attribution appellation', type: 'date', format: 'date' },
];

function listRows() {
  const rows = museums().map((m) => [m.commune.departement.regionNom, m.commune.departement.nom, m.museofile,
    m.commune.nom, m.nomOfficiel, m.adresse, m.lieu, m.codePostal, m.telephone, m.url, m.lat, m.lon,
    `${m.lat}, ${m.lon}`, m.appellation]);
  return rows.sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1], 'fr'));
}

export const listTable = () => buildTable(LIST_COLUMNS, listRows());
export const listCsv = () =>
  Buffer.concat([BOM, Buffer.from(toCsv(LIST_COLUMNS.map((c) => c.name), listRows()), 'utf8')]);
