import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '@culture-widgets/builder/culture-builder.js';
import type { CultureBuilder } from '@culture-widgets/builder';

/** `npm run storybook` starts the sample portal on this port (.storybook/main.ts). */
const portal = 'http://127.0.0.1:4790';

interface Args {
  /** A share link's query string the builder opens with (`?element=chart&dataset=…`). */
  restore?: string;
  lang?: string;
  theme?: string;
  cdnBase?: string;
  /** Folder holding `embed.html` (the iframe snippets point there). */
  embedBase?: string;
}

/**
 * Storybook has no `embed.html`: the repository's examples/ folder has, next to storybook-static/
 * when the repository root is served.
 */
const examples = new URL('../examples/', window.location.href).href;

const meta: Meta<Args> = {
  title: 'Elements/culture-builder',
  component: 'culture-builder',
  render: (a) => html`<culture-builder
    api=${`${portal}/api`}
    tabular-api=${`${portal}/tabular/api`}
    lang=${a.lang ?? nothing}
    theme=${a.theme ?? nothing}
    cdn-base=${a.cdnBase ?? nothing}
    embed-base=${a.embedBase ?? examples}
    ${ref((el) => a.restore && el && (el as CultureBuilder).restoreFrom(a.restore))}
  ></culture-builder>`,
};
export default meta;
type Story = StoryObj<Args>;

/** What a new user sees: a field for the data.gouv.fr link, and the catalogue search. */
export const Initial: Story = {};

/** Opened from a share link: the museums' attendance as a line chart, every step filled. */
export const Chart: Story = {
  args: { restore: '?element=chart&dataset=frequentation-des-musees-de-france-1&type=line&x=annee&y=total&aggregate=sum&title=Entrées par année' },
};

/** A searchable table of the museums, biggest first. */
export const Table: Story = {
  args: { restore: '?element=table&dataset=frequentation-des-musees-de-france-1&columns=nom_du_musee,ville,annee,total&sort=-total&search=true' },
};

/** The museums as points on a map (coordinates found in the profile). */
export const Map: Story = {
  args: { restore: '?element=map&dataset=liste-et-localisation-des-musees-de-france' },
};

/** A key figure: the entries of 2024 against 2019. */
export const KeyFigure: Story = {
  args: { restore: '?element=kpi&dataset=frequentation-des-musees-de-france-1&value=sum(total)&filter=annee%20%3D%202024&compare=annee%20%3D%202019' },
};

/** A dashboard on one source: a key figure, bars by region and the table, filtered by region. */
export const Dashboard: Story = {
  args: {
    restore: `?${new URLSearchParams([
      ['element', 'dashboard'], ['dataset', 'frequentation-des-musees-de-france-1'], ['control', 'region'],
      ['widget', 'element=kpi&value=sum(total)'], ['widget', 'element=chart&type=bar&x=region&y=total&aggregate=sum'], ['widget', 'element=table&search=true'],
    ])}`,
  },
};

/** A link that leads nowhere: the error says so, in French. */
export const NotFound: Story = {
  args: { lang: 'fr', restore: '?element=chart&dataset=nexiste-pas' },
};

/** Every text of this dataset is an HTML / script payload: shown as text, never run. */
export const HostileData: Story = {
  args: { restore: '?element=table&dataset=jeu-de-donnees-hostile' },
};

/** The same builder in English. */
export const English: Story = {
  args: { lang: 'en', restore: '?element=chart&dataset=frequentation-des-musees-de-france-1' },
};

/** Dark theme, whatever the page says. */
export const Dark: Story = {
  args: { theme: 'dark', restore: '?element=chart&dataset=frequentation-des-musees-de-france-1' },
  parameters: { backgrounds: { default: 'dark' } },
};

/** Snippets pointing at a self-hosted copy of the bundles instead of jsDelivr. */
export const SelfHosted: Story = {
  args: { cdnBase: 'https://www.example.org/assets/culture-widgets/', restore: '?element=chart&dataset=frequentation-des-musees-de-france-1' },
};
