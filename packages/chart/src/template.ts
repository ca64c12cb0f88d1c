/**
 * Vega-Lite compiled at build time (decision 0017). A chart's Vega-Lite spec splits into a *key*
 * (its structure: marks, encodings, options present or not) and its *values* (texts, colours,
 * fonts, sizes, the data…): the key is the spec with each value replaced by a sentinel. The build
 * compiles each key it foresees once, with Vega-Lite in node, into a *template* (the Vega spec with
 * the sentinels in it) and checks on every case that filling the template with the case's values
 * gives what `vl.compile` gives. At run time the chart fills the template of its key; a key the
 * build did not foresee is compiled by Vega-Lite in the browser as before. Pure: no DOM, no vega.
 */

/** What the build stores per key: the compiled Vega with sentinels, and what Vega-Lite warned. */
export interface Template {
  spec: unknown;
  warnings: string[];
}

type Json = Record<string, unknown>;

/** Strings read by the reader (titles, labels), never by Vega-Lite. */
const TEXT_KEYS = new Set(['title', 'text', 'subtitle']);
/** A text mark's alignment (a reference's label, chosen by the data): one sentinel each, never shared. */
const OWN_KEYS = new Set(['align']);
const FONT_KEYS = new Set(['font', 'labelFont', 'titleFont', 'subtitleFont']);
/** Colours: `color`, `stroke`, `fill`, `background`, `*Color`, a condition's value. */
const COLOR_KEY = /^(color|stroke|fill|background|value)$|Color$/;
/** Sizes in pixels, offsets, counts, bounds and reference values: Vega-Lite passes them on as they are. */
const NUMBER_KEYS = new Set([
  'width', 'height', 'step', 'labelLimit', 'columns', 'outerRadius', 'innerRadius', 'tickCount', 'gradientLength', 'domainMin', 'domainMax', 'datum',
  'dx',
]);
/** Numbers Vega-Lite compares across layers: equal ones share a sentinel. */
const SHARED_NUMBERS = new Set(['labelLimit', 'columns', 'datum']);
/** Taken whole: the data, colour ranges, caption lines, the locale. */
const WHOLE_KEYS = new Set(['values', 'range', 'category', 'subtitle', 'locale']);
/** Expressions whose JSON string literals are values (an axis label's unit). */
const EXPRESSION_KEYS = new Set(['labelExpr']);
/** Vega-Lite reads these `value`s as the view's size. */
const SPECIAL_VALUES = new Set(['width', 'height']);

/** Sentinels: `__tpl3__` for a value, a number `NUMBER_BASE + 3` for a number. */
const PREFIX = '__tpl';
const NUMBER_BASE = 70000000.5;
const EXACT = /^__tpl(\d+)__$/;
/** In a longer string: a quoted sentinel (an expression's literal), a bare one, a number's. */
const INSIDE = /"__tpl(\d+)__"|__tpl(\d+)__|\b7\d{7}\.5\b/g;

const sentinel = (index: number): string => `${PREFIX}${index}__`;

