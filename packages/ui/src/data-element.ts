import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import {
  CultureWarning,
  categoryOrder,
  columnNamed,
  columnTitle,
  formatNumber,
  loadColumns,
  loadFilterGrammar,
  loadJoinGrammar,
  loadSentences,
  parseInput,
  parseLabels,
  resolveSource,
  runQuery,
  suggestValues,
  withComputedColumns,
  type ColumnInfo,
  type FilterClause,
  type JoinSpec,
  type Labels,
  type Lang,
  type LoadOptions,
  type Progress,
  type Query,
  type QueryResult,
  type ResolvedSource,
  type SourceSpec,
  type ValueCount,
} from '@culture-widgets/core';
import { CultureErrorEvent, CultureLoadEvent, Once, type CultureErrorDetail } from './events.js';
import { messages, resolveLang, uiErrors } from './messages.js';
import { SourceLink, findById, isSourceProvider, type SourceProvider } from './source-link.js';
import { renderCitation } from './citation.js';
import { errorDetailOf, renderErrorState, worded } from './states.js';
import { ThemeController, type ThemeSetting } from './theme.js';
import { WarningController } from './warnings.js';
import { ConnectionController, isAborted } from './connection.js';
import { baseStyles } from './styles.js';

/** What the data task hands to `render`: the resource, its columns and the element's rows. */
export interface DataState {
  source: ResolvedSource;
  /** The resource's columns, then the computed ones (`compute`). */
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
  /**
   * When nothing matched an equality filter: the clause as written and the real values closest to
   * it, with their counts (« Aucune ligne pour regions = Bretagnee. Valeurs proches : BRETAGNE (722) »).
   */
  hint?: { clause: string; values: ValueCount[] };
}

/** Shown when nothing names any data: no request is made. */
const NO_SOURCE = Symbol('no-source');

/** What the base tells `buildQuery` besides the columns and filters. */
export interface QueryContext {
  /** The element has a `join`: its expressions and `columns` may read `join.COLUMN`. */
  joined: boolean;
}

/** The source's computed columns, then the element's own (a later definition may use an earlier one). */
const joinCompute = (...parts: (string | undefined)[]): string =>
  parts.map((p) => p?.trim().replace(/;+$/, '')).filter(Boolean).join('; ');

/**
 * The base of every data element: the shared data attributes, one task that goes from them to
 * rows through core, and the closed set of states (initial, loading, empty, error, ready) with the
 * citation line. Subclasses say which query they want (`buildQuery`) and how rows look (`renderReady`).
 *
 * @fires culture-load - data is shown; `detail: { rows, total, source }` (an empty result is a `culture-load` with 0 rows)
 * @fires culture-error - loading or drawing failed; `detail: { code, message }`, also shown with `role="alert"`
 * @fires culture-warning - an attribute value was ignored or clamped, or the data left a note; `detail: { code, message, attribute, value, accepted }`, also shown (`part="warning"`) and logged
 * @csspart loading - the loading skeleton (with the download progress of a file)
 * @csspart error - the error state (`role="alert"`)
 * @csspart empty - the « Aucune ligne ne correspond » state
 * @csspart notice - the « Aucune donnée » notice, when nothing names data
 * @csspart warning - the short note about attribute values ignored or clamped
 * @csspart citation - the source line (title, producer, licence, last update)
 * @cssproperty --culture-font-family - font (default: the page's)
 * @cssproperty --culture-text-color - text (DSFR `--text-default-grey`, else #161616)
 * @cssproperty --culture-muted-color - secondary text
 * @cssproperty --culture-background - background
 * @cssproperty --culture-surface - raised surfaces (headers, notices)
 * @cssproperty --culture-border-color - borders and grid lines
 * @cssproperty --culture-accent-color - links, buttons, focus accents (DSFR blue France)
 * @cssproperty --culture-error-color - the error state
 * @cssproperty --culture-warning-color - the warning note's mark
 * @cssproperty --culture-focus-color - focus ring
 * @cssproperty --culture-radius - corner radius
 * @cssproperty --culture-color-1 - first data colour (then `--culture-color-2` … `--culture-color-8`), read at draw time
 * @cssproperty --culture-color-other - the colour of « Autres »
 */
