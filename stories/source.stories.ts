import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@culture-widgets/source/culture-source.js';
import '@culture-widgets/source/culture-filter.js';
import { controlsOf } from './element.js';
import '@culture-widgets/table/culture-table.js';
import '@culture-widgets/chart/culture-chart.js';
import '@culture-widgets/map/culture-map.js';

/** `npm run storybook` starts the sample portal on this port (.storybook/main.ts). */
const portal = 'http://127.0.0.1:4790';
const api = `${portal}/api`;
const tabularApi = `${portal}/tabular/api`;

const MUSEUMS = 'frequentation-des-musees-de-france-1';
const FESTIVALS = 'liste-des-festivals-en-france';

interface Args {
  dataset: string;
  column?: string;
  type?: string;
  multiple?: boolean;
  label?: string;
  filter?: string;
  lang?: string;
  theme?: string;
  /** Columns of the table shown under the control, so its effect is visible. */
  columns?: string;
}

let count = 0;

const meta: Meta<Args> = {
  title: 'Elements/culture-filter',
  component: 'culture-filter',
  args: { dataset: MUSEUMS, columns: 'nom_du_musee, ville, region, annee, total', lang: 'fr' },
  argTypes: controlsOf('culture-filter'),
  render: (a) => {
    // each story gets its own source: a docs page shows them all at once
    const id = `story-source-${++count}`;
    return html`<div lang=${a.lang ?? nothing} style="display:grid;gap:1rem;grid-template-columns:minmax(14rem,18rem) 1fr;align-items:start">
      <culture-source id=${id} dataset=${a.dataset} api=${api} tabular-api=${tabularApi} filter=${a.filter ?? nothing}></culture-source>
      <culture-filter
        source=${id}
        column=${a.column ?? nothing}
        type=${a.type ?? nothing}
        ?multiple=${a.multiple}
        label=${a.label ?? nothing}
        theme=${a.theme ?? nothing}
      ></culture-filter>
      <culture-table source=${id} columns=${a.columns ?? nothing} page-size="8" theme=${a.theme ?? nothing}></culture-table>
    </div>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Categories get checkboxes with their counts (grouped by the server), and a value search in long lists. */
export const Checkboxes: Story = {
  args: { column: 'region', label: 'Région' },
};

/** One value at a time. */
export const Select: Story = {
  args: { column: 'region', type: 'select', label: 'Région' },
};

/** `multiple`: several values (Ctrl/Shift-click, or Space with the keyboard). */
export const SelectMultiple: Story = {
  args: { column: 'region', type: 'select', multiple: true, label: 'Régions' },
};

/** Years (and numbers, dates) get a min / max range bounded by the column profile. */
export const Range: Story = {
  args: { column: 'annee', label: 'Année' },
};

/** Free text: a case-insensitive « contient » filter, applied after a pause in typing. */
export const Search: Story = {
  args: { column: 'nom_du_musee', type: 'search', label: 'Nom du musée' },
};

/** A file-only dataset (no tabular API): the counts are computed in the page. */
export const FileOnly: Story = {
  args: {
    dataset: FESTIVALS,
    column: 'Discipline dominante',
    label: 'Discipline',
    columns: 'Nom du festival, Commune principale de déroulement, Discipline dominante',
  },
};

/** Without `column`: every active filter of the source as chips, with « Réinitialiser tous les filtres ». */
export const Summary: StoryObj = {
  render: () => {
    const id = `story-source-${++count}`;
    return html`<div style="display:grid;gap:1rem;max-width:24rem">
      <culture-source id=${id} dataset=${MUSEUMS} api=${api} tabular-api=${tabularApi}></culture-source>
      <culture-filter source=${id} column="region" type="select" label="Région"></culture-filter>
      <culture-filter source=${id} column="annee" label="Année"></culture-filter>
      <culture-filter source=${id} label="Filtres actifs"></culture-filter>
    </div>`;
  },
};

/**
 * The linked dashboard: two filters, a chart (click a bar: `refine-on-click`), a map and a table
 * on one source; the festivals file is downloaded once.
 */
export const Linked: StoryObj = {
  render: () => {
    const id = `story-source-${++count}`;
    return html`<div style="display:grid;gap:1.5rem;grid-template-columns:minmax(14rem,18rem) 1fr;align-items:start">
      <culture-source id=${id} dataset=${FESTIVALS} api=${api} tabular-api=${tabularApi}></culture-source>
      <div style="display:grid;gap:1rem">
        <culture-filter source=${id} column="Région principale de déroulement" label="Région"></culture-filter>
        <culture-filter source=${id} column="Discipline dominante" label="Discipline"></culture-filter>
      </div>
      <div style="display:grid;gap:1rem">
        <culture-chart source=${id} type="bar" x="Discipline dominante" aggregate="count" refine-on-click title="Festivals par discipline"></culture-chart>
        <culture-map source=${id} coords="Géocodage xy" label="Nom du festival" tiles="none"></culture-map>
        <culture-table source=${id} columns="Nom du festival, Commune principale de déroulement, Région principale de déroulement, Discipline dominante" page-size="8"></culture-table>
      </div>
    </div>`;
  },
};

/** Every value of this dataset is an HTML/script payload: facets and chips show them as text. */
export const Hostile: Story = {
  args: {
    dataset: 'jeu-de-donnees-hostile',
    column: 'région <img src=x onerror="window.__xss=true">',
    type: 'checkboxes',
    columns: undefined,
  },
};

/** A `source` that names nothing on the page: an error, `role="alert"`, and `culture-error`. */
export const MissingSource: StoryObj = {
  render: () => html`<culture-filter source="nulle-part" column="region"></culture-filter>`,
};

/** An unknown column: the error lists the columns there are. */
export const UnknownColumn: Story = {
  args: { column: 'regions' },
};

export const Dark: Story = {
  args: { column: 'region', theme: 'dark', label: 'Région' },
  decorators: [(story) => html`<div style="background:#161616;color:#eee;padding:1rem">${story()}</div>`],
};

export const English: Story = {
  args: { column: 'annee', lang: 'en', label: 'Year' },
};
