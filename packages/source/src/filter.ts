import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus } from '@lit/task';
import {
  CultureError,
  columnTitle,
  findColumn,
  formatFilter,
  formatCell,
  formatNumber,
  loadColumns,
  parseLabels,
  parseName,
  resolveSource,
  runQuery,
  withComputedColumns,
  type ColumnInfo,
  type FilterClause,
  type Lang,
  type ResolvedSource,
  type Row,
} from '@culture-widgets/core';
import {
  CultureErrorEvent,
  ThemeController,
  errorDetailOf,
  isSourceProvider,
  renderErrorState,
  resolveLang,
  worded,
  type SourceProvider,
  type ThemeSetting,
  Once,
  SourceLink,
  WarningController,
  ConnectionController,
  uiErrors,
} from '@culture-widgets/ui';
import {
  CONTROL_SETTINGS,
  SEARCHABLE_AFTER,
  chooseControl,
  facetQuery,
  matchFacets,
  rangeBounds,
  rangeClauses,
  rangeInput,
  rangeStep,
  rangeValues,
  searchClauses,
  searchText,
  selectedValues,
  toFacets,
  valuesClauses,
  type ControlSetting,
  type ControlType,
  type Facet,
} from './controls.js';
import { chipsOf, withoutChip, type Chip, type LiveFilters } from './filters.js';
import { filterErrors, filterMessages } from './messages.js';
import { filterStyles } from './filter.styles.js';
import { LABELS_EVENT } from './source.js';

/** What a control needs from its `<culture-source>` (duck-typed: a second copy of the bundle is another class). */
export interface FilterHost extends SourceProvider {
  readonly liveFilters: LiveFilters;
  readonly ownFilters: readonly FilterClause[];
  /** Labels of the keys (set by the controls, read by the summaries); absent in older copies. */
  readonly labels?: ReadonlyMap<string, string>;
  setLabel?(key: string, label: string): void;
  getFilter(key: string): readonly FilterClause[];
  filtersExcept(key: string): FilterClause[];
  setFilter(key: string, clauses: readonly FilterClause[] | null): void;
  reset(): void;
}

export const isFilterHost = (el: unknown): el is FilterHost =>
  isSourceProvider(el) && 'setFilter' in el && 'filtersExcept' in el && 'liveFilters' in el;

interface Profile {
  source: ResolvedSource;
  column: ColumnInfo;
  control: ControlType;
}

/** Typing in a search box waits this long before filtering (one request per pause, not per key). */
const SEARCH_DELAY = 350;

/**
 * A control that refines a `<culture-source>`: checkboxes with counts, a select, a min/max range
 * or a text search, chosen from the column profile or forced with `type`. Active filters are
 * listed as removable chips, with a reset button; each change is read out to screen readers.
 * Without `column`, it shows every active filter of the source (chips and « reset all »).
 *
 * @tag culture-filter
 * @fires culture-error - the source is missing, the column unknown, or the values failed to load; `detail: { code, message }`
 * @fires culture-warning - an attribute value was ignored (an unknown `type`, `theme`); `detail: { code, message, attribute, value, accepted }`
 * @csspart control - the form control(s)
 * @csspart summary - active filters (chips) and the reset button
 * @csspart loading - the loading skeleton
 * @csspart error - the error box
 * @csspart warning - the short note about attribute values ignored
 * @cssproperty --culture-filter-list-height - height of a long list of checkboxes (default `16rem`)
 */
export class CultureFilter extends LitElement {
  static override styles = filterStyles;

  /** Id of the `<culture-source>` to refine. */
  @property() source?: string;
  /** The column filtered (its name in the data; case and accents may differ). */
  @property() column?: string;
  /** `auto` (default: chosen from the column profile), `select`, `checkboxes`, `range`, `search`. */
  @property() type?: ControlSetting;
  /** Visible label; default the column name. */
  @property() label?: string;
  /** A select that takes several values. */
  @property({ type: Boolean }) multiple = false;
  /** `auto` follows the page (OS, DSFR); `light`; `dark`. */
  @property({ reflect: true }) theme: ThemeSetting = 'auto';

