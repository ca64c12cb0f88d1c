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
/** A long value cut for a sentence. */
const shorten = (v: unknown, max = 80): string => {
  const text = String(v ?? '');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};
/** A count as the reader writes it: `20 000` (fr), `20,000` (en). */
const count = (v: unknown, lang: Lang): string =>
  (typeof v === 'number' ? new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR').format(v) : String(v));
const mb = (v: unknown): string => (typeof v === 'number' ? String(Math.round(v / 1e6)) : '?');
/** « Colonnes disponibles : … » when the details list them. */
export const availableColumns = (d: Details, lang: Lang): string =>
  (Array.isArray(d.available) && d.available.length
    ? (lang === 'en' ? ` Available columns: ${quoteList(d.available, lang)}.` : ` Colonnes disponibles : ${quoteList(d.available, lang)}.`)
    : '');

/** A failure of a joined dataset is said as such, whatever its code. */
/**
 * Codes only the file readers raise (`unsupported-format`) always come with the readers' own
 * sentences (file-messages.ts, in the lazy file chunk): core's tables need none for them.
 */
type CoreKey = Exclude<ErrorCode, 'unsupported-format'> | WarningCode | 'join-failed' | 'not-numbers' | 'aggregate-unused';

/** INSEE-like keys (`975`, `2A`, `01001`) are « codes »; names (`Ain`) are « valeurs ». */
const unmatchedWordsFr = (d: Details): string => {
  const codes = (d.keys as string[]).every((k) => /^(\d+|2[AB]\d*)$/i.test(k));
  return `${codes ? 'code' : 'valeur'}${d.count === 1 ? '' : 's'} sans correspondance`;
};

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
  'bad-url': (d) => `Adresse refusée (${String(d.attribute ?? 'src')}) : « ${shorten(d.url)} » n’est pas une adresse https:// ou http://.`,
  'unknown-column': (d) => `Colonne inconnue${d.column ? ` « ${String(d.column)} »` : ''}${d.side === 'join' ? ' dans le jeu de données joint' : ''}${d.expression ? ` dans « ${String(d.expression)} »` : ''}.${availableColumns(d, 'fr')}`,
  'no-source': () => 'Aucune source de données sur la page.',
  server: () => 'Le serveur de données a renvoyé une erreur.',
  aborted: () => 'Chargement annulé.',
  'bad-expression': (d) => `Expression invalide : ${badExpressionFr(d)}`,
  'unknown-function': (d) => `Fonction inconnue « ${String(d.function)} »${d.expression ? ` dans « ${String(d.expression)} »` : ''}. Fonctions : ${(d.available as string[]).join(', ')}.`,
  'join-failed': (d) => `Jointure « ${String(d.join)} » : ${(d.cause as { messageIn(lang: Lang): string }).messageIn('fr')}`,
  unmatched: (d) => `${String(d.count)} ${unmatchedWordsFr(d)}${d.ref ? ` dans « ${String(d.ref)} »` : ''} : ${(d.keys as string[]).join(', ')}${d.more ? '…' : ''}`,
  'invalid-value': (d) =>
    `${String(d.attribute)}="${String(d.value)}" ${d.expected === 'number'
      ? `n’est pas un nombre${d.min !== undefined ? ` (de ${String(d.min)} à ${String(d.max)})` : ''}`
      : `n’est pas une valeur possible (${(d.allowed as string[] | undefined)?.join(', ') ?? ''})`} : ${d.accepted ? `${String(d.accepted)} est utilisé` : 'valeur par défaut'}.`,
  'not-numbers': (d) =>
    `${String(d.attribute)} : « ${String(d.column)} » n’est pas une colonne de nombres : la ${AGGREGATE_WORDS.fr[d.aggregate as 'sum']} ne s’en calcule pas.` +
    `${(d.numbers as string[]).length ? ` Colonnes de nombres : ${quoteList(d.numbers as string[], 'fr')}.` : ''}` +
    ` Pour compter les lignes, ne donnez pas de ${String(d.attribute)} (ou aggregate="count").`,
  'aggregate-unused': (d) => `aggregate="${String(d.value)}" ignoré : il s’applique à value (exemple : value="total" aggregate="${String(d.value)}").`,
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
  'bad-url': (d) => `Address refused (${String(d.attribute ?? 'src')}): “${shorten(d.url)}” is not an https:// or http:// address.`,
  'unknown-column': (d) => `Unknown column${d.column ? ` “${String(d.column)}”` : ''}${d.side === 'join' ? ' in the joined dataset' : ''}${d.expression ? ` in “${String(d.expression)}”` : ''}.${availableColumns(d, 'en')}`,
  'no-source': () => 'No data source on the page.',
  server: () => 'The data server returned an error.',
  aborted: () => 'Loading cancelled.',
  'bad-expression': (d) => `Invalid expression: ${badExpressionEn(d)}`,
  'unknown-function': (d) => `Unknown function “${String(d.function)}”${d.expression ? ` in “${String(d.expression)}”` : ''}. Functions: ${(d.available as string[]).join(', ')}.`,
  'join-failed': (d) => `Join “${String(d.join)}”: ${(d.cause as { messageIn(lang: Lang): string }).messageIn('en')}`,
  unmatched: (d) => `${String(d.count)} ${d.count === 1 ? 'key' : 'keys'} without a match${d.ref ? ` in “${String(d.ref)}”` : ''}: ${(d.keys as string[]).join(', ')}${d.more ? '…' : ''}`,
  'invalid-value': (d) =>
    `${String(d.attribute)}="${String(d.value)}" ${d.expected === 'number'
      ? `is not a number${d.min !== undefined ? ` (${String(d.min)} to ${String(d.max)})` : ''}`
      : `is not a possible value (${(d.allowed as string[] | undefined)?.join(', ') ?? ''})`}: ${d.accepted ? `${String(d.accepted)} is used` : 'default value'}.`,
  'not-numbers': (d) =>
    `${String(d.attribute)}: “${String(d.column)}” is not a column of numbers: its ${AGGREGATE_WORDS.en[d.aggregate as 'sum']} cannot be taken.` +
    `${(d.numbers as string[]).length ? ` Columns of numbers: ${quoteList(d.numbers as string[], 'en')}.` : ''}` +
    ` To count rows, give no ${String(d.attribute)} (or aggregate="count").`,
  'aggregate-unused': (d) => `aggregate="${String(d.value)}" ignored: it applies to value (for example value="total" aggregate="${String(d.value)}").`,
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
    case 'too-many-values': return `trop de valeurs pour « ${String(d.column)} in … » (${count(d.count, 'fr')}, au plus ${count(d.max, 'fr')}).`;
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
    case 'too-many-values': return `too many values for “${String(d.column)} in …” (${count(d.count, 'en')}, at most ${count(d.max, 'en')}).`;
    default: return `expression not understood${at}.`;
  }
}

