// Writing delimited text the way French open-data exports do (and windows-1252 bytes).

/** One CSV field: quoted when it holds the delimiter, a quote or a line break. */
export function field(value, delimiter) {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

export function toCsv(header, rows, { delimiter = ';', eol = '\n' } = {}) {
  const lines = [header.map((h) => field(h, delimiter)).join(delimiter)];
  for (const row of rows) lines.push(row.map((v) => field(v, delimiter)).join(delimiter));
  return lines.join(eol) + eol;
}

// windows-1252 bytes 0x80–0x9F that differ from Latin-1
const CP1252 = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

export function encodeWindows1252(text) {
  const bytes = Buffer.alloc(text.length);
  let n = 0;
  for (const char of text) {
    const code = char.codePointAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[n++] = code;
    else if (CP1252[char] !== undefined) bytes[n++] = CP1252[char];
    else bytes[n++] = 0x3f; // '?', as a lossy export would
  }
  return bytes.subarray(0, n);
}

export const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
