import type { FilterClause, SourceSpec } from '@culture-widgets/core';

/**
 * What a `<culture-source>` offers the widgets that name it with `source="id"`: one dataset and
 * its live filters. It dispatches `culture-filter-change` whenever either changes.
 */
export interface SourceProvider extends EventTarget {
  readonly spec: SourceSpec;
  readonly filters: readonly FilterClause[];
  /** Computed columns every linked widget gets (`compute`, DESIGN § 5); absent in older copies. */
  readonly compute?: string;
  /** Turns a widget click into a filter (`refine-on-click`). */
  refine?(values: Record<string, string | number | boolean | null>): void;
}

export const isSourceProvider = (el: unknown): el is SourceProvider =>
  !!el && typeof el === 'object' && 'spec' in el && 'filters' in el && el instanceof EventTarget;

/**
 * Finds the element with this id: in the widget's own tree first, then in every tree up to the
 * document, then anywhere in open shadow roots (sources may sit in another component).
 */
export function findById(from: Node, id: string): Element | null {
  for (let root: Node = from.getRootNode(); ; ) {
    const found = (root as Document | ShadowRoot).getElementById?.(id);
    if (found) return found;
    if (!(root instanceof ShadowRoot)) break;
    root = root.host.getRootNode();
  }
  return searchShadowRoots(document, id);
}

function searchShadowRoots(root: Document | ShadowRoot, id: string): Element | null {
  for (const el of root.querySelectorAll('*')) {
    const shadow = el.shadowRoot;
    if (!shadow) continue;
    const found = shadow.getElementById(id) ?? searchShadowRoots(shadow, id);
    if (found) return found;
  }
  return null;
}
