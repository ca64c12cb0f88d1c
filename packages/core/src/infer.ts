/**
 * Type inference for files, close to what csv-detective writes in the tabular `/profile/`, and
 * friendlier to French data: `2 901,60` and `24,7%` are numbers, `05/03/2021` is 2021-03-05,
 * `01053` stays a code, `"46.2, 5.5"` is a coordinate pair.
 */
import type { Cell, ColumnInfo, ColumnType } from './types.js';
import { type ColumnData, getter, packText } from './table.js';
import { type CellColumn, cellAt } from './csv.js';
import { lastNumber, readBoolean, readDate, readNumber, readNumberIn } from './values.js';
import { isYear } from './columns.js';
import { isCode, isLatitude, isLongitude, readPair } from './kinds.js';

const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
/** Sentinels for "no value" in otherwise numeric columns (non communiqué, non disponible…). */
const SENTINELS = new Set(['nc', 'nd', 'n/a', 'na', 'n.c.', 'n.d.', '-', '–', '—', 's', 'ns', 'nr']);

/** Codes look numeric but are identifiers: their lost leading zeros must not turn them into numbers. */
const isCodeName = (name: string): boolean => isCode({ name });

const MAX_DISTINCT = 1000;

/** `packText` in pieces: joining 600,000 strings at once is a task of its own. */
function* packTextSteps(values: ArrayLike<string | null>): Steps<ColumnData> {
  if (values.length <= STEP + 1) return packText(values);
  const offsets = new Uint32Array(values.length + 1);
  const pieces: string[] = [];
  let at = 0;
  for (let from = 0; from < values.length; from += STEP + 1) {
    const to = Math.min(values.length, from + STEP + 1);
    for (let i = from; i < to; i++) { at += values[i]?.length ?? 0; offsets[i + 1] = at; }
    pieces.push(Array.prototype.join.call(Array.prototype.slice.call(values, from, to), ''));
    yield;
  }
  return { kind: 'text', text: pieces.join(''), offsets };
}

/** Work that pauses (yields) now and then; see `inferColumnSteps`. */
export type Steps<T> = Generator<void, T, void>;
/** Values between two pauses, minus one (a mask). */
const STEP = 16383;

interface Profile {
  distinct: number;
  missing: number;
  categorical: boolean;
  tops?: { value: string; count: number }[];
}

/** Distinct values (counted up to MAX_DISTINCT) of any column, read through its getter. */
function* profileOf(data: ColumnData, length: number): Steps<Profile> {
  const get = getter(data);
  const counts = new Map<Cell, number>();
  let missing = 0;
  let counting = true;
  for (let i = 0; i < length; i++) {
    if ((i & STEP) === 0 && i) yield;
    const v = get(i);
    if (v === null) { missing++; continue; }
    if (!counting) continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
    if (counts.size >= MAX_DISTINCT) counting = false;
  }
  return withTops({ distinct: counts.size, missing, categorical: counts.size > 0 && counts.size < 25 }, counts);
}

function withTops(profile: Profile, counts: Map<Cell, number>): Profile {
  if (profile.categorical) profile.tops = tops(counts);
  return profile;
}

/**
 * Text columns in one pass: missing values, distinct counts and dictionary codes while there are
 * few distinct values (most categorical columns), else one packed string.
 */
function* textColumn(values: ArrayLike<string | null>): Steps<{ data: ColumnData; profile: Profile }> {
  const code = new Map<string, number>();
  const dict = [''];
  let codes: Uint32Array | undefined = new Uint32Array(values.length);
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    if ((i & STEP) === 0 && i) yield;
    const v = values[i];
    if (!v) { missing++; continue; }
    if (!codes) continue;
    let c = code.get(v);
    if (c === undefined) {
      if (dict.length > MAX_DISTINCT) { codes = undefined; continue; }
      code.set(v, (c = dict.length));
      dict.push(v);
    }
    codes[i] = c;
  }
  if (!codes) return { data: yield* packTextSteps(values), profile: { distinct: MAX_DISTINCT, missing, categorical: false } };
  const distinct = dict.length - 1;
  const profile: Profile = { distinct, missing, categorical: distinct > 0 && distinct < 25 };
  if (profile.categorical) {
    // counts from the codes: one pass over integers, no second map
    const histogram = new Uint32Array(dict.length);
    for (let i = 0; i < codes.length; i++) histogram[codes[i]!]!++;
    withTops(profile, new Map(dict.slice(1).map((v, k) => [v, histogram[k + 1]!])));
  }
  return { data: { kind: 'dict', dict, codes }, profile };
}

