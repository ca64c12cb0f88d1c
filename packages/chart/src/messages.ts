/**
 * Every word <culture-chart> shows, in French and English. Shared words (loading, empty, error,
 * citation) live in @culture-widgets/ui; these are the chart's own. Pure: no DOM, no lit.
 */
import { availableColumns, defineMessages, type AggregateOp, type Lang, type Say } from '@culture-widgets/core';
import type { ChartType } from './options.js';

export interface ChartMessages {
  /** The « Autres » bucket a top-N folds the rest into. */
  other: string;
  /** Label for a missing category. */
  empty: string;
  /** Name of a row count on an axis. */
  count: string;
  typeName: Record<ChartType, string>;
  aggregateName: Record<AggregateOp, string>;
  menu: string;
  downloadPng: string;
  downloadSvg: string;
  downloadCsv: string;
  showTable: string;
  hideTable: string;
  tableCaption: (title: string) => string;
  /** Caption lines drawn into an exported image. */
  sourceLine: (source: string) => string;
  licenceLine: (licence: string) => string;
  drawnOn: (date: string) => string;
  /** Generated description pieces. */
  describe: {
    shows: (type: string, measure: string, by: string | undefined) => string;
    series: (n: number) => string;
    categories: (n: number) => string;
    range: (from: string, to: string) => string;
    max: (value: string, at: string) => string;
    min: (value: string, at: string) => string;
    trendUp: (pct: string) => string;
    trendDown: (pct: string) => string;
    trendFlat: string;
    latest: (value: string, at: string) => string;
    others: (n: number) => string;
    otherSeries: (n: number) => string;
    otherHidden: (value: string) => string;
    points: (n: number) => string;
    noData: string;
  };
  /** "total (somme)" */
  /** `total (somme)`, `total (somme, entrées)`: the unit joins the aggregate's brackets. */
  measure: (column: string, op: AggregateOp | undefined, unit?: string) => string;
  /** Large-number suffixes for axis labels. */
  million: string;
  billion: string;
  thousand: string;
}

const fr: ChartMessages = {
  other: 'Autres',
  empty: '(vide)',
  count: 'Nombre de lignes',
  typeName: {
    column: 'Histogramme', bar: 'Diagramme en barres', line: 'Graphique en courbes', area: 'Graphique en aires',
    scatter: 'Nuage de points', pie: 'Diagramme circulaire', donut: 'Diagramme en anneau', heatmap: 'Carte de chaleur',
  },
  aggregateName: { sum: 'somme', count: 'nombre', mean: 'moyenne', median: 'médiane', min: 'minimum', max: 'maximum' },
  menu: 'Options du graphique',
  downloadPng: 'Télécharger l’image (PNG)',
  downloadSvg: 'Télécharger l’image (SVG)',
  downloadCsv: 'Télécharger les données (CSV)',
  showTable: 'Afficher les données en tableau',
  hideTable: 'Masquer le tableau de données',
  tableCaption: (title) => `Données du graphique : ${title}`,
  sourceLine: (source) => `Source : ${source}`,
  licenceLine: (licence) => `Licence : ${licence}`,
  drawnOn: (date) => `Graphique réalisé le ${date}`,
  describe: {
    shows: (type, measure, by) => (by ? `${type} : ${measure} par ${by}.` : `${type} : ${measure}.`),
    series: (n) => `${n} séries.`,
    categories: (n) => `${n} catégories.`,
    range: (from, to) => `De ${from} à ${to}.`,
    max: (value, at) => `Maximum : ${value} (${at}).`,
    min: (value, at) => `Minimum : ${value} (${at}).`,
    trendUp: (pct) => `Tendance : en hausse (${pct} sur la période).`,
    trendDown: (pct) => `Tendance : en baisse (${pct} sur la période).`,
    trendFlat: 'Tendance : stable.',
    latest: (value, at) => `Dernière valeur : ${value} (${at}).`,
    others: (n) => (n === 1 ? 'Une autre valeur forme « Autres ».' : `Les ${n} autres valeurs sont regroupées dans « Autres ».`),
    otherHidden: (value) => `« Autres » : ${value}, non représenté (plus grand que chaque barre).`,
    otherSeries: (n) => (n === 1 ? 'Une autre série forme « Autres ».' : `Les ${n} autres séries sont regroupées dans « Autres ».`),
    points: (n) => `${new Intl.NumberFormat('fr-FR').format(n)} points.`,
    noData: 'Aucune donnée à afficher.',
  },
  measure: (column, op, unit) => {
    const notes = [op && op !== 'count' ? fr.aggregateName[op] : '', unit ?? ''].filter(Boolean);
    return notes.length ? `${column} (${notes.join(', ')})` : column;
  },
  million: 'M',
  billion: 'Md',
  thousand: 'k',
};

