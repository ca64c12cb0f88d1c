/**
 * An element's attributes as the builder writes and reads them: each value checked against the
 * element's schema, written as HTML (escaped, one per line), written to a query string and read
 * back from one. Pure: no DOM. The snippets (snippet.ts) and dashboards (dashboard.ts) build on it.
 */
import { formatList, parseList } from '@culture-widgets/core';
import { isElementKind, optionsOf, tagOf, type ElementKind, type OptionSpec } from './schema.js';

/** Longest attribute value accepted from a URL (a long filter or description fits). */
export const MAX_VALUE_LENGTH = 2000;

/** One widget: which element, and its attributes as the strings written in HTML. */
export interface WidgetConfig {
  element: ElementKind;
  attributes: Record<string, string>;
}

/** Parameters longer than `MAX_VALUE_LENGTH`: said, never silently dropped (a filter left out would show everything). */
export type TooLong = { name: string; length: number }[];

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

/** `<tag a="1" b="2"></tag>`, one attribute per line when there are several; `true` booleans of `element` bare. */
export function tagHtml(tag: string, pairs: [string, string][], element?: ElementKind): string {
  const attributes = pairs.map(([name, value]) =>
    // A `true` boolean is written bare, as HTML authors expect (`search`, not `search="true"`).
    element && kindOf(element, name) === 'boolean' && value === 'true' ? name : `${name}="${escapeAttribute(value)}"`,
  );
  if (attributes.length === 0) return `<${tag}></${tag}>`;
  if (attributes.length <= 2) return `<${tag} ${attributes.join(' ')}></${tag}>`;
  return `<${tag}\n  ${attributes.join('\n  ')}>\n</${tag}>`;
}

/** The element's opening and closing tags. */
export const buildElementHtml = (config: WidgetConfig): string => tagHtml(tagOf(config.element), meaningfulAttributes(config), config.element);

const kindOf = (element: ElementKind, name: string) => optionsOf(element).find((s) => s.name === name)?.kind;

/** The query string naming a widget: `element=chart&dataset=…&type=line`. */
export function toQuery(config: WidgetConfig, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ element: config.element });
  for (const [name, value] of meaningfulAttributes(config)) params.append(name, value);
  for (const [name, value] of Object.entries(extra)) params.append(name, value);
  return params.toString();
}

/**
 * Query string → widget, validated: the element must be one of the builder's; unknown keys are
 * ignored; every value is checked against the schema. Values stay plain strings, set as
 * attributes, never parsed as HTML. Null when no element is named.
 */
export function parseWidgetParams(params: URLSearchParams): { config: WidgetConfig; tooLong: TooLong } | null {
  const element = params.get('element');
  if (!isElementKind(element)) return null;
  const attributes: Record<string, string> = {};
  const tooLong: TooLong = [];
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
  return { config: { element, attributes }, tooLong };
}
