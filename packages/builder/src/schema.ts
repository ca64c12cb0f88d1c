/**
 * Every attribute of `<culture-table>`, `<culture-chart>` and `<culture-map>`, as the builder's
 * form, the snippets and the embed page's validation read them. The list itself is generated from
 * the elements' own declarations (`schema.generated.ts`, `npm run api`); what the form calls each
 * option lives in `option-messages.ts`. Pure data: no DOM.
 */
import { OPTIONS } from './schema.generated.js';

export const ELEMENTS = ['table', 'chart', 'map', 'kpi'] as const;
export type ElementKind = (typeof ELEMENTS)[number];

/**
 * How a value is chosen in the form and checked when it comes back from a URL. Beside the plain
 * kinds: `sort` (a column and a direction), `filter` (the filter builder), `words` (texts readers
 * see: the « Textes » tab), `labels` (column names), `expression` (written by « Transformer »),
 * `measure` (a calculation and its column: `sum(total)`), `compare` (a column and the value compared with).
 */
export type OptionKind = 'text' | 'column' | 'columns' | 'select' | 'boolean' | 'number' | 'sort' | 'filter' | 'words' | 'labels' | 'expression' | 'measure' | 'compare';

export interface OptionSpec {
  /** The attribute name, exactly as written in HTML. */
  name: string;
  kind: OptionKind;
  /** Allowed values of a `select` (or suggestions of a `text`). */
  options?: readonly string[];
  /** The element's own default: a value equal to it is left out of snippets. */
  default?: string;
  /** The value must be an http(s) URL (or, with `options`, one of them). */
  url?: boolean;
  /** Shown in the options form; data attributes set by the builder's steps are not. */
  form?: boolean;
  /** A column picker that only offers numeric columns. */
  numeric?: boolean;
  /** Tucked under « Plus de réglages »: the form opens on what most people change. */
  advanced?: boolean;
}

/** Where an option is declared: an element of its own, or the data attributes they share. */
export type OptionScope = keyof typeof OPTIONS;
/** `chart.type`, `data.filter`…: how the messages name an option. */
export type OptionKey = { [S in OptionScope]: `${S}.${(typeof OPTIONS)[S][number]['name']}` }[OptionScope];

/** The data attributes every element shares. */
export const DATA_OPTIONS: readonly OptionSpec[] = OPTIONS.data;

/** The element's own attributes (what the options form shows first). */
export const ownOptionsOf = (element: ElementKind): readonly OptionSpec[] => OPTIONS[element];

/** Every attribute an element knows: its own, then the shared data attributes. */
export const optionsOf = (element: ElementKind): readonly OptionSpec[] => [...OPTIONS[element], ...DATA_OPTIONS];

/** The key of an option in the messages. */
export const optionKey = (element: ElementKind, spec: OptionSpec): OptionKey =>
  `${OPTIONS[element].some((o) => o.name === spec.name) ? element : 'data'}.${spec.name}` as OptionKey;

export const isElementKind = (value: unknown): value is ElementKind => ELEMENTS.includes(value as ElementKind);

/** The tag written in snippets. */
export const tagOf = (element: ElementKind): string => `culture-${element}`;
