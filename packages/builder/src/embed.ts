/**
 * The embed page's logic (`embed.html?element=chart&dataset=…`, or `element=dashboard&…`): one
 * widget or one dashboard from the query string, and its height and state posted to the host page
 * so the iframe fits its content. The page itself is plain HTML with one external module script,
 * so it works under a strict CSP.
 */
import { isDataGouv, parseJoin } from '@culture-widgets/core';
import { dashboardElements, type DashboardConfig, type PageElement } from './dashboard.js';
import { MAX_VALUE_LENGTH, parseEmbedParams, type EmbedParams, type WidgetConfig } from './snippet.js';
import { tagOf } from './schema.js';
import { builderMessages } from './messages.js';

export const HEIGHT_MESSAGE = 'culture-widgets:height';
/** What the widget of an embed page shows, posted to the host page (the builder's trial reads it). */
export const STATE_MESSAGE = 'culture-widgets:state';

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  height: number;
  id?: string;
}

export interface StateMessage {
  type: typeof STATE_MESSAGE;
  state: 'load' | 'error';
  /** The widget's tag, and its rank among the page's widgets (a dashboard has several). */
  tag: string;
  key: string;
  rows?: number;
  total?: number;
  code?: string;
  message?: string;
  id?: string;
}

/** Creates the configured element. Values are set with `setAttribute`: text, never markup. */
export function createWidget(config: WidgetConfig, doc: Document = document): HTMLElement {
  return createElement({ tag: tagOf(config.element), attributes: Object.entries(config.attributes) }, doc);
}

function createElement(spec: PageElement, doc: Document): HTMLElement {
  const el = doc.createElement(spec.tag);
  for (const [name, value] of spec.attributes) el.setAttribute(name, value);
  for (const child of spec.children ?? []) el.append(createElement(child, doc));
  return el;
}

/** A dashboard's elements (source, filters, widgets), in a box the host page's CSS can lay out. */
export function createDashboard(d: DashboardConfig, doc: Document = document): HTMLElement {
  const box = doc.createElement('div');
  box.className = 'culture-dashboard';
  box.append(...dashboardElements(d).map((spec) => createElement(spec, doc)));
  return box;
}

