/**
 * A resolved chart + the query's rows → a Vega-Lite spec. Data goes in inline (`values`) under
 * fixed field names (`x`, `y`, `series`, `facet`, `order`), so no column name or cell value ever
 * reaches an expression; titles, labels and tooltips are text marks. Pure: no DOM, no vega. The
 * element loads it with Vega, on first draw (its first load is the skeleton, the data and the text).
 */
import { categoryColors, chosenColor, type ColumnInfo, type Row } from '@culture-widgets/core';
import type { TopLevelSpec } from 'vega-lite';
import { toChartData, valueRange, xLabel, type ChartData, type ChartDatum } from './data.js';
import { isShareLine } from './editorial.js';
import { DEFAULT_THEME, type ChartTheme } from './theme.js';
import { valueTitle, xTitle } from './titles.js';
import { vegaLocale } from './locale.js';
import { chartMessages } from './messages.js';
import { measureLabel, nameOf, type ResolvedChart } from './options.js';

export interface ChartSpecInput {
  chart: ResolvedChart;
  /** The query's result rows (grouped and aggregated, or raw points for a scatter). */
  rows: Row[];
  /** The resource's columns; only used for labels today. */
  columns?: ColumnInfo[];
  /** Drawing width in CSS pixels (the container's). */
  width: number;
  theme?: Partial<ChartTheme>;
  /** Title and caption lines (source, licence, date) drawn into an exported image. */
  caption?: { title: string; lines: string[] };
  /** Already prepared data (the element reuses it for the summary and the table). */
  data?: ChartData;
  /**
   * The values of the group column (series) and of x (slices) in the unfiltered data, most
   * frequent first (core's `categoryOrder`): colours follow them, so a filter never repaints a category.
   */
  orders?: { series?: readonly string[]; categories?: readonly string[] };
}

type Json = Record<string, unknown>;

const STEP = 22;
const LABEL_LIMIT = 140;

export function buildChartSpec(input: ChartSpecInput): TopLevelSpec {
  const { chart } = input;
  const theme = { ...DEFAULT_THEME, ...input.theme };
  const data = input.data ?? toChartData(input.rows, chart);
  const facet = chart.facet ? facetColumns(input.width) : 0;
  const width = facet ? Math.max(120, Math.floor((input.width - 40) / facet) - 24) : Math.max(120, input.width);
  const colors = chartColors(chart, data, theme, input.orders ?? {});
  const view = { ...layers(chart, data, theme, width, colors), ...size(chart, data, width, !!facet) };
  const top: Json = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: data.values.map((v) => ({ ...v, fill: colors.fill(v) })) },
    background: input.caption ? theme.background : 'transparent',
    padding: 4,
    config: config(chart, theme),
  };
  if (input.caption) {
    top['title'] = {
      text: input.caption.title,
      subtitle: input.caption.lines,
      anchor: 'start',
      ...(facet ? {} : { frame: 'group' }),
    };
  }
  if (!facet) {
    // The legend and the caption add to the height of bars, heatmaps and pies; other charts fit it.
    const fitX = typeof view['height'] === 'object' || chart.type === 'pie' || chart.type === 'donut';
    return { ...top, ...view, autosize: { type: fitX ? 'fit-x' : 'fit', contains: 'padding' } } as TopLevelSpec;
  }
  const { width: _w, height: _h, ...inner } = view as Json;
  void _w;
  void _h;
  return {
    ...top,
    facet: { field: 'facet', type: 'nominal', title: chart.facet ? nameOf(chart, chart.facet) : null, sort: { field: 'facetRank', op: 'min' }, header: { labelLimit: width, labelFontSize: 12, titleFontSize: 12 } },
    columns: facet,
    spec: { ...inner, width, height: chart.height ?? 180 },
    resolve: { scale: { y: 'shared', x: 'shared' } },
  } as TopLevelSpec;
}

/** Small multiples per row: one on a phone, up to three on a wide screen. */
const facetColumns = (width: number): number => (width < 520 ? 1 : width < 900 ? 2 : 3);

