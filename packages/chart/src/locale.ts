/**
 * Vega locale objects (d3-format / d3-time-format definitions), so axes and tooltips read
 * `1 234,5` and `janv. 2024` in French. Handed to Vega-Lite through `config.locale`.
 */
import { formatCompact, formatNumber, type Lang } from '@culture-widgets/core';

// Same separators as Intl.NumberFormat('fr-FR'): narrow no-break space for thousands.
const frNumber = {
  decimal: ',',
  thousands: '\u202f',
  grouping: [3],
  currency: ['', '\u00a0€'] as [string, string],
  percent: '\u202f%',
  minus: '\u2212',
};

const frTime = {
  dateTime: '%A %e %B %Y à %X',
  date: '%d/%m/%Y',
  time: '%H:%M:%S',
  periods: ['AM', 'PM'] as [string, string],
  days: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  shortDays: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  shortMonths: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
};

const enNumber = { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] as [string, string], minus: '\u2212' };

const enTime = {
  dateTime: '%x, %X',
  date: '%-m/%-d/%Y',
  time: '%-I:%M:%S %p',
  periods: ['AM', 'PM'] as [string, string],
  days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

export function vegaLocale(lang: Lang) {
  return lang === 'en' ? { number: enNumber, time: enTime } : { number: frNumber, time: frTime };
}

/**
 * Number formatting for generated text (descriptions), same conventions as the axes: decimals by
 * magnitude, compact from a million. core's `formatNumber` keeps up to 2 decimals, never compact.
 */
export function formatRoundedNumber(value: number, lang: Lang): string {
  const abs = Math.abs(value);
  return abs >= 1e6 ? formatCompact(value, lang) : formatNumber(value, lang, { maximumFractionDigits: abs < 10 ? 2 : abs < 1000 ? 1 : 0 });
}
