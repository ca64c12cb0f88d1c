import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@culture-widgets/kpi/culture-kpi.js';

/** `npm run storybook` starts the sample portal on this port (.storybook/main.ts). */
const portal = 'http://127.0.0.1:4790';
const api = `${portal}/api`;
const tabularApi = `${portal}/tabular/api`;

interface Args {
  dataset: string;
  value?: string;
  filter?: string;
  compare?: string;
  mode?: string;
  compareLabel?: string;
  label?: string;
  unit?: string;
  format?: string;
  trend?: string;
  theme?: string;
  lang?: string;
}

const tile = (a: Args) => html`<culture-kpi
  dataset=${a.dataset}
  api=${api}
  tabular-api=${tabularApi}
  value=${a.value ?? nothing}
  filter=${a.filter ?? nothing}
  compare=${a.compare ?? nothing}
  mode=${a.mode ?? nothing}
  compare-label=${a.compareLabel ?? nothing}
  label=${a.label ?? nothing}
  unit=${a.unit ?? nothing}
  format=${a.format ?? nothing}
  trend=${a.trend ?? nothing}
  theme=${a.theme ?? nothing}
  lang=${a.lang ?? nothing}
></culture-kpi>`;

const meta: Meta<Args> = {
  title: 'Elements/culture-kpi',
  component: 'culture-kpi',
  args: { dataset: 'frequentation-des-musees-de-france' },
  argTypes: {
    mode: { control: 'select', options: ['', 'change', 'share'] },
    format: { control: 'select', options: ['', 'number', 'percent', 'compact'] },
    theme: { control: 'select', options: ['auto', 'light', 'dark'] },
    lang: { control: 'select', options: ['fr', 'en'] },
  },
  render: (a) => html`<div style="max-width:20rem">${tile(a)}</div>`,
};
export default meta;
type Story = StoryObj<Args>;

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
  args: { value: 'sum(total)', filter: 'annee = 2024; region = Bretagne', compare: 'region = *', mode: 'share', compareLabel: 'la France', format: 'compact', label: 'Entrées en Bretagne' },
};

/** `trend`: a sparkline along the years, 2024 and 2019 marked. */
export const Trend: Story = {
  args: { value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 2019', trend: 'annee', format: 'compact', label: 'Entrées en 2024' },
};

/** `format="compact"`. */
export const Compact: Story = {
  args: { value: 'sum(total)', format: 'compact', unit: 'entrées', label: 'Entrées depuis 2014' },
};

/** A row of tiles: as many per row as fit, one per row on a phone. */
export const Row: Story = {
  render: (a) => html`<culture-kpi-row>
    ${tile({ ...a, value: 'sum(total)', filter: 'annee = 2024', unit: 'entrées', label: 'Entrées en 2024' })}
    ${tile({ ...a, value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 2019', trend: 'annee', format: 'compact', label: 'Par rapport à 2019' })}
    ${tile({ ...a, value: 'sum(gratuit) / sum(total)', format: 'percent', filter: 'annee = 2024', compare: 'annee = 2019', label: 'Part des entrées gratuites' })}
  </culture-kpi-row>`,
};

/** A phone: the row stacks, the number stays readable. */
export const Phone: Story = {
  ...Row,
  decorators: [(story) => html`<div style="width:343px">${story()}</div>`],
};

export const Dark: Story = {
  args: { value: 'sum(total)', filter: 'annee = 2024', compare: 'annee = 2019', trend: 'annee', theme: 'dark', label: 'Entrées en 2024' },
  decorators: [(story) => html`<div style="background:#161616;padding:1rem;max-width:22rem">${story()}</div>`],
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
