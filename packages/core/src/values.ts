/**
 * Reading one cell's text as a number, a date or a boolean, the French way (`2 901,60`, `24,7 %`,
 * `05/03/2021`, `oui`). Small on purpose: the tabular path needs it in the first load, while the
 * rest of type inference (infer.ts) only loads with the file path.
 */
/** Set by `readNumber` for the last value read (no allocation on the hot path). */
export const lastNumber = { integer: false, percent: false, leadingZero: false };

const SPACES = /[\s\u00a0\u202f]/g;
const THOUSANDS_FR = /^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$/;
const THOUSANDS_DOT = /^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/;
const PLAIN = /^[+-]?\d+(?:[.,]\d+)?(?:e[+-]?\d+)?$/i;

function readNumberSlow(raw: string): number {
  let s = raw.trim();
  lastNumber.percent = false;
  if (s.endsWith('%')) { lastNumber.percent = true; s = s.slice(0, -1).trim(); }
  if (THOUSANDS_FR.test(s)) s = s.replace(SPACES, '');
  else if (THOUSANDS_DOT.test(s)) s = s.replace(/\./g, '');
  else if (!PLAIN.test(s)) return NaN;
  lastNumber.leadingZero = /^[+-]?0\d/.test(s);
  lastNumber.integer = !/[.,e]/i.test(s);
  return Number(s.replace(',', '.'));
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A number written the French or English way, or NaN. Plain digits with one `.` or `,` take a
 * fast path: the digits are read as an integer m and the value is m / 10^k, which IEEE division
 * rounds exactly like `Number(text)` while m < 2^53 and k ≤ 22.
 */
export function readNumber(s: string): number {
  return readNumberIn(s, 0, s.length);
}

/** `readNumber(text.slice(from, to))` without making the slice on the fast path. */
export function readNumberIn(text: string, from: number, to: number): number {
  const n = to - from;
  if (n === 0 || n > 40) return NaN;
  let i = from;
  let c = text.charCodeAt(i);
  const negative = c === 45;
  if (negative) { if (n === 1) return NaN; c = text.charCodeAt(++i); }
  if (c < 48 || c > 57) return readNumberSlow(text.slice(from, to));
  let m = 0, sep = -1;
  for (let j = i; j < to; j++) {
    c = text.charCodeAt(j);
    if (c >= 48 && c <= 57) { m = m * 10 + (c - 48); continue; }
    if ((c === 46 || c === 44) && sep < 0 && j > i && j < to - 1) { sep = j; continue; }
    return readNumberSlow(text.slice(from, to));
  }
  lastNumber.percent = false;
  lastNumber.leadingZero = text.charCodeAt(i) === 48 && to > i + 1 && i + 1 !== sep;
  lastNumber.integer = sep < 0;
  const k = sep < 0 ? 0 : to - sep - 1;
  if (m > 9007199254740991 || k > 22) return readNumberSlow(text.slice(from, to));
  const value = k ? m / POW10[k]! : m;
  return negative ? -value : value;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const FR_DATE = /^(0?[1-9]|[12]\d|3[01])\/(0?[1-9]|1[0-2])\/(\d{4})$/;
const BOOLEANS = new Map<string, boolean>([['true', true], ['false', false], ['vrai', true], ['faux', false], ['oui', true], ['non', false], ['yes', true], ['no', false]]);

/** `05/03/2021` → `2021-03-05`; ISO dates as given; else undefined. */
export function readDate(s: string): string | undefined {
  if (ISO_DATE.test(s)) return s;
  const m = FR_DATE.exec(s);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : undefined;
}

export function readBoolean(s: string): boolean | undefined {
  return BOOLEANS.get(s) ?? BOOLEANS.get(s.trim().toLowerCase());
}
