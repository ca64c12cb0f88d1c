/**
 * culture-widgets: every element, registered. Import this module (or load
 * `dist/culture-widgets.js` from a CDN) and write the tags in HTML.
 *
 * `culture-widgets/table`, `/chart`, `/map` and `/kpi` (CDN: `dist/culture-table.js`…) register one
 * element each, so a page that only shows a table never downloads Vega or Leaflet. The pure
 * building blocks stay in their packages (`@culture-widgets/core`, `/chart`…).
 */
import '@culture-widgets/table/culture-table.js';
import '@culture-widgets/chart/culture-chart.js';
import '@culture-widgets/map/culture-map.js';
import '@culture-widgets/kpi/culture-kpi.js';
import '@culture-widgets/source/culture-source.js';
import '@culture-widgets/source/culture-filter.js';
import '@culture-widgets/builder/culture-builder.js';

export * from '@culture-widgets/core';
export {
  CultureLoadEvent,
  CultureErrorEvent,
  CultureWarningEvent,
  CultureSelectEvent,
  CultureFilterChangeEvent,
  type CultureLoadDetail,
  type CultureErrorDetail,
  type CultureWarningDetail,
  type CultureSelectDetail,
  type CultureFilterChangeDetail,
} from '@culture-widgets/ui';
export { CultureTable, CultureDataTable } from '@culture-widgets/table';
export { CultureChart } from '@culture-widgets/chart';
export { CultureMap } from '@culture-widgets/map';
export { CultureKpi, CultureKpiRow } from '@culture-widgets/kpi';
export { CultureSource, CultureFilter } from '@culture-widgets/source';
export { CultureBuilder } from '@culture-widgets/builder';
// The embed page (embed.html → embed.js) mounts its widget through the bundle it already loads.
export { mountEmbed, parseEmbedParams, buildSnippet, buildIframeSnippet, buildShareLink } from '@culture-widgets/builder';