function size(chart: ResolvedChart, data: ChartData, width: number, faceted: boolean): Json {
  if (faceted) return {};
  const grouped = data.series.length > 1 && chart.stack === 'none' ? data.series.length : 1;
  if (chart.type === 'bar' && !chart.height) return { width, height: { step: grouped > 1 ? Math.max(8, STEP / Math.sqrt(grouped)) * grouped : STEP } };
  // A heatmap without series is one strip of cells.
  if (chart.type === 'heatmap' && !chart.height) return { width, height: data.series.length ? { step: STEP + 2 } : STEP * 3 };
  if (chart.type === 'pie' || chart.type === 'donut') return { width, height: chart.height ?? pieRadius(width) * 2 + 8 };
  // tilted category names take height from the drawing (a phone): give it back
  const axis = chart.type === 'column' && chart.xKind === 'nominal' ? (barCategory(chart, data, width)['axis'] as Json) : undefined;
  const tilted = axis && axis['labelAngle'] !== 0 ? Math.min(LABEL_LIMIT, 100) : 0;
  return { width, height: chart.height ?? Math.round(Math.min(400, Math.max(220, width * 0.55))) + tilted };
}

const pieRadius = (width: number): number => Math.max(40, Math.min(width, 320) / 2 - 8);

// ---------------------------------------------------------------------------------------------
// Marks and encodings

/** The view: the marks alone, or layered with points, a Pareto line and reference rules. */
function layers(chart: ResolvedChart, data: ChartData, theme: ChartTheme, width: number, colors: Colors): Json {
  const main = { name: 'main', ...marks(chart, data, theme, width, colors) };
  const extra = [
    ...pointLayer(chart, data, theme, width, colors), ...pointNames(chart, data, theme), ...paretoLayer(chart, data, theme, width),
    ...referenceLayers(chart, data, theme),
  ];
  if (!extra.length) return main;
  const pareto = chart.cumulative === 'share' && (chart.type === 'column' || chart.type === 'bar');
  return {
    layer: [main, ...extra],
    ...(pareto ? { resolve: { scale: { [chart.type === 'column' ? 'y' : 'x']: 'independent' } } } : {}),
  };
}

/** The value axis: `y`, or `x` for horizontal bars. */
const valueAxis = (chart: ResolvedChart): 'x' | 'y' => (chart.type === 'bar' ? 'x' : 'y');

