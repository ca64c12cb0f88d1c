/**
 * Every attribute of `<culture-table>`, `<culture-chart>` and `<culture-map>` (DESIGN.md §2), in
 * one place: the builder's form, the snippets and the embed page's validation all read it.
 * Pure data: no DOM.
 */

export const ELEMENTS = ['table', 'chart', 'map'] as const;
export type ElementKind = (typeof ELEMENTS)[number];

/** How a value is chosen in the form and checked when it comes back from a URL. */
export type OptionKind = 'text' | 'column' | 'columns' | 'select' | 'boolean' | 'number';

export interface Words {
  fr: string;
  en: string;
}

export interface OptionSpec {
  /** The attribute name, exactly as written in HTML. */
  name: string;
  kind: OptionKind;
  /** Allowed values of a `select` (or suggestions of a `text`). */
  options?: readonly string[];
  /** The element's own default: a value equal to it is left out of snippets. */
  default?: string;
  /** The value must be an http(s) URL (or, with `options`, one of them). */
  url?: boolean;
  /** Shown in the options form; data attributes set by the builder's steps are not. */
  form?: boolean;
  /** A column picker that only offers numeric columns. */
  numeric?: boolean;
  /** Tucked under « Plus de réglages »: the form opens on what most people change. */
  advanced?: boolean;
  label: Words;
  help: Words;
}

export const DEFAULT_API = 'https://www.data.gouv.fr/api';
export const DEFAULT_TABULAR_API = 'https://tabular-api.data.gouv.fr/api';

const AGGREGATES = ['sum', 'count', 'mean', 'median', 'min', 'max'] as const;

/** The data attributes every element shares. */
export const DATA_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'dataset', kind: 'text', form: false,
    label: { fr: 'Jeu de données', en: 'Dataset' },
    help: { fr: 'Identifiant, slug ou adresse de la page data.gouv.fr du jeu de données.', en: 'Id, slug or page URL of the data.gouv.fr dataset.' },
  },
  {
    name: 'resource', kind: 'text', form: false,
    label: { fr: 'Ressource', en: 'Resource' },
    help: { fr: 'Identifiant de la ressource (fichier) à lire ; par défaut la première ressource tabulaire.', en: 'Id of the resource (file) to read; default: the first tabular resource.' },
  },
  {
    name: 'src', kind: 'text', url: true, form: false,
    label: { fr: 'Fichier', en: 'File' },
    help: { fr: 'Adresse directe d’un fichier CSV, JSON ou GeoJSON.', en: 'Direct URL of a CSV, JSON or GeoJSON file.' },
  },
  {
    name: 'filter', kind: 'text',
    label: { fr: 'Filtre', en: 'Filter' },
    help: {
      fr: 'Conditions séparées par « ; », par exemple : annee >= 2015; region = Bretagne. Opérateurs : = != > >= < <= ~ (contient) in (valeurs séparées par |), is empty, is not empty.',
      en: 'Conditions separated by “;”, for example: annee >= 2015; region = Bretagne. Operators: = != > >= < <= ~ (contains) in (values separated by |), is empty, is not empty.',
    },
  },
  {
    name: 'lang', kind: 'select', options: ['fr', 'en'], default: '',
    label: { fr: 'Langue', en: 'Language' },
    help: { fr: 'Langue des textes du widget ; par défaut celle de la page qui l’accueille.', en: 'Language of the widget’s texts; default: the host page’s language.' },
  },
  {
    name: 'theme', kind: 'select', options: ['auto', 'light', 'dark'], default: 'auto',
    label: { fr: 'Thème', en: 'Theme' },
    help: { fr: 'auto suit la page (mode sombre du système, DSFR) ; light : clair ; dark : sombre.', en: 'auto follows the page (system dark mode, DSFR); light; dark.' },
  },
  {
    name: 'api', kind: 'text', url: true, default: DEFAULT_API, form: false,
    label: { fr: 'API du catalogue', en: 'Catalogue API' },
    help: { fr: 'Adresse de l’API udata (autre portail, tests).', en: 'udata API base URL (another portal, tests).' },
  },
  {
    name: 'tabular-api', kind: 'text', url: true, default: DEFAULT_TABULAR_API, form: false,
    label: { fr: 'API tabulaire', en: 'Tabular API' },
    help: { fr: 'Adresse de l’API tabulaire de data.gouv.fr.', en: 'data.gouv.fr tabular API base URL.' },
  },
];

