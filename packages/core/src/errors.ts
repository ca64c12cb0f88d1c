/**
 * The one way a failure or a note reaches the user: a stable `code` (what `culture-error` /
 * `culture-warning` carry), a message `key` (which sentence; the code by default) and `details`
 * (what the sentence names: the column, the available ones…). The sentence is made in one place,
 * `messageIn(lang)`, from the sentences of the package that raised it, else core's.
 *
 *   throw new CultureError('unknown-column', { column, available });          // core's sentence
 *   const fail = defineMessages(CHART_SENTENCES);                              // a package's own
 *   throw fail.error('unknown-column', { available }, 'no-x-column');
 *
 * Core's sentences are not in any page's first load (decision 0016): each language's table loads
 * with the first error or note worded in it. Whoever shows a message awaits `loadSentences(lang)`
 * first (ui does, for every element); until then `messageIn` falls back to the code.
 */
import type { ErrorCode, Lang, WarningCode } from './types.js';
import type { CoreKey, Details, Say, Sentences } from './messages.js';

type CoreTable = Record<CoreKey, Say>;
const load: Record<Lang, () => Promise<{ sentences: CoreTable }>> = {
  fr: () => import('./messages-fr.js'),
  en: () => import('./messages-en.js'),
};
const core: Partial<Record<Lang, Record<string, Say | undefined>>> = {};
const loading: Partial<Record<Lang, Promise<void>>> = {};

/**
 * Loads core's sentences in `lang`, once. Never rejects: when the chunk cannot be fetched (the
 * network is down, which is often why there is an error to word), `messageIn` says the code and
 * the next call tries again.
 */
export function loadSentences(lang: Lang): Promise<void> {
  return (loading[lang] ??= load[lang]().then(
    (m) => { core[lang] = m.sentences; },
    () => { delete loading[lang]; },
  ));
}

/** Whether `messageIn(lang)` can word core's messages now. */
export const sentencesLoaded = (lang: Lang): boolean => core[lang] !== undefined;

/** No package sentences: core's alone. */
const CORE_ONLY: Sentences = { fr: {}, en: {} };

/** Whether the sentence for `key` is here in `lang`: a package's own always, core's once loaded. */
const canSay = (sentences: Sentences, key: string, lang: Lang): boolean => sentences[lang][key] !== undefined || core[lang] !== undefined;

function say(sentences: Sentences, key: string, code: string, lang: Lang, details: Details): string {
  const own = core[lang] ?? {};
  const sentence = sentences[lang][key] ?? own[key] ?? own[code];
  return sentence ? sentence(details) : code;
}

/** Typed failure with a stable `code`, and a message in French and English. */
export class CultureError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Details = {},
    readonly key: string = code,
    private readonly sentences: Sentences = CORE_ONLY,
  ) {
    super();
    this.name = 'CultureError';
  }
  /** The English sentence (what ends up in consoles and bug reports), once loaded; the code before. */
  override get message(): string {
    return say(this.sentences, this.key, this.code, 'en', this.details);
  }
  /** The message for the user, in their language (core's sentences: after `loadSentences(lang)`). */
  messageIn(lang: Lang): string {
    return say(this.sentences, this.key, this.code, lang, this.details);
  }
  /** Whether `messageIn(lang)` can word it now (its package's own sentence, or core's loaded). */
  canWord(lang: Lang): boolean {
    return canSay(this.sentences, this.key, lang);
  }
}

export const isCultureError = (e: unknown): e is CultureError => e instanceof CultureError;

/**
 * A note a widget shows under its title, fires as `culture-warning` and logs: an attribute value
 * ignored or clamped (`details.attribute`, `value`, `accepted`), keys without a match… A query
 * result may carry some (`QueryResult.warnings`).
 */
export class CultureWarning {
  constructor(
    readonly code: WarningCode,
    readonly details: Details = {},
    readonly key: string = code,
    private readonly sentences: Sentences = CORE_ONLY,
  ) {}
  messageIn(lang: Lang): string {
    return say(this.sentences, this.key, this.code, lang, this.details);
  }
  /** Whether `messageIn(lang)` can word it now (its package's own sentence, or core's loaded). */
  canWord(lang: Lang): boolean {
    return canSay(this.sentences, this.key, lang);
  }
}

/** A package's errors and warnings, made with its own sentences (the key is checked by type). */
export function defineMessages<K extends string>(sentences: Sentences<K>) {
  return {
    error: (code: ErrorCode, details: Details = {}, key: K | ErrorCode = code) => new CultureError(code, details, key, sentences),
    warning: (code: WarningCode, details: Details = {}, key: K | WarningCode = code) => new CultureWarning(code, details, key, sentences),
  };
}

/** The error an aborted signal carries, as a CultureError('aborted'). */
export function abortError(signal?: AbortSignal): CultureError {
  const reason: unknown = signal?.reason;
  if (reason instanceof CultureError) return reason;
  return new CultureError('aborted', { reason });
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}
