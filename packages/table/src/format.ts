/**
 * Locale formatting of cell values.
 * TODO(core): core's format helpers are announced (issue 3 §6) but not in its contract yet;
 * these thin Intl wrappers keep the same shape so the swap is one import.
 */
import type { Lang } from '@culture-widgets/core';

const locales: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: Lang): Intl.NumberFormat {
  const key = `n:${lang}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 2 });
    cache.set(key, format);
  }
  return format;
}

function dateFormat(lang: Lang, withTime: boolean): Intl.DateTimeFormat {
  const key = `d:${lang}:${withTime}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locales[lang], {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: withTime ? undefined : 'UTC',
    });
    cache.set(key, format);
  }
  return format;
}

/** `1234.5` → `1 234,5` (fr) / `1,234.5` (en); `percent` adds the sign the locale's way. */
export function formatNumber(value: number, lang: Lang, percent = false): string {
  const text = numberFormat(lang).format(value);
  return percent ? (lang === 'fr' ? `${text}\u202f%` : `${text}%`) : text;
}

/** `2024-03-12` → `12 mars 2024`; null when the text is not an ISO date. */
export function formatDate(text: string, lang: Lang): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return formatDateTime(text, lang);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : dateFormat(lang, false).format(date);
}

/** `2024-03-12T14:30:00` → `12 mars 2024, 14:30`; null when the text is not an ISO date-time. */
export function formatDateTime(text: string, lang: Lang): string | null {
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text.trim())) return null;
  const date = new Date(text.trim().replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? null : dateFormat(lang, true).format(date);
}
