/**
 * The ways out of the builder, for a widget or a dashboard: the `<script>` + elements snippet, the
 * iframe snippet, the share link; and the way back in (`parseEmbedParams`), which the embed page
 * and the builder's restore both use. Pure: no DOM.
 *
 *   WidgetConfig | DashboardConfig ──buildSnippet──────▶ <script type="module" src="…"> + <culture-chart …>
 *                                  ──buildIframeSnippet─▶ <iframe src="…/embed.html?element=chart&…"> + resizer
 *                                  ──buildShareLink─────▶ builder.html?element=chart&…
 *   URLSearchParams ──parseEmbedParams──▶ a widget or a dashboard (validated against the schema)
 */
import type { Lang } from '@culture-widgets/core';
import { escapeAttribute, parseWidgetParams, toQuery, buildElementHtml, type TooLong, type WidgetConfig } from './attributes.js';
import { buildDashboardHtml, dashboardQuery, dashboardTitle, parseDashboard, type DashboardConfig } from './dashboard.js';
import { builderMessages } from './messages.js';

export { MAX_VALUE_LENGTH, escapeAttribute, validateValue, meaningfulAttributes, buildElementHtml, toQuery, tagHtml, type WidgetConfig } from './attributes.js';

export const VERSION = '0.1.0';
export const DEFAULT_CDN_BASE = `https://cdn.jsdelivr.net/npm/culture-widgets@${VERSION}/dist/`;
/** Height of an embed iframe until (or without) the resizer script. */
export const DEFAULT_IFRAME_HEIGHT = 480;

/** What the builder publishes: one widget, or a dashboard of widgets on one source. */
export type Publishable = WidgetConfig | DashboardConfig;
export const isDashboard = (p: Publishable): p is DashboardConfig => 'widgets' in p;

/** What the embed page reads from its query string: a widget (`config`) or a dashboard. */
export type EmbedParams = {
  tooLong: TooLong;
  /** `bg=transparent`: let the host page's background show through. */
  transparent: boolean;
  /** Echoed in the height messages, for hosts with several iframes and their own listener. */
  id?: string;
} & ({ config: WidgetConfig; dashboard?: undefined } | { dashboard: DashboardConfig; config?: undefined });

const withSlash = (base: string): string => (base.endsWith('/') ? base : `${base}/`);

/** Where a snippet loads the library from: the folder of `culture-widgets.js` (a CDN, or the server's own `dist/`). */
export interface ScriptOptions {
  scriptBase?: string;
}

/** The `<script>` that loads the library. */
export const buildScriptTag = ({ scriptBase = DEFAULT_CDN_BASE }: ScriptOptions = {}): string =>
  `<script type="module" src="${escapeAttribute(`${withSlash(scriptBase)}culture-widgets.js`)}"></script>`;

/** The `<script>` that loads the library, then the element (or the dashboard's elements). */
export function buildSnippet(what: Publishable, options: ScriptOptions = {}): string {
  return `${buildScriptTag(options)}\n${isDashboard(what) ? buildDashboardHtml(what) : buildElementHtml(what)}`;
}

const queryOf = (what: Publishable, extra: Record<string, string> = {}): string => (isDashboard(what) ? dashboardQuery(what, extra) : toQuery(what, extra));

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
export function buildEmbedUrl(what: Publishable, { embedBase, transparent }: IframeOptions): string {
  return `${withSlash(embedBase)}embed.html?${queryOf(what, transparent ? { bg: 'transparent' } : {})}`;
}

/**
 * An iframe for CMSs that strip scripts, and the optional one-line resizer for those that don't.
 * No `style` attribute: a host page under `style-src 'self'` would refuse it and report a violation.
 */
export function buildIframeSnippet(what: Publishable, options: IframeOptions): string {
  const own = isDashboard(what) ? dashboardTitle(what) : what.attributes.title || what.attributes.description;
  const names = builderMessages(options.lang ?? 'fr');
  const title = options.title || own || (isDashboard(what) ? names.dashboardName : names.widgetNames[what.element]);
  const height = options.height ?? DEFAULT_IFRAME_HEIGHT;
  const src = buildEmbedUrl(what, options);
  const resizer = `${withSlash(options.embedBase)}embed-resizer.js`;
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${height}" ` +
    `frameborder="0" loading="lazy"></iframe>\n` +
    `<script src="${escapeAttribute(resizer)}" async></script>`
  );
}

/** A link that opens the builder with this widget (or dashboard) configured. */
export function buildShareLink(what: Publishable, base: string): string {
  const url = new URL(base);
  url.search = queryOf(what);
  url.hash = '';
  return url.toString();
}

/**
 * Query string → a widget or a dashboard, validated: the element must be one of the builder's (or
 * `dashboard`); unknown keys are ignored; every value is checked against the schema. Values stay
 * plain strings, set as attributes, never parsed as HTML. Null when no element is named.
 */
export function parseEmbedParams(params: URLSearchParams): EmbedParams | null {
  const id = params.get('id');
  const common = { transparent: params.get('bg') === 'transparent', ...(id && /^[\w-]{1,64}$/.test(id) ? { id } : {}) };
  if (params.get('element') === 'dashboard') return { ...parseDashboard(params), ...common };
  const widget = parseWidgetParams(params);
  return widget ? { ...widget, ...common } : null;
}
