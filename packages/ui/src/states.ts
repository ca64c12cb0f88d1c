import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { CultureError, CultureWarning, loadSentences, sentencesLoaded, type Lang } from '@culture-widgets/core';
import type { CultureErrorDetail } from './events.js';
import { messages } from './messages.js';

/** The error state every element shows (role="alert"); the message is text, never HTML. */
export function renderErrorState(detail: CultureErrorDetail, lang: Lang): TemplateResult {
  return html`<div class="state error" part="error" role="alert">
    <strong>${messages(lang).errorTitle}</strong>
    <p>${detail.message}</p>
    ${detail.download ? html`<p><a href=${detail.download} download rel="noopener">${messages(lang).downloadFile}</a></p>` : nothing}
  </div>`;
}

/** Languages whose sentences could not be fetched: their messages say the code rather than wait forever. */
const unreachable = new Set<Lang>();

/**
 * Whether the errors or notes in `said` can be worded in `lang` now (with none: whether core's
 * sentences are here; decision 0016). When they cannot, loads core's sentences and updates `host`
 * once they are: the caller keeps its loading state (never a blank box) and fires nothing until
 * then, and calls again from that update.
 */
export function worded(host: ReactiveControllerHost, lang: Lang, said: readonly unknown[] = []): boolean {
  const wordable = (s: unknown) => !(s instanceof CultureError || s instanceof CultureWarning) || s.canWord(lang);
  if (said.length && said.every(wordable)) return true;
  if (sentencesLoaded(lang) || unreachable.has(lang)) return true;
  void loadSentences(lang).then(() => {
    if (!sentencesLoaded(lang)) unreachable.add(lang);
    host.requestUpdate();
  });
  return false;
}

/** What `culture-error` carries for a failure: core's code and message in `lang` (once `worded`), or `server`. */
export function errorDetailOf(error: unknown, lang: Lang): CultureErrorDetail {
  if (error instanceof CultureError) {
    // only http(s) links: the URL comes from the catalogue, which we do not trust with `javascript:`
    const link = error.details.download;
    const download = typeof link === 'string' && /^https?:\/\//i.test(link) ? link : undefined;
    return { code: error.code, message: error.messageIn(lang), ...(download ? { download } : {}) };
  }
  return { code: 'server', message: error instanceof Error ? error.message : String(error) };
}