function marks(chart: ResolvedChart, data: ChartData, theme: ChartTheme, width: number, colors: Colors): Json {
  const yTitle = valueTitle(chart);
  const hasSeries = data.series.length > 0;
  const labelLimit = Math.round(Math.min(LABEL_LIMIT, Math.max(70, width * 0.3)));
  const color = hasSeries
    ? { color: { ...dimmed(chart, data, theme), field: 'series', type: 'nominal', title: chart.group ? nameOf(chart, chart.group) : null, sort: BY_RANK, scale: { range: colors.series }, legend: legend(width) } }
    : {};
  const value = valueChannel(chart, data, yTitle, chart.type === 'bar' ? width * 0.65 : (chart.height ?? 300));
  // Stacks follow the legend: the largest series at the base, « Autres » on top.
  const stackOrder = hasSeries && chart.stack !== 'none' ? { order: { field: 'rank', type: 'quantitative', sort: 'ascending' } } : {};
  const tooltip = { tooltip: TOOLTIP };
  const many = new Set(data.values.map((v) => String(v.x))).size;
  switch (chart.type) {
    case 'column':
    case 'bar': {
      const category = barCategory(chart, data, width);
      // One series: each bar's colour is prepared (« Autres » and dimmed bars grey, chosen colours).
      const single = hasSeries ? {} : { color: FILL };
      const offset = hasSeries && chart.stack === 'none' ? { field: 'series', type: 'nominal', sort: BY_RANK } : undefined;
      const [c, v, o] = chart.type === 'column' ? ['x', 'y', 'xOffset'] : ['y', 'x', 'yOffset'];
      return {
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: { [c]: category, [v]: value, ...color, ...single, ...(offset ? { [o]: offset } : {}), ...stackOrder, ...tooltip },
      };
    }
    case 'line':
    case 'area': {
      const area = chart.type === 'area';
      const base = hasSeries ? {} : { color: colors.single };
      return {
        mark: area
          ? { type: 'area', line: true, opacity: chart.stack === 'none' ? 0.5 : 0.85, ...base }
          : { type: 'line', strokeWidth: 2, ...base },
        encoding: { x: ordinalOrContinuousX(chart), y: value, ...color, ...(area ? stackOrder : {}), ...tooltip },
      };
    }
    case 'scatter':
      return {
        mark: { type: 'point', filled: true, opacity: 0.7, size: chart.byGroup ? 70 : 40 },
        encoding: {
          x: {
            field: 'x', type: 'quantitative', title: chart.xTitle ?? (chart.byGroup ? measureLabel(chart, chart.x) : nameOf(chart, chart.x)),
            scale: { zero: false }, axis: numberAxis(maxAbs(data.values, (d) => d.x), chart, false),
          },
          y: value,
          ...(hasSeries ? color : { color: FILL }),
          ...tooltip,
        },
      };
    case 'pie':
    case 'donut': {
      const radius = chart.height ? Math.max(30, chart.height / 2 - 8) : pieRadius(width);
      return {
        mark: { type: 'arc', outerRadius: radius, innerRadius: chart.type === 'donut' ? Math.round(radius * 0.55) : 0, stroke: theme.background, strokeWidth: 1 },
        encoding: {
          theta: { field: 'y', type: 'quantitative', stack: true },
          color: {
            field: 'x', type: 'nominal', title: chart.xTitle ?? nameOf(chart, chart.x),
            sort: { field: 'order', op: 'min' },
            scale: { range: colors.categories },
            legend: legend(width),
          },
          order: { field: 'order', type: 'quantitative' },
          tooltip: TOOLTIP,
        },
      };
    }
    case 'heatmap':
      return {
        mark: { type: 'rect', stroke: theme.background, strokeWidth: 1 },
        encoding: {
          x: { ...ordinalOrContinuousX(chart, true), axis: { labelLimit: LABEL_LIMIT, labelAngle: many * 48 > width ? -40 : 0 } },
          ...(hasSeries ? { y: { field: 'series', type: 'nominal', title: chart.group ? nameOf(chart, chart.group) : null, sort: BY_RANK, axis: { labelLimit } } } : {}),
          color: {
            field: 'y', type: 'quantitative', title: yTitle,
            scale: { range: [theme.dark ? '#2a2a3a' : '#eef0fb', theme.palette[0]] },
            // the ramp starts under the plot, right of the row labels: on a phone its default 200 px ran off the edge
            legend: { orient: 'bottom', gradientLength: Math.round(Math.max(80, Math.min(200, width * 0.4))), ...numberFormat(maxAbs(data.values, (d) => d.y), chart) },
          },
          ...(chart.highlight ? { opacity: { condition: { test: 'datum.highlight === false', value: 0.25 }, value: 1 } } : {}),
          tooltip: TOOLTIP,
        },
      };
  }
}

/**
 * Marks dimmed one by one (`highlight` matching some values of a series, not whole series): a
 * flag test, no data in the expression. Whole series are greyed by the legend's range instead.
 */
function dimmed(chart: ResolvedChart, data: ChartData, theme: ChartTheme): Json {
  if (!chart.highlight || data.highlightSeries || chart.type === 'line' || chart.type === 'area') return {};
  return { condition: { test: 'datum.highlight === false', value: theme.other } };
}

/** Each datum's own colour, prepared in `fill` (a single series: no legend to keep). */
const FILL = { field: 'fill', type: 'nominal', scale: null };

/**
 * Lines and areas get a point per value: visible on a few years, invisible on long series, so
 * the tooltip and the keyboard reach every value either way. A highlighted value is larger.
 */
