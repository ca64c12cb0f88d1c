/**
 * A resolved chart + the query's rows → a Vega-Lite spec. Data goes in inline (`values`) under
 * fixed field names (`x`, `y`, `series`, `facet`, `order`), so no column name or cell value ever
 * reaches an expression; titles, labels and tooltips are text marks. Pure: no DOM, no vega.
 */
import type { ColumnInfo, Row } from '@culture-widgets/core';
import type { TopLevelSpec } from 'vega-lite';
import { toChartData, type ChartData, type ChartDatum } from './data.js';
import { vegaLocale } from './locale.js';
import { chartMessages } from './messages.js';
import type { ResolvedChart } from './options.js';

/** Colours and font read from the element's CSS custom properties at draw time. */
export interface ChartTheme {
  palette: string[];
  dark: boolean;
  text: string;
  muted: string;
  grid: string;
  background: string;
  font: string;
  /** Colour of « Autres ». */
  other: string;
}

/** Defaults matching the ui package's light theme (DSFR illustrative colours). */
export const DEFAULT_THEME: ChartTheme = {
  palette: ['#000091', '#c9191e', '#009081', '#e4794a', '#6a6af4', '#a6a15e', '#a94645', '#417dc4'],
  dark: false,
  text: '#161616',
  muted: '#3a3a3a',
  grid: '#dddddd',
  background: '#ffffff',
  font: 'Marianne, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  other: '#8a8a8a',
};

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
  const view = { ...layer(chart, data, theme, width), ...size(chart, data, width, !!facet) };
  const top: Json = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: data.values },
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
    facet: { field: 'facet', type: 'nominal', title: chart.facet, sort: { field: 'facetRank', op: 'min' }, header: { labelLimit: width, labelFontSize: 12, titleFontSize: 12 } },
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
  return { width, height: chart.height ?? Math.round(Math.min(400, Math.max(220, width * 0.55))) };
}

const pieRadius = (width: number): number => Math.max(40, Math.min(width, 320) / 2 - 8);

// ---------------------------------------------------------------------------------------------
// Marks and encodings

function layer(chart: ResolvedChart, data: ChartData, theme: ChartTheme, width: number): Json {
  const yTitle = valueTitle(chart);
  const hasSeries = data.series.length > 0;
  const labelLimit = Math.round(Math.min(LABEL_LIMIT, Math.max(70, width * 0.3)));
  const otherSeries = data.values.some((v) => v.otherSeries);
  const seriesScale = otherSeries ? { scale: { range: withOther(theme, data.series.length) } } : {};
  const color = hasSeries
    ? { color: { field: 'series', type: 'nominal', title: chart.group ?? null, sort: BY_RANK, ...seriesScale, legend: legend(width) } }
    : {};
  const value = valueChannel(chart, data, yTitle, chart.type === 'bar' ? width * 0.65 : (chart.height ?? 300));
  // Stacks follow the legend: the largest series at the base, « Autres » on top.
  const stackOrder = hasSeries && chart.stack !== 'none' ? { order: { field: 'rank', type: 'quantitative', sort: 'ascending' } } : {};
  const tooltip = { tooltip: TOOLTIP };
  const many = new Set(data.values.map((v) => String(v.x))).size;
  switch (chart.type) {
    case 'column':
    case 'bar': {
      const category = categoryChannel(chart, chart.type === 'column' ? many * 60 > width : false, labelLimit);
      // One series: « Autres » in the neutral colour (a flag test, no data in the expression).
      const single = hasSeries ? {} : { color: { condition: { test: 'datum.other', value: theme.other }, value: theme.palette[0] } };
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
      return {
        mark: area
          ? { type: 'area', line: true, opacity: chart.stack === 'none' ? 0.5 : 0.85, ...(hasSeries ? {} : { color: theme.palette[0] }) }
          : {
              type: 'line', strokeWidth: 2, ...(hasSeries ? {} : { color: theme.palette[0] }),
              // points help read a few years; on long series they only clutter the line
              ...(many <= 40 ? { point: { filled: true, size: 36, ...(hasSeries ? {} : { color: theme.palette[0] }) } } : {}),
            },
        encoding: { x: ordinalOrContinuousX(chart), y: value, ...color, ...(area ? stackOrder : {}), ...tooltip },
      };
    }
    case 'scatter':
      return {
        mark: { type: 'point', filled: true, opacity: 0.7, size: 40, ...(hasSeries ? {} : { color: theme.palette[0] }) },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: chart.x, scale: { zero: false }, axis: numberAxis(maxAbs(data.values, (d) => d.x), chart, false) },
          y: value,
          ...color,
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
            field: 'x', type: 'nominal', title: chart.x,
            sort: { field: 'order', op: 'min' },
            ...(data.values.some((v) => v.other) ? { scale: { range: withOther(theme, many) } } : {}),
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
          ...(hasSeries ? { y: { field: 'series', type: 'nominal', title: chart.group ?? null, sort: BY_RANK, axis: { labelLimit } } } : {}),
          color: {
            field: 'y', type: 'quantitative', title: yTitle,
            scale: { range: [theme.dark ? '#2a2a3a' : '#eef0fb', theme.palette[0]] },
            legend: { orient: 'bottom', ...numberFormat(maxAbs(data.values, (d) => d.y), chart) },
          },
          tooltip: TOOLTIP,
        },
      };
  }
}