/** Posts the height whenever the content changes size; returns the function that stops it. */
export function reportHeight(content: Element, target: Window, id?: string): () => void {
  let last = -1;
  const post = () => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: HeightMessage = { type: HEIGHT_MESSAGE, height, ...(id ? { id } : {}) };
    // The height is not a secret and the host's origin is unknown: any origin may read it.
    target.postMessage(message, '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(content);
  post();
  return () => observer.disconnect();
}

/**
 * Where a deployment lists the other sites its embeds may read from (space-separated origins or
 * hosts): `<meta name="culture-widgets-hosts" content="https://data.example.org">` in `embed.html`.
 */
export const HOSTS_META = 'culture-widgets-hosts';

/** The attributes that name a site: the APIs, a file, tiles, boundaries, a dataset or resource given by URL, a joined one. */
const URL_ATTRIBUTES = ['api', 'tabular-api', 'src', 'tiles', 'boundaries', 'dataset', 'resource'];

/** The sites a configuration would read from, as URLs (presets and slugs name none). */
function sitesOf(config: WidgetConfig, base: string): URL[] {
  const values = URL_ATTRIBUTES.map((name) => config.attributes[name]);
  const join = config.attributes.join;
  if (join) {
    try { values.push(parseJoin(join).ref); } catch { /* the element says what is wrong with it */ }
  }
  const urls: URL[] = [];
  for (const value of values) {
    if (!value || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) continue;
    try { urls.push(new URL(value.trim(), base)); } catch { /* not a URL: the element reports it */ }
  }
  return urls;
}

/**
 * The first site the configuration names that the page does not allow: data.gouv.fr's hosts,
 * the page's own origin and those the deployment lists (`HOSTS_META`) are allowed. A crafted
 * link can then never show another site's data under the embed's address.
 */
export function foreignSite(config: WidgetConfig, doc: Document): string | undefined {
  const listed = (doc.querySelector<HTMLMetaElement>(`meta[name="${HOSTS_META}"]`)?.content ?? '').split(/\s+/).filter(Boolean);
  const here = doc.location?.origin;
  const allowed = (url: URL) =>
    isDataGouv(url.hostname) || url.origin === here || listed.some((entry) => entry === url.origin || entry === url.host);
  return sitesOf(config, doc.baseURI).find((url) => !allowed(url))?.host;
}

/** Every configuration a link holds: its widget, or a dashboard's data and each of its widgets. */
const configsOf = (params: EmbedParams): WidgetConfig[] =>
  params.dashboard ? [{ element: 'table', attributes: params.dashboard.data }, ...params.dashboard.widgets] : [params.config];

export interface MountedEmbed {
  params: EmbedParams | null;
  element?: HTMLElement;
  stop(): void;
}

/** Posts each `culture-load` and `culture-error` of the widgets under `content`; returns the function that stops it. */
export function reportState(content: Element, target: Window, id?: string): () => void {
  const post = (event: Event) => {
    const widget = event.target as Element;
    const tag = widget.localName;
    const key = `${tag}#${[...content.querySelectorAll(tag)].indexOf(widget)}`;
    const detail = (event as CustomEvent<{ rows?: number; total?: number; code?: string; message?: string }>).detail ?? {};
    const message: StateMessage = event.type === 'culture-load'
      ? { type: STATE_MESSAGE, state: 'load', tag, key, rows: Number(detail.rows) || 0, ...(detail.total !== undefined ? { total: Number(detail.total) } : {}) }
      : { type: STATE_MESSAGE, state: 'error', tag, key, code: String(detail.code ?? ''), message: String(detail.message ?? '') };
    // like the height: counts and the message shown on screen, for whichever page embeds it
    target.postMessage(id ? { ...message, id } : message, '*');
  };
  content.addEventListener('culture-load', post);
  content.addEventListener('culture-error', post);
  return () => {
    content.removeEventListener('culture-load', post);
    content.removeEventListener('culture-error', post);
  };
}

/**
 * Renders the widget named by `search` into `root` and, inside an iframe, reports the page's
 * height and the widget's state to the parent page. Invalid parameters give a readable message,
 * not a blank frame.
 */
export function mountEmbed(root: HTMLElement, search: string, win: Window = window): MountedEmbed {
  const params = parseEmbedParams(new URLSearchParams(search));
  const doc = root.ownerDocument;
  const lang = doc.documentElement.lang === 'en' ? 'en' : 'fr';
  const m = builderMessages(lang);
  const count = (n: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR').format(n);
  const tooLong = params?.tooLong[0];
  const foreign = params && configsOf(params).map((config) => foreignSite(config, doc)).find(Boolean);
  const refusal = !params ? m.embedInvalid
    : tooLong ? m.embedTooLong(tooLong.name, count(tooLong.length), count(MAX_VALUE_LENGTH))
      : foreign ? m.embedHost(foreign) : undefined;
  let element: HTMLElement | undefined;
  if (params && refusal === undefined) {
    element = params.dashboard ? createDashboard(params.dashboard, doc) : createWidget(params.config, doc);
    if (params.transparent) {
      doc.documentElement.classList.add('transparent');
      element.style.setProperty('--culture-background', 'transparent');
    }
    root.replaceChildren(element);
  } else {
    const message = doc.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = refusal ?? m.embedInvalid;
    root.replaceChildren(message);
  }
  if (win.parent === win) return { params, ...(element ? { element } : {}), stop: () => {} };
  // The whole document is measured: margins and anything the host page's CSS adds count too.
  const stops = [reportHeight(doc.documentElement, win.parent, params?.id), reportState(root, win.parent, params?.id)];
  return { params, ...(element ? { element } : {}), stop: () => stops.forEach((stop) => stop()) };
}
