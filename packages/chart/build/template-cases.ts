/**
 * The Vega-Lite specs the build compiles into templates (`templates.mjs`): the spec matrix
 * (every type × option, `test/matrix-cases.ts`) at the widths of a phone, a column, a page and a
 * wide screen, each of them with 3, 9 and 60 x values (names tilted or not, points hidden or not), and in
 * millions and billions (axis labels « 1,2 M », « 3 Md »), and as exported images (a caption: title,
 * source, licence, date drawn in); then every shape with the options pages use beside the matrix's
 * (several measures, stacked or not, a unit, a height, one or two references, on a phone too);
 * the matrix's dates without a time unit; and ordered categories core computes (months, decades,
 * centuries: `compute`, `time-unit="decade"`). A spec whose key none of these has is compiled in
 * the browser.
 */
import type { ColumnInfo, Row } from '@culture-widgets/core';
import type { ChartOptions } from '../src/options.js';
import { buildChartSpec } from '../src/spec.js';
import { toChartData } from '../src/data.js';
import { CHART_TYPES, resolveChart } from '../src/options.js';
import { EDITORIAL_CASES, SHAPES, columns, type MatrixCase } from '../test/matrix-cases.js';

export interface TemplateCase {
  name: string;
  spec: unknown;
}

export const WIDTHS = [320, 480, 600, 720, 1000];
/** An exported image is at least 480 px wide (`exportImage` in chart.ts). */
const EXPORT_WIDTHS = [480, 720, 1000];
/** Options a page sets that change the spec's shape, tried on every shape of the matrix. */
const MORE_OPTIONS: Partial<ChartOptions>[] = [
  { y: ['billets', 'prix'] }, { y: ['billets', 'prix'], stack: true }, { y: ['billets', 'prix'], stack: 'normalize' },
  { unit: '€' }, { unit: 'entrées' }, { height: 320 }, { reference: '12: objectif' }, { reference: 'mean, 12' },
];
/** Months, decades, centuries: few (names upright), a year's worth, many (names tilted, every other one hidden). */
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const DECADES = Array.from({ length: 16 }, (_, i) => `${1870 + i * 10}-${1879 + i * 10}`);
const CENTURIES = ['XVe siècle', 'XVIe siècle', 'XVIIe siècle', 'XVIIIe siècle', 'XIXe siècle', 'XXe siècle', 'XXIe siècle'];
const ORDERED: [string, string, string[][]][] = [
  ['month', 'mois', [MONTHS.slice(0, 3), MONTHS]],
  ['decade', 'decennie', [DECADES.slice(-3), DECADES.slice(-9), DECADES]],
  ['century', 'siecle', [CENTURIES.slice(-3), CENTURIES]],
];
const CAPTION = { title: 'Titre', lines: ['Source : jeu de données — producteur', 'Licence : Licence Ouverte', 'Tracé le 4 décembre 2026'] };

/** The rows with their measures multiplied by `factor`. */
function scaled(rows: Row[], factor: number): Row[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' && k !== 'annee' ? v * factor : v])));
}

/** The rows again over `times` × as many x values: longer series, more categories. */
function longer(rows: Row[], times: number): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < times; i++) {
    for (const row of rows) {
      const copy = { ...row };
      for (const [k, v] of Object.entries(row)) {
        if (k === 'annee' && typeof v === 'number') copy[k] = v + i * 3;
        else if (k === 'discipline' && typeof v === 'string' && !/^F\d$/.test(v)) copy[k] = `${v} ${i}`;
        else if (k === 'date' && typeof v === 'string') copy[k] = `${2000 + i}${v.slice(4)}`;
        else if (typeof v === 'number' && k !== 'annee') copy[k] = v * (1 + i) + i * i; // uneven: a mean apart from the median
      }
      out.push(copy);
    }
  }
  return out;
}

/** The matrix's dates without `time-unit`: a date column as it comes (the builder's line of a « date de mise à jour »). */
const DAY_DATES: MatrixCase[] = SHAPES.filter((c) => c.options.timeUnit).map(({ options: { timeUnit: _, ...options }, ...c }) => ({ ...c, name: `${c.name} by day`, options }));

