/**
 * Aggregate expressions — what a chart (`y`, a scatter's `x`), a map or a KPI (`value`) shows
 * (DESIGN.md § 5): `sum(c)`, `count()`, `count(c)` (non-empty), `distinct(c)`, `mean(c)`,
 * `median(c)`, `min(c)`, `max(c)`, combined with `+ - * /` and numbers, optionally named
 * (`taux = sum(gratuit) / sum(total) * 100`), and `join.COLUMN` (one value per group). A bare
 * column takes the element's `aggregate` (default `sum`): `gratuit / total` is
 * `sum(gratuit) / sum(total)`, a ratio of sums per group, never a mean of row ratios.
 */
import type { AggregateOp, Cell, ColumnInfo, ColumnType, Lang } from './types.js';
import { CultureError } from './errors.js';
import { type BinaryOp, type Definition, type Expr, parseDefinitions, quoteName, syntaxError } from './expression.js';
import { columnNamed, isNumeric, matchColumn } from './columns.js';
import { AGGREGATE_FUNCTIONS, ROW_FUNCTIONS, numberOf } from './compute.js';
import { columnTitle } from './labels.js';
import { isMeasure } from './kinds.js';
import { formatNumber } from './format.js';
import { AGGREGATE_WORDS } from './messages.js';

export type MeasureOp = (typeof AGGREGATE_FUNCTIONS)[number];

/** One aggregate a measure needs: `sum(total)`, `count()`. */
export interface AggregateCall {
  op: MeasureOp;
  /** The column aggregated (a real or a computed one); absent for `count()`. */
  column?: string;
  /** Stable id (`sum(total)`), shared by measures that need the same aggregate. */
  key: string;
}

/** One checked aggregate expression. */
export interface Measure {
  name: string;
  /** The expression with calls resolved to real column names and bare columns wrapped. */
  expr: Expr;
  /** Its aggregates, each once, in the order `evaluate` reads them. */
  calls: AggregateCall[];
  /** Columns of the joined dataset it reads (`join.population` → `population`). */
  joins: string[];
  /** The result column. */
  info: ColumnInfo;
  definition: Definition;
}

export interface MeasureOptions {
  /** What a bare column takes: the element's `aggregate`, default `sum`. */
  aggregate?: AggregateOp;
  /**
   * Columns of the joined dataset when the element has a `join`: their names, or `any` when the
   * other side is not loaded yet (its columns are checked once it is).
   */
  joinColumns?: string[] | 'any';
}

const callKey = (op: MeasureOp, column?: string): string => `${op}(${column ?? ''})`;

class MeasureChecker {
  readonly calls = new Map<string, AggregateCall>();
  readonly joins = new Set<string>();
  constructor(private readonly def: Definition, private readonly columns: ColumnInfo[], private readonly options: MeasureOptions) {}

  private fail(node: Expr, reason: string, extra: Record<string, unknown> = {}): never {
    throw syntaxError(this.def.source, node.at, reason, extra);
  }

  private column(node: Expr & { type: 'column' }): ColumnInfo {
    const info = columnNamed(node.name, this.columns);
    if (!info) throw new CultureError('unknown-column', { column: node.name, available: this.columns.map((c) => c.name), expression: this.def.source, at: node.at });
    return info;
  }

  private joinColumn(node: Expr & { type: 'column' }): string {
    const available = this.options.joinColumns;
    if (!available) this.fail(node, 'join-without-join', { column: node.name });
    if (available === 'any') return node.name;
    try {
      return matchColumn(node.name, available);
    } catch {
      throw new CultureError('unknown-column', { column: `join.${node.name}`, available: available.map((n) => `join.${n}`), expression: this.def.source, at: node.at, side: 'join' });
    }
  }

  private aggregate(node: Expr, op: MeasureOp, info: ColumnInfo | undefined): Expr {
    if (info && (op === 'sum' || op === 'mean' || op === 'median') && !isNumeric(info)) {
      this.fail(node, 'not-a-number', { column: info.name, function: op });
    }
    const key = callKey(op, info?.name);
    if (!this.calls.has(key)) this.calls.set(key, { op, ...(info ? { column: info.name } : {}), key });
    return { type: 'call', name: op, args: info ? [{ type: 'column', name: info.name, at: node.at, end: node.end }] : [], at: node.at, end: node.end };
  }

