/**
 * How columns are called on screen (DESIGN.md § 5): `labels="annee: Année; total: Entrées"`,
 * and without it, names made readable: `_`, `-` and camelCase humps become spaces, a capital
 * first, common French words re-accented (`annee` → « Année », `codeInseeCommune` →
 * « Code INSEE commune »). Used for headers, axes, legends, tooltips, popups, filter controls,
 * summaries and captions; CSV exports keep the source names.
 */
import { CultureError } from './errors.js';
import { matchColumn } from './columns.js';

/** Words data files write without their accents, and acronyms written in capitals. */
const WORDS: Record<string, string> = {
  a: 'à', annee: 'année', annees: 'années', region: 'région', regions: 'régions', regional: 'régional',
  departement: 'département', departements: 'départements', departemental: 'départemental',
  musee: 'musée', musees: 'musées', categorie: 'catégorie', categories: 'catégories', siecle: 'siècle',
  siecles: 'siècles', periode: 'période', epoque: 'époque', theatre: 'théâtre', theatres: 'théâtres',
  cinema: 'cinéma', cinemas: 'cinémas', bibliotheque: 'bibliothèque', bibliotheques: 'bibliothèques',
  telephone: 'téléphone', numero: 'numéro', entree: 'entrée', entrees: 'entrées', creation: 'création',
  frequentation: 'fréquentation', equipement: 'équipement', equipements: 'équipements',
  evenement: 'événement', evenements: 'événements', edition: 'édition', prefecture: 'préfecture',
  propriete: 'propriété', proprietaire: 'propriétaire', depense: 'dépense', depenses: 'dépenses',
  libelle: 'libellé', ecole: 'école', ecoles: 'écoles', eleve: 'élève', eleves: 'élèves',
  etablissement: 'établissement', etablissements: 'établissements', decennie: 'décennie',
  activite: 'activité', activites: 'activités', geolocalisation: 'géolocalisation', precision: 'précision',
  representation: 'représentation', representations: 'représentations', cree: 'créé', creee: 'créée',
  arrete: 'arrêté', electrique: 'électrique', interet: 'intérêt', patrimoine: 'patrimoine',
  insee: 'INSEE', id: 'ID', url: 'URL', uai: 'UAI', siret: 'SIRET', siren: 'SIREN', epci: 'EPCI',
  drac: 'DRAC', cog: 'COG', iris: 'IRIS', gps: 'GPS', wgs84: 'WGS84', cp: 'CP', ttc: 'TTC', ht: 'HT',
};

/** A word of WORDS that is French, not an acronym (`musée`, not `INSEE`). */
const isProse = (word: string | undefined): boolean => !!word && word !== word.toUpperCase();

/** `codeInseeCommune` → `code Insee Commune`, `IDPatrimostat` → `ID Patrimostat` (kinds.ts reads names with it too). */
export const camelWords = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');

/** Splits a name into words: `_`, `-`, spaces, and camelCase humps (`codeInseeCommune`, `IDMuseofile`). */
function words(name: string): string[] {
  return camelWords(name).split(/[\s_-]+/).filter(Boolean);
}

/**
 * A readable name for a column: `annee` → « Année », `nom_du_musee` → « Nom du musée »,
 * `codeInseeCommune` → « Code INSEE commune », `NOM_DU_MUSEE` → « Nom du musée » (`NUMDEP`, a code,
 * keeps its capitals). A name already written for people (with spaces, such as « Région
 * administrative ») keeps its words, with a capital first.
 */
export function readableName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return name;
  // a name already written for people keeps its words; only bare lower-case ones are re-accented
  const written = /\s/.test(trimmed);
  const parts = written ? trimmed.split(/(\s+)/) : words(trimmed);
  // a name shouted in capitals (`NOM_DU_MUSEE`) is prose when one of its words is a French word
  // we know; without one (`TXCOUVGLO_COM_2014`, `NUMDEP`) it is a code and keeps its capitals
  const shouted = !written && trimmed === trimmed.toUpperCase() && parts.some((w) => isProse(WORDS[w.toLowerCase()]));
  const out = parts.map((w) => {
    const lower = w.toLowerCase();
    const known = WORDS[lower];
    if (written) return known && w === lower ? known : w;
    if (known) return known;
    // an acronym the file wrote in capitals stays so (`DRAC`, `ID`), other words are lower case
    return !shouted && w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w) ? w : lower;
  }).join(written ? '' : ' ');
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** The labels an author gave: `annee: Année; "Date d'ouverture": Ouverture` (names and labels may be quoted). */
export type Labels = ReadonlyMap<string, string>;

const unquote = (text: string): string => {
  const t = text.trim();
  const q = t[0];
  if ((q === '"' || q === "'") && t.endsWith(q!) && t.length >= 2) return t.slice(1, -1).split(q! + q!).join(q!);
  return t;
};

/** Splits on `separator` outside quotes. */
function splitOutside(text: string, separator: string, limit = Infinity): string[] {
  const parts: string[] = [];
  let quote = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) { if (c === quote) quote = ''; continue; }
    // a quote opens a quoted text only at the start of a name or label (`L'Isle` stays bare)
    if ((c === '"' || c === "'") && text.slice(from, i).trim() === '') { quote = c; continue; }
    if (c === separator && parts.length < limit - 1) { parts.push(text.slice(from, i)); from = i + 1; }
  }
  parts.push(text.slice(from));
  return parts;
}

/** Parses `labels`; throws `bad-expression` on a clause without `:`. */
export function parseLabels(text: string | undefined): Labels {
  const labels = new Map<string, string>();
  for (const clause of splitOutside(text ?? '', ';')) {
    if (!clause.trim()) continue;
    const [name, label] = splitOutside(clause, ':', 2);
    if (label === undefined || !unquote(name!) || !unquote(label)) {
      throw new CultureError('bad-expression', { reason: 'labels-syntax', expression: clause.trim() });
    }
    labels.set(unquote(name!), unquote(label));
  }
  return labels;
}

/** A `;` always ends a clause (even quoted): it is written `,`. */
const quoteLabel = (text: string): string => {
  const t = text.replace(/;/g, ',');
  return /:|^["']|^\s|\s$/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

/**
 * Labels back into the grammar (`annee: Année; "a: b": Ratio`): `parseLabels(formatLabels(l))`
 * equals `l`, but for a `;` in a name or a label, which the grammar cannot hold (written `,`).
 */
export function formatLabels(labels: Labels): string {
  return [...labels].map(([name, label]) => `${quoteLabel(name)}: ${quoteLabel(label)}`).join('; ');
}

/**
 * How a column is called on screen: the author's label (name matched forgiving case and accents),
 * else a readable name; a joined column (`join.PTOT`) is called by its own column (« PTOT »).
 */
export function columnTitle(name: string, labels?: Labels): string {
  if (labels?.size) {
    const exact = labels.get(name);
    if (exact !== undefined) return exact;
    try {
      return labels.get(matchColumn(name, [...labels.keys()]))!;
    } catch {
      // no label for this column: its readable name
    }
  }
  const joined = /^join\.(.+)$/s.exec(name);
  return readableName(joined ? joined[1]! : name);
}
