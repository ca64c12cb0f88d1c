/**
 * Every word `<culture-filter>` shows, in French and English. Small functions, so plurals and
 * numbers are written once per language.
 */
import { defineMessages, type FilterOp, type Lang, type Say } from '@culture-widgets/core';

export interface FilterMessages {
  all: string;
  min: string;
  max: string;
  searchValues: (label: string) => string;
  searchPlaceholder: string;
  /** "Bretagne (12)" for a screen reader: the count in words. */
  valueCount: (value: string, count: string) => string;
  noValues: string;
  reset: string;
  resetAll: string;
  activeFilters: string;
  noActiveFilters: string;
  remove: (chip: string) => string;
  /** Read out after each change: "2 filtres actifs : …". */
  announce: (count: number, chips: string) => string;
  loadingValues: string;
  op: (op: FilterOp) => string;
}

const FR_OPS: Record<FilterOp, string> = {
  '=': '=',
  '!=': '≠',
  '>': '>',
  '>=': '≥',
  '<': '<',
  '<=': '≤',
  '~': 'contient',
  '!~': 'ne contient pas',
  in: 'parmi',
  'is empty': 'est vide',
  'is not empty': 'est renseigné',
};

const EN_OPS: Record<FilterOp, string> = {
  ...FR_OPS,
  '~': 'contains',
  '!~': 'does not contain',
  in: 'in',
  'is empty': 'is empty',
  'is not empty': 'is not empty',
};

const fr: FilterMessages = {
  all: 'Toutes les valeurs',
  min: 'Minimum',
  max: 'Maximum',
  searchValues: (label) => `Chercher une valeur de « ${label} »`,
  searchPlaceholder: 'Chercher…',
  valueCount: (value, count) => `${value} (${count})`,
  noValues: 'Aucune valeur',
  reset: 'Réinitialiser',
  resetAll: 'Réinitialiser tous les filtres',
  activeFilters: 'Filtres actifs',
  noActiveFilters: 'Aucun filtre actif',
  remove: (chip) => `Retirer le filtre ${chip}`,
  announce: (count, chips) =>
    count === 0 ? 'Aucun filtre actif.' : `${count} filtre${count > 1 ? 's' : ''} actif${count > 1 ? 's' : ''} : ${chips}.`,
  loadingValues: 'Chargement des valeurs…',
  op: (op) => FR_OPS[op],
};

const en: FilterMessages = {
  all: 'All values',
  min: 'Minimum',
  max: 'Maximum',
  searchValues: (label) => `Search the values of “${label}”`,
  searchPlaceholder: 'Search…',
  valueCount: (value, count) => `${value} (${count})`,
  noValues: 'No values',
  reset: 'Reset',
  resetAll: 'Reset all filters',
  activeFilters: 'Active filters',
  noActiveFilters: 'No active filter',
  remove: (chip) => `Remove the filter ${chip}`,
  announce: (count, chips) => (count === 0 ? 'No active filter.' : `${count} active filter${count > 1 ? 's' : ''}: ${chips}.`),
  loadingValues: 'Loading values…',
  op: (op) => EN_OPS[op],
};

export const filterMessages = (lang: Lang): FilterMessages => (lang === 'en' ? en : fr);

type FilterErrorKey = 'needs-source';

/** `<culture-filter>`'s own errors. */
export const filterErrors = defineMessages<FilterErrorKey>({
  fr: { 'needs-source': () => 'Indiquez la source à filtrer : source="id" d’un élément <culture-source>.' } satisfies Record<FilterErrorKey, Say>,
  en: { 'needs-source': () => 'Set the source to filter: source="id" of a <culture-source> element.' } satisfies Record<FilterErrorKey, Say>,
});
