import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { TaskStatus } from '@lit/task';
import { property } from 'lit/decorators.js';
import {
  AGGREGATE_OPS, columnNamed, csvDecimal, measureTitle, parseDefinitions, parseFilter, runQuery, slugify, toCSV,
  type AggregateOp, type ColumnInfo, type FilterClause, type LoadOptions, type Query, type QueryResult, type ResolvedSource,
} from '@culture-widgets/core';
import {
  CultureDataElement, MenuController, aggregateUnused, baseStyles, csvFile, formatDay, menuStyles, readToken, saveFile, type DataState,
} from '@culture-widgets/ui';
import {
  KPI_FORMATS, KPI_MODES, compareFigure, planKpi, readFigure,
  type KpiComparison, type KpiFigure, type KpiFormat, type KpiMode, type KpiPlan,
} from './figure.js';
import { kpiImage } from './image.js';
import { kpiStyles } from './kpi.styles.js';
import { kpiErrors, kpiMessages } from './messages.js';
import { compareName, comparisonText, describeKpi, figureRows, formatFigure, sparkline, type Direction } from './text.js';

/** The figure, as the element shows it. */
interface Shown {
  label: string;
  value: string;
  comparison?: { text: string; direction: Direction; base?: string };
  cmp?: KpiComparison;
  than?: string;
  figure: KpiFigure;
  description: string;
}

const ARROWS: Record<Direction, string> = { up: '▲', down: '▼', flat: '►', none: '' };
/** The sparkline's box (the drawing stretches to the tile's width). */
const TREND = { width: 200, height: 40 };

/**
 * A key figure from a data.gouv.fr resource: a big number with its unit, its change or its share
 * against a base, an optional sparkline, a caption and the citation.
 *
 * ```html
 * <culture-kpi dataset="frequentation-des-musees-de-france-1" value="sum(total)" unit="entrées"
 *              filter="annee = 2024" compare="annee = 2019" label="Entrées en 2024"></culture-kpi>
 * ```
 *
 * Server-first: the value, its base and the trend are one grouped query when they fit one (they
 * differ on some columns: group by those), else one query each; where the API refuses to
 * aggregate, the rows are read once and every figure computed from them.
 *
 * @tag culture-kpi
 * @fires culture-load - the figure is shown; `detail: { rows: 1, total, source }`.
 * @fires culture-error - loading failed or an attribute cannot be read (`value`, `compare`, `trend`); `detail: { code, message }` (also shown, `role="alert"`).
 * @fires culture-warning - an attribute value was ignored (`mode`, `format`, `mode="share"` without `compare`, `aggregate` with no bare column in `value`); also a short note.
 *
 * @csspart figure - the tile
 * @csspart label - the caption (`label`)
 * @csspart value - the big number
 * @csspart unit - its unit
 * @csspart change - the change or the share against the base (an arrow and words, never colour alone)
 * @csspart trend - the sparkline (`trend`)
 * @csspart description - the text alternative (visually hidden)
 * @csspart menu-button - the options menu's button
 * @csspart menu - the options menu (PNG with the citation, CSV)
 *
 * @cssproperty --culture-kpi-value-size - size of the number (default `clamp(1.75rem, 6vw, 2.5rem)`)
 * @cssproperty --culture-accent-color - the sparkline
 */
export class CultureKpi extends CultureDataElement {
  static override styles = [...baseStyles, menuStyles, kpiStyles];

