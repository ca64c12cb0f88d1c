import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@culture-widgets/chart/culture-chart.js';
import { controlsOf, element, portal, samplePortal, type Attributes } from './element.js';

const meta: Meta<Attributes> = {
  title: 'Elements/culture-chart',
  component: 'culture-chart',
  args: { ...samplePortal, dataset: 'frequentation-des-musees-de-france-1' },
  argTypes: controlsOf('culture-chart'),
  render: (a) => element('culture-chart', a),
};
export default meta;
type Story = StoryObj<Attributes>;

const museumList = 'liste-et-localisation-des-musees-de-france';

/** Nothing but a dataset: `type="auto"` picks a line of the total by year. */
export const Auto: Story = {};

/** A list of museums has no measure: auto counts them per region, top first. */
export const AutoCount: Story = { args: { dataset: museumList } };

export const Line: Story = {
  args: { type: 'line', x: 'annee', y: 'total', title: 'Entrées dans les musées de France' },
};

/** Bretagne only, « BRETAGNE » (before 2016) and « Bretagne » made one by clean(). */
export const LineFiltered: Story = {
  args: { type: 'line', x: 'annee', y: 'total', compute: 'region_propre = clean(region)', filter: 'region_propre = Bretagne', title: 'Entrées dans les musées bretons' },
};

export const Column: Story = {
  args: { type: 'column', x: 'annee', y: 'total', title: 'Entrées par année' },
};

/** Two measures stacked: paying and free entries. */
export const ColumnStacked: Story = {
  args: { type: 'column', x: 'annee', y: 'payant, gratuit', stack: 'true', title: 'Entrées payantes et gratuites' },
};

/** 100 %: the share of free entries year after year. */
export const ColumnNormalized: Story = {
  args: { type: 'column', x: 'annee', y: 'payant, gratuit', stack: 'normalize' },
};

/** The top 10 museums of 2024, the rest folded into « Autres ». */
export const Bar: Story = {
  args: { type: 'bar', x: 'nom_du_musee', y: 'total', limit: '10', filter: 'annee = 2024', title: 'Les musées les plus visités en 2024' },
};

/** Regions as series: the five largest, the rest in « Autres » (grey). */
export const Area: Story = {
  args: { type: 'area', x: 'annee', y: 'total', group: 'region', limit: '5', title: 'Entrées par région' },
};

export const Scatter: Story = {
  args: { type: 'scatter', x: 'payant', y: 'gratuit', filter: 'annee = 2024', title: 'Entrées payantes et gratuites par musée (2024)' },
};

export const Pie: Story = {
  args: { dataset: museumList, type: 'pie', x: 'Région administrative', title: 'Musées de France par région' },
};

export const Donut: Story = {
  args: { dataset: museumList, type: 'donut', x: 'Région administrative', limit: '5' },
};

/** Today's régions (since 2016), their spellings made one by clean(). */
export const Heatmap: Story = {
  args: {
    type: 'heatmap', x: 'annee', y: 'total', compute: 'region_propre = clean(region)', labels: 'region_propre: Région', group: 'region_propre',
    filter: 'annee >= 2016', title: 'Entrées par région et par année',
  },
};

/** Small multiples sharing one scale: one per region. */
export const Facet: Story = {
  args: { type: 'line', x: 'annee', y: 'total', facet: 'region', height: '120' },
};

/** 500,000 ticket sales, aggregated by the tabular API: the rows are never downloaded. */
export const LargeResource: Story = {
  args: { dataset: 'billetterie-du-spectacle-vivant' },
};

/** Days of ticket sales (grouped by the server) bucketed into months. */
export const TimeUnit: Story = {
  args: {
    dataset: 'billetterie-du-spectacle-vivant', type: 'column', x: 'date_representation', y: 'recette', 'time-unit': 'yearmonth', unit: '€',
    title: 'Recettes de billetterie par mois',
  },
};

/** `highlight`: the top 10 of 2024, one museum in colour, the others grey (the summary says which). */
export const Highlight: Story = {
  args: {
    type: 'bar', x: 'nom_du_musee', y: 'total', limit: '10', filter: 'annee = 2024', title: 'Les musées les plus visités en 2024',
    highlight: 'Musée Magnin',
  },
};

/** `highlight` as a filter expression on the drawn values: the years above 13.5 million entries. */
export const HighlightExpression: Story = {
  args: { type: 'column', x: 'annee', y: 'total', highlight: 'total > 13500000', title: 'Les années au-dessus de 13,5 millions' },
};

/** `highlight` on a series: one region in colour, the legend greys the others. */
export const HighlightSeries: Story = {
  args: { type: 'line', x: 'annee', y: 'total', group: 'region', limit: '12', highlight: 'Bretagne', title: 'La Bretagne parmi les régions' },
};