export function* templateCases(): Generator<TemplateCase> {
  yield* orderedCases();
  for (const c of [...SHAPES, ...EDITORIAL_CASES, ...DAY_DATES]) {
    const chart = resolveChart(columns, c.options);
    // 3 x values (names upright, points shown), 9 (names tilted on a phone), 60 (points hidden)
    const [medium, long] = [longer(c.rows, 3), longer(c.rows, 20)];
    const variants = [
      ['', c.rows, WIDTHS], [' medium', medium, WIDTHS], [' long', long, WIDTHS],
      [' millions', scaled(c.rows, 1e5), WIDTHS], [' medium millions', scaled(medium, 1e5), WIDTHS], [' long millions', scaled(long, 1e5), WIDTHS],
      [' billions', scaled(c.rows, 1e8), [480]], [' long billions', scaled(long, 1e8), [480]],
    ] as const;
    for (const [variant, rows, widths] of variants) {
      const data = toChartData(rows, chart);
      for (const width of widths) {
        yield { name: `${c.name}${variant} @${width}`, spec: buildChartSpec({ chart, rows: [], data, width }) };
      }
    }
    for (const [variant, rows] of [[' export', c.rows], [' medium export', medium]] as const) {
      const data = toChartData(rows, chart);
      for (const width of EXPORT_WIDTHS) {
        yield { name: `${c.name}${variant} @${width}`, spec: buildChartSpec({ chart, rows: [], data, width, caption: CAPTION }) };
      }
    }
  }
  for (const c of SHAPES) {
    for (const more of MORE_OPTIONS) {
      let chart;
      try {
        chart = resolveChart(columns, { ...c.options, ...more });
      } catch {
        continue; // not an option of this shape
      }
      const name = `${c.name} ${JSON.stringify(more)}`;
      for (const [variant, rows] of [['', c.rows], [' medium', longer(c.rows, 3)], [' millions', scaled(c.rows, 1e5)]] as const) {
        const data = toChartData(rows, chart);
        for (const width of [320, 480, 1000]) yield { name: `${name}${variant} @${width}`, spec: buildChartSpec({ chart, rows: [], data, width }) };
      }
    }
  }
}

/** The rows of an ordered x: one per value (and group), measures uneven. */
function orderedRows(x: string, values: string[], grouped: boolean): Row[] {
  return values.flatMap((v, i) => (grouped ? ['A', 'B'] : [undefined]).map((salle, s) => ({
    [x]: v, billets: 10 + i * (s + 1), billets__sum: 10 + i * (s + 1), prix: 5 + i, prix__sum: 5 + i + s, n: 3 + i * i, ...(salle ? { salle } : {}),
  })));
}

/**
 * Ordered categories (`chart.ordinal`): a computed month, decade or century column, or
 * `time-unit="decade"` of a date (a count expression, as pages write it), on every type, grouped
 * and stacked or not, with few values or many, at every width.
 */
function* orderedCases(): Generator<TemplateCase> {
  for (const [format, name, lists] of ORDERED) {
    const ordered: ColumnInfo = { name, type: 'string', computed: true, format };
    const cols = [...columns, ordered];
    for (const type of CHART_TYPES) {
      for (const [grouping, more] of [
        ['', {}], [' group', { group: 'salle' }], [' group stacked', { group: 'salle', stack: true }], [' two measures stacked', { y: ['billets', 'prix'], stack: true }],
        [' count', { aggregate: 'count' }], [' height', { height: 280 }],
      ] as const) {
        let chart;
        try {
          chart = resolveChart(cols, { type, x: name, y: ['billets'], ...more });
        } catch {
          continue;
        }
        if (!chart.ordinal) continue; // a scatter: x is a measure
        for (const values of lists) {
          const data = toChartData(orderedRows(name, values, grouping.includes('group') && type !== 'pie' && type !== 'donut'), chart);
          for (const width of [...WIDTHS, 360]) yield { name: `${type} x=${format}${grouping} ${values.length} @${width}`, spec: buildChartSpec({ chart, rows: [], data, width }) };
        }
      }
    }
  }
  // `time-unit="decade"` of a date, counted by an expression (`y="musees = count()"`)
  const date: ColumnInfo = { name: 'creation', type: 'date' };
  for (const [variant, more] of [['', {}], [' height', { height: 280 }]] as const) {
    const chart = resolveChart([...columns, date], { x: 'creation', timeUnit: 'decade', y: ['n = count()'], ...more });
    for (const values of [DECADES.slice(-3), DECADES.slice(-9), DECADES]) {
      const data = toChartData(orderedRows(chart.x, values, false), chart);
      for (const width of [...WIDTHS, 360]) yield { name: `decade of a date, counted${variant} ${values.length} @${width}`, spec: buildChartSpec({ chart, rows: [], data, width }) };
    }
  }
}
