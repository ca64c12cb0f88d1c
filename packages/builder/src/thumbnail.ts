/**
 * The small pictures of the gallery, drawn from the user's own numbers (`thumbnailData`): bars,
 * a line, slices, dots, cells, a few rows. Decorative (the card's words say what it is), in the
 * theme's colours through classes, with no text that a screen reader would need.
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { formatCompact, type Lang } from '@culture-widgets/core';
import type { ProposalKind, Thumbnail } from './gallery.js';

const W = 120;
const H = 72;
const PAD = 4;
/** Bars, slices and cells drawn at most. */
const MAX_MARKS = 12;

type Value = { x: string; y: number; series: number };

/** One value per category: the series summed (a stacked total reads the same at this size). */
function totals(values: Value[]): { x: string; y: number }[] {
  const byX = new Map<string, number>();
  for (const v of values) byX.set(v.x, (byX.get(v.x) ?? 0) + v.y);
  return [...byX].map(([x, y]) => ({ x, y }));
}

const scale = (v: number, max: number, size: number): number => (max > 0 ? (Math.max(v, 0) / max) * size : 0);

function columns(values: Value[], horizontal: boolean): SVGTemplateResult {
  const bars = totals(values).slice(0, MAX_MARKS);
  const max = Math.max(...bars.map((b) => b.y), 0);
  const n = Math.max(bars.length, 1);
  if (horizontal) {
    const step = (H - 2 * PAD) / n;
    return svg`${bars.map((b, i) => svg`<rect class="mark" x=${PAD} y=${PAD + i * step + step * 0.15} width=${Math.max(scale(b.y, max, W - 2 * PAD), 1)} height=${step * 0.7}></rect>`)}`;
  }
  const step = (W - 2 * PAD) / n;
  return svg`${bars.map((b, i) => {
    const h = Math.max(scale(b.y, max, H - 2 * PAD), 1);
    return svg`<rect class="mark" x=${PAD + i * step + step * 0.15} y=${H - PAD - h} width=${step * 0.7} height=${h}></rect>`;
  })}`;
}

function line(values: Value[], series: number, area: boolean): SVGTemplateResult {
  const lines = Array.from({ length: Math.min(series, 4) }, (_, s) => values.filter((v) => v.series === s));
  const max = Math.max(...values.map((v) => v.y), 0);
  return svg`${lines.map((points, s) => {
    if (points.length === 0) return svg``;
    const step = (W - 2 * PAD) / Math.max(points.length - 1, 1);
    const xy = points.map((p, i) => `${(PAD + i * step).toFixed(1)},${(H - PAD - scale(p.y, max, H - 2 * PAD)).toFixed(1)}`);
    return area && s === 0
      ? svg`<polygon class="mark area" points=${`${PAD},${H - PAD} ${xy.join(' ')} ${(PAD + (points.length - 1) * step).toFixed(1)},${H - PAD}`}></polygon>`
      : svg`<polyline class=${`line series-${s}`} points=${xy.join(' ')}></polyline>`;
  })}`;
}

function slices(values: Value[], donut: boolean): SVGTemplateResult {
  const parts = totals(values).filter((p) => p.y > 0).sort((a, b) => b.y - a.y).slice(0, 6);
  const sum = parts.reduce((s, p) => s + p.y, 0);
  const [cx, cy, r] = [W / 2, H / 2, H / 2 - PAD];
  let angle = -Math.PI / 2;
  return svg`${parts.map((p, i) => {
    const a = (p.y / (sum || 1)) * Math.PI * 2;
    const from = angle;
    angle += a;
    const large = a > Math.PI ? 1 : 0;
    const at = (t: number) => `${(cx + r * Math.cos(t)).toFixed(1)},${(cy + r * Math.sin(t)).toFixed(1)}`;
    const d = parts.length === 1 ? `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0` : `M${cx},${cy}L${at(from)}A${r},${r} 0 ${large},1 ${at(angle)}Z`;
    return svg`<path class=${`slice series-${i}`} d=${d}></path>`;
  })}${donut ? svg`<circle class="hole" cx=${cx} cy=${cy} r=${r * 0.55}></circle>` : svg``}`;
}

