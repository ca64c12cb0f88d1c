// The sample catalogue: which datasets the portal knows, their metadata and their resources.
// Slugs are fixed (other tests rely on them); ids are memorable on purpose.
import * as museums from './datasets/museums.mjs';
import { festivalsCsv } from './datasets/festivals.mjs';
import { spendingCsv } from './datasets/spending.mjs';
import { placesBytes } from './datasets/places.mjs';
import { monumentsBytes } from './datasets/monuments.mjs';
import { ticketingCsv, ticketingTable } from './datasets/ticketing.mjs';
import { XSS, hostileCsv, hostileTable } from './datasets/hostile.mjs';
import { museofileCsv, museofileTable, populationCsv, populationTable } from './datasets/museofile.mjs';
import * as formats from './datasets/formats.mjs';
import { buildTable } from './table.mjs';
import { toCsv } from './csv.mjs';

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
  cmn: {
    id: '64c0ffee00000000000000a1',
    name: 'Centre des monuments nationaux',
    acronym: 'CMN',
    slug: 'centre-des-monuments-nationaux',
    logo: 'avatars/centre-des-monuments-nationaux-original.png',
    url: 'https://www.monuments-nationaux.fr',
    badges: [{ kind: 'public-service' }],
  },
  observatoire: {
    id: '64c0ffee00000000000000a2',
    name: 'Observatoire des politiques culturelles',
    acronym: 'OPC',
    slug: 'observatoire-des-politiques-culturelles',
    logo: 'avatars/observatoire-des-politiques-culturelles-original.png',
    url: 'https://www.observatoire-culture.net',
    badges: [],
  },
  hostile: {
    id: '64c0ffee00000000000000a3',
    name: `Organisation ${XSS.img}`,
    acronym: XSS.svg,
    slug: 'organisation-hostile',
    logo: XSS.js,
    url: XSS.js,
    page: XSS.js,
    badges: [{ kind: XSS.script }],
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
    // as on data.gouv.fr: the `-1` slug, the former one redirecting to it
    slug: 'frequentation-des-musees-de-france-1',
    oldSlugs: ['frequentation-des-musees-de-france', 'frequentation-des-musees-de-france-2001-2021'],
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
  {
    id: '64c0ffee0000000000000003',
    slug: 'liste-des-festivals-en-france',
    title: 'Liste des festivals en France',
    description: CULTURE_DESCRIPTION('Recensement national des festivals : discipline, période, commune, ' +
      'année de création et géolocalisation.'),
    tags: ['culture', 'festivals', 'spectacle-vivant', 'musique'],
    organization: 'culture',
    license: 'lov2',
    frequency: 'annual',
    created_at: '2022-07-14T09:12:00.000000+00:00',
    last_modified: '2025-04-02T11:20:00.000000+00:00',
    temporal_coverage: null,
    spatial: { zones: ['country:fr'], granularity: 'fr:commune' },
    resources: [{
      id: 'c0ffee03-0000-4000-8000-000000000001',
      title: 'festivals-global-festivals-_-pl.csv',
      description: 'Export du recensement (séparateur point-virgule).',
      type: 'main', format: 'csv', mime: 'text/csv',
      created_at: '2022-07-14T09:15:00.000000+00:00',
      last_modified: '2025-04-02T11:20:00.000000+00:00',
      extras: { 'analysis:parsing:error': 'csv_detective: number of fields is not constant in the first rows' },
      file: {
        path: 'resources/liste-des-festivals-en-france/20250402-112000/festivals-global-festivals-_-pl.csv',
        contentType: 'text/csv; charset=utf-8',
        bytes: festivalsCsv,
      },
    }],
  },
  {
    id: '64c0ffee0000000000000004',
    slug: 'depenses-culturelles-des-departements',
    title: 'Dépenses culturelles des départements',
    description: 'Dépenses culturelles des conseils départementaux en 2023 (fonctionnement, investissement, ' +
      'dépense par habitant). Fichier issu d’un tableur : encodage Windows, virgule décimale.',
    tags: ['culture', 'collectivites', 'depenses', 'budget'],
    organization: 'observatoire',
    license: 'fr-lo',
    frequency: 'annual',
    created_at: '2024-10-03T08:00:00.000000+00:00',
    last_modified: '2024-10-03T08:00:00.000000+00:00',
    temporal_coverage: { start: '2023-01-01', end: '2023-12-31' },
    spatial: { zones: ['country:fr'], granularity: 'fr:departement' },
    resources: [{
      id: 'c0ffee04-0000-4000-8000-000000000001',
      title: 'depenses-culturelles-departements-2023.csv',
      description: 'Une ligne par département. Encodage windows-1252.',
      type: 'main', format: 'csv', mime: 'text/csv',
      created_at: '2024-10-03T08:00:00.000000+00:00',
      last_modified: '2024-10-03T08:00:00.000000+00:00',
      file: {
        path: 'resources/depenses-culturelles-des-departements/20241003-080000/depenses-culturelles-departements-2023.csv',
        contentType: 'text/csv',
        bytes: spendingCsv,
      },
    }],
  },
  {
    id: '64c0ffee0000000000000005',
    slug: 'lieux-culturels-en-geojson',
    title: 'Lieux culturels en GeoJSON',
    description: CULTURE_DESCRIPTION('Théâtres, cinémas, bibliothèques, musées et autres lieux culturels, ' +
      'au format GeoJSON (points).'),
    tags: ['culture', 'equipements-culturels', 'geojson', 'cartographie'],
    organization: 'culture',
    license: 'odc-odbl',
    frequency: 'quarterly',
    created_at: '2023-01-10T13:00:00.000000+00:00',
    last_modified: '2025-09-01T07:30:00.000000+00:00',
    temporal_coverage: null,
    spatial: { zones: ['country:fr'], granularity: 'poi' },
    resources: [{
      id: 'c0ffee05-0000-4000-8000-000000000001',
      title: 'lieux-culturels.geojson',
      description: 'Points (longitude, latitude en WGS 84).',
      type: 'main', format: 'geojson', mime: 'application/geo+json',
      created_at: '2023-01-10T13:00:00.000000+00:00',
      last_modified: '2025-09-01T07:30:00.000000+00:00',
      file: {
        path: 'resources/lieux-culturels-en-geojson/20250901-073000/lieux-culturels.geojson',
        contentType: 'application/geo+json',
        bytes: placesBytes,
      },
    }],
  },
  {
    id: '64c0ffee0000000000000006',
    slug: 'frequentation-des-monuments-nationaux',
    title: 'Fréquentation des monuments nationaux',
    description: 'Fréquentation annuelle des monuments gérés par le Centre des monuments nationaux, 2019–2022. ' +
      'Export JSON de l’ancien portail Opendatasoft.',
    tags: ['culture', 'monuments', 'frequentation', 'patrimoine'],
    organization: 'cmn',
    license: 'lov2',
    frequency: 'annual',
    created_at: '2020-02-01T10:00:00.000000+00:00',
    last_modified: '2023-03-15T10:00:00.000000+00:00',
    temporal_coverage: { start: '2019-01-01', end: '2022-12-31' },
    spatial: { zones: ['country:fr'], granularity: 'poi' },
    resources: [{
      id: 'c0ffee06-0000-4000-8000-000000000001',
      title: 'Export JSON',
      description: 'Export Opendatasoft (tableau d’enregistrements).',
      type: 'main', format: 'json', mime: 'application/json',
      created_at: '2020-02-01T10:00:00.000000+00:00',
      last_modified: '2023-03-15T10:00:00.000000+00:00',
      file: {
        path: 'ods/api/explore/v2.1/catalog/datasets/frequentation-des-monuments-nationaux/exports/json',
        contentType: 'application/json; charset=utf-8',
        cors: true,
        bytes: monumentsBytes,
      },
    }],
  },
  {
    id: '64c0ffee0000000000000007',
    slug: 'billetterie-du-spectacle-vivant',
    title: 'Billetterie du spectacle vivant',
    description: CULTURE_DESCRIPTION('Lignes de billetterie des représentations de spectacle vivant, 2019–2024 ' +
      '(500 000 lignes) : date, lieu, discipline, tarif, nombre de billets, recette.'),
    tags: ['culture', 'spectacle-vivant', 'billetterie', 'sibil'],
    organization: 'culture',
    license: 'lov2',
    frequency: 'monthly',
    created_at: '2021-09-01T08:00:00.000000+00:00',
    last_modified: '2025-10-05T06:00:00.000000+00:00',
    temporal_coverage: { start: '2019-01-01', end: '2024-12-31' },
    spatial: { zones: ['country:fr'], granularity: 'fr:commune' },
    resources: [{
      id: 'c0ffee07-0000-4000-8000-000000000001',
      title: 'billetterie-spectacle-vivant-2019-2024.csv',
      description: 'Une ligne par vente (500 000 lignes, ~53 Mo).',
      type: 'main', format: 'csv', mime: 'text/csv',
      created_at: '2021-09-01T08:00:00.000000+00:00',
      last_modified: '2025-10-05T06:00:00.000000+00:00',
      file: {
        path: 'resources/billetterie-du-spectacle-vivant/20251005-060000/billetterie-spectacle-vivant-2019-2024.csv',
        contentType: 'text/csv; charset=utf-8',
        // 53 MB: the metadata states the size without generating the file (checksum unknown)
        size: 53000132,
        bytes: ticketingCsv,
      },
      tabular: { table: ticketingTable, aggregation: true, separator: ';' },
    }],
  },
  {
    id: '64c0ffee0000000000000008',
    slug: 'musees-sans-cors',
    title: 'Musées de France (fichier hébergé sans CORS)',
    description: 'Liste des musées publiée sur le serveur du producteur, qui n’envoie aucun en-tête CORS : ' +
      'un navigateur ne peut pas la lire directement.',
    tags: ['culture', 'musees'],
    organization: 'culture',
    license: 'lov2',
    frequency: 'irregular',
    created_at: '2019-06-01T08:00:00.000000+00:00',
    last_modified: '2024-06-01T08:00:00.000000+00:00',
    temporal_coverage: null,
    spatial: null,
    resources: [{
      id: 'c0ffee08-0000-4000-8000-000000000001',
      title: 'musees-de-france.csv',
      description: 'Fichier distant (serveur du producteur).',
      type: 'main', format: 'csv', mime: 'text/csv',
      created_at: '2019-06-01T08:00:00.000000+00:00',
      last_modified: '2024-06-01T08:00:00.000000+00:00',
      file: {
        host: 'remote',
        path: 'exports/musees-de-france.csv',
        contentType: 'text/csv; charset=utf-8',
        cors: false,
        bytes: noCorsCsv,
      },
    }],
  },
  {
    id: '64c0ffee0000000000000009',
    slug: 'jeu-de-donnees-hostile',
    title: `Jeu de données hostile ${XSS.img}${XSS.script}`,
    description: `${XSS.script}\n\n${XSS.img} [cliquez ici](${XSS.js}) ${XSS.template} <a href="${XSS.js}">lien</a>`,
    tags: [XSS.svg, 'culture'],
    organization: 'hostile',
    license: 'notspecified',
    frequency: 'unknown',
    page: `${XSS.js}https://www.data.gouv.fr/fr/datasets/jeu-de-donnees-hostile/`,
    created_at: '2025-01-01T00:00:00.000000+00:00',
    last_modified: '2025-01-02T00:00:00.000000+00:00',
    temporal_coverage: null,
    spatial: null,
    resources: [{
      id: 'c0ffee09-0000-4000-8000-000000000001',
      title: `donnees ${XSS.img}.csv`,
      description: `${XSS.script} ${XSS.attr}`,
      type: 'main', format: 'csv', mime: 'text/csv',
      created_at: '2025-01-01T00:00:00.000000+00:00',
      last_modified: '2025-01-02T00:00:00.000000+00:00',
      file: {
        path: 'resources/jeu-de-donnees-hostile/20250102-000000/donnees-%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3Dtrue%3E.csv',
        contentType: 'text/csv; charset=utf-8',
        bytes: hostileCsv,
      },
      tabular: { table: hostileTable, aggregation: false, separator: ';' },
    }],
  },
  {
    id: '64c0ffee0000000000000010',
    slug: 'jeu-de-donnees-supprime',
    title: 'Jeu de données supprimé',
    description: 'Ce jeu de données a été supprimé par son producteur.',
    tags: ['culture'],
    organization: 'culture',
    license: 'lov2',
    frequency: 'unknown',
    deleted: '2025-03-14 09:00:00.000000+00:00',
    created_at: '2020-01-01T00:00:00.000000+00:00',
    last_modified: '2025-03-14T09:00:00.000000+00:00',
    temporal_coverage: null,
    spatial: null,
    resources: [{
      id: 'c0ffee10-0000-4000-8000-000000000001',
      title: 'ancien-fichier.csv',
      description: '',
      type: 'main', format: 'csv', mime: 'text/csv',
      created_at: '2020-01-01T00:00:00.000000+00:00',
      last_modified: '2020-01-01T00:00:00.000000+00:00',
      file: {
        path: 'resources/jeu-de-donnees-supprime/20200101-000000/ancien-fichier.csv',
        contentType: 'text/csv; charset=utf-8',
        bytes: () => Buffer.from(toCsv(['annee', 'total'], [[2019, 1], [2020, 2]]), 'utf8'),
      },
      tabular: { table: () => buildTable([{ name: 'annee', type: 'int', format: 'year' }, { name: 'total', type: 'int' }], [[2019, 1], [2020, 2]]), aggregation: false, separator: ';' },
    }],
  },
  {
    id: '64c0ffee0000000000000021',
    slug: 'museofile-base-des-musees-de-france',
    title: 'Muséofile : base des musées de France',
    description: CULTURE_DESCRIPTION('Répertoire des musées de France : domaines des collections (`dompal`, ' +
      'plusieurs valeurs séparées par des points-virgules), date de création, siècle du bâtiment, surface.'),
    tags: ['culture', 'musees', 'museofile', 'patrimoine'],
    organization: 'culture',
    license: 'lov2',
    frequency: 'irregular',
    created_at: '2019-11-05T10:00:00.000000+00:00',
    last_modified: '2025-05-20T09:15:00.000000+00:00',
    temporal_coverage: null,
    spatial: { zones: ['country:fr'], granularity: 'poi' },
    resources: [{
      id: 'c0ffee21-0000-4000-8000-000000000001',
      title: 'museofile.csv',
      description: 'Une ligne par musée.',
      type: 'main', format: 'csv', mime: 'text/csv',
      created_at: '2019-11-05T10:00:00.000000+00:00',
      last_modified: '2025-05-20T09:15:00.000000+00:00',
      file: {
        path: 'resources/museofile-base-des-musees-de-france/20250520-091500/museofile.csv',
        contentType: 'text/csv; charset=utf-8',
        bytes: museofileCsv,
      },
      tabular: { table: museofileTable, aggregation: true, separator: ';' },
    }],
  },
  {
    id: '64c0ffee0000000000000022',
    slug: 'population-legale-des-departements',
    title: 'Population légale des départements (2021)',
    description: 'Populations municipale (PMUN) et totale (PTOT) par département, au 1er janvier 2021. ' +
      'Export d’un tableur : les codes 01 à 09 ont perdu leur zéro.',
    tags: ['population', 'insee', 'departements'],
    organization: 'observatoire',
    license: 'lov2',
    frequency: 'annual',
    created_at: '2024-01-02T09:00:00.000000+00:00',
    last_modified: '2024-01-02T09:00:00.000000+00:00',
    temporal_coverage: { start: '2021-01-01', end: '2021-12-31' },
    spatial: { zones: ['country:fr'], granularity: 'fr:departement' },
    resources: [{
      id: 'c0ffee22-0000-4000-8000-000000000001',
      title: 'population-legale-departements-2021.csv',
      description: 'Une ligne par département.',
      type: 'main', format: 'csv', mime: 'text/csv',
      created_at: '2024-01-02T09:00:00.000000+00:00',
      last_modified: '2024-01-02T09:00:00.000000+00:00',
      file: {
        path: 'resources/population-legale-des-departements/20240102-090000/population-legale-departements-2021.csv',
        contentType: 'text/csv; charset=utf-8',
        bytes: populationCsv,
      },
      tabular: { table: populationTable, aggregation: true, separator: ';' },
    }],
  },
  {
    id: '64c0ffee0000000000000011',
    slug: 'musees-de-france-formats-ouverts',
    title: 'Musées de France — tableurs, XML et Parquet',
    description: CULTURE_DESCRIPTION('La liste officielle des musées de France publiée dans plusieurs formats ouverts : ' +
      'classeur Excel (avec une ligne de titre au-dessus des en-têtes), OpenDocument, Excel 97, XML et Parquet.'),
    tags: ['culture', 'musees', 'musee-de-france', 'tableur'],
    organization: 'culture',
    license: 'lov2',
    frequency: 'irregular',
    created_at: '2022-01-27T10:00:00.000000+00:00',
    last_modified: '2022-01-27T10:00:00.000000+00:00',
    temporal_coverage: null,
    spatial: { zones: ['country:fr'], granularity: 'poi' },
    resources: [
      formatResource('11', 1, 'liste-officielle-museesdf-20220127-data.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', formats.museumsXlsx, 'Classeur : « Musées » (ligne de titre au-dessus des en-têtes) et « Fréquentation » (en-têtes sur deux lignes, cellules fusionnées).'),
      formatResource('11', 2, 'liste-officielle-museesdf-20220127-data.ods', 'ods', 'application/vnd.oasis.opendocument.spreadsheet', formats.museumsOds, 'Le même classeur au format OpenDocument.'),
      formatResource('11', 3, 'liste-officielle-museesdf-20220127-data.xls', 'xls', 'application/vnd.ms-excel', formats.museumsXls, 'Le même classeur au format Excel 97-2003.'),
      formatResource('11', 4, 'musees-de-france.xml', 'xml', 'application/xml', formats.museumsXml, 'Un élément <musee> par musée (espaces de noms, attributs, domaines multiples).'),
      formatResource('11', 5, 'musees-de-france.parquet', 'parquet', 'application/vnd.apache.parquet', formats.museumsParquet, 'Colonnes typées, compression zstd, groupes de 50 lignes.'),
      formatResource('11', 6, 'musees-de-france.csv', 'csv', 'text/csv', formats.museumsXlsx, 'Déclaré CSV, mais c’est un classeur Excel.'),
    ],
  },
  {
    id: '64c0ffee0000000000000012',
    slug: 'fichiers-illisibles',
    title: 'Fichiers illisibles',
    description: 'Des fichiers qu’aucun lecteur ne doit transformer en lignes : classeur tronqué, classeur protégé par un mot de passe, ' +
      'feuille vide, XML sans enregistrements, Parquet compressé en LZO, PDF.',
    tags: ['culture', 'tests'],
    organization: 'observatoire',
    license: 'lov2',
    frequency: 'unknown',
    created_at: '2024-01-01T00:00:00.000000+00:00',
    last_modified: '2024-01-01T00:00:00.000000+00:00',
    temporal_coverage: null,
    spatial: null,
    resources: [
      formatResource('12', 1, 'classeur-tronque.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', formats.truncatedXlsx, 'Téléchargement interrompu.'),
      formatResource('12', 2, 'classeur-protege.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', formats.protectedXlsx, 'Protégé par un mot de passe.'),
      formatResource('12', 3, 'feuille-vide.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', formats.emptySheetXlsx, 'Une seule feuille, vide.'),
      formatResource('12', 4, 'rapport.xml', 'xml', 'application/xml', formats.reportXml, 'Un document, pas une liste.'),
      formatResource('12', 5, 'codec-lzo.parquet', 'parquet', 'application/vnd.apache.parquet', formats.lzoParquet, 'Compressé en LZO.'),
      formatResource('12', 6, 'presentation.pdf', 'pdf', 'application/pdf', formats.pdf, 'Un PDF.'),
    ],
  },
  {
    id: '64c0ffee0000000000000013',
    slug: 'entrees-des-lieux-culturels',
    title: 'Entrées des lieux culturels',
    description: CULTURE_DESCRIPTION('Entrées et recettes journalières des lieux culturels, 2019–2024 (200 000 lignes), ' +
      'avec un commentaire libre par ligne.'),
    tags: ['culture', 'frequentation', 'lieux-culturels'],
    organization: 'culture',
    license: 'lov2',
    frequency: 'monthly',
    created_at: '2024-02-01T08:00:00.000000+00:00',
    last_modified: '2025-10-01T06:00:00.000000+00:00',
    temporal_coverage: { start: '2019-01-01', end: '2024-12-31' },
    spatial: { zones: ['country:fr'], granularity: 'fr:commune' },
    resources: [{
      id: 'c0ffee13-0000-4000-8000-000000000001',
      title: 'entrees-lieux-culturels-2019-2024.csv',
      description: 'Une ligne par lieu et par jour (200 000 lignes).',
      type: 'main', format: 'csv', mime: 'text/csv',
      created_at: '2024-02-01T08:00:00.000000+00:00',
      last_modified: '2025-10-01T06:00:00.000000+00:00',
      file: {
        path: 'resources/entrees-des-lieux-culturels/20251001-060000/entrees-lieux-culturels-2019-2024.csv',
        contentType: 'text/csv; charset=utf-8',
        bytes: formats.visitsCsv,
      },
      // hydra's copy: analysis:parsing:parquet_url / parquet_size (API.md § 2.10)
      parquet: formats.visitsParquet,
      tabular: { table: formats.visitsTable, aggregation: false, separator: ';' },
    }],
  },
];

