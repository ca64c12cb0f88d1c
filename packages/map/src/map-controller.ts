/**
 * The Leaflet side of <culture-map>: one map per element, living in its shadow root, driven by
 * plain models (what to draw, in which colours) and disposed with `map.remove()`.
 *
 *   draw(container, model)  creates the map (once per container), the base map, the data layers
 *   update(model)           swaps the data layers, refits the view
 *   restyle(model)          same data, new colours (theme change): the view stays
 *   resize()                the container changed size
 *   dispose()               map.remove(), observers and listeners off
 *
 * Data never reaches Leaflet as HTML: popups, tooltips and cluster badges are DOM nodes filled
 * with `textContent` (Leaflet's `bindPopup(string)` sets innerHTML: CVE-2025-69993).
 */
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import type { Map as LeafletMap, Layer, LayerGroup, Path, TileLayer, LatLngBoundsExpression } from 'leaflet';
import type { Place } from './coords.js';
import type { PopupModel } from './popup.js';
import { clusterSize, densityGrid } from './cluster.js';
import { clusterIndex, type ClusterIndex } from './cluster-index.js';
import { INSET_BOXES, insetGeometry, insetPosition, type BoundaryFeature } from './choropleth.js';
import type { TileSpec } from './tiles.js';

export interface PointsModel {
  kind: 'points';
  places: Place[];
  /** The places the view opens on (French places of a French map); default: all. */
  focus?: Place[];
  cluster: boolean;
  colorOf: (place: Place) => string;
  radiusOf: (place: Place) => number;
  /** Proportional circles are translucent, plain points are not. */
  proportional: boolean;
  popupOf: (place: Place) => PopupModel;
  clusterLabel: (count: number) => string;
  shortCount: (count: number) => string;
}

export interface DensityModel {
  kind: 'density';
  places: Place[];
  /** The places the view opens on; default: all. */
  focus?: Place[];
  /** Colour of a grid cell from its count and the counts of all cells at this zoom. */
  colorOf: (count: number, counts: number[]) => string;
  popupOf: (count: number) => PopupModel;
  /** Told the counts at each zoom, to redraw the legend. */
  onCounts?: (counts: number[]) => void;
}

export interface AreasModel {
  kind: 'areas';
  features: { feature: BoundaryFeature; code: string }[];
  fillOf: (code: string) => string;
  popupOf: (code: string) => PopupModel;
}

export type LayerModel = PointsModel | DensityModel | AreasModel;

export interface Theme {
  border: string;
  background: string;
  text: string;
  accent: string;
}

export interface MapCallbacks {
  /** A marker or an area was activated (click, Enter). */
  select: (what: { place?: Place; code?: string }) => void;
  /** Tiles failed to load (offline, blocked). */
  tilesFailed: () => void;
  /** Drawn at least once with this model. */
  drawn: (shown: number) => void;
}

export interface MapOptions {
  tiles?: TileSpec;
  zoomInTitle: string;
  zoomOutTitle: string;
  closeLabel: string;
  /** Moves overseas positions into insets (and draws their frames). */
  insets: boolean;
  /** Light outlines of territories under points (context when there are no tiles). */
  outline?: BoundaryFeature[];
}

/** What the current view shows: cluster badges, the points they hold, single markers, areas. */
export interface DrawnSummary {
  clusters: number;
  clustered: number;
  points: number;
  areas: number;
}

