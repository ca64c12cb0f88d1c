/**
 * What core's sentences share: their types and the small helpers they word details with. The
 * sentences themselves, one table per language (messages-fr.ts, messages-en.ts), are not in any
 * page's first load: errors.ts loads a language's table with the first error or note worded in it
 * (`loadSentences`, decision 0016). Each package keeps its own sentences the same way (one table per
 * locale, typed `satisfies Record<Key, Say>` so a missing key does not compile) and hands them to
 * the errors and warnings it raises (`defineMessages`, errors.ts).
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
export const shorten = (v: unknown, max = 80): string => {
  const text = String(v ?? '');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};
/** A count as the reader writes it: `20 000` (fr), `20,000` (en). */
export const count = (v: unknown, lang: Lang): string =>
  (typeof v === 'number' ? new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR').format(v) : String(v));
export const mb = (v: unknown): string => (typeof v === 'number' ? String(Math.round(v / 1e6)) : '?');
/** « Colonnes disponibles : … » when the details list them. */
export const availableColumns = (d: Details, lang: Lang): string =>
  (Array.isArray(d.available) && d.available.length
    ? (lang === 'en' ? ` Available columns: ${quoteList(d.available, lang)}.` : ` Colonnes disponibles : ${quoteList(d.available, lang)}.`)
    : '');

/**
 * Codes only the file readers raise (`unsupported-format`) always come with the readers' own
 * sentences (file-messages.ts, in the lazy file chunk): core's tables need none for them.
 */
export type CoreKey = Exclude<ErrorCode, 'unsupported-format'> | WarningCode | 'join-failed' | 'not-numbers' | 'aggregate-unused';

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