  /** Text typed in the value search of a long list. */
  @state() private valueSearch = '';
  /** Text typed in a search control, not applied yet. */
  @state() private draft?: string;
  /** Last sentence for the polite live region. */
  @state() private announcement = '';

  private readonly warnings = new WarningController(this);
  protected readonly themeController = new ThemeController(this, this.warnings);
  private readonly sourceLink = new SourceLink<FilterHost>(
    this,
    { 'culture-filter-change': () => this.onSourceChange(), [LABELS_EVENT]: () => this.onLabels() },
    isFilterHost,
  );
  /** One `culture-error` per failure. */
  private readonly reported = new Once();
  private spoken = '';
  /** The summary's own buttons changed the filters: it says so. */
  private acted = false;
  private searchTimer?: ReturnType<typeof setTimeout>;
  /** After a chip is removed, where focus goes (its index). */
  private focusChip?: number;

  private readonly profile = new Task(this, {
    task: async ([, , column, type], { signal }): Promise<Profile | undefined> => {
      const host = await this.findHost(signal);
      if (!column) return undefined; // the summary of every active filter
      const source = await resolveSource(host.spec, { signal });
      const base = await loadColumns(source, { signal });
      // the source's computed columns are columns like the others (decades, split values, cleaned labels)
      const columns = await withComputedColumns(base, host.compute);
      const info = findColumn(parseName(column) ?? column, columns);
      host.setLabel?.(info.name, this.titleOf(info.name, host)); // also tells summaries this key has a control
      const control = this.warnings.oneOf('type', type, CONTROL_SETTINGS, 'auto');
      return { source, column: info, control: control === 'auto' ? chooseControl(info) : control };
    },
    args: () => [this.linked, specKey(this.linked), this.column, this.type] as const,
  });

  /** Values and counts, under every filter of the source but this control's own. */
  private readonly facets = new Task(this, {
    task: async ([profile], { signal }): Promise<{ rows: Row[]; order?: string[] } | undefined> => {
      if (!profile || !hasValues(profile.control) || !this.linked) return undefined;
      const name = profile.column.name;
      const query = facetQuery(name, this.linked.filtersExcept(name), this.linked.compute, this.locale);
      const result = await runQuery(profile.source, query, { signal });
      const order = result.columns.find((c) => c.name === name)?.order;
      return { rows: result.rows, ...(order ? { order } : {}) };
    },
    args: () => [this.profile.value, this.facetKey()] as const,
  });

  /** Removed from the page: the pending profile and counts are aborted (and run again on return). */
  private readonly connection = new ConnectionController(this);

  constructor() {
    super();
    this.connection.watch(this.profile, this.facets);
  }

  private get locale(): Lang {
    return resolveLang(this);
  }