function tops(distinct: Map<Cell, number>): { value: string; count: number }[] {
  return [...distinct].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([value, count]) => ({ value: String(value), count }));
}

/** What a text column holds beyond "text": url, coordinates. */
function textFormat(sample: string[]): string | undefined {
  if (sample.length && sample.every((v) => /^(https?:\/\/|www\.)\S+$/i.test(v))) return 'url';
  if (sample.length && sample.every((v) => {
    const pair = v.includes(',') ? readPair(v) : undefined;
    return pair && Math.abs(pair[0]) <= 90 && Math.abs(pair[1]) <= 180;
  })) return 'latlon_wgs';
  return undefined;
}

/** Empty or a sentinel: counts as a missing value in a numeric column. */
const blank = (v: string | null): boolean => v === null || v === '' || (v.charCodeAt(0) <= 32 && v.trim() === '');

export interface Inferred {
  info: ColumnInfo;
  data: ColumnData;
}

function firstValue(values: ArrayLike<string | null>): string | undefined {
  for (let i = 0; i < values.length; i++) { const v = values[i]; if (v) return v; }
  return undefined;
}

function* asNumbers(name: string, values: ArrayLike<string | null>): Steps<Inferred | undefined> {
  // a code column (by its name) whose values look like integers stays text: skip the whole pass
  if (isCodeName(name) && /^\s*\d+\s*$/.test(firstValue(values) ?? '')) return undefined;
  const out = new Float64Array(values.length);
  let integer = true, percent = true, seen = 0, sentinels = 0;
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if ((i & STEP) === 0 && i) yield;
    const v = values[i]!;
    if (blank(v)) { out[i] = NaN; continue; }
    const x = readNumber(v);
    if (x !== x) {
      if (SENTINELS.has(v.trim().toLowerCase())) { out[i] = NaN; sentinels++; continue; }
      return undefined;
    }
    if (lastNumber.leadingZero) return undefined;
    integer &&= lastNumber.integer;
    percent &&= lastNumber.percent;
    seen++;
    if (x < min) min = x;
    if (x > max) max = x;
    out[i] = x;
  }
  if (seen === 0 || sentinels > seen) return undefined;
  return numberColumn(name, out, integer, percent, min, max);
}

function numberColumn(name: string, out: Float64Array, integer: boolean, percent: boolean, min: number, max: number): Inferred | undefined {
  if (integer && isCodeName(name)) return undefined; // codes with lost leading zeros stay text
  let format: string | undefined;
  if (percent) format = 'percent';
  else if (isLatitude({ name }) && min >= -90 && max <= 90 && !integer) format = 'latitude_wgs';
  else if (isLongitude({ name }) && min >= -180 && max <= 180 && !integer) format = 'longitude_wgs';
  else if (isYear({ name, type: integer ? 'integer' : 'number', min, max })) format = 'year';
  const type: ColumnType = integer ? 'integer' : 'number';
  return { info: { name, type, ...(format ? { format } : {}), min, max }, data: { kind: 'number', values: out } };
}

function* asBooleans(name: string, values: ArrayLike<string | null>): Steps<Inferred | undefined> {
  const out = new Uint8Array(values.length);
  let seen = 0;
  for (let i = 0; i < values.length; i++) {
    if ((i & STEP) === 0 && i) yield;
    const v = values[i]!;
    if (blank(v)) { out[i] = 2; continue; }
    const b = readBoolean(v);
    if (b === undefined) return undefined;
    out[i] = b ? 1 : 0;
    seen++;
  }
  return seen ? { info: { name, type: 'boolean' }, data: { kind: 'boolean', values: out } } : undefined;
}

