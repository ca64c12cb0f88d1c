import type { ReactiveControllerHost } from 'lit';

/**
 * Rows a reader clicks or walks with the keyboard: one roving tab stop over `tr[data-index]`
 * rows (`focusRow`), ↑ ↓ move it, Enter or Space (or a click outside a link or button) activates
 * a row. The host binds `onClick` / `onKeydown` on the rows' container.
 */
export class RowNavigation {
  /** The row holding the tab stop (an absolute index). */
  focusRow = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly activate: (index: number) => void,
  ) {}

  readonly onClick = (event: MouseEvent): void => {
    const target = event.target as Element;
    const row = target.closest?.<HTMLElement>('tr[data-index]');
    if (row && !target.closest('a, button')) this.choose(Number(row.dataset.index));
  };

  readonly onKeydown = (event: KeyboardEvent): void => {
    const row = event.target as HTMLElement;
    if (!row.matches?.('tr[data-index]')) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.choose(Number(row.dataset.index));
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
      if (!next?.dataset.index) return;
      this.focusRow = Number(next.dataset.index);
      this.host.requestUpdate();
      next.focus();
    }
  };

  private choose(index: number): void {
    this.focusRow = index;
    this.host.requestUpdate();
    this.activate(index);
  }
}
