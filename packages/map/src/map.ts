import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { AGGREGATE_OPS, aggregateTitle, cellNumber, formatNumber, measureTitle, parseDefinitions, type AggregateOp, type ColumnInfo, type FilterClause, type Query, type Row } from '@culture-widgets/core';
import { CultureDataElement, CultureSelectEvent, aggregateUnused, baseStyles, isAborted, readPalette, readToken, styleProps, type DataState } from '@culture-widgets/ui';
import { leafletStyles } from './leaflet-css.js';
import { mapStyles } from './map.styles.js';
import { mapErrors, mapMessages, type MapMessages } from './messages.js';
// types only: Leaflet and supercluster come with the controller, loaded when the element connects
import type { AreasModel, LayerModel, MapController, Theme } from './map-controller.js';
import {
  LEVELS, MAP_MODES, buildPlan, levelOf, mapQuery, resolveColumns, type AreasPlan, type MapAttributes, type MapModeSetting, type Plan, type PointsPlan,
} from './plan.js';
import { boundariesUrl, loadBoundaries } from './boundaries.js';
import { featureCode, featureName, frenchFocus, isOverseas, type FeatureCollection } from './choropleth.js';
import { categoryScale, sequentialScale, sizeScale, type CategoryScale, type SequentialScale, type SizeScale } from './scales.js';
import { legendNumber, popupModel, summary, type PopupModel } from './popup.js';
import { shortCount } from './cluster.js';
import type { Place } from './coords.js';
import { CLUSTER_SETTINGS, type ClusterSetting } from './cluster.js';
import { TILE_PRESETS, tileSpec, type TileSetting, type TileSpec } from './tiles.js';
import type { Level } from '@culture-widgets/core';

/** Features listed under the map for keyboard and screen-reader users (the table alternative). */
const LIST_LIMIT = 200;
/** A heading starts with a capital; the same words stay lowercase inside sentences and cells. */
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

const OVERSEAS_CODES = new Set(['971', '972', '973', '974', '976']);
const OVERSEAS_REGIONS = new Set(['01', '02', '03', '04', '06']);

interface Drawn {
  data: DataState;
  boundaries?: FeatureCollection;
  key: string;
}

/**
 * A Leaflet map of a data.gouv.fr resource: points (clustered above ~1,000), proportional
 * circles, a density layer, or a choropleth by INSEE code.
 *
 * @tag culture-map
 * @fires culture-select - a marker, an area or a list entry was activated; `detail.row`, `detail.values`
 * @csspart figure - the map, its legend and notes
 * @csspart map - the Leaflet container
 * @csspart legend - the legend
 * @csspart features - the list (or table) of what the map shows: the text alternative
 * @csspart notes - rows left off the map, said under it
 * @cssproperty --culture-map-height - height of the map (default `26rem`; at most 90% of a narrow map's width)
 */
export class CultureMap extends CultureDataElement {
  static override styles = [...baseStyles, leafletStyles, mapStyles];

  /** `auto` (default: points when anything looks like coordinates, else areas by INSEE code), `points`, `choropleth`, `heatmap`. */
  @property() mode: MapModeSetting = 'auto';
  /** Latitude column (with `lon`); default: found from the profile. @editor column */
  @property() lat?: string;
  /** Longitude column (with `lat`). @editor column */
  @property() lon?: string;
  /** One column holding both coordinates (`"46.2, 5.5"`, `[46.2, 5.5]`; either order, detected). @editor column */
  @property() coords?: string;
  /** Column naming each place (popup title, list); default: a `nom`-like column. @editor column */
  @property() label?: string;
  /** Columns shown in popups, comma list (quote a name holding a comma). @editor columns */
  @property() popup?: string;
  /** Category column colouring the points (8 most frequent values, the rest « Autres »), with a legend. @editor column @advanced */
  @property() color?: string;
  /** Number column sizing the points (proportional circles), with a legend. @editor numeric-column @advanced */
  @property() size?: string;
  /** `auto` (on above ~1,000 points), `true`, `false`. @advanced */
  @property() cluster: ClusterSetting = 'auto';
  /** INSEE code column of a choropleth (région, département or commune). @editor column */
  @property() code?: string;
  /** `region`, `departement`, `commune`; guessed from the codes when absent. @advanced */
  @property() level?: Level;
  /** Value of a choropleth: a number column, or an aggregate expression (`sum(total) / join.population * 1000`); default: a count of rows. @editor numeric-column */
  @property() value?: string;
  /** How the rows of one area combine: `sum` (default with `value`), `count`, `mean`, `median`, `min`, `max`. */
  @property() aggregate?: AggregateOp;
  /** Boundaries GeoJSON URL (`{level}` becomes `regions`, `departements`, `communes`); default: Etalab's. @editor url @advanced */
  @property() boundaries?: string;
  /** Outlines of `region`s, `departement`s or `commune`s drawn under points (from `boundaries`). @advanced */
  @property() outline?: Level;
  /** Base map: `ign` (default: Plan IGN v2), `osm`, `none`, or a `https://…/{z}/{x}/{y}.png` template. @editor url @advanced */
  @property() tiles: TileSetting = 'ign';

