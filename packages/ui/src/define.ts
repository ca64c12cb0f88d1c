/**
 * Registers a tag once. A page may load two copies of the bundle (a CMS plugin and an article
 * snippet): the second copy must not throw, only say that it is ignored.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, element);
  } else if (existing !== element) {
    console.warn(`culture-widgets: <${tag}> is already defined by another copy of the library; this copy is not used.`);
  }
}