export class MapController {
  /** Updated on every redraw (tests and debugging read it). */
  summary: DrawnSummary = { clusters: 0, clustered: 0, points: 0, areas: 0 };
  private map?: LeafletMap;
  private container?: HTMLElement;
  private tileLayer?: TileLayer;
  private tileUrl?: string;
  private tilesBroken = false;
  private data?: LayerGroup;
  private frames?: LayerGroup;
  private outlines?: LayerGroup;
  private model?: LayerModel;
  private theme!: Theme;
  private options!: MapOptions;
  // renderers belong to one map: made again with each map
  private renderer = L.canvas();
  private svgRenderer = L.svg();
  private index?: ClusterIndex;
  /** Clustered markers on the map, by key (`c<cluster id>`, `p<row index>`). */
  private readonly live = new Map<string, Layer>();
  private resizeObserver?: ResizeObserver;
  /** True while the view is the one `fit` chose; `fitting` tells our own moves from the reader's. */
  private fitted = false;
  private fitting = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly callbacks: MapCallbacks) {}

  /** The live Leaflet map, for tests and advanced use. */
  get leaflet(): LeafletMap | undefined {
    return this.map;
  }

  get drawnOn(): HTMLElement | undefined {
    return this.container;
  }

  /** Draws on `container` (creating the map if needed); `fit: false` keeps the current view. */
  draw(container: HTMLElement, model: LayerModel, theme: Theme, options: MapOptions, fit = true): void {
    if (this.container !== container) {
      this.dispose();
      this.create(container, options);
      fit = true;
    }
    this.options = options;
    this.setTiles(options.tiles);
    this.update(model, theme, fit);
  }

  update(model: LayerModel, theme: Theme = this.theme, fit = true): void {
    const map = this.map;
    if (!map) return;
    this.model = model;
    this.theme = theme;
    this.index = model.kind === 'points' && model.cluster ? clusterIndex(model.places) : undefined;
    this.drawFrames();
    this.drawOutlines();
    if (fit) this.fit();
    this.redraw();
    this.callbacks.drawn(model.kind === 'areas' ? model.features.length : model.places.length);
  }

  restyle(model: LayerModel, theme: Theme): void {
    this.update(model, theme, false);
  }

  resize(): void {
    if (!this.map) return;
    // A view still as fitted is fitted again to the new size (a phone's first layout, a rotated
    // screen); a view the reader moved is kept.
    if (this.fitted && this.model) this.fit();
    else this.map.invalidateSize({ animate: false });
  }

  dispose(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    for (const off of this.cleanups.splice(0)) off();
    // Layers first, while their canvas still exists: Leaflet would otherwise schedule a redraw
    // of a destroyed canvas (TypeError on clearRect after map.remove()).
    this.data?.clearLayers();
    this.frames?.clearLayers();
    this.outlines?.clearLayers();
    this.map?.off();
    this.map?.remove();
    // Leaflet 1.9 may still run a canvas redraw scheduled before map.remove() (TypeError on
    // clearRect of the deleted context): that renderer is dead now, make its drawing a no-op.
    Object.assign(this.renderer, { _clear: () => {}, _draw: () => {} });
    this.map = undefined;
    this.container = undefined;
    this.tileLayer = undefined;
    this.tileUrl = undefined;
    this.data = undefined;
    this.frames = undefined;
    this.outlines = undefined;
    this.index = undefined;
    this.live.clear();
  }

  /** Centres the map on one place or area and opens its popup (from the features list). */
  show(what: { place?: Place; code?: string }): void {
    const map = this.map;
    const model = this.model;
    if (!map || !model) return;
    if (what.place && model.kind !== 'areas') {
      const at = this.position(what.place);
      map.setView(at, Math.max(map.getZoom(), 12), { animate: false });
      this.openPopup(at, model.kind === 'points' ? model.popupOf(what.place) : { title: '', fields: [] });
    } else if (what.code && model.kind === 'areas') {
      const item = model.features.find((f) => f.code === what.code);
      if (!item?.feature.geometry) return;
      const layer = L.geoJSON(this.insetFeature(item.feature) as never);
      map.fitBounds(layer.getBounds(), { animate: false, maxZoom: 9, padding: [24, 24] });
      this.openPopup(layer.getBounds().getCenter(), model.popupOf(what.code));
    }
  }

  // --- the map ---------------------------------------------------------------------------------

  private create(container: HTMLElement, options: MapOptions): void {
    this.container = container;
    this.renderer = L.canvas();
    this.svgRenderer = L.svg();
    const map = L.map(container, {
      attributionControl: false, // rendered by the element, as text
      zoomControl: false,
      scrollWheelZoom: false, // until the map is clicked or focused: never trap the page scroll
      zoomAnimation: false,
      zoomSnap: 0.25, // fit France (and its insets) closely in any width
      maxZoom: 18,
      fadeAnimation: false,
      markerZoomAnimation: false,
      renderer: this.renderer, // every canvas layer on our one renderer (see dispose)
      // On touch screens one finger scrolls the page; two fingers pinch and move the map.
      dragging: !L.Browser.mobile,
      worldCopyJump: false,
    });
    L.control.zoom({ zoomInTitle: options.zoomInTitle, zoomOutTitle: options.zoomOutTitle }).addTo(map);
    map.setView([46.6, 2.4], 5, { animate: false });
    this.map = map;
    this.outlines = L.layerGroup().addTo(map);
    this.data = L.layerGroup().addTo(map);
    this.frames = L.layerGroup().addTo(map);

    const wheelOn = () => map.scrollWheelZoom.enable();
    const wheelOff = () => map.scrollWheelZoom.disable();
    map.on('click focus', wheelOn);
    map.on('blur', wheelOff);
    container.addEventListener('mouseleave', wheelOff);
    this.cleanups.push(() => container.removeEventListener('mouseleave', wheelOff));
    // Clusters and densities depend on the view; plain points and areas do not.
    map.on('movestart zoomstart', () => {
      if (!this.fitting) this.fitted = false;
    });
    map.on('moveend', () => {
      if (this.index || this.model?.kind === 'density') this.redraw(false);
    });

    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
  }

  private setTiles(spec: TileSpec | undefined): void {
    const map = this.map!;
    if (spec?.url === this.tileUrl) return;
    this.tileLayer?.remove();
    this.tileLayer = undefined;
    this.tileUrl = spec?.url;
    this.tilesBroken = false;
    if (!spec) return;
    let loaded = 0;
    let reported = false;
    const layer = L.tileLayer(spec.url, { maxZoom: spec.maxZoom, crossOrigin: true });
    layer.on('tileload', () => loaded++);
    layer.on('tileerror', () => {
      if (!reported && loaded === 0) {
        reported = true;
        this.tilesBroken = true;
        this.drawOutlines(); // no tiles after all: fill the land again
        this.callbacks.tilesFailed();
      }
    });
    this.tileLayer = layer.addTo(map);
  }

  private position(place: Place): [number, number] {
    return this.options.insets ? insetPosition(place.lat, place.lon) : [place.lat, place.lon];
  }

  private insetFeature(feature: BoundaryFeature): BoundaryFeature {
    if (!this.options.insets || !feature.geometry) return feature;
    return { ...feature, geometry: insetGeometry(feature.geometry) };
  }

  /** Dashed frames around the overseas insets, each named (constant text, no data). */
  private drawFrames(): void {
    this.frames!.clearLayers();
    if (!this.options.insets) return;
    for (const box of INSET_BOXES) {
      const frame = L.rectangle(
        [
          [box.south, box.west],
          [box.north, box.east],
        ],
        { color: this.theme.border, weight: 1, dashArray: '4 3', fill: false, interactive: false },
      );
      const label = document.createElement('span');
      label.textContent = box.name;
      // A standalone tooltip at the frame's west edge: west of the insets there is only sea, never a
      // point (on the east edge, the names covered Brittany's). The fit keeps room for them.
      const tooltip = L.tooltip({ permanent: true, direction: 'left', className: 'inset-label', interactive: false })
        .setLatLng([(box.south + box.north) / 2, box.west])
        .setContent(label);
      this.frames!.addLayer(tooltip);
      this.frames!.addLayer(frame);
    }
  }

  private drawOutlines(): void {
    if (!this.outlines) return;
    this.outlines.clearLayers();
    const features = this.options.outline;
    if (!features?.length) return;
    const layer = L.geoJSON({ type: 'FeatureCollection', features: features.map((f) => this.insetFeature(f)) } as never, {
      renderer: this.renderer,
      interactive: false,
      // without tiles the land is filled so the coast shows; over tiles only the lines are drawn
      style: () => ({ color: this.theme.border, weight: 0.7, opacity: 0.6, fillColor: this.theme.background, fillOpacity: this.tileUrl && !this.tilesBroken ? 0 : 1 }),
    } as never);
    this.outlines.addLayer(layer as Layer);
  }

  private fit(): void {
    const map = this.map!;
    const model = this.model!;
    let bounds: LatLngBoundsExpression | undefined;
    if (model.kind === 'areas') {
      const layer = L.geoJSON({ type: 'FeatureCollection', features: model.features.map((f) => this.insetFeature(f.feature)) } as never);
      const b = layer.getBounds();
      if (b.isValid()) bounds = b;
    } else if (model.places.length) {
      bounds = L.latLngBounds((model.focus ?? model.places).map((p) => this.position(p)));
    }
    if (!bounds) return;
    this.fitting = true;
    try {
      map.invalidateSize({ animate: false });
      // a narrow map keeps a thin margin: 32 px each side would take a sixth of a phone's width
      const size = map.getSize();
      const pad = Math.round(Math.min(32, Math.max(8, Math.min(size.x, size.y) * 0.05)));
      // the inset names sit west of their frames, over the open sea: room for them on the left
      const names = this.options.insets ? Math.max(0, ...[...map.getContainer().querySelectorAll<HTMLElement>('.inset-label')].map((l) => l.offsetWidth)) : 0;
      map.fitBounds(bounds, { animate: false, paddingTopLeft: [pad + names, pad], paddingBottomRight: [pad, pad], maxZoom: 13 });
    } finally {
      this.fitting = false;
    }
    this.fitted = true;
  }

  /**
   * Draws what the current view needs (clusters and densities depend on zoom and extent). On a
   * pan or zoom, clustered markers are diffed by key: only what enters or leaves the view changes.
   */
  private redraw(full = true): void {
    const map = this.map;
    const model = this.model;
    const group = this.data;
    if (!map || !model || !group) return;
    if (full || !this.index) {
      group.clearLayers();
      this.live.clear();
    }
    this.summary = { clusters: 0, clustered: 0, points: 0, areas: 0 };
    if (model.kind === 'areas') this.drawAreas(model, group);
    else if (model.kind === 'density') this.drawDensity(model, group);
    else if (this.index) this.drawClusters(model, group);
    else this.drawPoints(model, model.places, group);
  }

  private drawPoints(model: PointsModel, places: Place[], group: LayerGroup): void {
    // Largest circles first, so small ones stay clickable on top.
    const ordered = model.proportional ? [...places].sort((a, b) => model.radiusOf(b) - model.radiusOf(a)) : places;
    this.summary.points += ordered.length;
    for (const place of ordered) group.addLayer(this.pointMarker(model, place));
  }

  private pointMarker(model: PointsModel, place: Place): Layer {
    const marker = L.circleMarker(this.position(place), {
      renderer: this.renderer,
      radius: model.radiusOf(place),
      color: this.theme.background,
      weight: 1,
      fillColor: model.colorOf(place),
      fillOpacity: model.proportional ? 0.6 : 0.9,
    });
    marker.on('click', () => {
      this.openPopup(marker.getLatLng(), model.popupOf(place));
      this.callbacks.select({ place });
    });
    return marker;
  }

  private drawClusters(model: PointsModel, group: LayerGroup): void {
    const map = this.map!;
    const b = map.getBounds().pad(0.25);
    // The index holds real positions; insets are drawn elsewhere, so ask for the whole world then.
    const bbox: [number, number, number, number] = this.options.insets
      ? [-180, -85, 180, 85]
      : [Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()), Math.min(180, b.getEast()), Math.min(85, b.getNorth())];
    const wanted = new Map<string, () => Layer>();
    for (const item of this.index!.view(bbox, map.getZoom())) {
      if (item.kind === 'point') {
        this.summary.points++;
        wanted.set(`p${item.place.index}`, () => this.pointMarker(model, item.place));
      } else {
        this.summary.clusters++;
        this.summary.clustered += item.count;
        wanted.set(`c${item.id}`, () => this.clusterMarker(model, item));
      }
    }
    for (const [key, layer] of this.live) {
      if (!wanted.has(key)) {
        group.removeLayer(layer);
        this.live.delete(key);
      }
    }
    for (const [key, make] of wanted) {
      if (this.live.has(key)) continue;
      const layer = make();
      this.live.set(key, layer);
      group.addLayer(layer);
    }
  }

  private clusterMarker(model: PointsModel, item: { id: number; count: number; lat: number; lon: number }): Layer {
    const map = this.map!;
    const at = this.options.insets ? insetPosition(item.lat, item.lon) : ([item.lat, item.lon] as [number, number]);
    const size = clusterSize(item.count);
    const badge = document.createElement('span');
    badge.className = 'cluster-badge';
    badge.textContent = model.shortCount(item.count);
    badge.style.width = badge.style.height = `${size}px`;
    badge.style.lineHeight = `${size}px`;
    const marker = L.marker(at, {
      icon: L.divIcon({ html: badge, className: 'cluster', iconSize: [size, size] }),
      keyboard: true,
      title: model.clusterLabel(item.count),
    });
    marker.on('add', () => marker.getElement()?.setAttribute('aria-label', model.clusterLabel(item.count)));
    const expand = () => map.setView(at, Math.min(this.index!.expansionZoom(item.id), map.getMaxZoom()), { animate: false });
    marker.on('click', expand);
    // role="button" (set by Leaflet) promises Enter and Space, which Leaflet 1.9 does not handle
    marker.on('keydown', (e: { originalEvent: KeyboardEvent }) => {
      if (e.originalEvent.key === 'Enter' || e.originalEvent.key === ' ') {
        e.originalEvent.preventDefault();
        expand();
      }
    });
    return marker;
  }

  private drawDensity(model: DensityModel, group: LayerGroup): void {
    const map = this.map!;
    // cells of about 32 px at this zoom
    const size = (32 * 360) / (256 * 2 ** map.getZoom());
    const cells = densityGrid(model.places, size);
    const counts = cells.map((c) => c.count);
    this.summary.points = cells.length;
    model.onCounts?.(counts);
    for (const cell of cells) {
      const marker = L.circleMarker(this.position({ lat: cell.lat, lon: cell.lon, row: {}, index: -1 }), {
        renderer: this.renderer,
        radius: 12,
        stroke: false,
        fillColor: model.colorOf(cell.count, counts),
        fillOpacity: 0.75,
      });
      marker.on('click', () => this.openPopup(marker.getLatLng(), model.popupOf(cell.count)));
      group.addLayer(marker);
    }
  }

  private drawAreas(model: AreasModel, group: LayerGroup): void {
    const features = model.features
      .filter((f) => f.feature.geometry)
      .map(({ feature, code }) => ({ type: 'Feature', properties: { code }, geometry: this.insetFeature(feature).geometry }));
    this.summary.areas = features.length;
    const codeOf = (feature?: { properties?: { code?: string } }) => feature?.properties?.code ?? '';
    const layer = L.geoJSON({ type: 'FeatureCollection', features } as never, {
      // SVG paths (not canvas), so each area carries its code in a class for styles and tests
      renderer: this.svgRenderer,
      style: (feature: { properties?: { code?: string } }) => ({
        color: this.theme.background,
        weight: 0.8,
        fillColor: model.fillOf(codeOf(feature)),
        fillOpacity: 0.9,
        className: `area area-${codeOf(feature).replace(/[^0-9A-Za-z]/g, '')}`,
      }),
    } as never);
    layer.on('click', (e: { latlng: L.LatLng; layer: { feature?: { properties?: { code?: string } } } }) => {
      const code = codeOf(e.layer.feature);
      this.openPopup(e.latlng, model.popupOf(code));
      this.callbacks.select({ code });
    });
    layer.on('mouseover', (e: { layer: Path }) => e.layer.setStyle({ weight: 2.5, color: this.theme.text }));
    layer.on('mouseout', (e: { layer: Path }) => e.layer.setStyle({ weight: 0.8, color: this.theme.background }));
    group.addLayer(layer as Layer);
  }

  /** A popup whose content is built from text nodes only. */
  private openPopup(at: L.LatLngExpression, model: PopupModel): void {
    const map = this.map;
    if (!map) return;
    L.popup({ maxWidth: 280, autoPanPadding: [16, 16], closeButton: true })
      .setLatLng(at)
      .setContent(popupNode(model))
      .openOn(map);
    const close = map.getContainer().querySelector('.leaflet-popup-close-button');
    close?.setAttribute('aria-label', this.options.closeLabel);
    close?.setAttribute('title', this.options.closeLabel);
  }
}

/** `<div><p class="popup-title">…</p><dl><dt>…</dt><dd>…</dd></dl></div>`, all text. */
export function popupNode(model: PopupModel): HTMLElement {
  const root = document.createElement('div');
  root.className = 'popup';
  if (model.title) {
    const title = document.createElement('p');
    title.className = 'popup-title';
    title.textContent = model.title;
    root.append(title);
  }
  if (model.fields.length) {
    const list = document.createElement('dl');
    for (const field of model.fields) {
      const dt = document.createElement('dt');
      dt.textContent = field.name;
      const dd = document.createElement('dd');
      dd.textContent = field.value;
      list.append(dt, dd);
    }
    root.append(list);
  }
  return root;
}
