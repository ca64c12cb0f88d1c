/**
 * What the builder's form calls each option, per locale: a label, a help line and, for closed
 * sets, a name for each value. Keyed by the options generated from the elements' declarations
 * (`schema.generated.ts`): an option without its words does not compile. Plain words only: a
 * value's code (`-y`, `choropleth`) is what the snippet writes, never what the form shows.
 */
import type { Lang } from '@culture-widgets/core';
import type { OptionKey } from './schema.js';

export interface OptionWords {
  label: string;
  help: string;
  /** A name for each value of a closed set (the form shows it, the snippet writes the value). */
  values?: Record<string, string>;
}

const aggregatesFr = { sum: 'Additionner', count: 'Compter les lignes', mean: 'Moyenne', median: 'Médiane', min: 'Minimum', max: 'Maximum' };
const levelsFr = { region: 'Régions', departement: 'Départements', commune: 'Communes' };

const fr = {
  'table.columns': { label: 'Colonnes affichées', help: 'Les colonnes du tableau, dans l’ordre ; par défaut toutes.' },
  'table.sort': { label: 'Tri au départ', help: 'L’ordre des lignes à l’ouverture ; les lecteurs peuvent trier autrement d’un clic.' },
  'table.page-size': { label: 'Lignes par page', help: 'Nombre de lignes affichées par page.' },
  'table.search': { label: 'Champ de recherche', help: 'Affiche un champ pour chercher dans le tableau.' },
  'table.download': { label: 'Bouton de téléchargement', help: 'Permet de télécharger la vue en CSV.' },
  'table.bars': { label: 'Barres dans les cellules', help: 'Colonnes numériques dessinées en barres dans leurs cellules.' },
  'table.height': { label: 'Hauteur', help: 'Une hauteur fixe (480, 30rem, 60vh) : le tableau défile au lieu de se découper en pages.' },
  'table.title': { label: 'Titre', help: 'La légende du tableau ; par défaut le titre du jeu de données.' },
  'chart.type': {
    label: 'Type de graphique',
    help: 'Automatique : choisi d’après vos colonnes (une courbe pour des années, des barres pour des catégories).',
    values: { auto: 'Automatique', column: 'Barres verticales', bar: 'Barres horizontales', line: 'Courbe', area: 'Aires', scatter: 'Nuage de points', pie: 'Secteurs', donut: 'Anneau', heatmap: 'Carte de chaleur' },
  },
  'chart.x': { label: 'Axe horizontal', help: 'La colonne des catégories ou du temps (année, date…).' },
  'chart.y': { label: 'Valeurs', help: 'Une ou plusieurs colonnes de nombres à représenter ; aucune : les lignes sont comptées.' },
  'chart.group': { label: 'Séries', help: 'Une colonne qui sépare les valeurs en plusieurs séries, une couleur chacune.' },
  'chart.aggregate': { label: 'Calcul par catégorie', help: 'Comment les lignes d’une même catégorie donnent une valeur.', values: aggregatesFr },
  'chart.stack': { label: 'Empilement', help: 'Plusieurs séries côte à côte, empilées, ou empilées jusqu’à 100 %.', values: { true: 'Empilées', false: 'Superposées', normalize: 'Empilées en pourcentage' } },
  'chart.sort': {
    label: 'Ordre',
    help: 'L’ordre des catégories le long de l’axe.',
    values: {
      x: 'Dans l’ordre de l’axe (A → Z, du plus ancien au plus récent)', '-x': 'Dans l’ordre inverse de l’axe', y: 'Du plus petit au plus grand',
      '-y': 'Du plus grand au plus petit', delta: 'Par écart croissant entre la première et la dernière série', '-delta': 'Par écart décroissant entre la première et la dernière série',
    },
  },
  'chart.limit': { label: 'Nombre de catégories', help: 'Garde les plus grandes ; les autres sont regroupées dans « Autres ».' },
  'chart.time-unit': {
    label: 'Regrouper les dates',
    help: 'Des dates (même écrites en texte) regroupées par décennie, année, trimestre, mois…',
    values: {
      year: 'Par année', quarter: 'Par trimestre (toutes années confondues)', month: 'Par mois (toutes années confondues)', yearquarter: 'Par trimestre',
      yearmonth: 'Par mois', yearmonthdate: 'Par jour', date: 'Par jour du mois', day: 'Par jour de la semaine', decade: 'Par décennie',
    },
  },
  'chart.facet': { label: 'Petits multiples', help: 'Un petit graphique par valeur de cette colonne.' },
  'chart.y-min': { label: 'Début de l’axe vertical', help: 'La valeur la plus basse de l’axe.' },
  'chart.y-max': { label: 'Fin de l’axe vertical', help: 'La valeur la plus haute de l’axe.' },
  'chart.unit': { label: 'Unité', help: 'Unité affichée avec les valeurs (€, %, visiteurs…).' },
  'chart.highlight': { label: 'Mise en évidence', help: 'Une valeur de l’axe ou d’une série (plusieurs séparées par |) : ces marques gardent leur couleur, les autres deviennent grises.' },
  'chart.reference': { label: 'Lignes de référence', help: 'Une ligne à la moyenne (mean), à la médiane (median) ou à une valeur, avec un libellé : median, 1000000: objectif.' },
  'chart.cumulative': { label: 'Cumul', help: 'Les valeurs additionnées au fil de l’axe, ou leur part cumulée (diagramme de Pareto).', values: { sum: 'Totaux cumulés', share: 'Part cumulée' } },
  'chart.colors': { label: 'Couleurs', help: 'Une couleur par valeur : Musique: #000091; Théâtre: #e1000f.' },
  'chart.x-title': { label: 'Titre de l’axe horizontal', help: 'Par défaut, le nom de la colonne.' },
  'chart.y-title': { label: 'Titre de l’axe vertical', help: 'Par défaut, la mesure et son calcul.' },
  'chart.title': { label: 'Titre', help: 'Le titre affiché au-dessus du graphique.' },
  'chart.description': { label: 'Description (texte alternatif)', help: 'Ce que montre le graphique, pour les lecteurs d’écran ; rédigée automatiquement si vide.' },
  'chart.height': { label: 'Hauteur (px)', help: 'Hauteur du graphique en pixels.' },
  'map.mode': {
    label: 'Type de carte',
    help: 'Automatique : des points quand les lignes ont des coordonnées, sinon des territoires colorés.',
    values: { auto: 'Automatique', points: 'Un point par lieu', choropleth: 'Territoires colorés', heatmap: 'Densité des lieux' },
  },
  'map.lat': { label: 'Latitude', help: 'La colonne des latitudes (avec la longitude).' },
  'map.lon': { label: 'Longitude', help: 'La colonne des longitudes (avec la latitude).' },
  'map.coords': { label: 'Coordonnées « latitude, longitude »', help: 'Une seule colonne contenant les deux nombres.' },
  'map.label': { label: 'Titre des bulles', help: 'La colonne affichée en titre quand on choisit un point.' },
  'map.popup': { label: 'Contenu des bulles', help: 'Les colonnes affichées quand on choisit un point.' },
  'map.color': { label: 'Couleur par catégorie', help: 'Une couleur par valeur de cette colonne.' },
  'map.size': { label: 'Cercles proportionnels', help: 'Une colonne de nombres : la taille des cercles suit sa valeur.' },
  'map.cluster': { label: 'Regroupement des points', help: 'Automatique : les points proches se regroupent au-delà d’environ 1 000 points.', values: { auto: 'Automatique', true: 'Toujours', false: 'Jamais' } },
  'map.code': { label: 'Code INSEE', help: 'La colonne des codes de région, de département ou de commune.' },
  'map.level': { label: 'Niveau des territoires', help: 'Deviné d’après les codes si rien n’est choisi.', values: levelsFr },
  'map.value': { label: 'Valeur', help: 'La colonne de nombres qui colore les territoires ; aucune : les lignes sont comptées.' },
  'map.aggregate': { label: 'Calcul par territoire', help: 'Comment les lignes d’un même territoire donnent une valeur.', values: aggregatesFr },
  'map.boundaries': { label: 'Contours (GeoJSON)', help: 'Adresse d’un fichier GeoJSON de contours à la place de ceux fournis.' },
  'map.outline': { label: 'Contours sous les points', help: 'Les limites des régions, départements ou communes sous les points, pour se repérer.', values: levelsFr },
  'map.tiles': { label: 'Fond de carte', help: 'Le plan sous les données, ou l’adresse d’un autre fond de tuiles (https://…/{z}/{x}/{y}.png).', values: { ign: 'Plan IGN', osm: 'OpenStreetMap', none: 'Aucun fond' } },
  'data.dataset': { label: 'Jeu de données', help: 'Identifiant, slug ou adresse de la page data.gouv.fr du jeu de données.' },
  'data.resource': { label: 'Ressource', help: 'Le fichier à lire ; par défaut le premier que l’API tabulaire sert.' },
  'data.src': { label: 'Fichier', help: 'Adresse directe d’un fichier : CSV, JSON, GeoJSON, XLSX, XLS, ODS, XML ou Parquet.' },
  'data.sheet': { label: 'Feuille', help: 'Tableur : la feuille à lire, par son nom ou son numéro (1 = la première).' },
  'data.record': { label: 'Élément XML', help: 'XML : l’élément répété qui fait une ligne (par défaut, celui trouvé dans le fichier).' },
  'data.source': { label: 'Source liée', help: 'Identifiant d’un élément <culture-source> de la page, dont le widget suit les données et les filtres.' },
  'data.filter': { label: 'Filtre', help: 'Les conditions, séparées par « ; » : annee >= 2015; region = Bretagne.' },
  'data.lang': { label: 'Langue', help: 'La langue des textes du widget ; par défaut celle de la page.', values: { fr: 'Français', en: 'Anglais' } },
  'data.theme': { label: 'Thème', help: 'Par défaut, le widget suit la page : son mode sombre, le DSFR.', values: { auto: 'Comme la page', light: 'Clair', dark: 'Sombre' } },
  'data.compute': { label: 'Colonnes calculées', help: 'De nouvelles colonnes, ligne par ligne : decennie = decade(annee); tranche = bin(total, 0|10000|100000).' },
  'data.labels': { label: 'Noms des colonnes', help: 'Comme les lecteurs les verront : annee: Année; total: Entrées.' },
  'data.join': { label: 'Jointure', help: 'Les colonnes d’un autre jeu de données, lues comme join.COLONNE : pop on code_departement = DEP.' },
  'data.api': { label: 'API du catalogue', help: 'Adresse de l’API udata (un autre portail, des tests).' },
  'data.tabular-api': { label: 'API tabulaire', help: 'Adresse de l’API tabulaire de data.gouv.fr.' },
  'data.refine-on-click': { label: 'Filtrer d’un clic', help: 'Avec une source liée, un clic sur une barre, une ligne ou un lieu filtre la source.' },
} satisfies Record<OptionKey, OptionWords>;

