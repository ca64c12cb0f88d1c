import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import {
  columnNamed, formatNumber, isNumeric, loadSentences, parseList,
  type ColumnInfo, type FilterClause, type LoadOptions, type Query, type QueryResult, type ResolvedSource, type SortKey,
} from '@culture-widgets/core';
import { CultureDataElement, CultureSelectEvent, RowNavigation, SIZE_RANGES, baseStyles, renderCitation, styleProps, type DataState, type QueryContext } from '@culture-widgets/ui';
import { nextSort, parseSort, resolveSort, selectColumns } from './columns.js';
import { barDomain } from './cells.js';
import { tableMessages, tableNotes } from './messages.js';
import { BLOCK_SIZE, pageSizeChoices, pageWindow } from './paging.js';
import { renderTable } from './render-table.js';
import { cultureTableStyles, tableStyles } from './table.styles.js';
import type { VirtualRows } from './virtual.js';

/** Waits for the reader to pause before asking the server. */
const SEARCH_DELAY = 300;
const DEFAULT_PAGE_SIZE = 20;

/**
 * A searchable, sortable, paginated (or virtually scrolled) table of any data.gouv.fr resource.
 *
 * ```html
 * <culture-table dataset="frequentation-des-musees-de-france-1"
 *                columns="nom_du_musee, ville, annee, total" sort="-total" search download></culture-table>
 * ```
 *
 * Rows come from core (`runQuery`): on the tabular path sorting, searching and paging run on the
 * server, so a 500,000-row resource costs one page. Cells are text: numbers, dates and booleans
 * are formatted for the reader's language, only http(s) URLs become links.
 *
 * @tag culture-table
 * @fires culture-select - a row was activated (click, or Enter on a focused row); `detail.row`.
 * @csspart toolbar - the bar above the table (search box, download button)
 * @csspart search - the search input
 * @csspart download - the download button
 * @csspart frame - the box the table scrolls in (sideways on a phone, both ways with `height`)
 * @csspart table - the `<table>`
 * @csspart title - the visible title above the scrolling frame (the `title`, else the dataset title)
 * @csspart caption - the table's caption, for screen readers (same text)
 * @csspart head - the header row group
 * @csspart header - a header cell
 * @csspart sort-button - a header's sort button
 * @csspart body - the body row group
 * @csspart row - a body row
 * @csspart cell - a body cell
 * @csspart bar - the in-cell bar of a `bars` column
 * @csspart pager - the pagination bar
 * @csspart count - the row count of a virtually scrolled table
 * @csspart scroll-hint - « Faites défiler horizontalement » on a narrow screen
 * @cssproperty --culture-table-row-height - row height (default `2.5rem`)
 * @cssproperty --culture-table-header-background - header cells (default: the surface colour)
 * @cssproperty --culture-table-stripe - background of every other row (default `transparent`)
 * @cssproperty --culture-table-bar-color - in-cell bars (default `--culture-color-1`)
 * @cssproperty --culture-table-column-width - column width of a virtually scrolled table (default `10rem`)
 */
export class CultureTable extends CultureDataElement {
  static override styles = [...baseStyles, tableStyles, cultureTableStyles];

  /** Columns shown, in order (comma list; quote names holding commas). Default: all. @editor columns */
  @property() columns?: string;
  /** Initial sort: `-total`, `annee, -total` (a `-` sorts descending). A header click replaces it. @editor sort */
  @property() sort?: string;
  /** Rows per page (1–1,000). @editor number @default 20 */
  @property({ attribute: 'page-size' }) pageSize?: string;
  /** Shows a search box: « contains » over the text columns shown (on the server on the tabular path). */
  @property({ type: Boolean }) search = false;
  /** Shows a button that downloads the current view as CSV (`;`, UTF-8 BOM). */
  @property({ type: Boolean }) download = false;
  /** Numeric columns drawn with an in-cell bar (comma list). @editor numeric-columns @advanced */
  @property() bars?: string;
  /** A fixed height (`480` px, `30rem`, `60vh`; 50–5,000 px): the body scrolls virtually instead of paging. @advanced */
  @property() height?: string;
  /** Caption of the table; default: the dataset title. @editor words */
  @property() override title = '';

