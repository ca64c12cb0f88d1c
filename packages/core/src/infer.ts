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
import { keepWarm } from './keep-warm.js';

const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
/** Sentinels for "no value" in otherwise numeric columns (non communiqué, non disponible…). */
const SENTINELS = new Set(['nc', 'nd', 'n/a', 'na', 'n.c.', 'n.d.', '-', '–', '—', 's', 'ns', 'nr']);

/** Codes look numeric but are identifiers: their lost leading zeros must not turn them into numbers. */
const isCodeName = (name: string): boolean => isCode({ name });

const MAX_DISTINCT = 1000;

/** Work that pauses (yields) now and then; see `inferColumnSteps`. */
export type Steps<T> = Generator<void, T, void>;
/** Values between two pauses, minus one (a mask). */
const STEP = 16383;

/**
 * Runs `piece(from, to)` over [0, length) in pieces of STEP + 1 values with a pause between two;
 * false as soon as a piece returns false. Every loop over the values lives in such a plain
 * function, never in the generator itself: V8 does not optimize a loop inside a generator
 * (5–7× slower, measured in Chromium and node), and these loops are the whole parse.
 */
function* inPieces(length: number, piece: (from: number, to: number) => boolean | void): Steps<boolean> {
  for (let from = 0; from < length; from += STEP + 1) {
    if (from) yield;
    if (piece(from, Math.min(length, from + STEP + 1)) === false) return false;
  }
  return true;
}

/** `packText` in pieces: joining 600,000 strings at once is a task of its own. */
function* packTextSteps(values: ArrayLike<string | null>): Steps<ColumnData> {
  if (values.length <= STEP + 1) return packText(values);
  const offsets = new Uint32Array(values.length + 1);
  const pieces: string[] = [];
  let at = 0;
  yield* inPieces(values.length, (from, to) => {
    let end = at;
    for (let i = from; i < to; i++) { end += values[i]?.length ?? 0; offsets[i + 1] = end; }
    at = end;
    pieces.push(Array.prototype.join.call(Array.prototype.slice.call(values, from, to), ''));
  });
  return { kind: 'text', text: pieces.join(''), offsets };
}

interface Profile {
  distinct: number;
  missing: number;
  categorical: boolean;
  tops?: { value: string; count: number }[];
}

/**
 * Distinct values (counted up to MAX_DISTINCT) of any column: booleans, dictionary codes and
 * integers of a short range are counted in an array, other values in a Map.
 */
function* profileOf(data: ColumnData, length: number): Steps<Profile> {
  switch (data.kind) {
    case 'boolean': return yield* keyedProfile(data.values, length, 0, 2, (k) => k === 1);
    case 'dict': { const { dict } = data; return yield* keyedProfile(data.codes, length, 1, dict.length - 1, (k) => dict[k + 1]!); }
    case 'number': {
      const range = yield* integerRange(data.values, length);
      if (range) return yield* keyedProfile(data.values, length, range.min, range.max - range.min + 1, (k) => k + range.min);
    }
  }
  return yield* mappedProfile(data, length);
}

/** `profileOf` through the getter: every value a key of a Map. */
function* mappedProfile(data: ColumnData, length: number): Steps<Profile> {
  const get = getter(data);
  const counts = new Map<Cell, number>();
  let missing = 0;
  let counting = true;
  // past MAX_DISTINCT values only the missing ones are counted: for numbers, the NaNs
  const numbers = data.kind === 'number' ? data.values : undefined;
  yield* inPieces(length, (from, to) => {
    let i = from;
    for (; i < to && counting; i++) {
      const v = get(i);
      if (v === null) { missing++; continue; }
      counts.set(v, (counts.get(v) ?? 0) + 1);
      if (counts.size >= MAX_DISTINCT) counting = false;
    }
    if (numbers) { for (; i < to; i++) if (numbers[i] !== numbers[i]) missing++; } else { for (; i < to; i++) if (get(i) === null) missing++; }
  });
  return withTops({ distinct: counts.size, missing, categorical: counts.size > 0 && counts.size < 25 }, counts);
}

/** Keys an array of counts may hold, for `keyedProfile`. */
const MAX_KEYS = 1 << 16;

