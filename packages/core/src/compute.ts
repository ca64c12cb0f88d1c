/**
 * `compute` — new columns, row by row (DESIGN.md § 5). The definitions are checked against the
 * profile once (columns resolved, functions and their arguments typed, the result column typed)
 * and compiled into plain closures: no eval, they run under any Content-Security-Policy.
 *
 * Functions: arithmetic, year, month, decade, century, bin, split, clean, lower, upper, trim, coalesce.
 * Empty in, empty out: an empty cell, a text that is not a date, a division by zero or by an
 * empty cell give an empty value, never `Infinity` nor `NaN`.
 */
import type { Cell, ColumnInfo, ColumnType, Lang } from './types.js';
import { CultureError } from './errors.js';
import { type Definition, type Expr, parseDefinitions, syntaxError } from './expression.js';
import { cellNumber, columnNamed, isNumeric } from './columns.js';
import { readDate } from './values.js';
import { formatNumber } from './format.js';
import { joinKey } from './join.js';

/** The functions `compute` knows, in the order messages list them. */
export const ROW_FUNCTIONS = ['year', 'month', 'decade', 'century', 'bin', 'split', 'clean', 'lower', 'upper', 'trim', 'coalesce'] as const;
/** The aggregates of aggregate expressions (measures.ts), listed here so `compute` can say where they belong. */
export const AGGREGATE_FUNCTIONS = ['sum', 'count', 'distinct', 'mean', 'median', 'min', 'max'] as const;

type RowFunction = (typeof ROW_FUNCTIONS)[number];

/** What a value is, for type checks: numbers add up, texts group, dates give years. */
type ValueKind = 'number' | 'text' | 'date' | 'boolean';

/** One `name = expression` of `compute`, checked. */
export interface ComputedColumn {
  name: string;
  /** The expression with column names resolved to the real ones and earlier computed columns inlined. */
  expr: Expr;
  /** The column as elements see it (`computed: true`). */
  info: ColumnInfo;
  /** The source columns the value depends on. */
  sources: string[];
  /** `split(c, ';')`: one row per value where the column is grouped on. */
  split?: { separator: string };
  /** Source columns read through `clean()` (their spellings are chosen over the whole resource). */
  cleaned: string[];
  definition: Definition;
}

/** Folds a label for `clean`: case, accents, spaces, hyphens and apostrophes ignored. */
export const cleanKey = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s\-‐‑–'’ʼ`´_.]+/g, '');

const kindOfColumn = (c: ColumnInfo): ValueKind =>
  isNumeric(c) ? 'number'
    : c.type === 'date' || c.type === 'datetime' ? 'date'
      : c.type === 'boolean' ? 'boolean' : 'text';

const columnTypeOf = (kind: ValueKind): ColumnType =>
  kind === 'number' ? 'number' : kind === 'date' ? 'date' : kind === 'boolean' ? 'boolean' : 'string';

const ARITY: Record<RowFunction, [number, number]> = {
  year: [1, 1], month: [1, 1], decade: [1, 1], century: [1, 1], bin: [2, 2], split: [2, 2],
  clean: [1, 1], lower: [1, 1], upper: [1, 1], trim: [1, 1], coalesce: [2, Infinity],
};

/** What a checked node gives: its kind and, for the result column, its format. */
interface Typed {
  kind: ValueKind;
  format?: string;
}

/** Resolves names and types an expression of `compute` (no aggregates, no `join.` columns). */
class Checker {
  readonly sources = new Set<string>();
  readonly cleaned = new Set<string>();
  constructor(
    private readonly def: Definition,
    private readonly columns: ColumnInfo[],
    private readonly earlier: Map<string, ComputedColumn>,
  ) {}

  fail(node: Expr, reason: string, extra: Record<string, unknown> = {}): never {
    throw syntaxError(this.def.source, node.at, reason, extra);
  }

