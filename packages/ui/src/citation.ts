import { html, nothing, type TemplateResult } from 'lit';
import type { Citation, Lang } from '@culture-widgets/core';
import { messages } from './messages.js';

/**
 * The one rule for links made from data: only http(s) URLs (data may hold `javascript:` or
 * `data:`), `www.musee.fr` gets `https://`, a relative URL resolves against the page.
 */
export function safeUrl(url: string | undefined | null): string | undefined {
  const text = url?.trim();
  if (!text) return undefined;
  try {
    const parsed = new URL(/^www\./i.test(text) ? `https://${text}` : text, document.baseURI);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const link = (text: string, url?: string) =>
  safeUrl(url) ? html`<a href=${safeUrl(url)!} target="_blank" rel="noopener noreferrer">${text}</a>` : text;

export function formatDay(iso: string | undefined, lang: Lang): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long' }).format(date);
}

/**
 * « Source : <dataset> · Producteur : <org> · Licence : <licence> · mis à jour le … » — what the
 * Licence Ouverte asks every reuse to show; data that does not come from data.gouv.fr names its
 * host after the title (« Source : Musées (data.example.org) »).
 */
export function renderCitation(citation: Citation, lang: Lang, { joined = false } = {}): TemplateResult {
  const m = messages(lang);
  const updated = formatDay(citation.lastModified, lang);
  const licence = citation.licenseTitle ?? citation.license;
  return html`<p class="citation" part="citation">
    ${joined ? m.joinedSource : m.source} : ${link(citation.datasetTitle, citation.datasetUrl)}${citation.host
      ? html` <span class="host" part="host">(${m.hostedOn(citation.host)})</span>`
      : nothing}${citation.producer
      ? html` · ${m.producer} : ${link(citation.producer, citation.producerUrl)}`
      : nothing}${licence ? html` · ${m.license} : ${link(licence, citation.licenseUrl)}` : nothing}${updated
      ? html` · ${m.updated(updated)}`
      : nothing}
  </p>`;
}