function pointLayer(chart: ResolvedChart, data: ChartData, theme: ChartTheme, width: number, colors: Colors): Json[] {
  if (chart.type !== 'line' && chart.type !== 'area') return [];
  const hasSeries = data.series.length > 0;
  const perLine = data.values.length / Math.max(1, data.series.length);
  const visible = perLine <= 40;
  const color = hasSeries
    ? { color: { ...(chart.highlight && !data.highlightSeries ? { condition: { test: 'datum.highlight === false', value: theme.other } } : {}), field: 'series', type: 'nominal', title: chart.group ? nameOf(chart, chart.group) : null, sort: BY_RANK, scale: { range: colors.series }, legend: legend(width) } }
    : { color: FILL };
  const stacked = chart.stack !== 'none' && hasSeries;
  return [{
    name: 'points',
    mark: { type: 'point', filled: true, opacity: visible ? 1 : 0, size: 36 },
    encoding: {
      x: ordinalOrContinuousX(chart),
      y: { field: 'y', type: 'quantitative', stack: chart.stack === 'normalize' ? 'normalize' : stacked ? 'zero' : null },
      ...color,
      ...(stacked ? { order: { field: 'rank', type: 'quantitative', sort: 'ascending' } } : {}),
      ...(chart.highlight ? { size: { condition: { test: 'datum.highlight', value: 110 }, value: 36 }, opacity: { condition: { test: 'datum.highlight', value: 1 }, value: visible ? 1 : 0 } } : {}),
      tooltip: TOOLTIP,
    },
  }];
}

/** Points of a scatter of groups are named: every one when few, else the highlighted ones. */
const FEW_POINTS = 12;

function pointNames(chart: ResolvedChart, data: ChartData, theme: ChartTheme): Json[] {
  if (!chart.byGroup) return [];
  const highlighted = data.values.some((v) => v.highlight);
  if (!highlighted && data.values.length > FEW_POINTS) return [];
  return [{
    ...(highlighted ? { transform: [{ filter: 'datum.highlight' }] } : {}),
    mark: { type: 'text', align: 'left', baseline: 'middle', dx: 7, fontSize: 11, color: theme.text },
    encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
  }];
}

/** `cumulative="share"` on bars: the share of the whole reached, a line on a second axis (a Pareto chart). */
function paretoLayer(chart: ResolvedChart, data: ChartData, theme: ChartTheme, width: number): Json[] {
  if (chart.cumulative !== 'share' || (chart.type !== 'column' && chart.type !== 'bar')) return [];
  const column = chart.type === 'column';
  // the very channel of the bars: one shared category axis
  const category = barCategory(chart, data, width);
  const share = {
    field: 'cumShare', type: 'quantitative', title: t(chart).cumulativeShare, scale: { domain: [0, 1] },
    axis: { format: '.0%', orient: column ? 'right' : 'top', grid: false, tickCount: 5 },
  };
  return [{
    name: 'pareto',
    transform: [{ filter: 'datum.paretoPoint' }],
    mark: { type: 'line', color: theme.text, strokeWidth: 1.5, point: { filled: true, size: 30, color: theme.text } },
    encoding: { [column ? 'x' : 'y']: category, [column ? 'y' : 'x']: share, tooltip: TOOLTIP },
  }];
}

/**
 * A dashed rule across the chart and its label, per reference (the value as a constant: no data in
 * expressions). The label sits at the end of the rule where the shortest marks are (right of a
 * line or columns, bottom of sorted bars), on a halo of the background so it reads over marks.
 * Each is drawn once (per small multiple), not once per datum; labels of several rules are set
 * apart (one above the other on bars, alternately right and left on lines) so they never overlap.
 */
