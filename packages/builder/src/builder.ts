import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import {
  CultureError,
  DEFAULT_API,
  DEFAULT_TABULAR_API,
  formatCell,
  formatList,
  isMeasure,
  parseList,
  loadColumns,
  resolveSource,
  runQuery,
  type ColumnInfo,
  type Lang,
  type ResolvedSource,
  type Row,
} from '@culture-widgets/core';
import { ConnectionController, ThemeController, resolveLang, type ThemeSetting } from '@culture-widgets/ui';
import { builderStyles } from './builder.styles.js';
import { isCultureProducer, openDataset, searchCatalogue, type OpenedDataset } from './catalog.js';
import { defaultsFromProfile, elementFor } from './defaults.js';
import { createWidget } from './embed.js';
import { builderMessages, type BuilderMessages } from './messages.js';
import { DATA_OPTIONS, ELEMENTS, optionKey, ownOptionsOf, tagOf, type ElementKind, type OptionSpec } from './schema.js';
import { optionWords } from './option-messages.js';
import {
  DEFAULT_CDN_BASE,
  buildIframeSnippet,
  buildShareLink,
  buildSnippet,
  parseEmbedParams,
  type WidgetConfig,
} from './snippet.js';

/** The shared attributes the options form shows (the others come from steps 1 and 2). */
const SHARED_IN_FORM = DATA_OPTIONS.filter((o) => o.form !== false);
const SHARED_NAMES = new Set(SHARED_IN_FORM.map((o) => o.name));
const PREVIEW_ROWS = 5;

type CopyTarget = 'snippet' | 'iframe' | 'share';

interface ResourceData {
  source: ResolvedSource;
  columns: ColumnInfo[];
  rows: Row[];
}