/** The least and greatest value when every value is an integer and they span fewer than MAX_KEYS; else undefined. */
function* integerRange(values: Float64Array, length: number): Steps<{ min: number; max: number } | undefined> {
  let min = Infinity, max = -Infinity;
  const integers = yield* inPieces(length, (from, to) => {
    for (let i = from; i < to; i++) {
      const x = values[i]!;
      if (x !== x) continue;
      if (!Number.isSafeInteger(x)) return false;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    return true;
  });
  return integers && max >= min && max - min < MAX_KEYS ? { min, max } : undefined;
}

/**
 * `mappedProfile` for values that are small integer keys once `offset` is taken off (booleans,
 * dictionary codes, integers of a short range): counted in an array instead of a Map. Values
 * outside [0, size) are missing. `valueOf` gives a key's value; two keys of the same value (two
 * dictionary texts read as one date) count as one, and ties keep the order in which values first
 * appear, as the Map does.
 */
function* keyedProfile(values: Uint8Array | Uint32Array | Float64Array, length: number, offset: number, size: number, valueOf: (key: number) => Cell): Steps<Profile> {
  const counts = new Uint32Array(size);
  const order: number[] = [];
  let missing = 0;
  yield* inPieces(length, (from, to) => {
    for (let i = from; i < to; i++) {
      const k = values[i]! - offset;
      if (!(k >= 0 && k < size)) { missing++; continue; }
      if (counts[k]++ === 0) order.push(k);
    }
  });
  const merged = new Map<Cell, number>();
  for (const k of order) {
    const v = valueOf(k);
    merged.set(v, (merged.get(v) ?? 0) + counts[k]!);
    if (merged.size >= MAX_DISTINCT) break;
  }
  return withTops({ distinct: merged.size, missing, categorical: merged.size > 0 && merged.size < 25 }, merged);
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
  yield* inPieces(values.length, (from, to) => {
    for (let i = from; i < to; i++) {
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
  });
  if (!codes) return { data: yield* packTextSteps(values), profile: { distinct: MAX_DISTINCT, missing, categorical: false } };
  return { data: { kind: 'dict', dict, codes }, profile: codedProfile(dict, codes, missing) };
}

/** The profile of a text column stored as codes into `dict` (code 0 = empty). */
function codedProfile(dict: string[], codes: Uint32Array, missing: number): Profile {
  const distinct = dict.length - 1;
  // counted up to MAX_DISTINCT, like every profile
  const profile: Profile = { distinct: Math.min(distinct, MAX_DISTINCT), missing, categorical: distinct > 0 && distinct < 25 };
  if (profile.categorical) {
    // counts from the codes: one pass over integers, no second map
    const histogram = new Uint32Array(dict.length);
    for (let i = 0; i < codes.length; i++) histogram[codes[i]!]!++;
    withTops(profile, new Map(dict.slice(1).map((v, k) => [v, histogram[k + 1]!])));
  }
  return profile;
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

/** A column read as numbers, piece by piece (`strings` or `cells`), until a value is not one. */
class NumberReader {
  readonly out: Float64Array;
  integer = true;
  percent = true;
  seen = 0;
  sentinels = 0;
  min = Infinity;
  max = -Infinity;

  constructor(length: number) {
    keepWarm(NumberReader, () => new NumberReader(0));
    this.out = new Float64Array(length);
  }

  /** Values [from, to) given as strings; false when one is not a number. */
  strings(values: ArrayLike<string | null>, from: number, to: number): boolean {
    const textOf = (i: number): string => values[i]!;
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      if (blank(v)) { this.out[i] = NaN; continue; }
      if (!this.#take(i, readNumber(v), textOf)) return false;
    }
    return true;
  }

  /** Cells [from, to) read from the text itself (no string made per cell); false when one is not a number. */
  cells(column: CellColumn, from: number, to: number): boolean {
    const { text, starts, ends } = column;
    const out = this.out;
    const textOf = (i: number): string => cellAt(column, i);
    for (let i = from; i < to; i++) {
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
      if (!this.#take(i, x, textOf)) return false;
    }
    return true;
  }

  /** Value i, read as x (NaN: not a number; its text then tells a sentinel); false when the column is not numeric. */
  #take(i: number, x: number, textOf: (i: number) => string): boolean {
    if (x !== x) {
      if (!SENTINELS.has(textOf(i).trim().toLowerCase())) return false;
      this.out[i] = NaN;
      this.sentinels++;
      return true;
    }
    if (lastNumber.leadingZero) return false;
    this.integer &&= lastNumber.integer;
    this.percent &&= lastNumber.percent;
    this.seen++;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.out[i] = x;
    return true;
  }

  /** The column, once every piece was read; undefined when it holds no number (or more sentinels than numbers). */
  column(name: string): Inferred | undefined {
    if (this.seen === 0 || this.sentinels > this.seen) return undefined;
    return numberColumn(name, this.out, this.integer, this.percent, this.min, this.max);
  }
}

function* asNumbers(name: string, values: ArrayLike<string | null>): Steps<Inferred | undefined> {
  // a code column (by its name) whose values look like integers stays text: skip the whole pass
  if (isCodeName(name) && /^\s*\d+\s*$/.test(firstValue(values) ?? '')) return undefined;
  const reader = new NumberReader(values.length);
  return (yield* inPieces(values.length, (from, to) => reader.strings(values, from, to))) ? reader.column(name) : undefined;
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
  const read = yield* inPieces(values.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      if (blank(v)) { out[i] = 2; continue; }
      const b = readBoolean(v);
      if (b === undefined) return false;
      out[i] = b ? 1 : 0;
      seen++;
    }
    return true;
  });
  return read && seen ? { info: { name, type: 'boolean' }, data: { kind: 'boolean', values: out } } : undefined;
}

function* datesWith(name: string, values: ArrayLike<string | null>, read: (v: string) => string | undefined, type: ColumnType): Steps<Inferred | undefined> {
  const out: (string | null)[] = new Array(values.length);
  let seen = 0, french = false, min = '', max = '';
  const dates = yield* inPieces(values.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      if (blank(v)) { out[i] = null; continue; }
      const iso = read(v);
      if (!iso) return false;
      if (iso !== v) french = true;
      seen++;
      if (!min || iso < min) min = iso;
      if (!max || iso > max) max = iso;
      out[i] = iso;
    }
    return true;
  });
  if (!dates || !seen) return undefined;
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
  let first = '';
  for (let i = 0; i < length && !first; i++) first = cellAt(column, i);
  if (isCodeName(name) && /^\s*\d+\s*$/.test(first)) return undefined;
  const reader = new NumberReader(length);
  return (yield* inPieces(length, (from, to) => reader.cells(column, from, to))) ? reader.column(name) : undefined;
}

