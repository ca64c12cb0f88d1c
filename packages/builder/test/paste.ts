/**
 * Parses snippet HTML the way a CMS stores a pasted snippet, without running anything: a document
 * made by DOMParser never executes scripts or event handlers.
 */
export function parseSnippet(snippet: string): DocumentFragment {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${snippet}`, 'text/html');
  const fragment = doc.createDocumentFragment();
  fragment.append(...doc.body.childNodes);
  return fragment;
}
