/**
 * The chart's data as a table: the twin the menu shows (« Afficher les données en tableau ») and
 * the CSV it downloads. One row per category, year or point, one column per series: the same
 * numbers the marks draw, under readable headers. Pure: no DOM, no vega.
 */
import type { ColumnInfo, Row } from '@culture-widgets/core';
import { xLabel, type ChartData, type ChartDatum } from './data.js';
import { isShareLine } from './editorial.js';
import { chartMessages } from './messages.js';
import { measureLabel, nameOf, type ResolvedChart } from './options.js';
import { measureTitle, valueTitle, xTitle } from './titles.js';

export interface ChartTable {
  columns: ColumnInfo[];
  rows: Row[];
  /** Where each drawn value sits: datum `key` → its row and column (the cell holds what the mark draws). */
  cells: Map<number, { row: number; column: string }>;
  /**
   * What each column is called on screen (the CSV keeps `columns`' names): the axis titles, and
   * series by their legend names — data values as they are, never reworded.
   */
  titles: Map<string, string>;
}

/** The drawn values as a table (wide: series side by side), « Autres » included when drawn. */
export function chartTable(chart: ResolvedChart, data: ChartData): ChartTable {
  const t = chartMessages(chart.lang);
  // a cumulative share line draws shares: its values keep the measure's name
  // the CSV keeps the columns' own names: labels are for the screen
  const value = (isShareLine(chart) ? measureTitle(chart, false) : valueTitle(chart, false)) || t.count;
  const xColumn = xColumnOf(chart);
  const columns: ColumnInfo[] = [];
  const rows: Row[] = [];
  const cells = new Map<number, { row: number; column: string }>();
  const titles = new Map<string, string>();
  const add = (column: ColumnInfo, title = column.name) => {
    if (!columns.some((c) => c.name === column.name)) {
      columns.push(column);
      titles.set(column.name, title);
    }
    return column.name;
  };
  const shownValue = (isShareLine(chart) ? measureTitle(chart) : valueTitle(chart)) || t.count;

  if (chart.type === 'scatter') {
    // a row per point: its name (a scatter of groups) or its series, then x and y
    const name = chart.byGroup ? add({ name: chart.group!, type: 'string' }, nameOf(chart, chart.group!)) : undefined;
    const series = !chart.byGroup && data.series.length ? add({ name: chart.group ?? t.count, type: 'string' }, chart.group ? nameOf(chart, chart.group) : t.count) : undefined;
    const x = add({ name: chart.xTitle ?? (chart.byGroup ? measureLabel(chart, chart.x) : chart.x), type: 'number' }, chart.byGroup ? (chart.xTitle ?? measureLabel(chart, chart.x)) : xTitle(chart));
    const facet = chart.facet ? add({ name: chart.facet, type: 'string' }, nameOf(chart, chart.facet)) : undefined;
    const y = add({ name: value, type: 'number' }, shownValue);
    for (const v of data.values) {
      const row: Row = {};
      if (name) row[name] = v.label ?? null;
      if (series) row[series] = v.series ?? null;
      row[x] = v.x;
      if (facet) row[facet] = v.facet ?? null;
      row[y] = v.y;
      cells.set(v.key!, { row: rows.push(row) - 1, column: y });
    }
    return { columns, rows, cells, titles };
  }

  const x = add(xColumn, xTitle(chart));
  const facet = chart.facet ? add({ name: chart.facet, type: 'string' }, nameOf(chart, chart.facet)) : undefined;
  const seriesNames = data.series.length ? data.series : [undefined];
  // per series: the value column, and the cumulated one when `cumulative` draws it
  const shareLine = isShareLine(chart);
  const seriesColumns = new Map<string | undefined, { own: string; cumulative?: string }>();
  // a series of several measures is named by its column (the legend shows its label)
  const columnOf = new Map<string, string>();
  for (const v of data.values) {
    if (v.series !== undefined && v.measure !== undefined) columnOf.set(v.series, [v.group, v.measure].filter((p) => p !== undefined).join(' · '));
  }
  // a running total: the values under the measure's name, the totals under the value axis's
  const runningTotal = chart.cumulative === 'sum';
  for (const s of seriesNames) {
    const own = add({ name: (s !== undefined ? columnOf.get(s) : undefined) ?? s ?? value, type: 'number' }, s ?? (runningTotal ? measureTitle(chart) || t.count : shownValue));
    const cumulativeName = runningTotal ? t.cumulative : shareLine ? t.cumulativeShare : undefined;
    const cumulative = cumulativeName
      ? add(
        { name: s === undefined ? cumulativeName : `${s} (${cumulativeName.toLowerCase()})`, type: 'number', ...(shareLine ? { format: 'percent' } : {}) },
        s === undefined && runningTotal && chart.yTitle ? chart.yTitle : undefined,
      )
      : undefined;
    seriesColumns.set(s, { own, ...(cumulative ? { cumulative } : {}) });
  }
  const pareto = chart.cumulative === 'share' && !shareLine ? add({ name: t.cumulativeShare, type: 'number', format: 'percent' }) : undefined;
  const share = chart.type === 'pie' || chart.type === 'donut' ? add({ name: t.share, type: 'number', format: 'percent' }) : undefined;

  const rowIndex = new Map<string, number>();
  for (const v of data.values) {
    const id = `${String(v.x)}\u0000${v.facet ?? ''}`;
    let index = rowIndex.get(id);
    if (index === undefined) {
      const row: Row = { [x]: xCell(v, chart) };
      if (facet) row[facet] = v.facet ?? null;
      for (const { own, cumulative } of seriesColumns.values()) {
        row[own] = null;
        if (cumulative) row[cumulative] = null;
      }
      if (pareto) row[pareto] = v.cumShare === undefined ? null : percentPoints(v.cumShare);
      if (share) row[share] = v.share === undefined ? null : percentPoints(v.share);
      index = rows.push(row) - 1;
      rowIndex.set(id, index);
    }
    const row = rows[index]!;
    const { own, cumulative } = seriesColumns.get(v.series) ?? seriesColumns.values().next().value!;
    if (cumulative) {
      row[own] = v.value ?? null;
      row[cumulative] = shareLine && v.y !== null ? percentPoints(v.y) : v.y;
      cells.set(v.key!, { row: index, column: cumulative });
    } else {
      row[own] = v.y;
      cells.set(v.key!, { row: index, column: own });
    }
  }
  return { columns, rows, cells, titles };
}

