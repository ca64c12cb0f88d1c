// The open formats data.gouv.fr publishes besides CSV, generated here from the same museums:
// spreadsheets (XLSX, ODS, XLS, written with SheetJS like a ministry export: a title row above the
// header, a merged two-level header on the second sheet), XML (namespaced records), Parquet (zstd,
// as hydra writes its copies: Node 20's zlib has no zstd, so a WebAssembly compressor), and the
// files a reader must refuse clearly (truncated zip, password-protected workbook, empty sheet,
// XML without records, Parquet with a codec no browser reader has, a PDF).
import * as XLSX from '@e965/xlsx';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { init as initZstd, compress as zstd } from '@bokuweb/zstd-wasm';
import { museums } from './museums.mjs';
import { COMMUNES } from '../france.mjs';
import { prng, seedOf } from '../prng.mjs';
import { buildTable } from '../table.mjs';
import { toCsv } from '../csv.mjs';

await initZstd();

/** Writes Parquet as hydra does (zstd); `codec` LZO makes a file no browser reader decodes. */
export function toParquet(columnData, { codec = 'ZSTD', rowGroupSize = 100_000 } = {}) {
  const compressors = { ZSTD: (bytes) => zstd(bytes, 3), LZO: (bytes) => bytes };
  return Buffer.from(parquetWriteBuffer({ columnData, codec, compressors, rowGroupSize }));
}

// ---------------------------------------------------------------------------------------------
// Musées de France in several formats (the first 120 museums)

const FIRST = 120;
const entries = (m) => (m.fragile ? null : m.base * 3);
const rows = () => museums().slice(0, FIRST);

/** Excel's serial day number of an ISO date (days since 1899-12-30). */
const serial = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 + 25_569;

export const SHEET_HEADER = ['Identifiant Muséofile', 'Nom du musée', 'Région', 'Département', 'Commune',
  "Date d'appellation", 'Entrées 2023', 'Ouvert', 'Latitude'];

function museumsSheet() {
  const aoa = [
    ['Liste officielle des musées de France (mise à jour du 27 janvier 2022)'],
    ['Source : ministère de la Culture, service des musées de France'],
    [],
    SHEET_HEADER,
    ...rows().map((m, k) => [m.museofile, m.nom, m.commune.departement.regionNom, m.commune.departement.code, m.commune.nom,
      { t: 'n', v: serial(m.appellation), z: 'dd/mm/yyyy' }, entries(m), k % 17 !== 5, m.lat]),
  ];
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: SHEET_HEADER.length - 1 } }];
  return sheet;
}

/** A two-level header: « Entrées 2023 » merged over three columns, « Musée » and « Région » over two rows. */
function attendanceSheet() {
  const aoa = [
    ['Fréquentation 2023 des musées de France'],
    ['Musée', 'Région', 'Entrées 2023', null, null],
    [null, null, 'payantes', 'gratuites', 'total'],
    ...rows().map((m) => {
      const total = entries(m);
      const free = total === null ? null : Math.round(total * 0.4);
      return [m.nom, m.commune.departement.regionNom, total === null ? null : total - free, free, total];
    }),
  ];
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  sheet['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 4 } },
    { s: { r: 1, c: 0 }, e: { r: 2, c: 0 } },
    { s: { r: 1, c: 1 }, e: { r: 2, c: 1 } },
    { s: { r: 1, c: 2 }, e: { r: 1, c: 4 } },
  ];
  return sheet;
}

function workbook() {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, museumsSheet(), 'Musées');
  XLSX.utils.book_append_sheet(book, attendanceSheet(), 'Fréquentation');
  return book;
}

export const museumsXlsx = () => XLSX.write(workbook(), { type: 'buffer', bookType: 'xlsx' });
export const museumsOds = () => XLSX.write(workbook(), { type: 'buffer', bookType: 'ods' });
export const museumsXls = () => XLSX.write(workbook(), { type: 'buffer', bookType: 'biff8' });

const escapeXml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Namespaced records with attributes, one nested list (domaines) and a header element that is not a record. */
export function museumsXml() {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>',
    '<mdf:musees xmlns:mdf="https://www.culture.gouv.fr/ns/musees" xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#" date="2022-01-27">',
    '  <mdf:source>Ministère de la Culture &amp; service des musées de France</mdf:source>'];
  rows().forEach((m, k) => {
    const total = entries(m);
    lines.push(`  <mdf:musee id="${m.museofile}" ouvert="${k % 17 !== 5 ? 'oui' : 'non'}">`,
      `    <mdf:nom>${escapeXml(m.nom)}</mdf:nom>`,
      `    <mdf:region>${escapeXml(m.commune.departement.regionNom)}</mdf:region>`,
      `    <mdf:departement>${m.commune.departement.code}</mdf:departement>`,
      `    <mdf:commune>${escapeXml(m.commune.nom)}</mdf:commune>`,
      `    <mdf:appellation>${m.appellation}</mdf:appellation>`,
      total === null ? '    <mdf:entrees annee="2023"/>' : `    <mdf:entrees annee="2023">${total}</mdf:entrees>`,
      `    <geo:lat>${m.lat}</geo:lat>`,
      `    <geo:long>${m.lon}</geo:long>`,
      `    <mdf:domaines><mdf:domaine>${k % 2 ? 'Beaux-arts' : 'Archéologie'}</mdf:domaine>${k % 3 ? '' : '<mdf:domaine>Histoire</mdf:domaine>'}</mdf:domaines>`,
      '  </mdf:musee>');
  });
  lines.push('</mdf:musees>', '');
  return Buffer.from(lines.join('\n'), 'utf8');
}

