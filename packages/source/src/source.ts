import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { CultureError, formatFilter, loadSentences, parseFilter, type FilterClause, type Row, type SourceSpec } from '@culture-widgets/core';
import { CultureErrorEvent, CultureFilterChangeEvent, resolveLang, type SourceProvider } from '@culture-widgets/ui';
import {
  byColumn,
  clausesFromValues,
  pickValues,
  flatten,
  readHashFilter,
  withFilter,
  writeHashFilter,
  type LiveFilters,
  type RefineValues,
} from './filters.js';


/** Fired on the source when a control names its key (internal: summaries redraw their chips). */
export const LABELS_EVENT = 'culture-source-labels';

/**
 * One dataset and its live filters, shared by every widget that names it with `source="id"`.
 * It draws nothing: widgets placed inside it are shown as if it were not there.
 *
 * Live filters are keyed by the control that owns them (a `<culture-filter>` uses its column),
 * so each control replaces only its own clauses. Widgets that carry `refine-on-click` turn a
 * clicked bar, row or feature into `=` filters here (their `culture-select` events are caught
 * on the document). With `url-sync`, the live filters are mirrored in the page URL hash
 * (`#musees=region%20in%20Bretagne%7CNormandie`), restored on load, and the back button steps
 * through them.
 *
 * @tag culture-source
 * @fires culture-filter-change - the live filters (or the data attributes) changed; `detail.filters` holds the live clauses
 * @fires culture-error - the filters in the URL could not be read
 * @slot - widgets may be nested here; they are not hidden
 */