  /** The key this control's clauses are kept under in the source: the real column name. */
  private get key(): string | undefined {
    return this.profile.value?.column.name;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  /** The linked `<culture-source>`, once found. */
  private get linked(): FilterHost | undefined {
    return this.sourceLink.provider;
  }

  /** What a column is called here: `label`, else the source's `labels`, else its readable name. */
  private titleOf(name: string, host: FilterHost | undefined): string {
    if (this.label) return this.label;
    try {
      return columnTitle(name, parseLabels(host?.columnLabels));
    } catch {
      return columnTitle(name); // the source's widgets say what is wrong with its labels
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.reportErrors();
    if (this.focusChip !== undefined) this.restoreFocus(this.focusChip);
  }

  override render() {
    return html`${this.warnings.render()}${this.renderState()}`;
  }

  private renderState(): TemplateResult {
    const error = this.profile.error ?? this.facets.error;
    if (this.profile.status === TaskStatus.ERROR || this.facets.status === TaskStatus.ERROR) {
      // the loading state until the error's sentence can be worded (decision 0016)
      return worded(this, this.locale, [error]) ? renderErrorState(errorDetailOf(error, this.locale), this.locale) : this.renderLoading();
    }
    if (this.profile.status === TaskStatus.COMPLETE && !this.profile.value) return this.renderAllFilters();
    const profile = this.profile.value;
    if (!profile || this.profile.status !== TaskStatus.COMPLETE) return this.renderLoading();
    return html`<div part="control" class=${this.facets.status === TaskStatus.PENDING ? 'busy' : ''}>
        ${this.renderControl(profile)}
      </div>
      ${this.renderSummary(this.ownChips(), false)}${this.renderLiveRegion()}`;
  }

  // --- controls ------------------------------------------------------------------------------

  private renderControl(profile: Profile): TemplateResult {
    const label = this.titleOf(profile.column.name, this.linked);
    const clauses = this.linked?.getFilter(profile.column.name) ?? [];
    switch (profile.control) {
      case 'range':
        return this.renderRange(profile.column, label, clauses);
      case 'search':
        return this.renderSearch(label, clauses);
      default: {
        const selected = selectedValues(clauses);
        const values = this.facets.value;
        if (!values) return html`<p class="none" aria-busy="true">${label} : ${filterMessages(this.locale).loadingValues}</p>`;
        const facets = toFacets(values.rows, values.order ? { ...profile.column, order: values.order } : profile.column, selected);
        return profile.control === 'select'
          ? this.renderSelect(profile.column, label, facets, selected)
          : this.renderCheckboxes(profile.column, label, facets, selected);
      }
    }
  }

  private renderSelect(column: ColumnInfo, label: string, facets: Facet[], selected: string[]): TemplateResult {
    const m = filterMessages(this.locale);
    return html`<label class="label" for="control">${label}</label>
      <select id="control" ?multiple=${this.multiple} @change=${this.onSelectChange}>
        ${this.multiple ? nothing : html`<option value="" .selected=${live(selected.length === 0)}>${m.all}</option>`}
        ${facets.map(
          (f) => html`<option .value=${f.value} .selected=${live(selected.includes(f.value))}>
            ${m.valueCount(this.valueLabel(column, f.value), this.number(f.count))}
          </option>`,
        )}
      </select>`;
  }

  private renderCheckboxes(column: ColumnInfo, label: string, facets: Facet[], selected: string[]): TemplateResult {
    const m = filterMessages(this.locale);
    const shown = matchFacets(facets, this.valueSearch);
    return html`<fieldset>
      <legend>${label}</legend>
      ${facets.length > SEARCHABLE_AFTER
        ? html`<label class="visually-hidden" for="values-search">${m.searchValues(label)}</label>
            <input
              id="values-search"
              type="search"
              placeholder=${m.searchPlaceholder}
              .value=${live(this.valueSearch)}
              @input=${(e: Event) => (this.valueSearch = (e.target as HTMLInputElement).value)}
            />`
        : nothing}
      ${shown.length === 0
        ? html`<p class="none">${m.noValues}</p>`
        : html`<ul class="values ${facets.length > SEARCHABLE_AFTER ? 'boxed' : ''}">
            ${shown.map(
              (f, i) => html`<li>
                <input
                  type="checkbox"
                  id=${`v-${i}`}
                  .value=${f.value}
                  .checked=${live(selected.includes(f.value))}
                  @change=${this.onCheckboxChange}
                />
                <label for=${`v-${i}`}>${this.valueLabel(column, f.value)} <span class="count">(${this.number(f.count)})</span></label>
              </li>`,
            )}
          </ul>`}
    </fieldset>`;
  }

  private renderRange(column: ColumnInfo, label: string, clauses: readonly FilterClause[]): TemplateResult {
    const m = filterMessages(this.locale);
    const bounds = rangeBounds(column);
    const values = rangeValues(clauses);
    const input = rangeInput(column);
    const field = (name: 'min' | 'max', text: string, id?: string) =>
      html`<label
        >${text}
        <input
          id=${id ?? nothing}
          name=${name}
          type=${input}
          min=${bounds.min ?? nothing}
          max=${bounds.max ?? nothing}
          step=${input === 'number' ? rangeStep(column) : nothing}
          placeholder=${bounds[name] ?? nothing}
          .value=${live(values[name] ?? '')}
          @change=${this.onRangeChange}
      /></label>`;
    return html`<fieldset>
      <legend>${label}</legend>
      <div class="range">${field('min', m.min, 'control')}${field('max', m.max)}</div>
    </fieldset>`;
  }

  private renderSearch(label: string, clauses: readonly FilterClause[]): TemplateResult {
    return html`<label class="label" for="control">${label}</label>
      <input
        id="control"
        type="search"
        placeholder=${filterMessages(this.locale).searchPlaceholder}
        .value=${live(this.draft ?? searchText(clauses))}
        @input=${this.onSearchInput}
        @change=${this.applySearch}
      />`;
  }

  // --- chips, reset, live region ---------------------------------------------------------------

  /** Every active filter of the source (no `column`): chips and « reset all ». */
  private renderAllFilters(): TemplateResult {
    const m = filterMessages(this.locale);
    const chips = this.allChips();
    return html`<div part="control">
        <p class="label" id="summary-label">${this.label || m.activeFilters}</p>
        ${chips.length ? nothing : html`<p class="none">${m.noActiveFilters}</p>`}
      </div>
      ${this.renderSummary(chips, true)}${this.renderLiveRegion()}`;
  }

  private renderSummary(chips: Chip[], all: boolean): TemplateResult | typeof nothing {
    if (chips.length === 0) return nothing;
    const m = filterMessages(this.locale);
    return html`<div class="summary" part="summary">
      <ul class="chips" aria-label=${m.activeFilters}>
        ${chips.map(
          (chip, i) => html`<li>
            <button type="button" class="chip" aria-label=${m.remove(chip.text)} @click=${() => this.removeChip(chip, i)}>
              <span>${chip.text}</span><span aria-hidden="true">×</span>
            </button>
          </li>`,
        )}
      </ul>
      <button type="button" class="reset" @click=${all ? this.resetAll : this.resetOwn}>${all ? m.resetAll : m.reset}</button>
    </div>`;
  }

  private renderLiveRegion(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  private renderLoading(): TemplateResult {
    return html`<div class="state loading" part="loading" aria-busy="true">
      <span class="visually-hidden" role="status">${filterMessages(this.locale).loadingValues}</span>
      <div class="skeleton-line short"></div>
      <div class="skeleton-line"></div>
    </div>`;
  }

  private ownChips(): Chip[] {
    const key = this.key;
    if (!key || !this.linked) return [];
    return chipsOf(new Map([[key, this.linked.getFilter(key)]]), filterMessages(this.locale), this.linked.labels);
  }

  private allChips(): Chip[] {
    return this.linked ? chipsOf(this.linked.liveFilters, filterMessages(this.locale), this.linked.labels) : [];
  }

  // --- events from the controls ----------------------------------------------------------------

  private setOwn(clauses: FilterClause[] | null): void {
    if (this.key) this.linked?.setFilter(this.key, clauses);
  }

  private readonly onSelectChange = (event: Event) => {
    const select = event.target as HTMLSelectElement;
    this.setOwn(valuesClauses(this.key!, [...select.selectedOptions].map((o) => o.value).filter(Boolean)));
  };

  private readonly onCheckboxChange = (event: Event) => {
    const box = event.target as HTMLInputElement;
    const current = selectedValues(this.linked?.getFilter(this.key!) ?? []);
    const next = box.checked ? [...current, box.value] : current.filter((v) => v !== box.value);
    this.setOwn(valuesClauses(this.key!, next));
  };

  private readonly onRangeChange = () => {
    const read = (name: string) => this.renderRoot.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value;
    this.setOwn(rangeClauses(this.key!, read('min'), read('max')));
  };

  private readonly onSearchInput = (event: Event) => {
    this.draft = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(this.applySearch, SEARCH_DELAY);
  };

  private readonly applySearch = () => {
    clearTimeout(this.searchTimer);
    if (this.draft !== undefined) this.setOwn(searchClauses(this.key!, this.draft));
  };

  private removeChip(chip: Chip, index: number): void {
    this.focusChip = index;
    this.acted = !this.column;
    this.linked?.setFilter(chip.key, withoutChip(this.linked.getFilter(chip.key), chip));
  }

  private readonly resetOwn = () => {
    this.focusChip = 0;
    this.draft = undefined;
    this.setOwn(null);
  };

  private readonly resetAll = () => {
    this.focusChip = 0;
    this.acted = true;
    this.linked?.reset();
  };

  /** Focus stays in the control after a chip (or the reset button) disappears. */
  private restoreFocus(index: number): void {
    this.focusChip = undefined;
    const chips = [...this.renderRoot.querySelectorAll<HTMLElement>('.chip')];
    const target =
      chips[index] ??
      chips[index - 1] ??
      this.renderRoot.querySelector<HTMLElement>('#control, #values-search, .values input, #summary-label');
    if (target?.id === 'summary-label') target.tabIndex = -1;
    target?.focus();
  }

  // --- the source ------------------------------------------------------------------------------

  private onSourceChange(): void {
    const key = this.key;
    const own = key ? this.linked?.getFilter(key) : undefined;
    if (this.draft !== undefined && this.draft.trim() !== searchText(own ?? [])) this.draft = undefined;
    this.speak();
    this.requestUpdate();
  }

  private onLabels(): void {
    if (!this.column) this.spoken = this.heard(); // a control took a key over: not a change to read out
    this.requestUpdate();
  }

  /** Reads the active filters out when they change (not when another control's do). */
  private speak(): void {
    if (this.column && !this.profile.value) return;
    const said = this.heard();
    if (said === this.spoken && !this.acted) return;
    this.spoken = said;
    this.acted = false;
    const chips = this.profile.value ? this.ownChips() : this.allChips();
    this.announcement = filterMessages(this.locale).announce(chips.length, chips.map((c) => c.text).join(', '));
  }

  /**
   * What this control reads out: its own chips; for a summary, the chips no control on the page
   * reads out (a click on a chart) — or all of them after its own buttons. Nothing is said twice.
   */
  private heard(): string {
    const chips = this.profile.value ? this.ownChips() : this.allChips().filter((c) => !this.linked?.labels?.has(c.key));
    return chips.map((c) => c.text).join(', ');
  }

  /** The linked source, once `<culture-source>` is defined (the page may define it after us). */
  private async findHost(signal: AbortSignal): Promise<FilterHost> {
    if (!this.linked) await this.sourceLink.settle(signal);
    if (!this.linked) throw this.source ? uiErrors.error('no-source', { id: this.source }, 'missing-source') : filterErrors.error('no-source', {}, 'needs-source');
    return this.linked;
  }

  /** Changes when the filters a facet counts under change (not when this control's own do). */
  private facetKey(): string {
    const key = this.key;
    if (!key || !this.linked) return '';
    try {
      return formatFilter(this.linked.filtersExcept(key));
    } catch {
      return 'bad-filter'; // the facet task reports it
    }
  }

  private valueLabel(column: ColumnInfo, value: string): string {
    return formatCell(value, column, this.locale) || value;
  }

  private number(n: number): string {
    return formatNumber(n, this.locale);
  }

  // --- errors ----------------------------------------------------------------------------------

  /** One `culture-error` per failure, after it is shown. */
  private reportErrors(): void {
    const error =
      this.profile.status === TaskStatus.ERROR ? this.profile.error : this.facets.status === TaskStatus.ERROR ? this.facets.error : undefined;
    if (error === undefined || (error instanceof CultureError && error.code === 'aborted')) return;
    if (!worded(this, this.locale, [error])) return; // said once worded: the update after its sentences load calls here again
    this.reported.run(error, () => this.dispatchEvent(new CultureErrorEvent(errorDetailOf(error, this.locale))));
  }
}

const hasValues = (control: ControlType) => control === 'select' || control === 'checkboxes';

const specKey = (host?: FilterHost) => (host ? JSON.stringify([host.spec, host.compute ?? '', host.columnLabels ?? '']) : '');