const en: ChartMessages = {
  other: 'Others',
  empty: '(empty)',
  count: 'Number of rows',
  typeName: {
    column: 'Column chart', bar: 'Bar chart', line: 'Line chart', area: 'Area chart',
    scatter: 'Scatter plot', pie: 'Pie chart', donut: 'Donut chart', heatmap: 'Heatmap',
  },
  aggregateName: { sum: 'sum', count: 'count', mean: 'mean', median: 'median', min: 'minimum', max: 'maximum' },
  menu: 'Chart options',
  downloadPng: 'Download image (PNG)',
  downloadSvg: 'Download image (SVG)',
  downloadCsv: 'Download data (CSV)',
  showTable: 'Show data as a table',
  hideTable: 'Hide data table',
  tableCaption: (title) => `Chart data: ${title}`,
  sourceLine: (source) => `Source: ${source}`,
  licenceLine: (licence) => `Licence: ${licence}`,
  drawnOn: (date) => `Chart drawn on ${date}`,
  describe: {
    shows: (type, measure, by) => (by ? `${type}: ${measure} by ${by}.` : `${type}: ${measure}.`),
    series: (n) => `${n} series.`,
    categories: (n) => `${n} categories.`,
    range: (from, to) => `From ${from} to ${to}.`,
    max: (value, at) => `Maximum: ${value} (${at}).`,
    min: (value, at) => `Minimum: ${value} (${at}).`,
    trendUp: (pct) => `Trend: rising (${pct} over the period).`,
    trendDown: (pct) => `Trend: falling (${pct} over the period).`,
    trendFlat: 'Trend: stable.',
    latest: (value, at) => `Latest value: ${value} (${at}).`,
    others: (n) => (n === 1 ? 'One more value makes “Others”.' : `The ${n} other values are grouped into “Others”.`),
    otherHidden: (value) => `“Others”: ${value}, not drawn (larger than every bar).`,
    otherSeries: (n) => (n === 1 ? 'One more series makes “Others”.' : `The ${n} other series are grouped into “Others”.`),
    points: (n) => `${new Intl.NumberFormat('en-GB').format(n)} points.`,
    noData: 'No data to show.',
  },
  measure: (column, op, unit) => {
    const notes = [op && op !== 'count' ? en.aggregateName[op] : '', unit ?? ''].filter(Boolean);
    return notes.length ? `${column} (${notes.join(', ')})` : column;
  },
  million: 'M',
  billion: 'B',
  thousand: 'k',
};

export function chartMessages(lang: Lang): ChartMessages {
  return lang === 'en' ? en : fr;
}

type ChartErrorKey = 'no-x-column' | 'draw-failed';

/** The chart's own errors: `chartErrors.error('unknown-column', { available }, 'no-x-column')`. */
export const chartErrors = defineMessages<ChartErrorKey>({
  fr: {
    'no-x-column': (d) => `Aucune colonne à placer sur l’axe horizontal.${availableColumns(d, 'fr')}`,
    'draw-failed': (d) => `Le graphique n’a pas pu être dessiné (${String(d.cause)}).`,
  } satisfies Record<ChartErrorKey, Say>,
  en: {
    'no-x-column': (d) => `No column to draw on the horizontal axis.${availableColumns(d, 'en')}`,
    'draw-failed': (d) => `The chart could not be drawn (${String(d.cause)}).`,
  } satisfies Record<ChartErrorKey, Say>,
});
