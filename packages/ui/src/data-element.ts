import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import {
  categoryOrder,
  loadColumns,
  parseFilter,
  resolveSource,
  runQuery,
  type ColumnInfo,
  type FilterClause,
  type Lang,
  type Progress,
  type Query,
  type QueryResult,
  type ResolvedSource,
  type SourceSpec,
} from '@culture-widgets/core';
import { CultureErrorEvent, CultureLoadEvent, type CultureErrorDetail } from './events.js';
import { messages, resolveLang, uiErrors } from './messages.js';
import { findById, isSourceProvider, type SourceProvider } from './source-link.js';
import { renderCitation } from './citation.js';
import { errorDetailOf, renderErrorState } from './states.js';
import { ThemeController, type ThemeSetting } from './theme.js';
import { WarningController } from './warnings.js';
import { baseStyles } from './styles.js';

/** What the data task hands to `render`: the resource, its columns and the element's rows. */
export interface DataState {
  source: ResolvedSource;
  columns: ColumnInfo[];
  /** Source filters and the element's own `filter`, parsed. */
  filters: FilterClause[];
  query: Query;
  result: QueryResult;
  /**
   * For each column `colorColumns` named: its values in the unfiltered data, most frequent first.
   * Category colours follow this order, so a filter never repaints a category.
   */
  orders: ReadonlyMap<string, readonly string[]>;
}

/** Shown when nothing names any data: no request is made. */
const NO_SOURCE = Symbol('no-source');

/**
 * The base of every data element: the shared data attributes, one task that goes from them to
 * rows through core, and the closed set of states (initial, loading, empty, error, ready) with the
 * citation line. Subclasses say which query they want (`buildQuery`) and how rows look (`renderReady`).
 */
export abstract class CultureDataElement extends LitElement {
  static override styles = baseStyles;

  /**
   * data.gouv.fr dataset id, slug or page URL. The property is `datasetRef`: `dataset` is taken by
   * `HTMLElement.dataset`.
   */
  @property({ attribute: 'dataset' }) datasetRef?: string;
  /** Resource id or URL; default: the first resource the tabular API serves. */
  @property() resource?: string;
  /** Direct URL of a CSV, JSON or GeoJSON file. */
  @property() src?: string;
  /** Id of a `<culture-source>` to read data and live filters from. */
  @property() source?: string;
  /** Filter expression: `annee >= 2015; region in Bretagne|Normandie`. */
  @property() filter?: string;
  /** udata API base (other portals, tests). */
  @property() api?: string;
  /** Tabular API base. */
  @property({ attribute: 'tabular-api' }) tabularApi?: string;
  /** `auto` follows the page (OS, DSFR); `light`; `dark`. */
  @property({ reflect: true }) theme: ThemeSetting = 'auto';

  /** Download progress of the current load, when a file is streamed. */
  @state() protected progress?: Progress;
  /** Bumped when the linked `<culture-source>` changes, so the task runs again. */
  @state() private sourceVersion = 0;

  /** Invalid or clamped attribute values and the data's notes: shown, fired, logged (warnings.ts). */
  protected readonly warnings = new WarningController(this);
  protected readonly themeController = new ThemeController(this, this.warnings);
  private linked?: SourceProvider;
  private announced?: unknown;

  protected readonly data = new Task(this, {
    task: async (_args, { signal }) => this.loadData(signal),
    args: () =>
      [
        this.datasetRef,
        this.resource,
        this.src,
        this.source,
        this.api,
        this.tabularApi,
        this.filter,
        this.sourceVersion,
        ...this.queryKey(),
      ] as unknown[],
  });