/** A resource of the formats datasets: a static file, not in the tabular API. */
function formatResource(dataset, n, title, format, mime, bytes, description) {
  const slug = dataset === '11' ? 'musees-de-france-formats-ouverts' : 'fichiers-illisibles';
  return {
    id: `c0ffee${dataset}-0000-4000-8000-00000000000${n}`,
    title, description, type: 'main', format, mime,
    created_at: '2022-01-27T10:00:00.000000+00:00',
    last_modified: '2022-01-27T10:00:00.000000+00:00',
    file: { path: `resources/${slug}/20220127-100000/${title}`, contentType: mime, bytes },
  };
}

/** The first 200 museums, as the producer's own server publishes them. */
function noCorsCsv() {
  const rows = museums.museums().slice(0, 200).map((m) => [m.museofile, m.nom, m.commune.nom, m.commune.insee,
    m.commune.departement.nom, m.lat, m.lon]);
  return Buffer.from(toCsv(['id_museofile', 'nom', 'commune', 'code_insee', 'departement', 'latitude', 'longitude'], rows), 'utf8');
}

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

/** The resource whose Parquet copy lives at `hydra-parquet/hydra-parquet/{rid}.parquet`. */
export function findParquetCopy(path) {
  const rid = /^hydra-parquet\/hydra-parquet\/([0-9a-f-]+)\.parquet$/.exec(path)?.[1];
  const found = rid ? findResource(rid) : null;
  return found?.resource.parquet && !found.dataset.deleted ? found : null;
}

export const parquetCopyPath = (resource) => `hydra-parquet/hydra-parquet/${resource.id}.parquet`;

/** Every file the portal serves, by host and path. */
export function findFile(host, path) {
  for (const dataset of DATASETS) {
    for (const resource of dataset.resources) {
      const file = resource.file;
      if (file && (file.host ?? 'static') === host && (file.path === path || decodeURIComponent(file.path) === path)) {
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
