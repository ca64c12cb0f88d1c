/** Registers `<culture-table>` and `<culture-data-table>` (once, tolerating a second copy of the bundle). */
import { defineElement } from '@culture-widgets/ui';
import { CultureDataTable } from './data-table.js';
import { CultureTable } from './table.js';

defineElement('culture-table', CultureTable);
defineElement('culture-data-table', CultureDataTable);

declare global {
  interface HTMLElementTagNameMap {
    'culture-table': CultureTable;
    'culture-data-table': CultureDataTable;
  }
}

export { CultureTable, CultureDataTable };
