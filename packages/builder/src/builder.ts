import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef } from 'lit/directives/ref.js';
import { Task, TaskStatus } from '@lit/task';
import {
  CultureError,
  DEFAULT_API,
  DEFAULT_TABULAR_API,
  formatLabels,
  loadColumns,
  parseLabels,
  parseList,
  parseName,
  readableName,
  resolveSource,
  runQuery,
  pingCatalogue,
  type ColumnInfo,
  type Labels,
  type Lang,
  type ResolvedSource,
  type Row,
} from '@culture-widgets/core';
import { facetQuery, toFacets, type Facet } from '@culture-widgets/source';
import { parseSort } from '@culture-widgets/table';
import { ConnectionController, ThemeController, errorDetailOf, resolveLang, worded, type ThemeSetting } from '@culture-widgets/ui';
import { builderStyles } from './builder.styles.js';
import { openDataset, searchCatalogue } from './catalog.js';
import { renderCopyStep, type CopyTab, type ScriptFrom } from './copy-step.js';
import { renderDataFinder, renderDatasetCard, renderFirstRows, type DataTab } from './data-step.js';
import { defaultsFromProfile, elementFor } from './defaults.js';
import { createWidget } from './embed.js';
import { filterOf, renderCompare, renderFilterBuilder, rowsOf, type FilterRow } from './filter-builder.js';
import { renderOption, type FormView } from './form.js';
import { galleryOf, kindOf, thumbnailData, type Proposal, type Thumbnail } from './gallery.js';
import { renderGallery } from './gallery-view.js';
import { KeyedLoads } from './loads.js';
import { builderMessages, type BuilderMessages } from './messages.js';
import { applyDecade, applyPerCapita, applyRate, applySplit, computedNames, removeComputed, removeJoin } from './recipes.js';
import { renderRecipes } from './recipes-view.js';
import { optionWords } from './option-messages.js';
import { DATA_OPTIONS, optionKey, ownOptionsOf, tagOf, type ElementKind, type OptionSpec } from './schema.js';
import { recentDatasets, rememberDataset } from './recent.js';
import { renderTabList, renderTabPanel, type Tab } from './tabs.js';
import { dataOf, sameData, widgetOf, type DashboardConfig } from './dashboard.js';
import { renderDashboard } from './dashboard-view.js';
import {
  DEFAULT_CDN_BASE,
  buildIframeSnippet,
  buildShareLink,
  buildSnippet,
  isDashboard,
  parseEmbedParams,
  type Publishable,
  type WidgetConfig,
} from './snippet.js';
import { TrialController, trialPage } from './trial.js';

/** The shared attributes the builder edits (the others come from the data step): kept across cards. */
const SHARED_NAMES = new Set(DATA_OPTIONS.filter((o) => o.form !== false).map((o) => o.name));
const PREVIEW_ROWS = 5;

const SETTINGS_TABS = ['options', 'filters', 'shape', 'texts'] as const;
type SettingsTab = (typeof SETTINGS_TABS)[number];

interface ResourceData {
  source: ResolvedSource;
  columns: ColumnInfo[];
  rows: Row[];
}

/** A failure the catalogue's host is behind (nothing answered), as opposed to an answer saying no. */
const isUnreachable = (error: unknown): boolean =>
  error instanceof CultureError ? error.code === 'network' || error.code === 'timeout' : error instanceof TypeError;

/**
 * The no-code builder: paste a data.gouv.fr link (or search the catalogue, or reopen a recent
 * dataset), see its columns, choose a table, chart or map with defaults taken from the profile,
 * tune it with a live preview, then copy the code (script + element, an iframe for CMSs that strip
 * scripts, or a share link) and try that code in a sandboxed blank page.
 *
 * Its state can be restored from a share link (`?element=chart&dataset=…`).
 *
 * @tag culture-builder
 * @cssproperty --culture-accent-color - buttons and focus accents
 * @cssproperty --culture-background - background
 * @csspart preview - the box holding the live widget
 */
export class CultureBuilder extends LitElement {
  static override styles = builderStyles;

  /** udata API base the builder browses, also written into snippets when not the default. */
  @property() api = DEFAULT_API;
  /** Tabular API base. */
  @property({ attribute: 'tabular-api' }) tabularApi = DEFAULT_TABULAR_API;
  /** Where snippets load `culture-widgets.js` from when published: the CDN. */
  @property({ attribute: 'cdn-base' }) cdnBase = DEFAULT_CDN_BASE;
  /**
   * This server's copy of the library, the folder of `culture-widgets.js` (`../dist/`, resolved
   * against the page): snippets load it from there, the CDN offered beside it. It must be served
   * with CORS (`npm start` does).
   */
  @property({ attribute: 'script-base' }) scriptBase?: string;
  /** Folder holding `embed.html`, `embed-resizer.js` and `preview-reporter.js`; default: this page's folder. */
  @property({ attribute: 'embed-base' }) embedBase?: string;
  /** The population dataset « Rapporter à la population » offers first (an id, slug or URL); the user may paste another. */
  @property() population?: string;
  /** `auto` follows the page; `light`; `dark`. */
  @property({ reflect: true }) theme: ThemeSetting = 'auto';

