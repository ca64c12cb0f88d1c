/** Every user-facing sentence of core, in French and English: small functions, no markup. */
import type { ErrorCode, Lang } from './types.js';

type Details = Record<string, unknown>;
type Say = (d: Details) => string;

const list = (v: unknown, open = '« ', close = ' »'): string =>
  (Array.isArray(v) ? v.map((x) => `${open}${String(x)}${close}`).join(', ') : '');
const mb = (v: unknown): string => (typeof v === 'number' ? String(Math.round(v / 1e6)) : '?');

const fr: Record<string, Say> = {
  'not-found': () => 'Jeu de données ou ressource introuvable.',
  gone: () => 'Cette ressource a été supprimée par son producteur.',
  network: () => 'Le réseau ne répond pas : vérifiez la connexion et réessayez.',
  timeout: () => 'Le serveur a mis trop de temps à répondre.',
  cors: () => 'Le serveur qui héberge ce fichier n’autorise pas sa lecture depuis une autre page (CORS). Téléchargez-le directement.',
  'rate-limited': () => 'Trop de requêtes : le serveur demande d’attendre. Réessayez dans un instant.',
  'too-large': (d) => `Fichier trop volumineux pour être lu dans la page (${mb(d.size)} Mo, limite ${mb(d.limit)} Mo). Téléchargez-le directement.`,
  parse: () => 'Le fichier n’a pas pu être lu (format non reconnu).',
  'bad-filter': (d) => `Filtre invalide : ${badFilterFr(d)}`,
  'unknown-column': (d) => `Colonne inconnue${d.column ? ` « ${String(d.column)} »` : ''}.${Array.isArray(d.available) && d.available.length ? ` Colonnes disponibles : ${list(d.available)}.` : ''}`,
  server: () => 'Le serveur de données a renvoyé une erreur.',
  aborted: () => 'Chargement annulé.',
};

const en: Record<string, Say> = {
  'not-found': () => 'Dataset or resource not found.',
  gone: () => 'This resource was deleted by its producer.',
  network: () => 'The network does not answer: check the connection and try again.',
  timeout: () => 'The server took too long to answer.',
  cors: () => 'The server hosting this file does not allow reading it from another page (CORS). Download it directly.',
  'rate-limited': () => 'Too many requests: the server asks to wait. Try again in a moment.',
  'too-large': (d) => `File too large to read in the page (${mb(d.size)} MB, limit ${mb(d.limit)} MB). Download it directly.`,
  parse: () => 'The file could not be read (unrecognised format).',
  'bad-filter': (d) => `Invalid filter: ${badFilterEn(d)}`,
  'unknown-column': (d) => `Unknown column${d.column ? ` “${String(d.column)}”` : ''}.${Array.isArray(d.available) && d.available.length ? ` Available columns: ${list(d.available, '"', '"')}.` : ''}`,
  server: () => 'The data server returned an error.',
  aborted: () => 'Loading cancelled.',
};

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

/** The sentence for an error code, in `lang`. */
export function errorMessage(code: ErrorCode, lang: Lang, details: Details = {}): string {
  return (lang === 'en' ? en : fr)[code]!(details);
}
