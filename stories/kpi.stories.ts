import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@culture-widgets/kpi/culture-kpi.js';
import { controlsOf, element, samplePortal, type Attributes } from './element.js';

const museums = { ...samplePortal, dataset: 'frequentation-des-musees-de-france-1' };

const meta: Meta<Attributes> = {
  title: 'Elements/culture-kpi',
  component: 'culture-kpi',
  args: museums,
  argTypes: controlsOf('culture-kpi'),
  render: (a) => html`<div style="max-width:20rem">${element('culture-kpi', a)}</div>`,
};
export default meta;
type Story = StoryObj<Attributes>;

/** Nothing but a dataset: the number of rows. */
export const Count: Story = {};

/** `value` and `unit`: the entries of 2024. */
export const Total: Story = {
  args: { value: 'sum(total)', filter: 'annee = 2024', unit: 'entrées', label: 'Entrées en 2024' },
};

/** `compare`: the change against 2019 (one grouped request for both years). */
export const Change: Story = {
  args: { value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 2019', unit: 'entrées', label: 'Entrées en 2024' },
};

/** `format="percent"`: a ratio of sums, its change in points. */
export const Percent: Story = {
  args: { value: 'sum(gratuit) / sum(total)', format: 'percent', filter: 'annee = 2024', compare: 'annee = 2019', label: 'Part des entrées gratuites' },
};

/** `mode="share"` with `compare="region = *"`: Bretagne's share of France. */
export const Share: Story = {
  args: {
    value: 'sum(total)', filter: 'annee = 2024; region = Bretagne', compare: 'region = *', mode: 'share', 'compare-label': 'la France',
    format: 'compact', label: 'Entrées en Bretagne',
  },
};

/** `trend`: a sparkline along the years, 2024 and 2019 marked (still one request). */
export const Trend: Story = {
  args: { value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 2019', trend: 'annee', format: 'compact', label: 'Entrées en 2024' },
};

/** `format="compact"`. */
export const Compact: Story = {
  args: { value: 'sum(total)', format: 'compact', unit: 'entrées', label: 'Entrées depuis 2014' },
};

const row = (a: Attributes) => html`<culture-kpi-row>
  ${element('culture-kpi', { ...a, value: 'sum(total)', filter: 'annee = 2024', unit: 'entrées', label: 'Entrées en 2024' })}
  ${element('culture-kpi', { ...a, value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 2019', trend: 'annee', format: 'compact', label: 'Par rapport à 2019' })}
  ${element('culture-kpi', { ...a, value: 'sum(gratuit) / sum(total)', format: 'percent', filter: 'annee = 2024', compare: 'annee = 2019', label: 'Part des entrées gratuites' })}
</culture-kpi-row>`;

/** `<culture-kpi-row>`: as many tiles per row as fit, as tall as their row. */
export const Row: Story = { render: row };

/** A phone: the row stacks, the number stays readable. */
export const Phone: Story = {
  render: (a) => html`<div style="width:343px">${row(a)}</div>`,
};

export const Dark: Story = {
  args: { value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 2019', trend: 'annee', theme: 'dark', label: 'Entrées en 2024' },
  render: (a) => html`<div style="background:#161616;padding:1rem;max-width:22rem">${element('culture-kpi', a)}</div>`,
};

export const English: Story = {
  args: { value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 2019', lang: 'en', label: 'Entries in 2024' },
};

/** A `compare` matching no row: said, never « +∞ % ». */
export const NoBase: Story = {
  args: { value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 1850' },
};

/** A base of 0: « évolution non calculable ». */
export const ZeroBase: Story = {
  args: { value: 'count(individuel)', filter: 'annee = 2024', compare: 'annee = 2015', label: 'Visites individuelles comptées' },
};

/** A filter matching nothing: the empty state. */
export const Empty: Story = {
  args: { value: 'sum(total)', filter: 'region = Atlantide' },
};

/** An unknown column: an alert naming it and the available columns. */
export const ErrorUnknownColumn: Story = {
  args: { value: 'sum(visiteurs)' },
};

/** `mode="share"` without `compare`: a note, the figure still shown. */
export const Warning: Story = {
  args: { value: 'sum(total)', mode: 'share' },
};
