// The sample catalogue: which datasets the portal knows, their metadata and their resources.
// Slugs are fixed (other tests rely on them); ids are memorable on purpose.
import * as museums from './datasets/museums.mjs';

export const ORGANIZATIONS = {
  culture: {
    id: '534fff91a3a7292c64a77f73',
    name: 'Ministère de la Culture',
    acronym: 'MC',
    slug: 'ministere-de-la-culture-et-de-la-communication',
    logo: 'avatars/ministere-de-la-culture-original.png',
    url: 'https://www.culture.gouv.fr',
    badges: [{ kind: 'public-service' }, { kind: 'certified' }],
  },
};

const CULTURE_DESCRIPTION = (what) => `${what}\n\nDonnées publiées par le **ministère de la Culture** ` +
  '(Département des études, de la prospective, des statistiques et de la documentation). ' +
  'Voir la [documentation](https://www.culture.gouv.fr) pour les définitions.';

/**
 * Resource fields beyond udata's: `file` (where the portal serves the bytes: `static` or `remote`
 * host, path, content type, generator) and `tabular` (table generator, aggregation permission).
 */
export const DATASETS = [
  {
    id: '64c0ffee0000000000000001',
    slug: 'frequentation-des-musees-de-france',
    oldSlugs: ['frequentation-des-musees-de-france-2001-2021'],
    title: 'Fréquentation des Musées de France',
    description: CULTURE_DESCRIPTION('Fréquentation annuelle des musées de France (appellation « Musée de France »), ' +
      'de 2014 à 2024 : entrées payantes, gratuites, totales, individuelles et scolaires.'),
    tags: ['culture', 'musees', 'frequentation', 'musee-de-france', 'patrimoine'],
    organization: 'culture',
    license: 'lov2',
    frequency: 'annual',
    created_at: '2018-05-08T10:47:02.123000+00:00',
    last_modified: '2025-06-12T08:30:00.000000+00:00',
    temporal_coverage: { start: '2014-01-01', end: '2024-12-31' },
    spatial: { zones: ['country:fr'], granularity: 'fr:commune' },
    resources: [
      {
        id: 'c0ffee01-0000-4000-8000-000000000001',
        title: 'frequentation-des-musees-de-france.csv',
        description: 'Fréquentation des musées de France, une ligne par musée et par année.',
        type: 'main',
        format: 'csv',
        mime: 'text/csv',
        created_at: '2018-05-08T10:49:12.000000+00:00',
        last_modified: '2025-06-12T08:30:00.000000+00:00',
        file: {
          path: 'resources/frequentation-des-musees-de-france/20250612-083000/frequentation-des-musees-de-france.csv',
          contentType: 'text/csv; charset=utf-8',
          bytes: museums.attendanceCsv,
        },
        tabular: { table: museums.attendanceTable, aggregation: true, separator: ';' },
      },
      {
        id: 'c0ffee01-0000-4000-8000-000000000002',
        title: 'Notice méthodologique',
        description: 'Définitions et méthode de collecte.',
        type: 'documentation',
        format: 'txt',
        mime: 'text/plain',
        created_at: '2018-05-08T10:52:40.000000+00:00',
        last_modified: '2023-02-01T09:00:00.000000+00:00',
        file: {
          path: 'resources/frequentation-des-musees-de-france/20230201-090000/notice-methodologique.txt',
          contentType: 'text/plain; charset=utf-8',
          bytes: () => Buffer.from('Fréquentation des musées de France : notice méthodologique.\n' +
            'Les cases vides signifient « non communiqué » ou « fermé ».\n', 'utf8'),
        },
      },
    ],
  },
  {
    id: '64c0ffee0000000000000002',
    slug: 'liste-et-localisation-des-musees-de-france',
    title: 'Liste et localisation des Musées de France',
    description: CULTURE_DESCRIPTION('Liste des musées bénéficiant de l’appellation « Musée de France », ' +
      'avec adresse, coordonnées et date de l’arrêté.'),
    tags: ['culture', 'musees', 'musee-de-france', 'geolocalisation'],
    organization: 'culture',
    license: 'lov2',
    frequency: 'irregular',
    created_at: '2017-03-21T14:02:11.000000+00:00',
    last_modified: '2025-01-20T16:45:00.000000+00:00',
    temporal_coverage: null,
    spatial: { zones: ['country:fr'], granularity: 'poi' },
    resources: [
      {
        id: 'c0ffee02-0000-4000-8000-000000000001',
        title: 'liste-et-localisation-des-musees-de-france.csv',
        description: 'Musées de France : identifiant Muséofile, adresse, latitude et longitude.',
        type: 'main',
        format: 'csv',
        mime: 'text/csv',
        created_at: '2017-03-21T14:05:00.000000+00:00',
        last_modified: '2025-01-20T16:45:00.000000+00:00',
        file: {
          path: 'resources/liste-et-localisation-des-musees-de-france/20250120-164500/liste-et-localisation-des-musees-de-france.csv',
          contentType: 'text/csv; charset=utf-8',
          bytes: museums.listCsv,
        },
        tabular: { table: museums.listTable, aggregation: false, separator: ';' },
      },
    ],
  },
];

export function findDataset(idOrSlug) {
  return DATASETS.find((d) => d.id === idOrSlug || d.slug === idOrSlug);
}

export function findDatasetByOldSlug(slug) {
  return DATASETS.find((d) => d.oldSlugs?.includes(slug));
}

export function findResource(rid) {
  for (const dataset of DATASETS) {
    const resource = dataset.resources.find((r) => r.id === rid);
    if (resource) return { dataset, resource };
  }
  return null;
}

/** Every file the portal serves, by host and path. */
export function findFile(host, path) {
  for (const dataset of DATASETS) {
    for (const resource of dataset.resources) {
      if (resource.file && (resource.file.host ?? 'static') === host && resource.file.path === path) {
        return { dataset, resource };
      }
    }
  }
  return null;
}

const memo = new WeakMap();
/** Generated once, kept in memory. */
export function lazy(owner, key, make) {
  let entry = memo.get(owner);
  if (!entry) memo.set(owner, (entry = {}));
  return (entry[key] ??= make());
}
