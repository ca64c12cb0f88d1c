import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@culture-widgets/map/culture-map.js';
import { controlsOf, element, portal, samplePortal, type Attributes } from './element.js';

/** The sample portal's generated boundaries (the default points at data.gouv.fr's). */
const boundaries = `${portal}/static/geo/{level}.geojson`;

const meta: Meta<Attributes> = {
  title: 'Elements/culture-map',
  component: 'culture-map',
  // offline by default: the stories must render without the internet
  args: { ...samplePortal, boundaries, dataset: 'liste-et-localisation-des-musees-de-france', tiles: 'none' },
  argTypes: controlsOf('culture-map'),
  render: (a) => element('culture-map', a),
};
export default meta;
type Story = StoryObj<Attributes>;

/** Nothing but a dataset: Latitude / Longitude found, ~1,200 museums clustered, overseas in insets. */
export const Defaults: Story = {};

/** The museums of one région, coloured by département, over département outlines. */
export const Ready: Story = {
  args: {
    filter: "'Région administrative' = Bretagne",
    label: 'Nom officiel du musée',
    popup: 'Commune, Adresse, URL',
    color: 'Département',
    outline: 'departement',
  },
};

/** A single "lat,lon" column in a file the tabular API does not serve. */
export const LatLonColumn: Story = {
  args: { dataset: 'liste-des-festivals-en-france', color: 'Discipline dominante', outline: 'region' },
};

/** A GeoJSON resource: proportional circles (seats) coloured by kind of venue. */
export const ProportionalCircles: Story = {
  args: { dataset: 'lieux-culturels-en-geojson', label: 'nom', color: 'type_equipement', size: 'fauteuils', outline: 'region' },
};

/** Départements coloured by their cultural spending (codes written `1` for `01` in the file). */
export const Choropleth: Story = {
  args: {
    dataset: 'depenses-culturelles-des-departements',
    code: 'Code département',
    value: 'Dépenses culturelles totales (€)',
  },
};

/** Venues counted per région (no value: a count of rows). */
export const ChoroplethCount: Story = {
  args: { dataset: 'lieux-culturels-en-geojson', code: 'code_region' },
};

/** Density of museums (a coloured grid that follows the zoom). */
export const Heatmap: Story = {
  args: { mode: 'heatmap', outline: 'departement' },
};

/** Every text is an HTML payload: popups, legends and the list show it as text. */
export const Hostile: Story = {
  args: { dataset: 'jeu-de-donnees-hostile', color: 'région <img src=x onerror="window.__xss=true">' },
};

/** « Aucune ligne ne correspond. » */
export const Empty: Story = {
  args: { filter: "'Région administrative' = Atlantide" },
};

/** A deleted resource: the error is shown (role="alert") and dispatched. */
export const Error: Story = {
  args: { dataset: 'jeu-de-donnees-supprime' },
};

/** Tiles that cannot load: the map says so and keeps the data. */
export const TilesOffline: Story = {
  args: { tiles: 'http://127.0.0.1:9/{z}/{x}/{y}.png', outline: 'region' },
};

/** Dark scheme, English. */
export const DarkEnglish: Story = {
  args: { theme: 'dark', lang: 'en', color: 'Région administrative', outline: 'region' },
};
