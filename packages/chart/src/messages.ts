/**
 * Every word <culture-chart> shows, in French and English. Shared words (loading, empty, error,
 * citation) live in @culture-widgets/ui; these are the chart's own. Pure: no DOM, no lit.
 */
import { availableColumns, defineMessages, formatNumber, type AggregateOp, type Details, type Lang, type Say } from '@culture-widgets/core';
import type { ChartType, ChartWarning, Reference, WarningReason } from './options.js';

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
    /** Several series of sums: the extremes, trend and latest value that follow are their totals per x. */
    totals: string;
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
    /** A scatter of groups: one point per value of `group`. */
    groupPoints: (n: number, group: string) => string;
    highlight: (what: string) => string;
    references: (lines: string[]) => string;
    cumulativeSum: string;
    cumulativeShareLine: string;
    /** A Pareto: `k` of `n` categories reach `share` of the whole. */
    pareto: (share: string, k: number, n: number) => string;
    delta: (first: string, last: string, descending: boolean) => string;
  };
  /** Tooltip and table names of cumulated values. */
  cumulative: string;
  cumulativeShare: string;
  share: string;
  /** Default names of reference rules. */
  referenceName: Record<Exclude<Reference['kind'], 'value'>, string>;
  /** Keyboard walking of the marks. */
  keys: {
    roleDescription: string;
    help: string;
    position: (i: number, n: number) => string;
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
    categories: (n) => (n === 1 ? '1 catégorie.' : `${n} catégories.`),
    totals: 'Les chiffres qui suivent additionnent les séries.',
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
    points: (n) => (n === 1 ? '1 point.' : `${formatNumber(n, 'fr')} points.`),
    noData: 'Aucune donnée à afficher.',
    groupPoints: (n, group) => `Un point par ${group} (${formatNumber(n, 'fr')} points).`,
    highlight: (what) => `Mis en évidence : ${what} ; le reste en gris.`,
    references: (lines) => `${lines.length > 1 ? 'Lignes de référence' : 'Ligne de référence'} : ${lines.join(' ; ')}.`,
    cumulativeSum: 'Valeurs cumulées (total courant).',
    cumulativeShareLine: 'Part cumulée du total, de 0 à 100 %.',
    pareto: (share, k, n) => `Part cumulée : ${share} du total avec ${k === 1 ? 'la première catégorie' : `les ${k} premières catégories`} sur ${n}.`,
    delta: (first, last, descending) => `Catégories triées par l’écart entre ${last} et ${first}, ${descending ? 'du plus grand au plus petit' : 'du plus petit au plus grand'}.`,
  },
  cumulative: 'Cumul',
  cumulativeShare: 'Part cumulée',
  share: 'Part',
  referenceName: { mean: 'moyenne', median: 'médiane' },

  keys: {
    roleDescription: 'graphique interactif',
    help: 'Flèches : parcourir les valeurs ; Début, Fin : première et dernière ; Entrée : sélectionner.',
    position: (i, n) => `${i} sur ${n}`,
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
    categories: (n) => (n === 1 ? '1 category.' : `${n} categories.`),
    totals: 'The figures that follow add the series up.',
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
    points: (n) => (n === 1 ? '1 point.' : `${formatNumber(n, 'en')} points.`),
    noData: 'No data to show.',
    groupPoints: (n, group) => `One point per ${group} (${formatNumber(n, 'en')} points).`,
    highlight: (what) => `Highlighted: ${what}; the rest in grey.`,
    references: (lines) => `${lines.length > 1 ? 'Reference lines' : 'Reference line'}: ${lines.join('; ')}.`,
    cumulativeSum: 'Cumulated values (running total).',
    cumulativeShareLine: 'Cumulative share of the total, from 0 to 100%.',
    pareto: (share, k, n) => `Cumulative share: ${share} of the total with the first ${k === 1 ? 'category' : `${k} categories`} of ${n}.`,
    delta: (first, last, descending) => `Categories sorted by the difference between ${last} and ${first}, ${descending ? 'largest first' : 'smallest first'}.`,
  },
  cumulative: 'Running total',
  cumulativeShare: 'Cumulative share',
  share: 'Share',
  referenceName: { mean: 'mean', median: 'median' },

  keys: {
    roleDescription: 'interactive chart',
    help: 'Arrow keys: walk the values; Home, End: first and last; Enter: select.',
    position: (i, n) => `${i} of ${n}`,
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

type ChartErrorKey = 'no-x-column' | 'draw-failed' | WarningReason;

const quoted = (d: Details, lang: Lang) => (lang === 'en' ? `“${String(d.value)}”` : `« ${String(d.value)} »`);

/** The chart's own errors and notes: `chartErrors.error('unknown-column', { available }, 'no-x-column')`. */
export const chartErrors = defineMessages<ChartErrorKey>({
  fr: {
    'no-x-column': (d) => `Aucune colonne à placer sur l’axe horizontal.${availableColumns(d, 'fr')}`,
    'draw-failed': (d) => `Le graphique n’a pas pu être dessiné (${String(d.cause)}).`,
    'reference-invalid': (d) => `reference : ${quoted(d, 'fr')} n’est ni un nombre ni « mean » ou « median » ; ignoré.`,
    'reference-unused': () => 'reference ignoré : ce graphique n’a pas d’axe de valeurs (secteurs, carte de chaleur, empilement à 100 %).',
    'cumulative-unused': () => 'cumulative ignoré : il s’applique aux histogrammes, barres, courbes et aires de sommes ou de comptes.',
    'sort-delta-unused': (d) => `sort=${quoted(d, 'fr')} ignoré : il ordonne les catégories par l’écart entre deux séries (group ou plusieurs y).`,
    'sort-pareto': (d) => `sort=${quoted(d, 'fr')} ignoré : un diagramme de Pareto (cumulative="share") trie les barres par valeur.`,
    'highlight-invalid': (d) => `highlight : ${quoted(d, 'fr')} n’est pas compris${d.accepted ? ` (colonnes : ${String(d.accepted)})` : ''} ; ignoré.`,
    'highlight-missing': (d) => `highlight : ${quoted(d, 'fr')} n’apparaît pas dans le graphique.`,
    'color-invalid': (d) => `colors : ${quoted(d, 'fr')} n’est pas une couleur lisible (exemple : ${String(d.accepted)}) ; ignoré.`,
    'y-min-cuts': (d) => `y-min="${String(d.value)}" cacherait des valeurs : l’axe commence à ${String(d.accepted)}.`,
    'y-max-cuts': (d) => `y-max="${String(d.value)}" cacherait des valeurs : l’axe va jusqu’à ${String(d.accepted)}.`,
    'time-unit-unused': (d) => `time-unit=${quoted(d, 'fr')} ignoré : l’axe horizontal ne porte pas de dates (decade, year et month s’appliquent aussi aux années et aux dates écrites en texte).`,
  } satisfies Record<ChartErrorKey, Say>,
  en: {
    'no-x-column': (d) => `No column to draw on the horizontal axis.${availableColumns(d, 'en')}`,
    'draw-failed': (d) => `The chart could not be drawn (${String(d.cause)}).`,
    'reference-invalid': (d) => `reference: ${quoted(d, 'en')} is neither a number nor “mean” or “median”; ignored.`,
    'reference-unused': () => 'reference ignored: this chart has no value axis (slices, heatmap, 100% stack).',
    'cumulative-unused': () => 'cumulative ignored: it applies to column, bar, line and area charts of sums or counts.',
    'sort-delta-unused': (d) => `sort=${quoted(d, 'en')} ignored: it orders categories by the difference between two series (group or several y).`,
    'sort-pareto': (d) => `sort=${quoted(d, 'en')} ignored: a Pareto chart (cumulative="share") sorts its bars by value.`,
    'highlight-invalid': (d) => `highlight: ${quoted(d, 'en')} is not understood${d.accepted ? ` (columns: ${String(d.accepted)})` : ''}; ignored.`,
    'highlight-missing': (d) => `highlight: ${quoted(d, 'en')} is not in the chart.`,
    'color-invalid': (d) => `colors: ${quoted(d, 'en')} is not a colour a browser reads (example: ${String(d.accepted)}); ignored.`,
    'y-min-cuts': (d) => `y-min="${String(d.value)}" would hide values: the axis starts at ${String(d.accepted)}.`,
    'y-max-cuts': (d) => `y-max="${String(d.value)}" would hide values: the axis goes up to ${String(d.accepted)}.`,
    'time-unit-unused': (d) => `time-unit=${quoted(d, 'en')} ignored: the horizontal axis holds no dates (decade, year and month also apply to years and dates written as text).`,
  } satisfies Record<ChartErrorKey, Say>,
});

/** An editorial option the chart could not use, as the note the element shows and fires. */
export const chartWarning = (w: ChartWarning) =>
  chartErrors.warning(w.reason === 'highlight-missing' ? 'unmatched' : w.reason === 'y-min-cuts' || w.reason === 'y-max-cuts' ? 'clamped' : 'invalid-value', { attribute: w.attribute, value: w.value, accepted: w.accepted ?? '' }, w.reason);
