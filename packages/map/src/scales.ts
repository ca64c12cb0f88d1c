/**
 * Colour and size scales, and the legends that explain them: a sequential scale in classes for
 * choropleths and densities, categories for `color`, proportional circles for `size`.
 * Colours come in as CSS colours read from the theme at draw time.
 */
import { categoryColors } from '@culture-widgets/core';

export type Binning = 'quantile' | 'nice';

/** `classes` − 1 thresholds splitting `values`: quantiles, or equal steps rounded to nice numbers. */
export function breaks(values: number[], classes = 5, method: Binning = 'quantile'): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const [min, max] = [sorted[0], sorted[sorted.length - 1]];
  if (min === max) return [];
  let out: number[];
  if (method === 'quantile') {
    out = [];
    for (let i = 1; i < classes; i++) {
      const q = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / classes))];
      out.push(q);
    }
  } else {
    const step = niceStep((max - min) / classes);
    const start = Math.floor(min / step) * step;
    out = [];
    for (let v = start + step; v < max; v += step) out.push(round(v, step));
  }
  // Equal thresholds make empty classes: keep each once, and none at the minimum.
  return [...new Set(out)].filter((t) => t > min);
}

const round = (v: number, step: number) => {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(v.toFixed(digits));
};

/** 1, 2, 2.5 or 5 × 10ⁿ, the closest above `raw`. */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 2.5 ? 2.5 : unit <= 5 ? 5 : 10) * power;
}

/** The class of a value: 0 below the first threshold … `thresholds.length` above the last. */
export function classify(value: number, thresholds: number[]): number {
  let i = 0;
  while (i < thresholds.length && value >= thresholds[i]) i++;
  return i;
}

/** `n` colours from a pale tint of `base` (mixed into `background`) to `base` itself. */
export function sequentialColors(n: number, base: string, background = '#ffffff'): string[] {
  const from = mix(parseColor(background), parseColor(base), 0.85);
  const to = parseColor(base);
  if (n <= 1) return [toHex(to)];
  return Array.from({ length: n }, (_, i) => toHex(mix(to, from, i / (n - 1))));
}

type RGB = [number, number, number];

/** `#rgb`, `#rrggbb` or `rgb(r, g, b)`; anything else reads as mid grey. */
export function parseColor(color: string): RGB {
  const c = color.trim();
  let m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(c);
  if (m) return [m[1], m[2], m[3]].map((h) => parseInt(h + h, 16)) as RGB;
  m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(c);
  if (m) return [m[1], m[2], m[3]].map((h) => parseInt(h, 16)) as RGB;
  m = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(c);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return [128, 128, 128];
}

/** `a` weighted by `1 - t`, `b` by `t`. */
const mix = (a: RGB, b: RGB, t: number): RGB => a.map((v, i) => Math.round(v * t + b[i] * (1 - t))) as RGB;
const toHex = (c: RGB) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance (WCAG), to pick readable text on a colour. */
export function luminance(color: string): number {
  const [r, g, b] = parseColor(color).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// --- legends ---------------------------------------------------------------------------------

export interface SequentialClass {
  color: string;
  /** Inclusive lower bound (the minimum for the first class). */
  from: number;
  /** Exclusive upper bound (the maximum, inclusive, for the last class). */
  to: number;
  count: number;
}

export interface SequentialScale {
  kind: 'sequential';
  thresholds: number[];
  classes: SequentialClass[];
  colorOf: (value: number | undefined) => string;
  noData: string;
}

/** A sequential scale over `values` with its legend classes. */
export function sequentialScale(
  values: number[],
  colors: { base: string; background: string; noData: string },
  classes = 5,
  method: Binning = 'quantile',
): SequentialScale {
  const finite = values.filter(Number.isFinite);
  const thresholds = breaks(finite, classes, method);
  const palette = sequentialColors(thresholds.length + 1, colors.base, colors.background);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const bounds = [min, ...thresholds, max];
  const counts = new Array(palette.length).fill(0);
  for (const v of finite) counts[classify(v, thresholds)]++;
  return {
    kind: 'sequential',
    thresholds,
    classes: finite.length ? palette.map((color, i) => ({ color, from: bounds[i], to: bounds[i + 1], count: counts[i] })) : [],
    colorOf: (v) => (v === undefined || !Number.isFinite(v) ? colors.noData : palette[classify(v, thresholds)]),
    noData: colors.noData,
  };
}

export interface Category {
  value: string;
  color: string;
  count: number;
}

export interface CategoryScale {
  kind: 'category';
  categories: Category[];
  /** Values beyond the palette, folded into « Autres ». */
  other?: Category;
  colorOf: (value: unknown) => string;
}

/**
 * The most frequent values get the palette's colours, the rest share `other`. Colours follow
 * `order` (the values of the unfiltered data, most frequent first: core's `categoryOrder`), so a
 * filter never repaints a category; without it, the most frequent shown value comes first.
 */
export function categoryScale(values: unknown[], palette: string[], other: string, order?: readonly string[]): CategoryScale {
  const counts = new Map<string, number>();
  for (const v of values) {
    const key = categoryKey(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const keep = ranked.length > palette.length ? palette.length - 1 : ranked.length;
  const kept = ranked.slice(0, keep);
  const assigned = categoryColors(kept.map(([value]) => value), { order: order ?? kept.map(([value]) => value), palette });
  const categories = kept.map(([value, count]) => ({ value, count, color: assigned.get(value)! }));
  const rest = ranked.slice(keep).reduce((s, [, c]) => s + c, 0);
  const colors = new Map(categories.map((c) => [c.value, c.color]));
  return {
    kind: 'category',
    categories,
    other: rest ? { value: '', color: other, count: rest } : undefined,
    colorOf: (v) => colors.get(categoryKey(v)) ?? other,
  };
}

/** Text key of a category value (empty cells together). */
export const categoryKey = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

export interface SizeScale {
  kind: 'size';
  radiusOf: (value: number | undefined) => number;
  /** Reference circles for the legend, largest first. */
  steps: { value: number; radius: number }[];
}

/** Circle areas proportional to values (radius ∝ √value), `maxRadius` for the largest. */
export function sizeScale(values: number[], maxRadius = 18, minRadius = 2): SizeScale {
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v) && v > 0));
  const radiusOf = (v: number | undefined) =>
    v === undefined || !Number.isFinite(v) || v <= 0 || max === 0 ? minRadius : Math.max(minRadius, maxRadius * Math.sqrt(v / max));
  const top = max > 0 ? niceFloor(max) : 0;
  const steps = top > 0 ? [top, niceFloor(top / 4), niceFloor(top / 20)].filter((v, i, a) => v > 0 && a.indexOf(v) === i) : [];
  return { kind: 'size', radiusOf, steps: steps.map((value) => ({ value, radius: radiusOf(value) })) };
}

/** 1, 2 or 5 × 10ⁿ at or below `v`. */
function niceFloor(v: number): number {
  const power = 10 ** Math.floor(Math.log10(v));
  const unit = v / power;
  return (unit >= 5 ? 5 : unit >= 2 ? 2 : 1) * power;
}