/** `reference`: the median of the drawn values and a labelled target. */
export const Reference: Story = {
  args: { type: 'column', x: 'annee', y: 'total', reference: 'median, 14000000: objectif', title: 'Entrées par année' },
};

/** `cumulative="sum"`: running totals year after year. */
export const CumulativeSum: Story = {
  args: { type: 'area', x: 'annee', y: 'total', cumulative: 'sum', title: 'Entrées cumulées depuis 2014' },
};

/** `cumulative="share"` on bars: a Pareto chart, the share of the whole on a second axis. */
export const Pareto: Story = {
  args: { type: 'column', x: 'region', y: 'total', filter: 'annee = 2024', limit: '12', cumulative: 'share', title: 'Quelques régions font l’essentiel des entrées' },
};

/** `cumulative="share"` on a line: the share of the total reached, year after year. */
export const CumulativeShareLine: Story = {
  args: { type: 'line', x: 'annee', y: 'total', cumulative: 'share', title: 'Part des entrées de la période atteinte' },
};

/** `sort="-delta"`: regions ordered by the change between 2019 and 2024 (the last series minus the first). */
export const SortDelta: Story = {
  args: {
    type: 'bar', x: 'region', y: 'total', group: 'annee', filter: 'annee in 2019|2024', sort: '-delta', limit: '10',
    title: 'Les régions qui ont le plus regagné de visiteurs depuis 2019',
  },
};

/** `x-title`, `y-title`: axis titles instead of column names. */
export const Titles: Story = {
  args: { type: 'column', x: 'annee', y: 'total', 'x-title': 'Année', 'y-title': 'Entrées (toutes catégories)' },
};

/** A scatter of groups: one point per region, paying against free entries (both summed). */
export const ScatterByGroup: Story = {
  args: { type: 'scatter', x: 'payant', y: 'gratuit', group: 'region', aggregate: 'sum', filter: 'annee = 2024', highlight: 'Bretagne' },
};

/** `colors`: the author's colours per value; other series keep their stable colours. */
export const Colors: Story = {
  args: { dataset: museumList, type: 'donut', x: 'Région administrative', limit: '5', colors: 'Île-de-France: #000091; Bretagne: #e1000f' },
};

/** Ignored values are notes under the chart (`culture-warning`), never a silent default. */
export const Warnings: Story = {
  args: { type: 'pie', x: 'region', y: 'total', limit: '5', reference: 'moyen', cumulative: 'share', highlight: 'Atlantide' },
};

export const English: Story = {
  args: { type: 'line', x: 'annee', y: 'total', lang: 'en', title: 'Museum attendance in France' },
};

export const Dark: Story = {
  args: { type: 'area', x: 'annee', y: 'total', group: 'region', limit: '4', theme: 'dark', title: 'Entrées par région' },
  parameters: { backgrounds: { default: 'dark' } },
  decorators: [(story) => html`<div style="background:#161616;padding:1rem">${story()}</div>`],
};

/** Phone width: legends and labels shrink, the chart stays readable. */
export const Phone: Story = {
  args: { type: 'bar', x: 'region', y: 'total', limit: '8', title: 'Entrées par région' },
  decorators: [(story) => html`<div style="width:360px">${story()}</div>`],
};

/**
 * Loading: the sample portal is told to never answer this story's data request (a fault in a
 * scope of its own), so the skeleton stays on screen.
 */
export const Loading: Story = {
  loaders: [
    async () => {
      const scope = `story-loading-${Date.now().toString(36)}`;
      await fetch(`${portal}/__admin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scope, match: '/data/', hang: true }),
      });
      return { scope };
    },
  ],
  render: (a, { loaded }) => html`<culture-chart
    dataset=${a.dataset}
    api=${`${portal}/s/${loaded['scope']}/api`}
    tabular-api=${`${portal}/s/${loaded['scope']}/tabular/api`}
    x="annee"
    y="total"
  ></culture-chart>`,
};

/** « Aucune ligne ne correspond ». */
export const Empty: Story = {
  args: { x: 'annee', y: 'total', filter: 'annee = 1850' },
};

/** A resource answering 410: the error says so (`role="alert"`) and `culture-error` fires. */
export const ErrorGone: Story = {
  args: { dataset: 'jeu-de-donnees-supprime' },
};

/** A column the resource does not have. */
export const ErrorUnknownColumn: Story = {
  args: { x: 'visiteurs' },
};

/** Every text of this dataset is an HTML/script payload: titles, labels and tooltips stay text. */
export const Hostile: Story = {
  args: { dataset: 'jeu-de-donnees-hostile' },
};