  @state() private page = 0;
  /** The sort a header click chose; `undefined` follows the `sort` attribute. */
  @state() private userSort?: SortKey[];
  @state() private searchText = '';
  @state() private downloading = false;
  @state() private downloadNote?: { text: string; alert: boolean };

  @query('.frame') private frame?: HTMLElement;
  /** Columns hidden past the frame's start and end edges (a phone scrolls the table sideways). */
  @state() private hiddenSides = { start: false, end: false };
  private readonly resizeObserver = new ResizeObserver(() => this.measureSides());
  private observedFrame?: HTMLElement;

  /** The virtually scrolled body: its code loads with the first `height` (not in the first load). */
  private virtualRows?: VirtualRows;
  private virtualCode?: Promise<void>;
  private readonly rowNavigation = new RowNavigation(this, (index) => this.select(index));
  private searchTimer?: ReturnType<typeof setTimeout>;
  private downloadController?: AbortController;
  /** The view (everything but page, sort and search) each query was built for. */
  private readonly views = new WeakMap<Query, string>();

  // --- lifecycle -----------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.downloadController?.abort();
    this.resizeObserver.disconnect();
    this.observedFrame = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const has = (name: string) => (changed as Map<PropertyKey, unknown>).has(name);
    if (has('sort')) this.userSort = undefined;
    // `sourceVersion` is the base's counter of live filter changes on a linked <culture-source>.
    if (['sort', 'userSort', 'searchText', 'pageSize', 'columns', 'filter', 'datasetRef', 'resource', 'src', 'source', 'sourceVersion', 'height'].some(has)) {
      this.page = 0;
    }
    if (has('search') && !this.search) this.searchText = '';
    if (this.virtual && !this.virtualRows) void this.loadVirtual();
    this.virtualRows?.reset(this.virtual ? this.readyData : undefined);
  }

  /** Loads the virtual body once; the data task waits for it, so rows never show without it. */
  private loadVirtual(): Promise<void> {
    this.virtualCode ??= import('./virtual.js').then(
      ({ VirtualRows }) => {
        this.virtualRows = new VirtualRows(this);
        this.requestUpdate();
      },
      (error: unknown) => {
        this.virtualCode = undefined;
        throw error;
      },
    );
    return this.virtualCode;
  }

  protected override async runData(source: ResolvedSource, query: Query, options: LoadOptions): Promise<QueryResult> {
    const [result] = await Promise.all([super.runData(source, query, options), this.virtual ? this.loadVirtual() : undefined]);
    return result;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.virtualRows?.attach(this.virtual ? (this.frame ?? null) : null);
    if (this.frame !== this.observedFrame) {
      this.resizeObserver.disconnect();
      this.observedFrame = this.frame;
      if (this.frame) this.resizeObserver.observe(this.frame);
    }
    this.measureSides();
  }

  /** Which edges hide columns; RTL scrollLeft is negative, hence the absolute value. */
  private measureSides(): void {
    const frame = this.frame;
    const overflow = frame ? frame.scrollWidth - frame.clientWidth : 0;
    const scrolled = frame ? Math.abs(frame.scrollLeft) : 0;
    const sides = { start: overflow > 1 && scrolled > 1, end: overflow > 1 && scrolled < overflow - 1 };
    if (sides.start !== this.hiddenSides.start || sides.end !== this.hiddenSides.end) this.hiddenSides = sides;
  }

  private readonly onFrameScroll = () => this.measureSides();

  // --- the query -------------------------------------------------------------------------------


  protected buildQuery(columns: ColumnInfo[], filters: FilterClause[], { joined }: QueryContext): Query {
    const sort = resolveSort(this.currentSort, columns);
    const query: Query = {
      filters,
      ...(this.searchText ? { search: this.searchText } : {}),
      ...(this.columns ? { columns: this.requestedColumns(columns, joined) } : {}),
      ...(sort.length ? { sort } : {}),
      offset: this.virtual ? 0 : this.page * this.rowsPerPage,
      limit: this.virtual ? BLOCK_SIZE : this.rowsPerPage,
    };
    this.views.set(query, this.viewKey());
    return query;
  }

  /** The table never switches to the shared empty notice: it keeps its header and search box. */
  protected override isEmpty(): boolean {
    return false;
  }

  // --- rendering -------------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`${this.renderToolbar()}${this.renderBody()}`;
  }

  protected renderReady(data: DataState): TemplateResult {
    return this.renderView(data, false);
  }

  private renderBody(): TemplateResult {
    // Paging, sorting or searching the same view keeps its rows (dimmed, aria-busy) until the
    // next ones arrive; anything else (dataset, filter…) goes back to the skeleton.
    const last = this.data.value;
    if (this.data.status === TaskStatus.PENDING && isData(last) && this.views.get(last.query) === this.viewKey()) {
      return html`${this.renderView(last, true)}${renderCitation(last.source.citation, this.locale)}${last.result.joined ? renderCitation(last.result.joined.citation, this.locale, { joined: true }) : nothing}`;
    }
    return this.renderData();
  }

  private renderToolbar(): TemplateResult | typeof nothing {
    if (!this.search && !this.download) return nothing;
    const m = tableMessages(this.locale);
    const ready = isData(this.data.value) && this.data.status !== TaskStatus.ERROR;
    return html`<div class="toolbar" part="toolbar">
      ${this.search
        ? html`<form class="search" role="search" @submit=${this.onSearchSubmit}>
            <label for="search">${m.search}</label>
            <input id="search" part="search" type="search" name="search" autocomplete="off"
              placeholder=${m.searchPlaceholder} .value=${this.searchText} @input=${this.onSearchInput} />
          </form>`
        : nothing}
      ${this.download
        ? html`<div>
            <button type="button" class="button primary" part="download" ?disabled=${!ready || this.downloading}
              aria-busy=${this.downloading ? 'true' : 'false'} @click=${this.onDownload}>
              ${this.downloading ? m.downloading : m.download}
            </button>
            ${this.downloadNote
              ? html`<p class="note" role=${this.downloadNote.alert ? 'alert' : 'status'}>${this.downloadNote.text}</p>`
              : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  private renderView(data: DataState, busy: boolean): TemplateResult {
    const m = tableMessages(this.locale);
    // joined columns (`join.population`) are known once the other side answered
    const available = [...data.columns, ...data.result.columns.filter((column) => /^join\./i.test(column.name))];
    const { columns, unknown: unknownColumns } = selectColumns(parseList(this.columns), available);
    // Names the author typed that match nothing are said (a note, culture-warning), not silently dropped.
    const bars = parseList(this.bars);
    const sort = parseSort(this.sort);
    const known = (name: string) => !!columnNamed(name, data.columns);
    this.unknownNames('columns', this.columns, unknownColumns, columns.map((c) => c.name));
    this.unknownNames('bars', this.bars, bars.filter((name) => !known(name)), bars.filter(known));
    this.unknownNames('sort', this.sort, sort.filter((key) => !known(key.column)).map((key) => key.column),
      sort.filter((key) => known(key.column)).map((key) => `${key.descending ? '-' : ''}${key.column}`));
    const rows = this.virtualRows && this.virtual ? this.virtualRows.rows() : data.result.rows;
    const caption = this.title || data.source.citation.datasetTitle;
    const sideways = this.hiddenSides.start || this.hiddenSides.end;
    const window = this.virtual ? this.virtualRows?.window : undefined;
    const firstIndex = window ? window.start : pageWindow(this.page, this.rowsPerPage, data.result.total).offset;
    const table = renderTable({
      columns,
      rows,
      lang: this.locale,
      caption,
      // The visible title sits above the frame (a caption inside it scrolls away on a phone).
      captionHidden: true,
      sort: resolveSort(this.currentSort, data.columns),
      onSort: this.onSort,
      bars: this.barDomains(columns, data),
      firstIndex,
      totalRows: data.result.total,
      spacers: window ? { before: window.before, after: window.after } : undefined,
      focusRow: Math.max(firstIndex, Math.min(this.rowNavigation.focusRow, firstIndex + rows.length - 1)),
      emptyText: data.hint ? this.emptyText(data) : m.noRows,
      titleOf: (name) => this.titleOf(name),
    });
    return html`<p class="title" part="title" aria-hidden="true">${caption}</p>
      ${sideways ? html`<p class="scroll-hint" part="scroll-hint" id="scroll-hint">${m.scrollHint}</p>` : nothing}
      <div class="frame-shadows ${this.hiddenSides.start ? 'more-start' : ''} ${this.hiddenSides.end ? 'more-end' : ''}">
        <div class="frame ${this.virtual ? 'virtual' : ''} ${busy ? 'busy' : ''}" part="frame" tabindex="0" role="region"
          aria-label=${caption} aria-describedby=${sideways ? 'scroll-hint' : nothing} aria-busy=${busy ? 'true' : 'false'}
          ${styleProps(this.virtual ? { height: this.frameHeight, '--_columns': String(columns.length) } : {})}
          @click=${this.rowNavigation.onClick} @keydown=${this.rowNavigation.onKeydown} @scroll=${this.onFrameScroll}>
          ${table}
        </div>
      </div>
      ${this.virtual ? this.renderCount(data.result.total) : this.renderPager(data.result.total)}`;
  }

  private renderPager(total: number): TemplateResult | typeof nothing {
    if (total === 0) return nothing;
    const m = tableMessages(this.locale);
    const n = (value: number) => formatNumber(value, this.locale);
    const w = pageWindow(this.page, this.rowsPerPage, total);
    const go = (page: number) => () => (this.page = page);
    return html`<nav class="pager" part="pager" aria-label=${m.pagination}>
      <p class="range" role="status">${m.rowRange(n(w.first), n(w.last), n(total))}</p>
      ${w.pages > 1
        ? html`<div class="pages">
            <button type="button" class="button" aria-label=${m.firstPage} ?disabled=${w.page === 0} @click=${go(0)}>«</button>
            <button type="button" class="button" aria-label=${m.previousPage} ?disabled=${w.page === 0} @click=${go(w.page - 1)}>‹</button>
            <span>${m.pageOf(n(w.page + 1), n(w.pages))}</span>
            <button type="button" class="button" aria-label=${m.nextPage} ?disabled=${w.page >= w.pages - 1} @click=${go(w.page + 1)}>›</button>
            <button type="button" class="button" aria-label=${m.lastPage} ?disabled=${w.page >= w.pages - 1} @click=${go(w.pages - 1)}>»</button>
          </div>`
        : nothing}
      <label>${m.pageSize}
        <select @change=${this.onPageSize}>
          ${pageSizeChoices(this.rowsPerPage).map((size) => html`<option value=${size} ?selected=${size === this.rowsPerPage}>${size}</option>`)}
        </select>
      </label>
    </nav>`;
  }

  private renderCount(total: number): TemplateResult {
    return html`<p class="count" part="count" role="status">${tableMessages(this.locale).rowCount(formatNumber(total, this.locale))}</p>`;
  }

  // --- handlers --------------------------------------------------------------------------------

  private readonly onSort = (column: string) => {
    this.userSort = nextSort(this.currentSort, column);
  };

  private readonly onSearchInput = (event: InputEvent) => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.searchText = value.trim()), SEARCH_DELAY);
  };

  private readonly onSearchSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.searchText = ((event.target as HTMLFormElement).elements.namedItem('search') as HTMLInputElement).value.trim();
  };

  private readonly onPageSize = (event: Event) => {
    this.pageSize = (event.target as HTMLSelectElement).value;
  };

  private readonly onDownload = async () => {
    const data = this.data.value;
    if (!isData(data)) return;
    const m = tableMessages(this.locale);
    this.downloadController?.abort();
    const controller = (this.downloadController = new AbortController());
    this.downloading = true;
    this.downloadNote = undefined;
    try {
      const { saveView } = await import('./download.js');
      const { source, query, columns } = data;
      const { cutAt } = await saveView({ source, query, columns, shown: this.columns, dataset: this.datasetRef, lang: this.locale }, controller.signal);
      if (cutAt) this.downloadNote = { text: m.downloadTruncated(formatNumber(cutAt, this.locale)), alert: false };
    } catch (error) {
      if (controller.signal.aborted) return;
      await loadSentences(this.locale);
      this.downloadNote = { text: this.errorDetail(error).message, alert: true };
      this.reportError(error);
    } finally {
      if (this.downloadController === controller) this.downloading = false;
    }
  };

  // --- helpers ---------------------------------------------------------------------------------

  private get virtual(): boolean {
    return this.frameHeight !== undefined;
  }

  /** The `height` as CSS (`480` is px), kept within 50–5,000 px (DESIGN § Events, said when clamped). */
  private get frameHeight(): string | undefined {
    const text = this.height?.trim() ?? '';
    const m = /^(\d+(?:\.\d+)?)(px|rem|em|vh|svh|dvh|%)?$/.exec(text);
    this.warnings.check('height', !text || !!m, text, ['480', '30rem', '60vh', '100%'], undefined);
    if (!m) return undefined;
    const { min, max } = SIZE_RANGES.height;
    if (!m[2] || m[2] === 'px') return `${this.warnings.size('height', m[1], SIZE_RANGES.height)}px`;
    return `clamp(${min}px, ${text}, ${max}px)`;
  }

  /** A `culture-warning` (and the note) for the names of `attribute` that match no column; `accepted`: the names kept. */
  private unknownNames(attribute: string, value: string | undefined, unknown: string[], accepted: string[]): void {
    this.warnings.set(attribute, unknown.length
      ? [tableNotes.warning('invalid-value', { attribute, value: value ?? '', names: unknown, accepted: accepted.join(', ') }, 'unknown-columns')]
      : []);
  }

  private get rowsPerPage(): number {
    return this.warnings.size('page-size', this.pageSize, SIZE_RANGES.pageSize) ?? DEFAULT_PAGE_SIZE;
  }

  private get currentSort(): SortKey[] {
    return this.userSort ?? parseSort(this.sort);
  }

  private get readyData(): DataState | undefined {
    const value = this.data.value;
    return this.data.status === TaskStatus.COMPLETE && isData(value) ? value : undefined;
  }

  /** Everything that changes which rows exist, as opposed to which page of them is shown. */
  private viewKey(): string {
    return JSON.stringify([this.datasetRef, this.resource, this.src, this.source, this.api, this.tabularApi, this.filter, this.columns, this.virtual]);
  }

  private shownColumns(columns: ColumnInfo[]): ColumnInfo[] {
    return selectColumns(parseList(this.columns), columns).columns;
  }

  /** The columns asked for, in order: real and computed ones, and with a `join` the `join.COLUMN` ones. */
  private requestedColumns(columns: ColumnInfo[], joined: boolean): string[] {
    const known = new Set(this.shownColumns(columns).map((column) => column.name));
    return parseList(this.columns).flatMap((name) => {
      if (joined && /^join\./i.test(name)) return [name];
      const column = columnNamed(name, columns);
      return column && known.has(column.name) ? [column.name] : [];
    });
  }

  private barDomains(shown: ColumnInfo[], data: DataState): Map<string, [number, number]> {
    const domains = new Map<string, [number, number]>();
    for (const name of parseList(this.bars)) {
      const column = columnNamed(name, shown);
      if (column && isNumeric(column)) domains.set(column.name, barDomain(column, data.result.rows));
    }
    return domains;
  }

  private select(index: number): void {
    const data = this.data.value;
    if (!isData(data)) return;
    const row = this.virtual ? this.virtualRows?.rowAt(index) : data.result.rows[index - pageWindow(this.page, this.rowsPerPage, data.result.total).offset];
    if (row) this.dispatchEvent(new CultureSelectEvent({ row }));
  }
}

function isData(value: unknown): value is DataState {
  return typeof value === 'object' && value !== null && 'result' in value;
}

