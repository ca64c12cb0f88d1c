import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ColumnInfo, Lang, Row, SortKey } from '@culture-widgets/core';
import { CultureSelectEvent, RowNavigation, ThemeController, baseStyles, resolveLang, type ThemeSetting } from '@culture-widgets/ui';
import { nextSort } from './columns.js';
import { renderTable } from './render-table.js';
import { tableStyles } from './table.styles.js';

/**
 * A plain accessible table of rows you already have: no fetching, no paging. The text alternative
 * that `<culture-chart>` and `<culture-map>` put next to their drawing; headers sort in place.
 *
 * ```js
 * const table = document.createElement('culture-data-table');
 * table.columns = [{ name: 'annee', type: 'integer', format: 'year' }, { name: 'total', type: 'number' }];
 * table.rows = [{ annee: 2023, total: 1234.5 }];
 * table.caption = 'Entrées par année';
 * ```
 *
 * @tag culture-data-table
 * @fires culture-select - a row was activated (click, Enter); `detail.row`.
 * @csspart frame - the scrolling box around the table
 * @csspart table - the `<table>`
 * @csspart caption - its caption
 * @csspart head - the header row group
 * @csspart header - a header cell
 * @csspart sort-button - a header's sort button (with `sortable`)
 * @csspart body - the body row group
 * @csspart row - a body row
 * @csspart cell - a body cell
 * @csspart empty - the « Aucune ligne » row
 * @cssproperty --culture-table-row-height - row height (default 2.5rem)
 * @cssproperty --culture-table-header-background - header cells (default: the surface colour)
 * @cssproperty --culture-table-stripe - background of every other row (default transparent)
 */
export class CultureDataTable extends LitElement {
  static override styles = [baseStyles, tableStyles];

  /** Rows, by property only. */
  @property({ attribute: false }) rows: readonly Row[] = [];
  /** Columns (names or typed `ColumnInfo`), by property only; default: the keys of the first row. */
  @property({ attribute: false }) columns?: readonly (ColumnInfo | string)[];
  @property() caption?: string;
  /** Keeps the caption for screen readers only. */
  @property({ type: Boolean, attribute: 'caption-hidden' }) captionHidden = false;
  /** `auto` follows the page; `light`; `dark`. */
  @property({ reflect: true }) theme: ThemeSetting = 'auto';
  /** Sortable headers (sorted in place, on a copy of `rows`). */
  @property({ type: Boolean }) sortable = false;

  @state() private sort: SortKey[] = [];

  protected readonly themeController = new ThemeController(this);
  private readonly rowNavigation = new RowNavigation(this, (index) => this.select(index));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rows')) this.rowNavigation.focusRow = 0;
  }

  override render() {
    const lang: Lang = resolveLang(this);
    const columns = toColumns(this.columns, this.rows);
    const rows = sortRows(this.rows, this.sort);
    return html`<div class="frame" part="frame" tabindex="0"
      role=${this.caption ? 'region' : nothing} aria-label=${this.caption ?? nothing}
      @click=${this.rowNavigation.onClick} @keydown=${this.rowNavigation.onKeydown}>
      ${renderTable({
        columns,
        rows,
        lang,
        caption: this.caption,
        captionHidden: this.captionHidden,
        sort: this.sort,
        onSort: this.sortable ? (column) => (this.sort = nextSort(this.sort, column)) : undefined,
        focusRow: this.rowNavigation.focusRow,
      })}
    </div>`;
  }

  private select(index: number): void {
    const row = sortRows(this.rows, this.sort)[index];
    if (row) this.dispatchEvent(new CultureSelectEvent({ row }));
  }
}

function toColumns(columns: readonly (ColumnInfo | string)[] | undefined, rows: readonly Row[]): ColumnInfo[] {
  const given = columns ?? Object.keys(rows[0] ?? {});
  return given.map((column) => (typeof column === 'string' ? { name: column, type: guessType(rows, column) } : column));
}

function guessType(rows: readonly Row[], name: string): ColumnInfo['type'] {
  const value = rows.find((row) => row[name] !== null && row[name] !== undefined)?.[name];
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
}

/** Nulls last whatever the direction: a reader looks for the values, not the gaps. */
function sortRows(rows: readonly Row[], sort: readonly SortKey[]): readonly Row[] {
  const key = sort[0];
  if (!key) return rows;
  const sign = key.descending ? -1 : 1;
  const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });
  return [...rows].sort((a, b) => {
    const x = a[key.column];
    const y = b[key.column];
    if (x === null || x === undefined || x === '') return y === null || y === undefined || y === '' ? 0 : 1;
    if (y === null || y === undefined || y === '') return -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * collator.compare(String(x), String(y));
  });
}
