/**
 * The CSV download of what the table currently shows (filters, search and sort applied, every
 * page). The CSV text itself comes from core's `toCSV` (`;`, BOM, quoting, decimal commas in French:
 * opens in French Excel).
 */
import { decodeText, slugify, type Query, type ResolvedSource } from '@culture-widgets/core';

/** A table never builds a file bigger than this in the page; the file says it was cut. */
export const DOWNLOAD_LIMIT = 50_000;

/** The query behind the download: the view's, every page of it, up to the limit. */
export function downloadQuery(view: Query, limit = DOWNLOAD_LIMIT): Query {
  const { offset: _offset, limit: _limit, ...rest } = view;
  return { ...rest, limit };
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