/**
 * The no-code builder: paste a data.gouv.fr link (or search the catalogue), pick a resource, see
 * its columns, choose a table, chart or map with defaults taken from the profile, tune every
 * attribute with a live preview, then copy the snippet, the iframe or a share link.
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
  /** Where snippets load `culture-widgets.js` from. */
  @property({ attribute: 'cdn-base' }) cdnBase = DEFAULT_CDN_BASE;
  /** Folder holding `embed.html` and `embed-resizer.js`; default: this page's folder. */
  @property({ attribute: 'embed-base' }) embedBase?: string;
  /** `auto` follows the page; `light`; `dark`. */
  @property({ reflect: true }) theme: ThemeSetting = 'auto';

  @state() private datasetInput = '';
  @state() private datasetRef?: string;
  @state() private searchInput = '';
  @state() private searchQuery?: string;
  @state() private resourceId?: string;
  @state() private element: ElementKind = 'chart';
  /** The element's own attributes and the shared ones the form edits (filter, lang, theme). */
  @state() private widgetAttributes: Record<string, string> = {};
  @state() private transparent = false;
  @state() private copied?: CopyTarget;
  @state() private copyFailed?: CopyTarget;

  /** Which resource the profile defaults were last applied to. */
  private defaultsFor?: string;
  /** The reader picked the element: a new resource keeps it. */
  private elementChosen = false;
  /** Set by a share link: the restored attributes win over the profile defaults once. */
  private restoring = false;
  private focusAfterUpdate?: string;
  /** Attributes the builder set on the preview element. */
  private previewNames = new Set<string>();

  protected readonly themeController = new ThemeController(this);

  private readonly datasetTask = new Task(this, {
    task: async ([api, tabularApi, input], { signal }) => {
      if (!input) return undefined;
      const dataset = await openDataset(input, { api, tabularApi }, signal);
      const wanted = this.resourceId ?? dataset.linkedResource;
      this.resourceId = dataset.resources.some((r) => r.id === wanted) ? wanted : dataset.resources[0]?.id;
      return dataset;
    },
    args: () => [this.api, this.tabularApi, this.datasetRef] as const,
  });

  private readonly searchTask = new Task(this, {
    task: async ([api, query], { signal }) => (query ? searchCatalogue(api, query, signal) : undefined),
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
    this.connection.watch(this.datasetTask, this.searchTask, this.resourceTask);
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
    if (this.datasetRef === undefined) this.restoreFrom(window.location.search);
  }

  /** Restores a configuration from a share link's query string. */
  restoreFrom(search: string): void {
    const params = parseEmbedParams(new URLSearchParams(search));
    if (!params) return;
    const { dataset, resource, api: _api, 'tabular-api': _tabular, src, ...rest } = params.config.attributes;
    this.element = params.config.element;
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
    const edited = ['widgetAttributes', 'element', 'resourceId', 'datasetRef', 'transparent'] as const;
    if (edited.some((name) => (changed as Map<string, unknown>).has(name))) {
      this.copied = undefined;
      this.copyFailed = undefined;
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
      <header>
        <h2>${t.title}</h2>
        <p>${t.intro}</p>
      </header>
      ${this.renderDatasetStep(t)} ${this.renderResourceStep(t)} ${this.renderWidgetStep(t)} ${this.renderCopyStep(t)}
    </div>`;
  }

  // --- step 1: the dataset ------------------------------------------------------------------------

  private renderDatasetStep(t: BuilderMessages): TemplateResult {
    return html`<section class="step" aria-labelledby="step1">
      <h3 id="step1">${t.step1}</h3>
      <form class="row" @submit=${this.onLoadDataset}>
        <div class="field grow">
          <label for="dataset-link">${t.datasetLink}</label>
          <p class="help" id="dataset-link-help">${t.datasetLinkHelp}</p>
          <input
            id="dataset-link"
            name="dataset"
            type="text"
            inputmode="url"
            autocomplete="off"
            spellcheck="false"
            aria-describedby="dataset-link-help"
            placeholder=${t.datasetLinkPlaceholder}
            .value=${this.datasetInput}
            @input=${(e: Event) => (this.datasetInput = (e.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="primary">${t.load}</button>
      </form>
      <details class="search" ?open=${this.searchQuery !== undefined}>
        <summary>${t.orSearch}</summary>
        <form class="row" role="search" @submit=${this.onSearch}>
          <div class="field grow">
            <label for="search">${t.searchLabel}</label>
            <p class="help" id="search-help">${t.searchHelp}</p>
            <input
              id="search"
              type="search"
              aria-describedby="search-help"
              .value=${this.searchInput}
              @input=${(e: Event) => (this.searchInput = (e.target as HTMLInputElement).value)}
            />
          </div>
          <button type="submit">${t.search}</button>
        </form>
        ${this.renderSearchResults(t)}
      </details>
      ${this.datasetTask.render({
        pending: () => html`<p class="status" role="status">${t.loadingDataset}</p>`,
        error: (error) => html`<p class="error" role="alert">${datasetError(error, t)}</p>`,
        complete: (dataset) => (dataset ? this.renderDatasetCard(dataset, t) : nothing),
      })}
    </section>`;
  }

  private renderSearchResults(t: BuilderMessages): TemplateResult {
    return html`<div class="results" aria-live="polite">
      ${this.searchTask.render({
        pending: () => html`<p class="status">${t.searching}</p>`,
        error: (error) => html`<p class="error" role="alert">${datasetError(error, t)}</p>`,
        complete: (found) =>
          found
            ? html`<p class="status">${t.results(found.length)}</p>
                <ul class="result-list">
                  ${found.map(
                    (d) => html`<li>
                      <button type="button" class="link" @click=${() => this.chooseDataset(d.slug)}>${d.title}</button>
                      ${isCultureProducer(d.organization) ? html`<span class="badge">${t.culture}</span>` : nothing}
                      ${d.organization ? html`<span class="muted">${t.by(d.organization)}</span>` : nothing}
                    </li>`,
                  )}
                </ul>`
            : nothing,
      })}
    </div>`;
  }

  private renderDatasetCard(dataset: OpenedDataset, t: BuilderMessages): TemplateResult {
    return html`<p class="dataset-card">
      <strong class="dataset-title">${dataset.title}</strong>
      ${dataset.organization ? html`<span class="muted">${t.by(dataset.organization)}</span>` : nothing}
    </p>`;
  }

  private onLoadDataset(event: Event): void {
    event.preventDefault();
    const ref = this.datasetInput.trim();
    if (ref) this.chooseDataset(ref);
  }

  private onSearch(event: Event): void {
    event.preventDefault();
    const query = this.searchInput.trim();
    if (query) this.searchQuery = query;
  }

  private chooseDataset(ref: string): void {
    if (ref !== this.datasetRef) this.resourceId = undefined;
    this.datasetRef = ref;
    this.restoring = false;
    this.focusAfterUpdate = '#step2';
  }

  // --- step 2: the resource -----------------------------------------------------------------------

  private renderResourceStep(t: BuilderMessages): TemplateResult | typeof nothing {
    const dataset = this.datasetTask.value;
    if (!dataset) return nothing;
    return html`<section class="step" aria-labelledby="step2">
      <h3 id="step2" tabindex="-1">${t.step2}</h3>
      ${dataset.resources.length === 0
        ? html`<p class="notice">${t.noResource}</p>`
        : html`<fieldset>
            <legend>${t.resourceLegend}</legend>
            ${dataset.resources.map(
              (r) => html`<label class="choice">
                <input
                  type="radio"
                  name="resource"
                  .value=${r.id}
                  .checked=${r.id === this.resourceId}
                  @change=${() => (this.resourceId = r.id)}
                />
                <span>${r.title}</span>
                <span class="muted">${[r.format.toUpperCase(), r.tabular ? t.tabular : ''].filter(Boolean).join(' · ')}</span>
              </label>`,
            )}
          </fieldset>`}
      ${this.resourceTask.render({
        pending: () => html`<p class="status" role="status">${t.loadingColumns}</p>`,
        error: (error) => html`<p class="error" role="alert">${t.columnsError(errorText(error, this.locale))}</p>`,
        complete: (data) => (data ? this.renderPreviewTable(data, t) : nothing),
      })}
    </section>`;
  }

  /** The first rows under the column names and their detected types. */
  private renderPreviewTable({ columns, rows }: ResourceData, t: BuilderMessages): TemplateResult {
    return html`<div class="table-scroll" role="region" aria-labelledby="preview-caption" tabindex="0">
      <table class="data">
        <caption id="preview-caption">${t.previewCaption} · ${t.columnsCaption} (${columns.length})</caption>
        <thead>
          <tr>
            ${columns.map(
              (c) => html`<th scope="col">
                <span class="column-name">${c.name}</span>
                <span class="column-type">${columnType(c, t)}</span>
              </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${rows.map((row) => html`<tr>${columns.map((c) => html`<td>${formatCell(row[c.name], c, this.locale)}</td>`)}</tr>`)}
        </tbody>
      </table>
    </div>`;
  }

  // --- step 3: the widget and its options ---------------------------------------------------------

  private renderWidgetStep(t: BuilderMessages): TemplateResult | typeof nothing {
    const data = this.resourceTask.value;
    if (!data) return nothing;
    return html`<section class="step" aria-labelledby="step3">
      <h3 id="step3">${t.step3}</h3>
      <fieldset class="elements">
        <legend>${t.elementLegend}</legend>
        ${ELEMENTS.map(
          (e) => html`<label class="choice card">
            <input type="radio" name="element" .value=${e} .checked=${e === this.element} @change=${() => this.chooseElement(e, data)} />
            <span class="choice-title">${t.elements[e]}</span>
            <span class="muted">${t.elementHelp[e]}</span>
          </label>`,
        )}
      </fieldset>
      <div class="workbench">
        <fieldset class="options">
          <legend>${t.optionsLegend} · ${t.elements[this.element]}</legend>
          ${ownOptionsOf(this.element)
            .filter((spec) => !spec.advanced)
            .map((spec) => this.renderOption(spec, data.columns))}
          <details class="advanced">
            <summary>${t.advancedOptions}</summary>
            ${ownOptionsOf(this.element)
              .filter((spec) => spec.advanced)
              .map((spec) => this.renderOption(spec, data.columns))}
          </details>
          <details class="shared">
            <summary>${t.moreOptions}</summary>
            ${SHARED_IN_FORM.map((spec) => this.renderOption(spec, data.columns))}
          </details>
        </fieldset>
        <section class="preview" aria-labelledby="preview-heading">
          <h4 id="preview-heading">${t.previewHeading}</h4>
          <div class="preview-box" part="preview" id="preview"></div>
        </section>
      </div>
    </section>`;
  }

  private renderOption(spec: OptionSpec, allColumns: ColumnInfo[]): TemplateResult {
    const lang = this.locale;
    const id = `opt-${spec.name}`;
    const helpId = `${id}-help`;
    const value = this.widgetAttributes[spec.name] ?? '';
    // Years, dates and codes are numbers but never measures; one already chosen (a share link) stays.
    const picked = new Set(parseList(value));
    const columns = spec.numeric ? allColumns.filter((c) => isMeasure(c) || picked.has(c.name)) : allColumns;
    const words = optionWords(lang)[optionKey(this.element, spec)];
    const label = words.label;
    const help = html`<p class="help" id=${helpId}>${words.help}</p>`;
    const named = (v: string) => words.values?.[v] ?? v;
    const set = (v: string) => this.setAttributeValue(spec.name, v);
    switch (spec.kind) {
      case 'columns': {
        const chosen = picked;
        const toggle = (name: string, on: boolean) => set(formatList(columns.map((c) => c.name).filter((n) => (n === name ? on : chosen.has(n)))));
        return html`<fieldset class="field columns" aria-describedby=${helpId}>
          <legend>${label}</legend>
          ${help}
          <div class="checks">
            ${columns.map(
              (c) => html`<label class="check">
                <input
                  type="checkbox"
                  name=${spec.name}
                  .value=${c.name}
                  .checked=${chosen.has(c.name)}
                  @change=${(e: Event) => toggle(c.name, (e.target as HTMLInputElement).checked)}
                />
                ${c.name}
              </label>`,
            )}
          </div>
        </fieldset>`;
      }
      case 'boolean':
        return html`<div class="field check-field">
          <label class="check">
            <input
              id=${id}
              type="checkbox"
              aria-describedby=${helpId}
              .checked=${value === 'true'}
              @change=${(e: Event) => set((e.target as HTMLInputElement).checked ? 'true' : '')}
            />
            ${label}
          </label>
          ${help}
        </div>`;
      case 'select':
      case 'column': {
        const t = this.t;
        const choices = spec.kind === 'column' ? columns.map((c) => c.name) : (spec.options ?? []);
        const blank = spec.kind === 'column' || !spec.default ? t.automatic : t.defaultValue(named(spec.default));
        return html`<div class="field">
          <label for=${id}>${label}</label>
          ${help}
          <select id=${id} aria-describedby=${helpId} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${value === ''}>${blank}</option>
            ${choices
              .filter((c) => c !== spec.default)
              .map((c) => html`<option .value=${c} ?selected=${c === value}>${named(c)}</option>`)}
          </select>
        </div>`;
      }
      default:
        return html`<div class="field">
          <label for=${id}>${label}</label>
          ${help}
          <input
            id=${id}
            type=${spec.kind === 'number' ? 'number' : 'text'}
            inputmode=${spec.kind === 'number' ? 'decimal' : 'text'}
            autocomplete="off"
            aria-describedby=${helpId}
            .value=${value}
            @change=${(e: Event) => set((e.target as HTMLInputElement).value)}
          />
        </div>`;
    }
  }

  private setAttributeValue(name: string, value: string): void {
    const next = { ...this.widgetAttributes };
    if (value === '') delete next[name];
    else next[name] = value;
    this.widgetAttributes = next;
  }

  private chooseElement(element: ElementKind, { columns, rows }: ResourceData): void {
    this.element = element;
    this.elementChosen = true;
    this.widgetAttributes = { ...this.sharedAttributes(), ...defaultsFromProfile(columns, element, rows) };
  }

  /** Filter, language and theme survive a change of element or resource. */
  private sharedAttributes(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.widgetAttributes).filter(([name]) => SHARED_NAMES.has(name)));
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
  }

  /** The live preview is the real element, its attributes set one by one (never markup). */
  private syncPreview(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('#preview');
    if (!box) return;
    const config = this.config;
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

  // --- step 4: copy -------------------------------------------------------------------------------

  private renderCopyStep(t: BuilderMessages): TemplateResult | typeof nothing {
    if (!this.resourceTask.value) return nothing;
    const config = this.config;
    const embedBase = this.embedBase || new URL('.', window.location.href).href;
    const title = config.attributes.title || this.datasetTask.value?.title;
    const snippet = buildSnippet(config, { cdnBase: this.cdnBase });
    const iframe = buildIframeSnippet(config, { embedBase, transparent: this.transparent, ...(title ? { title } : {}) });
    const share = buildShareLink(config, window.location.href);
    return html`<section class="step" aria-labelledby="step4">
      <h3 id="step4">${t.step4}</h3>
      ${this.renderCopyBlock('snippet', t.snippetLabel, t.snippetHelp, snippet, 10)}
      ${this.renderCopyBlock(
        'iframe',
        t.iframeLabel,
        t.iframeHelp,
        iframe,
        5,
        html`<label class="check">
          <input type="checkbox" .checked=${this.transparent} @change=${(e: Event) => (this.transparent = (e.target as HTMLInputElement).checked)} />
          ${t.transparent}
        </label>`,
      )}
      ${this.renderCopyBlock('share', t.shareLabel, t.shareHelp, share, 3, html`<a href=${share} target="_blank" rel="noopener">${t.open}</a>`)}
    </section>`;
  }

  private renderCopyBlock(
    target: CopyTarget,
    label: string,
    help: string,
    text: string,
    rows: number,
    extra: TemplateResult | typeof nothing = nothing,
  ): TemplateResult {
    const t = this.t;
    const id = `copy-${target}`;
    const status = this.copied === target ? t.copied : this.copyFailed === target ? t.copyFailed : '';
    return html`<div class="copy-block">
      <label for=${id}>${label}</label>
      <p class="help" id="${id}-help">${help}</p>
      <textarea id=${id} readonly rows=${rows} spellcheck="false" aria-describedby="${id}-help" .value=${text}></textarea>
      <div class="row copy-actions">
        <button type="button" class="primary" @click=${() => this.copy(target, text)}>${t.copyButton[target]}</button>
        <span class="copied" role="status" aria-live="polite">${status}</span>
        ${extra}
      </div>
    </div>`;
  }

  private async copy(target: CopyTarget, text: string): Promise<void> {
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

/** « entier · year »: the type, and the detected format when it says more. */
function columnType(c: ColumnInfo, t: BuilderMessages): string {
  const type = t.types[c.type] ?? c.type;
  return c.format && !['string', 'int', 'float', 'bool', 'integer', 'number', c.type].includes(c.format) ? `${type} · ${c.format}` : type;
}

/** Not found and gone say "check the link"; anything else says what happened. */
function datasetError(error: unknown, t: BuilderMessages): string {
  if (error instanceof CultureError && (error.code === 'not-found' || error.code === 'gone')) return t.datasetNotFound;
  return t.catalogueDown;
}

function errorText(error: unknown, lang: Lang): string {
  if (error instanceof CultureError) return error.messageIn(lang);
  return error instanceof Error ? error.message : String(error);
}