  check(node: Expr): Expr {
    switch (node.type) {
      case 'number': return node;
      case 'text': return this.fail(node, 'text-in-measure');
      case 'list': return this.fail(node, 'unexpected-list');
      case 'negate': return { ...node, arg: this.check(node.arg) };
      case 'binary': return { ...node, left: this.check(node.left), right: this.check(node.right) };
      case 'column': {
        if (node.join) {
          const name = this.joinColumn(node);
          this.joins.add(name);
          return { ...node, name };
        }
        // a bare column takes the element's aggregate
        return this.aggregate(node, this.options.aggregate ?? 'sum', this.column(node));
      }
      case 'call': {
        const op = node.name as MeasureOp;
        if (!(AGGREGATE_FUNCTIONS as readonly string[]).includes(op)) {
          if ((ROW_FUNCTIONS as readonly string[]).includes(op)) this.fail(node, 'row-function-in-measure', { function: op });
          throw new CultureError('unknown-function', { function: node.name, available: [...AGGREGATE_FUNCTIONS], expression: this.def.source, at: node.at });
        }
        if (op === 'count' && node.args.length === 0) return this.aggregate(node, 'count', undefined);
        if (node.args.length !== 1) this.fail(node, 'arity', { function: op, count: op === 'count' ? '0–1' : 1 });
        const arg = node.args[0]!;
        if (arg.type !== 'column') this.fail(arg, 'aggregate-argument', { function: op });
        if (arg.join) this.fail(arg, 'aggregate-of-join', { function: op, column: arg.name });
        return this.aggregate(node, op, this.column(arg));
      }
    }
  }
}

/** The type of a measure's result: a single min / max keeps its column's type (a date stays a date). */
function resultInfo(name: string, expr: Expr, columns: ColumnInfo[]): ColumnInfo {
  if (expr.type === 'call') {
    if (expr.name === 'count' || expr.name === 'distinct') return { name, type: 'integer' };
    const source = columns.find((c) => expr.args[0]?.type === 'column' && c.name === (expr.args[0] as { name: string }).name);
    if ((expr.name === 'min' || expr.name === 'max') && source) {
      return { name, type: source.type, ...(source.format ? { format: source.format } : {}) };
    }
  }
  return { name, type: 'number' as ColumnType };
}

/**
 * Parses and checks aggregate expressions (a comma list, each optionally named) against the
 * columns (real and computed). Throws `bad-expression`, `unknown-column`, `unknown-function`.
 */
export function checkMeasures(text: string | Definition[], columns: ColumnInfo[], options: MeasureOptions = {}): Measure[] {
  const definitions = typeof text === 'string' ? parseDefinitions(text, { separator: ',', named: false }) : text;
  const names = new Set<string>();
  return definitions.map((def) => {
    if (names.has(def.name)) throw new CultureError('bad-expression', { reason: 'defined-twice', name: def.name, expression: def.source, at: def.expr.at });
    names.add(def.name);
    const checker = new MeasureChecker(def, columns, options);
    const expr = checker.check(def.expr);
    return { name: def.name, expr, calls: [...checker.calls.values()], joins: [...checker.joins], info: resultInfo(def.name, expr, columns), definition: def };
  });
}

/**
 * A bare column under an element's `aggregate` (`y="region"`, `value="region"`): a sum, mean or
 * median of text would show zeros, so it is refused, naming the columns of numbers.
 */
export function checkAggregated(attribute: string, column: ColumnInfo | undefined, op: AggregateOp | undefined, columns: readonly ColumnInfo[]): void {
  if (!column || (op !== 'sum' && op !== 'mean' && op !== 'median') || isNumeric(column)) return;
  const numbers = columns.filter(isMeasure).map((c) => c.name);
  throw new CultureError('bad-expression', { attribute, column: column.name, aggregate: op, numbers }, 'not-numbers');
}

/**
 * Whether an element's `aggregate` applies to `value` / `y`: a bare column (`total`,
 * `gratuit / total`) takes it; `count()`, `sum(total)` or nothing do not. Unreadable text: true
 * (the expression's own check reports it).
 */
export function takesAggregate(text: string | undefined): boolean {
  if (!text?.trim()) return false;
  const bare = (e: Expr): boolean =>
    e.type === 'column' ? !e.join : e.type === 'binary' ? bare(e.left) || bare(e.right) : e.type === 'negate' ? bare(e.arg) : false;
  try {
    return parseDefinitions(text, { separator: ',', named: false }).some((d) => bare(d.expr));
  } catch {
    return true;
  }
}

/** Every aggregate a list of measures needs, each once. */
export function callsOf(measures: Measure[]): AggregateCall[] {
  const all = new Map<string, AggregateCall>();
  for (const m of measures) for (const c of m.calls) all.set(c.key, c);
  return [...all.values()];
}

/**
 * Evaluates a measure for one group from its aggregates (`value(key)`) and its joined values.
 * Arithmetic on an empty value, or a division by zero, gives an empty value (null), never
 * `Infinity` or `NaN`. A measure that is one aggregate gives it as it is (a date stays a date).
 */
export function evaluateMeasure(measure: Measure, value: (key: string) => Cell, joined: (column: string) => Cell): Cell {
  const expr = measure.expr;
  if (expr.type === 'call') return value(callKey(expr.name as MeasureOp, argColumn(expr)));
  if (expr.type === 'column' && expr.join) return joined(expr.name);
  const n = evalNumber(expr, value, joined);
  return n === null || !Number.isFinite(n) ? null : n;
}

