/**
 * The embed page's logic (`embed.html?element=chart&dataset=…`): one widget from the query
 * string, and its height posted to the host page so the iframe fits its content. The page itself
 * is plain HTML with one external module script, so it works under a strict CSP.
 */
import { parseEmbedParams, type EmbedParams, type WidgetConfig } from './snippet.js';
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
  let element: HTMLElement | undefined;
  if (params) {
    element = createWidget(params.config, doc);
    if (params.transparent) {
      doc.documentElement.classList.add('transparent');
      element.style.setProperty('--culture-background', 'transparent');
    }
    root.replaceChildren(element);
  } else {
    const lang = doc.documentElement.lang === 'en' ? 'en' : 'fr';
    const message = doc.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = builderMessages(lang).embedInvalid;
    root.replaceChildren(message);
  }
  // The whole document is measured: margins and anything the host page's CSS adds count too.
  const stop = win.parent !== win ? reportHeight(doc.documentElement, win.parent, params?.id) : () => {};
  return { params, ...(element ? { element } : {}), stop };
}