const aggregatesEn = { sum: 'Add up', count: 'Count the rows', mean: 'Average', median: 'Middle value (median)', min: 'Minimum', max: 'Maximum' };
const levelsEn = { region: 'Regions', departement: 'Départements', commune: 'Communes' };

const en = {
  'table.columns': { label: 'Columns shown', help: 'The table’s columns, in order; default: all.' },
  'table.sort': { label: 'Initial order', help: 'The rows’ order when the table opens; readers may sort otherwise with a click.' },
  'table.page-size': { label: 'Rows per page', help: 'Number of rows shown per page.' },
  'table.search': { label: 'Search box', help: 'Shows a box to search the table.' },
  'table.download': { label: 'Download button', help: 'Lets readers download the view as CSV.' },
  'table.bars': { label: 'In-cell bars', help: 'Number columns drawn as bars in their cells.' },
  'table.height': { label: 'Height', help: 'A fixed height (480, 30rem, 60vh): the table scrolls instead of paging.' },
  'table.title': { label: 'Title', help: 'The table’s caption; default: the dataset title.' },
  'chart.type': {
    label: 'Chart type',
    help: 'Automatic: chosen from your columns (a line for years, bars for categories).',
    values: { auto: 'Automatic', column: 'Vertical bars', bar: 'Horizontal bars', line: 'Line chart', area: 'Area chart', scatter: 'Scatter plot', pie: 'Pie chart', donut: 'Donut chart', heatmap: 'Heat map' },
  },
  'chart.x': { label: 'Horizontal axis', help: 'The category or time column (year, date…).' },
  'chart.y': { label: 'Values', help: 'One or more number columns to draw; none: rows are counted.' },
  'chart.group': { label: 'Series', help: 'A column splitting the values into series, one colour each.' },
  'chart.aggregate': { label: 'Per category', help: 'How the rows of one category make one value.', values: aggregatesEn },
  'chart.stack': { label: 'Stacking', help: 'Several series side by side, stacked, or stacked up to 100 %.', values: { true: 'Stacked', false: 'Overlaid', normalize: 'Stacked as percentages' } },
  'chart.sort': {
    label: 'Order',
    help: 'The order of the categories along the axis.',
    values: {
      x: 'In the axis’s order (A → Z, oldest first)', '-x': 'In the axis’s reverse order', y: 'Smallest first', '-y': 'Largest first',
      delta: 'By growing difference between the first and last series', '-delta': 'By shrinking difference between the first and last series',
    },
  },
  'chart.limit': { label: 'Number of categories', help: 'Keeps the largest; the rest are folded into “Others”.' },
  'chart.time-unit': {
    label: 'Group dates',
    help: 'Dates (even written as text) grouped by decade, year, quarter, month…',
    values: {
      year: 'By year', quarter: 'By quarter (all years together)', month: 'By month (all years together)', yearquarter: 'By quarter',
      yearmonth: 'By month', yearmonthdate: 'By day', date: 'By day of the month', day: 'By day of the week', decade: 'By decade',
    },
  },
  'chart.facet': { label: 'Small multiples', help: 'One small chart per value of this column.' },
  'chart.y-min': { label: 'Start of the vertical axis', help: 'The axis’s lowest value.' },
  'chart.y-max': { label: 'End of the vertical axis', help: 'The axis’s highest value.' },
  'chart.unit': { label: 'Unit', help: 'Unit shown with the values (€, %, visitors…).' },
  'chart.highlight': { label: 'Highlight', help: 'A value of the axis or of a series (several separated by |): those marks keep their colour, the others turn grey.' },
  'chart.reference': { label: 'Reference lines', help: 'A line at the mean (mean), the median (median) or a value, with a label: median, 1000000: goal.' },
  'chart.cumulative': { label: 'Cumulative', help: 'The values added up along the axis, or their cumulative share (a Pareto chart).', values: { sum: 'Running totals', share: 'Cumulative share' } },
  'chart.colors': { label: 'Colours', help: 'A colour per value: Musique: #000091; Théâtre: #e1000f.' },
  'chart.x-title': { label: 'Horizontal axis title', help: 'Default: the column name.' },
  'chart.y-title': { label: 'Vertical axis title', help: 'Default: the measure and how it is computed.' },
  'chart.title': { label: 'Title', help: 'The title shown above the chart.' },
  'chart.description': { label: 'Description (text alternative)', help: 'What the chart shows, for screen readers; written automatically when empty.' },
  'chart.height': { label: 'Height (px)', help: 'Chart height in pixels.' },
  'map.mode': {
    label: 'Map type',
    help: 'Automatic: points when rows have coordinates, else coloured areas.',
    values: { auto: 'Automatic', points: 'One point per place', choropleth: 'Coloured areas', heatmap: 'Density of places' },
  },
  'map.lat': { label: 'Latitude', help: 'The latitude column (with longitude).' },
  'map.lon': { label: 'Longitude', help: 'The longitude column (with latitude).' },
  'map.coords': { label: 'Coordinates “latitude, longitude”', help: 'One column holding both numbers.' },
  'map.label': { label: 'Popup title', help: 'The column shown as the title when a point is chosen.' },
  'map.popup': { label: 'Popup content', help: 'Columns shown when a point is chosen.' },
  'map.color': { label: 'Colour by category', help: 'One colour per value of this column.' },
  'map.size': { label: 'Proportional circles', help: 'A number column: circle sizes follow its value.' },
  'map.cluster': { label: 'Point clustering', help: 'Automatic: nearby points gather above about 1,000 points.', values: { auto: 'Automatic', true: 'Always', false: 'Never' } },
  'map.code': { label: 'INSEE code', help: 'The region, département or commune code column.' },
  'map.level': { label: 'Level of the areas', help: 'Guessed from the codes when nothing is chosen.', values: levelsEn },
  'map.value': { label: 'Value', help: 'The number column colouring the areas; none: rows are counted.' },
  'map.aggregate': { label: 'Per area', help: 'How the rows of one area make one value.', values: aggregatesEn },
  'map.boundaries': { label: 'Boundaries (GeoJSON)', help: 'URL of a GeoJSON boundaries file replacing the built-in ones.' },
  'map.outline': { label: 'Outlines under points', help: 'Region, département or commune outlines under the points, for context.', values: levelsEn },
  'map.tiles': { label: 'Base map', help: 'The map under the data, or the address of other tiles (https://…/{z}/{x}/{y}.png).', values: { ign: 'IGN map', osm: 'OpenStreetMap', none: 'No base map' } },
  'data.dataset': { label: 'Dataset', help: 'Id, slug or page URL of the data.gouv.fr dataset.' },
  'data.resource': { label: 'Resource', help: 'The file to read; default: the first one the tabular API serves.' },
  'data.src': { label: 'File', help: 'Direct URL of a file: CSV, JSON, GeoJSON, XLSX, XLS, ODS, XML or Parquet.' },
  'data.sheet': { label: 'Sheet', help: 'Spreadsheets: the sheet to read, by name or number (1 = the first).' },
  'data.record': { label: 'XML element', help: 'XML: the repeated element that makes a row (default: the one found in the file).' },
  'data.source': { label: 'Linked source', help: 'Id of a <culture-source> on the page whose data and filters the widget follows.' },
  'data.filter': { label: 'Filter', help: 'The conditions, separated by “;”: annee >= 2015; region = Bretagne.' },
  'data.lang': { label: 'Language', help: 'Language of the widget’s texts; default: the page’s.', values: { fr: 'French', en: 'English' } },
  'data.theme': { label: 'Theme', help: 'By default the widget follows the page: its dark mode, the DSFR.', values: { auto: 'Like the page', light: 'Light theme', dark: 'Dark theme' } },
  'data.compute': { label: 'Computed columns', help: 'New columns, row by row: decennie = decade(annee); tranche = bin(total, 0|10000|100000).' },
  'data.labels': { label: 'Column names', help: 'As readers will see them: annee: Année; total: Entrées.' },
  'data.join': { label: 'Join', help: 'Columns from another dataset, read as join.COLUMN: pop on code_departement = DEP.' },
  'data.api': { label: 'Catalogue API', help: 'udata API base URL (another portal, tests).' },
  'data.tabular-api': { label: 'Tabular API', help: 'data.gouv.fr tabular API base URL.' },
  'data.refine-on-click': { label: 'Filter on click', help: 'With a linked source, a click on a bar, row or place filters the source.' },
} satisfies Record<OptionKey, OptionWords>;

export const optionWords = (lang: Lang): Record<OptionKey, OptionWords> => (lang === 'en' ? en : fr);
