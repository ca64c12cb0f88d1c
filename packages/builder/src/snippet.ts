/**
 * A widget configuration and the three ways out of the builder: the `<script>` + element
 * snippet, the iframe snippet, the share link; and the way back in (`parseEmbedParams`), which
 * the embed page and the builder's restore both use. Pure: no DOM.
 *
 *   WidgetConfig ──buildSnippet──────▶ <script type="module" src="…"> + <culture-chart …>
 *                ──buildIframeSnippet─▶ <iframe src="…/embed.html?element=chart&…"> + resizer
 *                ──buildShareLink─────▶ builder.html?element=chart&…
 *   URLSearchParams ──parseEmbedParams──▶ WidgetConfig (validated against the schema)
 */
import { formatList, parseList, type Lang } from '@culture-widgets/core';
import { builderMessages } from './messages.js';
import { isElementKind, optionsOf, tagOf, type ElementKind, type OptionSpec } from './schema.js';

export const VERSION = '0.1.0';
export const DEFAULT_CDN_BASE = `https://cdn.jsdelivr.net/npm/culture-widgets@${VERSION}/dist/`;
/** Height of an embed iframe until (or without) the resizer script. */
export const DEFAULT_IFRAME_HEIGHT = 480;
/** Longest attribute value accepted from a URL (a long filter or description fits). */
export const MAX_VALUE_LENGTH = 2000;

/** One widget: which element, and its attributes as the strings written in HTML. */
export interface WidgetConfig {
  element: ElementKind;
  attributes: Record<string, string>;
}

/** What the embed page reads from its query string. */
export interface EmbedParams {
  config: WidgetConfig;
  /** Parameters longer than `MAX_VALUE_LENGTH`: said, never silently dropped (a filter left out would show everything). */
  tooLong: { name: string; length: number }[];
  /** `bg=transparent`: let the host page's background show through. */
  transparent: boolean;
  /** Echoed in the height messages, for hosts with several iframes and their own listener. */
  id?: string;
}

/** Escapes text for a double-quoted HTML attribute value (and for text content). */
export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/**
 * One attribute value checked against its spec: the cleaned string, or undefined when the value
 * is not acceptable (unknown select value, a URL that is not http(s), not a number…).
 */
export function validateValue(spec: OptionSpec, raw: string): string | undefined {
  // Control characters have no business in an attribute; line breaks become spaces.
  // eslint-disable-next-line no-control-regex
  const value = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (value.length > MAX_VALUE_LENGTH) return undefined;
  switch (spec.kind) {
    case 'select':
      return value === '' || spec.options?.includes(value) ? value : undefined;
    case 'boolean':
      return value === 'true' || value === 'false' ? value : value === '' ? 'true' : undefined;
    case 'number':
      return value !== '' && Number.isFinite(Number(value)) ? value : undefined;
    case 'columns':
      return formatList(parseList(value));
    default:
      if (spec.url && !(spec.options?.includes(value) || isHttpUrl(value))) return undefined;
      return value;
  }
}

/** The attributes worth writing: known to the element, valid, not empty, not the default. */
export function meaningfulAttributes(config: WidgetConfig): [string, string][] {
  const out: [string, string][] = [];
  for (const spec of optionsOf(config.element)) {
    const raw = config.attributes[spec.name];
    if (raw === undefined) continue;
    const value = validateValue(spec, raw);
    if (value === undefined || value === '' || value === (spec.default ?? '')) continue;
    out.push([spec.name, value]);
  }
  return out;
}

/** The element's opening and closing tags, one attribute per line when there are several. */
export function buildElementHtml(config: WidgetConfig): string {
  const tag = tagOf(config.element);
  const attributes = meaningfulAttributes(config).map(([name, value]) =>
    // A `true` boolean is written bare, as HTML authors expect (`search`, not `search="true"`).
    kindOf(config.element, name) === 'boolean' && value === 'true' ? name : `${name}="${escapeAttribute(value)}"`,
  );
  if (attributes.length === 0) return `<${tag}></${tag}>`;
  if (attributes.length <= 2) return `<${tag} ${attributes.join(' ')}></${tag}>`;
  return `<${tag}\n  ${attributes.join('\n  ')}>\n</${tag}>`;
}