  @state() private dataTab: DataTab = 'link';
  @state() private datasetInput = '';
  @state() private datasetRef?: string;
  @state() private searchInput = '';
  @state() private searchQuery?: string;
  /** Which of a load and a search the user did last: its error is the one shown. */
  @state() private lastAction: 'load' | 'search' = 'load';
  @state() private resourceId?: string;
  @state() private element: ElementKind = 'chart';
  /** The element's own attributes and the shared ones the form edits (filter, lang, theme). */
  @state() private widgetAttributes: Record<string, string> = {};
  @state() private settingsTab: SettingsTab = 'options';
  /** Conditions being written (one may still lack its value); undefined: read from `filter`. */
  @state() private filterRows?: FilterRow[];
  /** The population dataset loaded in « Rapporter à la population ». */
  @state() private populationChosen?: string;
  /** Widgets put together on one source, and the columns readers filter them by. */
  @state() private dashboard: DashboardConfig = { data: {}, controls: [], widgets: [] };
  /** The dashboard widget the workbench edits (« Mettre à jour »). */
  @state() private editing?: number;
  /** What the copy step writes: the widget of the workbench, or the dashboard. */
  @state() private copyWhat: 'widget' | 'dashboard' = 'widget';
  @state() private copyTab: CopyTab = 'script';
  @state() private scriptFrom: ScriptFrom = 'local';
  @state() private transparent = false;
  @state() private copied?: CopyTab;
  @state() private copyFailed?: CopyTab;

  /** Which resource the profile defaults were last applied to. */
  private defaultsFor?: string;
  /** The reader picked the element: a new resource keeps it. */
  private elementChosen = false;
  /** Set by a share link: the restored attributes win over the profile defaults once. */
  private restoring = false;
  private focusAfterUpdate?: string;
  /** Attributes the builder set on the preview element. */
  private previewNames = new Set<string>();
  private readonly trialFrame = createRef<HTMLIFrameElement>();

  protected readonly themeController = new ThemeController(this);
  private readonly trial = new TrialController(this, () => this.trialFrame.value);
  private readonly thumbnails = new KeyedLoads<Thumbnail>(this);
  private readonly facets = new KeyedLoads<Facet[]>(this);
  private readonly populations = new KeyedLoads<{ columns: ColumnInfo[] }>(this, 8);

  /** Whether the catalogue answers: checked once per API (a load or a search that gets through says so too). */
  private readonly catalogueTask = new Task(this, {
    task: async ([api], { signal }) => {
      await pingCatalogue(api, { signal });
      return true;
    },
    args: () => [this.api] as const,
  });

  private readonly datasetTask = new Task(this, {
    task: async ([api, tabularApi, input], { signal }) => {
      if (!input) return undefined;
      const dataset = await this.viaCatalogue(() => openDataset(input, { api, tabularApi }, signal));
      const wanted = this.resourceId ?? dataset.linkedResource;
      this.resourceId = dataset.resources.some((r) => r.id === wanted) ? wanted : dataset.resources[0]?.id;
      rememberDataset(api, { ref: input, title: dataset.title, ...(dataset.organization ? { organization: dataset.organization } : {}) });
      return dataset;
    },
    args: () => [this.api, this.tabularApi, this.datasetRef] as const,
  });

  private readonly searchTask = new Task(this, {
    task: async ([api, query], { signal }) => (query ? this.viaCatalogue(() => searchCatalogue(api, query, signal)) : undefined),
    args: () => [this.api, this.searchQuery] as const,
  });

  private readonly resourceTask = new Task(this, {
    task: async ([api, tabularApi, dataset, resource, src], { signal }): Promise<ResourceData | undefined> => {
      if (!src && (!dataset || !resource)) return undefined;
      const spec = src ? { src, api, tabularApi } : { dataset, resource, api, tabularApi };
      const source = await resolveSource(spec, { signal });
      const columns = await loadColumns(source, { signal });
      const { rows } = await runQuery(source, { limit: PREVIEW_ROWS }, { signal });
      this.applyDefaults(src ?? `${dataset}|${resource}`, columns, rows);
      return { source, columns, rows };
    },
    args: () => [this.api, this.tabularApi, this.datasetTask.value?.ref, this.resourceId, this.datasetTask.value?.src] as const,
  });

  /** Removed from the page: the pending lookups are aborted (and run again on return). */
  private readonly connection = new ConnectionController(this);

  constructor() {
    super();
    this.connection.watch(this.catalogueTask, this.datasetTask, this.searchTask, this.resourceTask);
  }

