/**
 * The first settings the builder proposes: each element's own `auto` choice over the profile
 * (`autoChart`, `autoMap`, `autoTable`), written down so the form shows it and the snippet keeps
 * it. The builder guesses nothing itself. Pure.
 */
import { parseList, quoteName, type ColumnInfo, type Row } from '@culture-widgets/core';
import { autoChart } from '@culture-widgets/chart';
import { autoMap } from '@culture-widgets/map';
import { autoTable } from '@culture-widgets/table';
import type { ElementKind } from './schema.js';

/**
 * A key figure adds up the measure the chart would draw (the chart's own pick: `total`), else
 * counts the rows, `<culture-kpi>`'s own default.
 */
function autoKpi(columns: ColumnInfo[]): Record<string, string> {
  const [measure] = parseList(autoChart(columns).y);
  return measure ? { value: `sum(${quoteName(measure)})` } : {};
}

const AUTO = { chart: autoChart, map: autoMap, table: autoTable, kpi: autoKpi } satisfies Record<ElementKind, (columns: ColumnInfo[], sample: Row[]) => Record<string, string>>;

/** The element's own choice over these columns (and a few rows), as attributes. */
export const defaultsFromProfile = (columns: ColumnInfo[], element: ElementKind, sample: Row[] = []): Record<string, string> =>
  AUTO[element](columns, sample);

/** What a resource reads best as: a map when its rows have places, else a chart. */
export const elementFor = (columns: ColumnInfo[], sample: Row[] = []): ElementKind => (autoMap(columns, sample).mode === 'points' ? 'map' : 'chart');
