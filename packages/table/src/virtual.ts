/**
 * The virtually scrolled body: keeps only the visible rows (plus overscan) in the DOM and fetches
 * blocks of rows through core as they scroll into view. Blocks scrolled past are aborted while in
 * flight and dropped from memory, so 500,000 rows cost what a screenful costs.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { runQuery, type Query, type ResolvedSource, type Row } from '@culture-widgets/core';
import { BLOCK_SIZE, blocksFor, blocksToKeep, virtualWindow, type VirtualWindow } from './paging.js';

/** Neighbouring blocks kept around the visible ones. */
const MARGIN = 2;
/** Wait for the scroll to settle a little before asking for rows a flick just passed. */
const FETCH_DELAY = 60;

/** A loaded view: its first block of rows is `result.rows` (query `offset` 0, `limit` BLOCK_SIZE). */
export interface VirtualData {
  source: ResolvedSource;
  /** The view's query; blocks only change `offset` / `limit`. */
  query: Query;
  result: { rows: readonly Row[]; total: number };
}

export class VirtualRows implements ReactiveController {
  window: VirtualWindow = { start: 0, end: 0, before: 0, after: 0, height: 0 };
  /** Measured from a rendered row; the CSS row height is the first guess. */
  rowHeight = 40;
  /** Requests made for blocks (bench and tests read it). */
  requested = 0;

  private data?: VirtualData;
  private readonly blocks = new Map<number, readonly Row[]>();
  private readonly inflight = new Map<number, AbortController>();
  private timer?: ReturnType<typeof setTimeout>;
  private scroller?: HTMLElement;
  private resizeObserver?: ResizeObserver;
  private frame = 0;
  /** Geometry read from the DOM once per view / resize. */
  private measured = false;
  private bodyTop = 0;
  private viewportHeight = 600;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** A new view (dataset, filter, sort, search): forget every row of the previous one. */
  reset(data: VirtualData | undefined): void {
    if (data === this.data) return;
    this.abortAll();
    this.blocks.clear();
    this.data = data;
    this.measured = false;
    if (data) this.blocks.set(0, data.result.rows);
    if (this.scroller) this.scroller.scrollTop = 0;
    this.update();
  }

  /** Rows `[start, end)` of the window; `undefined` where a block has not arrived yet. */
  rows(): (Row | undefined)[] {
    const rows: (Row | undefined)[] = [];
    for (let i = this.window.start; i < this.window.end; i++) {
      rows.push(this.blocks.get(Math.floor(i / BLOCK_SIZE))?.[i % BLOCK_SIZE]);
    }
    return rows;
  }

  rowAt(index: number): Row | undefined {
    return this.blocks.get(Math.floor(index / BLOCK_SIZE))?.[index % BLOCK_SIZE];
  }

  /**
   * Called after each render with the scroll box. Geometry (row height, where the body starts
   * under the caption and header) is read once per view and on resize, never per scroll frame:
   * a scroll frame only reads `scrollTop`, so it never forces a layout.
   */
  attach(scroller: HTMLElement | null): void {
    if (scroller !== this.scroller) {
      this.scroller?.removeEventListener('scroll', this.onScroll);
      this.resizeObserver?.disconnect();
      this.scroller = scroller ?? undefined;
      this.measured = false;
      if (scroller) {
        scroller.addEventListener('scroll', this.onScroll, { passive: true });
        this.resizeObserver ??= new ResizeObserver(() => {
          this.measured = false;
          this.update();
        });
        this.resizeObserver.observe(scroller);
      }
    }
    if (!this.measured) this.measureGeometry();
  }

  hostDisconnected(): void {
    this.abortAll();
    cancelAnimationFrame(this.frame);
    this.scroller?.removeEventListener('scroll', this.onScroll);
    this.resizeObserver?.disconnect();
    this.scroller = undefined;
  }

  private measureGeometry(): void {
    const scroller = this.scroller;
    const row = scroller?.querySelector<HTMLElement>('tbody tr[data-index]');
    const body = scroller?.querySelector('tbody');
    if (!scroller || !row || !body) return;
    this.measured = true;
    const height = row.getBoundingClientRect().height;
    if (height > 0) this.rowHeight = height;
    // Where the body (its top spacer included) starts under the caption and the header.
    this.bodyTop = body.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    this.viewportHeight = scroller.clientHeight;
    this.update();
  }

  /** Recomputes the window from the scroll position; renders only when it moved. */
  private update(): void {
    const data = this.data;
    if (!data) return;
    const next = virtualWindow({
      scrollTop: (this.scroller?.scrollTop ?? 0) - this.bodyTop,
      viewportHeight: this.viewportHeight,
      rowHeight: this.rowHeight,
      total: data.result.total,
    });
    const moved = next.start !== this.window.start || next.end !== this.window.end || Math.abs(next.before - this.window.before) > 0.5 || next.height !== this.window.height;
    this.window = next;
    if (moved) this.host.requestUpdate();
    this.schedule();
  }

  private readonly onScroll = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.update());
  };

  private schedule(): void {
    clearTimeout(this.timer);
    const needed = blocksFor(this.window.start, this.window.end, BLOCK_SIZE);
    const keep = blocksToKeep(needed, MARGIN);
    for (const [block, controller] of this.inflight) {
      if (!keep.has(block)) {
        controller.abort();
        this.inflight.delete(block);
      }
    }
    for (const block of this.blocks.keys()) if (!keep.has(block)) this.blocks.delete(block);
    if (needed.some((block) => !this.blocks.has(block) && !this.inflight.has(block))) {
      this.timer = setTimeout(() => needed.forEach((block) => this.fetch(block)), FETCH_DELAY);
    }
  }

  private async fetch(block: number): Promise<void> {
    const data = this.data;
    if (!data || this.blocks.has(block) || this.inflight.has(block)) return;
    const controller = new AbortController();
    this.inflight.set(block, controller);
    this.requested++;
    try {
      const result = await runQuery(data.source, { ...data.query, offset: block * BLOCK_SIZE, limit: BLOCK_SIZE }, { signal: controller.signal });
      // A block of an earlier view, or one scrolled past, never lands.
      if (this.data !== data || controller.signal.aborted) return;
      this.blocks.set(block, result.rows);
      this.host.requestUpdate();
    } catch {
      // Aborted, or failed: the placeholders stay and the next scroll asks again.
    } finally {
      if (this.inflight.get(block) === controller) this.inflight.delete(block);
    }
  }

  private abortAll(): void {
    clearTimeout(this.timer);
    for (const controller of this.inflight.values()) controller.abort();
    this.inflight.clear();
  }
}