/**
 * `inferColumn` for scanned cells, as steps (every pass pauses every STEP + 1 cells): numeric
 * columns never become strings. The others are first read as codes into a dictionary of their
 * distinct texts, typed by reading each distinct text once; only a column of mostly distinct
 * texts is sliced cell by cell, a piece at a time (few strings alive at once).
 */
export function* inferCellsSteps(name: string, column: CellColumn, length: number): Steps<Inferred> {
  const found = yield* numbersFromCells(name, column, length);
  if (found) {
    found.info = { ...found.info, ...(yield* profileOf(found.data, length)) };
    return found;
  }
  const dictionary = new Dictionary(length);
  if (yield* inPieces(length, (from, to) => dictionary.read(column, from, to))) return yield* inferCoded(name, dictionary);
  // past the dictionary: a value not a boolean nor a date makes the column text (what
  // `inferColumnSteps` would find, numbers being already ruled out), packed straight from the cells
  const first = firstCell(column, length);
  if (first === undefined || readBoolean(first) !== undefined || readDate(first) || readDatetime(first)) {
    return yield* inferColumnSteps(name, yield* cellStrings(column, length));
  }
  const sample: string[] = [];
  for (let i = 0; i < length && sample.length < 200; i++) { const v = cellAt(column, i); if (v) sample.push(v.trim()); }
  const format = textFormat(sample);
  const { data, missing } = yield* packCells(column, length);
  return { info: { name, type: 'string', ...(format ? { format } : {}), distinct: MAX_DISTINCT, missing, categorical: false }, data };
}

/** `inferCellsSteps` in one go (the worker). */
export const inferCells = (name: string, column: CellColumn, length: number): Inferred => finish(inferCellsSteps(name, column, length));

/** The first cell that is not blank. */
function firstCell(column: CellColumn, length: number): string | undefined {
  for (let i = 0; i < length; i++) { const v = cellAt(column, i); if (!blank(v)) return v; }
  return undefined;
}

