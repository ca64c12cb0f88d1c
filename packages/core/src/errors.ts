/**
 * The one way a failure or a note reaches the user: a stable `code` (what `culture-error` /
 * `culture-warning` carry), a message `key` (which sentence; the code by default) and `details`
 * (what the sentence names: the column, the available ones…). The sentence is made in one place,
 * `messageIn(lang)`, from the sentences of the package that raised it.
 *
 *   throw new CultureError('unknown-column', { column, available });          // core's sentence
 *   const fail = defineMessages(CHART_SENTENCES);                              // a package's own
 *   throw fail.error('unknown-column', { available }, 'no-x-column');
 */
import type { ErrorCode, Lang, WarningCode } from './types.js';
import { CORE_SENTENCES, type Details, type Say, type Sentences } from './messages.js';

function say(sentences: Sentences, key: string, code: string, lang: Lang, details: Details): string {
  const core: Record<string, Say | undefined> = CORE_SENTENCES[lang];
  const sentence = sentences[lang][key] ?? core[key] ?? core[code];
  return sentence ? sentence(details) : code;
}

/** Typed failure with a stable `code`, and a message in French and English. */
export class CultureError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Details = {},
    readonly key: string = code,
    private readonly sentences: Sentences = CORE_SENTENCES,
  ) {
    // the default message is the English one: it is what ends up in consoles and bug reports
    super(say(sentences, key, code, 'en', details));
    this.name = 'CultureError';
  }
  /** The message for the user, in their language. */
  messageIn(lang: Lang): string {
    return say(this.sentences, this.key, this.code, lang, this.details);
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
    private readonly sentences: Sentences = CORE_SENTENCES,
  ) {}
  messageIn(lang: Lang): string {
    return say(this.sentences, this.key, this.code, lang, this.details);
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
