/**
 * What a file really is, from its first bytes (and its zip directory), with the catalogue's word
 * as a tie-breaker: data.gouv.fr resources are often mislabelled (an XLSX declared `csv`, a CSV
 * named `.xls`). Bytes win when they are clear; anything that is not a table is named, so the
 * user reads « PDF » instead of rows of garbage.
 */
import type { FileFormat } from './types.js';

export type Detected =
  | { format: Exclude<FileFormat, 'unknown'> }
  /** Not a table core reads; `name` is what to call it in the message (`PDF`, `DOCX`, `ZIP`…). */
  | { format: 'unsupported'; name: string };

const startsWith = (bytes: Uint8Array, ...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Whether `needle` occurs in the bytes (zip entry names are stored as plain text). */
function contains(bytes: Uint8Array, needle: string, from = 0, to = bytes.length): boolean {
  const n = ascii(needle);
  const first = n[0]!;
  for (let i = bytes.indexOf(first, from); i >= 0 && i <= to - n.length; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < n.length && bytes[i + k] === n[k]) k++;
    if (k === n.length) return true;
  }
  return false;
}

/**
 * A zip: ODS names its media type (the `mimetype` entry, or a stored manifest), XLSX has an
 * `xl/workbook` entry; a zip the declared spreadsheet format cannot be told from (truncated) goes
 * to the spreadsheet reader, which says it is damaged; the rest is named by its content.
 */
function zipKind(bytes: Uint8Array, declared: FileFormat): Detected {
  if (contains(bytes, 'opendocument.spreadsheet')) return { format: 'ods' };
  if (contains(bytes, 'xl/workbook')) return { format: 'xlsx' };
  if (declared === 'xlsx' || declared === 'ods' || declared === 'xls') return { format: declared };
  const od = /opendocument\.(\w+)/.exec(String.fromCharCode(...bytes.subarray(30, 120)))?.[1];
  if (od) return { format: 'unsupported', name: `OpenDocument ${od}` };
  if (contains(bytes, 'word/document')) return { format: 'unsupported', name: 'DOCX' };
  if (contains(bytes, 'ppt/presentation')) return { format: 'unsupported', name: 'PPTX' };
  if (contains(bytes, '.shp')) return { format: 'unsupported', name: 'Shapefile (ZIP)' };
  return { format: 'unsupported', name: 'ZIP' };
}

/** The start of the text, BOMs and spaces skipped, lower-cased. */
function textStart(bytes: Uint8Array): string {
  let at = 0;
  while (bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf) at += 3;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2, 512)).trimStart().toLowerCase();
  return new TextDecoder('latin1').decode(bytes.subarray(at, at + 512)).trimStart().toLowerCase();
}

/** Bytes that no text file has (NUL, most control characters) in the first 4 KB. */
function binary(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return false; // UTF-16 text
  const end = Math.min(bytes.length, 4096);
  let odd = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) odd++;
  }
  return odd > end / 100;
}

/** Formats whose name alone says they are not tables (refused before downloading them). */
const NOT_TABLES: Record<string, string> = {
  pdf: 'PDF', doc: 'DOC', docx: 'DOCX', odt: 'OpenDocument text', ppt: 'PPT', pptx: 'PPTX', odp: 'OpenDocument presentation',
  png: 'PNG', jpg: 'JPEG', jpeg: 'JPEG', gif: 'GIF', svg: 'SVG', webp: 'WebP', tif: 'TIFF', tiff: 'TIFF',
  zip: 'ZIP', '7z': '7z', rar: 'RAR', shp: 'Shapefile', gpkg: 'GeoPackage', pmtiles: 'PMTiles',
  mp3: 'MP3', mp4: 'MP4', html: 'HTML', htm: 'HTML',
};

/** The display name of a declared format that is not a table, or undefined. */
export function notATable(declared: string | undefined): string | undefined {
  return declared ? NOT_TABLES[declared.toLowerCase().trim().replace(/^\./, '')] : undefined;
}

/** The format of downloaded bytes; `declared` decides only between text formats the bytes leave open. */
export function detectFormat(bytes: Uint8Array, declared: FileFormat = 'unknown'): Detected {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) return zipKind(bytes, declared);
  // OLE2 compound file: an Excel 97 workbook, or an encrypted XLSX (the reader tells which)
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return { format: 'xls' };
  if (startsWith(bytes, ...ascii('PAR1'))) return { format: 'parquet' };
  if (startsWith(bytes, ...ascii('%PDF'))) return { format: 'unsupported', name: 'PDF' };
  if (startsWith(bytes, 0x1f, 0x8b)) return { format: 'unsupported', name: 'GZIP' };
  if (startsWith(bytes, 0x89, ...ascii('PNG'))) return { format: 'unsupported', name: 'PNG' };
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return { format: 'unsupported', name: 'JPEG' };
  if (bytes.length === 0) return { format: declared === 'unknown' ? 'csv' : declared };
  if (binary(bytes)) return { format: 'unsupported', name: declared === 'unknown' ? 'binaire' : declared.toUpperCase() };
  const text = textStart(bytes);
  if (/^<!doctype html|^<html[\s>]/.test(text)) return { format: 'unsupported', name: 'HTML' };
  if (text.startsWith('<')) return { format: 'xml' };
  if (text.startsWith('{') || text.startsWith('[')) return { format: declared === 'geojson' ? 'geojson' : 'json' };
  return { format: 'csv' };
}