function* cellStrings(column: CellColumn, length: number): Steps<string[]> {
  const values = new Array<string>(length);
  yield* inPieces(length, (from, to) => { for (let i = from; i < to; i++) values[i] = cellAt(column, i); });
  return values;
}

/** The cells packed as `packText` packs strings, a piece at a time; and how many are empty. */
function* packCells(column: CellColumn, length: number): Steps<{ data: ColumnData; missing: number }> {
  const offsets = new Uint32Array(length + 1);
  const pieces: string[] = [];
  let at = 0, missing = 0;
  yield* inPieces(length, (from, to) => {
    const piece = new Array<string>(to - from);
    let end = at;
    for (let i = from; i < to; i++) {
      const v = cellAt(column, i);
      if (!v) missing++;
      piece[i - from] = v;
      end += v.length;
      offsets[i + 1] = end;
    }
    at = end;
    pieces.push(piece.join(''));
  });
  return { data: { kind: 'text', text: pieces.join(''), offsets }, missing };
}

/** Distinct texts a column may have and still be read as dictionary codes. */
const MAX_CODES = 1 << 16;
/** Rows read before a column of mostly distinct texts gives up its dictionary. */
const MOSTLY_DISTINCT_AFTER = 8192;

/**
 * A column's cells as codes into the dictionary of its distinct texts (code 0 = empty): each
 * distinct text is sliced once, found again by a hash of its characters (no string per cell).
 * The hash is mixed before it picks a slot: texts that differ in their last characters (dates)
 * would otherwise hash to neighbouring slots and make long runs to probe.
 * Gives up (`read` returns false) past MAX_CODES texts, or when most rows bring a new one.
 */
class Dictionary {
  readonly values = [''];
  readonly codes: Uint32Array;
  missing = 0;
  /** Open addressing: the code of the text in each slot, 0 = free; at most half full. */
  #slots: Int32Array = new Int32Array(4096);
  /** Hash of each distinct text, by code (room for as many codes as half the slots). */
  #hashes: Int32Array = new Int32Array(2048 + 2);
  /** The code last found for a text of each length, first and last character (a column of few texts finds most cells there, without hashing them). */
  readonly #recent = new Uint32Array(1024);
  /** False once most cells of a piece were not the recent code: the column has too many texts for the guess to pay. */
  #guessing = true;

  constructor(length: number) {
    keepWarm(Dictionary, () => new Dictionary(0));
    this.codes = new Uint32Array(length);
  }