export abstract class CultureDataElement extends LitElement {
  static override styles = baseStyles;

  /** data.gouv.fr dataset id, slug or page URL. The property is `datasetRef`: `dataset` is taken by `HTMLElement.dataset`. @editor none */
  @property({ attribute: 'dataset' }) datasetRef?: string;
  /** Resource id or URL; default: the first resource the tabular API serves. @editor none */
  @property() resource?: string;
  /** Direct URL of a file: CSV, JSON, GeoJSON, XLSX / XLS / ODS, XML or Parquet. @editor url none */
  @property() src?: string;
  /** Spreadsheets (XLSX, XLS, ODS): the sheet to read, by name or 1-based number; default the first. @editor none */
  @property() sheet?: string;
  /** XML: the repeated element that makes a row (`musee`, `mdf:musee`); default: the one found in the file. @editor none */
  @property() record?: string;
  /** Id of a `<culture-source>` to read data and live filters from. @editor none */
  @property() source?: string;
  /** Filter expression: `annee >= 2015; region in Bretagne|Normandie`. @editor filter */
  @property() filter?: string;
  /** `fr` or `en`; default: the nearest `lang` (the page's). Declared so a change redraws. */
  @property({ reflect: true }) override lang!: Lang;
  /** `auto` follows the page (OS, DSFR); `light`; `dark`. */
  @property({ reflect: true }) theme: ThemeSetting = 'auto';
  /**
   * New columns, row by row, usable wherever a column is: `decennie = decade(annee); domaine =
   * split(dompal, ';'); tranche = bin(total, 0|10000|100000); region = clean(regions)` (DESIGN § 5). @editor expression
   */
  @property() compute?: string;
  /** How columns are called on screen: `annee: Année; total: Entrées` (default: readable names). @editor labels */
  @property() labels?: string;
  /** Columns from another dataset, read as `join.COLUMN`: `pop on code_departement = DEP`, where `pop` is a `<culture-source>` id or a dataset id, slug or URL. @editor expression */
  @property() join?: string;
  /** udata API base (other portals, tests). @editor url none @default 'https://www.data.gouv.fr/api' */
  @property() api?: string;
  /** Tabular API base. @editor url none @default 'https://tabular-api.data.gouv.fr/api' */
  @property({ attribute: 'tabular-api' }) tabularApi?: string;
  /** With `source`, a click on a row, mark or feature filters the `<culture-source>` (on these columns, when named). @editor none */
  @property({ attribute: 'refine-on-click' }) refineOnClick?: string;

  /** Download progress of the current load, when a file is streamed. */
  @state() protected progress?: Progress;
  /** Bumped when the linked `<culture-source>` changes, so the task runs again. */
  @state() private sourceVersion = 0;

  /** Invalid or clamped attribute values and the data's notes: shown, fired, logged (warnings.ts). */
  protected readonly warnings = new WarningController(this);
  protected readonly themeController = new ThemeController(this, this.warnings);
  /** The `<culture-source>` named by `source`: its changes load again. */
  private readonly sourceLink = new SourceLink(this, { 'culture-filter-change': () => this.sourceVersion++ }, isSourceProvider, () => this.sourceVersion++);
  /** `culture-load` / `culture-error`, once per settled load, drawing or failure. */
  private readonly settled = new Once();
  private readonly loaded = new Once();
  private readonly failed = new Once();
  /** Removed from the page: the pending load is aborted (and runs again if the element comes back). */
  protected readonly connection = new ConnectionController(this);