  /** `fr` or `en`, from `lang` on the element, an ancestor or the page. */
  protected get locale(): Lang {
    return resolveLang(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.linkSource();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unlinkSource();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source') && this.isConnected) this.linkSource();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.announce();
  }

  // --- what subclasses provide -------------------------------------------------------------

  /** The element's own attributes that change its query (primitives). */
  protected abstract queryKey(): unknown[];

  /** The query this element needs, once the columns are known. */
  protected abstract buildQuery(columns: ColumnInfo[], filters: FilterClause[]): Query;

  /** The ready state. */
  protected abstract renderReady(data: DataState): TemplateResult;

  /**
   * Subclasses that draw asynchronously (Vega, Leaflet) return false and call `announceLoad()`
   * themselves once drawn.
   */
  protected get announcesOnRender(): boolean {
    return true;
  }

  /**
   * Columns whose values get category colours (a chart's series, a map's `color`): their order in
   * the unfiltered data is loaded with the rows (free from the profile's most frequent values, else
   * one grouped count every widget of the resource shares).
   */
  protected colorColumns(_columns: ColumnInfo[]): string[] {
    return [];
  }

  /** Empty results get the empty state unless the element shows something useful anyway. */
  protected isEmpty(data: DataState): boolean {
    return data.result.rows.length === 0;
  }

  // --- the data path -------------------------------------------------------------------------

  /** The spec from this element's attributes, or from its `<culture-source>`. */
  protected get spec(): SourceSpec {
    const own = { api: this.api, tabularApi: this.tabularApi };
    if (this.linked) return { ...this.linked.spec, ...defined(own) };
    return { dataset: this.datasetRef, resource: this.resource, src: this.src, ...own };
  }

  private async loadData(signal: AbortSignal): Promise<DataState | typeof NO_SOURCE> {
    this.progress = undefined;
    if (this.source && !this.linked) this.linkSource();
    if (this.source && !this.linked) throw uiErrors.error('no-source', { id: this.source }, 'missing-source');
    const spec = this.spec;
    if (!spec.dataset && !spec.resource && !spec.src) return NO_SOURCE;
    const onProgress = (progress: Progress) => (this.progress = progress);
    const source = await resolveSource(spec, { signal, onProgress });
    const columns = await loadColumns(source, { signal, onProgress });
    const filters = [...(this.linked?.filters ?? []), ...(this.filter ? parseFilter(this.filter) : [])];
    const query = this.buildQuery(columns, filters);
    const colored = this.colorColumns(columns);
    const [result, ...orders] = await Promise.all([
      runQuery(source, query, { signal, onProgress }),
      ...colored.map((column) => categoryOrder(source, columns, column, { signal })),
    ]);
    this.warnings.set('data', result.warnings ?? []);
    return { source, columns, filters, query, result, orders: new Map(colored.map((column, i) => [column, orders[i]!])) };
  }

  // --- states ----------------------------------------------------------------------------------

  /** Renders the current state; subclasses call it from `render()`. */
  protected renderData(): TemplateResult {
    return html`${this.warnings.render()}${this.data.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      complete: (data) => (data === NO_SOURCE ? this.renderNotice(messages(this.locale).noSource) : this.renderLoaded(data)),
      error: (error) => this.renderError(this.errorDetail(error)),
    })}`;
  }

  private renderLoaded(data: DataState): TemplateResult {
    return html`${this.isEmpty(data) ? this.renderNotice(messages(this.locale).empty, 'empty') : this.renderReady(data)}
    ${renderCitation(data.source.citation, this.locale)}`;
  }

  /** Skeleton, with the download progress once a file is streamed. */
  protected renderLoading(): TemplateResult {
    const m = messages(this.locale);
    const progress = this.progress;
    return html`<div class="state loading" part="loading" aria-busy="true">
      <span class="visually-hidden" role="status">${m.loading}</span>
      <div class="skeleton-line short"></div>
      ${progress && progress.loaded > 0
        ? html`<div class="progress">
            ${progress.total
              ? html`<progress max=${progress.total} value=${progress.loaded} aria-label=${m.loading}></progress>
                  <span>${m.downloadedOf(bytes(progress.loaded, this.locale), bytes(progress.total, this.locale))}</span>`
              : html`<span>${m.downloaded(bytes(progress.loaded, this.locale))}</span>`}
          </div>`
        : nothing}
      <div class="skeleton-block"></div>
      <div class="skeleton-line long"></div>
    </div>`;
  }

  protected renderNotice(text: string, part = 'notice'): TemplateResult {
    return html`<div class="state notice" part=${part}><p>${text}</p></div>`;
  }

  protected renderError(detail: CultureErrorDetail): TemplateResult {
    return renderErrorState(detail, this.locale);
  }

  protected errorDetail(error: unknown): CultureErrorDetail {
    return errorDetailOf(error, this.locale);
  }

  // --- events ---------------------------------------------------------------------------------

  /** Dispatches `culture-load` / `culture-error` once per settled task, after it is rendered. */
  private announce(): void {
    const status = this.data.status;
    if (status !== TaskStatus.COMPLETE && status !== TaskStatus.ERROR) return;
    const outcome = status === TaskStatus.COMPLETE ? this.data.value : this.data.error;
    if (outcome === this.announced) return;
    this.announced = outcome;
    if (status === TaskStatus.ERROR) {
      this.dispatchEvent(new CultureErrorEvent(this.errorDetail(this.data.error)));
    } else if (outcome !== NO_SOURCE && this.announcesOnRender) {
      this.announceLoad();
    }
  }

  /** `culture-load` for the current data (drawing subclasses call it once drawn). */
  protected announceLoad(shown?: number): void {
    const data = this.data.value;
    if (!data || data === NO_SOURCE) return;
    this.dispatchEvent(
      new CultureLoadEvent({ rows: shown ?? data.result.rows.length, total: data.result.total, source: data.source }),
    );
  }

  /** Reports an error found after the data loaded (a renderer failing, a bad option). */
  protected reportError(detail: CultureErrorDetail): void {
    this.dispatchEvent(new CultureErrorEvent(detail));
  }

  // --- <culture-source> ------------------------------------------------------------------------

  private readonly onSourceChange = () => this.sourceVersion++;

  private linkSource(): void {
    const found = this.source ? findById(this, this.source) : null;
    const provider = isSourceProvider(found) ? found : undefined;
    if (provider === this.linked) return;
    this.unlinkSource();
    this.linked = provider;
    provider?.addEventListener('culture-filter-change', this.onSourceChange);
    if (!provider && this.source) {
      // The source may be upgraded later than this widget: look again once it is defined.
      customElements.whenDefined('culture-source').then(() => {
        if (!this.linked && this.isConnected) {
          this.linkSource();
          if (this.linked) this.sourceVersion++;
        }
      });
    }
  }

  private unlinkSource(): void {
    this.linked?.removeEventListener('culture-filter-change', this.onSourceChange);
    this.linked = undefined;
  }

  /** The linked source, for click-to-filter. */
  protected get linkedSource(): SourceProvider | undefined {
    return this.linked;
  }
}

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;

function bytes(n: number, lang: Lang): string {
  const mb = n / 1_000_000;
  const [value, unit] = mb >= 1 ? [mb, 'megabyte'] : [n / 1000, 'kilobyte'];
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}
