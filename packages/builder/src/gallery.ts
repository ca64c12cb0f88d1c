/**
 * « Que montrer ? »: every kind of widget the data can make, each as the element itself would
 * draw it (its own `auto` for that type: `autoChartOf`, `autoMapOf`, `autoTable`), the one the
 * elements recommend first. Then what each thumbnail draws: a few numbers from the user's own
 * data, asked through the elements' own queries. Pure, but for `thumbnailData`'s query.
 */
import { formatList, parseList, parseName, runQuery, type AggregateOp, type ColumnInfo, type ResolvedSource, type Row } from '@culture-widgets/core';
import { CHART_TYPES, autoChartOf, chartQuery, resolveChart, toChartData, type ChartType } from '@culture-widgets/chart';
import { VALUE, autoMapOf, detectCoordinates, locate, mapQuery } from '@culture-widgets/map';
import { autoTable } from '@culture-widgets/table';
import { planKpi, readFigure } from '@culture-widgets/kpi';
import { defaultsFromProfile, elementFor } from './defaults.js';
import type { ElementKind } from './schema.js';

/** What a gallery card offers. `kind` names its picture and its words (`chart:line`, `map:points`, `table`). */
export interface Proposal {
  kind: ProposalKind;
  element: ElementKind;
  attributes: Record<string, string>;
  recommended: boolean;
}

export const MAP_KINDS = ['points', 'choropleth', 'heatmap'] as const;
export type ProposalKind = `chart:${ChartType}` | `map:${(typeof MAP_KINDS)[number]}` | 'table' | 'kpi';

/** The card a configuration belongs to (a chart's type, a map's mode), so the gallery shows it chosen. */
export function kindOf(element: ElementKind, attributes: Record<string, string>): ProposalKind {
  if (element === 'chart') return `chart:${(CHART_TYPES as readonly string[]).includes(attributes.type ?? '') ? attributes.type : 'column'}` as ProposalKind;
  if (element === 'map') return `map:${(MAP_KINDS as readonly string[]).includes(attributes.mode ?? '') ? attributes.mode : 'points'}` as ProposalKind;
  return element;
}

/** Every proposal the data allows, the recommended one (the elements' own choice) first. */
export function galleryOf(columns: ColumnInfo[], sample: Row[]): Proposal[] {
  const proposals: Proposal[] = [];
  for (const type of CHART_TYPES) {
    const attributes = autoChartOf(columns, type);
    if (attributes) proposals.push({ kind: `chart:${type}`, element: 'chart', attributes, recommended: false });
  }
  for (const mode of MAP_KINDS) {
    const attributes = autoMapOf(columns, sample, mode);
    if (attributes) proposals.push({ kind: `map:${mode}`, element: 'map', attributes, recommended: false });
  }
  proposals.push({ kind: 'kpi', element: 'kpi', attributes: defaultsFromProfile(columns, 'kpi'), recommended: false });
  proposals.push({ kind: 'table', element: 'table', attributes: autoTable(columns), recommended: false });
  const element = elementFor(columns, sample);
  const best = kindOf(element, defaultsFromProfile(columns, element, sample));
  const first = proposals.findIndex((p) => p.kind === best);
  if (first < 0) return proposals;
  const [recommended] = proposals.splice(first, 1);
  // the recommended card writes down the element's own choice (auto may pick another x than the type alone)
  return [{ ...recommended!, attributes: defaultsFromProfile(columns, element, sample), recommended: true }, ...proposals];
}

/** What a thumbnail draws: bars, points or cells in 0–1 boxes, or a few rows of text. */
export type Thumbnail =
  | { shape: 'values'; values: { x: string; y: number; series: number }[]; series: number }
  | { shape: 'points'; points: [number, number][] }
  | { shape: 'rows'; rows: string[][] }
  | { shape: 'figure'; value: number | null };

/** Points read for a map's thumbnail, values for a chart's. */
const THUMB_POINTS = 200;
const THUMB_ROWS = 4;

/**
 * The numbers behind a card, from the user's data: a chart's own query (the server groups and
 * counts), a map's first places, a table's first rows. Cards of one chart query share it (core
 * answers identical queries once).
 */
export async function thumbnailData(source: ResolvedSource, columns: ColumnInfo[], proposal: Proposal, signal?: AbortSignal): Promise<Thumbnail> {
  const a = proposal.attributes;
  if (proposal.element === 'kpi') {
    // the key figure's own plan: the one grouped query its tile asks
    const plan = planKpi({ value: a.value || 'count()', filters: [], columns });
    const results = await Promise.all(plan.queries.map((query) => runQuery(source, query, { signal })));
    return { shape: 'figure', value: readFigure(plan, results).value ?? null };
  }
  if (proposal.element === 'chart') {
    const chart = resolveChart(columns, {
      type: a.type as ChartType,
      ...(a.x ? { x: parseName(a.x)! } : {}),
      ...(a.y ? { y: parseList(a.y) } : {}),
      ...(a.group ? { group: parseName(a.group)! } : {}),
      ...(a.aggregate ? { aggregate: a.aggregate as AggregateOp } : {}),
    });
    const result = await runQuery(source, chartQuery(chart), { signal });
    const data = toChartData(result.rows, chart, { ...(result.combine ? { combine: result.combine } : {}) });
    const series = new Map(data.series.map((name, i) => [name, i]));
    const drawn = data.values.filter((v) => v.y !== null && Number.isFinite(v.y));
    // a scatter of raw rows: a sample is enough at this size
    const step = Math.ceil(drawn.length / THUMB_POINTS);
    const values = drawn
      .filter((_, i) => i % step === 0)
      .map((v) => ({ x: String(v.x), y: v.y!, series: v.series === undefined ? 0 : (series.get(v.series) ?? 0) }));
    return { shape: 'values', values, series: Math.max(1, data.series.length) };
  }
  if (proposal.element === 'map' && a.mode === 'choropleth') {
    // the map's own grouped count by code: one cell per area, shaded by its value
    const { rows } = await runQuery(source, mapQuery(a, columns, []), { signal });
    const values = rows.map((row) => ({ x: String(row[a.code!] ?? ''), y: Number(row[VALUE]) || 0, series: 0 }));
    return { shape: 'values', values, series: 1 };
  }
  if (proposal.element === 'map') {
    const { rows } = await runQuery(source, { limit: THUMB_POINTS }, { signal });
    const spec = detectCoordinates(columns, rows);
    const points = spec ? locate(rows, spec).places.map((p): [number, number] => [p.lat, p.lon]) : [];
    return { shape: 'points', points };
  }
  const names = columns.slice(0, 3).map((c) => c.name);
  const { rows } = await runQuery(source, { limit: THUMB_ROWS, columns: names }, { signal });
  return { shape: 'rows', rows: rows.map((row) => names.map((n) => String(row[n] ?? ''))) };
}

/** The columns of a configuration, as the list grammar writes them (the form's pickers edit them). */
export const columnsOf = (attributes: Record<string, string>, name: string): string[] => parseList(attributes[name]);
export const withColumns = (names: string[]): string => formatList(names);
