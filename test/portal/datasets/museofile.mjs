// Muséofile and the population légale: what data shaping needs (DESIGN.md § 5).
// - Muséofile, the museums' base: `dompal` (« Archéologie;Beaux-Arts;… », the multi-valued
//   domains), régions spelled differently row to row, a creation date written as text in several
//   ways, the century of the building as catalogue text (« 2e moitié du XIXe siècle », « 17e s. »),
//   two museums in overseas collectivities that no population table lists (975, 977).
// - Population légale by département, exported from a spreadsheet: `DEP` lost its leading zero
//   (`1` for `01`), Corsica as `2A` / `2B`, overseas `971`–`976`.
import { DEPARTEMENTS, shout } from '../france.mjs';
import { museums } from './museums.mjs';
import { prng, seedOf } from '../prng.mjs';
import { buildTable } from '../table.mjs';
import { toCsv } from '../csv.mjs';

const DOMAINS = ['Archéologie', 'Beaux-Arts', 'Histoire', 'Arts décoratifs', 'Ethnologie', 'Sciences de la nature',
  'Art moderne et contemporain', 'Sciences et techniques', 'Art religieux', 'Photographie'];
const DOMAIN_WEIGHTS = [30, 34, 28, 18, 12, 10, 9, 7, 5, 3];

const CENTURY_TEXTS = [
  (c) => `${roman(c)}e siècle`,
  (c) => `${c}e s.`,
  (c, rnd) => `${rnd.chance(0.5) ? '1re' : '2e'} moitié du ${roman(c)}e siècle`,
  (c, rnd) => `${rnd.pick(['1er', '2e', '3e', '4e'])} quart du ${roman(c)}e siècle`,
  (c) => `${roman(c)}e-${roman(c + 1)}e siècles`,
  (c, rnd) => `vers ${(c - 1) * 100 + rnd.int(10, 90)}`,
  (c) => `${c}ème siècle`,
];
const CENTURY_WEIGHTS = [40, 12, 14, 8, 6, 6, 4];