  protected readonly data = new Task(this, {
    task: async (args, { signal }) => {
      try {
        return await this.loadData(signal, args.at(-1) as string);
      } catch (error) {
        // settled once the failure can be worded (decision 0016): the skeleton stays until then
        if (!isAborted(error)) await loadSentences(this.locale);
        throw error;
      }
    },
    args: () =>
      [
        this.datasetRef,
        this.resource,
        this.src,
        this.sheet,
        this.record,
        this.source,
        this.api,
        this.tabularApi,
        this.filter,
        this.compute,
        this.join,
        this.sourceVersion,
        this.compute ? this.locale : '',
        this.queryFingerprint(),
      ] as unknown[],
  });

  constructor() {
    super();
    this.connection.watch(this.data);
  }

  /** What the last load asked, and on which columns: the element's query is rebuilt on them to see whether it changed. */
  private asked?: { columns: ColumnInfo[]; filters: FilterClause[]; context: QueryContext; query: string; fingerprint: string };

  /**
   * The element's query as it would be built now, on the columns of the last load: any attribute
   * that changes the query loads again, whichever it is, and one that only changes the look does not.
   */
  private queryFingerprint(): string {
    const asked = this.asked;
    if (!asked) return '';
    let query: string;
    try {
      query = JSON.stringify(this.buildQuery(asked.columns, asked.filters, asked.context));
    } catch (error) {
      query = `error: ${String(error)}`;
    }
    return query === asked.query ? asked.fingerprint : query;
  }

