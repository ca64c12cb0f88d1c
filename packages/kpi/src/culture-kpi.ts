/** Registers `<culture-kpi>` and `<culture-kpi-row>` (once, tolerating a second copy of the bundle). */
import { defineElement } from '@culture-widgets/ui';
import { CultureKpi } from './kpi.js';
import { CultureKpiRow } from './kpi-row.js';

defineElement('culture-kpi', CultureKpi);
defineElement('culture-kpi-row', CultureKpiRow);

declare global {
  interface HTMLElementTagNameMap {
    'culture-kpi': CultureKpi;
    'culture-kpi-row': CultureKpiRow;
  }
}

export { CultureKpi, CultureKpiRow };
