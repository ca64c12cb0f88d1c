import type { ReactiveController, ReactiveControllerHost } from 'lit';
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
  /** How columns are called by every linked widget (its `labels` attribute); a widget's own win. Absent in older copies. */
  readonly columnLabels?: string;
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

type LinkHost = ReactiveControllerHost & HTMLElement & { source?: string };

/**
 * The link every widget and control keeps to the `<culture-source>` its `source` names: found in
 * any tree (`findById`), looked for again once `<culture-source>` is defined (the bundle may
 * register it after the widget), listened to while connected. `onLink` runs when a source turns
 * up late; `events` are the source's events the host listens to.
 */
export class SourceLink<T extends SourceProvider = SourceProvider> implements ReactiveController {
  provider?: T;
  private linkedId?: string;

  constructor(
    private readonly host: LinkHost,
    private readonly events: Record<string, EventListener>,
    private readonly accept: (el: unknown) => el is T = isSourceProvider as (el: unknown) => el is T,
    private readonly onLink: () => void = () => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.link();
  }

  hostDisconnected(): void {
    this.swap(undefined);
  }

  hostUpdate(): void {
    if (this.host.source !== this.linkedId && this.host.isConnected) this.link();
  }

  /** Looks for the source now (a widget about to load calls it too). */
  link(): void {
    this.linkedId = this.host.source;
    const found = this.host.source ? findById(this.host, this.host.source) : null;
    this.swap(this.accept(found) ? found : undefined);
    if (!this.provider && this.host.source && !customElements.get('culture-source')) {
      customElements.whenDefined('culture-source').then(() => {
        if (this.provider || !this.host.isConnected) return;
        this.link();
        if (this.provider) this.onLink();
      });
    }
  }

  /**
   * Links, waiting first for the source when its element is in the page but not yet defined (a
   * page loading elements as they appear may define it after this widget); with no such element,
   * returns at once.
   */
  async settle(signal: AbortSignal): Promise<void> {
    this.link();
    const id = this.host.source;
    if (this.provider || !id || findById(this.host, id)?.localName !== 'culture-source' || customElements.get('culture-source')) return;
    signal.throwIfAborted();
    await Promise.race([
      customElements.whenDefined('culture-source'),
      new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })),
    ]);
    this.link();
  }

  private swap(provider: T | undefined): void {
    if (provider === this.provider) return;
    for (const [type, listener] of Object.entries(this.events)) this.provider?.removeEventListener(type, listener);
    this.provider = provider;
    for (const [type, listener] of Object.entries(this.events)) provider?.addEventListener(type, listener);
  }
}