function referenceLayers(chart: ResolvedChart, data: ChartData, theme: ChartTheme): Json[] {
  const axis = valueAxis(chart);
  const horizontal = axis === 'y';
  // on horizontal bars, a rule past the middle takes its label on its left: it stays inside
  const far = Math.max(...data.values.map((v) => v.y ?? 0), ...data.references.map((r) => r.value)) / 2;
  const once = [{ aggregate: [{ op: 'count', as: 'marks' }], groupby: chart.facet ? ['facet'] : [] }];
  return data.references.flatMap((ref, i) => {
    const left = horizontal && i % 2 === 1;
    const at = horizontal
      ? { y: { datum: ref.value, type: 'quantitative' }, x: { value: left ? 0 : 'width' } }
      : { x: { datum: ref.value, type: 'quantitative' }, y: { value: 'height' } };
    const text = {
      type: 'text', fontSize: 11, text: ref.text,
      ...(left ? { align: 'left', dx: 2 } : horizontal || ref.value > far ? { align: 'right', dx: horizontal ? -2 : -3 } : { align: 'left', dx: 3 }),
      baseline: 'bottom', dy: horizontal ? -3 : -3 - 14 * i,
    };
    return [
      { transform: once, mark: { type: 'rule', color: theme.text, strokeWidth: 1, strokeDash: [4, 3] }, encoding: { [axis]: { datum: ref.value, type: 'quantitative' } } },
      { transform: once, mark: { ...text, color: theme.background, stroke: theme.background, strokeWidth: 4, strokeJoin: 'round' }, encoding: at },
      { transform: once, mark: { ...text, color: theme.text }, encoding: at },
    ];
  });
}

/** Colours of one drawing: series and slices follow the unfiltered order, the author's choice wins. */
interface Colors {
  /** One per series, in legend order (the colour scale's range). */
  series: string[];
  /** One per slice of a pie, in slice order. */
  categories: string[];
  /** A single series' line or area. */
  single: string;
  /** Each datum's own colour (bars and points of a single series): « Autres » and dimmed marks grey. */
  fill: (v: ChartDatum) => string;
}

function chartColors(chart: ResolvedChart, data: ChartData, theme: ChartTheme, orders: NonNullable<ChartSpecInput['orders']>): Colors {
  const chosen = new Map(chart.colors ?? []);
  const palette = theme.palette;
  // a series is named by its group value, or by its measure when several are drawn
  const keyOf = new Map<string, string>();
  for (const v of data.values) if (v.series !== undefined && !keyOf.has(v.series)) keyOf.set(v.series, chart.group && v.measure ? v.series : (v.group ?? v.measure ?? v.series));
  const others = new Set(data.values.filter((v) => v.otherSeries).map((v) => v.series));
  const shownKeys = data.series.filter((s) => !others.has(s)).map((s) => keyOf.get(s) ?? s);
  const seriesColors = categoryColors(shownKeys, { order: chart.group ? (orders.series ?? []) : chart.y, palette, chosen });
  const greyed = (s: string) => others.has(s) || (data.highlightSeries !== undefined && !data.highlightSeries.includes(s));
  const series = data.series.map((s) => (greyed(s) ? theme.other : (seriesColors.get(keyOf.get(s) ?? s) ?? palette[0]!)));
  const slices = [...new Map(data.values.map((v) => [String(v.x), v])).values()].sort((a, b) => a.order - b.order);
  const sliceColors = categoryColors(slices.filter((v) => !v.other).map((v) => String(v.x)), { order: orders.categories ?? [], palette, chosen });
  const categories = slices.map((v) => (v.other || v.highlight === false ? theme.other : (sliceColors.get(String(v.x)) ?? palette[0]!)));
  const single = chosenColor(chart.y[0] ?? '', chosen) ?? palette[0]!;
  const fill = (v: ChartDatum) =>
    v.other || v.highlight === false ? theme.other : (chosenColor(v.label ?? String(v.x), chosen) ?? single);
  return { series, categories, single, fill };
}

/** Legend under the chart, in as many columns as fit (a phone gets one or two). */
const legend = (width: number) => ({
  orient: 'bottom', direction: 'horizontal', columns: Math.max(1, Math.floor(width / 190)), labelLimit: 170, symbolType: 'square',
});

/**
 * Orders come from rank fields computed in `toChartData`: an explicit domain or sort array would
 * be compiled by Vega-Lite into expressions holding the data's strings.
 */