  private get t(): BuilderMessages {
    return builderMessages(this.locale);
  }

  private get locale(): Lang {
    return resolveLang(this);
  }

  /** The widget as configured now. */
  get config(): WidgetConfig {
    const dataset = this.datasetTask.value;
    const attributes: Record<string, string> = { ...this.widgetAttributes };
    if (dataset?.src) {
      attributes.src = dataset.src;
    } else {
      if (dataset) attributes.dataset = dataset.ref;
      if (this.resourceId) attributes.resource = this.resourceId;
    }
    if (this.api !== DEFAULT_API) attributes.api = this.api;
    if (this.tabularApi !== DEFAULT_TABULAR_API) attributes['tabular-api'] = this.tabularApi;
    return { element: this.element, attributes };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // the builder words failures of any dataset tried: core's sentences load now (decision 0016)
    worded(this, this.locale);
    if (this.datasetRef === undefined) this.restoreFrom(window.location.search);
  }

  /** Restores a widget or a dashboard from a share link's query string. */
  restoreFrom(search: string): void {
    const params = parseEmbedParams(new URLSearchParams(search));
    if (!params) return;
    let config: WidgetConfig;
    if (params.dashboard) {
      // the dashboard, its first widget in the workbench
      this.dashboard = params.dashboard;
      this.copyWhat = 'dashboard';
      const [first] = params.dashboard.widgets;
      config = { element: first?.element ?? 'chart', attributes: { ...params.dashboard.data, ...(first?.attributes ?? {}) } };
    } else {
      config = params.config;
    }
    const { dataset, resource, api: _api, 'tabular-api': _tabular, src, ...rest } = config.attributes;
    this.element = config.element;
    this.elementChosen = true;
    this.widgetAttributes = rest;
    const data = dataset ?? src;
    if (data) {
      // A link that only names the data still gets the profile's defaults.
      this.restoring = ownOptionsOf(this.element).some((spec) => spec.name in rest);
      this.datasetInput = data;
      this.datasetRef = data;
      this.resourceId = resource;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new configuration makes the "Copied" confirmation stale.
    const edited = ['widgetAttributes', 'element', 'resourceId', 'datasetRef', 'transparent', 'scriptFrom', 'dashboard', 'copyWhat'] as const;
    if (edited.some((name) => (changed as Map<string, unknown>).has(name))) {
      this.copied = undefined;
      this.copyFailed = undefined;
    }
    // a trial follows the code it tries (before this render: never an old answer under a new code)
    if (this.trial.running) {
      const code = this.trialCode();
      if (code) this.trial.start(code);
      else this.trial.stop();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncPreview();
    if (this.focusAfterUpdate) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterUpdate);
      if (target) {
        target.focus();
        this.focusAfterUpdate = undefined;
      }
    }
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`<div class="builder">
      <header class="builder-header">
        <div>
          <h2>${t.title}</h2>
          <p>${t.intro}</p>
        </div>
        ${this.renderCatalogueStatus(t)}
      </header>
      ${this.renderDataStep(t)} ${this.renderWidgetStep(t)} ${this.renderDashboardStep(t)} ${this.renderCopySection(t)}
    </div>`;
  }

  // --- where the data comes from ------------------------------------------------------------------

  /** Which catalogue the builder reads, and whether it answers: the truth, whatever the page says. */
  private renderCatalogueStatus(t: BuilderMessages): TemplateResult | undefined {
    const name = catalogueName(this.api, t);
    const checking = () => html`<p class="catalogue" role="status"><span class="dot"></span>${t.catalogue(name)} · ${t.catalogueChecking}</p>`;
    return this.catalogueTask.render({
      initial: checking,
      pending: checking,
      complete: () => html`<p class="catalogue online" role="status"><span class="dot"></span>${t.catalogue(name)} · ${t.catalogueOnline}</p>`,
      error: () => html`<div class="catalogue offline" role="alert">
        <p><span class="dot"></span>${t.catalogueOffline(name)}</p>
        <button type="button" @click=${() => this.retryCatalogue()}>${t.retry}</button>
      </div>`,
    });
  }

  /** The catalogue status follows what the user's own requests meet. */
  private async viaCatalogue<T>(work: () => Promise<T>): Promise<T> {
    try {
      const answer = await work();
      if (this.catalogueTask.status === TaskStatus.ERROR) void this.catalogueTask.run();
      return answer;
    } catch (error) {
      if (isUnreachable(error) && this.catalogueTask.status !== TaskStatus.ERROR) void this.catalogueTask.run();
      throw error;
    }
  }

  private retryCatalogue(): void {
    void this.catalogueTask.run();
    // what failed for want of a network is asked again
    if (this.lastAction === 'search' && this.searchTask.status === TaskStatus.ERROR) void this.searchTask.run();
    if (this.lastAction === 'load' && this.datasetTask.status === TaskStatus.ERROR) void this.datasetTask.run();
  }

