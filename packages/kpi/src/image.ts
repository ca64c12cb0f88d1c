/**
 * The key figure as a PNG: the caption, the number, the change or share, the sparkline and the
 * citation lines (source, licence, date) drawn on a canvas. Data is drawn as text: never parsed.
 */
import type { TrendPoint } from './figure.js';
import { sparkline, type Direction } from './text.js';

export interface KpiImage {
  label: string;
  value: string;
  comparison?: { text: string; direction: Direction };
  trend?: TrendPoint[];
  caption: string[];
  theme: { text: string; muted: string; accent: string; background: string; border: string; font: string };
}

const WIDTH = 520;
const ARROWS: Record<Direction, string> = { up: '▲ ', down: '▼ ', flat: '► ', none: '' };

/** Lines of `text` no wider than `width` at the context's current font. */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && context.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

export function kpiImage(image: KpiImage, scale = 2): string {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d')!;
  const pad = 24;
  const inner = WIDTH - 2 * pad;
  const font = (size: number, weight = 400) => `${weight} ${size}px ${image.theme.font}`;
  // lay out first, to know the height
  context.font = font(16, 700);
  const label = wrap(context, image.label, inner);
  context.font = font(15);
  const comparison = image.comparison ? wrap(context, `${ARROWS[image.comparison.direction]}${image.comparison.text}`, inner) : [];
  context.font = font(11);
  const caption = image.caption.flatMap((line) => wrap(context, line, inner));
  const height = pad + label.length * 22 + 8 + 52 + comparison.length * 21 + (image.trend ? 56 : 0) + 12 + caption.length * 15 + pad;
  canvas.width = WIDTH * scale;
  canvas.height = height * scale;
  context.scale(scale, scale);
  context.fillStyle = image.theme.background;
  context.fillRect(0, 0, WIDTH, height);
  context.textBaseline = 'top';
  let y = pad;
  const write = (lines: string[], size: number, color: string, weight = 400, leading = size + 6) => {
    context.font = font(size, weight);
    context.fillStyle = color;
    for (const line of lines) {
      context.fillText(line, pad, y);
      y += leading;
    }
  };
  write(label, 16, image.theme.text, 700, 22);
  y += 8;
  write([image.value], 40, image.theme.text, 700, 52);
  write(comparison, 15, image.theme.muted, 400, 21);
  if (image.trend) {
    context.save();
    context.translate(pad, y + 8);
    context.strokeStyle = image.theme.accent;
    context.lineWidth = 2;
    context.lineJoin = 'round';
    context.stroke(new Path2D(sparkline(image.trend, inner, 40).d));
    context.restore();
    y += 56;
  }
  y += 12;
  write(caption, 11, image.theme.muted, 400, 15);
  return canvas.toDataURL('image/png');
}
