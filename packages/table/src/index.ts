/**
 * @culture-widgets/table — `<culture-table>` (a searchable, sortable, paginated or virtually
 * scrolled table of any data.gouv.fr resource) and `<culture-data-table>` (rows you already have,
 * the text alternative charts and maps reuse). Classes only: `@culture-widgets/table/culture-table.js`
 * registers both tags. A chart or map can also render `renderTable({ columns, rows, lang })` in its
 * own shadow root with `tableStyles`.
 */

export { CultureTable } from './table.js';
export { CultureDataTable } from './data-table.js';
export { renderTable, type TableTemplateOptions } from './render-table.js';
export { tableStyles } from './table.styles.js';
export { cellView, barDomain, barGeometry, type CellView } from './cells.js';
export { autoTable, parseSort, selectColumns, nextSort, ariaSort } from './columns.js';
export { pageWindow, virtualWindow, type PageWindow, type VirtualWindow } from './paging.js';
export { downloadFilename } from './download.js';
export { tableMessages, type TableMessages } from './messages.js';