  private renderDataStep(t: BuilderMessages): TemplateResult {
    const dataset = this.datasetTask.value;
    return html`<section class="step" aria-labelledby="step1">
      <h3 id="step1">${t.step1}</h3>
      ${renderDataFinder({
        t,
        tab: this.dataTab,
        selectTab: (tab, focus) => {
          this.dataTab = tab;
          this.focusAfterUpdate = focus;
        },
        link: this.datasetInput,
        setLink: (value) => (this.datasetInput = value),
        load: (event) => this.onLoadDataset(event),
        query: this.searchInput,
        setQuery: (value) => (this.searchInput = value),
        search: (event) => this.onSearch(event),
        searching: this.searchQuery !== undefined && this.searchTask.status === TaskStatus.PENDING,
        ...(this.searchTask.value ? { results: this.searchTask.value } : {}),
        recent: recentDatasets(this.api),
        choose: (ref) => this.chooseDataset(ref),
        loadingDataset: this.datasetTask.status === TaskStatus.PENDING && this.datasetRef !== undefined,
        ...this.actionError(t),
      })}
      ${dataset
        ? html`${renderDatasetCard({ t, lang: this.locale, dataset, ...(this.resourceId ? { resourceId: this.resourceId } : {}), chooseResource: (id) => {
          this.forgetData();
          this.resourceId = id;
        } })}
          ${this.resourceTask.render({
            pending: () => html`<p class="status" role="status">${t.loadingColumns}</p>`,
            error: (error) => this.renderResourceError(error, t),
            complete: (data) => (data ? renderFirstRows(t, this.locale, data.columns, data.rows) : nothing),
          })}`
        : nothing}
    </section>`;
  }

  /**
   * The error of the last action, once: a catalogue that does not answer is said by the status
   * line above (with « Réessayer »), not again here under each button.
   */
  private actionError(t: BuilderMessages): { error?: string } {
    const task = this.lastAction === 'search' ? this.searchTask : this.datasetTask;
    if (task.status !== TaskStatus.ERROR) return {};
    if (isUnreachable(task.error) && this.catalogueTask.status !== TaskStatus.COMPLETE) return {};
    const error = task.error;
    if (error instanceof CultureError && (error.code === 'not-found' || error.code === 'gone')) return { error: t.datasetNotFound };
    if (!worded(this, this.locale, [error])) return {};
    return { error: error instanceof CultureError ? error.messageIn(this.locale) : t.catalogueDown };
  }

  /** A resource that cannot be read says why, with its link when the file can be downloaded. */
  private renderResourceError(error: unknown, t: BuilderMessages): TemplateResult {
    if (!worded(this, this.locale, [error])) return html``;
    const detail = errorDetailOf(error, this.locale);
    return html`<div class="error" role="alert">
      <p>${t.columnsError(detail.message)}</p>
      ${detail.download ? html`<p><a href=${detail.download} download rel="noopener">${t.downloadFile}</a></p>` : nothing}
    </div>`;
  }

  /** Another dataset or file: its columns differ, so only the language and the theme stay. */
  private forgetData(): void {
    this.elementChosen = false;
    this.widgetAttributes = this.sharedAttributes(false);
    this.filterRows = undefined;
  }

  private onLoadDataset(event: Event): void {
    event.preventDefault();
    this.lastAction = 'load';
    const ref = this.datasetInput.trim();
    if (ref) this.chooseDataset(ref);
  }

  private onSearch(event: Event): void {
    event.preventDefault();
    this.lastAction = 'search';
    const query = this.searchInput.trim();
    if (!query) return;
    if (query === this.searchQuery) void this.searchTask.run();
    this.searchQuery = query;
  }

  private chooseDataset(ref: string): void {
    this.lastAction = 'load';
    // new data: the elements recommend again, and what named the old data's columns goes
    if (ref !== this.datasetRef) this.forgetData();
    if (ref !== this.datasetRef) this.resourceId = undefined;
    else void this.datasetTask.run();
    this.datasetRef = ref;
    this.datasetInput = ref;
    this.restoring = false;
    this.focusAfterUpdate = '#step2';
  }

  // --- step 2: what to show, and how ---------------------------------------------------------------

