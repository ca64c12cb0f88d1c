/**
 * Every word the table shows, in French and English. Small functions, so plurals and numbers
 * are written once per language.
 */
import { defineMessages, type Lang, type Say } from '@culture-widgets/core';

export interface TableMessages {
  empty: string;
  noRows: string;
  search: string;
  searchPlaceholder: string;
  download: string;
  downloading: string;
  downloadTruncated: (limit: string) => string;
  sortBy: (column: string) => string;
  /** "Lignes 1–20 sur 12 292". */
  rowRange: (first: string, last: string, total: string) => string;
  rowCount: (total: string) => string;
  previousPage: string;
  nextPage: string;
  firstPage: string;
  lastPage: string;
  pageOf: (page: string, pages: string) => string;
  pageSize: string;
  pagination: string;
  loadingRows: string;
  /** Said after a link that opens a new tab. */
  newWindow: string;
  /** Shown under the title when the table is wider than its frame. */
  scrollHint: string;
}

const fr: TableMessages = {
  empty: 'vide',
  noRows: 'Aucune ligne ne correspond',
  search: 'Rechercher dans le tableau',
  searchPlaceholder: 'Rechercher…',
  download: 'Télécharger (CSV)',
  downloading: 'Préparation du fichier…',
  downloadTruncated: (limit) => `Le fichier contient les ${limit} premières lignes.`,
  sortBy: (column) => `Trier par ${column}`,
  rowRange: (first, last, total) => `Lignes ${first}–${last} sur ${total}`,
  rowCount: (total) => `${total} ligne${total === '0' || total === '1' ? '' : 's'}`,
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',
  firstPage: 'Première page',
  lastPage: 'Dernière page',
  pageOf: (page, pages) => `Page ${page} sur ${pages}`,
  pageSize: 'Lignes par page',
  pagination: 'Pagination du tableau',
  loadingRows: 'Chargement des lignes…',
  newWindow: ' (nouvelle fenêtre)',
  scrollHint: 'Faites défiler horizontalement →',
};

const en: TableMessages = {
  empty: 'empty',
  noRows: 'No row matches',
  search: 'Search the table',
  searchPlaceholder: 'Search…',
  download: 'Download (CSV)',
  downloading: 'Preparing the file…',
  downloadTruncated: (limit) => `The file holds the first ${limit} rows.`,
  sortBy: (column) => `Sort by ${column}`,
  rowRange: (first, last, total) => `Rows ${first}–${last} of ${total}`,
  rowCount: (total) => `${total} row${total === '1' ? '' : 's'}`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  firstPage: 'First page',
  lastPage: 'Last page',
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  pageSize: 'Rows per page',
  pagination: 'Table pagination',
  loadingRows: 'Loading rows…',
  newWindow: ' (new window)',
  scrollHint: 'Scroll sideways →',
};

export function tableMessages(lang: Lang): TableMessages {
  return lang === 'en' ? en : fr;
}

type TableNoteKey = 'unknown-columns';
const names = (d: { names?: unknown }) => (d.names as string[]).join(', ');
const several = (d: { names?: unknown }) => (d.names as string[]).length > 1;

/** The table's notes: names in `columns`, `bars` or `sort` that match no column. */
export const tableNotes = defineMessages<TableNoteKey>({
  fr: {
    'unknown-columns': (d) => `${String(d.attribute)} : ${several(d) ? 'colonnes inconnues ignorées' : 'colonne inconnue ignorée'} : ${names(d)}.`,
  } satisfies Record<TableNoteKey, Say>,
  en: {
    'unknown-columns': (d) => `${String(d.attribute)}: ${several(d) ? 'unknown columns ignored' : 'unknown column ignored'}: ${names(d)}.`,
  } satisfies Record<TableNoteKey, Say>,
});