const TABLE_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'columns', kind: 'columns',
    label: { fr: 'Colonnes affichées', en: 'Columns shown' },
    help: { fr: 'Les colonnes du tableau, dans l’ordre ; par défaut toutes.', en: 'The table’s columns, in order; default: all.' },
  },
  {
    name: 'sort', kind: 'text',
    label: { fr: 'Tri', en: 'Sort' },
    help: { fr: 'Colonne de tri ; un « - » devant trie par ordre décroissant (ex. -total).', en: 'Column to sort by; a leading “-” sorts descending (e.g. -total).' },
  },
  {
    name: 'page-size', kind: 'number', default: '20',
    label: { fr: 'Lignes par page', en: 'Rows per page' },
    help: { fr: 'Nombre de lignes affichées par page.', en: 'Rows shown per page.' },
  },
  {
    name: 'search', kind: 'boolean', default: 'false',
    label: { fr: 'Champ de recherche', en: 'Search box' },
    help: { fr: 'Affiche un champ pour chercher dans le tableau.', en: 'Shows a box to search the table.' },
  },
  {
    name: 'download', kind: 'boolean', default: 'false',
    label: { fr: 'Bouton de téléchargement', en: 'Download button' },
    help: { fr: 'Permet de télécharger la vue en CSV.', en: 'Lets readers download the current view as CSV.' },
  },
  {
    name: 'bars', advanced: true, kind: 'columns', numeric: true,
    label: { fr: 'Barres dans les cellules', en: 'In-cell bars' },
    help: { fr: 'Colonnes numériques dessinées en barres dans leurs cellules.', en: 'Numeric columns drawn as bars in their cells.' },
  },
  {
    name: 'height', advanced: true, kind: 'text',
    label: { fr: 'Hauteur', en: 'Height' },
    help: { fr: 'Hauteur fixe (480, 30rem, 60vh) : le tableau défile au lieu d’être paginé.', en: 'Fixed height (480, 30rem, 60vh): the table scrolls instead of paging.' },
  },
  {
    name: 'title', kind: 'text',
    label: { fr: 'Titre', en: 'Title' },
    help: { fr: 'La légende du tableau ; par défaut le titre du jeu de données.', en: 'The table’s caption; default: the dataset title.' },
  },
];