  private renderWidgetStep(t: BuilderMessages): TemplateResult | typeof nothing {
    const data = this.resourceTask.value;
    if (!data) return nothing;
    const labels = this.labels;
    const proposals = galleryOf(data.columns, data.rows);
    const tabs: Tab<SettingsTab>[] = SETTINGS_TABS.map((key) => ({ key, label: t.settingsTabs[key] }));
    return html`<section class="step" aria-labelledby="step2">
      <h3 id="step2" tabindex="-1">${t.step2}</h3>
      ${renderGallery({
        t,
        lang: this.locale,
        proposals,
        chosen: kindOf(this.element, this.widgetAttributes),
        columns: data.columns,
        ...(labels ? { labels } : {}),
        thumbnail: (proposal) => this.thumbnails.get(`${data.source.key}|${JSON.stringify(proposal.attributes)}`, (signal) => thumbnailData(data.source, data.columns, proposal, signal)),
        choose: (proposal) => this.choose(proposal),
      })}
      <div class="workbench">
        <div class="settings">
          ${renderTabList('settings', t.settingsTabsLabel, tabs, this.settingsTab, (key, focus) => {
            this.settingsTab = key;
            this.focusAfterUpdate = focus;
          })}
          ${renderTabPanel('settings', this.settingsTab, this.renderSettings(t, data))}
        </div>
        <section class="preview" aria-labelledby="preview-heading">
          <h4 id="preview-heading">${t.previewHeading}</h4>
          <div class="preview-box" part="preview" id="preview"></div>
        </section>
      </div>
    </section>`;
  }

  /** The column labels the widget has (its `labels`), for every picker. */
  private get labels(): Labels | undefined {
    try {
      return parseLabels(this.widgetAttributes.labels);
    } catch {
      return undefined;
    }
  }

  private formView(columns: ColumnInfo[]): FormView {
    const labels = this.labels;
    return {
      t: this.t,
      lang: this.locale,
      element: this.element,
      columns,
      ...(labels ? { labels } : {}),
      attributes: this.widgetAttributes,
      get: (name) => this.widgetAttributes[name] ?? '',
      set: (name, value) => this.setAttributeValue(name, value),
    };
  }

  private renderSettings(t: BuilderMessages, data: ResourceData): TemplateResult {
    const view = this.formView(this.columnsWithComputed(data.columns));
    const own = ownOptionsOf(this.element);
    const shared = DATA_OPTIONS.filter((o) => o.form !== false);
    const plain = (spec: OptionSpec) => !['words', 'filter', 'labels', 'expression'].includes(spec.kind);
    switch (this.settingsTab) {
      case 'options':
        return html`${own.filter((o) => plain(o) && !o.advanced).map((o) => (o.kind === 'compare' ? this.renderCompare(t, view, o) : renderOption(view, o)))}
          <details class="advanced">
            <summary>${t.advancedOptions}</summary>
            ${[...own.filter((o) => plain(o) && o.advanced), ...shared.filter(plain)].map((o) => renderOption(view, o))}
          </details>`;
      case 'filters':
        return this.renderFilters(t, view);
      case 'shape':
        return this.renderShape(t, view, data);
      case 'texts': {
        // the title first: what a reader meets first
        const words = own.filter((o) => o.kind === 'words').sort((a, b) => Number(b.name === 'title') - Number(a.name === 'title'));
        return html`${words.map((o) => renderOption(view, o))} ${this.renderLabels(t, view)}`;
      }
    }
  }

  /** A key figure's comparison: a column and the value compared with (or every value: a share of the whole). */
  private renderCompare(t: BuilderMessages, view: FormView, spec: OptionSpec): TemplateResult {
    return renderCompare({
      t,
      lang: this.locale,
      columns: view.columns,
      ...(view.labels ? { labels: view.labels } : {}),
      label: optionWords(this.locale)[optionKey(this.element, spec)],
      value: this.widgetAttributes[spec.name] ?? '',
      set: (value) => this.setAttributeValue(spec.name, value),
      facets: (column) => this.facetsOf(view.columns, column),
    });
  }

  /** A column's values with their counts in the whole resource (under its computed columns). */
  private facetsOf(columns: ColumnInfo[], column: string): Facet[] | undefined {
    const data = this.resourceTask.value;
    const info = columns.find((c) => c.name === column);
    if (!data || !info) return [];
    const compute = this.widgetAttributes.compute;
    return this.facets.get(`${data.source.key}|${compute ?? ''}|${column}`, async (signal) => {
      const result = await runQuery(data.source, facetQuery(column, [], compute, this.locale), { signal });
      return toFacets(result.rows, info);
    });
  }

  /** Computed columns (`compute`) are columns too: pickers, filters and labels offer them. */
  private columnsWithComputed(columns: ColumnInfo[]): ColumnInfo[] {
    const computed = computedNames(this.widgetAttributes.compute).filter((name) => !columns.some((c) => c.name === name));
    return [...columns, ...computed.map((name): ColumnInfo => ({ name, type: 'string', computed: true }))];
  }

  private renderFilters(t: BuilderMessages, view: FormView): TemplateResult {
    const filter = this.widgetAttributes.filter;
    const rows = this.filterRows ?? rowsOf(filter);
    return renderFilterBuilder({
      t,
      lang: this.locale,
      columns: view.columns,
      ...(view.labels ? { labels: view.labels } : {}),
      rows: rows ?? [],
      ...(rows ? {} : { unreadable: filter ?? '' }),
      setRows: (change) => {
        const next = change(this.filterRows ?? rowsOf(this.widgetAttributes.filter) ?? []);
        this.filterRows = next;
        this.setAttributeValue('filter', filterOf(next));
      },
      facets: (column) => this.facetsOf(view.columns, column),
    });
  }