  /** The real name of a column (computed first, then the resource's), or `unknown-column` with every name. */
  resolve(node: Expr & { type: 'column' }): { computed?: ComputedColumn; info?: ColumnInfo } {
    const earlier = columnNamed(node.name, [...this.earlier.values()].map((c) => c.info));
    if (earlier) return { computed: this.earlier.get(earlier.name)! };
    const info = columnNamed(node.name, this.columns);
    if (info) return { info };
    throw new CultureError('unknown-column', {
      column: node.name, available: [...this.columns.map((c) => c.name), ...this.earlier.keys()], expression: this.def.source, at: node.at,
    });
  }

  /** Checks a node and returns it rewritten (real names, computed columns inlined). */
  check(node: Expr, top = false): { expr: Expr; typed: Typed } {
    switch (node.type) {
      case 'number': return { expr: node, typed: { kind: 'number' } };
      case 'text': return { expr: node, typed: { kind: 'text' } };
      case 'list': return this.fail(node, 'unexpected-list');
      case 'negate': {
        const arg = this.number(node.arg);
        return { expr: { ...node, arg }, typed: { kind: 'number' } };
      }
      case 'binary': {
        const left = this.number(node.left);
        const right = this.number(node.right);
        return { expr: { ...node, left, right }, typed: { kind: 'number' } };
      }
      case 'column': {
        if (node.join) return this.fail(node, 'join-in-compute', { column: node.name });
        const { computed, info } = this.resolve(node);
        if (computed) {
          if (computed.split && !top) this.fail(node, 'split-nested', { column: computed.name });
          computed.sources.forEach((s) => this.sources.add(s));
          computed.cleaned.forEach((s) => this.cleaned.add(s));
          return { expr: computed.expr, typed: { kind: kindOfColumn(computed.info), format: computed.info.format } };
        }
        this.sources.add(info!.name);
        return { expr: { ...node, name: info!.name }, typed: { kind: kindOfColumn(info!), format: info!.format } };
      }
      case 'call': return this.call(node, top);
    }
  }

  /** A node that must be a number (text columns are read as French numbers, dates refused). */
  private number(node: Expr): Expr {
    const { expr, typed } = this.check(node);
    if (node.type === 'text') this.fail(node, 'text-in-arithmetic');
    if (typed.kind === 'date' || typed.kind === 'boolean') this.fail(node, 'not-a-number', { column: node.type === 'column' ? node.name : undefined });
    return expr;
  }

