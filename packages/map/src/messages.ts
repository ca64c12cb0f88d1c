/** Every word the map says, in French and English. */
import { defineMessages, type Lang, type Say } from '@culture-widgets/core';

export interface MapMessages {
  mapOf: (what: string) => string;
  places: (n: string) => string;
  areas: (n: string) => string;
  keyboardHelp: string;
  scrollHint: string;
  touchHint: string;
  tilesFailed: string;
  invalidRows: (n: number, count: string) => string;
  /** Places out of the opening view of a map of French places. */
  outsideFrance: (n: number, count: string) => string;
  invalidCodes: (n: number, count: string) => string;
  truncated: (shown: string, total: string) => string;
  loadingBoundaries: string;
  noData: string;
  other: string;
  empty: string;
  legend: string;
  count: string;
  densityLegend: string;
  listOfPlaces: (n: string) => string;
  listOfAreas: (n: string) => string;
  listLimited: (shown: string, total: string) => string;
  code: string;
  name: string;
  value: string;
  showOnMap: (what: string) => string;
  clusterLabel: (n: string) => string;
  zoomIn: string;
  zoomOut: string;
  close: string;
  levelName: (level: 'region' | 'departement' | 'commune') => string;
  range: (from: string, to: string) => string;
}

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

const fr: MapMessages = {
  mapOf: (what) => `Carte : ${what}`,
  places: (n) => `${n} lieux`,
  areas: (n) => `${n} territoires`,
  keyboardHelp: 'Flèches pour déplacer la carte, + et − pour zoomer. La liste sous la carte donne accès à chaque élément.',
  scrollHint: 'Cliquez sur la carte pour zoomer avec la molette.',
  touchHint: 'Utilisez deux doigts pour déplacer la carte.',
  tilesFailed: 'Le fond de carte n’a pas pu être chargé (hors ligne ?) : les données restent affichées.',
  invalidRows: (n, count) => `${count} ${plural(n, 'ligne sans coordonnées valides n’est pas placée', 'lignes sans coordonnées valides ne sont pas placées')} sur la carte.`,
  outsideFrance: (n, count) => `${count} ${plural(n, 'lieu hors de France métropolitaine et des départements d’outre-mer n’est pas dans la vue de départ', 'lieux hors de France métropolitaine et des départements d’outre-mer ne sont pas dans la vue de départ')} : dézoomez pour ${plural(n, 'le', 'les')} voir.`,
  invalidCodes: (n, count) => `${count} ${plural(n, 'ligne dont le code n’est pas reconnu n’est pas représentée', 'lignes dont le code n’est pas reconnu ne sont pas représentées')}.`,
  truncated: (shown, total) => `Seuls les ${shown} premiers lieux sur ${total} sont chargés.`,
  loadingBoundaries: 'Chargement des contours…',
  noData: 'pas de données',
  other: 'Autres',
  empty: '(vide)',
  legend: 'Légende',
  count: 'nombre de lignes',
  densityLegend: 'Lieux par zone',
  listOfPlaces: (n) => `Liste des lieux (${n})`,
  listOfAreas: (n) => `Tableau des territoires (${n})`,
  listLimited: (shown, total) => `${shown} premiers sur ${total}.`,
  code: 'Code',
  name: 'Nom',
  value: 'Valeur',
  showOnMap: (what) => `Afficher ${what} sur la carte`,
  clusterLabel: (n) => `${n} lieux : zoomer`,
  zoomIn: 'Zoomer',
  zoomOut: 'Dézoomer',
  close: 'Fermer',
  levelName: (level) => ({ region: 'régions', departement: 'départements', commune: 'communes' })[level],
  range: (from, to) => `de ${from} à ${to}`,
};

const en: MapMessages = {
  mapOf: (what) => `Map: ${what}`,
  places: (n) => `${n} places`,
  areas: (n) => `${n} areas`,
  keyboardHelp: 'Arrow keys move the map, + and − zoom. The list below the map reaches every item.',
  scrollHint: 'Click the map to zoom with the mouse wheel.',
  touchHint: 'Use two fingers to move the map.',
  tilesFailed: 'The base map could not be loaded (offline?): the data is still shown.',
  invalidRows: (n, count) => `${count} ${plural(n, 'row without valid coordinates is', 'rows without valid coordinates are')} not on the map.`,
  outsideFrance: (n, count) => `${count} ${plural(n, 'place outside metropolitan France and the overseas départements is', 'places outside metropolitan France and the overseas départements are')} not in the opening view: zoom out to see ${plural(n, 'it', 'them')}.`,
  invalidCodes: (n, count) => `${count} ${plural(n, 'row with an unknown code is', 'rows with an unknown code are')} not shown.`,
  truncated: (shown, total) => `Only the first ${shown} of ${total} places are loaded.`,
  loadingBoundaries: 'Loading boundaries…',
  noData: 'no data',
  other: 'Other',
  empty: '(empty)',
  legend: 'Legend',
  count: 'number of rows',
  densityLegend: 'Places per area',
  listOfPlaces: (n) => `List of places (${n})`,
  listOfAreas: (n) => `Table of areas (${n})`,
  listLimited: (shown, total) => `First ${shown} of ${total}.`,
  code: 'Code',
  name: 'Name',
  value: 'Value',
  showOnMap: (what) => `Show ${what} on the map`,
  clusterLabel: (n) => `${n} places: zoom in`,
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  close: 'Close',
  levelName: (level) => ({ region: 'regions', departement: 'départements', commune: 'communes' })[level],
  range: (from, to) => `${from} to ${to}`,
};

export const mapMessages = (lang: Lang): MapMessages => (lang === 'en' ? en : fr);

type MapErrorKey = 'no-coordinates' | 'no-code' | 'not-codes' | 'size-not-numbers' | 'boundaries-failed';

/** The map's own errors: `mapErrors.error('unknown-column', {}, 'no-coordinates')`. */
export const mapErrors = defineMessages<MapErrorKey>({
  fr: {
    'no-coordinates': () => 'Aucune colonne de coordonnées trouvée : indiquez lat et lon, coords, ou code pour une carte par territoire.',
    'no-code': () => 'Aucune colonne de codes INSEE trouvée : indiquez code pour une carte par territoire.',
    'not-codes': (d) =>
      `La colonne « ${String(d.column)} » ne contient pas de codes INSEE (${(d.examples as string[]).join(', ')}) : une carte par territoire lit des codes (35, 2A, 75056).`,
    'size-not-numbers': (d) => `size : « ${String(d.value)} » ne contient pas de nombres ; ignoré.`,
    'boundaries-failed': (d) => `Les contours des territoires n’ont pas pu être chargés (${String(d.url)}).`,
  } satisfies Record<MapErrorKey, Say>,
  en: {
    'no-coordinates': () => 'No coordinate column found: set lat and lon, coords, or code for a map by area.',
    'no-code': () => 'No INSEE code column found: set code for a map by area.',
    'not-codes': (d) => `The column “${String(d.column)}” holds no INSEE codes (${(d.examples as string[]).join(', ')}): a map by area reads codes (35, 2A, 75056).`,
    'size-not-numbers': (d) => `size: “${String(d.value)}” holds no numbers; ignored.`,
    'boundaries-failed': (d) => `The area boundaries could not be loaded (${String(d.url)}).`,
  } satisfies Record<MapErrorKey, Say>,
});