  private renderShape(t: BuilderMessages, view: FormView, data: ResourceData): TemplateResult {
    const taken = view.columns.map((c) => c.name);
    const apply = (next: Record<string, string>) => {
      this.widgetAttributes = next;
      this.filterRows = undefined;
    };
    const a = this.widgetAttributes;
    const population = this.populationRef;
    const popColumns = population ? this.populations.get(population, (signal) => this.populationColumns(population, signal)) : undefined;
    const expression = DATA_OPTIONS.filter((o) => o.kind === 'expression');
    return renderRecipes({
      t,
      lang: this.locale,
      element: this.element,
      columns: data.columns,
      ...(view.labels ? { labels: view.labels } : {}),
      ...(a.compute ? { compute: a.compute } : {}),
      ...(a.join ? { join: a.join } : {}),
      ...(parseList(a.y)[0] ? { measure: parseList(a.y)[0] } : {}),
      ...((parseName(a.code) ?? parseName(a.x)) ? { key: parseName(a.code) ?? parseName(a.x)! } : {}),
      rate: (rate) => apply(applyRate(this.element, a, rate, taken)),
      decade: (column) => apply(applyDecade(this.element, a, column, taken)),
      split: (column, separator) => apply(applySplit(this.element, a, column, separator, taken)),
      population: {
        ref: population,
        ...(popColumns ? { columns: popColumns.columns } : {}),
        ...(population && this.populations.failed(population) ? { error: t.populationError } : {}),
      },
      loadPopulation: (ref) => (this.populationChosen = ref),
      perCapita: (p) => apply(applyPerCapita(this.element, a, { ...p, dataset: population }, taken)),
      removeComputed: (name) => apply(removeComputed(a, name)),
      removeJoin: () => apply(removeJoin(a)),
      raw: html`${expression.map((o) => renderOption(view, o))}`,
    });
  }

  private get populationRef(): string {
    return this.populationChosen ?? this.population ?? '';
  }

  /** The population dataset's columns, for « Rapporter à la population ». */
  private async populationColumns(ref: string, signal: AbortSignal): Promise<{ columns: ColumnInfo[] }> {
    const source = await resolveSource({ dataset: ref, api: this.api, tabularApi: this.tabularApi }, { signal });
    return { columns: await loadColumns(source, { signal }) };
  }

  /** The columns the widget names (its pickers, its computed columns); all of them when it names none (a table). */
  private usedColumns(columns: ColumnInfo[]): ColumnInfo[] {
    const named = new Set<string>();
    for (const spec of ownOptionsOf(this.element)) {
      const value = this.widgetAttributes[spec.name];
      if (!value) continue;
      if (spec.kind === 'column') named.add(parseName(value) ?? value);
      if (spec.kind === 'columns') for (const name of parseList(value)) named.add(name);
      if (spec.kind === 'sort') for (const key of parseSort(value)) named.add(key.column);
    }
    for (const name of computedNames(this.widgetAttributes.compute)) named.add(name);
    const used = columns.filter((c) => named.has(c.name));
    return used.length ? used : columns;
  }

  /** « Noms des colonnes »: a field per column, its readable name as the placeholder; `labels` written by core. */
  private renderLabels(t: BuilderMessages, view: FormView): TemplateResult {
    const labels = view.labels ?? new Map<string, string>();
    const set = (name: string, label: string) => {
      const next = new Map(labels);
      if (label.trim()) next.set(name, label.trim());
      else next.delete(name);
      this.setAttributeValue('labels', formatLabels(next));
    };
    const used = this.usedColumns(view.columns);
    const others = view.columns.filter((c) => !used.includes(c));
    const field = (c: ColumnInfo) => {
      const id = `label-${view.columns.indexOf(c)}`;
      return html`<div class="field">
        <label for=${id}>${c.name}</label>
        <input id=${id} type="text" autocomplete="off" placeholder=${readableName(c.name)} .value=${labels.get(c.name) ?? ''} @change=${(e: Event) => set(c.name, (e.target as HTMLInputElement).value)} />
      </div>`;
    };
    return html`<fieldset class="labels">
      <legend>${t.labelsLegend}</legend>
      <p class="help">${t.labelsHelp}</p>
      ${view.labels === undefined && this.widgetAttributes.labels ? html`<p class="notice">${t.labelsUnreadable}</p>` : nothing}
      <div class="label-fields">${used.map(field)}</div>
      ${others.length
        ? html`<details class="other-labels">
            <summary>${t.otherColumns(others.length)}</summary>
            <div class="label-fields">${others.map(field)}</div>
          </details>`
        : nothing}
    </fieldset>`;
  }