  /** The figure: an aggregate expression (`sum(total)`, `sum(gratuit) / sum(total)`, `taux = …`); default `count()`. @editor measure */
  @property() value = 'count()';
  /**
   * The base the value is compared with: clauses that replace the clauses of `filter` on the same
   * columns (`annee = 2019`); `COLUMN = *` drops one (`regions = *`: the whole). @editor compare
   */
  @property() compare?: string;
  /** `change` (default with `compare`): the change against the base; `share`: value ÷ base, as a percentage. */
  @property() mode?: KpiMode;
  /**
   * What the base is called (« 2019 », « la France »); default: from `compare`.
   * @editor words
   * @advanced
   */
  @property({ attribute: 'compare-label' }) compareLabel?: string;
  /** The caption; default: the measure's name. @editor words */
  @property() label?: string;
  /** Unit after the number (`entrées`, `€`). @editor words */
  @property() unit?: string;
  /** `number` (default), `percent` (a fraction: 0.123 shows « 12,3 % »), `compact` (« 13,2 M »). */
  @property() format?: KpiFormat;
  /**
   * A column (`annee`): a small line of the value along it, the filter's clause on that column ignored.
   * @editor column
   */
  @property() trend?: string;
  /**
   * What a bare column of `value` takes: `sum` (default), `mean`, `min`, `max`, `count`, `median`.
   * @advanced
   */
  @property() aggregate?: AggregateOp;

  private readonly menu = new MenuController(this);
  /** The plan `buildQuery` made; `runData` runs it right after (no wait in between). */
  private plan?: KpiPlan;
  /** The plan that last ran: its queries and the groups it picks from their answers. */
  private ran?: string;
  /** The figure read from each result. */
  private readonly figures = new WeakMap<QueryResult, KpiFigure>();

  // --- data ---------------------------------------------------------------------------------

  protected override buildQuery(columns: ColumnInfo[], filters: FilterClause[]): Query {
    const aggregate = this.warnings.oneOf('aggregate', this.aggregate, AGGREGATE_OPS, undefined);
    const plan = planKpi({
      value: this.value?.trim() || 'count()',
      ...(aggregate ? { aggregate } : {}),
      filters,
      ...(this.compare?.trim() ? { compare: parseFilter(this.compare) } : {}),
      ...(this.trend?.trim() ? { trend: this.trend.trim() } : {}),
      columns,
    });
    this.plan = plan;
    return plan.queries[0]!;
  }

  /** Every query of the plan (one in the common case), then the figure read from their answers. */
  protected override async runData(source: ResolvedSource, query: Query, options: LoadOptions): Promise<QueryResult> {
    const plan = this.plan;
    if (!plan) return runQuery(source, query, options);
    // the base adds the author's computed columns and join to the query: every query takes them
    const shaping: Query = {
      ...(query.compute ? { compute: query.compute } : {}), ...(query.lang ? { lang: query.lang } : {}), ...(query.join ? { join: query.join } : {}),
    };
    this.ran = JSON.stringify(plan);
    const results = await Promise.all(plan.queries.map((q) => runQuery(source, { ...q, ...shaping }, options)));
    const figure = readFigure(plan, results);
    const main: QueryResult = {
      ...results[0]!,
      rows: [{ value: figure.value, ...(figure.base !== undefined ? { base: figure.base } : {}) }],
      // no row gives a value: the empty state, announced as 0 rows out of 0
      total: figure.value === null ? 0 : 1,
    };
    this.figures.set(main, figure);
    return main;
  }

  /**
   * The base loads again when the first query changes; a change only the others see (`compare`
   * under a median: the base's own query), or only the groups read from the same answer (`annee = *`
   * then `annee = 2019`), runs the plan again here.
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const mine: (keyof CultureKpi)[] = ['value', 'compare', 'trend', 'aggregate'];
    if (!this.ran || !this.plan || !mine.some((k) => changed.has(k))) return;
    if (this.data.status !== TaskStatus.PENDING && JSON.stringify(this.plan) !== this.ran) void this.data.run();
  }

  /** A value no row gives (a filter matching nothing): the empty state. */
  protected override isEmpty(state: DataState): boolean {
    return (this.figures.get(state.result)?.value ?? null) === null;
  }

