/**
 * The file readers' sentences (fr / en): which file, in which format, and why it could not be
 * read. They load with the file path (and in the parse worker), never with the tabular path.
 * Readers raise `fileErrors.error('parse', details, key)`; the file path adds `file` (the name
 * the user knows) and `download` (its URL) to the details.
 */
import type { ErrorCode, Lang } from './types.js';
import { type CultureError, defineMessages } from './errors.js';
import { type Details, type Say, quoteList } from './messages.js';

export type FileKey =
  | 'unsupported-format' | 'unreadable' | 'corrupt' | 'encrypted' | 'empty-sheet' | 'unknown-sheet'
  | 'no-records' | 'unknown-record' | 'bad-xml' | 'codec' | 'empty';

/** The formats core reads, for messages. */
const READ_FORMATS = 'CSV, JSON, GeoJSON, XLSX, XLS, ODS, XML, Parquet';
const KINDS: Record<string, string> = { xlsx: 'Excel', xls: 'Excel 97', ods: 'OpenDocument', xml: 'XML', parquet: 'Parquet', json: 'JSON', geojson: 'GeoJSON', csv: 'CSV' };

/** « Le fichier Excel « x.xlsx » » / “The Excel file “x.xlsx”” */
function the(d: Details, lang: Lang): string {
  const kind = KINDS[String(d.format)];
  if (lang === 'en') return `The${kind ? ` ${kind}` : ''} file${d.file ? ` “${String(d.file)}”` : ''}`;
  return `Le fichier${kind ? ` ${kind}` : ''}${d.file ? ` « ${String(d.file)} »` : ''}`;
}

const fr = {
  'unsupported-format': (d) => `${d.file ? `Le fichier « ${String(d.file)} » est au format ${String(d.format)}` : `Le format ${String(d.format)}`}, que ce composant ne lit pas (il lit ${READ_FORMATS}). Téléchargez le fichier pour l’ouvrir.`,
  unreadable: (d) => `${the(d, 'fr')} n’a pas pu être lu (format non reconnu).`,
  corrupt: (d) => `${the(d, 'fr')} est endommagé ou incomplet : il n’a pas pu être lu.`,
  encrypted: (d) => `${the(d, 'fr')} est protégé par un mot de passe : il ne peut pas être lu dans la page.`,
  'empty-sheet': (d) => `${the(d, 'fr')} a une feuille « ${String(d.sheet ?? '')} » vide : aucune donnée à afficher.`,
  'unknown-sheet': (d) => `${the(d, 'fr')} n’a pas de feuille « ${String(d.sheet)} ». Feuilles : ${quoteList(d.available, 'fr')}.`,
  'no-records': (d) => `${the(d, 'fr')} ne contient pas d’élément répété (un enregistrement par ligne) : aucun tableau à en tirer.`,
  'unknown-record': (d) => `${the(d, 'fr')} ne contient aucun élément « ${String(d.record)} ».`,
  'bad-xml': (d) => `${the(d, 'fr')} n’est pas un XML valide${d.cause ? ` (${String(d.cause)})` : ''}.`,
  codec: (d) => `${the(d, 'fr')} est compressé en ${String(d.codec)}, que le navigateur ne sait pas lire (lus : Snappy, Zstandard, Gzip, LZ4).`,
  empty: (d) => `${the(d, 'fr')} est vide.`,
} satisfies Record<FileKey, Say>;

const en = {
  'unsupported-format': (d) => `${d.file ? `The file “${String(d.file)}” is in ${String(d.format)} format` : `The ${String(d.format)} format`}, which this component does not read (it reads ${READ_FORMATS}). Download the file to open it.`,
  unreadable: (d) => `${the(d, 'en')} could not be read (unrecognised format).`,
  corrupt: (d) => `${the(d, 'en')} is damaged or incomplete: it could not be read.`,
  encrypted: (d) => `${the(d, 'en')} is password-protected: it cannot be read in the page.`,
  'empty-sheet': (d) => `${the(d, 'en')} has an empty sheet “${String(d.sheet ?? '')}”: no data to show.`,
  'unknown-sheet': (d) => `${the(d, 'en')} has no sheet “${String(d.sheet)}”. Sheets: ${quoteList(d.available, 'en')}.`,
  'no-records': (d) => `${the(d, 'en')} has no repeated element (one record per row): no table to make of it.`,
  'unknown-record': (d) => `${the(d, 'en')} has no “${String(d.record)}” element.`,
  'bad-xml': (d) => `${the(d, 'en')} is not valid XML${d.cause ? ` (${String(d.cause)})` : ''}.`,
  codec: (d) => `${the(d, 'en')} is compressed with ${String(d.codec)}, which the browser cannot read (read: Snappy, Zstandard, Gzip, LZ4).`,
  empty: (d) => `${the(d, 'en')} is empty.`,
} satisfies Record<FileKey, Say>;

export const fileErrors = defineMessages<FileKey>({ fr, en });

/** A file error again, with more details (the file's name and link) or from the worker's code and key. */
export function fileError(code: ErrorCode, details: Details, key: string): CultureError {
  // a `parse` from a reader that said no more (broken JSON, an empty CSV) is told with the file's name
  return fileErrors.error(code, details, (code === 'parse' && key === 'parse' ? 'unreadable' : key) as FileKey);
}
