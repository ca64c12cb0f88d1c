import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@culture-widgets/table/culture-table.js';
import '@culture-widgets/chart/culture-chart.js';
import '@culture-widgets/map/culture-map.js';
import '@culture-widgets/source/culture-source.js';
import '@culture-widgets/source/culture-filter.js';
import { controlsOf, element, portal, samplePortal, type Attributes } from './element.js';

/**
 * Shaping the data without code (DESIGN.md § 5): `compute` (one story per function), aggregate
 * expressions in `y` and `value`, `join`, `labels`, and the errors a bad expression gets. Each
 * element's `culture-load` says in `detail.steps` which path ran each step.
 */
const meta: Meta<Attributes> = {
  title: 'Data/Shaping',
  component: 'culture-chart',
  args: { ...samplePortal, dataset: 'museofile-base-des-musees-de-france' },
  argTypes: controlsOf('culture-chart'),
  render: (a) => element('culture-chart', a),
};
export default meta;
type Story = StoryObj<Attributes>;

const MUSEUMS = 'frequentation-des-musees-de-france-1';
const TICKETING = 'billetterie-du-spectacle-vivant';
const POPULATION = 'population-legale-des-departements';
const table = (a: Attributes) => element('culture-table', { 'page-size': '8', ...a });

// --- compute, one function each ------------------------------------------------------------------

/** `year()` of a date written as text (`05/03/1994`, `1994-03-05`, `1994`): museums created per year since 1950. */
export const Year: Story = {
  args: { compute: 'annee_creation = year(date_creation)', x: 'annee_creation', aggregate: 'count', filter: 'annee_creation >= 1950', title: 'Musées créés chaque année depuis 1950' },
};

/** `month()`: « janvier » to « décembre », in calendar order. */
export const Month: Story = {
  args: { compute: 'mois = month(date_creation)', x: 'mois', aggregate: 'count', title: 'Mois de création des musées' },
};

/** `decade()` of a date written as text: the server groups by the text, core by decade (« 1990-1999 »). */
export const Decade: Story = {
  args: { compute: 'decennie = decade(date_creation)', x: 'decennie', aggregate: 'count', title: 'Musées créés par décennie' },
};

/** `time-unit="decade"` does the same on x directly. */
export const TimeUnitDecade: Story = {
  args: { x: 'date_creation', 'time-unit': 'decade', aggregate: 'count', labels: 'date_creation: Décennie de création' },
};

/** `century()` from catalogue text: « XVIIe siècle », « 17e s. », « 2e moitié du XIXe siècle », « vers 1650 ». */
export const Century: Story = {
  args: { compute: 'siecle_du_batiment = century(siecle)', x: 'siecle_du_batiment', aggregate: 'count', title: 'Siècle des bâtiments' },
};

/** `bin()`: ordered ranges, lower edge included, « moins de … » and « … et plus ». */
export const Bin: Story = {
  args: { compute: 'taille = bin(surface, 0|500|2000|10000)', x: 'taille', aggregate: 'count', title: 'Musées par surface (m²)' },
};

/** `split()`: « Archéologie;Beaux-Arts » counts once for each domain (rows are read: the CSV export). */
export const Split: Story = {
  args: { compute: "domaine = split(dompal, ';')", x: 'domaine', aggregate: 'count', type: 'bar', title: 'Musées par domaine de collection' },
};

/** `clean()`: « BRETAGNE », « Ile de France », « Centre Val de Loire » fall together under the most frequent spelling. */
export const Clean: Story = {
  args: { compute: 'region_propre = clean(region)', x: 'region_propre', aggregate: 'count', type: 'bar', title: 'Musées par région' },
};

/** `lower()`, `upper()`, `trim()`: on a table column. */
export const LowerUpperTrim: Story = {
  args: { compute: 'nom_minuscules = lower(nom); ville_majuscules = upper(trim(ville))', columns: 'nom, nom_minuscules, ville_majuscules' },
  render: table,
};

/** `coalesce()`: the first value that is not empty. */
export const Coalesce: Story = {
  args: { compute: "domaines = coalesce(dompal, 'Non renseigné')", columns: 'nom, domaines', sort: 'domaines' },
  render: table,
};

/** Arithmetic, row by row: a division by zero or by an empty cell is empty, never « Infinity ». */
export const Arithmetic: Story = {
  args: { compute: 'objets_par_m2 = collections / surface', columns: 'nom, collections, surface, objets_par_m2', sort: '-objets_par_m2' },
  render: table,
};

/** Computed columns on a `<culture-source>`: controls list their values with counts, in their order. */
export const OnASource: Story = {
  render: () => html`<culture-source id="shaping-source" dataset="museofile-base-des-musees-de-france" api=${`${portal}/api`} tabular-api=${`${portal}/tabular/api`}
      compute="domaine = split(dompal, ';'); decennie = decade(date_creation)"></culture-source>
    <culture-filter source="shaping-source" column="domaine"></culture-filter>
    <culture-filter source="shaping-source" column="decennie"></culture-filter>
    <culture-table source="shaping-source" columns="nom, domaine, decennie" page-size="8" labels="domaine: Domaines"></culture-table>`,
};