  private setAttributeValue(name: string, value: string): void {
    const next = { ...this.widgetAttributes };
    if (value === '') delete next[name];
    else next[name] = value;
    this.widgetAttributes = next;
  }

  /** A gallery card: its element and attributes, the shared ones (filter, labels, shaping…) kept. */
  private choose(proposal: Proposal): void {
    this.element = proposal.element;
    this.elementChosen = true;
    this.widgetAttributes = { ...this.sharedAttributes(), ...proposal.attributes };
  }

  /**
   * What survives a change of card: the shared attributes (filter, shaping, labels, language,
   * theme); a change of data keeps only what does not name its columns (language, theme).
   */
  private sharedAttributes(sameData = true): Record<string, string> {
    const kept = (name: string) => SHARED_NAMES.has(name) && (sameData || name === 'lang' || name === 'theme');
    return Object.fromEntries(Object.entries(this.widgetAttributes).filter(([name]) => kept(name)));
  }

  /** Pre-fills the form from the profile, once per resource (a restored link keeps its own). */
  private applyDefaults(key: string, columns: ColumnInfo[], rows: Row[]): void {
    if (key === this.defaultsFor) return;
    this.defaultsFor = key;
    if (this.restoring) {
      this.restoring = false;
      return;
    }
    if (!this.elementChosen) this.element = elementFor(columns, rows);
    this.widgetAttributes = { ...this.sharedAttributes(), ...defaultsFromProfile(columns, this.element, rows) };
    this.filterRows = undefined;
  }

  /** The live preview is the real element, its attributes set one by one (never markup). */
  private syncPreview(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('#preview');
    if (!box) return;
    const widget = this.config;
    // a builder told its theme shows the preview in it (the code still follows the host page)
    const config = widget.attributes.theme || this.theme === 'auto' ? widget : { ...widget, attributes: { ...widget.attributes, theme: this.theme } };
    const current = box.firstElementChild as HTMLElement | null;
    if (!current || current.localName !== tagOf(config.element)) {
      box.replaceChildren(createWidget(config));
      this.previewNames = new Set(Object.keys(config.attributes));
      return;
    }
    // Only attributes the builder set are removed: the element reflects some of its own (theme).
    for (const name of this.previewNames) {
      if (!(name in config.attributes)) current.removeAttribute(name);
    }
    for (const [name, value] of Object.entries(config.attributes)) {
      if (current.getAttribute(name) !== value) current.setAttribute(name, value);
    }
    this.previewNames = new Set(Object.keys(config.attributes));
  }

  // --- the dashboard ------------------------------------------------------------------------------

  private renderDashboardStep(t: BuilderMessages): TemplateResult | typeof nothing {
    const data = this.resourceTask.value;
    if (!data) return nothing;
    const labels = this.labels;
    const d = this.dashboard;
    return html`<section class="step" aria-labelledby="step-dashboard">
      <h3 id="step-dashboard">${t.stepDashboard}</h3>
      ${renderDashboard({
        t,
        dashboard: d,
        columns: data.columns,
        ...(labels ? { labels } : {}),
        ...(this.editing !== undefined ? { editing: this.editing } : {}),
        otherData: d.widgets.length > 0 && !sameData(d.data, dataOf(this.config)),
        add: () => this.addToDashboard(),
        edit: (i) => this.editInDashboard(i),
        move: (i, by) => this.setDashboard({ widgets: moved(d.widgets, i, by) }, i === this.editing ? i + by : undefined),
        remove: (i) => this.setDashboard({ widgets: d.widgets.filter((_, j) => j !== i) }, undefined),
        clear: () => {
          this.setDashboard({ data: {}, controls: [], widgets: [] }, undefined);
          this.copyWhat = 'widget';
        },
        setControls: (controls) => this.setDashboard({ controls }, this.editing),
      })}
    </section>`;
  }

  private setDashboard(change: Partial<DashboardConfig>, editing: number | undefined): void {
    this.dashboard = { ...this.dashboard, ...change };
    this.editing = editing;
  }

  /** The workbench's widget into the dashboard (or in place of the one being edited). */
  private addToDashboard(): void {
    const config = this.config;
    const widget = widgetOf(config);
    const widgets = [...this.dashboard.widgets];
    if (this.editing !== undefined && this.editing < widgets.length) widgets[this.editing] = widget;
    else widgets.push(widget);
    this.setDashboard({ data: dataOf(config), widgets }, undefined);
    this.copyWhat = 'dashboard';
  }

  /** A dashboard widget back into the workbench, to change it. */
  private editInDashboard(index: number): void {
    const widget = this.dashboard.widgets[index];
    if (!widget) return;
    this.element = widget.element;
    this.elementChosen = true;
    this.widgetAttributes = { ...widget.attributes };
    this.filterRows = undefined;
    this.editing = index;
    this.focusAfterUpdate = '#step2';
  }