const argColumn = (call: Expr & { type: 'call' }): string | undefined =>
  call.args[0]?.type === 'column' ? call.args[0].name : undefined;

function evalNumber(expr: Expr, value: (key: string) => Cell, joined: (column: string) => Cell): number | null {
  switch (expr.type) {
    case 'number': return expr.value;
    case 'call': return numberOf(value(callKey(expr.name as MeasureOp, argColumn(expr))));
    case 'column': return numberOf(joined(expr.name));
    case 'negate': { const x = evalNumber(expr.arg, value, joined); return x === null ? null : -x; }
    case 'binary': {
      const a = evalNumber(expr.left, value, joined);
      const b = evalNumber(expr.right, value, joined);
      if (a === null || b === null) return null;
      if (expr.op === '/') return b === 0 ? null : a / b;
      return expr.op === '+' ? a + b : expr.op === '-' ? a - b : a * b;
    }
    default: return null;
  }
}

/** `y="total" aggregate="sum"`'s measure as an expression: the plain form, for elements that still send Aggregates. */
export const aggregateExpression = (op: AggregateOp, column?: string): string => `${op}(${column === undefined ? '' : quoteName(column)})`;

// ---------------------------------------------------------------------------------------------
// Titles: how a measure is called on screen (never its code: « Total (moyenne) », not `mean(total)`)

export interface TitleOptions {
  lang: Lang;
  /** How a column is called (the element's `labels`); default: its readable name. */
  titleOf?: (name: string) => string;
  /** What a bare column takes (the element's `aggregate`, default `sum`). */
  aggregate?: AggregateOp;
  /** A lone sum says so (« Total (somme) », the chart's axis); false: « Total » (a key figure). */
  sumNote?: boolean;
}

/** One aggregate as titles say it: `mean` of « Total » → « Total (moyenne) »; `count()` → « Nombre de lignes ». */
export function aggregateTitle(op: MeasureOp, column: string | undefined, lang: Lang): string {
  const words = AGGREGATE_WORDS[lang];
  return column === undefined ? words.rows : `${column} (${words[op]})`;
}

const PRECEDENCE: Record<BinaryOp, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };
const SHOWN_OP: Record<BinaryOp, string> = { '+': '+', '-': '\u2212', '*': '\u00d7', '/': '/' };

/**
 * An aggregate expression as a title, column names under their titles: `count()` → « Nombre de
 * lignes », `mean(total)` → « Total (moyenne) », `sum(gratuit) / sum(total)` (or `gratuit / total`)
 * → « Gratuit / Total » (inside arithmetic a sum is the column itself), `count() / join.PTOT *
 * 100000` → « Nombre de lignes / PTOT × 100 000 ».
 */
export function expressionTitle(expr: Expr, options: TitleOptions): string {
  const { lang, aggregate = 'sum', sumNote = true } = options;
  const titleOf = options.titleOf ?? ((name: string) => columnTitle(name));
  const call = (op: MeasureOp, column: string | undefined, alone: boolean): string => {
    const title = column === undefined ? undefined : titleOf(column);
    return op === 'sum' && title !== undefined && (!alone || !sumNote) ? title : aggregateTitle(op, title, lang);
  };
  const walk = (node: Expr, alone: boolean): string => {
    switch (node.type) {
      case 'number': return formatNumber(node.value, lang, { maximumFractionDigits: 10 });
      case 'text': return node.value;
      case 'list': return node.values.map((v) => formatNumber(v, lang)).join(' | ');
      case 'column': return node.join ? titleOf(`join.${node.name}`) : call(aggregate === 'count' ? 'count' : aggregate, node.name, alone);
      case 'call': {
        const arg = node.args[0];
        return call(node.name as MeasureOp, arg?.type === 'column' ? arg.name : undefined, alone);
      }
      case 'negate': return `\u2212${wrap(node.arg, node.arg.type === 'binary')}`;
      case 'binary': {
        const p = PRECEDENCE[node.op];
        const side = (child: Expr, right: boolean) =>
          wrap(child, child.type === 'binary' && (PRECEDENCE[child.op] < p || (right && PRECEDENCE[child.op] === p && (node.op === '-' || node.op === '/'))));
        return `${side(node.left, false)} ${SHOWN_OP[node.op]} ${side(node.right, true)}`;
      }
    }
  };
  const wrap = (node: Expr, parens: boolean) => (parens ? `(${walk(node, false)})` : walk(node, false));
  return walk(expr, true);
}

/** A measure's title: its name when the author gave one (`taux = …` → « Taux », or its label), else `expressionTitle`. */
export function measureTitle(definition: Definition, options: TitleOptions): string {
  const titleOf = options.titleOf ?? ((name: string) => columnTitle(name));
  return definition.named ? titleOf(definition.name) : expressionTitle(definition.expr, options);
}
