/**
 * What a user sees and touches in the builder (inside its shadow root), shared by its test files.
 */
import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { CultureBuilder } from '../src/index.js';
import { portal, type Portal } from '../../../test/helpers/portal.js';

export type LoadDetail = { rows: number; total: number };

export function ui(builder: CultureBuilder) {
  const root = builder.shadowRoot!;
  const q = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return {
    q,
    text,
    all: <T extends Element = HTMLElement>(selector: string) => [...root.querySelectorAll<T>(selector)],
    async waitFor<T extends Element = HTMLElement>(selector: string, message = selector, timeout = 20000): Promise<T> {
      await waitUntil(() => q(selector), `never showed ${message}`, { timeout });
      return q<T>(selector)!;
    },
    /** Types into a field and commits it, as a user leaving the field does. */
    type(selector: string, value: string) {
      const input = q<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    },
    choose(selector: string, value: string) {
      const select = q<HTMLSelectElement>(selector)!;
      if (![...select.options].some((o) => o.value === value)) throw new Error(`${selector} offers no ${value}`);
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    },
    /** The visible text of the selected option of a select. */
    shown: (selector: string) => text(q<HTMLSelectElement>(selector)?.selectedOptions[0]),
    button(label: string | RegExp): HTMLButtonElement {
      // tabs are buttons too: `tab()` finds them
      const found = [...root.querySelectorAll<HTMLButtonElement>('button:not([role="tab"])')].find((b) => (typeof label === 'string' ? text(b) === label : label.test(text(b))));
      if (!found) throw new Error(`no button "${label}"`);
      return found;
    },
    tab(label: string): HTMLButtonElement {
      const found = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((b) => text(b) === label);
      if (!found) throw new Error(`no tab "${label}"`);
      return found;
    },
    /** The gallery card named `name` (« Courbe », « Tableau »…). */
    card(name: string): HTMLInputElement {
      const card = [...root.querySelectorAll('.gallery .card')].find((c) => text(c.querySelector('.card-name')) === name);
      if (!card) throw new Error(`no card "${name}"`);
      return card.querySelector('input')!;
    },
    preview: () => q('#preview')?.firstElementChild as HTMLElement | null,
  };
}

/** Resolves with the next `culture-load` the preview announces. */
export const nextLoad = (builder: CultureBuilder): Promise<LoadDetail> =>
  oneEvent(builder, 'culture-load').then((e) => (e as CustomEvent<LoadDetail>).detail);

/** Waits until the preview announces `rows` rows (it may announce once per change on the way). */
export async function loadOf(builder: CultureBuilder, rows: (n: number) => boolean): Promise<LoadDetail> {
  for (;;) {
    const detail = await nextLoad(builder);
    if (rows(detail.rows)) return detail;
  }
}

export async function openBuilder(p: Portal, attributes: Record<string, string> = {}): Promise<CultureBuilder> {
  const builder = await fixture<CultureBuilder>(html`<culture-builder lang="fr" api=${p.api} tabular-api=${p.tabularApi} embed-base="https://embed.example/cw/"></culture-builder>`);
  for (const [name, value] of Object.entries(attributes)) builder.setAttribute(name, value);
  await builder.updateComplete;
  return builder;
}

/** Pastes a link and loads it; resolves with the preview's first `culture-load`. */
export async function load(builder: CultureBuilder, link: string): Promise<LoadDetail> {
  const u = ui(builder);
  const drawn = nextLoad(builder);
  u.type('#dataset-link', link);
  u.q<HTMLInputElement>('#dataset-link')!.form!.querySelector('button')!.click();
  return drawn;
}

/** Swaps `navigator.clipboard` for a recorder while `run` goes. */
export async function withClipboard<T>(run: (copied: string[]) => Promise<T>, refuse = () => false): Promise<T> {
  const copied: string[] = [];
  const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: async (text: string) => {
        if (refuse()) throw new DOMException('denied', 'NotAllowedError');
        copied.push(text);
      },
    },
  });
  try {
    return await run(copied);
  } finally {
    delete (navigator as unknown as Record<string, unknown>).clipboard;
    if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
  }
}

/** « ResizeObserver loop completed… » is a benign browser report mocha would count as an error. */
export function ignoreResizeObserverLoops(): () => void {
  const previous = window.onerror;
  window.onerror = function (message, ...rest) {
    if (String(message).includes('ResizeObserver loop')) return true;
    return previous?.call(this, message, ...rest);
  };
  return () => {
    window.onerror = previous;
  };
}

/** The same folder on another origin: 127.0.0.1 when the tests run on localhost, and back. */
export function crossOrigin(path: string): string {
  const url = new URL(path, new URL(import.meta.url));
  url.hostname = url.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return url.href;
}

/** The sample portal for a describe block (`sample.p` once it runs), ResizeObserver loops ignored meanwhile. */
export function useSamplePortal(): { p: Portal } {
  const sample = {} as { p: Portal };
  let restore = () => {};
  before(async () => {
    sample.p = await portal();
    restore = ignoreResizeObserverLoops();
  });
  after(() => restore());
  return sample;
}
