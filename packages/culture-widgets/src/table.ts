/** Registers <culture-table> alone: what the CDN serves as dist/culture-table.js. */
import '@culture-widgets/table/culture-table.js';

export { CultureTable, CultureDataTable } from '@culture-widgets/table';