/** Legend under the chart, in as many columns as fit (a phone gets one or two). */
const legend = (width: number) => ({
  orient: 'bottom', direction: 'horizontal', columns: Math.max(1, Math.floor(width / 190)), labelLimit: 170, symbolType: 'square',
});

/** The palette for `n` entries, the last one being « Autres ». */
function withOther(theme: ChartTheme, n: number): string[] {
  const colors = Array.from({ length: Math.max(0, n - 1) }, (_, i) => theme.palette[i % theme.palette.length]!);
  return [...colors, theme.other];
}

/**
 * Orders come from rank fields computed in `toChartData`: an explicit domain or sort array would
 * be compiled by Vega-Lite into expressions holding the data's strings.
 */
const BY_RANK = { field: 'rank', op: 'min', order: 'ascending' };
/** The tooltip is one prepared text field: Vega's default handler shows it as plain text. */
const TOOLTIP = { field: 'tip', type: 'nominal' };

/** The category axis of a column or bar chart, in the order `toChartData` ranked (« Autres » last). */
function categoryChannel(chart: ResolvedChart, crowded: boolean, labelLimit: number): Json {
  // Eleven years on a phone would touch (« 20142015… »): tilted, and every other one hidden if still too close.
  const angle = { labelAngle: crowded ? -40 : 0, labelOverlap: 'parity' };
  if (chart.xKind !== 'nominal') {
    const banded = ordinalOrContinuousX(chart, true);
    return { ...banded, axis: { ...(banded['axis'] as Json | undefined), ...angle } };
  }
  return {
    field: 'x', type: 'nominal', title: chart.x,
    sort: { field: 'order', op: 'min', order: 'ascending' },
    axis: { labelLimit, ...(crowded ? { labelAngle: -40 } : { labelAngle: 0 }) },
  };
}

/** Years and dates: continuous on a line, bands on columns and heatmaps. */
function ordinalOrContinuousX(chart: ResolvedChart, banded = false): Json {
  const descending = chart.sort === '-x';
  if (chart.xKind === 'year') {
    return banded
      ? { field: 'x', type: 'ordinal', title: chart.x, sort: descending ? 'descending' : 'ascending', axis: { labelAngle: 0 } }
      : { field: 'x', type: 'quantitative', title: chart.x, scale: { zero: false, nice: false, reverse: descending }, axis: { format: 'd', tickMinStep: 1, labelOverlap: true, labelFlush: false } };
  }
  if (chart.xKind === 'temporal') {
    const unit = chart.timeUnit ? `utc${chart.timeUnit}` : undefined;
    return {
      field: 'x', type: banded ? 'ordinal' : 'temporal', title: chart.x,
      ...(unit ? { timeUnit: unit } : {}),
      ...(banded ? { sort: descending ? 'descending' : 'ascending' } : { scale: { type: 'utc', reverse: descending } }),
    };
  }
  if (chart.xKind === 'quantitative') {
    return { field: 'x', type: banded ? 'ordinal' : 'quantitative', title: chart.x, ...(banded ? {} : { scale: { zero: false } }) };
  }
  return { field: 'x', type: 'nominal', title: chart.x, sort: { field: 'order', op: 'min' }, axis: { labelLimit: LABEL_LIMIT } };
}

/** The measure's title: `total (somme)`, `total (somme, entrées)` with a unit, « Nombre de lignes » for a count. */
export function valueTitle(chart: ResolvedChart): string {
  const t = chartMessages(chart.lang);
  if (chart.y.length === 1) return t.measure(chart.y[0]!, chart.aggregate, chart.unit);
  const base = chart.y.length === 0 ? t.count : '';
  return chart.unit ? (base ? `${base} (${chart.unit})` : chart.unit) : base;
}

/** The measure's channel; `length` is the axis length in pixels (ticks every ~70 px). */
function valueChannel(chart: ResolvedChart, data: ChartData, title: string, length: number): Json {
  const normalize = chart.stack === 'normalize';
  const stacked = chart.stack !== 'none' && data.series.length > 0;
  const max = stacked ? maxStacked(data.values) : maxAbs(data.values, (d) => d.y);
  const scale: Json = {};
  if (chart.yMin !== undefined) scale['domainMin'] = chart.yMin;
  if (chart.yMax !== undefined) scale['domainMax'] = chart.yMax;
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
  if (normalize) return { format: '.0%' };
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
    // The element carries role="img" and the text alternative; per-mark ARIA descriptions would
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