/** Years as years (no thousands separator), bucketed dates as their label (« mars 2024 »). */
function xColumnOf(chart: ResolvedChart): ColumnInfo {
  const name = chart.xTitle ?? chart.x;
  if (chart.xKind === 'year') return { name, type: 'integer', format: 'year' };
  if (chart.xKind === 'quantitative') return { name, type: 'number' };
  if (chart.xKind === 'temporal' && !chart.timeUnit) return { name, type: 'date' };
  return { name, type: 'string' };
}

const xCell = (v: ChartDatum, chart: ResolvedChart): string | number | null =>
  chart.xKind === 'temporal' && chart.timeUnit ? xLabel(v.x, chart) : v.x;

/** A share (0–1) in percentage points, to one hundredth of a point: `24,57 %` in the table. */
const percentPoints = (share: number): number => Math.round(share * 10000) / 100;

/** One mark's values as a row (`culture-select`'s `detail.row`): its x, group, facet and value, by column. */
export function datumRow(chart: ResolvedChart, v: ChartDatum): Row {
  const t = chartMessages(chart.lang);
  if (chart.byGroup) return { [chart.group!]: v.label ?? null, [chart.x]: v.x, [chart.y[0]!]: v.y, ...(chart.facet ? { [chart.facet]: v.facet ?? null } : {}) };
  const row: Row = { [chart.x]: v.x };
  if (chart.group) row[chart.group] = v.group ?? null;
  if (chart.facet) row[chart.facet] = v.facet ?? null;
  row[v.measure ?? (chart.y.length === 1 ? chart.y[0]! : (valueTitle(chart, false) || t.count))] = chart.cumulative === 'sum' ? (v.value ?? null) : v.y;
  return row;
}