function roman(n) {
  const table = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** The région as a row of the export spells it: mostly right, sometimes shouted or without accents. */
function regionLabel(dep, rnd) {
  const r = rnd.next();
  if (r < 0.08) return shout(dep.regionNom);
  if (r < 0.13) return dep.regionNom.replace('Î', 'I').replace('ô', 'o').replace('é', 'e');
  if (r < 0.16 && dep.region === '11') return 'Ile de France';
  if (r < 0.18) return dep.regionNom.replace(/-/g, ' ');
  return dep.regionNom;
}

/** A date of creation as different hands wrote it (the column stays text in the profile). */
function creationText(year, rnd) {
  const month = String(rnd.int(1, 12)).padStart(2, '0');
  const day = String(rnd.int(1, 28)).padStart(2, '0');
  const r = rnd.next();
  if (r < 0.55) return `${day}/${month}/${year}`;
  if (r < 0.75) return `${year}-${month}-${day}`;
  if (r < 0.87) return String(year);
  if (r < 0.94) return `${year}-${month}`;
  return '';
}

export const MUSEOFILE_COLUMNS = [
  { name: 'ref', type: 'string', format: 'string' },
  { name: 'nom', type: 'string', format: 'string' },
  { name: 'region', type: 'string', format: 'region' },
  { name: 'code_departement', type: 'string', format: 'code_departement' },
  { name: 'ville', type: 'string', format: 'commune' },
  { name: 'dompal', type: 'string', format: 'string' },
  { name: 'date_creation', type: 'string', format: 'string' },
  { name: 'siecle', type: 'string', format: 'string' },
  { name: 'surface', type: 'int', format: 'int' },
  { name: 'collections', type: 'int', format: 'int' },
];

let museofile;
export function museofileRows() {
  if (museofile) return museofile;
  const rnd = prng(seedOf('museofile'));
  museofile = museums().map((m) => {
    const dep = m.commune.departement;
    const count = 1 + Math.min(3, Math.floor(-Math.log(1 - rnd.next()) * 1.1));
    const domains = [];
    while (domains.length < count) {
      const d = DOMAINS[rnd.weighted(DOMAIN_WEIGHTS)];
      if (!domains.includes(d)) domains.push(d);
    }
    if (rnd.chance(0.04)) domains.push(domains[0]); // the same domain written twice
    let dompal = domains.join(rnd.chance(0.1) ? ' ; ' : ';');
    if (rnd.chance(0.05)) dompal += ';';
    if (rnd.chance(0.03)) dompal = '';
    const created = Math.round(1790 + 230 * rnd.next() ** 0.7);
    const century = 12 + rnd.weighted([2, 4, 6, 8, 12, 14, 10, 5, 2]);
    const siecle = rnd.chance(0.06) ? '' : CENTURY_TEXTS[rnd.weighted(CENTURY_WEIGHTS)](Math.min(century, 20), rnd);
    const surface = rnd.chance(0.05) ? null : Math.round(Math.exp(6.2 + 1.1 * rnd.normal()));
    const collections = rnd.chance(0.08) ? null : Math.round(Math.exp(8 + 1.4 * rnd.normal()));
    return [m.museofile, m.nom, regionLabel(dep, rnd), dep.code, m.commune.nom, dompal, creationText(created, rnd),
      siecle, surface, collections];
  });
  // overseas collectivities: in Muséofile, in no table of départements
  museofile.push(['M9975', "Musée de l'Arche", 'Saint-Pierre-et-Miquelon', '975', 'Saint-Pierre', 'Histoire;Ethnologie',
    '12/07/1999', 'XXe siècle', 640, 3200]);
  museofile.push(['M9977', 'Musée territorial de Saint-Barthélemy', 'Saint-Barthélemy', '977', 'Gustavia', 'Histoire',
    '1989', '2e moitié du XIXe siècle', 210, 1500]);
  return museofile;
}

export const museofileTable = () => buildTable(MUSEOFILE_COLUMNS, museofileRows());
export const museofileCsv = () =>
  Buffer.from(toCsv(MUSEOFILE_COLUMNS.map((c) => c.name), museofileRows()), 'utf8');

// ---------------------------------------------------------------------------------------------
// Population légale 2021 by département (INSEE's columns: DEP, PMUN, PTOT)

/** Populations of the largest départements (rounded public orders of magnitude). */
const LARGE = { 59: 2608000, 75: 2133000, 13: 2043000, 69: 1883000, 93: 1655000, 33: 1655000, 92: 1624000,
  78: 1448000, 77: 1421000, 94: 1407000, 62: 1462000, 44: 1450000, 31: 1415000, 91: 1306000, 76: 1255000 };

export const POPULATION_COLUMNS = [
  { name: 'DEP', type: 'string', format: 'code_departement' },
  { name: 'Département', type: 'string', format: 'departement' },
  { name: 'PMUN', type: 'int', format: 'int' },
  { name: 'PTOT', type: 'int', format: 'int' },
];

let population;
export function populationRows() {
  if (population) return population;
  const rnd = prng(seedOf('population-legale'));
  population = DEPARTEMENTS.map((d) => {
    const pmun = LARGE[d.code] ?? Math.round(70000 + 900000 * rnd.next() ** 1.8);
    // the spreadsheet dropped the leading zero of 01–09
    const code = /^0\d$/.test(d.code) ? d.code.slice(1) : d.code;
    return [code, d.nom, pmun, Math.round(pmun * (1.015 + 0.02 * rnd.next()))];
  });
  return population;
}

export const populationTable = () => buildTable(POPULATION_COLUMNS, populationRows());
export const populationCsv = () =>
  Buffer.from(toCsv(POPULATION_COLUMNS.map((c) => c.name), populationRows()), 'utf8');