function* datesWith(name: string, values: ArrayLike<string | null>, read: (v: string) => string | undefined, type: ColumnType): Steps<Inferred | undefined> {
  const out: (string | null)[] = new Array(values.length);
  let seen = 0, french = false, min = '', max = '';
  for (let i = 0; i < values.length; i++) {
    if ((i & STEP) === 0 && i) yield;
    const v = values[i]!;
    if (blank(v)) { out[i] = null; continue; }
    const iso = read(v);
    if (!iso) return undefined;
    if (iso !== v) french = true;
    seen++;
    if (!min || iso < min) min = iso;
    if (!max || iso > max) max = iso;
    out[i] = iso;
  }
  if (!seen) return undefined;
  return { info: { name, type, ...(french ? { format: 'date_fr' } : {}), min, max }, data: yield* packTextSteps(out) };
}

const readDatetime = (v: string): string | undefined => (DATETIME.test(v) ? v : undefined);

function* asDates(name: string, values: ArrayLike<string | null>): Steps<Inferred | undefined> {
  return (yield* datesWith(name, values, readDate, 'date')) ?? (yield* datesWith(name, values, readDatetime, 'datetime'));
}

/**
 * Infers one column, as steps: the generator pauses every STEP + 1 values so the main thread can
 * run it in slices (`parseBytesSliced`); `inferColumn` runs it in one go (the worker).
 */
export function* inferColumnSteps(name: string, values: ArrayLike<string | null>): Steps<Inferred> {
  const found = (yield* asNumbers(name, values)) ?? (yield* asBooleans(name, values)) ?? (yield* asDates(name, values));
  if (found) {
    found.info = { ...found.info, ...(yield* profileOf(found.data, values.length)) };
    return found;
  }
  return yield* asText(name, values);
}

function* asText(name: string, values: ArrayLike<string | null>): Steps<Inferred> {
  const sample: string[] = [];
  for (let i = 0; i < values.length && sample.length < 200; i++) { const v = values[i]; if (v) sample.push(v.trim()); }
  const format = textFormat(sample);
  const { data, profile } = yield* textColumn(values);
  return { info: { name, type: 'string', ...(format ? { format } : {}), ...profile }, data };
}

/** A column the file types as text (Parquet strings): kept as text, with its profile and format. */
export function textColumnOf(name: string, values: ArrayLike<string | null>): Inferred {
  return finish(asText(name, values));
}

/** Runs steps to the end. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Infers one column from its raw texts ('' = empty) and returns its typed storage and profile. */
export function inferColumn(name: string, values: ArrayLike<string | null>): Inferred {
  return finish(inferColumnSteps(name, values));
}

/** A cell of a JSON record, when the column is already typed by JSON itself. */
export function jsonColumn(name: string, values: Cell[], type: ColumnType, format?: string): Inferred {
  const present = values.filter((v) => v !== null);
  const info: ColumnInfo = { name, type, ...(format ? { format } : {}), missing: values.length - present.length };
  if (type === 'number' || type === 'integer') {
    const nums = present as number[];
    info.min = Math.min(...nums.slice(0, 100_000));
    info.max = Math.max(...nums.slice(0, 100_000));
    const out = new Float64Array(values.length);
    values.forEach((v, i) => { out[i] = v === null ? NaN : (v as number); });
    if (isYear({ ...info, format: undefined })) info.format = 'year';
    return { info, data: { kind: 'number', values: out } };
  }
  return { info, data: { kind: 'cells', values } };
}

/** Adds the distinct count, missing values and top values to a column typed by its format (Parquet). */
export function withProfile(column: Inferred, length: number): Inferred {
  return { ...column, info: { ...column.info, ...finish(profileOf(column.data, length)) } };
}

