/**
 * A key figure in words and lines: the number as the author asked (`format`, `unit`), the change
 * or the share, the comparison's name, the text alternative and the sparkline's path. Pure.
 */
import { formatCell, formatCompact, formatFilter, formatNumber, formatPercent, type Cell, type ColumnInfo, type FilterClause, type Lang } from '@culture-widgets/core';
import type { KpiComparison, KpiFigure, KpiFormat, TrendPoint } from './figure.js';
import { kpiMessages } from './messages.js';

/** `13 204 257 entrées`, `44,6 %` (a fraction), `13,2 M entrées`. */
export function formatFigure(value: number, format: KpiFormat, unit: string | undefined, lang: Lang): string {
  if (format === 'percent') return formatPercent(value, lang, { digits: 1 });
  const number = format === 'compact' ? formatCompact(value, lang) : formatNumber(value, lang, { maximumFractionDigits: Math.abs(value) < 100 ? 2 : 0 });
  return unit ? `${number}\u00a0${unit}` : number;
}

/**
 * What the base is called: `compare-label`, else the value of a single `=` clause (`2019`), the
 * values of an `in`, « l’ensemble » for `COLUMN = *`, else the clauses as written.
 */
export function compareName(compare: FilterClause[], label: string | undefined, lang: Lang): string {
  if (label?.trim()) return label.trim();
  const kept = compare.filter((c) => !(c.op === '=' && c.value === '*'));
  if (!kept.length) return kpiMessages(lang).whole;
  if (kept.length === 1 && kept[0]!.op === '=') return kept[0]!.value ?? '';
  if (kept.length === 1 && kept[0]!.op === 'in') return (kept[0]!.values ?? []).join(', ');
  return formatFilter(kept);
}

export type Direction = 'up' | 'down' | 'flat' | 'none';

/** The change or share line: its text and its direction (an arrow, never colour alone). */
export function comparisonText(cmp: KpiComparison, than: string, lang: Lang): { text: string; direction: Direction } {
  const m = kpiMessages(lang);
  if (cmp.status === 'no-base' || cmp.status === 'no-value') return { text: m.noBase(than), direction: 'none' };
  if (cmp.status === 'zero-base') return { text: m.zeroBase(than), direction: 'none' };
  const amount = cmp.amount!;
  if (cmp.mode === 'share') return { text: m.share(formatPercent(amount, lang, { digits: 1 }), than), direction: 'none' };
  // what rounds to zero at the digit shown is stable
  if (Math.round(Math.abs(amount) * (cmp.points ? 10 : 1000)) === 0) return { text: m.stable(than), direction: 'flat' };
  const signed = { maximumFractionDigits: 1, signDisplay: 'exceptZero' } as const;
  const shown = cmp.points
    ? `${formatNumber(amount, lang, signed)}\u00a0${m.point(amount)}`
    : formatNumber(amount, lang, { ...signed, style: 'percent' });
  return { text: m.change(shown, than), direction: amount > 0 ? 'up' : 'down' };
}

export interface Described {
  label: string;
  value: string;
  comparison?: { text: string; base?: string };
  trend?: { points: TrendPoint[]; column?: ColumnInfo; format: (n: number) => string };
}

/** The text alternative: the figure, its comparison (and the base's value), the trend in words. */
export function describeKpi(d: Described, lang: Lang): string {
  const t = kpiMessages(lang).describe;
  const parts = [t.value(d.label, d.value)];
  if (d.comparison) parts.push(d.comparison.base ? t.change(d.comparison.text, d.comparison.base) : /[.!]$/.test(d.comparison.text) ? d.comparison.text : `${d.comparison.text}.`);
  const points = d.trend?.points.filter((p) => p.y !== null) ?? [];
  if (d.trend && points.length > 1) {
    const label = (x: Cell) => formatCell(x, d.trend!.column, lang) || String(x);
    const max = points.reduce((a, b) => (b.y! > a.y! ? b : a));
    const first = points[0]!;
    const last = points[points.length - 1]!;
    parts.push(t.trend(label(first.x), label(last.x), d.trend.format(first.y!), d.trend.format(last.y!), d.trend.format(max.y!), label(max.x)));
  }
  return parts.join(' ');
}

/** The sparkline: a path through the trend's values in a `width` × `height` box (gaps break it). */
export function sparkline(points: TrendPoint[], width: number, height: number, pad = 3): { d: string; dots: { x: number; y: number; at: Cell }[] } {
  const values = points.map((p) => p.y).filter((y): y is number => y !== null);
  if (points.length < 2 || !values.length) return { d: '', dots: [] };
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const span = max - min || 1;
  const step = (width - 2 * pad) / (points.length - 1);
  const dots: { x: number; y: number; at: Cell }[] = [];
  let d = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p.y === null) {
      pen = false;
      return;
    }
    const x = pad + i * step;
    const y = height - pad - ((p.y - min) / span) * (height - 2 * pad);
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    pen = true;
    dots.push({ x, y, at: p.x });
  });
  return { d, dots };
}

/** The figure's rows for the CSV download: what; value. */
export function figureRows(figure: KpiFigure, names: { label: string; base?: string; comparison?: { what: string; amount?: number } }, trendColumn: string | undefined): [string, Cell][] {
  const rows: [string, Cell][] = [[names.label, figure.value]];
  if (figure.base !== undefined) rows.push([names.base ?? '', figure.base]);
  if (names.comparison?.amount !== undefined) rows.push([names.comparison.what, Math.round(names.comparison.amount * 10000) / 10000]);
  for (const p of figure.trend ?? []) rows.push([`${trendColumn ?? ''} = ${String(p.x)}`, p.y]);
  return rows;
}