  // --- render ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    return this.renderData();
  }

  private settings(): { mode: KpiMode; format: KpiFormat } {
    const w = this.warnings;
    const mode = w.oneOf('mode', this.mode, KPI_MODES, 'change');
    const format = w.oneOf('format', this.format, KPI_FORMATS, 'number');
    const orphan = mode === 'share' && !this.compare?.trim();
    w.set('kpi', orphan ? [kpiErrors.warning('invalid-value', { attribute: 'mode', value: 'share', accepted: 'change' }, 'share-without-compare')] : []);
    w.set('aggregate-unused', aggregateUnused(this.aggregate, this.value));
    return { mode, format };
  }

  /** Everything the tile says, from the figure and the attributes. */
  private shown(state: DataState): Shown {
    const lang = this.locale;
    const figure = this.figures.get(state.result)!;
    const { mode, format } = this.settings();
    const unit = this.unit?.trim() || undefined;
    const say = (n: number) => formatFigure(n, format, unit, lang);
    const label = this.label?.trim() || this.defaultLabel();
    const cmp = compareFigure(figure, mode, format, unit);
    const compare = this.compare?.trim() ? parseFilter(this.compare) : [];
    const than = compareName(compare, this.compareLabel, lang);
    const line = cmp ? comparisonText(cmp, than, lang) : undefined;
    const base = figure.base !== undefined && figure.base !== null && cmp?.status === 'ok' && mode === 'change' ? `${than}${lang === 'en' ? ': ' : '\u00a0: '}${say(figure.base)}` : undefined;
    const trendColumn = this.trend?.trim() ? columnNamed(this.trend, state.columns) : undefined;
    const value = say(figure.value!);
    const description = describeKpi(
      {
        label, value,
        ...(line ? { comparison: { text: line.text, ...(base ? { base } : {}) } } : {}),
        ...(figure.trend ? { trend: { points: figure.trend, ...(trendColumn ? { column: trendColumn } : {}), format: say } } : {}),
      },
      lang,
    );
    return { label, value, figure, description, ...(cmp ? { cmp, than } : {}), ...(line ? { comparison: { ...line, ...(base ? { base } : {}) } } : {}) };
  }

  /**
   * The measure's title (core's, under the element's `labels`): its name (`taux = …` → « Taux »),
   * « Nombre de lignes » for `count()`, « Total » for `sum(total)`, « Total (moyenne) » for
   * `mean(total)`, « Gratuit / Total » for `sum(gratuit) / sum(total)`.
   */
  private defaultLabel(): string {
    try {
      const [definition] = parseDefinitions(this.value?.trim() || 'count()', { separator: ',', named: false });
      const aggregate = AGGREGATE_OPS.find((op) => op === this.aggregate?.trim());
      if (definition) return measureTitle(definition, { lang: this.locale, titleOf: (name) => this.titleOf(name), sumNote: false, ...(aggregate ? { aggregate } : {}) });
    } catch {
      // the error state says why
    }
    return this.value;
  }

  protected override renderReady(state: DataState): TemplateResult {
    let shown: Shown;
    try {
      shown = this.shown(state);
    } catch (error) {
      return this.renderFailure(error);
    }
    this.lastShown = shown;
    const m = kpiMessages(this.locale);
    const unit = this.unit?.trim();
    const number = unit && shown.value.endsWith(unit) ? shown.value.slice(0, -unit.length).trimEnd() : shown.value;
    return html`<figure part="figure" aria-labelledby="label" aria-describedby="description">
      <div class="head">
        <figcaption id="label" part="label">${shown.label}</figcaption>
        ${this.menu.render(m.menu, [
          { label: m.downloadPng, run: () => this.downloadImage() },
          { label: m.downloadCsv, run: () => this.downloadCsv() },
        ])}
      </div>
      <p class="value" part="value" aria-hidden="true">
        <span class="number">${number}</span>${unit && number !== shown.value ? html` <span class="unit" part="unit">${unit}</span>` : nothing}
      </p>
      ${shown.comparison
        ? html`<p class="change ${shown.comparison.direction}" part="change" aria-hidden="true">
            ${shown.comparison.direction !== 'none' ? html`<span class="arrow">${ARROWS[shown.comparison.direction]}</span> ` : nothing}${shown.comparison.text}
          </p>`
        : nothing}
      ${this.renderTrend(shown.figure)}
      <p id="description" class="visually-hidden" part="description">${shown.description}</p>
    </figure>`;
  }

  private renderTrend(figure: KpiFigure): TemplateResult | typeof nothing {
    if (!figure.trend) return nothing;
    const { d, dots } = sparkline(figure.trend, TREND.width, TREND.height);
    if (!d) return nothing;
    const marked = dots.filter((p) => (figure.valueAt !== undefined && p.at === figure.valueAt) || (figure.baseAt !== undefined && p.at === figure.baseAt));
    const first = figure.trend[0]!.x;
    const last = figure.trend[figure.trend.length - 1]!.x;
    return html`<div class="trend" part="trend" aria-hidden="true">
      <svg viewBox="0 0 ${TREND.width} ${TREND.height}" preserveAspectRatio="none">
        ${svg`<path class="line" d=${d}></path>`}
        ${marked.map((p) => svg`<path class=${p.at === figure.valueAt ? 'dot value' : 'dot base'} d=${`M${p.x.toFixed(1)} ${p.y.toFixed(1)}h0`}></path>`)}
      </svg>
      <span class="ends"><span>${String(first)}</span><span>${String(last)}</span></span>
    </div>`;
  }

  // --- downloads ----------------------------------------------------------------------------------

  private lastShown?: Shown;

  /** The tile as a PNG: caption, number, change, sparkline, and the source, licence and date. */
  exportImage(): string {
    const state = this.data.value as DataState | undefined;
    const shown = this.lastShown;
    if (!state || !shown) throw new Error('Nothing shown yet');
    const m = kpiMessages(this.locale);
    const citation = state.source.citation;
    const source = [citation.datasetTitle, citation.producer].filter(Boolean).join(' — ');
    const licence = citation.licenseTitle ?? citation.license;
    const token = (name: string, fallback: string) => readToken(this, name) || fallback;
    return kpiImage({
      label: shown.label,
      value: shown.value,
      ...(shown.comparison ? { comparison: shown.comparison } : {}),
      ...(shown.figure.trend ? { trend: shown.figure.trend } : {}),
      caption: [m.sourceLine(source), ...(licence ? [m.licenceLine(licence)] : []), m.madeOn(formatDay(new Date().toISOString(), this.locale) ?? '')],
      theme: {
        text: token('text', '#161616'), muted: token('muted', '#5c5c5c'), accent: token('accent', '#000091'),
        background: token('background', '#ffffff'), border: token('border', '#dddddd'), font: getComputedStyle(this).fontFamily || 'sans-serif',
      },
    });
  }

  /** The figure, its base, the change or share and the trend as CSV (`;`, decimal commas in French). */
  kpiCsv(): string {
    const shown = this.lastShown;
    if (!shown) return '';
    const m = kpiMessages(this.locale);
    const what = shown.cmp?.mode === 'share' ? m.csv.share : m.csv.change;
    const rows = figureRows(
      shown.figure,
      { label: shown.label, ...(shown.than ? { base: m.csv.base(shown.than) } : {}), ...(shown.cmp ? { comparison: { what, ...(shown.cmp.amount !== undefined ? { amount: shown.cmp.amount } : {}) } } : {}) },
      this.trend?.trim(),
    );
    const names = [m.csv.what, m.csv.value];
    return toCSV(rows.map(([a, b]) => ({ [names[0]!]: a, [names[1]!]: b })), names, { decimal: csvDecimal(this.locale) });
  }

  private downloadImage(): void {
    try {
      saveFile(this.exportImage(), `${this.fileStem()}.png`);
    } catch (error) {
      this.reportError(error);
    }
  }

  private downloadCsv(): void {
    saveFile(csvFile(this.kpiCsv()), `${this.fileStem()}.csv`);
  }

  private fileStem(): string {
    return slugify(this.lastShown?.label) || 'chiffre-cle';
  }
}