  @state() private tilesFailed = false;
  @state() private hint?: string;
  @state() private densityCounts: number[] = [];

  /** The Leaflet side, loaded (with Leaflet) while the data loads: the skeleton never waits for it. */
  private controller?: MapController;
  private controllerLoading?: Promise<void>;
  private drawn?: Drawn;
  private planCache?: { data: DataState; key: string; plan: Plan };
  private hintTimer?: ReturnType<typeof setTimeout>;

  /** Boundaries load once the plan knows the level (lazily: points never fetch them). */
  private readonly boundariesTask = new Task(this, {
    task: async ([url]: readonly [string | undefined], { signal }) => {
      if (!url) return undefined;
      try {
        return await loadBoundaries(url, signal);
      } catch (error) {
        if (isAborted(error)) throw error;
        throw mapErrors.error('network', { url }, 'boundaries-failed');
      }
    },
    args: () => [this.boundariesNeeded()] as const,
  });

  constructor() {
    super();
    this.connection.watch(this.boundariesTask);
    this.themeController.onChange(() => this.requestUpdate());
  }

  /** What the map shows now (clusters, points, areas): for tests and debugging. */
  get drawnSummary() {
    return this.controller?.summary ?? { clusters: 0, clustered: 0, points: 0, areas: 0 };
  }

  /** The Leaflet map while drawn (tests, advanced use); undefined otherwise. */
  get leafletMap() {
    return this.controller?.leaflet;
  }