const BY_RANK = { field: 'rank', op: 'min', order: 'ascending' };
/** The tooltip is one prepared text field: Vega's default handler shows it as plain text. */
const TOOLTIP = { field: 'tip', type: 'nominal' };

/** The category channel of columns and bars (labels tilted when columns crowd). */
function barCategory(chart: ResolvedChart, data: ChartData, width: number): Json {
  const names = new Set(data.values.map((v) => xLabel(v.x, chart)));
  const labelLimit = Math.round(Math.min(LABEL_LIMIT, Math.max(70, width * 0.3)));
  // the width a name takes (12 px text, ~6.5 px a character), at least 40 px between names
  const longest = Math.max(0, ...[...names].map((n) => n.length));
  const need = Math.max(40, Math.min(labelLimit, longest * 6.5 + 10));
  // names tilted when columns crowd; upright when they are narrower than a line of text (a phone)
  const crowded = chart.type !== 'column' || names.size * need <= width ? false : names.size * 28 > width ? 'very' : true;
  return categoryChannel(chart, crowded, labelLimit);
}

/** The category axis of a column or bar chart, in the order `toChartData` ranked (« Autres » last). */
function categoryChannel(chart: ResolvedChart, crowded: boolean | 'very', labelLimit: number): Json {
  // Eleven years on a phone would touch (« 20142015… »): tilted, and every other one hidden if still too close.
  const angle = { labelAngle: crowded ? -40 : 0, labelOverlap: 'parity' };
  if (chart.xKind !== 'nominal') {
    const banded = ordinalOrContinuousX(chart, true);
    return { ...banded, axis: { ...(banded['axis'] as Json | undefined), ...angle } };
  }
  return {
    field: 'x', type: 'nominal', title: xTitle(chart),
    sort: { field: 'order', op: 'min', order: 'ascending' },
    // decades, months, centuries in their order: every other label may go, the sequence still reads
    axis: { labelLimit, labelAngle: crowded ? (crowded === 'very' ? -90 : -40) : 0, ...(chart.ordinal ? { labelOverlap: 'parity' } : {}) },
  };
}

/** Years and dates: continuous on a line, bands on columns and heatmaps. */
function ordinalOrContinuousX(chart: ResolvedChart, banded = false): Json {
  const descending = chart.sort === '-x';
  if (chart.xKind === 'year') {
    return banded
      ? { field: 'x', type: 'ordinal', title: xTitle(chart), sort: descending ? 'descending' : 'ascending', axis: { labelAngle: 0 } }
      : { field: 'x', type: 'quantitative', title: xTitle(chart), scale: { zero: false, nice: false, reverse: descending }, axis: { format: 'd', tickMinStep: 1, labelOverlap: true, labelFlush: false } };
  }
  if (chart.xKind === 'temporal') {
    const unit = chart.timeUnit ? `utc${chart.timeUnit}` : undefined;
    return {
      field: 'x', type: banded ? 'ordinal' : 'temporal', title: xTitle(chart),
      ...(unit ? { timeUnit: unit } : {}),
      ...(banded ? { sort: descending ? 'descending' : 'ascending' } : { scale: { type: 'utc', reverse: descending } }),
    };
  }
  if (chart.xKind === 'quantitative') {
    return { field: 'x', type: banded ? 'ordinal' : 'quantitative', title: xTitle(chart), ...(banded ? {} : { scale: { zero: false } }) };
  }
  return { field: 'x', type: 'nominal', title: xTitle(chart), sort: { field: 'order', op: 'min' }, axis: { labelLimit: LABEL_LIMIT } };
}

const t = (chart: ResolvedChart) => chartMessages(chart.lang);

