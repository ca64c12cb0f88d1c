/** Registers `<culture-chart>` (once, tolerating a second copy of the bundle). */
import { defineElement } from '@culture-widgets/ui';
import { CultureChart } from './chart.js';

defineElement('culture-chart', CultureChart);

declare global {
  interface HTMLElementTagNameMap {
    'culture-chart': CultureChart;
  }
}

export { CultureChart };
