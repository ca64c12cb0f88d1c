/**
 * The embed page's logic (`embed.html?element=chart&dataset=…`): one widget from the query
 * string, and its height posted to the host page so the iframe fits its content. The page itself
 * is plain HTML with one external module script, so it works under a strict CSP.
 */
import { isDataGouv, parseJoin } from '@culture-widgets/core';
import { MAX_VALUE_LENGTH, parseEmbedParams, type EmbedParams, type WidgetConfig } from './snippet.js';
import { tagOf } from './schema.js';
import { builderMessages } from './messages.js';

export const HEIGHT_MESSAGE = 'culture-widgets:height';

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  height: number;
  id?: string;
}

/** Creates the configured element. Values are set with `setAttribute`: text, never markup. */
export function createWidget(config: WidgetConfig, doc: Document = document): HTMLElement {
  const el = doc.createElement(tagOf(config.element));
  for (const [name, value] of Object.entries(config.attributes)) el.setAttribute(name, value);
  return el;
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

export interface MountedEmbed {
  params: EmbedParams | null;
  element?: HTMLElement;
  stop(): void;
}

/**
 * Renders the widget named by `search` into `root` and, inside an iframe, reports the page's
 * height to the parent page. Invalid parameters give a readable message, not a blank frame.
 */
export function mountEmbed(root: HTMLElement, search: string, win: Window = window): MountedEmbed {
  const params = parseEmbedParams(new URLSearchParams(search));
  const doc = root.ownerDocument;
  const lang = doc.documentElement.lang === 'en' ? 'en' : 'fr';
  const m = builderMessages(lang);
  const count = (n: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR').format(n);
  const tooLong = params?.tooLong[0];
  const foreign = params && foreignSite(params.config, doc);
  const refusal = !params ? m.embedInvalid
    : tooLong ? m.embedTooLong(tooLong.name, count(tooLong.length), count(MAX_VALUE_LENGTH))
      : foreign ? m.embedHost(foreign) : undefined;
  let element: HTMLElement | undefined;
  if (params && refusal === undefined) {
    element = createWidget(params.config, doc);
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
  // The whole document is measured: margins and anything the host page's CSS adds count too.
  const stop = win.parent !== win ? reportHeight(doc.documentElement, win.parent, params?.id) : () => {};
  return { params, ...(element ? { element } : {}), stop };
}