  /** Cells [from, to); false when the column has too many distinct texts. */
  read(column: CellColumn, from: number, to: number): boolean {
    const { text, starts, ends } = column;
    const { values, codes } = this;
    const recent = this.#recent, guessing = this.#guessing, missingBefore = this.missing;
    let slots = this.#slots, hashes = this.#hashes, mask = slots.length - 1, missing = missingBefore, guessed = 0;
    for (let i = from; i < to; i++) {
      let a = starts[i]!, b = ends[i]!;
      let source = text;
      if (a > b) { source = column.unescaped.get(i)!; a = 0; b = source.length; }
      if (a === b) { missing++; continue; }
      let r = 0;
      if (guessing) {
        r = (Math.imul(b - a, 961) + Math.imul(source.charCodeAt(a), 31) + source.charCodeAt(b - 1)) & 1023;
        const guess = recent[r]!;
        if (guess !== 0 && sameText(values[guess]!, source, a, b)) { codes[i] = guess; guessed++; continue; }
      }
      // h × 31 + c over each character, four at a time: the multiplications by 31^k do not wait on each other
      let h = b - a, j = a;
      for (; j + 3 < b; j += 4) {
        h = (Math.imul(h, 923521) + Math.imul(source.charCodeAt(j), 29791) + Math.imul(source.charCodeAt(j + 1), 961) + Math.imul(source.charCodeAt(j + 2), 31) + source.charCodeAt(j + 3)) | 0;
      }
      for (; j < b; j++) h = (Math.imul(h, 31) + source.charCodeAt(j)) | 0;
      h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
      h ^= h >>> 13;
      let slot = h & mask;
      for (;;) {
        const k = slots[slot]!;
        if (k === 0) {
          const n = values.length;
          if (n > MAX_CODES || (n > MAX_DISTINCT && i >= MOSTLY_DISTINCT_AFTER && n * 2 > i)) return false;
          values.push(source.slice(a, b));
          hashes[n] = h;
          slots[slot] = n;
          codes[i] = n;
          recent[r] = n;
          if (n * 2 > mask) { slots = this.#grow(); hashes = this.#hashes; mask = slots.length - 1; }
          break;
        }
        if (hashes[k] === h && sameText(values[k]!, source, a, b)) { codes[i] = k; recent[r] = k; break; }
        slot = (slot + 1) & mask;
      }
    }
    this.missing = missing;
    if (guessed * 2 < to - from - (missing - missingBefore)) this.#guessing = false;
    return true;
  }

  #grow(): Int32Array {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    const hashes = new Int32Array(slots.length / 2 + 2);
    hashes.set(this.#hashes);
    this.#hashes = hashes;
    for (let k = 1; k < this.values.length; k++) {
      let slot = this.#hashes[k]! & mask;
      while (slots[slot]) slot = (slot + 1) & mask;
      slots[slot] = k;
    }
    return (this.#slots = slots);
  }
}

/** `entry === source.slice(a, b)`, without the slice. */
function sameText(entry: string, source: string, a: number, b: number): boolean {
  if (entry.length !== b - a) return false;
  for (let j = 0; j < entry.length; j++) if (entry.charCodeAt(j) !== source.charCodeAt(a + j)) return false;
  return true;
}

/**
 * What `inferColumnSteps` finds for these cells (numbers already ruled out), from the distinct
 * texts: booleans and dates are read once per distinct text and mapped to the rows by code.
 */
function* inferCoded(name: string, { values: dict, codes, missing }: Dictionary): Steps<Inferred> {
  const length = codes.length;
  const found = (yield* codedBooleans(name, dict, codes)) ?? (yield* codedDates(name, dict, codes, readDate, 'date')) ?? (yield* codedDates(name, dict, codes, readDatetime, 'datetime'));
  if (found) {
    found.info = { ...found.info, ...(yield* profileOf(found.data, length)) };
    return found;
  }
  const sample: string[] = [];
  for (let i = 0; i < length && sample.length < 200; i++) { const c = codes[i]!; if (c) sample.push(dict[c]!.trim()); }
  const format = textFormat(sample);
  return { info: { name, type: 'string', ...(format ? { format } : {}), ...codedProfile(dict, codes, missing) }, data: { kind: 'dict', dict, codes } };
}

function* codedBooleans(name: string, dict: string[], codes: Uint32Array): Steps<Inferred | undefined> {
  const byCode = new Uint8Array(dict.length);
  let seen = false;
  byCode[0] = 2;
  const read = yield* inPieces(dict.length, (from, to) => {
    for (let k = Math.max(1, from); k < to; k++) {
      const v = dict[k]!;
      if (blank(v)) { byCode[k] = 2; continue; }
      const b = readBoolean(v);
      if (b === undefined) return false;
      byCode[k] = b ? 1 : 0;
      seen = true;
    }
    return true;
  });
  if (!read || !seen) return undefined;
  const out = new Uint8Array(codes.length);
  yield* inPieces(codes.length, (from, to) => { for (let i = from; i < to; i++) out[i] = byCode[codes[i]!]!; });
  return { info: { name, type: 'boolean' }, data: { kind: 'boolean', values: out } };
}

/** Dates kept as codes into the dictionary of their ISO texts. */
function* codedDates(name: string, dict: string[], codes: Uint32Array, read: (v: string) => string | undefined, type: ColumnType): Steps<Inferred | undefined> {
  const isoDict = [''];
  const byCode = new Uint32Array(dict.length);
  let french = false, min = '', max = '';
  const dates = yield* inPieces(dict.length, (from, to) => {
    for (let k = Math.max(1, from); k < to; k++) {
      const v = dict[k]!;
      if (blank(v)) continue;
      const iso = read(v);
      if (!iso) return false;
      if (iso !== v) french = true;
      if (!min || iso < min) min = iso;
      if (!max || iso > max) max = iso;
      byCode[k] = isoDict.length;
      isoDict.push(iso);
    }
    return true;
  });
  if (!dates || isoDict.length === 1) return undefined;
  const out = new Uint32Array(codes.length);
  yield* inPieces(codes.length, (from, to) => { for (let i = from; i < to; i++) out[i] = byCode[codes[i]!]!; });
  return { info: { name, type, ...(french ? { format: 'date_fr' } : {}), min, max }, data: { kind: 'dict', dict: isoDict, codes: out } };
}
