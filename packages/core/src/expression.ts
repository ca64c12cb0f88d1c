/**
 * The one expression grammar of DESIGN.md § 5, shared by `compute`, aggregate expressions
 * (`y`, `value`) and every element: text → tokens with positions → a typed AST. No `eval`, no
 * `new Function`: expressions are evaluated by walking the tree (compute.ts, measures.ts).
 *
 *   expression := term (('+' | '-') term)*
 *   term       := unary (('*' | '/') unary)*
 *   unary      := '-' unary | primary
 *   primary    := NUMBER ('|' NUMBER)*           numbers use `.` for decimals; `0|10|100` is a list
 *               | 'TEXT'                          text in single quotes (`''` stands for `'`)
 *               | NAME | "QUOTED NAME"           a column (`""` stands for `"`)
 *               | join.NAME | join."NAME"        a column of the joined dataset
 *               | NAME '(' [expression (',' expression)*] ')'
 *               | '(' expression ')'
 *   definition := (NAME | "NAME") '=' expression  (compute: `;`-separated; measures: `,`-separated)
 */
import { CultureError } from './errors.js';

export type BinaryOp = '+' | '-' | '*' | '/';

/** A node of the tree; `at` / `end` are offsets in the source text (for messages). */
export type Expr =
  | { type: 'number'; value: number; at: number; end: number }
  | { type: 'text'; value: string; at: number; end: number }
  | { type: 'list'; values: number[]; at: number; end: number }
  | { type: 'column'; name: string; join?: true; at: number; end: number }
  | { type: 'call'; name: string; args: Expr[]; at: number; end: number }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr; at: number; end: number }
  | { type: 'negate'; arg: Expr; at: number; end: number };

/** `name = expression` (or a bare expression, whose name is its text). */
export interface Definition {
  name: string;
  expr: Expr;
  /** The expression's own text, trimmed (a default name, and what messages quote). */
  text: string;
  /** The whole attribute text the definition came from (offsets of `expr` point into it). */
  source: string;
  /** True when the author wrote `name = …`. */
  named: boolean;
}

type TokenKind = 'number' | 'text' | 'name' | 'quoted' | 'symbol' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  value: string;
  at: number;
  end: number;
}

const SYMBOLS = '+-*/(),|=;.';
const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_]/u;

/** A syntax error naming the token where reading stopped and what was expected. */
export function syntaxError(source: string, at: number, reason: string, extra: Record<string, unknown> = {}): CultureError {
  return new CultureError('bad-expression', { reason, expression: source, at, token: tokenAt(source, at), ...extra });
}

/** The token text at an offset, for messages (« ) », « 12 », the end of the text: ''). */
function tokenAt(source: string, at: number): string {
  if (at >= source.length) return '';
  try {
    const t = new Lexer(source, at).next();
    return t.text || source.charAt(at);
  } catch {
    return source.charAt(at);
  }
}

class Lexer {
  constructor(readonly source: string, public pos = 0) {}

  next(): Token {
    const s = this.source;
    while (this.pos < s.length && /\s/.test(s[this.pos]!)) this.pos++;
    const at = this.pos;
    if (at >= s.length) return { kind: 'end', text: '', value: '', at, end: at };
    const c = s[at]!;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(s[at + 1] ?? ''))) {
      const m = /^(\d+(\.\d+)?|\.\d+)/.exec(s.slice(at))!;
      this.pos = at + m[0].length;
      // `1,5` is two arguments, `1.5.2` or `12abc` is not a number
      if (/[\p{L}_.]/u.test(s[this.pos] ?? '')) throw syntaxError(s, at, 'bad-number', { token: /^[\p{L}\p{N}_.]+/u.exec(s.slice(at))![0] });
      return { kind: 'number', text: m[0], value: m[0], at, end: this.pos };
    }
    if (c === "'" || c === '"') {
      let value = '';
      let i = at + 1;
      for (;;) {
        if (i >= s.length) throw syntaxError(s, at, c === '"' ? 'unbalanced-name-quote' : 'unbalanced-quote');
        if (s[i] === c) {
          if (s[i + 1] === c) { value += c; i += 2; continue; }
          break;
        }
        value += s[i++];
      }
      this.pos = i + 1;
      return { kind: c === "'" ? 'text' : 'quoted', text: s.slice(at, this.pos), value, at, end: this.pos };
    }
    if (NAME_START.test(c)) {
      let i = at + 1;
      while (i < s.length && NAME_PART.test(s[i]!)) i++;
      this.pos = i;
      return { kind: 'name', text: s.slice(at, i), value: s.slice(at, i), at, end: i };
    }
    if (SYMBOLS.includes(c)) {
      this.pos = at + 1;
      return { kind: 'symbol', text: c, value: c, at, end: this.pos };
    }
    throw syntaxError(s, at, 'unexpected-character');
  }
}

class Parser {
  private readonly lexer: Lexer;
  private token: Token;

  constructor(readonly source: string, from = 0, private readonly stops = '') {
    this.lexer = new Lexer(source, from);
    this.token = this.lexer.next();
  }

  get current(): Token { return this.token; }
  private advance(): Token { const t = this.token; this.token = this.lexer.next(); return t; }
  private isSymbol(symbol: string): boolean { return this.token.kind === 'symbol' && this.token.value === symbol; }
  /** Moves past a list separator. */
  skip(): void { this.advance(); }
  /** The end of one item: the end of the text or a separator of the list being read. */
  atItemEnd(): boolean { return this.token.kind === 'end' || (this.token.kind === 'symbol' && this.stops.includes(this.token.value)); }

  private fail(reason: string, extra: Record<string, unknown> = {}): never {
    throw syntaxError(this.source, this.token.at, reason, extra);
  }

