import { html, type TemplateResult } from 'lit';
import { CultureError, type Lang } from '@culture-widgets/core';
import type { CultureErrorDetail } from './events.js';
import { messages } from './messages.js';

/** The error state every element shows (role="alert"); the message is text, never HTML. */
export function renderErrorState(detail: CultureErrorDetail, lang: Lang): TemplateResult {
  return html`<div class="state error" part="error" role="alert">
    <strong>${messages(lang).errorTitle}</strong>
    <p>${detail.message}</p>
  </div>`;
}

/** What `culture-error` carries for a failure: core's code and message in `lang`, or `server`. */
export function errorDetailOf(error: unknown, lang: Lang): CultureErrorDetail {
  if (error instanceof CultureError) return { code: error.code, message: error.messageIn(lang) };
  return { code: 'server', message: error instanceof Error ? error.message : String(error) };
}