/** The spec's key (its structure as JSON, values replaced by sentinels) and its values in order. */
export function templateKey(spec: unknown): { key: string; values: unknown[] } {
  const values: unknown[] = [];
  const strings = new Map<string, number>();
  // equal strings share a sentinel: Vega-Lite merges equal titles of layers, keeps different ones
  const text = (value: string): string => {
    let index = strings.get(value);
    if (index === undefined) {
      index = values.push(value) - 1;
      strings.set(value, index);
    }
    return sentinel(index);
  };
  // equal numbers of a property Vega-Lite merges across layers (axes', legends' options, a scale
  // domain's constants) too: any other number is its own, so no accidental equality (a tick count
  // equal to another's) makes another key
  const numbers = new Map<string, number>();
  const number = (value: number, key: string, parent: string): number => {
    const name = `${parent}.${key}:${value}`;
    let index = SHARED_NUMBERS.has(key) ? numbers.get(name) : undefined;
    if (index === undefined) {
      index = values.push(value) - 1;
      numbers.set(name, index);
    }
    return NUMBER_BASE + index;
  };
  const wholes = new Map<string, number>();
  const whole = (value: unknown, key: string): unknown => {
    // rows are never shared (and never stringified: they may be many)
    const name = key === 'values' ? `${values.length}` : `${key}:${JSON.stringify(value)}`;
    let index = wholes.get(name);
    if (index === undefined) {
      index = values.push(value) - 1;
      wholes.set(name, index);
    }
    if (!Array.isArray(value)) return sentinel(index);
    // rows stay rows: Vega-Lite wraps an array of strings as `{ data }` objects
    return [typeof value[0] === 'object' && value[0] !== null ? { [PREFIX]: sentinel(index) } : sentinel(index)];
  };
  const walk = (node: unknown, key: string, parent = ''): unknown => {
    if (WHOLE_KEYS.has(key) && node !== null && typeof node === 'object') return whole(node, key);
    if (typeof node === 'string') {
      if (node === '') return node;
      if (OWN_KEYS.has(key)) return sentinel(values.push(node) - 1);
      if (TEXT_KEYS.has(key) || FONT_KEYS.has(key) || (COLOR_KEY.test(key) && !SPECIAL_VALUES.has(node))) return text(node);
      if (EXPRESSION_KEYS.has(key)) return node.replace(/"(?:[^"\\]|\\.)*"/g, (literal) => `"${text(JSON.parse(literal) as string)}"`);
      return node;
    }
    if (typeof node === 'number') return NUMBER_KEYS.has(key) ? number(node, key, parent) : node;
    if (Array.isArray(node)) return node.map((item) => walk(item, key, parent));
    if (node && typeof node === 'object') {
      const out: Json = {};
      for (const [k, v] of Object.entries(node)) out[k] = walk(v, k, key);
      return out;
    }
    return node;
  };
  const keyed = walk(spec, '');
  return { key: JSON.stringify(keyed), values };
}

/** The Vega-Lite spec the build compiles for a key. */
export const keySpec = (key: string): unknown => JSON.parse(key);

/** The template filled with a spec's values: the Vega spec Vega-Lite would have compiled. */
export function fillTemplate<T>(template: T, values: readonly unknown[]): T {
  const value = (index: string) => values[Number(index)];
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const exact = EXACT.exec(node);
      if (exact) return value(exact[1]!);
      // one pass: a value put in is never read again (a title may hold anything)
      return node.replace(INSIDE, (found, quoted?: string, bare?: string) =>
        quoted ? JSON.stringify(value(quoted)) : bare ? String(value(bare)) : String(value(String(Number(found) - NUMBER_BASE))),
      );
    }
    if (typeof node === 'number') {
      const index = node - NUMBER_BASE;
      return Number.isInteger(index) && index >= 0 && index < values.length ? values[index] : node;
    }
    if (Array.isArray(node)) {
      const first: unknown = node.length === 1 ? node[0] : undefined;
      const marker = first && typeof first === 'object' && Object.keys(first).length === 1 ? (first as Json)[PREFIX] : first;
      const only = typeof marker === 'string' ? EXACT.exec(marker) : null;
      // a whole array (data, colour range) stands as a one-sentinel array
      if (only && Array.isArray(values[Number(only[1])])) return value(only[1]!);
      return node.map(fill);
    }
    if (node && typeof node === 'object') {
      const out: Json = {};
      for (const [k, v] of Object.entries(node)) out[k] = fill(v);
      return out;
    }
    return node;
  };
  return fill(template) as T;
}

/** A short stable name for a key (the template's file name): FNV-1a, 2 × 32 bits. */
export function templateName(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return (a >>> 0).toString(36).padStart(7, '0') + (b >>> 0).toString(36).padStart(7, '0');
}