/** `asNumbers` on cell offsets: numbers are read from the text, no string made per cell. */
function* numbersFromCells(name: string, column: CellColumn, length: number): Steps<Inferred | undefined> {
  const { text, starts, ends } = column;
  let first = '';
  for (let i = 0; i < length && !first; i++) first = cellAt(column, i);
  if (isCodeName(name) && /^\s*\d+\s*$/.test(first)) return undefined;
  const out = new Float64Array(length);
  let integer = true, percent = true, seen = 0, sentinels = 0;
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < length; i++) {
    if ((i & STEP) === 0 && i) yield;
    const a = starts[i]!, b = ends[i]!;
    if (a === b) { out[i] = NaN; continue; }
    let x: number;
    if (a < b) {
      x = readNumberIn(text, a, b);
      if (x !== x && text.charCodeAt(a) <= 32 && blank(text.slice(a, b))) { out[i] = NaN; continue; }
    } else {
      const v = cellAt(column, i);
      if (blank(v)) { out[i] = NaN; continue; }
      x = readNumber(v);
    }
    if (x !== x) {
      if (SENTINELS.has(cellAt(column, i).trim().toLowerCase())) { out[i] = NaN; sentinels++; continue; }
      return undefined;
    }
    if (lastNumber.leadingZero) return undefined;
    integer &&= lastNumber.integer;
    percent &&= lastNumber.percent;
    seen++;
    if (x < min) min = x;
    if (x > max) max = x;
    out[i] = x;
  }
  if (seen === 0 || sentinels > seen) return undefined;
  return numberColumn(name, out, integer, percent, min, max);
}

/**
 * `inferColumn` for scanned cells, as steps (every pass pauses every STEP + 1 cells): numeric
 * columns never become strings; the others are sliced once, one column at a time, so few strings
 * are alive at once.
 */
export function* inferCellsSteps(name: string, column: CellColumn, length: number): Steps<Inferred> {
  const found = yield* numbersFromCells(name, column, length);
  if (found) {
    found.info = { ...found.info, ...(yield* profileOf(found.data, length)) };
    return found;
  }
  return yield* inferColumnSteps(name, (yield* fewDistinct(column, length)) ?? (yield* cellStrings(column, length)));
}

/** `inferCellsSteps` in one go (the worker). */
export const inferCells = (name: string, column: CellColumn, length: number): Inferred => finish(inferCellsSteps(name, column, length));

function* cellStrings(column: CellColumn, length: number): Steps<string[]> {
  const values = new Array<string>(length);
  for (let i = 0; i < length; i++) {
    if ((i & STEP) === 0 && i) yield;
    values[i] = cellAt(column, i);
  }
  return values;
}

/**
 * The cells as strings when there are at most MAX_DISTINCT of them: each distinct text is sliced
 * once and shared by its cells (a hash of the characters finds it, with no slice per cell).
 */
function* fewDistinct(column: CellColumn, length: number): Steps<string[] | undefined> {
  const { text, starts, ends } = column;
  const mask = 4095;
  const slots = new Int32Array(mask + 1).fill(-1);
  const dict: string[] = [];
  const values = new Array<string>(length);
  for (let i = 0; i < length; i++) {
    if ((i & STEP) === 0 && i) yield;
    let a = starts[i]!, b = ends[i]!;
    if (a === b) { values[i] = ''; continue; }
    let source = text;
    if (a > b) { source = column.unescaped.get(i)!; a = 0; b = source.length; }
    let h = b - a;
    for (let j = a; j < b; j++) h = (Math.imul(h, 31) + source.charCodeAt(j)) | 0;
    let slot = h & mask;
    for (;;) {
      const k = slots[slot]!;
      if (k < 0) {
        if (dict.length >= MAX_DISTINCT) return undefined;
        slots[slot] = dict.length;
        dict.push((values[i] = source.slice(a, b)));
        break;
      }
      const entry = dict[k]!;
      if (entry.length === b - a && source.startsWith(entry, a)) { values[i] = entry; break; }
      slot = (slot + 1) & mask;
    }
  }
  return values;
}