  // --- lifecycle -------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.controllerLoading ??= import('./map-controller.js').then(({ MapController }) => {
      this.controller = new MapController({
        select: (what) => this.select(what),
        tilesFailed: () => (this.tilesFailed = true),
        drawn: (shown) => this.announceLoad(shown),
      });
      this.requestUpdate();
    });
    // put back in the page (moved, re-attached): draw again on the next update
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.dispose();
    this.drawn = undefined;
    clearTimeout(this.hintTimer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.sync();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('tiles')) this.tilesFailed = false;
  }

  protected override get announcesOnRender(): boolean {
    return false;
  }


  /** Points coloured by `color` keep their colour across filters. */
  protected override colorColumns(columns: ColumnInfo[]): string[] {
    const { color } = resolveColumns(this.attributes_(), columns);
    return color ? [color] : [];
  }

  protected override buildQuery(columns: ColumnInfo[], filters: FilterClause[]): Query {
    // throws core's unknown-column error (with the available columns) before anything loads
    return mapQuery(resolveColumns(this.attributes_(), columns), columns, filters);
  }

  // --- render ----------------------------------------------------------------------------------

  override render(): TemplateResult {
    return this.renderData();
  }

  protected override renderReady(data: DataState): TemplateResult {
    const plan = this.planFor(data);
    const m = mapMessages(this.locale);
    if (plan.mode === 'none') return this.renderFailure(this.planError(plan));
    if (plan.mode === 'choropleth' && this.boundariesTask.status === TaskStatus.ERROR && !isAborted(this.boundariesTask.error)) {
      return this.renderFailure(this.boundariesTask.error);
    }
    const tiles = this.tileLayer;
    const count = plan.mode === 'choropleth' ? plan.folded.values.size : plan.located.places.length;
    const what = `${data.source.citation.datasetTitle}, ${plan.mode === 'choropleth' ? m.areas(this.number(count)) : m.places(this.number(count))}`;
    return html`<figure part="figure">
      <div class="frame" @wheel=${this.onWheel} @touchmove=${this.onTouchMove}>
        <div class="map" part="map" role="region" aria-label=${m.mapOf(what)} aria-describedby="keyboard-help"></div>
        <p id="keyboard-help" class="visually-hidden">${m.keyboardHelp}</p>
        ${tiles && !this.tilesFailed
          ? html`<p class="overlay attribution">
              ${tiles.attribution.map((a) => (a.href ? html`<a href=${a.href} target="_blank" rel="noopener noreferrer">${a.text}</a>` : a.text))}
            </p>`
          : nothing}
        ${plan.mode === 'choropleth' && this.boundariesTask.status === TaskStatus.PENDING
          ? html`<p class="overlay boundaries-loading" role="status">${m.loadingBoundaries}</p>`
          : nothing}
        ${this.hint ? html`<p class="overlay hint" aria-hidden="true">${this.hint}</p>` : nothing}
      </div>
      ${
        // under the map, not over it: the notice must not hide the data it says is still shown
        this.tilesFailed ? html`<p class="tiles-failed" part="notice" role="status">${m.tilesFailed}</p>` : nothing
      }
      ${this.renderLegend(plan, m)} ${this.renderNotes(plan, data, m)} ${this.renderFeatures(plan, m)}
    </figure>`;
  }

  private renderLegend(plan: PointsPlan | AreasPlan, m: MapMessages): TemplateResult | typeof nothing {
    const scales = this.scalesFor(plan);
    const items: TemplateResult[] = [];
    if (scales.sequential) {
      const title = capitalise(plan.mode === 'choropleth' ? this.valueTitle(plan) : m.densityLegend);
      items.push(html`<li class="legend-title">${title}</li>`);
      for (const c of scales.sequential.classes) {
        items.push(html`<li><span class="swatch" ${styleProps({ background: c.color })} aria-hidden="true"></span>${m.range(legendNumber(c.from, this.locale), legendNumber(c.to, this.locale))}</li>`);
      }
      if (plan.mode === 'choropleth') {
        items.push(html`<li><span class="swatch" ${styleProps({ background: scales.sequential.noData })} aria-hidden="true"></span>${m.noData}</li>`);
      }
    }
    if (scales.category && plan.mode !== 'choropleth') {
      items.push(html`<li class="legend-title">${this.titleOf(plan.color!)}</li>`);
      for (const c of scales.category.categories) {
        items.push(html`<li><span class="swatch dot" ${styleProps({ background: c.color })} aria-hidden="true"></span>${c.value || m.empty} (${this.number(c.count)})</li>`);
      }
      const other = scales.category.other;
      if (other) items.push(html`<li><span class="swatch dot" ${styleProps({ background: other.color })} aria-hidden="true"></span>${m.other} (${this.number(other.count)})</li>`);
    }
    if (scales.size && plan.mode !== 'choropleth') {
      items.push(html`<li class="legend-title">${this.titleOf(plan.size!)}</li>`);
      for (const s of scales.size.steps) {
        const d = Math.round(s.radius * 2);
        items.push(html`<li><span class="swatch circle" ${styleProps({ width: `${d}px`, height: `${d}px` })} aria-hidden="true"></span>${legendNumber(s.value, this.locale)}</li>`);
      }
    }
    if (!items.length) return nothing;
    return html`<ul class="legend" part="legend" aria-label=${m.legend}>${items}</ul>`;
  }

  private renderNotes(plan: PointsPlan | AreasPlan, data: DataState, m: MapMessages): TemplateResult | typeof nothing {
    const notes: string[] = [];
    if (plan.mode === 'choropleth') {
      const unknown = plan.folded.invalid + this.unmatchedCodes(plan);
      if (unknown) notes.push(m.invalidCodes(unknown, this.number(unknown)));
    } else {
      const invalid = plan.located.invalid;
      if (invalid) notes.push(m.invalidRows(invalid, this.number(invalid)));
      const focus = frenchFocus(plan.located.places);
      const outside = focus ? plan.located.places.length - focus.length : 0;
      if (outside) notes.push(m.outsideFrance(outside, this.number(outside)));
      if (data.result.total > data.result.rows.length) notes.push(m.truncated(this.number(data.result.rows.length), this.number(data.result.total)));
    }
    return notes.length ? html`<p class="notes" part="notes">${notes.join(' ')}</p>` : nothing;
  }

  private renderFeatures(plan: PointsPlan | AreasPlan, m: MapMessages): TemplateResult {
    if (plan.mode === 'choropleth') {
      const names = this.featureNames();
      const entries = [...plan.folded.values.values()].sort((a, b) => (b.value || 0) - (a.value || 0));
      return html`<details class="features" part="features">
        <summary>${m.listOfAreas(this.number(entries.length))}</summary>
        <div class="table-scroll">
          <table>
            <thead><tr><th scope="col">${m.code}</th><th scope="col">${m.name}</th><th scope="col">${capitalise(this.valueTitle(plan))}</th></tr></thead>
            <tbody>
              ${entries.map(
                (e) => html`<tr>
                  <td>${e.code}</td>
                  <td><button type="button" @click=${() => this.showArea(e.code)}>${names.get(e.code) ?? e.code}</button></td>
                  <td class="number">${Number.isNaN(e.value) ? m.noData : this.number(e.value)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>`;
    }
    const places = plan.located.places;
    const shown = places.slice(0, LIST_LIMIT);
    return html`<details class="features" part="features">
      <summary>${m.listOfPlaces(this.number(places.length))}</summary>
      ${places.length > LIST_LIMIT ? html`<p class="notes">${m.listLimited(this.number(LIST_LIMIT), this.number(places.length))}</p>` : nothing}
      <ul>
        ${shown.map((p) => html`<li><button type="button" @click=${() => this.showPlace(p)}>${summary(this.popupOf(p, plan)) || `${p.lat}, ${p.lon}`}</button></li>`)}
      </ul>
    </details>`;
  }

  // --- drawing -----------------------------------------------------------------------------------

  /** After each render: draw, restyle or dispose the Leaflet map, and report errors once. */
  private sync(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    const data = this.data.status === TaskStatus.COMPLETE ? (this.data.value as DataState | undefined) : undefined;
    const plan = data && typeof data === 'object' && 'result' in data ? this.planFor(data) : undefined;
    if (plan?.mode === 'none' && data!.result.rows.length) this.reportError(this.planError(plan), plan);
    if (plan?.mode === 'choropleth' && this.boundariesTask.status === TaskStatus.ERROR && !isAborted(this.boundariesTask.error)) {
      this.reportError(this.boundariesTask.error, this.boundariesTask.error);
    }
    if (!this.controller) return; // drawn once it has loaded
    if (!container || !data || !plan || plan.mode === 'none') {
      if (this.controller.drawnOn) this.controller.dispose();
      this.drawn = undefined;
      return;
    }
    const boundaries = this.boundariesTask.status === TaskStatus.COMPLETE ? this.boundariesTask.value : undefined;
    if (plan.mode === 'choropleth' && !boundaries) return;
    const key = JSON.stringify([this.outline, this.themeController.scheme, this.color, this.size, this.label, this.popup, this.cluster, this.level, this.tiles, this.locale]);
    const model = this.layerModel(plan, data);
    const theme = this.mapTheme();
    const options = {
      tiles: this.tileLayer,
      zoomInTitle: mapMessages(this.locale).zoomIn,
      zoomOutTitle: mapMessages(this.locale).zoomOut,
      closeLabel: mapMessages(this.locale).close,
      insets: this.needsInsets(plan, boundaries),
      outline: plan.mode !== 'choropleth' ? boundaries?.features : undefined,
    };
    if (this.controller.drawnOn !== container || this.drawn?.data !== data || this.drawn.boundaries !== boundaries) {
      this.controller.draw(container, model, theme, options);
    } else if (this.drawn.key !== key) {
      // same data, other colours / legend / tiles: the reader keeps their view
      this.controller.draw(container, model, theme, options, false);
    } else return;
    this.drawn = { data, boundaries, key };
  }

  private layerModel(plan: PointsPlan | AreasPlan, data: DataState): LayerModel {
    const m = mapMessages(this.locale);
    const scales = this.scalesFor(plan);
    if (plan.mode === 'choropleth') {
      const names = this.featureNames();
      const features = (this.boundariesTask.value?.features ?? [])
        .map((feature) => ({ feature, code: featureCode(feature, plan.level) ?? '' }))
        .filter((f) => f.code);
      const model: AreasModel = {
        kind: 'areas',
        features,
        fillOf: (code) => scales.sequential!.colorOf(plan.folded.values.get(code)?.value),
        popupOf: (code) => {
          const v = plan.folded.values.get(code)?.value;
          return {
            title: names.get(code) ?? code,
            fields: [
              { name: m.code, value: code },
              { name: capitalise(this.valueTitle(plan)), value: v === undefined || Number.isNaN(v) ? m.noData : this.number(v) },
            ],
          };
        },
      };
      return model;
    }
    const palette = readPalette(this);
    if (plan.mode === 'heatmap') {
      return {
        kind: 'density',
        places: plan.located.places,
        focus: frenchFocus(plan.located.places),
        colorOf: (count, counts) => this.densityScale(counts).colorOf(count),
        popupOf: (count) => ({ title: m.places(this.number(count)), fields: [] }),
        // the legend follows the zoom: updated after this draw, not during it
        onCounts: (counts) => {
          if (counts.join() !== this.densityCounts.join()) queueMicrotask(() => (this.densityCounts = counts));
        },
      };
    }
    const base = palette.colors[0] || '#000091';
    const sizeColumn = plan.size;
    const colorColumn = plan.color;
    return {
      kind: 'points',
      places: plan.located.places,
      focus: frenchFocus(plan.located.places),
      cluster: plan.cluster,
      proportional: !!sizeColumn,
      colorOf: (p) => (colorColumn && scales.category ? scales.category.colorOf(p.row[colorColumn]) : base),
      radiusOf: (p) => (sizeColumn && scales.size ? scales.size.radiusOf(cellNumber(p.row[sizeColumn])) : data.result.rows.length > 5000 ? 4 : 6),
      popupOf: (p) => this.popupOf(p, plan),
      clusterLabel: (n) => m.clusterLabel(this.number(n)),
      shortCount: (n) => shortCount(n, this.locale),
    };
  }

  private mapTheme(): Theme {
    return {
      border: readToken(this, 'muted') || '#5c5c5c',
      background: readToken(this, 'background') || '#ffffff',
      text: readToken(this, 'text') || '#161616',
      accent: readToken(this, 'accent') || '#000091',
    };
  }

  // --- plan and scales -------------------------------------------------------------------------

  private attributes_(): MapAttributes {
    const w = this.warnings;
    w.set('aggregate-unused', aggregateUnused(this.aggregate, this.value));
    return {
      mode: w.oneOf('mode', this.mode, MAP_MODES, 'auto'), lat: this.lat, lon: this.lon, coords: this.coords, label: this.label,
      popup: this.popup, color: this.color, size: this.size, code: this.code, value: this.value,
      cluster: w.oneOf('cluster', clusterAlias(this.cluster), CLUSTER_SETTINGS, 'auto'),
      level: this.levelAttribute('level', this.level),
      aggregate: w.oneOf('aggregate', this.aggregate, AGGREGATE_OPS, undefined),
    };
  }

  private planFor(data: DataState): Plan {
    const key = JSON.stringify(this.attributes_());
    if (this.planCache?.data === data && this.planCache.key === key) return this.planCache.plan;
    let plan: Plan;
    try {
      plan = buildPlan(resolveColumns(this.attributes_(), data.columns), data.columns, data.result.rows, data.result.combine);
    } catch (error) {
      plan = { mode: 'none', reason: 'error', error }; // e.g. `color` changed to an unknown column
    }
    const sizeIgnored = plan.mode === 'points' || plan.mode === 'heatmap' ? plan.sizeIgnored : undefined;
    this.warnings.set('size', sizeIgnored ? [mapErrors.warning('invalid-value', { attribute: 'size', value: sizeIgnored, accepted: '' }, 'size-not-numbers')] : []);
    this.planCache = { data, key, plan };
    return plan;
  }

  private planError(plan: { reason: 'no-coordinates' | 'no-code' | 'error'; error?: unknown }): unknown {
    return plan.reason === 'error' ? plan.error : mapErrors.error('unknown-column', {}, plan.reason);
  }

  private boundariesNeeded(): string | undefined {
    const data = this.data.status === TaskStatus.COMPLETE ? (this.data.value as DataState | undefined) : undefined;
    if (!data || typeof data !== 'object' || !('result' in data)) return undefined;
    const plan = this.planFor(data);
    if (plan.mode === 'choropleth') return boundariesUrl(this.boundaries, plan.level);
    const outline = this.levelAttribute('outline', this.outline);
    return plan.mode !== 'none' && outline ? boundariesUrl(this.boundaries, outline) : undefined;
  }

  private scalesFor(plan: PointsPlan | AreasPlan): { sequential?: SequentialScale; category?: CategoryScale; size?: SizeScale } {
    const palette = readPalette(this);
    const base = palette.colors[0] || '#000091';
    const background = readToken(this, 'background') || '#ffffff';
    const noData = readToken(this, 'skeleton') || '#e5e5e5';
    if (plan.mode === 'choropleth') {
      const values = [...plan.folded.values.values()].map((v) => v.value);
      return { sequential: sequentialScale(values, { base, background, noData }) };
    }
    if (plan.mode === 'heatmap') return { sequential: this.densityScale(this.densityCounts) };
    const rows = plan.located.places.map((p) => p.row);
    return {
      category: plan.color ? categoryScale(rows.map((r) => r[plan.color!]), palette.colors, palette.other, this.colorOrder(plan.color)) : undefined,
      size: plan.size ? sizeScale(rows.map((r) => cellNumber(r[plan.size!]) ?? NaN)) : undefined,
    };
  }

  /** The values of the `color` column in the unfiltered data, which their colours follow. */
  private colorOrder(column: string): readonly string[] | undefined {
    const data = this.data.value as DataState | undefined;
    return data && typeof data === 'object' && 'orders' in data ? data.orders.get(column) : undefined;
  }

  private densityScale(counts: number[]): SequentialScale {
    const base = readPalette(this).colors[0] || '#000091';
    return sequentialScale(counts, { base, background: readToken(this, 'background') || '#ffffff', noData: 'transparent' }, 5, 'quantile');
  }

  private featureNames(): Map<string, string> {
    const names = new Map<string, string>();
    const data = this.data.value as DataState | undefined;
    const plan = data && 'result' in data ? this.planFor(data) : undefined;
    if (plan?.mode !== 'choropleth') return names;
    for (const f of this.boundariesTask.value?.features ?? []) {
      const code = featureCode(f, plan.level);
      if (code) names.set(code, featureName(f));
    }
    return names;
  }

  private unmatchedCodes(plan: AreasPlan): number {
    const known = this.featureNames();
    if (!known.size) return 0;
    return [...plan.folded.values.keys()].filter((c) => !known.has(c)).length;
  }

  private needsInsets(plan: PointsPlan | AreasPlan, boundaries?: FeatureCollection): boolean {
    if (plan.mode === 'choropleth') {
      const codes = (boundaries?.features ?? []).map((f) => featureCode(f, plan.level) ?? '');
      const overseas = (c: string) => (plan.level === 'region' ? OVERSEAS_REGIONS.has(c) : OVERSEAS_CODES.has(c.slice(0, 3)));
      return codes.some(overseas) && codes.some((c) => c && !overseas(c));
    }
    const places = plan.located.places;
    return places.some((p) => isOverseas(p.lat, p.lon)) && places.some((p) => !isOverseas(p.lat, p.lon));
  }

  /**
   * What the choropleth's value is called, in core's words as on a chart: « Entrées (somme) » for
   * a column (under its label), the name of a named expression (`taux = …` → « Taux »), an unnamed
   * one in words (« Nombre de lignes / PTOT × 100 000 »).
   */
  private valueTitle(plan: AreasPlan): string {
    const lang = this.locale;
    const titleOf = (name: string) => this.titleOf(name);
    if (!plan.expression) return aggregateTitle(plan.op, plan.op === 'count' || !plan.value ? undefined : titleOf(plan.value), lang);
    const [definition] = parseDefinitions(plan.value!, { separator: ',', named: false });
    return definition ? measureTitle(definition, { lang, titleOf, aggregate: plan.op === 'count' ? 'sum' : plan.op }) : plan.value!;
  }

  private popupOf(place: Place, plan: PointsPlan): PopupModel {
    const data = this.data.value as DataState;
    return popupModel(place.row, { label: plan.label, popup: plan.popup, exclude: plan.exclude, columns: data.columns, titleOf: (name) => this.titleOf(name) }, this.locale);
  }

  // --- interaction ---------------------------------------------------------------------------

  private showPlace(place: Place): void {
    this.controller?.show({ place });
    this.select({ place });
  }

  private showArea(code: string): void {
    this.controller?.show({ code });
    this.select({ code });
  }

  private select(what: { place?: Place; code?: string }): void {
    const data = this.data.value as DataState | undefined;
    if (!data) return;
    const plan = this.planFor(data);
    if (what.place && plan.mode !== 'choropleth' && plan.mode !== 'none') {
      const values = plan.label ? { [plan.label]: what.place.row[plan.label] ?? null } : undefined;
      this.dispatchEvent(new CultureSelectEvent({ row: what.place.row, values }));
    } else if (what.code && plan.mode === 'choropleth') {
      const entry = plan.folded.values.get(what.code);
      const row: Row = { [plan.code]: what.code, value: entry && !Number.isNaN(entry.value) ? entry.value : null };
      this.dispatchEvent(new CultureSelectEvent({ row, values: { [plan.code]: what.code } }));
    }
  }

  private readonly onWheel = () => {
    if (this.leafletMap && !this.leafletMap.scrollWheelZoom.enabled()) this.flashHint(mapMessages(this.locale).scrollHint);
  };

  private readonly onTouchMove = (e: TouchEvent) => {
    if (e.touches.length === 1 && this.leafletMap && !this.leafletMap.dragging.enabled()) this.flashHint(mapMessages(this.locale).touchHint);
  };

  private flashHint(text: string): void {
    this.hint = text;
    clearTimeout(this.hintTimer);
    this.hintTimer = setTimeout(() => (this.hint = undefined), 1500);
  }

  private number(n: number): string {
    return formatNumber(n, this.locale);
  }

  /** The `tiles` setting: a preset, `none`, or a template; anything else is said, and IGN drawn. */
  private get tileLayer(): TileSpec | undefined {
    const spec = tileSpec(this.tiles);
    this.warnings.check('tiles', spec !== null, this.tiles, ['ign', 'osm', 'none', 'https://…/{z}/{x}/{y}.png'], 'ign');
    return spec === null ? TILE_PRESETS.ign : spec;
  }

  /** A level attribute (`level`, `outline`): singular or plural, any case; anything else is said and ignored. */
  private levelAttribute(attribute: 'level' | 'outline', value: string | undefined): Level | undefined {
    return this.warnings.oneOf(attribute, levelOf(value) ?? value, LEVELS, undefined);
  }
}

/** `on` / `yes`, `off` / `no` / `0`, any case: the cluster values authors also write. */
const clusterAlias = (v: string): string => ({ '': 'true', on: 'true', yes: 'true', off: 'false', no: 'false', '0': 'false' })[v.trim().toLowerCase()] ?? v;

declare global {
  interface HTMLElementTagNameMap {
    'culture-map': CultureMap;
  }
}

export type { Level };