/** The measure's channel; `length` is the axis length in pixels (ticks every ~70 px). */
function valueChannel(chart: ResolvedChart, data: ChartData, title: string, length: number): Json {
  const normalize = chart.stack === 'normalize';
  const stacked = chart.stack !== 'none' && data.series.length > 0;
  const drawn = stacked ? maxStacked(data.values) : maxAbs(data.values, (d) => d.y);
  const max = Math.max(drawn, ...data.references.map((r) => Math.abs(r.value)));
  const scale: Json = {};
  // a bound that would hide drawn values widens to them (data.ts boundWarnings says so)
  const range = normalize || isShareLine(chart) ? undefined : valueRange(chart, data);
  if (chart.yMin !== undefined) scale['domainMin'] = range ? Math.min(chart.yMin, range.min) : chart.yMin;
  if (chart.yMax !== undefined) scale['domainMax'] = range ? Math.max(chart.yMax, range.max) : chart.yMax;
  // Lengths and slopes read from zero (a 2020 drop must not look like a collapse); a scatter's
  // cloud reads on its own range. `y-min` overrides both.
  if (chart.type === 'scatter' && chart.yMin === undefined) scale['zero'] = false;
  return {
    field: 'y', type: 'quantitative', title: title || null,
    stack: normalize ? 'normalize' : stacked ? 'zero' : null,
    ...(Object.keys(scale).length ? { scale } : {}),
    axis: { ...numberAxis(max, chart, normalize), labelOverlap: true, labelFlush: false, tickCount: Math.max(3, Math.floor(length / 70)) },
  };
}

function maxAbs(values: ChartDatum[], pick: (d: ChartDatum) => unknown): number {
  let max = 0;
  for (const v of values) {
    const n = pick(v);
    if (typeof n === 'number' && Math.abs(n) > max) max = Math.abs(n);
  }
  return max;
}

function maxStacked(values: ChartDatum[]): number {
  const sums = new Map<string, number>();
  for (const v of values) {
    const key = `${String(v.x)}\u0000${v.facet ?? ''}`;
    sums.set(key, (sums.get(key) ?? 0) + Math.abs(v.y ?? 0));
  }
  return Math.max(0, ...sums.values());
}

/**
 * Axis labels for the locale: `1 234`, `1,2 M`, `3 Md`, `45 %`. Large values are divided in the
 * label expression (our own fixed text; the suffix is a JSON string literal).
 */
export function numberAxis(max: number, chart: ResolvedChart, normalize: boolean): Json {
  if (normalize || isShareLine(chart)) return { format: '.0%' };
  return numberFormat(max, chart);
}

function numberFormat(max: number, chart: ResolvedChart): Json {
  const t = chartMessages(chart.lang);
  // A short unit (€, %, km) reads on every label; a long one (« entrées ») only in the axis title.
  const unit = chart.unit && chart.unit.length <= 3 ? ` ${chart.unit}` : '';
  const scaled = (divisor: number, suffix: string) => ({
    labelExpr: `datum.value === 0 ? '0' : format(datum.value / ${divisor}, ',.2~f') + ${JSON.stringify(`\u00a0${suffix}${unit}`)}`,
  });
  if (max >= 1e9) return scaled(1e9, t.billion);
  if (max >= 1e6) return scaled(1e6, t.million);
  if (unit) return { labelExpr: `format(datum.value, ',.2~f') + ${JSON.stringify(unit.replace(' ', '\u00a0'))}` };
  return { format: ',.2~f' };
}

function config(chart: ResolvedChart, theme: ChartTheme): Json {
  const text = { labelColor: theme.muted, titleColor: theme.text, labelFont: theme.font, titleFont: theme.font };
  return {
    locale: vegaLocale(chart.lang),
    font: theme.font,
    // The element carries the label, the text alternative and the keyboard walk; per-mark ARIA descriptions would
    // also be expressions built from column names.
    aria: false,
    view: { stroke: null },
    range: { category: theme.palette },
    axis: {
      ...text, labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal',
      gridColor: theme.grid, domainColor: theme.grid, tickColor: theme.grid, titlePadding: 8,
    },
    legend: { ...text, labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal' },
    header: { ...text },
    title: { color: theme.text, subtitleColor: theme.muted, fontSize: 16, subtitleFontSize: 11, font: theme.font, subtitleFont: theme.font, offset: 12 },
    text: { color: theme.text },
    style: { 'guide-label': { fill: theme.muted }, 'guide-title': { fill: theme.text } },
  };
}
