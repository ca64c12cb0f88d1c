/**
 * Category colours that stay put. A value keeps its colour whatever the filters, on every widget
 * of a page reading the same resource: colours follow the values' order in the unfiltered data
 * (most frequent first), never their rank in what happens to be shown. Pure: colours are CSS
 * strings read from the theme by the elements.
 */
import { foldText as fold } from './columns.js';

export interface CategoryColorOptions {
  /** Values of the unfiltered data, most frequent first (`categoryOrder`). */
  order?: readonly string[];
  /** The theme's data colours. */
  palette: readonly string[];
  /** Colours the author chose (`colors="Musique: #000091"`): they win, and their colours are not reused. */
  chosen?: ReadonlyMap<string, string>;
}

/** The colour the author chose for `value` (exact, else case and accents aside). */
export function chosenColor(value: string, chosen: ReadonlyMap<string, string> | undefined): string | undefined {
  if (!chosen?.size) return undefined;
  const exact = chosen.get(value);
  if (exact !== undefined) return exact;
  const folded = fold(value);
  for (const [name, color] of chosen) if (fold(name) === folded) return color;
  return undefined;
}

/**
 * A colour for each shown value. The value at position `i` of `order` gets palette colour `i`
 * (when `i` is within the palette); values beyond take the first colours no shown value holds,
 * so one drawing never shows two categories in one colour while the palette lasts.
 */
export function categoryColors(shown: readonly string[], { order = [], palette, chosen }: CategoryColorOptions): Map<string, string> {
  const out = new Map<string, string>();
  const rank = new Map<string, number>();
  order.forEach((value, i) => { if (!rank.has(value)) rank.set(value, i); });
  const taken = new Set<string>(chosen?.values() ?? []);
  const rest: string[] = [];
  for (const value of shown) {
    const color = chosenColor(value, chosen);
    if (color !== undefined) out.set(value, color);
  }
  for (const value of shown) {
    if (out.has(value)) continue;
    const i = rank.get(value);
    const color = i !== undefined && i < palette.length ? palette[i]! : undefined;
    if (color !== undefined && !taken.has(color)) {
      out.set(value, color);
      taken.add(color);
    } else {
      rest.push(value);
    }
  }
  const free = palette.filter((c) => !taken.has(c));
  rest.forEach((value, i) => out.set(value, free.length ? free[i % free.length]! : palette[i % Math.max(1, palette.length)] ?? '#808080'));
  return out;
}

/**
 * `Musique: #000091; "Arts, spectacles": rgb(225 0 15)` → value → colour. The colour is what
 * follows the last `:` of a clause (colours hold none), so a value may hold colons. Clauses whose
 * colour a browser would not read are returned in `invalid`.
 */
export function parseColorMap(text: string, isColor: (color: string) => boolean): { colors: Map<string, string>; invalid: string[] } {
  const colors = new Map<string, string>();
  const invalid: string[] = [];
  for (const clause of text.split(';')) {
    if (!clause.trim()) continue;
    const at = clause.lastIndexOf(':');
    const value = unquote(clause.slice(0, Math.max(0, at)).trim());
    const color = clause.slice(at + 1).trim();
    if (at < 0 || !value || !isColor(color)) invalid.push(clause.trim());
    else colors.set(value, color);
  }
  return { colors, invalid };
}

const unquote = (text: string): string => (/^(["']).*\1$/.test(text) ? text.slice(1, -1) : text);