  private call(node: Expr & { type: 'call' }, top: boolean): { expr: Expr; typed: Typed } {
    const name = node.name as RowFunction;
    if ((AGGREGATE_FUNCTIONS as readonly string[]).includes(name)) this.fail(node, 'aggregate-in-compute', { function: name });
    if (!(ROW_FUNCTIONS as readonly string[]).includes(name)) {
      throw new CultureError('unknown-function', { function: node.name, available: [...ROW_FUNCTIONS], expression: this.def.source, at: node.at });
    }
    const [min, max] = ARITY[name];
    if (node.args.length < min || node.args.length > max) this.fail(node, 'arity', { function: name, count: min === max ? min : `${min}+` });
    if (name === 'split' && !top) this.fail(node, 'split-nested', { column: this.def.name });
    const checked = node.args.map((a, i) => (name === 'bin' && i === 1) || (name === 'split' && i === 1) ? { expr: a, typed: { kind: 'text' as ValueKind } } : this.check(a));
    const args = checked.map((c) => c.expr);
    const first = checked[0]!.typed;
    const expr: Expr = { ...node, args };
    switch (name) {
      case 'year': return { expr, typed: { kind: 'number', format: 'year' } };
      case 'month': return { expr, typed: { kind: 'text', format: 'month' } };
      case 'decade': return { expr, typed: { kind: 'text', format: 'decade' } };
      case 'century': return { expr, typed: { kind: 'text', format: 'century' } };
      case 'bin': {
        if (first.kind !== 'number' && first.kind !== 'text') this.fail(node.args[0]!, 'not-a-number');
        const edges = node.args[1]!;
        const values = edges.type === 'list' ? edges.values : edges.type === 'number' ? [edges.value] : this.fail(edges, 'bin-edges');
        if (values.some((v, i) => i > 0 && v <= values[i - 1]!)) this.fail(edges, 'bin-order');
        return { expr, typed: { kind: 'text', format: 'bin' } };
      }
      case 'split': {
        if (first.kind === 'number') this.fail(node.args[0]!, 'split-number', { column: columnName(node.args[0]!) });
        const sep = node.args[1]!;
        if (sep.type !== 'text' || sep.value === '') this.fail(sep, 'split-separator');
        return { expr, typed: { kind: 'text' } };
      }
      case 'clean': {
        const arg = node.args[0]!;
        if (arg.type === 'column' && !arg.join) {
          const real = this.resolve(arg);
          if (real.info) this.cleaned.add(real.info.name);
          else this.fail(arg, 'clean-source');
        } else this.fail(arg, 'clean-source');
        return { expr, typed: { kind: 'text' } };
      }
      case 'lower': case 'upper': case 'trim':
        return { expr, typed: { kind: 'text' } };
      case 'coalesce': {
        const kinds = new Set(checked.map((c) => c.typed.kind));
        return { expr, typed: kinds.size === 1 ? { kind: first.kind, ...(first.format ? { format: first.format } : {}) } : { kind: 'text' } };
      }
    }
  }
}

const columnName = (e: Expr): string | undefined => (e.type === 'column' ? e.name : undefined);

/**
 * Parses and checks `compute="decennie = decade(annee); domaine = split(dompal, ';')"` against
 * the resource's columns. A computed column may use the ones defined before it. Throws
 * `bad-expression`, `unknown-column` (with every available name) or `unknown-function` (with the list).
 */
export function checkCompute(text: string | undefined, columns: ColumnInfo[]): ComputedColumn[] {
  if (!text?.trim()) return [];
  const definitions = parseDefinitions(text, { separator: ';', named: true });
  const earlier = new Map<string, ComputedColumn>();
  const real = columns.map((c) => c.name);
  for (const def of definitions) {
    if (real.includes(def.name) || real.some((r) => r.toLowerCase() === def.name.toLowerCase())) {
      throw new CultureError('bad-expression', { reason: 'shadows', name: def.name, expression: def.source, at: def.expr.at });
    }
    if (earlier.has(def.name)) throw new CultureError('bad-expression', { reason: 'defined-twice', name: def.name, expression: def.source, at: def.expr.at });
    const checker = new Checker(def, columns, earlier);
    const { expr, typed } = checker.check(def.expr, true);
    const split = expr.type === 'call' && expr.name === 'split' ? { separator: (expr.args[1] as { value: string }).value } : undefined;
    const info: ColumnInfo = {
      name: def.name,
      type: typed.format === 'year' ? 'integer' : columnTypeOf(typed.kind),
      computed: true,
      ...(typed.format ? { format: typed.format } : {}),
    };
    earlier.set(def.name, { name: def.name, expr, info, sources: [...checker.sources], ...(split ? { split } : {}), cleaned: [...checker.cleaned], definition: def });
  }
  return [...earlier.values()];
}

/** The resource's columns followed by the computed ones (what elements resolve names against). */
export function withComputed(columns: ColumnInfo[], computed: ComputedColumn[]): ColumnInfo[] {
  return [...columns, ...computed.map((c) => c.info)];
}

// ---------------------------------------------------------------------------------------------
// Values