const CHART_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'type', kind: 'select', options: ['auto', 'column', 'bar', 'line', 'area', 'scatter', 'pie', 'donut', 'heatmap'], default: 'auto',
    label: { fr: 'Type de graphique', en: 'Chart type' },
    help: {
      fr: 'auto choisit selon les colonnes ; column : barres verticales ; bar : horizontales ; line : courbe ; area : aires ; scatter : nuage de points ; pie, donut : secteurs ; heatmap : carte de chaleur.',
      en: 'auto chooses from the columns; column: vertical bars; bar: horizontal; line; area; scatter; pie, donut; heatmap.',
    },
  },
  {
    name: 'x', kind: 'column',
    label: { fr: 'Axe horizontal (x)', en: 'Horizontal axis (x)' },
    help: { fr: 'La colonne des catégories ou du temps (année, date…).', en: 'The category or time column (year, date…).' },
  },
  {
    name: 'y', kind: 'columns', numeric: true,
    label: { fr: 'Valeurs (y)', en: 'Values (y)' },
    help: { fr: 'Une ou plusieurs colonnes numériques à représenter.', en: 'One or more numeric columns to draw.' },
  },
  {
    name: 'group', kind: 'column',
    label: { fr: 'Séries', en: 'Series' },
    help: { fr: 'Une colonne qui sépare les valeurs en plusieurs séries (une couleur chacune).', en: 'A column splitting the values into series (one colour each).' },
  },
  {
    name: 'aggregate', kind: 'select', options: AGGREGATES,
    label: { fr: 'Agrégation', en: 'Aggregation' },
    help: { fr: 'Comment combiner les lignes d’une même catégorie : somme, nombre, moyenne, médiane, minimum, maximum.', en: 'How rows of one category combine: sum, count, mean, median, min, max.' },
  },
  {
    name: 'stack', advanced: true, kind: 'select', options: ['true', 'false', 'normalize'],
    label: { fr: 'Empilement', en: 'Stacking' },
    help: { fr: 'true empile les séries ; false les superpose ; normalize les empile en pourcentages.', en: 'true stacks the series; false overlays them; normalize stacks them as percentages.' },
  },
  {
    name: 'sort', advanced: true, kind: 'select', options: ['x', '-x', 'y', '-y'],
    label: { fr: 'Ordre', en: 'Order' },
    help: { fr: 'x / -x : par catégorie croissante / décroissante ; y / -y : par valeur croissante / décroissante.', en: 'x / -x: by category ascending / descending; y / -y: by value ascending / descending.' },
  },
  {
    name: 'limit', advanced: true, kind: 'number',
    label: { fr: 'Nombre de catégories', en: 'Number of categories' },
    help: { fr: 'Garde les N plus grandes ; les autres sont regroupées dans « Autres ».', en: 'Keeps the N largest; the rest are folded into “Others”.' },
  },
  {
    name: 'time-unit', advanced: true, kind: 'select', options: ['year', 'quarter', 'month', 'yearquarter', 'yearmonth', 'yearmonthdate', 'date', 'day'],
    label: { fr: 'Pas de temps', en: 'Time unit' },
    help: { fr: 'Regroupe les dates par année, trimestre, mois…', en: 'Groups dates by year, quarter, month…' },
  },
  {
    name: 'facet', advanced: true, kind: 'column',
    label: { fr: 'Petits multiples', en: 'Small multiples' },
    help: { fr: 'Un petit graphique par valeur de cette colonne.', en: 'One small chart per value of this column.' },
  },
  {
    name: 'y-min', advanced: true, kind: 'number',
    label: { fr: 'Minimum de l’axe y', en: 'Y axis minimum' },
    help: { fr: 'Valeur de départ de l’axe vertical.', en: 'Start of the vertical axis.' },
  },
  {
    name: 'y-max', advanced: true, kind: 'number',
    label: { fr: 'Maximum de l’axe y', en: 'Y axis maximum' },
    help: { fr: 'Valeur de fin de l’axe vertical.', en: 'End of the vertical axis.' },
  },
  {
    name: 'unit', advanced: true, kind: 'text',
    label: { fr: 'Unité', en: 'Unit' },
    help: { fr: 'Unité affichée avec les valeurs (€, %, visiteurs…).', en: 'Unit shown with the values (€, %, visitors…).' },
  },
  {
    name: 'title', kind: 'text',
    label: { fr: 'Titre', en: 'Title' },
    help: { fr: 'Le titre affiché au-dessus du graphique.', en: 'The title shown above the chart.' },
  },
  {
    name: 'description', advanced: true, kind: 'text',
    label: { fr: 'Description (texte alternatif)', en: 'Description (text alternative)' },
    help: { fr: 'Ce que montre le graphique, pour les lecteurs d’écran ; générée si vide.', en: 'What the chart shows, for screen readers; generated when empty.' },
  },
  {
    name: 'height', advanced: true, kind: 'number',
    label: { fr: 'Hauteur (px)', en: 'Height (px)' },
    help: { fr: 'Hauteur du graphique en pixels.', en: 'Chart height in pixels.' },
  },
];