/** Why an expression (`compute`, `y`, `value`, `join`, `labels`) was refused; `reason` is set by its parser or checker. */
function badExpressionFr(d: Details): string {
  const token = d.token === '' ? 'la fin du texte' : `« ${String(d.token)} »`;
  const c = `« ${String(d.column ?? d.name ?? '')} »`;
  const f = `${String(d.function ?? '')}()`;
  const why = ((): string => {
    switch (d.reason) {
      case 'bad-number': return `${token} n’est pas un nombre (les décimales s’écrivent avec un point : 1.5)`;
      case 'unbalanced-quote': return 'apostrophe non fermée';
      case 'unbalanced-name-quote': return 'guillemet non fermé';
      case 'unexpected-character': return `caractère inattendu ${token}`;
      case 'expected': return `« ${String(d.expected)} » attendu à la place de ${token}`;
      case 'expected-number': return `nombre attendu dans la liste à la place de ${token}`;
      case 'expected-join-column': return 'nom de colonne attendu après « join. »';
      case 'unexpected-close': return 'parenthèse fermante en trop';
      case 'unexpected-token': return `${token} inattendu`;
      case 'unexpected-end': return 'expression incomplète';
      case 'empty': return 'expression vide';
      case 'missing-name': return 'nom manquant : écrivez « nom = expression »';
      case 'unexpected-list': return 'une liste de bornes (0|10|100) ne s’utilise que dans bin()';
      case 'join-in-compute': return `join.${String(d.column)} s’utilise dans y, value ou columns, pas dans compute`;
      case 'text-in-arithmetic': case 'text-in-measure': return 'un texte entre apostrophes ne se calcule pas';
      case 'not-a-number': return d.column ? `${c} n’est pas une colonne de nombres${d.function ? ` (${f})` : ''}` : 'ce calcul demande des nombres';
      case 'aggregate-in-compute': return `${f} est un agrégat : il s’écrit dans y ou value, pas dans compute`;
      case 'arity': return `${f} attend ${String(d.count)} argument${d.count === 1 ? '' : 's'}`;
      case 'split-nested': return `split() doit être toute l’expression de sa colonne (${c})`;
      case 'bin-edges': return 'bin() attend des bornes : bin(total, 0|10000|100000)';
      case 'bin-order': return 'les bornes de bin() doivent être croissantes';
      case 'split-number': return `split() découpe du texte, et ${c} contient des nombres`;
      case 'split-separator': return 'split() attend un séparateur entre apostrophes : split(colonne, \';\')';
      case 'clean-source': return 'clean() s’applique à une colonne des données : clean(regions)';
      case 'shadows': return `${c} existe déjà dans les données : donnez un autre nom à la colonne calculée`;
      case 'defined-twice': return `${c} est défini deux fois`;
      case 'join-without-join': return `join.${String(d.column)} demande un attribut join`;
      case 'row-function-in-measure': return `${f} s’utilise dans compute ; ici : sum, count, distinct, mean, median, min, max`;
      case 'aggregate-argument': return `${f} attend une colonne, par exemple ${String(d.function)}(total) ; un calcul par ligne se définit dans compute`;
      case 'aggregate-of-join': return `join.${String(d.column)} est déjà une valeur par clé : écrivez join.${String(d.column)} sans ${f}`;
      case 'join-syntax': return 'jointure à écrire « source on colonne = COLONNE » (par exemple « pop on code_departement = DEP »)';
      case 'join-key-not-grouped': return `la clé de jointure ${c} doit être la colonne de regroupement (x, group ou code)${Array.isArray(d.keys) && d.keys.length ? ` : ${quoteList(d.keys, 'fr')}` : ''}`;
      case 'labels-syntax': return 'libellés à écrire « colonne: Libellé; … »';
      default: return `${token} non compris`;
    }
  })();
  return `${why}${d.expression && d.reason !== 'join-syntax' ? ` dans « ${String(d.expression)} »` : ''}.`;
}

