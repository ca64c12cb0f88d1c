/** The licences data.gouv.fr datasets use most, by udata id: enough for a citation without a request. */
export const LICENSES: Record<string, { title: string; url?: string }> = {
  lov2: { title: 'Licence Ouverte / Open Licence version 2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
  'fr-lo': { title: 'Licence Ouverte / Open Licence', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
  'odc-odbl': { title: 'Open Data Commons Open Database License (ODbL)', url: 'https://opendatacommons.org/licenses/odbl/' },
  'odc-by': { title: 'Open Data Commons Attribution License', url: 'https://opendatacommons.org/licenses/by/' },
  'odc-pddl': { title: 'Open Data Commons Public Domain Dedication and Licence (PDDL)', url: 'https://opendatacommons.org/licenses/pddl/' },
  'cc-by': { title: 'Creative Commons Attribution', url: 'https://creativecommons.org/licenses/by/4.0/' },
  'cc-by-sa': { title: 'Creative Commons Attribution Share-Alike', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  'cc-zero': { title: 'Creative Commons CCZero', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  'other-at': { title: 'Autre (Attribution)' },
  'other-open': { title: 'Autre (Ouvert)' },
  'other-pd': { title: 'Autre (Domaine public)' },
  notspecified: { title: 'Licence non spécifiée' },
};
