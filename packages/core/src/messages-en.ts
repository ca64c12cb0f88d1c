/**
 * Core's sentences in English: a chunk of its own, loaded with the first error or note worded in
 * English (`loadSentences`, errors.ts; decision 0016). The other language has the same keys.
 */
import type { Lang } from './types.js';
import { AGGREGATE_WORDS, availableColumns, count, mb, quoteList, shorten, type CoreKey, type Details, type Say } from './messages.js';

export const sentences = {
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