  private expect(symbol: string): Token {
    if (!this.isSymbol(symbol)) this.fail('expected', { expected: symbol });
    return this.advance();
  }

  /** `name =` at the start of an item, if present. */
  definitionName(): string | undefined {
    const t = this.token;
    if (t.kind !== 'name' && t.kind !== 'quoted') return undefined;
    const save = this.lexer.pos;
    const next = this.lexer.next();
    this.lexer.pos = save;
    if (next.kind !== 'symbol' || next.value !== '=') return undefined;
    this.advance();
    this.advance();
    if (t.kind === 'quoted' && t.value.trim() === '') this.fail('missing-name');
    return t.value;
  }

  expression(): Expr {
    return this.operands(['+', '-'], () => this.term());
  }

  private term(): Expr {
    return this.operands(['*', '/'], () => this.unary());
  }

  /** One level of precedence: operands read by `next`, joined left to right by `ops`. */
  private operands(ops: BinaryOp[], next: () => Expr): Expr {
    let left = next();
    while (ops.some((op) => this.isSymbol(op))) {
      const op = this.advance().value as BinaryOp;
      const right = next();
      left = { type: 'binary', op, left, right, at: left.at, end: right.end };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isSymbol('-')) {
      const minus = this.advance();
      const arg = this.unary();
      // `-3` is a number, so lists such as `-10|0|10` read as lists
      if (arg.type === 'number') return { ...arg, value: -arg.value, at: minus.at };
      if (arg.type === 'list') return { ...arg, values: [-arg.values[0]!, ...arg.values.slice(1)], at: minus.at };
      return { type: 'negate', arg, at: minus.at, end: arg.end };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.token;
    switch (t.kind) {
      case 'number': {
        this.advance();
        if (!this.isSymbol('|')) return { type: 'number', value: Number(t.value), at: t.at, end: t.end };
        const values = [Number(t.value)];
        let end = t.end;
        while (this.isSymbol('|')) {
          this.advance();
          const negative = this.isSymbol('-') ? (this.advance(), true) : false;
          const n = this.token;
          if (n.kind !== 'number') this.fail('expected-number');
          this.advance();
          values.push(negative ? -Number(n.value) : Number(n.value));
          end = n.end;
        }
        return { type: 'list', values, at: t.at, end };
      }
      case 'text':
        this.advance();
        return { type: 'text', value: t.value, at: t.at, end: t.end };
      case 'quoted':
        this.advance();
        if (t.value.trim() === '') throw syntaxError(this.source, t.at, 'missing-name');
        return { type: 'column', name: t.value, at: t.at, end: t.end };
      case 'name': {
        this.advance();
        if (t.value.toLowerCase() === 'join' && this.isSymbol('.')) {
          this.advance();
          const n = this.token;
          if (n.kind !== 'name' && n.kind !== 'quoted') this.fail('expected-join-column');
          this.advance();
          return { type: 'column', name: n.value, join: true, at: t.at, end: n.end };
        }
        if (!this.isSymbol('(')) return { type: 'column', name: t.value, at: t.at, end: t.end };
        this.advance();
        const args: Expr[] = [];
        if (!this.isSymbol(')')) {
          for (;;) {
            args.push(this.expression());
            if (!this.isSymbol(',')) break;
            this.advance();
          }
        }
        const close = this.expect(')');
        return { type: 'call', name: t.value.toLowerCase(), args, at: t.at, end: close.end };
      }
      case 'symbol':
        if (t.value === '(') {
          this.advance();
          const inner = this.expression();
          const close = this.expect(')');
          return { ...inner, at: t.at, end: close.end };
        }
        return this.fail(t.value === ')' ? 'unexpected-close' : 'unexpected-token');
      case 'end':
        return this.fail('unexpected-end');
    }
  }
}

/** One expression (the whole text). Throws `bad-expression` naming the token where it stopped. */
export function parseExpression(text: string): Expr {
  const parser = new Parser(text);
  if (parser.current.kind === 'end') throw syntaxError(text, 0, 'empty');
  const expr = parser.expression();
  const rest: Token = parser.current; // read again: parsing moved it
  if (rest.kind !== 'end') throw syntaxError(text, rest.at, rest.value === ')' ? 'unexpected-close' : 'unexpected-token');
  return expr;
}

/**
 * A list of definitions separated by `separator`: `;` for `compute` (each must be named:
 * `decennie = decade(annee)`), `,` for aggregate expressions (naming is optional:
 * `y="payant, gratuit"`, `y="taux = sum(gratuit) / sum(total) * 100"`).
 */
export function parseDefinitions(text: string, { separator, named }: { separator: ';' | ','; named: boolean }): Definition[] {
  const source = text ?? '';
  const parser = new Parser(source, 0, separator);
  const out: Definition[] = [];
  for (;;) {
    while (parser.current.kind === 'symbol' && parser.current.value === separator) parser.skip();
    if (parser.current.kind === 'end') return out;
    const start = parser.current.at;
    const name = parser.definitionName();
    if (named && name === undefined) throw syntaxError(source, start, 'missing-name');
    if (parser.atItemEnd()) throw syntaxError(source, parser.current.at, 'unexpected-end');
    const expr = parser.expression();
    if (!parser.atItemEnd()) {
      const t = parser.current;
      throw syntaxError(source, t.at, t.value === ')' ? 'unexpected-close' : 'unexpected-token');
    }
    const exprText = source.slice(expr.at, expr.end).trim();
    out.push({ name: (name ?? exprText).trim(), expr, text: exprText, source, named: name !== undefined });
  }
}

/** Writes a column name so the grammar reads it back: bare when it can be, else in double quotes. */
export function quoteName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