  // --- copy ---------------------------------------------------------------------------------------

  /** The folder of this server's `culture-widgets.js`, absolute. */
  private get localBase(): string | undefined {
    return this.scriptBase ? new URL(this.scriptBase, document.baseURI).href : undefined;
  }

  /** The folder of the embed pages, absolute (`embed-base` resolved against the page). */
  private get embedFolder(): string {
    return new URL(this.embedBase || '.', document.baseURI).href;
  }

  /** What the copy step writes: the dashboard when chosen (and not empty), else the workbench's widget. */
  private get published(): Publishable {
    return this.copyWhat === 'dashboard' && this.dashboard.widgets.length ? this.dashboard : this.config;
  }

  /** Every code the copy step offers, for what is published now. */
  private codes(): Record<CopyTab, string> {
    const what = this.published;
    const title = isDashboard(what) ? undefined : what.attributes.title || this.datasetTask.value?.title;
    const scriptBase = this.scriptFrom === 'local' && this.localBase ? this.localBase : this.cdnBase;
    return {
      script: buildSnippet(what, { scriptBase }),
      cms: buildIframeSnippet(what, { embedBase: this.embedFolder, transparent: this.transparent, lang: this.locale, ...(title ? { title } : {}) }),
      share: buildShareLink(what, window.location.href),
    };
  }

  /** What « Essayer ce code » runs: the shown tab's code (a share link opens this builder: nothing to try). */
  private trialCode(): string | undefined {
    if (!this.resourceTask.value || this.copyTab === 'share') return undefined;
    return this.codes()[this.copyTab];
  }

  private renderCopySection(t: BuilderMessages): TemplateResult | typeof nothing {
    if (!this.resourceTask.value) return nothing;
    const codes = this.codes();
    const running = this.trial.running && this.copyTab !== 'share';
    const widgets = this.dashboard.widgets.length;
    return html`<section class="step" aria-labelledby="step-copy">
      <h3 id="step-copy">${t.stepCopy}</h3>
      ${widgets
        ? html`<fieldset class="copy-what">
            <legend>${t.copyWhatLegend}</legend>
            <label class="check"><input type="radio" name="copy-what" value="widget" .checked=${this.copyWhat === 'widget'} @change=${() => (this.copyWhat = 'widget')} />${t.copyWidget}</label>
            <label class="check"><input type="radio" name="copy-what" value="dashboard" .checked=${this.copyWhat === 'dashboard'} @change=${() => (this.copyWhat = 'dashboard')} />${t.copyDashboard(widgets)}</label>
          </fieldset>`
        : nothing}
      ${renderCopyStep({
        t,
        tab: this.copyTab,
        selectTab: (tab, focus) => {
          this.copyTab = tab;
          this.focusAfterUpdate = focus;
        },
        ...(this.localBase ? { localBase: this.localBase } : {}),
        cdnBase: this.cdnBase,
        scriptFrom: this.localBase ? this.scriptFrom : 'cdn',
        chooseScript: (from) => (this.scriptFrom = from),
        codes,
        transparent: this.transparent,
        setTransparent: (on) => (this.transparent = on),
        ...(this.copied ? { copied: this.copied } : {}),
        ...(this.copyFailed ? { copyFailed: this.copyFailed } : {}),
        copy: (tab) => void this.copy(tab, codes[tab]),
        trial: this.trial.state,
        ...(running && this.trial.state.code
          ? { trialPage: trialPage(this.trial.state.code, { reporter: `${new URL('preview-reporter.js', this.embedFolder)}`, run: this.trial.state.run, lang: this.locale, title: t.trialFrameTitle }) }
          : {}),
        trialFrame: this.trialFrame,
        startTrial: () => {
          const code = this.trialCode();
          if (!code) return;
          this.trial.start(code);
          // in sight: a browser leaves an off-screen frame of another origin undrawn
          void this.updateComplete.then(() => this.trialFrame.value?.scrollIntoView({ block: 'nearest' }));
        },
        stopTrial: () => this.trial.stop(),
      })}
    </section>`;
  }

  private async copy(target: CopyTab, text: string): Promise<void> {
    this.copied = undefined;
    this.copyFailed = undefined;
    try {
      await navigator.clipboard.writeText(text);
      this.copied = target;
    } catch {
      // No clipboard (insecure page, permission): select the text so Ctrl+C works.
      this.copyFailed = target;
      this.renderRoot.querySelector<HTMLTextAreaElement>(`#copy-${target}`)?.select();
    }
  }
}

/** « data.gouv.fr », or the host of another portal (« 127.0.0.1:4790 »). */
function catalogueName(api: string, t: BuilderMessages): string {
  try {
    const host = new URL(api).host;
    return host === new URL(DEFAULT_API).host ? t.dataGouv : host;
  } catch {
    return api;
  }
}

/** `list` with the item at `index` moved by one place. */
function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}
