/**
 * A linked dashboard: one `<culture-source>` (the data, fetched once), a `<culture-filter>` per
 * column readers filter by (then the summary of active filters), the key figures in a
 * `<culture-kpi-row>`, then the other widgets, each reading `source="…"`. Written as one snippet,
 * an iframe (`embed.html?element=dashboard&…&widget=…`) or a share link; read back, validated, by
 * `parseDashboard`. Pure: no DOM.
 *
 *   DashboardConfig ──buildDashboardHtml──▶ <culture-source id="…"> <culture-filter …> <culture-kpi-row>… <culture-chart source="…">
 *                   ──dashboardQuery─────▶ element=dashboard&dataset=…&control=region&widget=element%3Dchart%26…
 */
import { formatList, parseList, slugify } from '@culture-widgets/core';
import { DATA_OPTIONS, type ElementKind } from './schema.js';
import { MAX_VALUE_LENGTH, meaningfulAttributes, parseWidgetParams, tagHtml, validateValue, type TooLong, type WidgetConfig } from './attributes.js';

export interface DashboardConfig {
  /** The data every widget reads: the data attributes of the source (`dataset`, `resource` or `src`, the APIs…). */
  data: Record<string, string>;
  /** Columns readers filter by: one `<culture-filter>` each. */
  controls: string[];
  /** The widgets, with their own attributes (their data is the source's). */
  widgets: WidgetConfig[];
}

/** What the source holds: where the data is, nothing about how a widget shows it. */
const SOURCE_ATTRIBUTES = ['dataset', 'resource', 'src', 'sheet', 'record', 'api', 'tabular-api'];
const SOURCE_OPTIONS = DATA_OPTIONS.filter((o) => SOURCE_ATTRIBUTES.includes(o.name));

/** Attributes a widget of the dashboard keeps: not the data's (the source says it). */
export function widgetOf(config: WidgetConfig): WidgetConfig {
  const attributes = Object.fromEntries(Object.entries(config.attributes).filter(([name]) => !SOURCE_ATTRIBUTES.includes(name) && name !== 'source'));
  return { element: config.element, attributes };
}

/** The data attributes of a widget: what its dashboard's source reads. */
export const dataOf = (config: WidgetConfig): Record<string, string> =>
  Object.fromEntries(Object.entries(config.attributes).filter(([name]) => SOURCE_ATTRIBUTES.includes(name)));

/** Whether two configurations read the same data (one dashboard holds one source). */
export const sameData = (a: Record<string, string>, b: Record<string, string>): boolean =>
  SOURCE_ATTRIBUTES.every((name) => (a[name] ?? '') === (b[name] ?? ''));

/** The source's id: from the dataset (readable in the page's HTML), else `donnees`. */
export function sourceId(d: DashboardConfig): string {
  const ref = d.data.dataset ?? d.data.src ?? '';
  const last = ref.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? '';
  return slugify(last).slice(0, 40) || 'donnees';
}

const KPI: ElementKind = 'kpi';

/** One element of a dashboard, as the snippet writes it and the embed page creates it. */
export interface PageElement {
  tag: string;
  attributes: [string, string][];
  /** Whose booleans are written bare. */
  element?: ElementKind;
  children?: PageElement[];
}

/** The dashboard's elements in page order, every attribute checked against the element's schema. */
export function dashboardElements(d: DashboardConfig): PageElement[] {
  const id = sourceId(d);
  const data = SOURCE_OPTIONS.flatMap((spec) => {
    const value = d.data[spec.name] === undefined ? undefined : validateValue(spec, d.data[spec.name]!);
    return value && value !== spec.default ? [[spec.name, value] as [string, string]] : [];
  });
  const widget = (w: WidgetConfig): PageElement => ({ tag: `culture-${w.element}`, attributes: [['source', id], ...meaningfulAttributes(widgetOf(w))], element: w.element });
  const kpis = d.widgets.filter((w) => w.element === KPI);
  return [
    { tag: 'culture-source', attributes: [['id', id], ...data] },
    ...d.controls.map((column): PageElement => ({ tag: 'culture-filter', attributes: [['source', id], ['column', column]] })),
    // every active filter, with « Réinitialiser »
    ...(d.controls.length ? [{ tag: 'culture-filter', attributes: [['source', id]] } satisfies PageElement] : []),
    ...(kpis.length ? [{ tag: 'culture-kpi-row', attributes: [], children: kpis.map(widget) } satisfies PageElement] : []),
    ...d.widgets.filter((w) => w.element !== KPI).map(widget),
  ];
}

const indent = (text: string): string => text.replace(/^/gm, '  ');

function elementHtml(e: PageElement): string {
  if (!e.children) return tagHtml(e.tag, e.attributes, e.element);
  return `<${e.tag}>\n${e.children.map((child) => indent(elementHtml(child))).join('\n')}\n</${e.tag}>`;
}

/** The dashboard as HTML: its elements, one after the other. */
export const buildDashboardHtml = (d: DashboardConfig): string => dashboardElements(d).map(elementHtml).join('\n');

/** The query string naming a dashboard: its data, its controls, each widget as a query of its own. */
export function dashboardQuery(d: DashboardConfig, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ element: 'dashboard' });
  for (const spec of SOURCE_OPTIONS) if (d.data[spec.name]) params.append(spec.name, d.data[spec.name]!);
  for (const column of d.controls) params.append('control', column);
  for (const w of d.widgets) {
    const own = new URLSearchParams({ element: w.element });
    for (const [name, value] of meaningfulAttributes(widgetOf(w))) own.append(name, value);
    params.append('widget', own.toString());
  }
  for (const [name, value] of Object.entries(extra)) params.append(name, value);
  return params.toString();
}

/** Widgets one dashboard link may name (a link is not a page: enough for a dashboard). */
const MAX_WIDGETS = 12;

/** `element=dashboard&…` read back: the data and each widget validated like a single widget's link. */
export function parseDashboard(params: URLSearchParams): { dashboard: DashboardConfig; tooLong: TooLong } {
  const tooLong: TooLong = [];
  const data: Record<string, string> = {};
  for (const spec of SOURCE_OPTIONS) {
    const raw = params.get(spec.name);
    if (raw === null) continue;
    if (raw.trim().length > MAX_VALUE_LENGTH) tooLong.push({ name: spec.name, length: raw.trim().length });
    const value = validateValue(spec, raw);
    if (value) data[spec.name] = value;
  }
  const controls = parseList(formatList(params.getAll('control').map((c) => c.trim()).filter((c) => c && c.length <= MAX_VALUE_LENGTH)));
  const widgets: WidgetConfig[] = [];
  for (const query of params.getAll('widget').slice(0, MAX_WIDGETS)) {
    const parsed = parseWidgetParams(new URLSearchParams(query));
    if (!parsed) continue;
    tooLong.push(...parsed.tooLong);
    widgets.push(widgetOf(parsed.config));
  }
  return { dashboard: { data, controls, widgets }, tooLong };
}

/** What the iframe's title calls a dashboard: its first widget's title (or a key figure's caption). */
export const dashboardTitle = (d: DashboardConfig): string | undefined => d.widgets.map((w) => w.attributes.title || w.attributes.label).find(Boolean);