function badExpressionEn(d: Details): string {
  const token = d.token === '' ? 'the end of the text' : `“${String(d.token)}”`;
  const c = `“${String(d.column ?? d.name ?? '')}”`;
  const f = `${String(d.function ?? '')}()`;
  const why = ((): string => {
    switch (d.reason) {
      case 'bad-number': return `${token} is not a number (decimals are written with a point: 1.5)`;
      case 'unbalanced-quote': return 'unclosed single quote';
      case 'unbalanced-name-quote': return 'unclosed double quote';
      case 'unexpected-character': return `unexpected character ${token}`;
      case 'expected': return `“${String(d.expected)}” expected instead of ${token}`;
      case 'expected-number': return `a number expected in the list instead of ${token}`;
      case 'expected-join-column': return 'a column name expected after “join.”';
      case 'unexpected-close': return 'one closing parenthesis too many';
      case 'unexpected-token': return `unexpected ${token}`;
      case 'unexpected-end': return 'incomplete expression';
      case 'empty': return 'empty expression';
      case 'missing-name': return 'missing name: write “name = expression”';
      case 'unexpected-list': return 'a list of edges (0|10|100) is only used in bin()';
      case 'join-in-compute': return `join.${String(d.column)} is used in y, value or columns, not in compute`;
      case 'text-in-arithmetic': case 'text-in-measure': return 'a quoted text cannot be computed';
      case 'not-a-number': return d.column ? `${c} is not a column of numbers${d.function ? ` (${f})` : ''}` : 'this computation needs numbers';
      case 'aggregate-in-compute': return `${f} is an aggregate: it belongs in y or value, not in compute`;
      case 'arity': return `${f} takes ${String(d.count)} argument${d.count === 1 ? '' : 's'}`;
      case 'split-nested': return `split() must be the whole expression of its column (${c})`;
      case 'bin-edges': return 'bin() takes edges: bin(total, 0|10000|100000)';
      case 'bin-order': return 'the edges of bin() must increase';
      case 'split-number': return `split() cuts text, and ${c} holds numbers`;
      case 'split-separator': return 'split() takes a separator in single quotes: split(column, \';\')';
      case 'clean-source': return 'clean() applies to a column of the data: clean(regions)';
      case 'shadows': return `${c} already exists in the data: give the computed column another name`;
      case 'defined-twice': return `${c} is defined twice`;
      case 'join-without-join': return `join.${String(d.column)} needs a join attribute`;
      case 'row-function-in-measure': return `${f} is used in compute; here: sum, count, distinct, mean, median, min, max`;
      case 'aggregate-argument': return `${f} takes a column, e.g. ${String(d.function)}(total); a row-by-row computation is defined in compute`;
      case 'aggregate-of-join': return `join.${String(d.column)} is already one value per key: write join.${String(d.column)} without ${f}`;
      case 'join-syntax': return 'a join is written “source on column = COLUMN” (e.g. “pop on code_departement = DEP”)';
      case 'join-key-not-grouped': return `the join key ${c} must be the grouping column (x, group or code)${Array.isArray(d.keys) && d.keys.length ? `: ${quoteList(d.keys, 'en')}` : ''}`;
      case 'labels-syntax': return 'labels are written “column: Label; …”';
      default: return `${token} not understood`;
    }
  })();
  return `${why}${d.expression && d.reason !== 'join-syntax' ? ` in “${String(d.expression)}”` : ''}.`;
}

/**
 * How aggregates are called in titles (axes, legends, tables, key figures): `mean(total)` →
 * « Total (moyenne) », `count()` → « Nombre de lignes » (measures.ts, `measureTitle`).
 */
export const AGGREGATE_WORDS = {
  fr: {
    sum: 'somme', mean: 'moyenne', median: 'médiane', min: 'minimum', max: 'maximum',
    count: 'valeurs renseignées', distinct: 'valeurs distinctes', rows: 'Nombre de lignes',
  },
  en: {
    sum: 'sum', mean: 'mean', median: 'median', min: 'minimum', max: 'maximum',
    count: 'non-empty values', distinct: 'distinct values', rows: 'Number of rows',
  },
} satisfies Record<Lang, Record<'sum' | 'mean' | 'median' | 'min' | 'max' | 'count' | 'distinct' | 'rows', string>>;
