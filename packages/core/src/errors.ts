import type { ErrorCode, Lang } from './types.js';
import { errorMessage } from './messages.js';

/** Typed failure with a stable `code`, and a message in French and English. */
export class CultureError extends Error {
  constructor(readonly code: ErrorCode, message?: string, readonly details: Record<string, unknown> = {}) {
    // the default message is the English one: it is what ends up in consoles and bug reports
    super(message ?? errorMessage(code, 'en', details));
    this.name = 'CultureError';
  }
  /** The message for the user, in their language. */
  messageIn(lang: Lang): string {
    return errorMessage(this.code, lang, this.details);
  }
}

export const isCultureError = (e: unknown): e is CultureError => e instanceof CultureError;

/** The error an aborted signal carries, as a CultureError('aborted'). */
export function abortError(signal?: AbortSignal): CultureError {
  const reason: unknown = signal?.reason;
  if (reason instanceof CultureError) return reason;
  return new CultureError('aborted', undefined, { reason });
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}