const MONTHS: Record<Lang, string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const DATE_PREFIX = /^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * A date as its parts: from a year (number or `2015`), a date or datetime cell (ISO), or a date
 * written as text (`DD/MM/YYYY`, `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, `YYYY-MM`, `YYYY`).
 */
export function readDateParts(cell: Cell | undefined): { year: number; month?: number } | undefined {
  if (cell === null || cell === undefined || typeof cell === 'boolean') return undefined;
  if (typeof cell === 'number') return Number.isInteger(cell) && cell !== 0 && Math.abs(cell) < 10000 ? { year: cell } : undefined;
  const text = cell.trim();
  let m = DATE_PREFIX.exec(text);
  if (!m) {
    const iso = readDate(text);
    if (!iso) return undefined;
    m = DATE_PREFIX.exec(iso)!;
  }
  const year = Number(m[1]);
  if (year === 0) return undefined;
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year, month } : undefined;
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
const toRoman = (n: number): string => ROMAN.reduce((out, [v, s]) => { while (n >= v) { out += s; n -= v; } return out; }, '');
function fromRoman(text: string): number {
  let n = 0;
  const digits: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  for (let i = 0; i < text.length; i++) {
    const v = digits[text[i]!]!;
    const next = digits[text[i + 1] ?? ''] ?? 0;
    n += v < next ? -v : v;
  }
  return toRoman(n) === text ? n : NaN;
}

/** `XVIIe siècle` / `17th century`; negative centuries are before Christ. */
function centuryLabel(century: number, lang: Lang): string {
  const n = Math.abs(century);
  const bc = century < 0;
  if (lang === 'en') {
    const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
    return `${n}${suffix} century${bc ? ' BC' : ''}`;
  }
  return `${toRoman(n)}${n === 1 ? 'er' : 'e'} siècle${bc ? ' av. J.-C.' : ''}`;
}

const ORDINAL_MARK = '(?:er|re|e|è|ème|eme|éme|°)';
const ROMAN_CENTURY = new RegExp(`(?:^|[^\\p{L}])([IVXL]+)${ORDINAL_MARK}(?![\\p{L}])`, 'u');
const ARABIC_CENTURY = new RegExp(`(?:^|[^\\p{L}\\d])(\\d{1,2})${ORDINAL_MARK}\\s*(?:s\\.|s(?![\\p{L}])|si[èe]cles?)`, 'iu');
const BEFORE_CHRIST = /av(?:\.|ant)?\s*J\.?-?\s*C|BC|BCE/i;
const YEAR_IN_TEXT = /(?:^|\D)(\d{3,4})(?:\D|$)/;

/** The century of a year (1801–1900 → 19; -450 → -5). */
const centuryOfYear = (year: number): number =>
  year > 0 ? Math.floor((year - 1) / 100) + 1 : -(Math.floor((-year - 1) / 100) + 1);

/**
 * The century a cell names: a year, a date, or text such as `XVIIe siècle`, `17e s.`,
 * `2e moitié du XIXe siècle`, `1er quart du XVIIIe s.`, `IVe siècle av. J.-C.`, `vers 1650`.
 */
export function readCentury(cell: Cell | undefined): number | undefined {
  if (cell === null || cell === undefined || typeof cell === 'boolean') return undefined;
  const date = readDateParts(cell);
  if (date) return centuryOfYear(date.year);
  const text = String(cell);
  const sign = BEFORE_CHRIST.test(text) ? -1 : 1;
  const roman = ROMAN_CENTURY.exec(text);
  if (roman) {
    const n = fromRoman(roman[1]!);
    if (n > 0 && n <= 30) return sign * n;
  }
  const arabic = ARABIC_CENTURY.exec(text);
  if (arabic) {
    const n = Number(arabic[1]);
    if (n > 0 && n <= 30) return sign * n;
  }
  const year = YEAR_IN_TEXT.exec(text);
  return year ? centuryOfYear(sign * Number(year[1])) : undefined;
}

/** `1990-1999`. */
const decadeLabel = (year: number): string => {
  const start = Math.floor(year / 10) * 10;
  return `${start}-${start + 9}`;
};

/** The labels of `bin(c, edges)`, lowest first: « moins de 0 », « 0 – 10 000 », …, « 100 000 et plus ». */
function binLabels(edges: number[], lang: Lang): string[] {
  const f = (n: number) => formatNumber(n, lang, { maximumFractionDigits: 10 });
  const labels = [lang === 'en' ? `under ${f(edges[0]!)}` : `moins de ${f(edges[0]!)}`];
  for (let i = 0; i < edges.length - 1; i++) labels.push(`${f(edges[i]!)} – ${f(edges[i + 1]!)}`);
  labels.push(lang === 'en' ? `${f(edges[edges.length - 1]!)} and over` : `${f(edges[edges.length - 1]!)} et plus`);
  return labels;
}

/** A cell as a number for arithmetic (columns.ts's `cellNumber`), an empty value as null. */
export const numberOf = (cell: Cell | undefined): number | null => cellNumber(cell) ?? null;

/** The values of a `split` cell: trimmed, empty ones dropped, a value repeated in one cell kept once. */
export function splitValues(cell: Cell | undefined, separator: string): string[] {
  if (cell === null || cell === undefined) return [];
  const out: string[] = [];
  for (const part of String(cell).split(separator)) {
    const v = part.trim();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Compiling

/** Reads one source column by row index. */
type Reader = (row: number) => Cell;

/** What compiled expressions need besides the rows. */
export interface ComputeContext {
  lang: Lang;
  /** For `clean(c)`: folded label → the most frequent spelling, per source column. */
  spellings?: Map<string, Map<string, string>>;
}

const textOf = (cell: Cell): string | null => (cell === null ? null : typeof cell === 'string' ? cell : String(cell));

/**
 * Compiles an expression (checked by `checkCompute`) into a closure over row indices.
 * `read(name)` gives the reader of a source column. A `split` compiles to its joined values
 * (what a table cell shows); `compileSplit` gives the values themselves.
 */
export function compileRow(expr: Expr, read: (name: string) => Reader, ctx: ComputeContext): Reader {
  switch (expr.type) {
    case 'number': { const v = expr.value; return () => v; }
    case 'text': { const v = expr.value; return () => v; }
    case 'list': return () => null;
    case 'column': return read(expr.name);
    case 'negate': {
      const arg = compileRow(expr.arg, read, ctx);
      return (i) => { const x = numberOf(arg(i)); return x === null ? null : -x; };
    }
    case 'binary': {
      const left = compileRow(expr.left, read, ctx);
      const right = compileRow(expr.right, read, ctx);
      return binary(expr.op, left, right);
    }
    case 'call': return compileCall(expr, read, ctx);
  }
}

function binary(op: '+' | '-' | '*' | '/', left: Reader, right: Reader): Reader {
  return (i) => {
    const a = numberOf(left(i));
    const b = numberOf(right(i));
    if (a === null || b === null) return null;
    const v = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : b === 0 ? NaN : a / b;
    return Number.isFinite(v) ? v : null;
  };
}

function compileCall(expr: Expr & { type: 'call' }, read: (name: string) => Reader, ctx: ComputeContext): Reader {
  const args = expr.args.map((a) => compileRow(a, read, ctx));
  const arg = args[0]!;
  // the join key's normalisation (shape.ts), never written by authors
  if (expr.name === '__code' || expr.name === '__key') {
    const code = expr.name === '__code';
    return (i) => joinKey(arg(i), code);
  }
  switch (expr.name as RowFunction) {
    case 'year': return (i) => readDateParts(arg(i))?.year ?? null;
    case 'month': {
      const names = MONTHS[ctx.lang];
      return (i) => { const m = readDateParts(arg(i))?.month; return m ? names[m - 1]! : null; };
    }
    case 'decade': return (i) => { const d = readDateParts(arg(i)); return d ? decadeLabel(d.year) : null; };
    case 'century': return (i) => { const c = readCentury(arg(i)); return c === undefined ? null : centuryLabel(c, ctx.lang); };
    case 'bin': {
      const edgesNode = expr.args[1]!;
      const edges = edgesNode.type === 'list' ? edgesNode.values : [(edgesNode as { value: number }).value];
      const labels = binLabels(edges, ctx.lang);
      return (i) => {
        const x = numberOf(arg(i));
        if (x === null) return null;
        let k = 0;
        while (k < edges.length && x >= edges[k]!) k++;
        return labels[k]!;
      };
    }
    case 'split': {
      const separator = (expr.args[1] as { value: string }).value;
      const joiner = separator.trim() ? `${separator.trim()} ` : separator;
      return (i) => { const values = splitValues(arg(i), separator); return values.length ? values.join(joiner) : null; };
    }
    case 'clean': {
      const source = expr.args[0]!.type === 'column' ? (expr.args[0] as { name: string }).name : '';
      const spellings = ctx.spellings?.get(source);
      return (i) => {
        const t = textOf(arg(i));
        if (t === null || t.trim() === '') return null;
        return spellings?.get(cleanKey(t)) ?? t.trim();
      };
    }
    case 'lower': return (i) => { const t = textOf(arg(i)); return t === null ? null : t.toLocaleLowerCase('fr'); };
    case 'upper': return (i) => { const t = textOf(arg(i)); return t === null ? null : t.toLocaleUpperCase('fr'); };
    case 'trim': return (i) => { const t = textOf(arg(i)); return t === null ? null : t.trim().replace(/\s+/g, ' ') || null; };
    case 'coalesce': return (i) => {
      for (const a of args) { const v = a(i); if (v !== null && v !== '') return v; }
      return null;
    };
  }
}

/** The values of a `split` column for one row (checked by `checkCompute`: split is the whole expression). */
export function compileSplit(column: ComputedColumn, read: (name: string) => Reader, ctx: ComputeContext): (row: number) => string[] {
  const expr = column.expr as Expr & { type: 'call' };
  const arg = compileRow(expr.args[0]!, read, ctx);
  const separator = column.split!.separator;
  return (i) => splitValues(arg(i), separator);
}

// ---------------------------------------------------------------------------------------------
// Natural order of computed values

const romanCentury = /^([IVXL]+)(?:er|e) siècle( av\. J\.-C\.)?$/;
const englishCentury = /^(\d+)(?:st|nd|rd|th) century( BC)?$/;

/**
 * The rank of a value of an ordinal computed column (months in calendar order, centuries and
 * decades in time, bins from the lowest): what sorts « XIXe siècle » after « IXe siècle ».
 */
export function ordinalRank(format: string | undefined, value: Cell, lang: Lang = 'fr', column?: ComputedColumn): number | undefined {
  if (value === null || typeof value !== 'string') return undefined;
  switch (format) {
    case 'month': {
      const i = MONTHS[lang].indexOf(value);
      return i < 0 ? MONTHS[lang === 'fr' ? 'en' : 'fr'].indexOf(value) : i;
    }
    case 'decade': { const m = /^(-?\d+)-/.exec(value); return m ? Number(m[1]) : undefined; }
    case 'century': {
      const fr = romanCentury.exec(value);
      if (fr) return fromRoman(fr[1]!) * (fr[2] ? -1 : 1);
      const en = englishCentury.exec(value);
      return en ? Number(en[1]) * (en[2] ? -1 : 1) : undefined;
    }
    case 'bin': {
      const edges = column?.expr.type === 'call' ? column.expr.args[1] : undefined;
      if (!edges) return undefined;
      const values = edges.type === 'list' ? edges.values : edges.type === 'number' ? [edges.value] : [];
      const i = binLabels(values, lang).indexOf(value);
      return i < 0 ? undefined : i;
    }
    default: return undefined;
  }
}

