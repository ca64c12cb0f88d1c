/**
 * The `<table>` itself, as a lit template function: header (sort buttons with `aria-sort`),
 * formatted cells, safe links, in-cell bars, optional spacers for a virtual body. Shared by
 * `<culture-table>` and `<culture-data-table>` (the text alternative charts and maps reuse).
 * Data only ever lands in text nodes and attribute values.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isNumeric, type ColumnInfo, type Lang, type Row, type SortKey } from '@culture-widgets/core';
import { styleProps } from '@culture-widgets/ui';
import { ariaSort } from './columns.js';
import { barGeometry, cellView, type CellView } from './cells.js';
import { tableMessages } from './messages.js';

export interface TableTemplateOptions {
  columns: readonly ColumnInfo[];
  /** `undefined` entries are rows not fetched yet (virtual body): drawn as placeholders. */
  rows: readonly (Row | undefined)[];
  lang: Lang;
  caption?: string;
  /** Keeps the caption for screen readers only (the chart or map around it already titles it). */
  captionHidden?: boolean;
  sort?: readonly SortKey[];
  /** Makes headers sort buttons. */
  onSort?: (column: string) => void;
  /** Bar columns and the range they are drawn against. */
  bars?: ReadonlyMap<string, [number, number]>;
  /** Index of `rows[0]` in the whole result (for `aria-rowindex`). */
  firstIndex?: number;
  /** Rows in the whole result (for `aria-rowcount`), when more than `rows` exist. */
  totalRows?: number;
  /** Virtual body: empty space above and below the rendered rows, in px. */
  spacers?: { before: number; after: number };
  /** Row that takes the Tab stop (roving tabindex), absolute index; -1 makes rows not focusable. */
  focusRow?: number;
  /** Message shown in the body when there are no rows. */
  emptyText?: string;
  /** How a column is called in its header (the element's `labels`, readable names); default: its name. */
  titleOf?: (name: string) => string;
}

/**
 * Rows are not keyed on purpose: when a virtual body scrolls, lit recycles the row elements and
 * only rewrites their text, instead of removing and creating a screenful of rows every frame.
 */
export function renderTable(options: TableTemplateOptions): TemplateResult {
  const { columns, rows, lang, sort = [], firstIndex = 0, focusRow = -1 } = options;
  const rowCount = options.totalRows !== undefined ? options.totalRows + 1 : nothing;
  return html`<table part="table" aria-rowcount=${rowCount}>
    ${options.caption
      ? html`<caption part="caption" class=${options.captionHidden ? 'visually-hidden' : ''}>${options.caption}</caption>`
      : nothing}
    <thead part="head">
      <tr aria-rowindex=${options.totalRows !== undefined ? 1 : nothing}>
        ${columns.map((column) => renderHeader(column, options.titleOf?.(column.name) ?? column.name, sort, lang, options.onSort))}
      </tr>
    </thead>
    <tbody part="body">
      ${options.spacers && options.spacers.before > 0 ? spacer(options.spacers.before, columns.length) : nothing}
      ${rows.map((row, i) => renderRow(row, firstIndex + i, options, focusRow))}
      ${options.spacers && options.spacers.after > 0 ? spacer(options.spacers.after, columns.length) : nothing}
      ${rows.length === 0 && options.emptyText
        ? html`<tr><td class="no-rows" part="empty" colspan=${Math.max(1, columns.length)}>${options.emptyText}</td></tr>`
        : nothing}
    </tbody>
  </table>`;
}

function renderHeader(column: ColumnInfo, title: string, sort: readonly SortKey[], lang: Lang, onSort?: (column: string) => void) {
  const numeric = isNumeric(column) ? 'num' : '';
  if (!onSort) return html`<th scope="col" part="header" class=${numeric}>${title}</th>`;
  const state = ariaSort(sort, column.name);
  return html`<th scope="col" part="header" class=${numeric} aria-sort=${state}>
    <button type="button" part="sort-button" class="sort" title=${tableMessages(lang).sortBy(title)}
      @click=${() => onSort(column.name)}>
      <span class="label">${title}</span><span class="sort-icon sort-${state}" aria-hidden="true"></span>
    </button>
  </th>`;
}

function renderRow(row: Row | undefined, index: number, options: TableTemplateOptions, focusRow: number) {
  const tabindex = focusRow < 0 ? nothing : index === focusRow ? 0 : -1;
  const rowIndex = options.totalRows !== undefined ? index + 2 : nothing;
  if (!row) {
    return html`<tr class="placeholder" aria-rowindex=${rowIndex} aria-busy="true">
      ${options.columns.map(() => html`<td><span class="skeleton-cell"></span></td>`)}
    </tr>`;
  }
  return html`<tr part="row" data-index=${index} tabindex=${tabindex} aria-rowindex=${rowIndex}>
    ${options.columns.map((column) => renderCell(cellView(row[column.name], column, options.lang), column, row, options))}
  </tr>`;
}

function renderCell(view: CellView, column: ColumnInfo, row: Row, options: TableTemplateOptions) {
  const numeric = view.kind === 'number' || (view.kind === 'empty' && isNumeric(column));
  const domain = options.bars?.get(column.name);
  const bar = domain ? barGeometry(row[column.name], domain) : null;
  const classes = `${numeric ? 'num' : ''}${domain ? ' has-bar' : ''}`;
  return html`<td part="cell" class=${classes}>${renderValue(view, options.lang)}${bar
    ? html`<span class="bar-track" aria-hidden="true"><span class="bar" part="bar" ${styleProps({ left: `${bar.left}%`, width: `${bar.width}%` })}></span></span>`
    : nothing}</td>`;
}

function renderValue(view: CellView, lang: Lang) {
  switch (view.kind) {
    case 'empty':
      // Visibly empty, and said so to screen readers (a blank cell reads as nothing at all).
      return html`<span class="empty" aria-hidden="true">–</span><span class="visually-hidden">${tableMessages(lang).empty}</span>`;
    case 'link':
      return html`<a href=${view.href} target="_blank" rel="noopener noreferrer">${view.text}<span class="visually-hidden">${tableMessages(lang).newWindow}</span></a>`;
    default:
      return view.text;
  }
}

function spacer(height: number, span: number) {
  return html`<tr class="spacer" aria-hidden="true" ${styleProps({ height: `${height}px` })}><td colspan=${Math.max(1, span)}></td></tr>`;
}