const kindOf = (element: ElementKind, name: string) => optionsOf(element).find((s) => s.name === name)?.kind;

const withSlash = (base: string): string => (base.endsWith('/') ? base : `${base}/`);

/** Where a snippet loads the library from: the folder of `culture-widgets.js` (a CDN, or the server's own `dist/`). */
export interface ScriptOptions {
  scriptBase?: string;
}

/** The `<script>` that loads the library. */
export const buildScriptTag = ({ scriptBase = DEFAULT_CDN_BASE }: ScriptOptions = {}): string =>
  `<script type="module" src="${escapeAttribute(`${withSlash(scriptBase)}culture-widgets.js`)}"></script>`;

/** The `<script>` that loads the library, then the element. */
export function buildSnippet(config: WidgetConfig, options: ScriptOptions = {}): string {
  return `${buildScriptTag(options)}\n${buildElementHtml(config)}`;
}

/** The query string naming a widget: `element=chart&dataset=…&type=line`. */
export function toQuery(config: WidgetConfig, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ element: config.element });
  for (const [name, value] of meaningfulAttributes(config)) params.append(name, value);
  for (const [name, value] of Object.entries(extra)) params.append(name, value);
  return params.toString();
}

export interface IframeOptions {
  /** Folder holding `embed.html` and `embed-resizer.js`. */
  embedBase: string;
  /** The iframe's accessible name; default: the widget's title. */
  title?: string;
  height?: number;
  transparent?: boolean;
  /** The language of a title the widget does not give. */
  lang?: Lang;
}

/** The iframe's URL: `embed.html?element=…`. */
export function buildEmbedUrl(config: WidgetConfig, { embedBase, transparent }: IframeOptions): string {
  return `${withSlash(embedBase)}embed.html?${toQuery(config, transparent ? { bg: 'transparent' } : {})}`;
}

/** An iframe for CMSs that strip scripts, and the optional one-line resizer for those that don't. */
export function buildIframeSnippet(config: WidgetConfig, options: IframeOptions): string {
  const title = options.title || config.attributes.title || config.attributes.description || defaultTitle(config.element, options.lang);
  const height = options.height ?? DEFAULT_IFRAME_HEIGHT;
  const src = buildEmbedUrl(config, options);
  const resizer = `${withSlash(options.embedBase)}embed-resizer.js`;
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${height}" ` +
    `style="border: 0; width: 100%; max-width: 100%;" loading="lazy"></iframe>\n` +
    `<script src="${escapeAttribute(resizer)}" async></script>`
  );
}

const defaultTitle = (element: ElementKind, lang: Lang = 'fr'): string => builderMessages(lang).widgetNames[element];

/** A link that opens the builder with this widget configured. */
export function buildShareLink(config: WidgetConfig, base: string): string {
  const url = new URL(base);
  url.search = toQuery(config);
  url.hash = '';
  return url.toString();
}

/**
 * Query string → widget, validated: the element must be table, chart or map; unknown keys are
 * ignored; every value is checked against the schema. Values stay plain strings, set as
 * attributes, never parsed as HTML. Null when no element is named.
 */
export function parseEmbedParams(params: URLSearchParams): EmbedParams | null {
  const element = params.get('element');
  if (!isElementKind(element)) return null;
  const attributes: Record<string, string> = {};
  const tooLong: EmbedParams['tooLong'] = [];
  for (const spec of optionsOf(element)) {
    const raw = params.get(spec.name);
    if (raw === null) continue;
    if (raw.trim().length > MAX_VALUE_LENGTH) {
      tooLong.push({ name: spec.name, length: raw.trim().length });
      continue;
    }
    const value = validateValue(spec, raw);
    if (value !== undefined && value !== '') attributes[spec.name] = value;
  }
  const id = params.get('id');
  const cleanId = id && /^[\w-]{1,64}$/.test(id) ? id : undefined;
  return { config: { element, attributes }, tooLong, transparent: params.get('bg') === 'transparent', ...(cleanId ? { id: cleanId } : {}) };
}