  /** `fr` or `en`, from `lang` on the element, an ancestor or the page. */
  protected get locale(): Lang {
    return resolveLang(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watchJoined(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // `fr` or `en` (DESIGN § 2): another language on the element itself is said, French or English is used
    if (changed.has('lang')) {
      const own = this.getAttribute('lang')?.trim() ?? '';
      this.warnings.check('lang', !own || /^(fr|en)\b/i.test(own), own, ['fr', 'en'], this.locale);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.announce();
  }

  // --- what subclasses provide -------------------------------------------------------------

  /**
   * The query this element needs, once the columns (computed ones included) are known. The base
   * adds `compute`, `join` and `lang` to it.
   */
  protected abstract buildQuery(columns: ColumnInfo[], filters: FilterClause[], context: QueryContext): Query;

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

  /**
   * Runs the query `buildQuery` made. An element whose figure may need more than one query (a key
   * figure and its comparison, when they do not fit one) runs them here and returns the main result.
   */
  protected runData(source: ResolvedSource, query: Query, options: LoadOptions): Promise<QueryResult> {
    return runQuery(source, query, options);
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
    return { dataset: this.datasetRef, resource: this.resource, src: this.src, sheet: this.sheet, record: this.record, ...own };
  }

  private async loadData(signal: AbortSignal, fingerprint: string): Promise<DataState | typeof NO_SOURCE> {
    this.progress = undefined;
    // the filter grammar loads beside the first requests, only for an element that has a `filter`
    const grammar = this.filter ? loadFilterGrammar() : undefined;
    grammar?.catch(() => undefined); // a failed fetch is said where it is awaited, not as an unhandled rejection
    if (this.source && !this.linked) await this.sourceLink.settle(signal);
    if (this.source && !this.linked) throw uiErrors.error('no-source', { id: this.source }, 'missing-source');
    const spec = this.spec;
    if (!spec.dataset && !spec.resource && !spec.src) return NO_SOURCE;
    const onProgress = (progress: Progress) => (this.progress = progress);
    const source = await resolveSource(spec, { signal, onProgress });
    const base = await loadColumns(source, { signal, onProgress });
    const compute = joinCompute(this.linked?.compute, this.compute);
    const columns = await withComputedColumns(base, compute);
    const join = this.join?.trim() ? await this.joinSpec(this.join, spec) : undefined;
    const filters = [...(this.linked?.filters ?? []), ...(grammar && this.filter ? (await grammar).parseFilter(this.filter) : [])];
    const context = { joined: !!join };
    const own = this.buildQuery(columns, filters, context);
    this.asked = { columns, filters, context, query: JSON.stringify(own), fingerprint };
    const shaping: Pick<Query, 'compute' | 'lang'> = compute ? { compute, lang: this.locale } : {};
    // the element's own computed columns (a chart's decades) come after the author's
    const all = joinCompute(compute, own.compute);
    const query: Query = { ...own, ...(all ? { compute: all, lang: this.locale } : {}), ...(join ? { join } : {}) };
    const colored = this.colorColumns(columns);
    const [result, ...orders] = await Promise.all([
      this.runData(source, query, { signal, onProgress }),
      ...colored.map((column) => categoryOrder(source, columns, column, { signal }, shaping)),
    ]);
    this.warnings.set('data', result.warnings ?? []);
    if (result.warnings?.length) await loadSentences(this.locale); // said with the load, worded (decision 0016)
    const hint = result.total === 0 ? await this.emptyHint(source, columns, filters, shaping, signal) : undefined;
    return { source, columns, filters, query, result, orders: new Map(colored.map((column, i) => [column, orders[i]!])), ...(hint ? { hint } : {}) };
  }

  /** Nothing matched: the values closest to the first `column = value` on a text column, if any are. */
  private async emptyHint(
    source: ResolvedSource, columns: ColumnInfo[], filters: FilterClause[], shaping: Pick<Query, 'compute' | 'lang'>, signal: AbortSignal,
  ): Promise<DataState['hint']> {
    for (const [i, clause] of filters.entries()) {
      const column = clause.op === '=' ? columnNamed(clause.column, columns) : undefined;
      if (column?.type !== 'string') continue;
      const others = filters.filter((_, j) => j !== i);
      const values = await suggestValues(source, columns, { ...clause, column: column.name }, others, { signal }, shaping);
      if (values.length) return { clause: (await loadFilterGrammar()).formatFilter([clause]), values };
    }
    return undefined;
  }

  /**
   * The other side of `join`: a `<culture-source>` with that id (its dataset, filters and
   * computed columns; a change of its filters loads again), else a dataset id, slug or URL.
   */
  private async joinSpec(text: string, spec: SourceSpec): Promise<JoinSpec> {
    const { ref, left, right } = (await loadJoinGrammar()).parseJoin(text);
    let found = findById(this, ref);
    if (found?.localName === 'culture-source' && !isSourceProvider(found)) {
      await customElements.whenDefined('culture-source');
      found = findById(this, ref);
    }
    if (isSourceProvider(found)) {
      this.watchJoined(found);
      return { source: found.spec, filters: [...found.filters], ...(found.compute?.trim() ? { compute: found.compute } : {}), left, right, ref };
    }
    this.watchJoined(undefined);
    const file = 'file' in parseInput(ref);
    return { source: { ...(file ? { src: ref } : { dataset: ref }), api: spec.api, tabularApi: spec.tabularApi }, left, right, ref };
  }

  // --- labels ----------------------------------------------------------------------------------

  private parsedLabels?: { text: string; labels: Labels };

  /**
   * The author's `labels`, after those of the linked `<culture-source>` (the widget's own win); a
   * bad one is said in a note and the readable names are used.
   */
  protected get columnLabels(): Labels {
    const text = [this.linked?.columnLabels, this.labels].filter((t) => t?.trim()).join('; ');
    if (this.parsedLabels?.text !== text) {
      let labels: Labels = new Map();
      try {
        labels = parseLabels(text);
        this.warnings.set('labels', []);
      } catch {
        this.warnings.set('labels', [new CultureWarning('invalid-value', { attribute: 'labels', value: text, allowed: ['colonne: Libellé; …'], accepted: '' })]);
      }
      this.parsedLabels = { text, labels };
    }
    return this.parsedLabels.labels;
  }

  /**
   * How a column is called on screen (headers, axes, legends, tooltips, popups, summaries):
   * the author's label, else a readable name (`annee` → « Année »). CSV exports keep the names.
   */
  protected titleOf(name: string): string {
    return columnTitle(name, this.columnLabels);
  }

  // --- states ----------------------------------------------------------------------------------

  /** Renders the current state; subclasses call it from `render()`. */
  protected renderData(): TemplateResult {
    return html`${this.warnings.render()}${this.data.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      complete: (data) => (data === NO_SOURCE ? this.renderNotice(messages(this.locale).noSource) : this.renderLoaded(data)),
      error: (error) => this.renderFailure(error),
    })}`;
  }

  private renderLoaded(data: DataState): TemplateResult {
    return html`${this.isEmpty(data) ? this.renderNotice(this.emptyText(data), 'empty') : this.renderReady(data)}
    ${renderCitation(data.source.citation, this.locale)}${data.result.joined ? renderCitation(data.result.joined.citation, this.locale, { joined: true }) : nothing}`;
  }

  /** « Aucune ligne ne correspond. », or what was filtered and the closest real values. */
  protected emptyText(data: DataState): string {
    const m = messages(this.locale);
    if (!data.hint) return m.empty;
    const count = (n: number) => (Number.isFinite(n) ? ` (${formatNumber(n, this.locale)})` : '');
    return m.emptyFor(data.hint.clause, data.hint.values.map((v) => `${v.value}${count(v.count)}`).join(', '));
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

  /** The error state for `error` once its sentence can be worded (decision 0016), the loading state until then. */
  protected renderFailure(error: unknown): TemplateResult {
    return worded(this, this.locale, [error]) ? this.renderError(this.errorDetail(error)) : this.renderLoading();
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
    // an error is said once it is shown, worded: the update after its sentences load calls here again
    if (status === TaskStatus.ERROR && !isAborted(outcome) && !worded(this, this.locale, [outcome])) return;
    this.settled.run(outcome, () => {
      if (status === TaskStatus.ERROR && isAborted(outcome)) return; // the element left the page
      if (status === TaskStatus.ERROR) this.dispatchEvent(new CultureErrorEvent(this.errorDetail(this.data.error)));
      // nothing to draw: said now, even by elements that announce once drawn
      else if (outcome !== NO_SOURCE && this.isEmpty(outcome as DataState)) this.announceLoad(0);
      else if (outcome !== NO_SOURCE && this.announcesOnRender) this.announceLoad();
    });
  }

  /**
   * `culture-load` for the current data, once per `about` (drawing subclasses call it once drawn,
   * with what they drew: a resize or a theme change redraws silently).
   */
  protected announceLoad(shown?: number, about: unknown = this.data.value): void {
    const data = this.data.value;
    if (!data || data === NO_SOURCE) return;
    const { result, query } = data;
    this.loaded.run(about, () => this.dispatchEvent(
      new CultureLoadEvent({
        rows: shown ?? result.rows.length,
        total: result.total,
        source: data.source,
        path: result.path,
        steps: result.steps ?? [{ step: query.aggregates?.length ? 'groups' : 'rows', path: result.path }],
        ...(result.unmatched ? { unmatched: result.unmatched } : {}),
      }),
    ));
  }

  /**
   * Reports an error found after the data loaded (a renderer failing, a bad option), once its
   * sentence can be worded (decision 0016); once per `about` when given.
   */
  protected reportError(error: unknown, about: unknown = {}): void {
    void loadSentences(this.locale).then(() => this.failed.run(about, () => this.dispatchEvent(new CultureErrorEvent(this.errorDetail(error)))));
  }

  // --- <culture-source> ------------------------------------------------------------------------

  /** The linked `<culture-source>`, once found. */
  private get linked(): SourceProvider | undefined {
    return this.sourceLink.provider;
  }

  private joined?: SourceProvider;
  private readonly onJoinedChange = () => this.sourceVersion++;

  /** A `<culture-source>` on the other side of `join`: its filter changes load again. */
  private watchJoined(provider: SourceProvider | undefined): void {
    if (provider === this.joined) return;
    this.joined?.removeEventListener('culture-filter-change', this.onJoinedChange);
    this.joined = provider;
    provider?.addEventListener('culture-filter-change', this.onJoinedChange);
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
  return formatNumber(value, lang, { style: 'unit', unit, maximumFractionDigits: 1 });
}