const MAP_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'mode', kind: 'select', options: ['auto', 'points', 'choropleth', 'heatmap'], default: 'auto',
    label: { fr: 'Type de carte', en: 'Map type' },
    help: { fr: 'auto choisit selon les colonnes ; points : un point par ligne ; choropleth : territoires colorés selon une valeur ; heatmap : densité.', en: 'auto chooses from the columns; points: one point per row; choropleth: areas coloured by a value; heatmap: density.' },
  },
  {
    name: 'lat', kind: 'column',
    label: { fr: 'Latitude', en: 'Latitude' },
    help: { fr: 'La colonne des latitudes (avec la longitude).', en: 'The latitude column (with longitude).' },
  },
  {
    name: 'lon', kind: 'column',
    label: { fr: 'Longitude', en: 'Longitude' },
    help: { fr: 'La colonne des longitudes (avec la latitude).', en: 'The longitude column (with latitude).' },
  },
  {
    name: 'coords', kind: 'column',
    label: { fr: 'Coordonnées « lat, lon »', en: 'Coordinates “lat, lon”' },
    help: { fr: 'Une seule colonne contenant « latitude, longitude ».', en: 'One column holding “latitude, longitude”.' },
  },
  {
    name: 'label', kind: 'column',
    label: { fr: 'Titre des bulles', en: 'Popup title' },
    help: { fr: 'La colonne affichée en titre quand on choisit un point.', en: 'The column shown as the title when a point is chosen.' },
  },
  {
    name: 'popup', kind: 'columns',
    label: { fr: 'Contenu des bulles', en: 'Popup content' },
    help: { fr: 'Les colonnes affichées quand on choisit un point.', en: 'Columns shown when a point is chosen.' },
  },
  {
    name: 'color', advanced: true, kind: 'column',
    label: { fr: 'Couleur par catégorie', en: 'Colour by category' },
    help: { fr: 'Une couleur par valeur de cette colonne.', en: 'One colour per value of this column.' },
  },
  {
    name: 'size', advanced: true, kind: 'column', numeric: true,
    label: { fr: 'Cercles proportionnels', en: 'Proportional circles' },
    help: { fr: 'Une colonne numérique : la taille des cercles suit sa valeur.', en: 'A numeric column: circle sizes follow its value.' },
  },
  {
    name: 'cluster', advanced: true, kind: 'select', options: ['auto', 'true', 'false'], default: 'auto',
    label: { fr: 'Regroupement des points', en: 'Point clustering' },
    help: { fr: 'auto regroupe les points proches au-delà d’environ 1 000 points.', en: 'auto clusters nearby points above about 1,000 points.' },
  },
  {
    name: 'code', kind: 'column',
    label: { fr: 'Code INSEE', en: 'INSEE code' },
    help: { fr: 'La colonne des codes de région, département ou commune (carte choroplèthe).', en: 'The region, département or commune code column (choropleth).' },
  },
  {
    name: 'level', advanced: true, kind: 'select', options: ['region', 'departement', 'commune'],
    label: { fr: 'Niveau territorial', en: 'Area level' },
    help: { fr: 'Régions, départements ou communes ; deviné d’après les codes si vide.', en: 'Regions, départements or communes; guessed from the codes when empty.' },
  },
  {
    name: 'value', kind: 'column', numeric: true,
    label: { fr: 'Valeur', en: 'Value' },
    help: { fr: 'La colonne numérique qui colore les territoires.', en: 'The numeric column colouring the areas.' },
  },
  {
    name: 'aggregate', kind: 'select', options: AGGREGATES,
    label: { fr: 'Agrégation', en: 'Aggregation' },
    help: { fr: 'Comment combiner les lignes d’un même territoire.', en: 'How rows of one area combine.' },
  },
  {
    name: 'boundaries', advanced: true, kind: 'text', url: true,
    label: { fr: 'Contours (GeoJSON)', en: 'Boundaries (GeoJSON)' },
    help: { fr: 'Adresse d’un fichier GeoJSON de contours à la place de ceux fournis.', en: 'URL of a GeoJSON boundaries file replacing the built-in ones.' },
  },
  {
    name: 'outline', advanced: true, kind: 'select', options: ['region', 'departement', 'commune'],
    label: { fr: 'Contours sous les points', en: 'Outlines under points' },
    help: { fr: 'Dessine les contours des régions, départements ou communes sous les points, pour se repérer.', en: 'Draws region, département or commune outlines under the points, for context.' },
  },
  {
    name: 'tiles', advanced: true, kind: 'text', url: true, options: ['ign', 'osm', 'none'], default: 'ign',
    label: { fr: 'Fond de carte', en: 'Base map' },
    help: { fr: 'ign, osm, none (aucun) ou l’adresse d’un modèle de tuiles https://…/{z}/{x}/{y}.png.', en: 'ign, osm, none, or a tile URL template https://…/{z}/{x}/{y}.png.' },
  },
];

const OWN: Record<ElementKind, readonly OptionSpec[]> = { table: TABLE_OPTIONS, chart: CHART_OPTIONS, map: MAP_OPTIONS };

/** Every attribute an element knows: its own, then the shared data attributes. */
export function optionsOf(element: ElementKind): readonly OptionSpec[] {
  return [...OWN[element], ...DATA_OPTIONS];
}

/** The element's own attributes (what the options form shows first). */
export function ownOptionsOf(element: ElementKind): readonly OptionSpec[] {
  return OWN[element];
}

export const isElementKind = (value: unknown): value is ElementKind => ELEMENTS.includes(value as ElementKind);

/** The tag written in snippets. */
export const tagOf = (element: ElementKind): string => `culture-${element}`;
