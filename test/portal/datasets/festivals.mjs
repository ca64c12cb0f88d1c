// Liste des festivals en France: file only (not in the tabular API), with the traps of the real
// export: a double BOM, CRLF, `;` inside quoted multi-valued cells, quoted multi-line cells,
// column names with apostrophes, `°`, commas and parentheses, INSEE codes missing their leading
// zero, a single "lat,lon" column and inconsistent period labels.
import { COMMUNES, postalCode } from '../france.mjs';
import { prng, seedOf } from '../prng.mjs';
import { BOM, toCsv } from '../csv.mjs';

export const FESTIVAL_COLUMNS = [
  'Identifiant', 'Nom du festival', 'Envergure territoriale', 'Région principale de déroulement',
  'Département principal de déroulement', 'Commune principale de déroulement',
  'Code postal (de la commune principale de déroulement)', 'Code Insee commune', 'Discipline dominante',
  'Sous-catégorie musique', 'Période principale de déroulement du festival', 'Année de création du festival',
  "N° d'édition", 'Jauge (places, estimation)', 'Site internet du festival', 'Adresse e-mail', 'Présentation',
  'Géocodage xy',
];

const DISCIPLINES = ['Musique', 'Spectacle vivant', 'Cinéma, audiovisuel', 'Arts visuels, arts numériques',
  'Livre, littérature', 'Pluridisciplinaire'];
const MUSIC = ['Jazz', 'Blues', 'Musiques improvisées', 'Musiques classiques', 'Musiques actuelles', 'Rock',
  'Électro', 'Chanson', 'Musiques du monde', 'Hip-hop', 'Musique baroque'];
const PERIODS = ['Avant-saison (1er janvier - 20 juin)', 'Saison (21 juin - 5 septembre)',
  'Après-saison (6 septembre - 31 décembre)'];
const NAMES = {
  'Musique': ['Jazz à {c}', 'Les Nuits musicales de {c}', 'Festival de musique de {c}', '{c} Rock Festival', 'Les Estivales de {c}'],
  'Spectacle vivant': ['Festival de théâtre de {c}', 'Les Rencontres des arts de la rue de {c}', 'Danse à {c}', 'Festival du cirque de {c}'],
  'Cinéma, audiovisuel': ['Festival international du film de {c}', 'Rencontres cinématographiques de {c}', 'Festival du court métrage de {c}'],
  'Arts visuels, arts numériques': ['Biennale d’art contemporain de {c}', 'Festival de la photographie de {c}', 'Nuits numériques de {c}'],
  'Livre, littérature': ['Salon du livre de {c}', 'Festival de la bande dessinée de {c}', 'Printemps des poètes de {c}'],
  'Pluridisciplinaire': ['Festival des cultures de {c}', 'Les Arts mêlés de {c}', 'Fête de {c}'],
};

const unpad = (code) => code.replace(/^0/, ''); // what a spreadsheet did to the codes

export function festivalRows() {
  const rnd = prng(seedOf('festivals'));
  const rows = [];
  for (let k = 1; k <= 640; k++) {
    const commune = rnd.pick(COMMUNES);
    const dep = commune.departement;
    const discipline = DISCIPLINES[rnd.weighted([40, 22, 10, 8, 10, 10])];
    const created = rnd.chance(0.08) ? null : rnd.int(1950, 2022);
    let period = rnd.pick(PERIODS);
    if (rnd.chance(0.12)) period = period.charAt(0).toLowerCase() + period.slice(1);
    const music = discipline === 'Musique'
      ? [...new Set([0, 1, 2].slice(0, rnd.int(1, 3)).map(() => rnd.pick(MUSIC)))].join(';') : '';
    const name = rnd.pick(NAMES[discipline]).replace('{c}', commune.nom).replace(/ de ([AEIOUÉÈÎ])/, ' d’$1');
    const presentation = rnd.chance(0.2)
      ? `${name} : ${rnd.int(3, 40)} concerts et spectacles.\nBilletterie sur place ; le "pass" donne accès à tout.`
      : rnd.chance(0.5) ? `Festival ${discipline.toLowerCase()} créé par l'association locale.` : '';
    const lat = (commune.lat + rnd.normal() * 0.01).toFixed(6);
    const lon = (commune.lon + rnd.normal() * 0.01).toFixed(6);
    rows.push([
      `FEST_${commune.insee}_${k}`, name, rnd.pick(['Internationale', 'Nationale', 'Régionale', 'Régionale', 'Départementale']),
      dep.regionNom, dep.nom, commune.nom, unpad(postalCode(commune, rnd)), unpad(commune.insee), discipline, music,
      period, created, created ? 2025 - created - rnd.int(0, 5) : '', rnd.chance(0.3) ? '' : rnd.int(2, 400) * 50,
      rnd.chance(0.2) ? '' : `https://www.festival-${k}.fr`, rnd.chance(0.3) ? '' : `contact@festival-${k}.fr`,
      presentation, `${lat},${lon}`,
    ]);
  }
  return rows;
}

/** Double BOM + CRLF line ends (the quoted multi-line cells keep their bare LF). */
export const festivalsCsv = () =>
  Buffer.concat([BOM, BOM, Buffer.from(toCsv(FESTIVAL_COLUMNS, festivalRows(), { eol: '\r\n' }), 'utf8')]);
