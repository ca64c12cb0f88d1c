/** Column profiles shaped like the sample portal's resources (written by hand, not copied). */
import type { ColumnInfo } from '@culture-widgets/core';

/** `frequentation-des-musees-de-france-1`: museum × year, attendance counts. */
export const attendance: ColumnInfo[] = [
  { name: 'IDPatrimostat', type: 'string', distinct: 1200 },
  { name: 'IDMuseofile', type: 'string', distinct: 1200 },
  { name: 'region', type: 'string', categorical: true, distinct: 22 },
  { name: 'departement', type: 'string', distinct: 101 },
  { name: 'nom_du_musee', type: 'string', distinct: 1190 },
  { name: 'ville', type: 'string', distinct: 900 },
  { name: 'codeInseeCommune', type: 'string', format: 'code_commune_insee', distinct: 900 },
  { name: 'annee', type: 'integer', format: 'year', min: 2014, max: 2024, distinct: 11, categorical: true },
  { name: 'payant', type: 'integer', min: 0, max: 9000000 },
  { name: 'gratuit', type: 'integer', min: 0, max: 2000000 },
  { name: 'total', type: 'integer', min: 0, max: 10000000 },
  { name: 'individuel', type: 'integer' },
  { name: 'scolaires', type: 'integer' },
];

/** `liste-et-localisation-des-musees-de-france`: one row per museum, no measure. */
export const museums: ColumnInfo[] = [
  { name: 'Région administrative', type: 'string', categorical: true, distinct: 18 },
  { name: 'Département', type: 'string', distinct: 101 },
  { name: 'Identifiant Muséofile', type: 'string', distinct: 1220 },
  { name: 'Commune', type: 'string', distinct: 950 },
  { name: 'Nom officiel du musée', type: 'string', distinct: 1200 },
  { name: 'Code Postal', type: 'string', format: 'code_postal' },
  { name: 'URL', type: 'string', format: 'url' },
  { name: 'Latitude', type: 'number', format: 'latitude_wgs' },
  { name: 'Longitude', type: 'number', format: 'longitude_wgs' },
  { name: 'geolocalisation', type: 'string', format: 'latlon_wgs' },
  { name: 'Date arrêté attribution appellation', type: 'date' },
];

/** `billetterie-du-spectacle-vivant`: 500k ticket sales. */
export const tickets: ColumnInfo[] = [
  { name: 'date', type: 'date' },
  { name: 'discipline', type: 'string', categorical: true, distinct: 6 },
  { name: 'salle', type: 'string', distinct: 400 },
  { name: 'prix', type: 'number' },
  { name: 'billets', type: 'integer' },
];

/** Two measures, no time: a scatter. */
export const budgets: ColumnInfo[] = [
  { name: 'departement', type: 'string', distinct: 101 },
  { name: 'population', type: 'integer' },
  { name: 'depenses', type: 'number' },
];
