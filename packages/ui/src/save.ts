/** Hands a file to the browser (a clicked `<a download>`): a Blob, or a data URL (a PNG export). */
export function saveFile(file: Blob | string, filename: string): void {
  const url = typeof file === 'string' ? file : URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: Chromium starts reading the URL after the click handler returns.
  if (typeof file !== 'string') setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A CSV text as a file, with one UTF-8 BOM (Excel then reads the accents). */
export const csvFile = (csv: string): Blob =>
  new Blob([csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' });