function dots(points: [number, number][], dense: boolean): SVGTemplateResult {
  if (!points.length) return svg``;
  const ys = points.map((p) => p[0]);
  const xs = points.map((p) => p[1]);
  const [minY, maxY, minX, maxX] = [Math.min(...ys), Math.max(...ys), Math.min(...xs), Math.max(...xs)];
  const sx = (W - 2 * PAD) / (maxX - minX || 1);
  const sy = (H - 2 * PAD) / (maxY - minY || 1);
  return svg`${points.map(([y, x]) => svg`<circle class=${dense ? 'dot dense' : 'dot'} cx=${(PAD + (x - minX) * sx).toFixed(1)} cy=${(H - PAD - (y - minY) * sy).toFixed(1)} r=${dense ? 5 : 1.6}></circle>`)}`;
}

/** A scatter's values: x and y both numbers. */
function scatter(values: Value[]): SVGTemplateResult {
  return dots(values.filter((v) => Number.isFinite(Number(v.x))).map((v) => [v.y, Number(v.x)]), false);
}

/** Cells shaded by value: a heatmap (x by series), or areas by code. */
function cells(values: Value[], rows: number): SVGTemplateResult {
  const xs = [...new Set(values.map((v) => v.x))].slice(0, rows > 1 ? MAX_MARKS : 24);
  const lines = rows > 1 ? Math.min(rows, 6) : Math.ceil(xs.length / 8);
  const perLine = rows > 1 ? xs.length : Math.min(xs.length, 8);
  const max = Math.max(...values.map((v) => v.y), 0);
  const cw = (W - 2 * PAD) / Math.max(perLine, 1);
  const ch = (H - 2 * PAD) / Math.max(lines, 1);
  const shade = (y: number) => (0.15 + 0.85 * (max > 0 ? y / max : 0)).toFixed(2);
  if (rows > 1) {
    return svg`${values.filter((v) => v.series < lines && xs.includes(v.x)).map((v) => svg`<rect class="mark" x=${PAD + xs.indexOf(v.x) * cw} y=${PAD + v.series * ch} width=${cw - 1} height=${ch - 1} fill-opacity=${shade(v.y)}></rect>`)}`;
  }
  const sorted = [...values].sort((a, b) => b.y - a.y).slice(0, 24);
  return svg`${sorted.map((v, i) => svg`<rect class="mark" x=${PAD + (i % perLine) * cw} y=${PAD + Math.floor(i / perLine) * ch} width=${cw - 1} height=${ch - 1} fill-opacity=${shade(v.y)}></rect>`)}`;
}

function rows(lines: string[][]): SVGTemplateResult {
  const step = (H - 2 * PAD) / 5;
  return svg`<rect class="head" x=${PAD} y=${PAD} width=${W - 2 * PAD} height=${step}></rect>
    ${lines.slice(0, 4).map((cells, r) => svg`${cells.slice(0, 3).map((cell, c) => svg`<rect class="cell" x=${PAD + c * 38} y=${PAD + (r + 1) * step + step * 0.3} width=${Math.max(Math.min(cell.length * 2.2, 34), 4)} height=${step * 0.4}></rect>`)}`)}`;
}

/** A key figure: its number, large, as the tile writes it shortened. */
function figure(value: number | null, lang: Lang): SVGTemplateResult {
  return svg`<text class="figure" x=${W / 2} y=${H / 2 + 8} text-anchor="middle">${value === null ? '–' : formatCompact(value, lang)}</text>`;
}

/** The picture of a card, or the empty frame while its numbers load. */
export function renderThumbnail(kind: ProposalKind, data: Thumbnail | undefined, lang: Lang): TemplateResult {
  let marks: SVGTemplateResult = svg``;
  if (data?.shape === 'values') {
    const v = data.values;
    switch (kind) {
      case 'chart:column': marks = columns(v, false); break;
      case 'chart:bar': marks = columns(v, true); break;
      case 'chart:line': marks = line(v, data.series, false); break;
      case 'chart:area': marks = line(v, data.series, true); break;
      case 'chart:pie': marks = slices(v, false); break;
      case 'chart:donut': marks = slices(v, true); break;
      case 'chart:scatter': marks = scatter(v); break;
      case 'chart:heatmap': marks = cells(v, data.series); break;
      default: marks = cells(v, 1);
    }
  } else if (data?.shape === 'points') {
    marks = dots(data.points, kind === 'map:heatmap');
  } else if (data?.shape === 'rows') {
    marks = rows(data.rows);
  } else if (data?.shape === 'figure') {
    marks = figure(data.value, lang);
  }
  return html`<svg class="thumb" viewBox="0 0 ${W} ${H}" aria-hidden="true" focusable="false">${marks}</svg>`;
}