export class CultureSource extends LitElement implements SourceProvider {
  static override styles = css`
    :host {
      display: contents;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  /** data.gouv.fr dataset id, slug or page URL (the attribute is `dataset`). */
  @property({ attribute: 'dataset' }) datasetRef?: string;
  /** Resource id or URL; default: the first resource the tabular API serves. */
  @property() resource?: string;
  /** Direct URL of a file: CSV, JSON, GeoJSON, XLSX / XLS / ODS, XML or Parquet. */
  @property() src?: string;
  /** Spreadsheets (XLSX, XLS, ODS): the sheet to read, by name or 1-based number; default the first. */
  @property() sheet?: string;
  /** XML: the repeated element that makes a row (`musee`, `mdf:musee`); default: the one found in the file. */
  @property() record?: string;
  /** Filters every linked widget always gets (grammar of the `filter` attribute). */
  @property() filter?: string;
  /** Computed columns every linked widget and control gets (DESIGN § 5): `decennie = decade(annee); region = clean(regions)`. Filters and controls may name them. */
  @property() compute?: string;
  /**
   * How columns are called by every linked widget and control: `annee: Année; r: Région` (a
   * widget's own `labels` win). The property is `columnLabels`: `labels` names the controls' keys.
   */
  @property({ attribute: 'labels' }) columnLabels?: string;
  /** udata API base. */
  @property() api?: string;
  /** Tabular API base. */
  @property({ attribute: 'tabular-api' }) tabularApi?: string;
  /** Mirror the live filters in the page URL hash, keyed by this element's `id`. */
  @property({ type: Boolean, attribute: 'url-sync' }) urlSync = false;

  private readonly names = new Map<string, string>();

  private live: LiveFilters = new Map();
  private parsed?: { text: string; clauses: FilterClause[] };

  // --- what linked widgets and controls read -------------------------------------------------

  get spec(): SourceSpec {
    return { dataset: this.datasetRef, resource: this.resource, src: this.src, sheet: this.sheet, record: this.record, api: this.api, tabularApi: this.tabularApi };
  }

  /** The source's own `filter` clauses, then the live ones. Throws `bad-filter` on a bad `filter`. */
  get filters(): FilterClause[] {
    return [...this.ownFilters, ...flatten(this.live)];
  }

  /** The clauses of the `filter` attribute. */
  get ownFilters(): FilterClause[] {
    const text = this.filter ?? '';
    if (this.parsed?.text !== text) this.parsed = { text, clauses: text.trim() ? parseFilter(text) : [] };
    return this.parsed.clauses;
  }

  /** Live clauses by key (a column for `<culture-filter>` and `refine-on-click`). */
  get liveFilters(): LiveFilters {
    return this.live;
  }

  /** The live clauses one control owns. */
  getFilter(key: string): readonly FilterClause[] {
    return this.live.get(key) ?? [];
  }

  /** What each key is called on the page (a control's `label`), for chips and announcements. */
  get labels(): ReadonlyMap<string, string> {
    return this.names;
  }

  /** Names a key; summaries already drawn are told (`culture-source-labels`, not bubbling). */
  setLabel(key: string, label: string): void {
    if (this.names.get(key) === label) return;
    this.names.set(key, label);
    this.dispatchEvent(new Event(LABELS_EVENT));
  }

  /** Every filter but the clauses of `key`: what a facet counts under. */
  filtersExcept(key: string): FilterClause[] {
    return [...this.ownFilters, ...flatten(withFilter(this.live, key, null))];
  }

  // --- what controls call ----------------------------------------------------------------------

  /** Replaces the clauses owned by `key` (`null` or `[]` removes them). */
  setFilter(key: string, clauses: readonly FilterClause[] | null): void {
    this.commit(withFilter(this.live, key, clauses));
  }

  /** Removes every live filter (the `filter` attribute stays). */
  reset(): void {
    this.commit(new Map());
  }

  /** Click-to-filter: each column → value pair becomes an `=` filter (`null` → `is empty`). */
  refine(values: RefineValues): void {
    let next: LiveFilters = this.live;
    for (const [column, clauses] of clausesFromValues(values)) next = withFilter(next, column, clauses);
    this.commit(next);
  }

  // --- lifecycle -----------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('culture-select', this.onSelect);
    window.addEventListener('popstate', this.onHistory);
    window.addEventListener('hashchange', this.onHistory);
    // Before any widget reads the filters: a shared link opens on the filtered view.
    if (this.urlSync) this.restoreFromUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('culture-select', this.onSelect);
    window.removeEventListener('popstate', this.onHistory);
    window.removeEventListener('hashchange', this.onHistory);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) return;
    if (changed.has('urlSync') && this.urlSync) this.restoreFromUrl();
    const data: (keyof CultureSource)[] = ['datasetRef', 'resource', 'src', 'sheet', 'record', 'api', 'tabularApi', 'filter', 'compute', 'columnLabels'];
    if (data.some((name) => changed.has(name))) this.announce();
  }

  override render() {
    return html`<slot></slot>`;
  }

  // --- private helpers -------------------------------------------------------------------------

  /** Applies new live filters when they differ, mirrors them in the URL, tells the widgets. */
  private commit(next: LiveFilters, { fromUrl = false } = {}): void {
    if (formatFilter(flatten(next)) === formatFilter(flatten(this.live))) return;
    this.live = next;
    if (this.urlSync && !fromUrl) this.pushToUrl();
    this.announce();
  }

  private announce(): void {
    this.dispatchEvent(new CultureFilterChangeEvent({ filters: flatten(this.live) }));
  }

  /** The key in the hash: the element's id. */
  private get hashKey(): string {
    return this.id || 'filtres';
  }

  private pushToUrl(): void {
    const hash = writeHashFilter(location.hash, this.hashKey, formatFilter(flatten(this.live)));
    if (hash === location.hash || (hash === '' && location.hash === '#')) return;
    history.pushState(history.state, '', `${location.pathname}${location.search}${hash}`);
  }

  private restoreFromUrl(): void {
    const text = readHashFilter(location.hash, this.hashKey) ?? '';
    try {
      this.commit(byColumn(parseFilter(text)), { fromUrl: true });
    } catch (error) {
      // A hand-edited link: keep the current filters and say why, in words (decision 0016).
      const lang = resolveLang(this);
      void loadSentences(lang).then(() => {
        const message = error instanceof CultureError ? error.messageIn(lang) : String(error);
        this.dispatchEvent(new CultureErrorEvent({ code: 'bad-filter', message }));
      });
    }
  }

  /** Back / forward (popstate) and hand-edited hashes (hashchange). */
  private readonly onHistory = () => {
    if (this.urlSync) this.restoreFromUrl();
  };

  /**
   * `culture-select` from a widget linked here that carries `refine-on-click`: its `detail.values`
   * (a bar's category, a feature's code), or with `refine-on-click="col1, col2"` those columns
   * of the clicked row (a table row).
   */
  private readonly onSelect = (event: Event) => {
    const { detail } = event as Event & { detail?: { row?: Row; values?: RefineValues } };
    if (!detail || !this.id) return;
    const widget = event
      .composedPath()
      .find((node): node is Element => node instanceof Element && node.hasAttribute('refine-on-click'));
    if (widget?.getAttribute('source') !== this.id) return;
    const values = pickValues(widget.getAttribute('refine-on-click') ?? '', detail);
    if (values) this.refine(values);
  };
}
