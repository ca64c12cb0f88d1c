/**
 * The CSV download of what the table currently shows (filters, search and sort applied, every
 * page). The CSV text itself comes from core's `toCSV` (`;`, BOM, quoting, decimal commas in French:
 * opens in French Excel). Loaded with the first click on « Télécharger », not with the table.
 */
import {
  csvDecimal, decodeText, parseList, runQuery, slugify, toCSV, type ColumnInfo, type Lang, type Query, type ResolvedSource,
} from '@culture-widgets/core';
import { csvFile, saveFile } from '@culture-widgets/ui';
import { selectColumns } from './columns.js';

/** A table never builds a file bigger than this in the page; the file says it was cut. */
export const DOWNLOAD_LIMIT = 50_000;

/** The query behind the download: the view's, every page of it, up to the limit. */
export function downloadQuery(view: Query, limit = DOWNLOAD_LIMIT): Query {
  const { offset: _offset, limit: _limit, ...rest } = view;
  return { ...rest, limit };
}

/** What the table shows: its source, query and columns, and the `columns` / `dataset` attributes. */
export interface DownloadView {
  source: ResolvedSource;
  query: Query;
  columns: ColumnInfo[];
  shown?: string;
  dataset?: string;
  lang: Lang;
}

/**
 * Saves the view as CSV, with the source's column names (labels are for the screen); returns the
 * limit when the file was cut at it.
 */
export async function saveView(view: DownloadView, signal: AbortSignal): Promise<{ cutAt?: number }> {
  const result = await runQuery(view.source, downloadQuery(view.query), { signal });
  const joined = result.columns.filter((column) => /^join\./i.test(column.name));
  const names = selectColumns(parseList(view.shown), [...view.columns, ...joined]).columns.map((column) => column.name);
  saveFile(csvFile(toCSV(result.rows, names, { decimal: csvDecimal(view.lang) })), downloadFilename(view.source, view.dataset));
  return result.total > result.rows.length ? { cutAt: DOWNLOAD_LIMIT } : {};
}

/** `frequentation-des-musees-de-france.csv`: the dataset slug, else the title or the file name. */
export function downloadFilename(source: Pick<ResolvedSource, 'citation' | 'fileUrl'>, dataset?: string): string {
  const candidates = [slugFromDataset(dataset), slugFromUrl(source.citation.datasetUrl), slugify(source.citation.datasetTitle), fileStem(source.fileUrl)];
  return `${candidates.find((name) => name) ?? 'donnees'}.csv`;
}

function slugFromDataset(dataset: string | undefined): string {
  if (!dataset) return '';
  const fromUrl = slugFromUrl(dataset);
  if (fromUrl) return fromUrl;
  // An id (24 hex digits) says nothing to the person who saves the file.
  return /^[0-9a-f]{24}$/i.test(dataset.trim()) ? '' : slugify(dataset);
}

function slugFromUrl(url: string | undefined): string {
  const match = url ? /\/datasets\/([^/?#]+)/.exec(url) : null;
  if (!match?.[1] || /^[0-9a-f]{24}$/i.test(match[1]) || match[1] === 'r') return '';
  return slugify(decodeText(match[1]));
}

function fileStem(url: string | undefined): string {
  const name = url?.split(/[?#]/)[0]?.split('/').pop() ?? '';
  return slugify(name.replace(/\.[a-z0-9]+$/i, ''));
}
