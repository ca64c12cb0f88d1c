// culture-widgets trial reporter: the builder's « Essayer ce code » page loads it first, then the
// copied code as it is. It tells the builder (its parent window) what the code did: each widget's
// rows or error, a script that did not load, elements never defined, the page's height. Widgets
// inside an embed iframe (the CMS code) report through that iframe's state messages.
// The trial number comes in this script's URL fragment (#3) and goes back with every report.
(() => {
  const run = Number(new URL(document.currentScript.src).hash.slice(1));
  const post = (report) => window.parent.postMessage({ type: 'culture-widgets:trial', run, ...report }, '*');
  const keys = new WeakMap();
  let count = 0;
  const keyOf = (element) => {
    if (!keys.has(element)) keys.set(element, `${element.localName}#${count++}`);
    return keys.get(element);
  };
  const widget = (event) => event.composedPath().find((node) => node instanceof Element && node.localName.startsWith('culture-')) ?? event.target;

  document.addEventListener('culture-load', (event) => {
    const element = widget(event);
    post({ event: 'load', key: keyOf(element), tag: element.localName, rows: event.detail.rows, total: event.detail.total });
  });
  document.addEventListener('culture-error', (event) => {
    const element = widget(event);
    post({ event: 'error', key: keyOf(element), tag: element.localName, code: event.detail.code, message: event.detail.message });
  });
  // a script that fails to load fires `error` on its element only: caught on the way down
  window.addEventListener('error', (event) => {
    if (event.target instanceof HTMLScriptElement) post({ event: 'script-error', src: event.target.src });
  }, true);
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'culture-widgets:state') return;
    const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
    if (!frame) return;
    const key = `${keyOf(frame)}/${data.key ?? data.tag}`;
    if (data.state === 'load') post({ event: 'load', key, tag: String(data.tag), rows: data.rows, total: data.total });
    if (data.state === 'error') post({ event: 'error', key, tag: String(data.tag), code: data.code, message: data.message });
  });
  // culture-widgets.js loads an element's code when its tag appears, after `load`: a tag is said
  // undefined only when it still is a few seconds later, and unsaid when its code comes after all
  window.addEventListener('load', () => {
    const tags = [...new Set([...document.querySelectorAll('*')].map((el) => el.localName).filter((tag) => tag.startsWith('culture-') && !customElements.get(tag)))];
    const undefinedTags = () => tags.filter((tag) => !customElements.get(tag));
    let said = false;
    const timer = setTimeout(() => {
      said = undefinedTags().length > 0;
      if (said) post({ event: 'undefined', tags: undefinedTags() });
    }, 3000);
    for (const tag of tags) {
      customElements.whenDefined(tag).then(() => {
        if (undefinedTags().length) return;
        clearTimeout(timer);
        if (said) post({ event: 'undefined', tags: [] });
      });
    }
  });
  new ResizeObserver(() => post({ event: 'height', height: Math.ceil(document.documentElement.getBoundingClientRect().height) })).observe(document.documentElement);
  post({ event: 'ready' });
})();
