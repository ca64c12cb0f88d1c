/**
 * Every user-facing sentence of core, in French and English: small functions of the details, no
 * markup. Each package keeps its own sentences the same way (one table per locale, typed
 * `satisfies Record<Key, Say>` so a missing key does not compile) and hands them to the errors
 * and warnings it raises (`defineMessages`, errors.ts).
 */
import type { ErrorCode, Lang, WarningCode } from './types.js';

export type Details = Record<string, unknown>;
export type Say = (details: Details) => string;
/** A package's sentences, one table per locale, keyed by message key. */
export type Sentences<K extends string = string> = Record<Lang, Record<K, Say>>;

/** `« a », « b »` (fr) / `"a", "b"` (en). */
export const quoteList = (v: unknown, lang: Lang): string =>
  (Array.isArray(v) ? v.map((x) => (lang === 'en' ? `"${String(x)}"` : `« ${String(x)} »`)).join(', ') : '');
const mb = (v: unknown): string => (typeof v === 'number' ? String(Math.round(v / 1e6)) : '?');
/** « Colonnes disponibles : … » when the details list them. */
export const availableColumns = (d: Details, lang: Lang): string =>
  (Array.isArray(d.available) && d.available.length
    ? (lang === 'en' ? ` Available columns: ${quoteList(d.available, lang)}.` : ` Colonnes disponibles : ${quoteList(d.available, lang)}.`)
    : '');

type CoreKey = ErrorCode | WarningCode;

const fr = {
  'not-found': () => 'Jeu de données ou ressource introuvable.',
  gone: () => 'Cette ressource a été supprimée par son producteur.',
  network: () => 'Le réseau ne répond pas : vérifiez la connexion et réessayez.',
  timeout: () => 'Le serveur a mis trop de temps à répondre.',
  cors: () => 'Le serveur qui héberge ce fichier n’autorise pas sa lecture depuis une autre page (CORS). Téléchargez-le directement.',
  'rate-limited': () => 'Trop de requêtes : le serveur demande d’attendre. Réessayez dans un instant.',
  'too-large': (d) => `Fichier trop volumineux pour être lu dans la page (${mb(d.size)} Mo, limite ${mb(d.limit)} Mo). Téléchargez-le directement.`,
  parse: () => 'Le fichier n’a pas pu être lu (format non reconnu).',
  'bad-filter': (d) => `Filtre invalide : ${badFilterFr(d)}`,
  'unknown-column': (d) => `Colonne inconnue${d.column ? ` « ${String(d.column)} »` : ''}.${availableColumns(d, 'fr')}`,
  'no-source': () => 'Aucune source de données sur la page.',
  server: () => 'Le serveur de données a renvoyé une erreur.',
  aborted: () => 'Chargement annulé.',
  'invalid-value': (d) =>
    `${String(d.attribute)}="${String(d.value)}" n’est pas une valeur possible (${(d.allowed as string[] | undefined)?.join(', ') ?? ''}) : ${d.accepted ? `${String(d.accepted)} est utilisé` : 'valeur par défaut'}.`,
  clamped: (d) => `${String(d.attribute)}="${String(d.value)}" est ramené à ${String(d.accepted)} (de ${String(d.min)} à ${String(d.max)}).`,
} satisfies Record<CoreKey, Say>;

const en = {
  'not-found': () => 'Dataset or resource not found.',
  gone: () => 'This resource was deleted by its producer.',
  network: () => 'The network does not answer: check the connection and try again.',
  timeout: () => 'The server took too long to answer.',
  cors: () => 'The server hosting this file does not allow reading it from another page (CORS). Download it directly.',
  'rate-limited': () => 'Too many requests: the server asks to wait. Try again in a moment.',
  'too-large': (d) => `File too large to read in the page (${mb(d.size)} MB, limit ${mb(d.limit)} MB). Download it directly.`,
  parse: () => 'The file could not be read (unrecognised format).',
  'bad-filter': (d) => `Invalid filter: ${badFilterEn(d)}`,
  'unknown-column': (d) => `Unknown column${d.column ? ` “${String(d.column)}”` : ''}.${availableColumns(d, 'en')}`,
  'no-source': () => 'No data source on the page.',
  server: () => 'The data server returned an error.',
  aborted: () => 'Loading cancelled.',
  'invalid-value': (d) =>
    `${String(d.attribute)}="${String(d.value)}" is not a possible value (${(d.allowed as string[] | undefined)?.join(', ') ?? ''}): ${d.accepted ? `${String(d.accepted)} is used` : 'default value'}.`,
  clamped: (d) => `${String(d.attribute)}="${String(d.value)}" is brought to ${String(d.accepted)} (${String(d.min)} to ${String(d.max)}).`,
} satisfies Record<CoreKey, Say>;

export const CORE_SENTENCES: Sentences<CoreKey> = { fr, en };

/** Why a filter clause was refused; `reason` is set by the filter parser. */
function badFilterFr(d: Details): string {
  const at = d.clause ? ` dans « ${String(d.clause)} »` : '';
  switch (d.reason) {
    case 'unknown-operator': return `opérateur inconnu${at}. Opérateurs : = != > >= < <= ~ !~ in, is empty, is not empty.`;
    case 'unbalanced-quote': return `guillemet non fermé${at}.`;
    case 'missing-value': return `valeur manquante${at}.`;
    case 'missing-operator': return `opérateur manquant${at}.`;
    case 'missing-column': return `nom de colonne manquant${at}.`;
    case 'not-a-number': return `« ${String(d.value)} » n’est pas un nombre (colonne « ${String(d.column)} »).`;
    case 'text-operator': return `l’opérateur ${String(d.op)} ne s’applique qu’au texte (colonne « ${String(d.column)} »).`;
    default: return `expression non comprise${at}.`;
  }
}

function badFilterEn(d: Details): string {
  const at = d.clause ? ` in “${String(d.clause)}”` : '';
  switch (d.reason) {
    case 'unknown-operator': return `unknown operator${at}. Operators: = != > >= < <= ~ !~ in, is empty, is not empty.`;
    case 'unbalanced-quote': return `unbalanced quote${at}.`;
    case 'missing-value': return `missing value${at}.`;
    case 'missing-operator': return `missing operator${at}.`;
    case 'missing-column': return `missing column name${at}.`;
    case 'not-a-number': return `“${String(d.value)}” is not a number (column “${String(d.column)}”).`;
    case 'text-operator': return `operator ${String(d.op)} only applies to text (column “${String(d.column)}”).`;
    default: return `expression not understood${at}.`;
  }
}
