/**
 * Every word <culture-kpi> shows, in French and English. Shared words (loading, empty, error,
 * citation) live in @culture-widgets/ui; these are the key figure's own. Pure: no DOM, no lit.
 */
import { defineMessages, type Lang, type Say } from '@culture-widgets/core';

export interface KpiMessages {
  /** Default name of a `compare="COLUMN = *"` base: the whole. */
  whole: string;
  /** `+3,2 % par rapport à 2019`; `points`: a percentage compared with a percentage. */
  change: (amount: string, than: string) => string;
  /** A change smaller than the last digit shown. */
  stable: (than: string) => string;
  /** `12,3 % de l’ensemble`. */
  share: (amount: string, of: string) => string;
  /** A base that matched nothing, or is 0: said instead of « +∞ % » or « NaN ». */
  noBase: (than: string) => string;
  zeroBase: (than: string) => string;
  point: (n: number) => string;
  up: string;
  down: string;
  /** The text alternative. */
  describe: {
    value: (label: string, value: string) => string;
    change: (change: string, base: string) => string;
    share: (share: string) => string;
    trend: (from: string, to: string, first: string, last: string, max: string, at: string) => string;
  };
  menu: string;
  downloadPng: string;
  downloadCsv: string;
  /** CSV rows. */
  csv: { what: string; value: string; base: (label: string) => string; change: string; share: string };
  sourceLine: (source: string) => string;
  licenceLine: (licence: string) => string;
  madeOn: (date: string) => string;
}

const fr: KpiMessages = {
  whole: 'l’ensemble',
  change: (amount, than) => `${amount} par rapport à ${than}`,
  stable: (than) => `stable par rapport à ${than}`,
  share: (amount, of) => `${amount} de ${of}`,
  noBase: (than) => `Pas de donnée pour ${than} : pas de comparaison.`,
  zeroBase: (than) => `${than} vaut 0 : évolution non calculable.`,
  point: (n) => (Math.abs(n) >= 2 ? 'points' : 'point'),
  up: 'en hausse',
  down: 'en baisse',
  describe: {
    value: (label, value) => `${label} : ${value}.`,
    change: (change, base) => `${change} (${base}).`,
    share: (share) => `Soit ${share}.`,
    trend: (from, to, first, last, max, at) => `Évolution de ${from} à ${to} : de ${first} à ${last}, au plus haut ${max} (${at}).`,
  },
  menu: 'Options du chiffre clé',
  downloadPng: 'Télécharger l’image (PNG)',
  downloadCsv: 'Télécharger les données (CSV)',
  csv: { what: 'indicateur', value: 'valeur', base: (label) => `base (${label})`, change: 'évolution', share: 'part' },
  sourceLine: (source) => `Source : ${source}`,
  licenceLine: (licence) => `Licence : ${licence}`,
  madeOn: (date) => `Chiffre établi le ${date}`,
};

const en: KpiMessages = {
  whole: 'the whole',
  change: (amount, than) => `${amount} compared with ${than}`,
  stable: (than) => `stable compared with ${than}`,
  share: (amount, of) => `${amount} of ${of}`,
  noBase: (than) => `No data for ${than}: no comparison.`,
  zeroBase: (than) => `${than} is 0: no change can be computed.`,
  point: (n) => (Math.abs(n) === 1 ? 'point' : 'points'),
  up: 'up',
  down: 'down',
  describe: {
    value: (label, value) => `${label}: ${value}.`,
    change: (change, base) => `${change} (${base}).`,
    share: (share) => `That is ${share}.`,
    trend: (from, to, first, last, max, at) => `From ${from} to ${to}: from ${first} to ${last}, highest ${max} (${at}).`,
  },
  menu: 'Key figure options',
  downloadPng: 'Download image (PNG)',
  downloadCsv: 'Download data (CSV)',
  csv: { what: 'figure', value: 'value', base: (label) => `base (${label})`, change: 'change', share: 'share' },
  sourceLine: (source) => `Source: ${source}`,
  licenceLine: (licence) => `Licence: ${licence}`,
  madeOn: (date) => `Figure made on ${date}`,
};

export function kpiMessages(lang: Lang): KpiMessages {
  return lang === 'en' ? en : fr;
}

type KpiErrorKey = 'one-value' | 'share-without-compare';

/** The key figure's own errors and notes. */
export const kpiErrors = defineMessages<KpiErrorKey>({
  fr: {
    'one-value': (d) => `value attend une seule expression (« ${String(d.expression)} » en donne ${String(d.count)}).`,
    'share-without-compare': () => 'mode="share" ignoré : une part se calcule par rapport à compare (exemple : compare="regions = *").',
  } satisfies Record<KpiErrorKey, Say>,
  en: {
    'one-value': (d) => `value takes one expression (“${String(d.expression)}” gives ${String(d.count)}).`,
    'share-without-compare': () => 'mode="share" ignored: a share is taken of compare (for example compare="regions = *").',
  } satisfies Record<KpiErrorKey, Say>,
});
