/**
 * Registers `<culture-builder>` and the three elements it previews, so the builder works on its
 * own (`@culture-widgets/builder/culture-builder.js`) as well as inside the full bundle.
 */
import '@culture-widgets/table/culture-table.js';
import '@culture-widgets/chart/culture-chart.js';
import '@culture-widgets/map/culture-map.js';
import { defineElement } from '@culture-widgets/ui';
import { CultureBuilder } from './builder.js';

defineElement('culture-builder', CultureBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'culture-builder': CultureBuilder;
  }
}

export { CultureBuilder };
