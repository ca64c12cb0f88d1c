import { defineMessages, type Lang, type Say } from '@culture-widgets/core';

/** The words every element shares. Elements keep their own in their package's `messages.ts`. */
export interface SharedMessages {
  loading: string;
  downloaded: (size: string) => string;
  downloadedOf: (size: string, total: string) => string;
  empty: string;
  /** Nothing for `clause`; `values`: the closest real ones, with their counts. */
  emptyFor: (clause: string, values: string) => string;
  errorTitle: string;
  noSource: string;
  source: string;
  /** The dataset `join` read columns from, cited under the element's own. */
  joinedSource: string;
  producer: string;
  /** The data's host when it is not data.gouv.fr. */
  hostedOn: (host: string) => string;
  license: string;
  updated: (date: string) => string;
  retry: string;
  /** The link under an error about a file the page cannot show (format, size, CORS). */
  downloadFile: string;
}

const fr: SharedMessages = {
  loading: 'Chargement des données…',
  downloaded: (size) => `${size} téléchargés`,
  downloadedOf: (size, total) => `${size} sur ${total} téléchargés`,
  empty: 'Aucune ligne ne correspond.',
  emptyFor: (clause, values) => `Aucune ligne pour ${clause}. Valeurs proches : ${values}`,
  errorTitle: 'Les données n’ont pas pu être affichées',
  noSource: 'Aucune donnée : indiquez un jeu de données (dataset), une ressource (resource) ou un fichier (src).',
  source: 'Source',
  joinedSource: 'Données jointes',
  producer: 'Producteur',
  hostedOn: (host) => `données de ${host}`,
  license: 'Licence',
  updated: (date) => `mis à jour le ${date}`,
  retry: 'Réessayer',
  downloadFile: 'Télécharger le fichier',
};

const en: SharedMessages = {
  loading: 'Loading data…',
  downloaded: (size) => `${size} downloaded`,
  downloadedOf: (size, total) => `${size} of ${total} downloaded`,
  empty: 'No rows match.',
  emptyFor: (clause, values) => `No rows for ${clause}. Close values: ${values}`,
  errorTitle: 'The data could not be shown',
  noSource: 'No data: set a dataset, a resource or a file (src).',
  source: 'Source',
  joinedSource: 'Joined data',
  producer: 'Publisher',
  hostedOn: (host) => `data from ${host}`,
  license: 'Licence',
  updated: (date) => `updated ${date}`,
  retry: 'Retry',
  downloadFile: 'Download the file',
};

export const messages = (lang: Lang): SharedMessages => (lang === 'en' ? en : fr);

type UiKey = 'missing-source';

/** The errors every element may raise: `uiErrors.error('no-source', { id }, 'missing-source')`. */
export const uiErrors = defineMessages<UiKey>({
  fr: { 'missing-source': (d) => `Aucune source « ${String(d.id)} » (<culture-source id="${String(d.id)}">) sur la page.` } satisfies Record<UiKey, Say>,
  en: { 'missing-source': (d) => `No source “${String(d.id)}” (<culture-source id="${String(d.id)}">) on the page.` } satisfies Record<UiKey, Say>,
});

/** `fr` or `en` for an element: its own `lang`, the nearest `[lang]` ancestor, the page, else `fr`. */
export function resolveLang(el: Element): Lang {
  const declared = el.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
  return declared?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
