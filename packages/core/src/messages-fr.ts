/**
 * Core's sentences in French: a chunk of its own, loaded with the first error or note worded in
 * French (`loadSentences`, errors.ts; decision 0016). The other language has the same keys.
 */
import type { Lang } from './types.js';
import { AGGREGATE_WORDS, availableColumns, count, mb, quoteList, shorten, type CoreKey, type Details, type Say } from './messages.js';

/** INSEE-like keys (`975`, `2A`, `01001`) are « codes »; names (`Ain`) are « valeurs ». */
const unmatchedWordsFr = (d: Details): string => {
  const codes = (d.keys as string[]).every((k) => /^(\d+|2[AB]\d*)$/i.test(k));
  return `${codes ? 'code' : 'valeur'}${d.count === 1 ? '' : 's'} sans correspondance`;
};
export const sentences = {
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
