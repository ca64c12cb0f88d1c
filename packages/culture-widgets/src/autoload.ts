/**
 * Loads an element's code the first time its tag appears: in the page, or in a shadow root one of
 * the watched elements renders (the builder's previews). A page that only shows a chart downloads
 * the chart's code and nothing of the table, the map or the builder
 * (docs/decisions/0014-autoloader.md).
 */

/** Tag → the module that registers it (one module may register two tags). */
export type ElementModules = Readonly<Record<string, () => Promise<unknown>>>;

/**
 * The CDN's per-element entries: the umbrella loads the very files a page would name itself, so
 * both ways share their chunks (and a page naming both loads each file once).
 */
export const ELEMENT_MODULES: ElementModules = {
  'culture-table': () => import('./table.js'),
  'culture-data-table': () => import('./table.js'),
  'culture-chart': () => import('./chart.js'),
  'culture-map': () => import('./map.js'),
  'culture-kpi': () => import('./kpi.js'),
  'culture-kpi-row': () => import('./kpi.js'),
  'culture-source': () => import('./source.js'),
  'culture-filter': () => import('./source.js'),
  'culture-builder': () => import('./builder.js'),
};

export interface Autoloader {
  /** Loads the code of `tag` once (again after a failure); resolves when the module has run. */
  load(tag: string): Promise<void>;
  /** Watches `root` and, as they appear, the shadow roots of the elements found in it. */
  watch(root: Document | ShadowRoot): void;
}

export function createAutoloader(modules: ElementModules): Autoloader {
  const tags = Object.keys(modules);
  const selector = tags.join(',');
  const loading = new Map<string, Promise<void>>();
  const watched = new WeakSet<Node>();
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  });

  function load(tag: string): Promise<void> {
    const module = modules[tag];
    if (!module) return Promise.reject(new Error(`culture-widgets: no element <${tag}>`));
    let promise = loading.get(tag);
    if (!promise) {
      promise = module().then(
        () => undefined,
        (error: unknown) => {
          // said once per attempt; the tag stays unknown (its fallback content shows) until it appears again
          loading.delete(tag);
          console.error(`culture-widgets: the code of <${tag}> could not be loaded.`, error);
          throw error;
        },
      );
      loading.set(tag, promise);
    }
    return promise;
  }

  function watch(root: Document | ShadowRoot): void {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { childList: true, subtree: true });
    scan(root);
  }

  /** Loads the code of every tag in `node` and watches their shadow roots once they exist. */
  function scan(node: Element | Document | ShadowRoot): void {
    const found = node.querySelectorAll(selector);
    for (const element of node instanceof Element && node.matches(selector) ? [node, ...found] : found) {
      const tag = element.localName;
      // a tag another copy of the library defined is left to it
      if (!customElements.get(tag)) void load(tag).catch(() => undefined);
      // lit attaches the shadow root when the upgraded element connects
      void customElements.whenDefined(tag).then(() => {
        if (element.shadowRoot) watch(element.shadowRoot);
      });
    }
  }

  return { load, watch };
}

/**
 * Makes `customElements.whenDefined(tag)` load the code of the tags `autoloader` knows, so a
 * script may wait for an element before it creates one (the promise would otherwise wait for a
 * tag to appear). Other tags are left alone.
 */
export function loadOnWhenDefined(autoloader: Autoloader, modules: ElementModules): void {
  const registry = customElements as CustomElementRegistry & { autoloads?: true };
  if (registry.autoloads) return;
  const whenDefined = registry.whenDefined.bind(registry);
  registry.whenDefined = (name: string) => {
    if (Object.hasOwn(modules, name) && !registry.get(name)) void autoloader.load(name).catch(() => undefined);
    return whenDefined(name);
  };
  registry.autoloads = true;
}
