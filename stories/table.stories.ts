import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@culture-widgets/table/culture-table.js';
import { controlsOf, element, portal, samplePortal, type Attributes } from './element.js';

const meta: Meta<Attributes> = {
  title: 'Elements/culture-table',
  component: 'culture-table',
  args: { ...samplePortal, dataset: 'frequentation-des-musees-de-france-1' },
  argTypes: controlsOf('culture-table'),
  render: (a) => element('culture-table', a),
};
export default meta;
type Story = StoryObj<Attributes>;

/** Nothing but a dataset: the first tabular resource, 20 rows a page, every column. */
export const Defaults: Story = {};

/** What a museum editor writes: chosen columns, biggest first, bars, search and download. */
export const Ready: Story = {
  args: {
    columns: 'nom_du_musee, ville, region, annee, total',
    sort: '-total',
    bars: 'total',
    search: true,
    download: true,
    // Empty totals sort first when descending (PostgreSQL order): keep only museums with a count.
    filter: 'annee = 2023; total is not empty',
    title: 'Les musées les plus visités en 2023',
  },
};

/** 500,000 rows through the tabular API: only the visible rows exist in the page. */
export const VirtualScroll: Story = {
  args: { dataset: 'billetterie-du-spectacle-vivant', height: '420', search: true },
};

/** A file-only resource (no tabular API): downloaded with progress, parsed in a worker. */
export const FilePath: Story = {
  args: { dataset: 'liste-des-festivals-en-france', search: true, 'page-size': '10' },
};

/** « Aucune ligne ne correspond »: the header and the search box stay. */
export const Empty: Story = {
  args: { filter: 'annee = 1850', search: true },
};

/** A resource answering 410: the error says so (`role="alert"`) and `culture-error` fires. */
export const ErrorGone: Story = {
  args: { dataset: 'jeu-de-donnees-supprime' },
};

/** An unknown dataset. */
export const ErrorNotFound: Story = {
  args: { dataset: 'ce-jeu-n-existe-pas' },
};

/**
 * Loading: the sample portal is told to never answer this story's data requests (a fault in the
 * story's own scope), so the skeleton stays on screen.
 */
export const Loading: Story = {
  args: { api: `${portal}/s/story-loading/api`, 'tabular-api': `${portal}/s/story-loading/tabular/api` },
  loaders: [
    async () => {
      await fetch(`${portal}/__admin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scope: 'story-loading', match: '/data/', hang: true }),
      }).catch(() => undefined);
      return {};
    },
  ],
};

/** Every text of this dataset is an HTML/script payload: all of it shows as text. */
export const Hostile: Story = {
  args: { dataset: 'jeu-de-donnees-hostile', search: true },
};

export const Dark: Story = {
  args: { theme: 'dark', columns: 'nom_du_musee, annee, total', bars: 'total', sort: '-total' },
  parameters: { backgrounds: { default: 'dark' } },
  decorators: [(story) => html`<div style="background:#161616;padding:1rem">${story()}</div>`],
};

export const English: Story = {
  args: { lang: 'en', search: true, download: true },
};

/** `<culture-data-table>`: rows you already have (what charts and maps show as their table). */
export const DataTable: StoryObj = {
  render: () => html`<culture-data-table
    caption="Entrées par année"
    sortable
    .columns=${[
      { name: 'annee', type: 'integer', format: 'year' },
      { name: 'total', type: 'number' },
    ]}
    .rows=${[
      { annee: 2021, total: 2_345_678 },
      { annee: 2022, total: 3_456_789.5 },
      { annee: 2023, total: null },
    ]}
  ></culture-data-table>`,
};
