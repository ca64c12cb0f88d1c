import { adoptStyles, html, nothing, type CSSResultOrNative, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { AGGREGATE_OPS, csvDecimal, parseList, parseName, slugify, toCSV, type AggregateOp, type ColumnInfo, type CultureError, type FilterClause, type Query } from '@culture-widgets/core';
import {
  CultureDataElement, CultureSelectEvent, MenuController, SIZE_RANGES, baseStyles, csvFile, formatDay, menuStyles, readPalette, readToken, saveFile,
  styleProps,
  type CultureErrorDetail, type DataState,
} from '@culture-widgets/ui';
import type { TopLevelSpec } from 'vega-lite';
import { chartStyles } from './chart.styles.js';
import { boundWarnings, chartQuery, toChartData, type ChartData, type ChartDatum } from './data.js';
import { describeChart } from './describe.js';
import { formatRoundedNumber } from './locale.js';
import { chartErrors, chartMessages, chartWarning } from './messages.js';
import {
  CUMULATIVES, TYPE_SETTINGS, SORT_ORDERS, STACKS, TIME_UNITS, resolveChart,
  type ChartOptions, type ChartWarning, type Cumulative, type ResolvedChart, type SortOrder, type StackSetting, type TimeUnit, type TypeSetting,
} from './options.js';
import { chartTable, datumRow } from './twin.js';
import { markAnnouncement, markLanes, moveMark, type MarkPosition } from './keyboard.js';
import { loadVega, renderImage, VegaRenderer } from './renderer.js';
import { DEFAULT_THEME, type ChartTheme } from './theme.js';
import { valueTitle } from './titles.js';

/** The spec builder comes with Vega, on first draw: the first load is the skeleton, the data and the text. */
const loadSpec = () => import('./spec.js');
/** The data table view is the table package's: it loads when a reader opens it, never with the chart. */
const loadTableView = () => import('@culture-widgets/table').then(({ renderTable, tableStyles }) => ({ renderTable, tableStyles }));
type TableView = Awaited<ReturnType<typeof loadTableView>>;

/** What the ready state draws, derived from the data and the attributes. */
interface Prepared {
  chart: ResolvedChart;
  data: ChartData;
  description: string;
  /** Attribute values ignored, and a highlight matching nothing drawn. */
  warnings: ChartWarning[];
}

/**
 * The right chart from a data.gouv.fr resource, in one tag. Drawn with Vega-Lite, compiled and
 * rendered by Vega in interpreter mode (no `eval`: works under a strict CSP).
 *
 * ```html
 * <culture-chart dataset="frequentation-des-musees-de-france-1" x="annee" y="total"
 *                filter="region = Bretagne" title="Entrées dans les musées bretons"></culture-chart>
 * ```
 *
 * The query groups and aggregates on the tabular API when it allows it, else locally (core
 * decides): a chart never downloads the rows of a large resource.
 *
 * @tag culture-chart
 * @fires culture-select - a mark was clicked (or Enter on the mark the keyboard stands on); `detail.row` (the drawn values), `detail.values` (category, series, facet: column → value). With `source="id"` and `refine-on-click`, the `<culture-source>` turns the click into a filter every linked widget follows.
 * @csspart figure - the chart, its title and menu
 * @csspart title - the `title` heading
 * @csspart menu-button - the button opening the options menu
 * @csspart menu - the options menu (downloads, data table)
 * @csspart chart - the drawing (`role="application"`: Tab reaches it, the arrow keys walk its marks)
 * @csspart focus-ring - the ring around the mark the keyboard stands on
 * @csspart tooltip - the tooltip (plain text)
 * @csspart description - the text alternative (visually hidden)
 * @csspart note - the line under the bars saying « Autres » was left off (larger than every bar)
 * @csspart data-table - the data shown as a table
 * @cssproperty --culture-chart-min-height - space kept for the drawing (default `12rem`)
 * @cssproperty --culture-tooltip-background - tooltip background
 * @cssproperty --culture-tooltip-color - tooltip text
 */
export class CultureChart extends CultureDataElement {
  static override styles = [...baseStyles, menuStyles, chartStyles];

  /** `auto` (default: chosen from the column profile), `column` (vertical bars), `bar` (horizontal), `line`, `area`, `scatter`, `pie`, `donut`, `heatmap`. */
  @property() type: TypeSetting = 'auto';
  /**
   * Column on the x axis (categories, years, dates; a computed column too). For a scatter of groups, an aggregate expression (`prix = sum(recette) / sum(nb_billets)`). Default: chosen from the profile.
   * @editor column
   */
  @property() x?: string;
  /**
   * Value column(s), comma list (quote a name holding a comma), or aggregate expressions (`taux = sum(gratuit) / sum(total) * 100`; a bare column takes `aggregate`: `gratuit / total` is a ratio of sums). Default: the main measure, else a row count.
   * @editor numeric-columns
   */
  @property() y?: string;
  /** Column that splits the values into series (colours). @editor column */
  @property() group?: string;
  /** How the rows of one category combine: `sum` (default with `y`), `count`, `mean`, `median`, `min`, `max`. */
  @property() aggregate?: AggregateOp;
  /** `true` stacks series, `normalize` stacks to 100 % (areas stack by default). @advanced */
  @property() stack?: StackSetting;
  /** `x`, `-x`, `y`, `-y`, `delta`, `-delta` (grouped bars by last minus first series). Default: by value for categories, by x for years and dates. @advanced */
  @property() sort?: SortOrder;
  /** Keeps the top N categories (1–1,000); the rest is folded into « Autres ». @editor number @advanced */
  @property() limit?: string;
  /**
   * Buckets dates: `year`, `quarter`, `month`, `yearquarter`, `yearmonth`, `yearmonthdate`, `date`, `day`, `decade` (« 1990-1999 », also of a year column); `year`, `month` and `decade` also read dates written as text (`05/03/1994`).
   * @advanced
   */
  @property({ attribute: 'time-unit' }) timeUnit?: TimeUnit;
  /** Column that splits the chart into small multiples sharing one scale. @editor column @advanced */
  @property() facet?: string;
  /** Start of the value axis (never above the drawn values: the axis widens to them, and says so). @editor number @advanced */
  @property({ attribute: 'y-min' }) yMin?: string;
  /** End of the value axis (never below the drawn values: the axis widens to them, and says so). @editor number @advanced */
  @property({ attribute: 'y-max' }) yMax?: string;
  /** Unit shown after values (`€`, `visiteurs`). @editor words @advanced */
  @property() unit?: string;
  /** Heading above the chart, also drawn into exported images. @editor words */
  @property() override title = '';
  /** Text alternative; generated from the data when absent. @editor words @advanced */
  @property() description?: string;
  /** Drawing height in pixels (50–5,000). @editor number @advanced */
  @property() height?: string;
  /**
   * Marks kept in colour, the others grey: a value of x or of the group (`Bretagne`, several with
   * `|`), or, when it holds an operator, a filter on the drawn fields (`total > 1000000`). A value
   * not in the chart is a note under it, not an error.
   * @advanced
   */
  @property() highlight?: string;
  /**
   * Labelled dashed rules across the value axis: `mean`, `median` (of the drawn values; a stack's
   * heights; « Autres » left out) or a number (`.` for decimals), each with an optional label,
   * comma list: `median, 1000000: objectif`.
   * @advanced
   */
  @property() reference?: string;
  /**
   * `sum`: running totals; `share`: on columns and bars, a Pareto chart (bars sorted by value, the
   * cumulative share on a second axis, « Autres » counted even when left off); on lines and areas,
   * the share of the total reached (0–100 %).
   * @advanced
   */
  @property() cumulative?: Cumulative;
  /** Colours per value: `Musique: #000091; Théâtre: #e1000f` (else a category keeps one colour across filters). @advanced */
  @property() colors?: string;
  /** Title of the x axis (default: the column). @editor words @advanced */
  @property({ attribute: 'x-title' }) xTitle?: string;
  /** Title of the value axis (default: the measure and its aggregate). @editor words @advanced */
  @property({ attribute: 'y-title' }) yTitle?: string;

  @state() private tableShown = false;
  /** The data table view, once loaded. */
  @state() private tableView?: TableView;
  @state() private drawError?: CultureErrorDetail;
  @state() private tooltip?: { text: string; left: number; top: number; keyboard?: boolean };
  /** The value the keyboard stands on (arrow keys walk the marks). */
  @state() private focused?: MarkPosition;
  /** What the live region says: the focused value. */
  @state() private announcement = '';
  /** Container width the chart was (or will be) drawn at. */
  @state() private width = 0;

  @query('.view') private viewContainer?: HTMLElement;
  @query('.chart') private chartBox?: HTMLElement;
  @query('.focus-ring') private focusRing?: HTMLElement;

  private readonly menu = new MenuController(this);
  private readonly renderer = new VegaRenderer(this, {
    onSelect: (datum) => this.select(datum),
    onTooltip: (text, event) => this.showTooltip(text, event),
  });
  private readonly resizeObserver = new ResizeObserver((entries) => {
    const width = Math.floor(entries[0]?.contentRect.width ?? 0);
    // Next frame: redrawing inside the observer callback would resize the host in the same loop.
    if (width > 0 && width !== this.width) requestAnimationFrame(() => (this.width = width));
  });
  /** What the current drawing was made from; a new key means a new draw. */
  private drawnKey?: string;
  private prepared?: Prepared;

  /** The Vega view currently drawn (for tests and advanced use); `undefined` before the first draw. */
  get view() {
    return this.renderer.current;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver.observe(this);
    this.requestUpdate(); // moved in the page: draw again
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A failed drawing is retried once anything but the UI state changes.
    const ui = new Set<PropertyKey>(['tableShown', 'tooltip', 'drawError', 'focused', 'announcement']);
    if (this.drawError && [...changed.keys()].some((k) => !ui.has(k))) this.drawError = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
    this.drawnKey = undefined;
  }

  protected override firstUpdated(): void {
    // Fetch Vega while the data loads, once the skeleton has painted.
    requestAnimationFrame(() => void Promise.all([loadVega(), loadSpec()]).catch(() => undefined));
  }

  // --- data ---------------------------------------------------------------------------------

  protected override get announcesOnRender(): boolean {
    return false;
  }

  protected override buildQuery(columns: ColumnInfo[], filters: FilterClause[]): Query {
    return chartQuery(resolveChart(columns, this.options()), filters);
  }

  /** The attributes, typed: a value out of its set (or size range) is said, and the default (or bound) drawn. */
  private options(): ChartOptions {
    const w = this.warnings;
    const y = parseList(this.y);
    const bare: string | undefined = this.stack; // `<culture-chart stack>` stacks
    const stack = w.oneOf('stack', bare === '' ? 'true' : bare, STACKS, undefined);
    return {
      type: w.oneOf('type', this.type, TYPE_SETTINGS, 'auto'),
      x: parseName(this.x),
      y: y.length ? y : undefined,
      group: parseName(this.group),
      aggregate: w.oneOf('aggregate', this.aggregate, AGGREGATE_OPS, undefined),
      stack: stack === 'normalize' ? stack : stack && stack === 'true',
      sort: w.oneOf('sort', this.sort, SORT_ORDERS, undefined),
      limit: w.size('limit', this.limit, SIZE_RANGES.limit),
      timeUnit: w.oneOf('time-unit', this.timeUnit, TIME_UNITS, undefined),
      facet: parseName(this.facet),
      yMin: w.number('y-min', this.yMin),
      yMax: w.number('y-max', this.yMax),
      unit: this.unit || undefined,
      height: w.size('height', this.height, SIZE_RANGES.height),
      lang: this.locale,
      highlight: this.highlight,
      reference: this.reference,
      cumulative: w.oneOf('cumulative', this.cumulative, CUMULATIVES, undefined),
      colors: this.colors,
      xTitle: this.xTitle,
      yTitle: this.yTitle,
      isColor: (color) => CSS.supports('color', color),
      titleOf: (name) => this.titleOf(name),
    };
  }

  /** A chart's series (and a pie's slices) keep their colour across filters. */
  protected override colorColumns(columns: ColumnInfo[]): string[] {
    const chart = resolveChart(columns, this.options());
    if (chart.type === 'pie' || chart.type === 'donut') return [chart.x];
    return chart.group && !chart.byGroup ? [chart.group] : [];
  }

  /** Rows whose measures are all empty draw nothing: that is the empty state too. */
  protected override isEmpty(state: DataState): boolean {
    if (state.result.rows.length === 0) return true;
    try {
      return this.prepare(state).data.values.every((v) => v.y === null);
    } catch {
      return false; // renderReady shows the error
    }
  }

  /** The chart for this data and these attributes (kept while neither changes: render asks twice). */
  private prepare(state: DataState): Prepared {
    const options = this.options();
    const key = JSON.stringify([options, this.description, this.labels]);
    if (this.preparedFor?.state === state && this.preparedFor.key === key) return this.preparedFor.prepared;
    const chart = resolveChart(state.columns, options);
    const order = state.result.columns.find((c) => c.name === chart.x)?.order;
    const data = toChartData(state.result.rows, chart, { ...(state.result.combine ? { combine: state.result.combine } : {}), ...(order ? { order } : {}) });
    const missing: ChartWarning[] = data.highlightMissing ? [{ attribute: 'highlight', value: chart.highlight!.text, reason: 'highlight-missing' }] : [];
    const warnings = [...chart.warnings, ...missing, ...boundWarnings(chart, data)];
    const prepared = { chart, data, description: this.description || describeChart(data, chart), warnings };
    this.preparedFor = { state, key, prepared };
    return prepared;
  }
  private preparedFor?: { state: DataState; key: string; prepared: Prepared };

  // --- render ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    return this.renderData();
  }

  protected override renderReady(state: DataState): TemplateResult {
    const m = chartMessages(this.locale);
    let prepared: Prepared;
    try {
      prepared = this.prepare(state);
    } catch (error) {
      this.prepared = undefined;
      this.warnings.set('editorial', []);
      return this.renderFailure(error);
    }
    this.prepared = prepared;
    // options the chart could not use: a note, a console line and `culture-warning` (ui's warning path)
    this.warnings.set('editorial', prepared.warnings.map(chartWarning));
    const label = this.title || m.typeName[prepared.chart.type];
    // title="" stops the host's `title` attribute from showing as a browser tooltip over the marks.
    return html`<figure part="figure" title="">
      <div class="head">
        ${this.title ? html`<h2 part="title">${this.title}</h2>` : nothing} ${this.renderMenu()}
      </div>
      ${this.drawError
        ? this.renderError(this.drawError)
        : html`<div
            class="chart"
            part="chart"
            role="application"
            aria-roledescription=${m.keys.roleDescription}
            aria-label=${label}
            aria-describedby="description keys"
            tabindex="0"
            @keydown=${this.onChartKey}
            @blur=${this.onChartBlur}
          >
            <div class="view" aria-hidden="true"></div>
            <div class="focus-ring" part="focus-ring" aria-hidden="true" ?hidden=${this.focused === undefined}></div>
            ${this.tooltip
              ? html`<div class="tooltip" part="tooltip" ${styleProps({ left: `${this.tooltip.left}px`, top: `${this.tooltip.top}px` })}>${this.tooltip.text}</div>`
              : nothing}
          </div>
          <p id="keys" class="visually-hidden">${m.keys.help}</p>
          <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`}
      ${this.renderHiddenOther(prepared)}
      <p id="description" class="visually-hidden" part="description">${prepared.description}</p>
      ${this.tableShown && this.tableView ? this.renderDataTable(prepared, this.tableView) : nothing}
    </figure>`;
  }

  /** « Autres » left off the bars, said under them (the description already says it to readers). */
  private renderHiddenOther({ chart, data }: { chart: ResolvedChart; data: ChartData }) {
    if (data.otherHidden === undefined) return nothing;
    const value = formatRoundedNumber(data.otherHidden, chart.lang) + (chart.unit ? `\u00a0${chart.unit}` : '');
    return html`<p class="note" part="note" aria-hidden="true">${chartMessages(chart.lang).describe.otherHidden(value)}</p>`;
  }

  private renderMenu(): TemplateResult {
    const m = chartMessages(this.locale);
    return this.menu.render(m.menu, [
      { label: m.downloadPng, run: () => void this.downloadImage('png') },
      { label: m.downloadSvg, run: () => void this.downloadImage('svg') },
      { label: m.downloadCsv, run: () => this.downloadCsv() },
      { label: this.tableShown ? m.hideTable : m.showTable, run: () => void this.toggleTable() },
    ]);
  }

  /** Shows (loading the table view the first time) or hides the data table. */
  private async toggleTable(): Promise<void> {
    if (!this.tableShown && !this.tableView) {
      try {
        const view = await loadTableView();
        const styles: CSSResultOrNative[] = [...(this.constructor as typeof CultureChart).elementStyles, view.tableStyles];
        adoptStyles(this.renderRoot as ShadowRoot, styles);
        this.tableView = view;
      } catch (error) {
        this.reportError(this.drawFailure(error));
        return;
      }
    }
    this.tableShown = !this.tableShown;
  }

  private renderDataTable({ chart, data }: Prepared, { renderTable }: TableView): TemplateResult {
    const { columns, rows, titles } = chartTable(chart, data);
    const caption = chartMessages(this.locale).tableCaption(this.title || valueTitle(chart));
    // A focusable region: the table may scroll, keyboard users must reach it.
    return html`<div class="data-table" part="data-table" role="region" aria-label=${caption} tabindex="0">
      ${renderTable({ columns, rows, lang: this.locale, caption, titleOf: (name) => titles.get(name) ?? name })}
    </div>`;
  }

  // --- drawing ----------------------------------------------------------------------------------

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const container = this.viewContainer;
    const prepared = this.prepared;
    if (!container) {
      // Loading, empty or error: the drawing is gone from the page, its view goes too.
      if (this.renderer.current) this.renderer.dispose();
      return;
    }
    if (!prepared || this.width <= 0 || this.drawError) return;
    const what = JSON.stringify([prepared.chart, this.dataVersion()]);
    const key = JSON.stringify([what, this.width, this.themeController.scheme]);
    if (key === this.drawnKey && this.renderer.current?.container() === container) return;
    this.drawnKey = key;
    void this.draw(container, prepared, what);
  }

  /** Identity of the task's current result, so new data with the same shape still redraws. */
  private dataIdentity = new WeakMap<object, number>();
  private dataCounter = 0;
  private dataVersion(): number {
    const value = this.data.value as object | undefined;
    if (!value) return 0;
    if (!this.dataIdentity.has(value)) this.dataIdentity.set(value, ++this.dataCounter);
    return this.dataIdentity.get(value)!;
  }

  private async draw(container: HTMLElement, prepared: Prepared, what: string): Promise<void> {
    try {
      const { buildChartSpec } = await loadSpec();
      const spec = buildChartSpec({ chart: prepared.chart, rows: [], data: prepared.data, width: this.width, theme: this.readTheme(), orders: this.orders(prepared) });
      const view = await this.renderer.draw(container, spec);
      if (view) this.placeFocus();
      if (view) this.announceLoad(prepared.data.values.length, what);
    } catch (error) {
      const failure = this.drawFailure(error);
      this.drawError = this.errorDetail(failure);
      this.reportError(failure);
    }
  }

  /** The unfiltered order of the series and slices, which their colours follow. */
  private orders({ chart }: Prepared): { series?: readonly string[]; categories?: readonly string[] } {
    const orders = (this.data.value as DataState | undefined)?.orders;
    const series = chart.group ? orders?.get(chart.group) : undefined;
    const categories = orders?.get(chart.x);
    return { ...(series ? { series } : {}), ...(categories ? { categories } : {}) };
  }

  /** Colours and font as the page styles the element now (light, dark, DSFR, author overrides). */
  private readTheme(): ChartTheme {
    const { colors: palette, other } = readPalette(this);
    const token = (name: string, fallback: string) => readToken(this, name) || fallback;
    return {
      palette: palette.length ? palette : DEFAULT_THEME.palette,
      dark: this.themeController.scheme === 'dark',
      text: token('text', DEFAULT_THEME.text),
      muted: token('muted', DEFAULT_THEME.muted),
      grid: token('border', DEFAULT_THEME.grid),
      background: token('background', DEFAULT_THEME.background),
      font: getComputedStyle(this).fontFamily || DEFAULT_THEME.font,
      other: other || DEFAULT_THEME.other,
    };
  }

  private showTooltip(text: string | null, event: MouseEvent | undefined): void {
    const box = this.chartBox?.getBoundingClientRect();
    if (!text || !event || !box) {
      if (this.tooltip) this.tooltip = undefined;
      return;
    }
    const left = Math.min(Math.max(0, event.clientX - box.left + 12), Math.max(0, box.width - 160));
    this.tooltip = { text, left, top: Math.max(0, event.clientY - box.top + 12) };
  }

  private select(datum: ChartDatum): void {
    const chart = this.prepared?.chart;
    if (!chart) return;
    const row = datumRow(chart, datum);
    // What identifies the mark, for `refine-on-click`: never « Autres » (many values), nor a
    // date bucket (a month is not one date); « (vide) » is the empty value.
    const m = chartMessages(chart.lang);
    const value = (v: string | number | null) => (v === m.empty ? null : v);
    const values: Record<string, string | number | null> = {};
    if (!datum.other && !chart.timeUnit) values[chart.x] = value(datum.x);
    if (chart.group && datum.series !== undefined && !datum.otherSeries) values[chart.group] = value(datum.series);
    if (chart.facet && datum.facet !== undefined && datum.facet !== m.other) values[chart.facet] = value(datum.facet);
    this.dispatchEvent(new CultureSelectEvent({ row, values }));
  }

  // --- keyboard walking of the marks ----------------------------------------------------------

  /** Lanes of the current drawing (series × values), kept while the prepared data is the same. */
  private lanesFor?: { prepared: Prepared; lanes: number[][] };
  private lanes(prepared: Prepared): number[][] {
    if (this.lanesFor?.prepared !== prepared) this.lanesFor = { prepared, lanes: markLanes(prepared.data, prepared.chart) };
    return this.lanesFor.lanes;
  }

  /** The datum the keyboard stands on. */
  private focusedDatum(): ChartDatum | undefined {
    const prepared = this.prepared;
    if (!prepared || !this.focused) return undefined;
    const key = this.lanes(prepared)[this.focused.lane]?.[this.focused.index];
    return key === undefined ? undefined : prepared.data.values[key];
  }

  private readonly onChartKey = (event: KeyboardEvent): void => {
    const prepared = this.prepared;
    if (!prepared) return;
    if (event.key === 'Escape' && this.focused) {
      event.preventDefault();
      this.focused = undefined;
      this.placeFocus();
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && this.focused) {
      event.preventDefault();
      const datum = this.focusedDatum();
      if (datum) this.select(datum);
      return;
    }
    const lanes = this.lanes(prepared);
    const next = moveMark(lanes, this.focused, event.key, prepared.chart, prepared.data);
    if (!next) return;
    event.preventDefault();
    this.focused = next;
    const datum = this.focusedDatum();
    const m = chartMessages(prepared.chart.lang);
    if (datum) this.announcement = markAnnouncement(datum, m.keys.position(next.index + 1, lanes[next.lane]!.length));
    this.placeFocus();
  };

  private readonly onChartBlur = (): void => {
    this.focused = undefined;
    this.placeFocus();
  };

  /** Puts the ring around the focused mark and its tooltip next to it (or hides both). */
  private placeFocus(): void {
    const container = this.viewContainer;
    const datum = this.focusedDatum();
    const box = container && datum?.key !== undefined ? this.renderer.markBox(container, datum.key) : undefined;
    const ring = this.focusRing;
    if (!box || !datum) {
      if (this.tooltip?.keyboard) this.tooltip = undefined;
      return;
    }
    if (ring) {
      ring.style.setProperty('left', `${box.left - 3}px`);
      ring.style.setProperty('top', `${box.top - 3}px`);
      ring.style.setProperty('width', `${box.width + 6}px`);
      ring.style.setProperty('height', `${box.height + 6}px`);
    }
    const width = container!.getBoundingClientRect().width;
    this.tooltip = {
      text: datum.tip ?? '',
      left: Math.min(Math.max(0, box.left + box.width + 8), Math.max(0, width - 160)),
      top: Math.max(0, box.top),
      keyboard: true,
    };
  }

  // --- downloads ----------------------------------------------------------------------------------

  /** PNG or SVG with the title, source, licence and date drawn in. */
  async exportImage(type: 'png' | 'svg'): Promise<string> {
    const prepared = this.prepared;
    const state = this.data.value as DataState | undefined;
    if (!prepared || !state) throw new Error('Nothing drawn yet');
    const m = chartMessages(this.locale);
    const citation = state.source.citation;
    const source = [citation.datasetTitle, citation.producer, citation.host].filter(Boolean).join(' — ');
    const licence = citation.licenseTitle ?? citation.license;
    const today = formatDay(new Date().toISOString(), this.locale) ?? '';
    const joined = state.result.joined?.citation;
    const joinedLine = joined ? [m.sourceLine([joined.datasetTitle, joined.producer].filter(Boolean).join(' — '))] : [];
    const lines = [m.sourceLine(source), ...joinedLine, ...(licence ? [m.licenceLine(licence)] : []), m.drawnOn(today)];
    const { buildChartSpec } = await loadSpec();
    const spec: TopLevelSpec = buildChartSpec({
      chart: prepared.chart,
      rows: [],
      data: prepared.data,
      width: Math.max(this.width, 480),
      theme: this.readTheme(),
      orders: this.orders(prepared),
      caption: { title: this.title || citation.datasetTitle, lines },
    });
    return renderImage(spec, type);
  }

  private async downloadImage(type: 'png' | 'svg'): Promise<void> {
    try {
      const image = await this.exportImage(type);
      saveFile(type === 'svg' ? new Blob([image], { type: 'image/svg+xml' }) : image, `${this.fileStem()}.${type}`);
    } catch (error) {
      this.reportError(this.drawFailure(error));
    }
  }

  /** The chart's own data (what is drawn, « Autres » included) as CSV. */
  chartCsv(): string {
    if (!this.prepared) return '';
    const { columns, rows } = chartTable(this.prepared.chart, this.prepared.data);
    return toCSV(rows, columns.map((c) => c.name), { decimal: csvDecimal(this.prepared.chart.lang) });
  }

  private downloadCsv(): void {
    saveFile(csvFile(this.chartCsv()), `${this.fileStem()}.csv`);
  }

  private fileStem(): string {
    const state = this.data.value as DataState | undefined;
    return slugify(this.title || state?.source.citation.datasetTitle) || 'graphique';
  }

  /** Vega failing to draw or export: said with its reason, in the reader's language (the chart's own sentence). */
  private drawFailure(error: unknown): CultureError {
    return chartErrors.error('server', { cause: error instanceof Error ? error.message : String(error) }, 'draw-failed');
  }
}