// --- aggregate expressions ---------------------------------------------------------------------

/** A ratio of sums per year (one `groupby` request), named: `taux = sum(gratuit) / sum(total) * 100`. */
export const RatioOfSums: Story = {
  args: { dataset: MUSEUMS, x: 'annee', y: 'taux = sum(gratuit) / sum(total) * 100', unit: '%', title: 'Part des entrées gratuites' },
};

/** A bare column takes `aggregate`: `gratuit / total` is `sum(gratuit) / sum(total)`; « Autres » by the same expression. */
export const BareColumns: Story = {
  args: { dataset: MUSEUMS, type: 'bar', x: 'region', y: 'gratuit / total', filter: 'annee = 2024', limit: '6' },
};

/** `count()`, `count(c)` (non-empty), `distinct(c)`: several measures side by side. */
export const Counts: Story = {
  args: { dataset: MUSEUMS, type: 'column', x: 'annee', y: 'musees = count(), avec_total = count(total), villes = distinct(ville)', filter: 'annee >= 2020' },
};

/** `mean()` (a sum ÷ count on the server), `median()` (rows), `min()`, `max()`. */
export const MeanMedianMinMax: Story = {
  args: { dataset: MUSEUMS, x: 'annee', y: 'moyenne = mean(total), mediane = median(total), plus_petit = min(total), plus_grand = max(total)', title: 'Entrées par musée' },
};

/** A scatter of groups: an expression on x and on y, one point per discipline. */
export const ScatterOfGroups: Story = {
  args: { dataset: TICKETING, type: 'scatter', group: 'discipline', x: 'prix_moyen = sum(recette) / sum(nb_billets)', y: 'billets = sum(nb_billets)' },
};

// --- join ----------------------------------------------------------------------------------------

/** Per capita: tickets over 500,000 rows ÷ a population from another dataset. Two `groupby` requests, no row downloaded. */
export const PerCapitaMap: Story = {
  render: () => html`<culture-source id="pop-story" dataset=${POPULATION} api=${`${portal}/api`} tabular-api=${`${portal}/tabular/api`}></culture-source>
    <culture-map dataset=${TICKETING} api=${`${portal}/api`} tabular-api=${`${portal}/tabular/api`} boundaries=${`${portal}/static/geo/{level}.geojson`}
      tiles="none" code="code_departement" join="pop-story on code_departement = DEP"
      value="billets = sum(nb_billets) / join.PMUN * 1000" labels="billets: Billets pour 1 000 habitants"></culture-map>`,
};

/** Keys without a match (975, 977) are listed in a note and in `culture-load`'s detail, never dropped. */
export const UnmatchedKeys: Story = {
  args: { type: 'bar', x: 'code_departement', y: 'musees_par_million = count() / join.PMUN * 1000000', join: `${POPULATION} on code_departement = DEP`, limit: '12' },
};

/** A table joined row by row: `join.COLUMN` in `columns`. */
export const JoinedTable: Story = {
  args: { columns: 'nom, code_departement, join.Département, join.PMUN', join: `${POPULATION} on code_departement = DEP` },
  render: table,
};

// --- labels --------------------------------------------------------------------------------------

/** Readable names without `labels`: `nom_du_musee` → « Nom du musée », `codeInseeCommune` → « Code INSEE commune ». */
export const ReadableNames: Story = {
  args: { dataset: MUSEUMS, columns: 'nom_du_musee, ville, codeInseeCommune, annee, total' },
  render: table,
};

/** `labels` on headers, axes, legends, tooltips; the CSV keeps the source names. */
export const Labels: Story = {
  args: { dataset: MUSEUMS, type: 'column', x: 'annee', y: 'payant, gratuit', filter: 'annee >= 2019', labels: 'annee: Année; payant: Entrées payantes; gratuit: Entrées gratuites' },
};

// --- bad input -----------------------------------------------------------------------------------

/** A syntax error names the token: « parenthèse fermante en trop dans « sum(total)) » ». */
export const SyntaxError: Story = { args: { dataset: MUSEUMS, x: 'annee', y: 'sum(total))' } };

/** An unknown function lists the functions. */
export const UnknownFunction: Story = { args: { dataset: MUSEUMS, x: 'annee', y: 'somme(total)' } };

/** An unknown column lists the columns. */
export const UnknownColumn: Story = { args: { dataset: MUSEUMS, x: 'annee', y: 'sum(totl) / sum(gratuit)' } };

/** A computed column that shadows a real one is refused. */
export const Shadowing: Story = { args: { dataset: MUSEUMS, compute: 'total = payant + gratuit', x: 'annee', y: 'total' } };

/** `split()` cuts text, not numbers. */
export const SplitOnNumbers: Story = { args: { compute: "parts = split(surface, ';')", x: 'parts', aggregate: 'count' } };

/** A joined dataset that cannot be read says which join failed. */
export const JoinFailing: Story = { args: { x: 'code_departement', y: 'count() / join.PMUN', join: 'population-inexistante on code_departement = DEP' } };
