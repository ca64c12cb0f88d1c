/**
 * Windows over the rows: the page a paginated table shows, and the slice a virtually scrolled
 * body keeps in the DOM (plus the blocks of rows to fetch for it). Pure arithmetic, no DOM.
 */

/** Rows per request of a virtually scrolled table: a multiple of every page size the tabular API accepts (its maximum is ≥ 50). */
export const BLOCK_SIZE = 50;

export interface PageWindow {
  /** 0-based page, clamped to the pages that exist. */
  page: number;
  pages: number;
  /** 1-based first and last row shown; `first > last` when there is nothing to show. */
  first: number;
  last: number;
  offset: number;
}

export function pageWindow(page: number, pageSize: number, total: number): PageWindow {
  const size = Math.max(1, Math.floor(pageSize) || 1);
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(0, Math.floor(page) || 0), pages - 1);
  const offset = current * size;
  return { page: current, pages, first: total === 0 ? 0 : offset + 1, last: Math.min(total, offset + size), offset };
}

/** Page-size choices offered next to the pager, always including the author's own. */
export function pageSizeChoices(current: number): number[] {
  return [...new Set([10, 20, 50, 100, current])].sort((a, b) => a - b);
}

export interface VirtualInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  total: number;
  /** Rows kept above and below what is visible, so a fast flick does not flash blank rows. */
  overscan?: number;
  /**
   * Tallest scroll body we let the browser lay out. Past it (Chromium stops at ~33.5 M px),
   * the scroll bar is scaled: scrolling to the end still reaches the last row.
   */
  maxHeight?: number;
}

export interface VirtualWindow {
  /** Rows `[start, end)` to render. */
  start: number;
  end: number;
  /** Height of the spacer above the rendered rows and below them, in px. */
  before: number;
  after: number;
  /** Full scroll height of the body. */
  height: number;
}

export function virtualWindow({
  scrollTop, viewportHeight, rowHeight, total, overscan = 8, maxHeight = 10_000_000,
}: VirtualInput): VirtualWindow {
  const natural = total * rowHeight;
  const height = Math.min(natural, maxHeight);
  const visible = Math.ceil(viewportHeight / rowHeight);
  const room = Math.max(0, height - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), room);
  // Exact (fractional) index of the first visible row.
  const firstExact = natural <= maxHeight
    ? top / rowHeight
    : (room === 0 ? 0 : (top / room) * Math.max(0, total - viewportHeight / rowHeight));
  const first = Math.floor(firstExact);
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, first + visible + overscan + 1);
  const before = Math.max(0, top - (firstExact - start) * rowHeight);
  const after = Math.max(0, height - before - (end - start) * rowHeight);
  return { start, end, before, after, height };
}

/** Blocks of `blockSize` rows covering `[start, end)`: what the body must have fetched. */
export function blocksFor(start: number, end: number, blockSize: number): number[] {
  if (end <= start) return [];
  const blocks: number[] = [];
  for (let block = Math.floor(start / blockSize); block <= Math.floor((end - 1) / blockSize); block++) blocks.push(block);
  return blocks;
}

/**
 * Blocks worth keeping (in flight or cached) around the window: the ones needed, plus `margin`
 * on each side so scrolling back a little does not refetch. Anything else is aborted or dropped.
 */
export function blocksToKeep(needed: readonly number[], margin: number): Set<number> {
  const keep = new Set<number>();
  for (const block of needed) for (let b = block - margin; b <= block + margin; b++) if (b >= 0) keep.add(b);
  return keep;
}