export function museumsParquet() {
  const list = rows();
  return toParquet([
    { name: 'identifiant_museofile', data: list.map((m) => m.museofile), type: 'STRING' },
    { name: 'nom_du_musee', data: list.map((m) => m.nom), type: 'STRING' },
    { name: 'region', data: list.map((m) => m.commune.departement.regionNom), type: 'STRING' },
    { name: 'departement', data: list.map((m) => m.commune.departement.code), type: 'STRING' },
    { name: 'date_appellation', data: list.map((m) => m.appellation), type: 'STRING' },
    { name: 'entrees_2023', data: list.map(entries), type: 'INT32' },
    { name: 'ouvert', data: list.map((_, k) => k % 17 !== 5), type: 'BOOLEAN' },
    { name: 'latitude', data: list.map((m) => m.lat), type: 'DOUBLE' },
  ], { rowGroupSize: 50 });
}

// ---------------------------------------------------------------------------------------------
// Files no reader should turn into rows

/** A workbook cut short: its zip directory is missing. */
export const truncatedXlsx = () => museumsXlsx().subarray(0, 300);

/** What Excel writes for a password-protected workbook: an OLE container with an encrypted package. */
export function protectedXlsx() {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0, 0x24, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 0x5a));
  return XLSX.CFB.write(cfb, { type: 'buffer' });
}

export function emptySheetXlsx() {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([]), 'Feuil1');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' });
}

export const reportXml = () => Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<rapport annee="2023">\n  <titre>Rapport annuel</titre>\n' +
  '  <auteur>Service des musées de France</auteur>\n  <texte>Un seul document, aucun enregistrement répété.</texte>\n</rapport>\n', 'utf8');

export const lzoParquet = () => toParquet([{ name: 'annee', data: [2021, 2022, 2023], type: 'INT32' }, { name: 'total', data: [10, 20, 30], type: 'INT32' }], { codec: 'LZO' });

export const pdf = () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

// ---------------------------------------------------------------------------------------------
// Entrées des lieux culturels: 200,000 rows with a wide text column, tabular (aggregation
// refused) with a Parquet copy — the case where reading two columns by ranges beats the file.

export const VISITS_ROWS = 200_000;
export const VISITS_COLUMNS = [
  { name: 'date', type: 'date', format: 'date' },
  { name: 'annee', type: 'int', format: 'year' },
  { name: 'region', type: 'string', format: 'region' },
  { name: 'code_departement', type: 'string', format: 'code_departement' },
  { name: 'commune', type: 'string', format: 'commune' },
  { name: 'categorie', type: 'string', format: 'string' },
  { name: 'entrees', type: 'int', format: 'int' },
  { name: 'recette', type: 'float', format: 'float' },
  { name: 'commentaire', type: 'string', format: 'string' },
];
const CATEGORIES = ['Musée', 'Monument', 'Théâtre', 'Cinéma', 'Bibliothèque', 'Salle de concert', 'Centre d’art', 'Archives'];
const WORDS = ('visite groupe scolaire exposition temporaire collection permanente atelier famille conférence nocturne ' +
  'gratuit dimanche accueil public handicap audioguide médiation patrimoine jardin restauration boutique réservation ' +
  'météo pluie soleil affluence vacances week-end jour férié billetterie abonnement pass culture étudiant senior ' +
  'rénovation travaux salle fermée ouverte horaires élargis parking navette accessibilité guide langue anglais espagnol').split(' ');

let visits;
/** Rows as arrays in VISITS_COLUMNS order (generated once). */
export function visitsRows() {
  if (visits) return visits;
  const rnd = prng(seedOf('entrees-des-lieux-culturels'));
  visits = new Array(VISITS_ROWS);
  for (let i = 0; i < VISITS_ROWS; i++) {
    const commune = COMMUNES[Math.floor(rnd.next() ** 1.4 * COMMUNES.length)];
    const year = 2019 + Math.floor((i * 6) / VISITS_ROWS); // sorted by year: row-group statistics can skip years
    const day = `${year}-${String(1 + Math.floor(rnd.next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd.next() * 28)).padStart(2, '0')}`;
    const count = 5 + Math.floor(rnd.next() ** 2 * 400);
    const words = [];
    for (let w = 0; w < 22; w++) words.push(WORDS[Math.floor(rnd.next() * WORDS.length)]);
    visits[i] = [day, year, commune.departement.regionNom, commune.departement.code, commune.nom, rnd.pick(CATEGORIES),
      count, Math.round(count * (3 + rnd.next() * 9) * 100) / 100, `${words.join(' ')} (${i + 1})`];
  }
  return visits;
}

export const visitsTable = () => buildTable(VISITS_COLUMNS, visitsRows());
export const visitsCsv = () => Buffer.from(toCsv(VISITS_COLUMNS.map((c) => c.name), visitsRows()), 'utf8');

/** The copy hydra would write: typed columns, zstd, row groups of 50,000 rows. */
export function visitsParquet() {
  const list = visitsRows();
  const column = (k) => list.map((r) => r[k]);
  const types = { date: 'STRING', int: 'INT32', float: 'DOUBLE', string: 'STRING' };
  return toParquet(VISITS_COLUMNS.map((c, k) => ({ name: c.name, data: column(k), type: types[c.type] })), { rowGroupSize: 50_000 });
}
